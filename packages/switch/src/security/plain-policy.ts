/**
 * The plain security policy: registered terminals with their device secret, operators
 * with their password, and the role rule (full access may update, less-than-full access
 * inquires only, practitioners and administrators operate no terminal). The full CLETS /
 * CJIS rules (banner, second factor, lockout, certifications, route-to, misuse) are in
 * CjisSecurityPolicy; this one keeps the switch testable without them.
 */
import { randomUUID, timingSafeEqual } from 'node:crypto';
import { CletsError, checkRoleForKey, type LoginBanner, type MessageKeyDefinition, type TerminalHello } from '@clets/protocol';
import type { Authorization, LoginStep, OperatorSession, PendingLogin, SecurityPolicy, TerminalIdentity } from './policy.js';
import type { Registry } from './registry.js';

const TWELVE_HOURS_MS = 12 * 60 * 60 * 1000;

export const CJIS_BANNER_STATEMENTS = [
  'THIS IS A RESTRICTED CRIMINAL JUSTICE INFORMATION SYSTEM FOR AUTHORIZED USE ONLY.',
  'SYSTEM USAGE IS MONITORED, RECORDED AND SUBJECT TO AUDIT.',
  'UNAUTHORIZED USE IS PROHIBITED AND SUBJECT TO CRIMINAL AND CIVIL PENALTIES.',
  'USE OF THE SYSTEM INDICATES CONSENT TO MONITORING AND RECORDING.',
] as const;

export function safeEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  // Compare equal lengths only, but always do the work, so timing says nothing of the length.
  return timingSafeEqual(a.length === b.length ? a : b, b) && a.length === b.length;
}

export class PlainSecurityPolicy implements SecurityPolicy {
  constructor(private readonly registry: Registry) {}

  banner(): LoginBanner {
    return { bannerId: 'cjis-banner-1', statements: [...CJIS_BANNER_STATEMENTS], text: CJIS_BANNER_STATEMENTS.join('\n') };
  }

  async authenticateTerminal(hello: TerminalHello): Promise<TerminalIdentity> {
    const terminal = this.registry.terminals.get(hello.mnemonic ?? '');
    if (terminal === undefined) throw new CletsError('CLETS_ERR_TERMINAL_UNKNOWN', hello.mnemonic ?? '');
    if (!safeEqual(hello.deviceSecret ?? '', terminal.deviceSecret)) throw new CletsError('CLETS_ERR_TERMINAL_CREDENTIAL', terminal.mnemonic);
    return {
      mnemonic: terminal.mnemonic, ori: terminal.ori, terminalClass: terminal.class,
      allowedKeys: terminal.allowedKeys === undefined ? undefined : new Set(terminal.allowedKeys),
    };
  }

  async beginLogin(terminal: TerminalIdentity, operatorId: string, password: string, now: number): Promise<LoginStep> {
    const operator = this.registry.operators.get(operatorId);
    if (operator === undefined || !safeEqual(password, operator.password)) throw new CletsError('CLETS_ERR_LOGIN_FAILED');
    if (operator.deactivated) throw new CletsError('CLETS_ERR_OPERATOR_DEACTIVATED');
    if (operator.role !== 'FAO' && operator.role !== 'LTFAO') throw new CletsError('CLETS_ERR_ROLE_NO_TERMINAL_ACCESS', operator.role);
    return {
      kind: 'complete',
      session: {
        sessionId: randomUUID(), operatorId: operator.id, ori: operator.ori, role: operator.role, terminal,
        startedAt: now, reauthenticateAt: now + TWELVE_HOURS_MS,
      },
    };
  }

  async completeLogin(pending: PendingLogin): Promise<OperatorSession> {
    throw new CletsError('CLETS_ERR_FRAME_UNEXPECTED', `no second factor pending for ${pending.operatorId}`);
  }

  checkSession(): void {}

  authorizeTransaction(session: OperatorSession, definition: MessageKeyDefinition): Authorization {
    if (session.terminal.allowedKeys !== undefined && !session.terminal.allowedKeys.has(definition.key)) {
      throw new CletsError('CLETS_ERR_TERMINAL_KEY_NOT_ALLOWED', `${session.terminal.mnemonic} may not send ${definition.key}`);
    }
    checkRoleForKey(definition, { fullAccess: session.role === 'FAO' });
    return { flags: [] };
  }

  endSession(): void {}
}
