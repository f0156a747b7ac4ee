/**
 * Turning what the switch says (a Reject, a refused LoginResult, a WebSocket close code) into
 * the project's one error type, and deciding which failures a reconnect may retry.
 */
import { CletsError, ERROR_CODES, isErrorCode, type ErrorCode, type LoginResult, type Reject } from '@clets/protocol';

/**
 * A code and reason from the wire as a CletsError. A code outside the table (a newer switch)
 * becomes `fallback`, with the unknown code kept in the message. The switch's reason usually
 * starts with the table's own message; that prefix is not repeated.
 */
export function errorFromWire(
  code: string | null | undefined,
  reason: string | null | undefined,
  fallback: ErrorCode,
  options: { field?: string; position?: number; system?: string } = {},
): CletsError {
  const known = code != null && isErrorCode(code) ? code : undefined;
  const chosen = known ?? fallback;
  const base = ERROR_CODES[chosen].message;
  let detail = reason ?? '';
  if (detail === base) detail = '';
  else if (detail.startsWith(`${base}: `)) detail = detail.slice(base.length + 2);
  if (known === undefined && code) detail = detail ? `${code}: ${detail}` : code;
  const extra: { field?: string; position?: number; system?: string } = {};
  if (options.field) extra.field = options.field;
  if (options.position) extra.position = options.position;
  if (options.system) extra.system = options.system;
  return new CletsError(chosen, detail || undefined, extra);
}

/** A Reject (ER) as an error, e.g. for `sendOrThrow`. */
export function errorFromReject(reject: Reject): CletsError {
  return errorFromWire(reject.code, reject.reason, 'CLETS_ERR_INTERNAL', {
    field: reject.field ?? '', position: reject.position ?? 0, system: reject.system ?? '',
  });
}

/** A LoginResult with ok=false as an error (CLETS_ERR_LOGIN_FAILED when it names no code). */
export function errorFromLoginResult(result: LoginResult): CletsError {
  return errorFromWire(result.code, result.reason, 'CLETS_ERR_LOGIN_FAILED');
}

/**
 * Close codes and the error each one means: the error table's own `close` column (the first
 * code of the table for a close code two share), and 1000, the normal close, which a switch
 * sends a terminal only when its session has ended.
 */
const CLOSE_CODE_ERRORS: ReadonlyMap<number, ErrorCode> = (() => {
  const byClose = new Map<number, ErrorCode>([[1000, 'CLETS_ERR_LOGGED_OUT']]);
  for (const [code, definition] of Object.entries(ERROR_CODES) as [ErrorCode, { close?: number }][]) {
    if (definition.close !== undefined && !byClose.has(definition.close)) byClose.set(definition.close, code);
  }
  return byClose;
})();

/**
 * The error a closed connection means. Codes outside the table (1006: the TCP connection
 * dropped without a closing handshake) mean the switch is unreachable.
 */
export function errorFromClose(code: number, reason: string): CletsError {
  const mapped = CLOSE_CODE_ERRORS.get(code);
  const detail = `connection to the switch closed (${code}${reason ? ` ${reason}` : ''})`;
  return new CletsError(mapped ?? 'CLETS_ERR_SYSTEM_UNAVAILABLE', detail);
}

/**
 * Failures a reconnect may retry: the switch was away, busy or restarting. Everything else
 * stops the reconnect loop. A refused password, above all, is never retried with the stored
 * credentials: five in a row would lock the operator's account (CJIS failed-logon control).
 * Neither is 4011 (re-authentication is the operator's to do, not a stored password's) nor
 * 4016 (a newer login of the same operator won; fighting it back would be a loop).
 */
const RETRYABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'CLETS_ERR_SYSTEM_UNAVAILABLE',
  'CLETS_ERR_SYSTEM_TIMEOUT',
  'CLETS_ERR_SHUTTING_DOWN',
  'CLETS_ERR_OVERLOADED',
  'CLETS_ERR_INTERNAL',
  'CLETS_ERR_AUDIT_UNAVAILABLE',
  'CLETS_ERR_SLOW_CONSUMER',
  'CLETS_ERR_AUTH_TIMEOUT',
  // 1013: the switch's connection cap for this address or port; later, there may be room.
  'CLETS_ERR_TOO_MANY_CONNECTIONS',
  // The switch may not yet have seen the old connection go (a dead link found by heartbeat).
  'CLETS_ERR_SESSION_ACTIVE_ELSEWHERE',
  // A code already used in this 30 s step: the next attempt waits for a fresh one.
  'CLETS_ERR_SECOND_FACTOR_REPLAYED',
]);

export function isRetryable(error: CletsError): boolean {
  return RETRYABLE.has(error.code);
}
