/**
 * A link's settings: the options the switch's config passes in, their defaults, and the
 * check that runs once at construction (every problem listed, then the settings frozen).
 * Also the types the link shows to the rest of the switch (events, stats, logger).
 */
import {
  DEFAULT_LINK_MAX_FRAME_BYTES, systemClock,
  type DecodedFrame, type LinkClock, type LinkReply, type ReconnectDelays, type StatusMessage,
} from '@clets/protocol';

export type LinkClientState = 'connecting' | 'up' | 'down' | 'closed';

/** The subset of a pino logger a link uses. */
export interface LinkLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  debug(obj: object, msg?: string): void;
}

export interface LinkClientOptions {
  /** Link name used in logs, metrics and routing ('NCIC', 'upstream'). */
  name: string;
  /** ws:// or wss:// */
  url: string;
  /** Our identity in LinkHello ('county-19'). */
  peerId: string;
  /** Per-link secret: sent in LinkHello only, never logged, never in an error message. */
  secret: string;
  /** 'switch' for a county switch linking to the state switch, 'client' towards a system. */
  role: 'client' | 'switch';
  /** ORIs and terminal mnemonics served below us (county -> state), sent in LinkHello. */
  servedOris?: string[];
  servedTerminals?: string[];
  /** Most LinkRequests on the wire without a final reply (default 256). */
  window?: number;
  /** Most requests waiting for a window slot (default 10,000); beyond: CLETS_ERR_QUEUE_FULL. */
  maxQueue?: number;
  /** A Heartbeat frame and a ws ping go out this often (default 5 s). */
  heartbeatIntervalMs?: number;
  /** A link that sends nothing (not a frame, not a pong) this long is declared down (default 15 s). */
  heartbeatTimeoutMs?: number;
  /** Reconnect delays: exponential with jitter (default 250 ms to 30 s). */
  reconnect?: ReconnectDelays;
  /** Time from starting to connect until LinkWelcome (default 10 s). */
  helloTimeoutMs?: number;
  /**
   * Largest frame sent or accepted (default 1 MiB, the links' limit at both ends). A larger
   * incoming one closes the link (1009), so the far end must not be configured larger.
   */
  maxFrameBytes?: number;
  /** Above this many bytes buffered for the socket, no more requests leave the queue (default 1 MiB). */
  highWaterMarkBytes?: number;
  tls?: { ca?: string | Buffer; rejectUnauthorized?: boolean };
  /** Jitter source for reconnect delays (default Math.random). */
  random?: () => number;
  /** Time source for deadlines, heartbeats and reconnect delays (default: system clock). */
  clock?: LinkClock;
  /** Cork the socket for the rest of the tick on each write (default true; false only to measure). */
  coalesceWrites?: boolean;
  logger?: LinkLogger;
}

export interface LinkClientStats {
  state: LinkClientState;
  inFlight: number;
  queued: number;
  /** Frames written / received on all connections. */
  sent: number;
  received: number;
  bytesSent: number;
  bytesReceived: number;
  /** Connection attempts after the first. */
  reconnects: number;
  /** The last link_seq received on the current connection (0 before any). */
  lastLinkSeqReceived: number;
  /** Received link_seq values that were not the previous one plus one (loss or reordering). */
  gapsDetected: number;
  timeouts: number;
  /** LinkReplies for no request on the wire: unknown id, or late after a timeout. */
  unmatchedReplies: number;
  /** Incoming messages that were not a decodable binary frame. */
  decodeErrors: number;
  /** Frames of a kind not expected at that point (a LinkRequest before LinkWelcome, say). */
  unexpectedFrames: number;
  bufferedAmount: number;
}

export interface LinkClientEvents {
  /** LinkWelcome ok: the systems reachable through the link. */
  up: [systems: string[]];
  /** The link was up and is not any more; once per loss, not once per failed reconnect. */
  down: [reason: string];
  /** An upstream switch reports a system behind it down or back. */
  statusMessage: [message: StatusMessage];
  /** Any other frame once up (AdminMessage, HitConfirmationRequest...), for the switch. */
  frame: [frame: DecodedFrame];
  /**
   * A final LinkReply for no request pending on this link: the far switch answers a request
   * this switch sent before a restart of either (docs/protocol.md, "Between switches").
   */
  lateReply: [reply: LinkReply];
}

