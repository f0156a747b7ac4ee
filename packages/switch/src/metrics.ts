/**
 * Counters, gauges and one latency histogram, rendered in the Prometheus text format.
 * Kept dependency-free and allocation-light: the switch updates them per message.
 */
const LATENCY_BUCKETS_MS = [0.5, 1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000] as const;

type Labels = Readonly<Record<string, string>>;

function labelKey(labels: Labels): string {
  const keys = Object.keys(labels).sort();
  return keys.map((key) => `${key}="${String(labels[key]).replace(/["\\\n]/g, '_')}"`).join(',');
}

export class Metrics {
  readonly #counters = new Map<string, { help: string; values: Map<string, number> }>();
  readonly #gauges = new Map<string, { help: string; read: () => ReadonlyArray<readonly [Labels, number]> }>();
  readonly #histogramCounts = new Array<number>(LATENCY_BUCKETS_MS.length + 1).fill(0);
  #histogramSum = 0;
  #histogramTotal = 0;

  /** Adds to a counter; the first call with a name declares it. */
  count(name: string, help: string, labels: Labels = {}, by = 1): void {
    let counter = this.#counters.get(name);
    if (counter === undefined) {
      counter = { help, values: new Map() };
      this.#counters.set(name, counter);
    }
    const key = labelKey(labels);
    counter.values.set(key, (counter.values.get(key) ?? 0) + by);
  }

  /** Declares a gauge read when metrics are rendered (queue depths, link states). */
  gauge(name: string, help: string, read: () => ReadonlyArray<readonly [Labels, number]>): void {
    this.#gauges.set(name, { help, read });
  }

  /** Records one transaction's latency, from receipt to completion. */
  observeLatency(ms: number): void {
    let bucket = LATENCY_BUCKETS_MS.findIndex((limit) => ms <= limit);
    if (bucket < 0) bucket = LATENCY_BUCKETS_MS.length;
    this.#histogramCounts[bucket]! += 1;
    this.#histogramSum += ms;
    this.#histogramTotal += 1;
  }

  counterValue(name: string, labels: Labels = {}): number {
    return this.#counters.get(name)?.values.get(labelKey(labels)) ?? 0;
  }

  render(): string {
    const lines: string[] = [];
    for (const [name, counter] of this.#counters) {
      lines.push(`# HELP ${name} ${counter.help}`, `# TYPE ${name} counter`);
      for (const [key, value] of counter.values) lines.push(`${name}${key ? `{${key}}` : ''} ${value}`);
    }
    for (const [name, gauge] of this.#gauges) {
      lines.push(`# HELP ${name} ${gauge.help}`, `# TYPE ${name} gauge`);
      for (const [labels, value] of gauge.read()) {
        const key = labelKey(labels);
        lines.push(`${name}${key ? `{${key}}` : ''} ${value}`);
      }
    }
    const name = 'clets_transaction_latency_ms';
    lines.push(`# HELP ${name} Time from receipt to completion of a transaction, in milliseconds`, `# TYPE ${name} histogram`);
    let cumulative = 0;
    LATENCY_BUCKETS_MS.forEach((limit, index) => {
      cumulative += this.#histogramCounts[index]!;
      lines.push(`${name}_bucket{le="${limit}"} ${cumulative}`);
    });
    lines.push(`${name}_bucket{le="+Inf"} ${this.#histogramTotal}`, `${name}_sum ${this.#histogramSum}`, `${name}_count ${this.#histogramTotal}`);
    return lines.join('\n') + '\n';
  }
}
