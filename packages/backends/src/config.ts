/**
 * The backend deployable's configuration: one strict zod schema with every default inside.
 * Parsed once at start; an invalid config fails with every problem listed, each naming the
 * path of the bad field. The result is frozen.
 */
import { z } from 'zod';
import { DEFAULT_LINK_MAX_FRAME_BYTES, SYSTEMS, type SystemName } from '@clets/protocol';

const MIB = 1024 * 1024;

// --- behaviour knobs (shared with the control endpoint) --------------------------------

/** How long a system takes to answer. Sampled per request with a seeded PRNG. */
export const latencySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), ms: z.number().min(0).max(600_000) }).strict(),
  z
    .object({ kind: z.literal('uniform'), minMs: z.number().min(0).max(600_000), maxMs: z.number().min(0).max(600_000) })
    .strict()
    .refine((value) => value.maxMs >= value.minMs, { message: 'maxMs must be >= minMs', path: ['maxMs'] }),
  z
    .object({ kind: z.literal('lognormal'), medianMs: z.number().positive().max(600_000), p99Ms: z.number().positive().max(600_000) })
    .strict()
    .refine((value) => value.p99Ms >= value.medianMs, { message: 'p99Ms must be >= medianMs', path: ['p99Ms'] }),
]);
export type LatencyDistribution = z.infer<typeof latencySchema>;

/**
 * Outage modes, after the Nlets store-and-forward answers (docs/domain.md section 5):
 *  none          healthy;
 *  refuse        `.04.` out of service, not forwarded: reject CLETS_ERR_SYSTEM_UNAVAILABLE at once;
 *  hang          accepts requests and never answers (the switch's deadline must fire);
 *  drop          link sockets closed, new links for the system refused while set;
 *  not_accepting `.01.` does not accept the message type: reject CLETS_ERR_SYSTEM_NOT_ACCEPTING;
 *  queued        `.02.` out of service, will be forwarded: a QueuedNotice now, the answer
 *                when the outage is cleared.
 */
export const OUTAGE_MODES = ['none', 'refuse', 'hang', 'drop', 'not_accepting', 'queued'] as const;
export type OutageMode = (typeof OUTAGE_MODES)[number];
export const outageSchema = z.enum(OUTAGE_MODES);

const errorRateSchema = z.number().min(0).max(1);

/** One system's knobs as the config gives them (every member defaulted). */
export const systemBehaviourSchema = z
  .object({
    latency: latencySchema.default({ kind: 'fixed', ms: 0 }),
    /** Fraction of requests answered with CLETS_ERR_SYSTEM_ERROR instead of the system's answer. */
    errorRate: errorRateSchema.default(0),
    outage: outageSchema.default('none'),
  })
  .strict();
export type SystemBehaviour = z.infer<typeof systemBehaviourSchema>;

/** A change to one system's knobs at run time (PUT /control/:system): members left out stay. */
export const behaviourPatchSchema = z
  .object({ latency: latencySchema.optional(), errorRate: errorRateSchema.optional(), outage: outageSchema.optional() })
  .strict();
export type BehaviourPatch = z.infer<typeof behaviourPatchSchema>;

export const DEFAULT_BEHAVIOUR: SystemBehaviour = Object.freeze({
  latency: Object.freeze({ kind: 'fixed', ms: 0 }) as LatencyDistribution,
  errorRate: 0,
  outage: 'none',
});

// --- the whole config ------------------------------------------------------------------

const systemNameSchema = z.enum(SYSTEMS);

const linkPeerSchema = z
  .object({
    /** The connecting switch's identity, as it sends it in LinkHello.peer_id. */
    peerId: z.string().min(1).max(64),
    /** The per-link shared secret. Never logged. */
    secret: z.string().min(8, 'a link secret needs at least 8 characters').max(256),
  })
  .strict();

const limitsSchema = z
  .object({
    /**
     * Largest frame accepted or sent on a link (ws maxPayload and the codec limit): the
     * switches' links default to the same. A reply larger than this becomes a reject.
     */
    maxFrameBytes: z.number().int().min(1024).max(64 * MIB).default(DEFAULT_LINK_MAX_FRAME_BYTES),
    /** An unauthenticated connection is closed (4013) when LinkHello has not come by then. */
    helloTimeoutMs: z.number().int().min(1).max(600_000).default(5_000),
    /** Undecodable or out-of-place frames tolerated on one connection before closing it (4007). */
    maxMalformedFrames: z.number().int().min(1).max(1_000_000).default(10),
    /** Stored replies kept per link peer for repeated request ids (least recently used go first). */
    idempotencyEntries: z.number().int().min(1).max(10_000_000).default(10_000),
    /** WebSocket ping interval; a connection that did not answer the previous ping is ended. */
    pingIntervalMs: z.number().int().min(10).max(600_000).default(15_000),
    /** Outgoing bytes buffered on one connection before its reading is paused. */
    maxBufferedBytes: z.number().int().min(1024).max(1024 * MIB).default(4 * MIB),
    /** A connection paused by backpressure for longer than this is ended (slow consumer). */
    drainTimeoutMs: z.number().int().min(1).max(600_000).default(10_000),
    /** Requests held by a `queued` outage per system; more are refused (CLETS_ERR_QUEUE_FULL). */
    maxQueuedPerSystem: z.number().int().min(1).max(1_000_000).default(10_000),
    /** A queued request without its own deadline expires this long after it arrived. */
    queueTtlMs: z.number().int().min(1).max(7 * 24 * 3_600_000).default(600_000),
    /** close(): how long to wait for replies still in flight before closing the links. */
    shutdownGraceMs: z.number().int().min(0).max(600_000).default(2_000),
    /**
     * HTTP servers (control endpoint, link port before the upgrade): a request's complete
     * headers within this of connecting or of the previous answer (slowloris, silent sockets).
     */
    headersTimeoutMs: z.number().int().min(1).max(600_000).default(10_000),
    /** The whole request (headers and body) within this. */
    requestTimeoutMs: z.number().int().min(1).max(600_000).default(30_000),
    /** An idle keep-alive connection is closed after this. */
    keepAliveTimeoutMs: z.number().int().min(1).max(600_000).default(5_000),
  })
  .strict()
  .refine((limits) => limits.headersTimeoutMs <= limits.requestTimeoutMs, { message: 'headersTimeoutMs must not exceed requestTimeoutMs', path: ['headersTimeoutMs'] });

