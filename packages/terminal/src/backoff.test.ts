import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './backoff.js';

const policy = { minDelayMs: 100, maxDelayMs: 5_000 };

describe('reconnectDelay', () => {
  it('doubles from the minimum, with jitter up to as much again', () => {
    expect(reconnectDelay(1, policy, () => 0)).toBe(100);
    expect(reconnectDelay(1, policy, () => 0.999)).toBe(200);
    expect(reconnectDelay(2, policy, () => 0)).toBe(200);
    expect(reconnectDelay(4, policy, () => 0.5)).toBe(1_200);
  });

  it('never exceeds the maximum, however many attempts', () => {
    for (const attempt of [7, 8, 50, 1_000]) {
      expect(reconnectDelay(attempt, policy, () => 0.999)).toBeLessThanOrEqual(5_000);
      expect(reconnectDelay(attempt, policy, () => 0)).toBe(5_000);
    }
  });

  it('spreads the delays of terminals reconnecting together', () => {
    const delays = new Set(Array.from({ length: 50 }, () => reconnectDelay(3, policy)));
    expect(delays.size).toBeGreaterThan(10);
    for (const delay of delays) expect(delay).toBeGreaterThanOrEqual(400);
  });
});
