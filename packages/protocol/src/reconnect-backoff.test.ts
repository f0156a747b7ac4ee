import { describe, expect, it } from 'vitest';
import { ReconnectBackoff } from './reconnect-backoff.js';

describe('ReconnectBackoff', () => {
  it('doubles from the minimum up to the maximum', () => {
    const backoff = new ReconnectBackoff({ minDelayMs: 100, maxDelayMs: 1000 }, () => 1);
    expect([1, 2, 3, 4, 5, 6].map(() => backoff.next())).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('jitters each delay between half its step and the full step', () => {
    const low = new ReconnectBackoff({ minDelayMs: 100, maxDelayMs: 1000 }, () => 0);
    expect([low.next(), low.next(), low.next()]).toEqual([50, 100, 200]);
    const mid = new ReconnectBackoff({ minDelayMs: 100, maxDelayMs: 1000 }, () => 0.5);
    expect(mid.next()).toBe(75);
  });

  it('jumps to the maximum after a refusal and starts over after a success', () => {
    const backoff = new ReconnectBackoff({ minDelayMs: 100, maxDelayMs: 5000 }, () => 1);
    expect(backoff.next()).toBe(100);
    expect(backoff.atMaximum()).toBe(5000);
    expect(backoff.next()).toBe(5000);
    backoff.reset();
    expect(backoff.next()).toBe(100);
  });

  it('never returns less than 1 ms and refuses delays that could spin', () => {
    const tiny = new ReconnectBackoff({ minDelayMs: 1, maxDelayMs: 1 }, () => 0);
    expect(tiny.next()).toBeGreaterThanOrEqual(1);
    expect(() => new ReconnectBackoff({ minDelayMs: 0, maxDelayMs: 10 })).toThrow(RangeError);
    expect(() => new ReconnectBackoff({ minDelayMs: 10, maxDelayMs: 5 })).toThrow(RangeError);
  });
});

describe('ReconnectBackoff for terminals a switch restart dropped together', () => {
  it('spreads their delays, at the maximum too, and never goes under half a step', () => {
    const policy = { minDelayMs: 100, maxDelayMs: 5_000 };
    const third = new Set(Array.from({ length: 50 }, () => {
      const backoff = new ReconnectBackoff(policy);
      backoff.next();
      backoff.next();
      return backoff.next();
    }));
    expect(third.size).toBeGreaterThan(10);
    for (const delay of third) expect(delay).toBeGreaterThanOrEqual(200);
    const atMaximum = new Set(Array.from({ length: 50 }, () => new ReconnectBackoff(policy).atMaximum()));
    expect(atMaximum.size).toBeGreaterThan(10);
    for (const delay of atMaximum) expect(delay).toBeLessThanOrEqual(5_000);
  });
});
