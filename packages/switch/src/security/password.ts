/**
 * Password storage (CJIS: salted, slow KDF; never logged): scrypt with a configurable cost,
 * in a self-describing string so a stored hash keeps its own cost when the setting changes:
 *
 *   $scrypt$ln=17,r=8,p=1$<salt base64>$<key base64>
 *
 * scrypt runs on the libuv thread pool, so the event loop is not blocked, but each hash holds
 * 128 * N * r bytes and a pool thread (the pool also serves file and DNS work): a semaphore
 * caps concurrent hashes, and a queue limit refuses a flood of logins (CLETS_ERR_OVERLOADED)
 * instead of letting it take all memory.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { CletsError } from '@clets/protocol';
import type { CjisSettings } from './settings.js';

export type ScryptCost = CjisSettings['passwords']['scrypt'];

interface ParsedHash {
  readonly cost: number;
  readonly blockSize: number;
  readonly parallelization: number;
  readonly salt: Buffer;
  readonly key: Buffer;
}

const HASH_PATTERN = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,3}),p=(\d{1,3})\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

function scrypt(password: string | Buffer, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCallback(password, salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Parses a stored hash; undefined when it is not one of ours. */
export function parsePasswordHash(encoded: string): ParsedHash | undefined {
  const match = HASH_PATTERN.exec(encoded);
  if (match === null) return undefined;
  const log2 = Number(match[1]);
  if (log2 < 1 || log2 > 30) return undefined;
  return {
    cost: 2 ** log2,
    blockSize: Number(match[2]),
    parallelization: Number(match[3]),
    salt: Buffer.from(match[4] ?? '', 'base64'),
    key: Buffer.from(match[5] ?? '', 'base64'),
  };
}

/** A counting semaphore with a bounded queue. */
class HashSlots {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(slots: number, private readonly maxQueued: number) {
    this.#free = slots;
  }

  /** Runs `work` in a slot; `bounded` work is refused when the queue is full (logins), the rest waits (seeding). */
  async run<T>(work: () => Promise<T>, bounded = true): Promise<T> {
    if (this.#free > 0) {
      this.#free -= 1;
    } else {
      if (bounded && this.#waiting.length >= this.maxQueued) throw new CletsError('CLETS_ERR_OVERLOADED', 'too many logins at once');
      await new Promise<void>((resolve) => this.#waiting.push(resolve));
    }
    try {
      return await work();
    } finally {
      const next = this.#waiting.shift();
      if (next !== undefined) next();
      else this.#free += 1;
    }
  }

  get queued(): number {
    return this.#waiting.length;
  }
}

export interface PasswordHasherOptions {
  readonly cost: ScryptCost;
  readonly maxConcurrent: number;
  readonly maxQueued: number;
}

export class PasswordHasher {
  readonly #slots: HashSlots;
  readonly #cost: ScryptCost;
  /** A hash of nothing anyone knows, verified against when the operator is unknown (equal timing). */
  #dummy: Promise<string> | undefined;
  /** Demo (fixture) passwords hashed once per process: tests and restarts of an in-memory store reuse them. */
  readonly #demoCache = new Map<string, Promise<string>>();

  constructor(options: PasswordHasherOptions) {
    this.#cost = options.cost;
    this.#slots = new HashSlots(options.maxConcurrent, options.maxQueued);
  }

  static fromSettings(settings: CjisSettings): PasswordHasher {
    return new PasswordHasher({
      cost: settings.passwords.scrypt,
      maxConcurrent: settings.passwords.maxConcurrentHashes,
      maxQueued: settings.passwords.maxQueuedHashes,
    });
  }

  /** Hashes with a fresh salt at the configured cost. */
  async hash(password: string): Promise<string> {
    return this.#hash(password, true);
  }

  async #hash(password: string, bounded: boolean): Promise<string> {
    const { cost, blockSize, parallelization, keyLength, saltLength, maxmem } = this.#cost;
    const salt = randomBytes(saltLength);
    const key = await this.#slots.run(() => scrypt(password.normalize('NFKC'), salt, keyLength, { N: cost, r: blockSize, p: parallelization, maxmem }), bounded);
    return `$scrypt$ln=${Math.log2(cost)},r=${blockSize},p=${parallelization}$${salt.toString('base64')}$${key.toString('base64')}`;
  }

  /** Hashes a fixture demo password, once per process and password; waits for a slot however long the queue (start-up seeding). */
  hashDemo(password: string): Promise<string> {
    let hashed = this.#demoCache.get(password);
    if (hashed === undefined) {
      hashed = this.#hash(password, false);
      this.#demoCache.set(password, hashed);
    }
    return hashed;
  }

  /**
   * Whether the password matches the stored hash. With `undefined` (unknown operator, no
   * password set) it verifies against a dummy hash of the same cost and answers false, so
   * the caller's timing does not tell whether the account exists.
   */
  async verify(password: string, encoded: string | undefined | null): Promise<boolean> {
    const parsed = encoded ? parsePasswordHash(encoded) : undefined;
    const target = parsed ?? parsePasswordHash(await this.#dummyHash());
    if (target === undefined) return false;
    const key = await this.#slots.run(() => scrypt(password.normalize('NFKC'), target.salt, target.key.length, {
      N: target.cost, r: target.blockSize, p: target.parallelization,
      maxmem: Math.max(this.#cost.maxmem, 129 * target.cost * target.blockSize),
    }));
    return parsed !== undefined && key.length === target.key.length && timingSafeEqual(key, target.key);
  }

  /** Whether a stored hash was made with another cost than the configured one (rehash after the next good login). */
  needsRehash(encoded: string): boolean {
    const parsed = parsePasswordHash(encoded);
    return parsed === undefined || parsed.cost !== this.#cost.cost || parsed.blockSize !== this.#cost.blockSize
      || parsed.parallelization !== this.#cost.parallelization || parsed.key.length !== this.#cost.keyLength;
  }

  /** Computes the dummy hash now, so the first unknown-operator login costs what a known one does. */
  async warmUp(): Promise<void> {
    await this.#dummyHash();
  }

  /** Logins waiting for a hash slot (a metric). */
  get queued(): number {
    return this.#slots.queued;
  }

  #dummyHash(): Promise<string> {
    this.#dummy ??= this.#hash(randomBytes(24).toString('base64'), false);
    return this.#dummy;
  }
}
