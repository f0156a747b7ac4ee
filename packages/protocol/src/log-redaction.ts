/**
 * The one redact list of every service's logger (switch, backends): the fields whose values
 * never reach a log line, wherever they sit in a logged object (CJIS: passwords and
 * authenticators are never logged; link and peer secrets, TOTP secrets and codes, device
 * secrets, session tokens and authorization headers are authenticators too).
 *
 * Pure data, in the pino redact path syntax: each key at the top of a logged object and up
 * to `REDACT_DEPTH` levels below it (`*` also walks array items, so `links[0].secret` of a
 * logged config is covered by `*.*.secret`).
 */

/** Field names whose values are secrets, however deep in a logged object. */
export const SECRET_LOG_KEYS = [
  'secret', 'secrets', 'password', 'passwordHash', 'newPassword',
  'totpSecret', 'totpCode', 'secondFactorAnswer', 'otp',
  'deviceSecret', 'token', 'adminToken', 'bootstrapSecret', 'accessToken', 'refreshToken',
  'authorization', 'cookie', 'privateKey',
] as const;

/** How many object levels below the logged object a secret key is looked for. */
export const REDACT_DEPTH = 5;

/** What a redacted value is replaced by. */
export const LOG_REDACT_CENSOR = '[REDACTED]';

/** The pino `redact.paths`: every secret key at depth 0 to REDACT_DEPTH. */
export const LOG_REDACT_PATHS: readonly string[] = Object.freeze(
  SECRET_LOG_KEYS.flatMap((key) => Array.from({ length: REDACT_DEPTH + 1 }, (_, depth) => `${'*.'.repeat(depth)}${key}`)),
);

/** The pino `redact` option every service uses. */
export function logRedaction(): { paths: string[]; censor: string } {
  return { paths: [...LOG_REDACT_PATHS], censor: LOG_REDACT_CENSOR };
}
