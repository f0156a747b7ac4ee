import { describe, expect, it } from 'vitest';
import { LatencyHistogram } from './latency.js';

describe('latency histogram', () => {
  it('gives percentiles within its 1/64 resolution, from microseconds to seconds', () => {
    const histogram = new LatencyHistogram();
    for (let ms = 1; ms <= 10_000; ms++) histogram.recordMs(ms / 10);
    const summary = histogram.summary();
    expect(summary.count).toBe(10_000);
    expect(summary.p50Ms).toBeGreaterThanOrEqual(500 * 0.98);
    expect(summary.p50Ms).toBeLessThanOrEqual(500 * 1.02);
    expect(summary.p99Ms).toBeGreaterThanOrEqual(990 * 0.98);
    expect(summary.p99Ms).toBeLessThanOrEqual(990 * 1.02);
    expect(summary.maxMs).toBe(1000);
    expect(summary.meanMs).toBeCloseTo(500.05, 1);
  });

  it('is exact below 64 us and never reports more than the maximum', () => {
    const histogram = new LatencyHistogram();
    for (const us of [3, 17, 63]) histogram.recordMs(us / 1000);
    expect(histogram.percentileMs(0.5)).toBe(0.017);
    expect(histogram.percentileMs(1)).toBe(0.063);
    histogram.recordMs(3_600_000);
    expect(histogram.percentileMs(1)).toBe(3_600_000);
  });
});
