/**
 * The mock systems' metrics in the Prometheus text format, through prom-client, served by
 * the control endpoint (`GET /metrics`): requests by system and outcome, the time from a
 * request's arrival to its final reply, what waits per system, open links, and the
 * process's own figures (CPU, memory, event-loop lag, garbage collection).
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { SYSTEMS, type SystemName } from '@clets/protocol';
import type { DispatcherMetrics, RequestOutcome, SystemActivity } from './request-dispatcher.js';

const DURATION_BUCKETS_MS = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000, 30000] as const;

let processRegistry: Registry | undefined;

/** The process's figures, collected once per process (each collection starts observers that never stop). */
function processMetrics(): Registry {
  if (processRegistry === undefined) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** What the gauges read when metrics are rendered. */
export interface BackendGauges {
  readonly systems: readonly SystemName[];
  readonly activity: (system: SystemName) => SystemActivity;
  readonly openLinks: () => number;
}

export interface BackendMetricsOptions {
  /** Render the process's figures too (default true). */
  readonly processMetrics?: boolean;
}

export class BackendMetrics implements DispatcherMetrics {
  /** The Content-Type of what `render()` returns. */
  readonly contentType = Registry.PROMETHEUS_CONTENT_TYPE;
  readonly #registry = new Registry();
  readonly #processMetrics: boolean;
  readonly #requests = new Counter({
    name: 'clets_backend_requests_total',
    help: 'Link requests by system and outcome (answered, rejected, error, refused, non_delivery, repeated, hung)',
    labelNames: ['system', 'outcome'] as const,
    registers: [this.#registry],
  });
  readonly #duration = new Histogram({
    name: 'clets_backend_request_duration_ms',
    help: 'Time from a request\'s arrival to its final reply, by system, in milliseconds',
    labelNames: ['system'] as const,
    buckets: [...DURATION_BUCKETS_MS],
    registers: [this.#registry],
  });

  constructor(gauges: BackendGauges, options: BackendMetricsOptions = {}) {
    this.#processMetrics = options.processMetrics ?? true;
    new Gauge({
      name: 'clets_backend_requests_in_flight', help: 'Requests waiting for their sampled latency, by system',
      labelNames: ['system'] as const, registers: [this.#registry],
      collect() {
        for (const system of gauges.systems) this.set({ system }, gauges.activity(system).inFlight);
      },
    });
    new Gauge({
      name: 'clets_backend_requests_queued', help: 'Requests held by a queued outage, by system',
      labelNames: ['system'] as const, registers: [this.#registry],
      collect() {
        for (const system of gauges.systems) this.set({ system }, gauges.activity(system).queued);
      },
    });
    new Gauge({
      name: 'clets_backend_links_open', help: 'Open links from switches',
      registers: [this.#registry],
      collect() {
        this.set(gauges.openLinks());
      },
    });
  }

  finished(system: string | undefined, outcome: RequestOutcome, ms?: number): void {
    // Only the four system names become label values: a peer naming anything else must not
    // be able to create a new series per request.
    const label = system !== undefined && (SYSTEMS as readonly string[]).includes(system) ? system : 'none';
    this.#requests.inc({ system: label, outcome });
    if (ms !== undefined) this.#duration.observe({ system: label }, ms);
  }

  /** Every metric in the Prometheus text format (version 0.0.4). */
  async render(): Promise<string> {
    const own = await this.#registry.metrics();
    return this.#processMetrics ? `${own}\n${await processMetrics().metrics()}` : own;
  }
}
