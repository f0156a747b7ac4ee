import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { parseSwitchConfig } from './config.js';
import { createSwitchLogger } from './logger.js';

function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({ write(chunk, _encoding, done) { chunks.push(String(chunk)); done(); } });
  return { stream, text: () => chunks.join('') };
}

describe('switch logger', () => {
  it('never writes a link or peer secret, a password, a TOTP secret or code, a device secret, a token or an authorization header', () => {
    const config = parseSwitchConfig({
      switchId: 'state', role: 'state',
      links: [{ name: 'NCIC', url: 'ws://127.0.0.1:1/NCIC', secret: 'link-secret-NCIC-1' }],
      peers: [{ peerId: 'county-19', secret: 'peer-secret-19-abc' }],
      security: { administrators: [{ id: 'bootstrap', passwordHash: '$scrypt$ln=4,r=1,p=1$c2FsdA==$a2V5', totpSecret: 'TOTPSECRETBASE32XX' }] },
    });
    const out = capture();
    const logger = createSwitchLogger(config, out.stream);
    logger.info({ config }, 'config');
    logger.warn({
      login: { operatorId: 'OP1001', password: 'Demo-Pass-1001!', totpCode: '908172' },
      hello: { mnemonic: 'LA01', deviceSecret: 'device-secret-LA01' },
      request: { headers: { authorization: 'Bearer gateway-token-xyz' } },
      session: { token: 'admin-session-token' },
    }, 'attempt');
    const text = out.text();
    for (const secret of ['link-secret-NCIC-1', 'peer-secret-19-abc', 'TOTPSECRETBASE32XX', 'c2FsdA', 'Demo-Pass-1001!', '908172', 'device-secret-LA01', 'gateway-token-xyz', 'admin-session-token']) {
      expect(text).not.toContain(secret);
    }
    // What is not secret stays, so the lines still say something.
    expect(text).toContain('county-19');
    expect(text).toContain('OP1001');
    expect(text.match(/\[REDACTED\]/g)?.length).toBeGreaterThanOrEqual(9);
  });
});
