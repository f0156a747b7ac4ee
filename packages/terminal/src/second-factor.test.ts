import { describe, expect, it } from 'vitest';
import { totpCode } from '@clets/protocol';
import { SecondFactorAnswerer } from './second-factor.js';

const SECRET = 'JBSWY3DPEHPK3PXP';

describe('SecondFactorAnswerer', () => {
  it('answers with the TOTP code of its clock and knows when a fresh code exists', async () => {
    let now = 30_000 * 1_000 + 10_000;
    const answerer = new SecondFactorAnswerer(() => now);
    expect(answerer.msUntilFreshCode()).toBe(0);
    expect(await answerer.answer('TOTP', { totpSecret: SECRET })).toBe(totpCode(SECRET, now));
    expect(answerer.msUntilFreshCode()).toBe(20_000);
    now += 20_000;
    expect(answerer.msUntilFreshCode()).toBe(0);
  });

  it('prefers a provider, and refuses a challenge it has no means to answer', async () => {
    const answerer = new SecondFactorAnswerer(() => 0);
    expect(await answerer.answer('PUSH', { provider: async ({ method }) => `${method}-ok` })).toBe('PUSH-ok');
    await expect(answerer.answer('TOTP', {})).rejects.toMatchObject({ code: 'CLETS_ERR_SECOND_FACTOR_REQUIRED' });
    await expect(answerer.answer('SMS', { totpSecret: SECRET })).rejects.toMatchObject({ code: 'CLETS_ERR_SECOND_FACTOR_REQUIRED' });
    const bad = await answerer.answer('TOTP', { totpSecret: 'not base32 at all!' }).catch((error: Error) => error);
    expect((bad as Error).message).not.toContain('!');
  });
});
