/**
 * The switch's metrics in the Prometheus text format, through prom-client: counters and
 * gauges with declared label names, one latency histogram, and the process's own figures
 * (CPU, memory, event-loop lag, garbage collection). prom-client escapes label values as
 * the format requires (backslash, double quote, newline), so a value read off the wire is
 * shown as it is, never mangled or able to break a line.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

const LATENCY_BUCKETS_MS = [0.5, 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000] as const;

type Labels = Readonly<Record<string, string>>;

let processRegistry: Registry | undefined;

/**
 * The process's figures, collected once per process: every switch built in one process (as
 * in tests) reads the same process, and each collection starts its own event-loop and GC
 * observers, which are never stopped.
 */
function processMetrics(): Registry {
  if (processRegistry === undefined) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

export interface MetricsOptions {
  /** Render the process's figures too (default true). */
  readonly processMetrics?: boolean;
}

export class Metrics {
  /** The Content-Type of what `render()` returns. */
  readonly contentType = Registry.PROMETHEUS_CONTENT_TYPE;
  readonly #registry = new Registry();
  readonly #counters = new Map<string, Counter>();
  readonly #latency: Histogram;
  readonly #processMetrics: boolean;

  constructor(options: MetricsOptions = {}) {
    this.#processMetrics = options.processMetrics ?? true;
    this.#latency = new Histogram({
      name: 'clets_transaction_latency_ms',
      help: 'Time from receipt to completion of a transaction, in milliseconds',
      buckets: [...LATENCY_BUCKETS_MS],
      registers: [this.#registry],
    });
  }

  /**
   * Adds to a counter. The first call with a name declares it, with the label names of that
   * call; a later call with another label name is a programming error and throws.
   */
  count(name: string, help: string, labels: Labels = {}, by = 1): void {
    let counter = this.#counters.get(name);
    if (counter === undefined) {
      counter = new Counter({ name, help, labelNames: Object.keys(labels), registers: [this.#registry] });
      this.#counters.set(name, counter);
    }
    counter.inc(labels, by);
  }

  /** Declares a gauge read when metrics are rendered (queue depths, link states). */
  gauge<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    read: () => Iterable<readonly [Readonly<Record<L, string>>, number]>,
  ): void {
    new Gauge({
      name, help, labelNames, registers: [this.#registry],
      collect() {
        // Only what `read` says now: a link removed since the last scrape disappears.
        this.reset();
        for (const [labels, value] of read()) this.set(labels, value);
      },
    });
  }

  /** Records one transaction's latency, from receipt to completion. */
  observeLatency(ms: number): void {
    this.#latency.observe(ms);
  }

  /** A counter's current value for these labels (0 when never counted). */
  async counterValue(name: string, labels: Labels = {}): Promise<number> {
    const counter = this.#counters.get(name);
    if (counter === undefined) return 0;
    const { values } = await counter.get();
    const wanted = Object.entries(labels);
    const found = values.find((value) =>
      wanted.length === Object.keys(value.labels).length && wanted.every(([key, text]) => value.labels[key] === text));
    return found?.value ?? 0;
  }

  /** Every value of a counter, one per set of labels (none when never counted). */
  async counterValues(name: string): Promise<{ labels: Labels; value: number }[]> {
    const counter = this.#counters.get(name);
    if (counter === undefined) return [];
    const { values } = await counter.get();
    return values.map((value) => ({ labels: Object.fromEntries(Object.entries(value.labels).map(([key, text]) => [key, String(text)])), value: value.value }));
  }

  /** Every metric in the Prometheus text format (version 0.0.4). */
  async render(): Promise<string> {
    const own = await this.#registry.metrics();
    return this.#processMetrics ? `${own}\n${await processMetrics().metrics()}` : own;
  }
}
