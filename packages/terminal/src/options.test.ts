import { describe, expect, it } from 'vitest';
import { CletsError } from '@clets/protocol';
import { resolveOptions } from './options.js';

describe('resolveOptions', () => {
  it('fills the defaults and keeps the secrets apart', () => {
    const { settings, secrets } = resolveOptions({ url: 'ws://127.0.0.1:1', mnemonic: 'T001', deviceSecret: 'dev', password: 'pw-123456' });
    expect(settings).toMatchObject({ requestTimeoutMs: 10_000, maxFrameBytes: 65_536, maxReceivedFrameBytes: 2 * 1024 * 1024, reconnect: { enabled: false, minDelayMs: 250, maxDelayMs: 30_000 } });
    expect(Object.isFrozen(settings)).toBe(true);
    expect(JSON.stringify(settings)).not.toContain('pw-123456');
    expect(secrets.password).toBe('pw-123456');
  });

  it('lists every problem by path, without echoing values', () => {
    let caught: unknown;
    try {
      resolveOptions({
        url: 'http://x', mnemonic: 'T001', deviceSecret: 'dev', password: '', totpSecret: 'ABC', secondFactor: async () => '1',
        reconnect: { enabled: true, minDelayMs: 500, maxDelayMs: 100 },
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(CletsError);
    const message = (caught as CletsError).message;
    expect((caught as CletsError).code).toBe('CLETS_ERR_REQUEST_INVALID');
    expect(message).toContain('url: must be a ws:// or wss:// URL');
    expect(message).toContain('password:');
    expect(() => resolveOptions({ url: 'ws://x', mnemonic: 'T001', deviceSecret: 'dev', secret: 'zz-top-secret' } as never)).toThrow(/Unrecognized key/);
  });
});
