/**
 * The generated terminals of the scale scenario (the fixtures register 26): the scale switch
 * registers them, the bench logs them in. One full-access operator per terminal, spread over
 * the county's real agencies (the key mix's lines carry their ORIs).
 */
import type { TerminalLogin } from './fixture-terminals.js';

export const SCALE_ORIS = ['CA0190000', 'CA0190100', 'CA0190200', 'CA0190300', 'CA0199100'] as const;

/** The i-th generated terminal and its operator. */
export function scaleTerminal(index: number): TerminalLogin {
  return {
    mnemonic: `Z${index.toString(36).toUpperCase().padStart(3, '0')}`,
    ori: SCALE_ORIS[index % SCALE_ORIS.length]!,
    deviceSecret: `scale-device-${index}`,
    operatorId: `SC${String(index).padStart(5, '0')}`,
    password: `scale-pass-${index}`,
    totpSecret: '',
    role: 'FAO',
  };
}