// Every system is listed, hosted or not, so one config file serves any `--system` choice.
const behaviourSchema = z
  .object({
    NCIC: systemBehaviourSchema.prefault({}),
    NLETS: systemBehaviourSchema.prefault({}),
    DMV: systemBehaviourSchema.prefault({}),
    CORI: systemBehaviourSchema.prefault({}),
  } satisfies Record<SystemName, unknown>)
  .strict();

export const backendConfigSchema = z
  .object({
    /** This host's identity, sent in LinkWelcome.peer_id. */
    id: z.string().min(1).max(64).default('backends'),
    host: z.string().min(1).default('127.0.0.1'),
    /** Link (WebSocket) port; 0 picks a free one. */
    port: z.number().int().min(0).max(65_535).default(0),
    /** Control (HTTP) port; 0 picks a free one. */
    controlPort: z.number().int().min(0).max(65_535).default(0),
    /**
     * Serve the link port as wss:// with this certificate (PEM file paths), so the switches'
     * link secrets never travel in clear. The control endpoint stays plain HTTP.
     */
    tls: z.object({ certFile: z.string().min(1), keyFile: z.string().min(1) }).strict().optional(),
    /** The mock systems this process hosts. */
    systems: z
      .array(systemNameSchema)
      .min(1)
      .default([...SYSTEMS])
      .refine((list) => new Set(list).size === list.length, { message: 'each system may be listed once' }),
    /** The switches allowed to link here, each with its own secret. */
    links: z
      .array(linkPeerSchema)
      .min(1, 'at least one link peer ({ peerId, secret }) is required')
      .refine((list) => new Set(list.map((peer) => peer.peerId)).size === list.length, {
        message: 'each peerId may be listed once',
      }),
    /** The folder of data files main.ts reads the records from (absent: the repository's fixtures/). */
    fixturesDir: z.string().min(1).optional(),
    /** SQLite file of the systems' updates (entries, cancellations); ':memory:' for none. */
    updatesDbPath: z.string().min(1).default('./var/backends-updates.sqlite'),
    /**
     * Record care (src/data/record-care.ts): an entry not second-party checked within
     * `secondPartyCheckHours` is UNCHECKED; validation is first due `firstValidationDays` after
     * entry, then every `validationIntervalDays`; past due by `overdueGraceDays` it is reported.
     */
    records: z
      .object({
        secondPartyCheckHours: z.number().int().min(1).max(24 * 365).default(72),
        firstValidationDays: z.number().int().min(1).max(3_650).default(90),
        validationIntervalDays: z.number().int().min(1).max(3_650).default(365),
        overdueGraceDays: z.number().int().min(0).max(3_650).default(30),
      })
      .strict()
      .prefault({}),
    /** Seed of the PRNG that samples latency and injected errors (runs are repeatable). */
    seed: z.number().int().min(0).max(0xffff_ffff).default(1),
    limits: limitsSchema.prefault({}),
    behaviour: behaviourSchema.prefault({}),
    log: z
      .object({ level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info') })
      .strict()
      .prefault({}),
  })
  .strict();

export type BackendConfig = z.infer<typeof backendConfigSchema>;
export type BackendConfigInput = z.input<typeof backendConfigSchema>;
export type BackendLimits = BackendConfig['limits'];

/** An invalid config. `problems` lists every one, each as `path: message`. */
export class BackendConfigError extends Error {
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`invalid backend config:\n  ${problems.join('\n  ')}`);
    this.name = 'BackendConfigError';
    this.problems = problems;
  }
}

/** Parses and freezes a config. Throws BackendConfigError listing every problem. */
export function parseBackendConfig(input: unknown): BackendConfig {
  const result = backendConfigSchema.safeParse(input);
  if (!result.success) throw new BackendConfigError(describeIssues(result.error.issues));
  return deepFreeze(result.data);
}

/** zod issues as `path: message` lines; an unknown key is named in the path. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.flatMap((issue) => {
    const base = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => `${[...base, key].join('.')}: unknown key`);
    }
    return [`${base.length > 0 ? base.join('.') : '(root)'}: ${issue.message}`];
  });
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}
