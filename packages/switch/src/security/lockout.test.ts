import { describe, expect, it } from 'vitest';
import { isLocked, recordFailure, recordSuccess, settle, UNLOCKED, unlocksAt, type LockoutState } from './lockout.js';
import { CJIS_DEFAULT_SETTINGS } from './settings.js';

const MINUTE = 60_000;
const admin = CJIS_DEFAULT_SETTINGS.lockout;
const auto = { ...admin, unlock: 'auto-after-10-minutes' as const };

function fail(times: number, every: number, settings = admin): LockoutState {
  let state = UNLOCKED;
  for (let attempt = 0; attempt < times; attempt++) state = recordFailure(state, attempt * every, settings);
  return state;
}

describe('lockout', () => {
  it('locks on the 5th consecutive failure within 15 minutes', () => {
    expect(fail(4, MINUTE).lockedAt).toBeNull();
    expect(fail(5, MINUTE).lockedAt).toBe(4 * MINUTE);
    expect(fail(5, 4 * MINUTE).lockedAt).toBeNull(); // the first fell out of the window
  });

  it('unlocks after 10 minutes with the v5.8 rule, never by itself with the v5.9.5 rule', () => {
    const locked = fail(5, 0, auto);
    expect(isLocked(locked, 10 * MINUTE - 1, auto)).toBe(true);
    expect(isLocked(locked, 10 * MINUTE, auto)).toBe(false);
    expect(unlocksAt(locked, auto)).toBe(10 * MINUTE);
    expect(settle(locked, 10 * MINUTE, auto)).toEqual(UNLOCKED);
    expect(isLocked(locked, 1_000 * MINUTE, admin)).toBe(true);
    expect(unlocksAt(locked, admin)).toBeUndefined();
  });

  it('forgets the failures after a success', () => {
    expect(recordSuccess()).toEqual(UNLOCKED);
  });
});
