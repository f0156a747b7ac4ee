import { describe, expect, it } from 'vitest';
import { errorFromClose, errorFromLoginResult, errorFromReject, errorFromWire, isRetryable } from './wire-errors.js';

describe('wire errors', () => {
  it('keeps the code and does not repeat the table message', () => {
    const error = errorFromReject({ code: 'CLETS_ERR_FIELD_INVALID', reason: 'a field fails its edit: DOB must be CCYYMMDD', field: 'DOB', position: 14 });
    expect(error).toMatchObject({ code: 'CLETS_ERR_FIELD_INVALID', field: 'DOB', position: 14, message: 'a field fails its edit: DOB must be CCYYMMDD' });
    expect(errorFromWire('CLETS_ERR_LOGIN_FAILED', 'operator id or password invalid', 'CLETS_ERR_INTERNAL').message).toBe('operator id or password invalid');
  });

  it('keeps an unknown code in the message under the fallback', () => {
    const error = errorFromLoginResult({ ok: false, code: 'CLETS_ERR_FROM_THE_FUTURE', reason: 'new rule' });
    expect(error.code).toBe('CLETS_ERR_LOGIN_FAILED');
    expect(error.message).toContain('CLETS_ERR_FROM_THE_FUTURE: new rule');
  });

  it('maps close codes to errors, and only transient ones are retried', () => {
    expect(errorFromClose(4016, 'newer login').code).toBe('CLETS_ERR_SESSION_SUPERSEDED');
    expect(errorFromClose(4017, '').code).toBe('CLETS_ERR_LOGGED_OUT');
    expect(errorFromClose(1001, '').code).toBe('CLETS_ERR_SHUTTING_DOWN');
    const dropped = errorFromClose(1006, '');
    expect(dropped.code).toBe('CLETS_ERR_SYSTEM_UNAVAILABLE');
    expect(dropped.message).toContain('(1006)');
    expect(isRetryable(dropped)).toBe(true);
    expect(isRetryable(errorFromClose(1001, ''))).toBe(true);
    expect(isRetryable(errorFromClose(4904, ''))).toBe(true);
    for (const code of [1000, 4001, 4011, 4016, 4017, 4019]) expect(isRetryable(errorFromClose(code, ''))).toBe(false);
    // Over a connection cap (1013) the switch asks to be tried again later.
    expect(errorFromClose(1013, 'too many connections').code).toBe('CLETS_ERR_TOO_MANY_CONNECTIONS');
    expect(isRetryable(errorFromClose(1013, ''))).toBe(true);
    expect(errorFromClose(4019, '').code).toBe('CLETS_ERR_TERMINAL_BUSY');
    expect(isRetryable(errorFromLoginResult({ ok: false, code: 'CLETS_ERR_LOGIN_FAILED' }))).toBe(false);
    expect(isRetryable(errorFromLoginResult({ ok: false, code: 'CLETS_ERR_ACCOUNT_LOCKED' }))).toBe(false);
  });
});
