import { describe, expect, it } from 'vitest';
import { ALERT_INTERVAL_MS, LoginRateLimiter, sourceKey, type LoginAttempt } from './login-rate-limiter.js';

const MINUTE = 60_000;

function failed(attempt: LoginAttempt): LoginAttempt {
  if (attempt.ok) attempt.settle(false);
  return attempt;
}

describe('LoginRateLimiter', () => {
  it('lets a burst of failures through, then refuses the source with the time to wait, and alerts once', () => {
    const limiter = new LoginRateLimiter({ burst: 3, perMinute: 6, maxSources: 100 });
    const outcomes = Array.from({ length: 5 }, () => failed(limiter.attempt('10.0.0.1', 0)));
    expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, true, true, false, false]);
    expect(outcomes[3]).toEqual({ ok: false, retryAfterMs: 10_000, alert: true });
    expect(outcomes[4]).toMatchObject({ ok: false, alert: false });
    // Another source is not held back.
    expect(limiter.attempt('10.0.0.2', 0).ok).toBe(true);
    // One attempt earned back after 10 s, then refused again without a second alert.
    expect(failed(limiter.attempt('10.0.0.1', 10_000)).ok).toBe(true);
    expect(limiter.attempt('10.0.0.1', 10_000)).toMatchObject({ ok: false, alert: false });
    expect(limiter.attempt('10.0.0.1', 10_000 + ALERT_INTERVAL_MS)).toMatchObject({ ok: true });
  });

  it('gives a successful login its attempt back, so many terminals of one site log in together', () => {
    const limiter = new LoginRateLimiter({ burst: 2, perMinute: 1, maxSources: 100 });
    for (let terminal = 0; terminal < 50; terminal++) {
      const attempt = limiter.attempt('10.0.0.1', 0);
      expect(attempt.ok).toBe(true);
      if (attempt.ok) attempt.settle(true);
    }
    // Attempts still running count: two at once, not a third.
    const first = limiter.attempt('10.0.0.1', 0);
    const second = limiter.attempt('10.0.0.1', 0);
    expect([first.ok, second.ok, limiter.attempt('10.0.0.1', 0).ok]).toEqual([true, true, false]);
    // Settling twice gives back one attempt, not two.
    if (first.ok) { first.settle(true); first.settle(true); }
    expect([limiter.attempt('10.0.0.1', 0).ok, limiter.attempt('10.0.0.1', 0).ok]).toEqual([true, false]);
  });

  it('remembers at most maxSources sources, forgetting the least recently seen', () => {
    const limiter = new LoginRateLimiter({ burst: 1, perMinute: 1, maxSources: 3 });
    for (const address of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) failed(limiter.attempt(address, 0));
    expect(limiter.attempt('10.0.0.1', 0).ok).toBe(false);
    for (let index = 0; index < 1000; index++) failed(limiter.attempt(`10.1.${index >> 8}.${index & 255}`, MINUTE / 2));
    expect(limiter.size).toBe(3);
  });

  it('counts IPv4-mapped addresses as IPv4, and IPv6 by /64', () => {
    expect(sourceKey('::ffff:127.0.0.2')).toBe('127.0.0.2');
    expect(sourceKey('127.0.0.1')).toBe('127.0.0.1');
    expect(sourceKey('2001:db8:0:1::5')).toBe(sourceKey('2001:0db8:0000:0001:ffff:1:2:3'));
    expect(sourceKey('2001:db8:0:1::5')).not.toBe(sourceKey('2001:db8:0:2::5'));
    expect(sourceKey('::1')).toBe('0:0:0:0::/64');
    const limiter = new LoginRateLimiter({ burst: 1, perMinute: 1, maxSources: 10 });
    failed(limiter.attempt('2001:db8:0:1::5', 0));
    expect(limiter.attempt('2001:db8:0:1::6', 0).ok).toBe(false);
  });
});
