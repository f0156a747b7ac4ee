/**
 * The switch's configuration: one strict schema with every default inside. Only main.ts
 * reads the environment; tests build a config object directly. An invalid config fails at
 * start with every problem listed.
 */
import { z } from 'zod';
import { DEFAULT_LINK_MAX_FRAME_BYTES, OPERATOR_ROLES, TARGETS } from '@clets/protocol';
import { cjisSettingsSchema } from './security/settings.js';

const port = z.number().int().min(0).max(65535);
const ORI_PATTERN = /^[A-Z]{2}[0-9A-Z]{7}$/;
const positiveMs = z.number().int().positive();

/** Connections on one port from one source address, and in all. */
function connectionCaps(maxPerSource: number, maxTotal: number) {
  return z.strictObject({
    maxPerSource: z.number().int().min(1).default(maxPerSource),
    maxTotal: z.number().int().min(1).default(maxTotal),
  }).prefault({});
}

const linkSchema = z.strictObject({
  /** Link name, used by the routing table ("NCIC", "CORI", "upstream"). */
  name: z.string().min(1),
  url: z.string().regex(/^wss?:\/\//, 'must be a ws:// or wss:// URL'),
  /** Per-link secret presented in LinkHello. */
  secret: z.string().min(8),
  /** "client" for a backend system link, "switch" for the link to the state switch. */
  role: z.enum(['client', 'switch']).default('client'),
  window: z.number().int().positive().default(256),
  maxQueue: z.number().int().positive().default(10_000),
  /**
   * Largest frame sent or accepted on this link; the far end must accept as much (the
   * backends' and the state's peer port default to the same 1 MiB). An answer too large
   * for it is refused for that request alone, never by closing the link.
   */
  maxFrameBytes: z.number().int().min(1024).default(DEFAULT_LINK_MAX_FRAME_BYTES),
  /**
   * For a wss:// link: the CA (PEM file) that issued the far end's certificate, trusted for
   * this link in place of the system's store (a private CA, or the demo's own certificate).
   * The link secret then travels only inside TLS (CJIS: encryption in transit).
   */
  tls: z.strictObject({ caFile: z.string().min(1) }).optional(),
  /** Reconnect backoff: exponential with jitter between these bounds. */
  reconnect: z.strictObject({
    minDelayMs: z.number().int().positive().default(250),
    maxDelayMs: z.number().int().positive().default(5_000),
  }).prefault({}),
});

const peerSchema = z.strictObject({
  /** A county switch allowed to link to this (state) switch. */
  peerId: z.string().min(1),
  secret: z.string().min(8),
  /** County code the peer serves ("37"), for county broadcasts. */
  county: z.string().regex(/^\d{2}$/).optional(),
  /**
   * ORIs the peer serves besides those of its county code, known before it links. What a
   * county announces is accepted only when it is of its county code or listed here.
   */
  oris: z.array(z.string().regex(ORI_PATTERN, 'must be a 9-character ORI')).default([]),
  /**
   * The peer's terminals: 4-character mnemonics, or prefixes of 1 to 3 characters ("SD":
   * every SD.. terminal). When given, the peer may announce only terminals they match, and
   * no other peer may announce them, before this peer ever linked. When absent, a terminal
   * belongs to the first peer that announced it.
   */
  terminals: z.array(z.string().regex(/^[A-Z0-9]{1,4}$/, 'must be a terminal mnemonic or a prefix of one (1-4 letters or digits)')).default([]),
});

export const switchConfigSchema = z.strictObject({
  /** This switch's identity in hop stamps, links and audit rows. */
  switchId: z.string().min(1).default('county-19'),
  /** county: terminals below, systems or the state switch above. state: counties below. */
  role: z.enum(['county', 'state']).default('county'),
  /** County codes whose terminals this switch serves. */
  counties: z.array(z.string().regex(/^\d{2}$/)).default(['19']),
  host: z.string().default('127.0.0.1'),
  /** Terminal WebSocket port (0: any free port). */
  port: port.default(0),
  /** HTTP API port (0: any free port). */
  httpPort: port.default(0),
  /** Serve wss:// and https:// with this certificate (PEM file paths): terminals, the HTTP API and the peer port. */
  tls: z.strictObject({
    certFile: z.string(),
    keyFile: z.string(),
    /** CA that issues terminal client certificates: a terminal may then authenticate by its
     *  certificate subject instead of its device secret (when the security policy allows). */
    clientCaFile: z.string().optional(),
  }).optional(),
  /**
   * The folder of data files main.ts reads the agencies, terminals and operators (and, for
   * the CJIS policy, the persons) from; absent: the repository's fixtures/.
   */
  fixturesDir: z.string().optional(),
  audit: z.strictObject({
    /** SQLite file of the audit log (":memory:" for tests). */
    path: z.string().default('var/switch-audit.db'),
    /** FULL: a committed row survives power loss. NORMAL: survives a process crash only. */
    synchronous: z.enum(['FULL', 'NORMAL']).default('FULL'),
    batchMaxRows: z.number().int().positive().default(1000),
    checkpointIntervalMs: positiveMs.default(1000),
    /**
     * worker: audit rows, and the journal's writes (which follow the audit log's settings), are
     * committed by writer threads, so the fsync of each commit never stops the event loop;
     * thread: in the switch's own thread. A Receipt waits for the commits either way.
     */
    writer: z.enum(['worker', 'thread']).default('worker'),
  }).prefault({}),
  /** Outgoing links: backend systems, and for a county switch the state switch. */
  links: z.array(linkSchema).default([]),
  /** The link to the state switch (county role): its name in `links`. */
  upstreamLink: z.string().optional(),
  /** County switches allowed to link here (state role). */
  peers: z.array(peerSchema).default([]),
  /** Port county switches link to (state role; 0: any free port). Served only when peers are configured. */
  peerPort: port.default(0),
  /**
   * SQLite file of administrative messages and other traffic waiting for an offline
   * terminal (":memory:" for tests; a restart then forgets them).
   */
  messagesPath: z.string().default('var/switch-messages.db'),
  messages: z.strictObject({
    /** How long stored traffic waits for its terminal; then the sender gets a non-delivery report. */
    retentionMs: positiveMs.default(24 * 60 * 60_000),
    /** How often expired stored traffic is looked for. */
    sweepIntervalMs: positiveMs.default(30_000),
    /**
     * Broadcasts (`Cnn`, `ALL`) stored for one offline terminal at most: a copy is kept for
     * every registered terminal of the county that is offline, and beyond this many waiting
     * for one terminal the oldest is dropped (audited `expired`).
     */
    maxStoredBroadcastsPerTerminal: z.number().int().min(1).max(10_000).default(100),
  }).prefault({}),
  /**
   * The operator's message log (traffic/message-log.ts): every message an operator sent and
   * received at a terminal, read back with the key LOG, in the messages database.
   */
  messageLog: z.strictObject({
    /** Off: nothing is logged and LOG is refused. */
    enabled: z.boolean().default(true),
    /**
     * Days a message is kept. 90 by default: a quarter's traffic to put in a case file,
     * far short of the audit log's year (the audit log, not this, is the record).
     */
    retentionDays: z.number().int().min(1).max(3_650).default(90),
    /** Messages kept per operator at most (the oldest go first): bounds the file and a search. */
    maxPerOperator: z.number().int().min(10).max(1_000_000).default(10_000),
    /** Messages per page of a listing. */
    pageSize: z.number().int().min(1).max(200).default(20),
  }).prefault({}),
  /**
   * Operator roles that may address a whole county ("C19") or everyone ("ALL"), checked by
   * the switch whatever the security policy (the CJIS policy also has its own setting).
   */
  broadcastRoles: z.array(z.enum(OPERATOR_ROLES)).default(['FAO']),
  hitConfirmation: z.strictObject({
    /** Priority U: the entering agency answers within 10 minutes. */
    urgentMs: positiveMs.default(10 * 60_000),
    /** Priority R: within 60 minutes. */
    routineMs: positiveMs.default(60 * 60_000),
    /** The state control point told when a third request goes unanswered (DOJ). */
    controlPointOri: z.string().regex(ORI_PATTERN, 'must be a 9-character ORI').default('CA0349400'),
  }).prefault({}),
  /**
   * The state control point's validation report (traffic/validation-reports.ts), at a state
   * switch only: every `intervalMs` (daily by default: the control point's report day) the
   * state files are asked for each agency's records needing action, and each agency with
   * records overdue for validation or not second-party checked is sent its list as an
   * administrative notice from `hitConfirmation.controlPointOri`. The first run is one
   * interval after the start.
   */
  validationReports: z.strictObject({
    enabled: z.boolean().default(true),
    intervalMs: positiveMs.default(24 * 60 * 60_000),
    /** A run that fell due while the switch was down runs this long after its start (its links come up first). */
    catchUpDelayMs: positiveMs.default(60_000),
  }).prefault({}),
  /** Target (NCIC, WPS, CARPOS...) -> link name; unlisted targets use their system's name,
   *  or the upstream link when there is one. */
  routes: z.partialRecord(z.enum(TARGETS), z.string()).default({}),
  limits: z.strictObject({
    /** Largest frame accepted from a terminal (bytes); frames to a terminal carry whole answers and are not bounded by it. */
    maxFrameBytes: z.number().int().min(1024).default(64 * 1024),
    /** Largest frame sent or accepted on the peer port (county switches' links), as `links[].maxFrameBytes`. */
    maxLinkFrameBytes: z.number().int().min(1024).default(DEFAULT_LINK_MAX_FRAME_BYTES),
    /** A connection that has not logged in by then is closed (4013). */
    authTimeoutMs: positiveMs.default(60_000),
    /** Malformed frames tolerated on one connection before it is closed (4007). */
    maxMalformedFrames: z.number().int().min(1).default(5),
    /** Bytes queued to a terminal that does not read before it is dropped (4904). */
    highWaterMarkBytes: z.number().int().positive().default(4 * 1024 * 1024),
    /** WebSocket ping interval; a terminal missing two pongs is terminated. */
    pingIntervalMs: positiveMs.default(30_000),
    /** A resend (same replay scope, id and content) inside this window is answered again, not forwarded. */
    duplicateWindowMs: positiveMs.default(10 * 60_000),
    /** Each entry keeps every frame sent for one transaction, encoded once finished (about
     *  3 KB): the cap bounds the memory this costs (20,000: about 65 MiB) whatever the rate. */
    duplicateMaxEntries: z.number().int().positive().default(20_000),
    /**
     * One session's share of the duplicate window (an operator at a terminal, a gateway
     * session, a linked switch's requests): a session that sends more pushes out its own
     * oldest entries, never everyone else's, whose resends would otherwise run again.
     */
    duplicateMaxPerSession: z.number().int().positive().default(1_000),
    /**
     * Transactions one session may have in flight (accepted and not yet complete): a
     * terminal's operator, or a gateway session. Beyond it a transaction is refused at once
     * with CLETS_ERR_SESSION_WINDOW_FULL, never queued, so one session that pipelines
     * thousands cannot fill the switch's memory or delay everyone else. 32 is several times
     * what an operator or a CAD system has outstanding; a load generator that wants more
     * opens more sessions.
     */
    maxInFlightPerSession: z.number().int().positive().default(32),
    /** How long a system has to answer one request. */
    requestDeadlineMs: positiveMs.default(10_000),
    /** How long a transaction queued for a down system (.02.) waits before non-delivery. */
    queueTtlMs: positiveMs.default(15 * 60_000),
    /** Transactions queued per down link, at most. */
    queueMaxPerLink: z.number().int().positive().default(10_000),
    /** How long close() waits for transactions in flight. */
    drainTimeoutMs: positiveMs.default(5_000),
    /**
     * Login attempts per source address, every login endpoint together (terminal hello and
     * operator login, POST /v1/sessions, POST /v1/admin/sessions). A successful login gives
     * its attempt back; beyond the budget: CLETS_ERR_RATE_LIMITED (HTTP 429, Retry-After).
     */
    loginRate: z.strictObject({
      /** Attempts (failed or still running) a source may make in a row. */
      burst: z.number().int().min(1).default(30),
      /** Attempts a source earns back per minute. */
      perMinute: z.number().positive().default(10),
      /** Sources remembered at most (least recently seen forgotten first): bounds the memory. */
      maxSources: z.number().int().min(1).default(10_000),
    }).prefault({}),
  }).prefault({}),
  /**
   * Timeouts and caps of every listening port (the HTTP API, the terminal port and the peer
   * port, which are HTTP servers until their WebSocket upgrade): http/server-guard.ts.
   */
  connections: z.strictObject({
    /**
     * A connection must have sent a request's complete headers this long after connecting,
     * and after its previous answer (slowloris, silent connections); a TLS handshake too.
     */
    headersTimeoutMs: positiveMs.default(10_000),
    /** The whole request (headers and body) must have arrived by then. */
    requestTimeoutMs: positiveMs.default(30_000),
    /** An idle keep-alive connection is closed after this. */
    keepAliveTimeoutMs: positiveMs.default(5_000),
    /** Terminal port: a dispatch centre's terminals share an address; beyond a cap, close 1013. */
    terminal: connectionCaps(256, 10_000),
    /** Peer port: a county links once (twice while it reconnects). */
    peer: connectionCaps(16, 256),
    /** HTTP API: gateway clients, administrators, monitoring. Beyond a cap the connection is dropped. */
    http: connectionCaps(128, 2_048),
  }).prefault({}),
  http: z.strictObject({
    /** Inquiry gateway sessions expire after this long idle. */
    gatewaySessionIdleMs: positiveMs.default(30 * 60_000),
    /** How long POST /v1/messages waits for the completion. */
    gatewayWaitMs: positiveMs.default(15_000),
  }).prefault({}),
  /** Who may connect, log in and send what (security/README.md lists every rule). */
  security: z.strictObject({
    /** cjis: the full CLETS / CJIS rules. plain: registered terminals, passwords and roles only. */
    policy: z.enum(['cjis', 'plain']).default('cjis'),
    /** SQLite file of operators, lockouts, the review queue and the release log. */
    databasePath: z.string().default('var/switch-security.db'),
    settings: cjisSettingsSchema.prefault({}),
    /** Administrator accounts of the admin API besides the registry's (scrypt hash, TOTP secret). */
    administrators: z.array(z.strictObject({
      id: z.string().min(1),
      passwordHash: z.string().startsWith('$scrypt$'),
      totpSecret: z.string().min(16),
    })).default([]),
  }).prefault({}),
  log: z.strictObject({
    level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  }).prefault({}),
});

export type SwitchConfig = z.infer<typeof switchConfigSchema>;
export type SwitchConfigInput = z.input<typeof switchConfigSchema>;
export type LinkConfig = z.infer<typeof linkSchema>;

/** Parses a config, throwing one error that lists every problem with its path. */
export function parseSwitchConfig(input: unknown): SwitchConfig {
  const removed = removedKeyProblems(input);
  if (removed.length > 0) throw new Error(`invalid switch config:\n${removed.join('\n')}`);
  const result = switchConfigSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`invalid switch config:\n${problems.join('\n')}`);
  }
  const config = result.data;
  const names = new Set(config.links.map((link) => link.name));
  const problems: string[] = [];
  if (names.size !== config.links.length) problems.push('  links: link names must be unique');
  const peerIds = new Set(config.peers.map((peer) => peer.peerId));
  if (peerIds.size !== config.peers.length) problems.push('  peers: peer ids must be unique');
  for (const peerId of peerIds) if (names.has(peerId)) problems.push(`  peers: '${peerId}' is also the name of a link`);
  // Ownership of ORIs and terminals is decided from this config: two peers must not both own one.
  const once = (what: string, values: readonly string[]): void => {
    const seen = new Set<string>();
    for (const value of values) {
      if (seen.has(value)) problems.push(`  peers: ${what} '${value}' is given to more than one peer`);
      seen.add(value);
    }
  };
  once('county', config.peers.flatMap((peer) => (peer.county === undefined ? [] : [peer.county])));
  once('ORI', config.peers.flatMap((peer) => [...new Set(peer.oris)]));
  once('terminal pattern', config.peers.flatMap((peer) => [...new Set(peer.terminals)]));
  for (const link of config.links) {
    if (link.tls !== undefined && !link.url.startsWith('wss://')) problems.push(`  links: '${link.name}' has tls but its url is not wss://`);
  }
  if (config.upstreamLink !== undefined && !names.has(config.upstreamLink)) problems.push(`  upstreamLink: no link named '${config.upstreamLink}'`);
  for (const [target, link] of Object.entries(config.routes)) {
    if (!names.has(link)) problems.push(`  routes.${target}: no link named '${link}'`);
  }
  const { connections } = config;
  if (connections.headersTimeoutMs > connections.requestTimeoutMs) problems.push('  connections.headersTimeoutMs: must not exceed connections.requestTimeoutMs');
  for (const port of ['terminal', 'peer', 'http'] as const) {
    if (connections[port].maxPerSource > connections[port].maxTotal) problems.push(`  connections.${port}.maxPerSource: must not exceed connections.${port}.maxTotal`);
  }
  if (problems.length > 0) throw new Error(`invalid switch config:\n${problems.join('\n')}`);
  return Object.freeze(config);
}

/** Keys that once existed, named with what replaced them (a strict schema alone would only say "unrecognized"). */
function removedKeyProblems(input: unknown): string[] {
  const http = (input as { http?: Record<string, unknown> } | null)?.http;
  if (typeof http === 'object' && http !== null && 'adminToken' in http) {
    return ['  http.adminToken: removed; no shared token reads the audit log: an administrator logs in (POST /v1/admin/sessions, password and TOTP) and reads GET /v1/audit with that session'];
  }
  return [];
}
