/**
 * Seeded randomness for the behaviour knobs: the same seed gives the same latencies and the
 * same injected errors, so a benchmark or a failing test can be run again exactly.
 */
import type { LatencyDistribution } from './config.js';

/** A source of numbers uniform in [0, 1). */
export type Random = () => number;

/** Largest delay a Node timer takes (about 24.8 days); longer ones fire at once. */
const MAX_TIMER_MS = 2_147_483_647;
/** The standard normal quantile at 0.99: p99 = median * exp(sigma * Z99). */
const Z99 = 2.326_347_874_040_840_8;

/** A 32-bit splitmix-style generator: small, fast, and good enough for simulation noise. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e37_79b9) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 16), 0x21f0_aaad);
    mixed = Math.imul(mixed ^ (mixed >>> 15), 0x735a_2d97);
    mixed ^= mixed >>> 15;
    return (mixed >>> 0) / 0x1_0000_0000;
  };
}

/** One delay in whole milliseconds, drawn from the distribution. */
export function sampleLatencyMs(distribution: LatencyDistribution, random: Random): number {
  switch (distribution.kind) {
    case 'fixed':
      return clamp(distribution.ms);
    case 'uniform':
      return clamp(distribution.minMs + (distribution.maxMs - distribution.minMs) * random());
    case 'lognormal': {
      // ln(X) ~ N(mu, sigma): the median fixes mu, the 99th percentile fixes sigma.
      const mu = Math.log(distribution.medianMs);
      const sigma = (Math.log(distribution.p99Ms) - mu) / Z99;
      return clamp(Math.exp(mu + sigma * standardNormal(random)));
    }
  }
}

/** Box-Muller transform; 1 - u keeps the logarithm's argument in (0, 1]. */
function standardNormal(random: Random): number {
  const u = 1 - random();
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function clamp(ms: number): number {
  return Math.min(MAX_TIMER_MS, Math.max(0, Math.round(ms)));
}
