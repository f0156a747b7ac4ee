/**
 * Reconnect delays: exponential from `minDelayMs`, capped at `maxDelayMs`, with jitter so
 * that the terminals a switch restart dropped together do not all come back in the same
 * millisecond (and find it busy again together).
 */
export interface BackoffPolicy {
  readonly minDelayMs: number;
  readonly maxDelayMs: number;
}

/** Delay before reconnect attempt `attempt` (1-based): in [base, 2*base], capped, base = min * 2^(attempt-1). */
export function reconnectDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const base = Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** exponent);
  return Math.round(Math.min(policy.maxDelayMs, base + random() * base));
}
