/**
 * Remembers what was answered to each client message id for a while, so a terminal that
 * resends (after a reconnect, say) gets the same answer again instead of a second inquiry
 * or, worse, a second entry. Time comes in as an argument: the structure is pure.
 */
export class DuplicateWindow<T> {
  readonly #entries = new Map<string, { at: number; value: T }>();

  constructor(
    private readonly windowMs: number,
    private readonly maxEntries: number,
  ) {}

  get size(): number {
    return this.#entries.size;
  }

  get(key: string, now: number): T | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (now - entry.at > this.windowMs) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: T, now: number): void {
    this.#entries.delete(key);
    this.#entries.set(key, { at: now, value });
    this.prune(now);
  }

  /** Drops expired entries (insertion order is time order) and the oldest beyond the cap. */
  prune(now: number): void {
    for (const [key, entry] of this.#entries) {
      if (this.#entries.size > this.maxEntries || now - entry.at > this.windowMs) this.#entries.delete(key);
      else break;
    }
  }
}
