import { describe, expect, it } from 'vitest';
import { createRandom, sampleLatencyMs } from './sampling.js';

function samples(count: number, draw: () => number): number[] {
  return Array.from({ length: count }, draw).sort((a, b) => a - b);
}

describe('createRandom', () => {
  it('repeats its sequence for the same seed and stays in [0, 1)', () => {
    const first = createRandom(42);
    const second = createRandom(42);
    const other = createRandom(43);
    const a = Array.from({ length: 1000 }, first);
    expect(Array.from({ length: 1000 }, second)).toEqual(a);
    expect(Array.from({ length: 1000 }, other)).not.toEqual(a);
    expect(a.every((value) => value >= 0 && value < 1)).toBe(true);
    const mean = a.reduce((sum, value) => sum + value, 0) / a.length;
    expect(mean).toBeGreaterThan(0.45);
    expect(mean).toBeLessThan(0.55);
  });
});

describe('sampleLatencyMs', () => {
  it('fixed gives the value', () => {
    expect(sampleLatencyMs({ kind: 'fixed', ms: 25 }, createRandom(1))).toBe(25);
  });

  it('uniform stays within its bounds and covers them', () => {
    const random = createRandom(7);
    const drawn = samples(5000, () => sampleLatencyMs({ kind: 'uniform', minMs: 10, maxMs: 20 }, random));
    expect(drawn[0]).toBeGreaterThanOrEqual(10);
    expect(drawn.at(-1)).toBeLessThanOrEqual(20);
    expect(drawn[0]).toBeLessThan(11);
    expect(drawn.at(-1)).toBeGreaterThan(19);
  });

  it('lognormal has about the configured median and 99th percentile', () => {
    const random = createRandom(99);
    const drawn = samples(20_000, () => sampleLatencyMs({ kind: 'lognormal', medianMs: 40, p99Ms: 400 }, random));
    const median = drawn[Math.floor(drawn.length / 2)] ?? 0;
    const p99 = drawn[Math.floor(drawn.length * 0.99)] ?? 0;
    expect(median).toBeGreaterThan(36);
    expect(median).toBeLessThan(44);
    expect(p99).toBeGreaterThan(330);
    expect(p99).toBeLessThan(480);
    expect(drawn[0]).toBeGreaterThanOrEqual(0);
  });
});
