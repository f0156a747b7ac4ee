import { timingSafeEqual } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { base32Decode, base32Encode, hotp, matchTotp, totpCode } from './totp.js';

// The real comparison, watched: the test counts the constant-time comparisons a match makes.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

// RFC 6238 appendix B: the SHA-1 secret is the ASCII string "12345678901234567890".
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));

describe('TOTP', () => {
  it('matches the RFC 6238 test vectors (last 6 digits)', () => {
    expect(totpCode(RFC_SECRET, 59_000)).toBe('287082');
    expect(totpCode(RFC_SECRET, 1111111109_000)).toBe('081804');
    expect(totpCode(RFC_SECRET, 1234567890_000)).toBe('005924');
    expect(totpCode(RFC_SECRET, 2000000000_000)).toBe('279037');
  });

  it('matches the RFC 4226 HOTP vectors', () => {
    const secret = Buffer.from('12345678901234567890');
    expect([0, 1, 2, 9].map((counter) => hotp(secret, counter))).toEqual(['755224', '287082', '359152', '520489']);
  });

  it('round-trips base32 and refuses foreign characters', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255, 7]);
    expect(base32Decode(base32Encode(bytes))).toEqual(bytes);
    expect(() => base32Decode('AB1C')).toThrow(/'1'/);
  });

  it('accepts a code within one step either side and reports which step', () => {
    const now = 1_800_000_000_000;
    const previous = totpCode(RFC_SECRET, now - 30_000);
    expect(matchTotp(RFC_SECRET, previous, now)).toBe(Math.floor(now / 30_000) - 1);
    expect(matchTotp(RFC_SECRET, totpCode(RFC_SECRET, now - 90_000), now)).toBeUndefined();
    expect(matchTotp(RFC_SECRET, '12345', now)).toBeUndefined();
  });

  it('compares in constant time, every step of the window whichever one matches', () => {
    const now = 1_800_000_000_000;
    const compare = vi.mocked(timingSafeEqual);
    const comparisons = (code: string): { step: number | undefined; calls: number } => {
      compare.mockClear();
      const step = matchTotp(RFC_SECRET, code, now, 2);
      return { step, calls: compare.mock.calls.length };
    };
    const base = Math.floor(now / 30_000);
    // The earliest step, the current one, and no match at all: five comparisons each.
    expect(comparisons(totpCode(RFC_SECRET, now - 60_000))).toEqual({ step: base - 2, calls: 5 });
    expect(comparisons(totpCode(RFC_SECRET, now))).toEqual({ step: base, calls: 5 });
    expect(comparisons('000000')).toEqual({ step: undefined, calls: 5 });
    for (const call of compare.mock.calls) expect((call[0] as Buffer).length).toBe(6);
  });
});
