/**
 * A latency histogram with bounded memory for runs of any length (millions of samples):
 * log-linear buckets, 64 sub-buckets per power of two of microseconds, so a percentile is
 * exact to within 1/64 (1.6%) of its value. Values are recorded in microseconds.
 */
const SUB_BUCKETS = 64;
const SUB_BITS = 6;
/** Up to 2^37 us (about 38 hours): anything longer is clamped. */
const MAX_EXPONENT = 37;

export interface LatencySummary {
  readonly count: number;
  readonly meanMs: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly p999Ms: number;
  readonly maxMs: number;
}

export class LatencyHistogram {
  readonly #counts = new Float64Array(SUB_BUCKETS + (MAX_EXPONENT - SUB_BITS + 1) * SUB_BUCKETS);
  #count = 0;
  #sumUs = 0;
  #maxUs = 0;

  /** Records one latency in milliseconds. */
  recordMs(ms: number): void {
    const us = Math.max(0, Math.round(ms * 1000));
    this.#counts[bucketOf(us)]! += 1;
    this.#count += 1;
    this.#sumUs += us;
    if (us > this.#maxUs) this.#maxUs = us;
  }

  get count(): number {
    return this.#count;
  }

  /** The value (ms) at or below which `fraction` of the samples fall. */
  percentileMs(fraction: number): number {
    if (this.#count === 0) return 0;
    const rank = Math.max(1, Math.ceil(fraction * this.#count));
    let seen = 0;
    for (let index = 0; index < this.#counts.length; index++) {
      seen += this.#counts[index]!;
      if (seen >= rank) return Math.min(upperBoundOf(index), this.#maxUs) / 1000;
    }
    return this.#maxUs / 1000;
  }

  summary(): LatencySummary {
    const ms = (value: number): number => Math.round(value * 1000) / 1000;
    return {
      count: this.#count,
      meanMs: ms(this.#count === 0 ? 0 : this.#sumUs / this.#count / 1000),
      p50Ms: ms(this.percentileMs(0.5)),
      p90Ms: ms(this.percentileMs(0.9)),
      p99Ms: ms(this.percentileMs(0.99)),
      p999Ms: ms(this.percentileMs(0.999)),
      maxMs: ms(this.#maxUs / 1000),
    };
  }
}

/** Values below 64 us have a bucket each; above, 64 buckets per power of two. */
function bucketOf(us: number): number {
  if (us < SUB_BUCKETS) return us;
  const clamped = Math.min(us, 2 ** (MAX_EXPONENT + 1) - 1);
  const exponent = clamped < 2 ** 31 ? 31 - Math.clz32(clamped) : Math.floor(Math.log2(clamped));
  const sub = Math.floor(clamped / 2 ** (exponent - SUB_BITS)) - SUB_BUCKETS;
  return SUB_BUCKETS + (exponent - SUB_BITS) * SUB_BUCKETS + sub;
}

/** The largest value (us) a bucket holds. */
function upperBoundOf(index: number): number {
  if (index < SUB_BUCKETS) return index;
  const exponent = Math.floor((index - SUB_BUCKETS) / SUB_BUCKETS) + SUB_BITS;
  const sub = (index - SUB_BUCKETS) % SUB_BUCKETS;
  const width = 2 ** (exponent - SUB_BITS);
  return 2 ** exponent + (sub + 1) * width - 1;
}
