/**
 * The second factor (CJIS multi-factor, AAL2: replay resistant, each one-time code accepted
 * once): TOTP (RFC 6238) through `matchTotp`. The last accepted time step is remembered per
 * operator (persisted by the operator store), and a code whose step is not later than it is
 * refused as replayed: the same code twice, and an older code still inside the drift window
 * after a newer one was used.
 */
import { CletsError, matchTotp } from '@clets/protocol';

export type SecondFactorOutcome =
  | { readonly ok: true; readonly step: number }
  | { readonly ok: false; readonly code: 'CLETS_ERR_SECOND_FACTOR_INVALID' | 'CLETS_ERR_SECOND_FACTOR_REPLAYED' };

/**
 * Checks a code against a secret at `now`. `lastAcceptedStep` is the operator's last accepted
 * step (null: none yet); on success the caller stores the returned step.
 */
export function checkTotp(secret: string, code: string, now: number, lastAcceptedStep: number | null, windowSteps: number): SecondFactorOutcome {
  let step: number | undefined;
  try {
    step = matchTotp(secret, code.trim(), now, windowSteps);
  } catch {
    // A secret that is not base32 cannot match anything: treat as an invalid code, never leak why.
    step = undefined;
  }
  if (step === undefined) return { ok: false, code: 'CLETS_ERR_SECOND_FACTOR_INVALID' };
  if (lastAcceptedStep !== null && step <= lastAcceptedStep) return { ok: false, code: 'CLETS_ERR_SECOND_FACTOR_REPLAYED' };
  return { ok: true, step };
}

/** The outcome as the error a login answers with. */
export function secondFactorError(outcome: Extract<SecondFactorOutcome, { ok: false }>): CletsError {
  return new CletsError(outcome.code);
}