/** The options with every default filled in, checked and frozen. */
export interface LinkSettings {
  readonly name: string;
  readonly url: string;
  /** The URL for logs: any user and password replaced. */
  readonly safeUrl: string;
  readonly peerId: string;
  readonly secret: string;
  readonly role: 'client' | 'switch';
  readonly servedOris: readonly string[];
  readonly servedTerminals: readonly string[];
  readonly window: number;
  readonly maxQueue: number;
  readonly heartbeatIntervalMs: number;
  readonly heartbeatTimeoutMs: number;
  readonly reconnect: ReconnectDelays;
  readonly helloTimeoutMs: number;
  readonly maxFrameBytes: number;
  readonly highWaterMarkBytes: number;
  readonly tls: { ca?: string | Buffer; rejectUnauthorized?: boolean } | undefined;
  readonly random: () => number;
  readonly clock: LinkClock;
  readonly coalesceWrites: boolean;
  readonly logger: LinkLogger;
}

const noopLogger: LinkLogger = { info() {}, warn() {}, error() {}, debug() {} };

/** Fills in the defaults and checks the result; throws a RangeError listing every problem. */
export function resolveLinkSettings(options: LinkClientOptions): LinkSettings {
  const settings: LinkSettings = {
    name: options.name,
    url: options.url,
    safeUrl: withoutCredentials(options.url),
    peerId: options.peerId,
    secret: options.secret,
    role: options.role,
    servedOris: Object.freeze([...(options.servedOris ?? [])]),
    servedTerminals: Object.freeze([...(options.servedTerminals ?? [])]),
    window: options.window ?? 256,
    maxQueue: options.maxQueue ?? 10_000,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 5_000,
    heartbeatTimeoutMs: options.heartbeatTimeoutMs ?? 15_000,
    reconnect: Object.freeze({ ...(options.reconnect ?? { minDelayMs: 250, maxDelayMs: 30_000 }) }),
    helloTimeoutMs: options.helloTimeoutMs ?? 10_000,
    maxFrameBytes: options.maxFrameBytes ?? DEFAULT_LINK_MAX_FRAME_BYTES,
    highWaterMarkBytes: options.highWaterMarkBytes ?? 1024 * 1024,
    tls: options.tls,
    random: options.random ?? Math.random,
    clock: options.clock ?? systemClock,
    coalesceWrites: options.coalesceWrites ?? true,
    logger: options.logger ?? noopLogger,
  };
  const problems = checkSettings(settings);
  if (problems.length > 0) throw new RangeError(`invalid options for link ${options.name}: ${problems.join('; ')}`);
  return Object.freeze(settings);
}

function checkSettings(settings: LinkSettings): string[] {
  const problems: string[] = [];
  let protocol = '';
  try {
    protocol = new URL(settings.url).protocol;
  } catch {
    problems.push('url is not a URL');
  }
  if (protocol !== '' && protocol !== 'ws:' && protocol !== 'wss:') problems.push('url must be ws:// or wss://');
  if (settings.name === '') problems.push('name is empty');
  if (settings.peerId === '') problems.push('peerId is empty');
  if (!Number.isInteger(settings.window) || settings.window < 1) problems.push('window must be an integer >= 1');
  if (!Number.isInteger(settings.maxQueue) || settings.maxQueue < 0) problems.push('maxQueue must be an integer >= 0');
  if (!(settings.heartbeatIntervalMs > 0) || !(settings.heartbeatTimeoutMs > settings.heartbeatIntervalMs)) {
    problems.push('need 0 < heartbeatIntervalMs < heartbeatTimeoutMs');
  }
  const { minDelayMs, maxDelayMs } = settings.reconnect;
  if (!(minDelayMs >= 1) || !(maxDelayMs >= minDelayMs)) problems.push('need 1 <= reconnect.minDelayMs <= reconnect.maxDelayMs');
  if (!(settings.helloTimeoutMs > 0)) problems.push('helloTimeoutMs must be > 0');
  if (!(settings.maxFrameBytes > 0)) problems.push('maxFrameBytes must be > 0');
  if (!(settings.highWaterMarkBytes > 0)) problems.push('highWaterMarkBytes must be > 0');
  return problems;
}

function withoutCredentials(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.username !== '' || parsed.password !== '') {
      parsed.username = 'redacted';
      parsed.password = '';
    }
    return parsed.toString();
  } catch {
    return '(invalid url)';
  }
}
