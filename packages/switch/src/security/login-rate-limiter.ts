/**
 * Login attempts per source address, on every login endpoint together (terminal hello and
 * operator login over WebSocket, POST /v1/sessions, POST /v1/admin/sessions): a token bucket
 * per source. An attempt takes a token when it starts; a successful login gives it back, so
 * a dispatch centre's terminals logging in together are not held back, while failures (and
 * attempts still running) use the source's budget up. Beyond it the endpoint answers
 * CLETS_ERR_RATE_LIMITED with the time to wait, before any credential is checked.
 *
 * The per-account lockout (CJIS: 5 failures) bounds the guesses against one account; this
 * bounds what one source does across accounts: locking many operators out, enumerating ids,
 * or spending the switch's password hashing on a flood.
 *
 * Memory is bounded: at most `maxSources` buckets, the least recently seen forgotten first
 * (a forgotten source starts again with a full bucket). IPv6 sources are counted by /64,
 * the block one subscriber usually holds, so one host cannot multiply its budget by
 * changing the low bits of its address.
 */
import { BoundedCache } from '@clets/protocol';

export interface LoginRateSettings {
  /** Attempts a source may make in a row. */
  readonly burst: number;
  /** Attempts it earns back per minute. */
  readonly perMinute: number;
  /** Sources remembered at most. */
  readonly maxSources: number;
}

/** An attempt let through: say how it ended (a success gives its token back). */
export interface AdmittedAttempt {
  readonly ok: true;
  settle(succeeded: boolean): void;
}

export interface RefusedAttempt {
  readonly ok: false;
  /** How long until the source may try again. */
  readonly retryAfterMs: number;
  /** The first refusal of this source in `ALERT_INTERVAL_MS`: worth one alert, not one per attempt. */
  readonly alert: boolean;
}

export type LoginAttempt = AdmittedAttempt | RefusedAttempt;

/** The endpoints a login is attempted on, as the rate limit's alerts and metrics name them. */
export type LoginEndpoint = 'terminal_hello' | 'operator_login' | 'gateway_session' | 'admin_session' | 'admin_token';

interface Bucket {
  tokens: number;
  updatedAt: number;
  alertedAt: number | undefined;
}

/** At most one alert per source in this time (the CJIS lockout window). */
export const ALERT_INTERVAL_MS = 15 * 60_000;

export class LoginRateLimiter {
  /** Sources most recently seen last: the least recently seen is forgotten first. */
  readonly #buckets: BoundedCache<string, Bucket>;

  constructor(private readonly settings: LoginRateSettings) {
    this.#buckets = new BoundedCache({ capacity: settings.maxSources, refreshOnRead: true });
  }

  /** Takes a token for an attempt from `address` at `now`, or refuses it. */
  attempt(address: string, now: number): LoginAttempt {
    const key = sourceKey(address);
    const bucket = this.#bucket(key, now);
    if (bucket.tokens < 1) {
      const alert = bucket.alertedAt === undefined || now - bucket.alertedAt >= ALERT_INTERVAL_MS;
      if (alert) bucket.alertedAt = now;
      return { ok: false, retryAfterMs: Math.ceil(((1 - bucket.tokens) * 60_000) / this.settings.perMinute), alert };
    }
    bucket.tokens -= 1;
    let settled = false;
    return {
      ok: true,
      settle: (succeeded) => {
        if (settled) return;
        settled = true;
        if (!succeeded) return;
        const current = this.#buckets.peek(key);
        if (current !== undefined) current.tokens = Math.min(this.settings.burst, current.tokens + 1);
      },
    };
  }

  /** Sources remembered now. */
  get size(): number {
    return this.#buckets.size;
  }

  #bucket(key: string, now: number): Bucket {
    let bucket = this.#buckets.get(key);
    if (bucket === undefined) {
      bucket = { tokens: this.settings.burst, updatedAt: now, alertedAt: undefined };
      this.#buckets.set(key, bucket);
    } else {
      const earned = (Math.max(0, now - bucket.updatedAt) * this.settings.perMinute) / 60_000;
      bucket.tokens = Math.min(this.settings.burst, bucket.tokens + earned);
      bucket.updatedAt = now;
    }
    return bucket;
  }
}

/**
 * The key a source address is counted under: an IPv4 address (also when written as
 * IPv4-mapped IPv6), or the /64 prefix of an IPv6 address.
 */
export function sourceKey(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped !== null) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('%')[0]!.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = address.includes('::') ? [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
