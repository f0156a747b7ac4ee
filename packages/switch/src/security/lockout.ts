/**
 * Failed-logon lockout (CJIS: 5 consecutive invalid attempts within 15 minutes lock the
 * account; v5.8 for 10 minutes, v5.9.5 until an administrator releases it). Pure functions
 * over a small state, so the operator store can persist it and tests drive it with plain
 * numbers for time.
 */
import type { CjisSettings } from './settings.js';

export interface LockoutState {
  /** Times of the consecutive failures still inside the window, oldest first. */
  readonly failures: readonly number[];
  /** When the account was locked; null when it is not. */
  readonly lockedAt: number | null;
}

export const UNLOCKED: LockoutState = Object.freeze({ failures: Object.freeze([]) as readonly number[], lockedAt: null });

type LockoutSettings = CjisSettings['lockout'];

/**
 * Whether the account is locked at `now`. An automatic lock that has run its time is
 * reported as not locked; `settle` then clears it.
 */
export function isLocked(state: LockoutState, now: number, settings: LockoutSettings): boolean {
  if (state.lockedAt === null) return false;
  if (settings.unlock === 'administrator-only') return true;
  return now < state.lockedAt + settings.autoUnlockAfterMs;
}

/** When an automatic lock ends; undefined when the account is not locked or only an administrator unlocks it. */
export function unlocksAt(state: LockoutState, settings: LockoutSettings): number | undefined {
  if (state.lockedAt === null || settings.unlock === 'administrator-only') return undefined;
  return state.lockedAt + settings.autoUnlockAfterMs;
}

/** The state with an expired automatic lock cleared and failures outside the window dropped. */
export function settle(state: LockoutState, now: number, settings: LockoutSettings): LockoutState {
  if (state.lockedAt !== null) return isLocked(state, now, settings) ? state : UNLOCKED;
  const failures = state.failures.filter((at) => at > now - settings.windowMs && at <= now);
  return failures.length === state.failures.length ? state : { failures, lockedAt: null };
}

/** One more failed attempt; locks the account when it is the `maxFailures`-th inside the window. */
export function recordFailure(state: LockoutState, now: number, settings: LockoutSettings): LockoutState {
  const settled = settle(state, now, settings);
  if (settled.lockedAt !== null) return settled;
  const failures = [...settled.failures, now].slice(-settings.maxFailures);
  return { failures, lockedAt: failures.length >= settings.maxFailures ? now : null };
}

/** A successful logon ends the run of consecutive failures. */
export function recordSuccess(): LockoutState {
  return UNLOCKED;
}
