/**
 * The security policy seam: who may connect, who may log in, and who may send what. The
 * switch calls it on every connection, login and transaction; the rules live behind it
 * (`PlainSecurityPolicy` here, the full CLETS / CJIS rules in `CjisSecurityPolicy`).
 */
import {
  CletsError, type LoginBanner, type MessageKeyDefinition, type OperatorRole, type TerminalClass, type TerminalHello, type Transaction,
} from '@clets/protocol';

export type { OperatorRole, TerminalClass };

/** A registered terminal, once its credential has been checked. */
export interface TerminalIdentity {
  readonly mnemonic: string;
  readonly ori: string;
  readonly terminalClass: TerminalClass;
  /** Message keys this terminal may send; undefined: all. */
  readonly allowedKeys: ReadonlySet<string> | undefined;
  /** The network address the terminal connected from (the misuse rules compare an operator's). */
  readonly sourceAddress?: string;
}

/** A logged-in operator at a terminal. */
export interface OperatorSession {
  readonly sessionId: string;
  readonly operatorId: string;
  readonly ori: string;
  readonly role: OperatorRole;
  readonly terminal: TerminalIdentity;
  readonly startedAt: number;
  /** When the session must authenticate again (CJIS: at least every 12 hours). */
  readonly reauthenticateAt: number;
}

/** Where a connection comes from, for the audit log. */
export interface ConnectionSource {
  readonly address: string;
  /** Subject of a verified client certificate, when TLS client auth is used. */
  readonly certificateSubject?: string;
}

export type LoginStep =
  | { readonly kind: 'second-factor'; readonly pending: PendingLogin; readonly method: 'TOTP' }
  | { readonly kind: 'complete'; readonly session: OperatorSession };

/** A login waiting for its second factor. Opaque to the switch. */
export interface PendingLogin {
  readonly operatorId: string;
  readonly terminal: TerminalIdentity;
  readonly startedAt: number;
}

/** What the policy says of an authorised transaction: it may still be flagged for review. */
export interface Authorization {
  /** Misuse indicators (watch list, relative, unusual volume): allowed, but reported. */
  readonly flags: readonly { readonly kind: string; readonly detail: string }[];
}

export interface SecurityPolicy {
  /** The login banner shown until acknowledged. */
  banner(): LoginBanner;
  /** Checks a terminal's registration and device credential. Throws CletsError. */
  authenticateTerminal(hello: TerminalHello, source: ConnectionSource): Promise<TerminalIdentity>;
  /** Checks the operator's password (and lockout). Throws CletsError. */
  beginLogin(terminal: TerminalIdentity, operatorId: string, password: string, now: number): Promise<LoginStep>;
  /** Checks the second factor of a pending login. Throws CletsError. */
  completeLogin(pending: PendingLogin, code: string, now: number): Promise<OperatorSession>;
  /**
   * Whether a session may still act now (idle lock, re-authentication, certification that
   * lapsed during the session). Throws CletsError. `activity` marks this as operator activity.
   */
  checkSession(session: OperatorSession, now: number, activity: boolean): void;
  /**
   * Whether this operator may send this validated transaction now: role, certification,
   * agency, terminal, route-to rules, misuse. Throws CletsError; returns review flags.
   */
  authorizeTransaction(session: OperatorSession, definition: MessageKeyDefinition, transaction: Transaction, now: number): Authorization;
  /** The session ended (logout, close, superseded). */
  endSession(session: OperatorSession): void;
}

/**
 * The one answer of a refused login, whatever was wrong (id, password, one-time code), so the
 * answer never says which factor was right. The real reason is its cause, for the audit log.
 */
export function loginFailed(reason: CletsError | undefined, detail = 'check the operator id, password and one-time code'): CletsError {
  return new CletsError('CLETS_ERR_LOGIN_FAILED', detail, reason === undefined ? {} : { cause: reason });
}

/** The code a login was really refused for, when its answer hides it (for the audit row only). */
export function loginFailureReason(error: CletsError): string | undefined {
  return error.cause instanceof CletsError ? error.cause.code : undefined;
}
