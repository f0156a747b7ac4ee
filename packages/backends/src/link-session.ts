/**
 * One link connection, server side: LinkHello and the secret check, heartbeats, requests,
 * and the one `write()` that stamps `link_seq` and owns backpressure. It knows no socket:
 * bytes come in through `receive()`, go out through a LinkTransport, so the frame handling
 * is tested (and fuzzed) without a network.
 */
import type { Logger } from 'pino';
import {
  CletsError,
  PROTOCOL_VERSION,
  decodeFrame,
  encodeFrame,
  toCletsError,
  type DecodedFrame,
  type ErrorCode,
  type Frame,
  type FrameKind,
  type LinkHello,
  type LinkReply,
  type LinkRequest,
  type SystemName,
} from '@clets/protocol';
import type { BackendLimits } from './config.js';
import { buildReject, rejectFromError } from './rejects.js';
import type { ReplySink } from './request-dispatcher.js';

/** The socket as a session sees it (a ws WebSocket in service, a fake in tests). */
export interface LinkTransport {
  /** Sends one binary message; `onWritten` runs once it left the process (or failed). */
  send(bytes: Uint8Array, onWritten: (error?: Error) => void): void;
  /** Bytes queued and not yet written to the network. */
  readonly bufferedAmount: number;
  close(code: number, reason: string): void;
  /** Ends the connection at once, without a closing handshake. */
  terminate(): void;
  /** Stops reading from the peer (backpressure). */
  pause(): void;
  resume(): void;
}

export type LinkAuthResult = { readonly ok: true; readonly peerId: string } | { readonly ok: false; readonly code: ErrorCode };

export interface RequestHandler {
  dispatch(request: LinkRequest, sink: ReplySink): void;
}

export interface LinkSessionOptions {
  readonly transport: LinkTransport;
  /** The systems this connection reaches (chosen by the URL path it connected to). */
  readonly served: ReadonlySet<SystemName>;
  /** Of those, the ones up now (a `drop` outage removes a system): sent in LinkWelcome. */
  readonly available: () => readonly SystemName[];
  readonly limits: Pick<BackendLimits, 'maxFrameBytes' | 'helloTimeoutMs' | 'maxMalformedFrames' | 'maxBufferedBytes' | 'drainTimeoutMs'>;
  /** This host's identity, sent in LinkWelcome.peer_id. */
  readonly serverId: string;
  readonly authenticate: (hello: LinkHello) => LinkAuthResult;
  readonly requests: RequestHandler;
  readonly logger: Logger;
  readonly now?: () => number;
  readonly onAuthenticated?: (session: LinkSession) => void;
  readonly onClosed?: (session: LinkSession) => void;
}

export type LinkSessionState = 'awaiting-hello' | 'open' | 'closing' | 'closed';

export class LinkSession implements ReplySink {
  readonly served: ReadonlySet<SystemName>;
  private readonly options: LinkSessionOptions;
  private readonly now: () => number;
  private logger: Logger;
  private stateValue: LinkSessionState = 'awaiting-hello';
  private peer = '';
  private linkSeq = 0;
  private malformed = 0;
  private paused = false;
  private helloTimer: NodeJS.Timeout | undefined;
  private drainTimer: NodeJS.Timeout | undefined;

  constructor(options: LinkSessionOptions) {
    this.options = options;
    this.served = options.served;
    this.now = options.now ?? Date.now;
    this.logger = options.logger;
    this.helloTimer = setTimeout(() => this.onHelloTimeout(), options.limits.helloTimeoutMs);
    this.helloTimer.unref();
  }

  get state(): LinkSessionState {
    return this.stateValue;
  }

  /** The authenticated peer id ('' before LinkHello is accepted). */
  get peerId(): string {
    return this.peer;
  }

  get isOpen(): boolean {
    return this.stateValue === 'open';
  }

  /** The link_seq stamped on the last frame sent. */
  get lastLinkSeq(): number {
    return this.linkSeq;
  }

  /** One WebSocket message from the peer. */
  receive(data: Uint8Array, isBinary: boolean): void {
    if (this.stateValue === 'closing' || this.stateValue === 'closed') return;
    if (!isBinary) return this.badFrame(new CletsError('CLETS_ERR_TEXT_FRAME'));
    let frame: DecodedFrame & { body: FrameKind };
    try {
      frame = decodeFrame(data, { maxFrameBytes: this.options.limits.maxFrameBytes });
    } catch (error) {
      return this.badFrame(toCletsError(error));
    }
    this.onFrame(frame);
  }

  sendReply(reply: LinkReply): void {
    this.write({ linkReply: reply });
  }

  /** Starts a closing handshake; the transport reports the end through `transportClosed`. */
  close(code: number, reason: string): void {
    if (this.stateValue === 'closing' || this.stateValue === 'closed') return;
    this.stateValue = 'closing';
    this.clearTimers();
    this.options.transport.close(code, reason);
  }

  /** Ends the connection at once (a `drop` outage, a dead or stuck peer). */
  terminate(): void {
    if (this.stateValue === 'closed') return;
    this.stateValue = 'closing';
    this.clearTimers();
    this.options.transport.terminate();
  }

  /** The transport is gone: called once by whoever owns the socket. */
  transportClosed(code: number): void {
    if (this.stateValue === 'closed') return;
    this.stateValue = 'closed';
    this.clearTimers();
    this.logger.info({ code }, 'link closed');
    this.options.onClosed?.(this);
  }

  /**
   * The one place that writes to the peer: stamps the next link_seq, encodes, sends, and
   * pauses reading while too much is buffered (a peer that does not read its replies must
   * not make the server hold its requests' answers without bound).
   */
  write(frame: Frame): boolean {
    if (this.stateValue === 'closed') return false;
    const linkSeq = this.linkSeq + 1;
    let bytes: Uint8Array;
    try {
      bytes = encodeFrame({ ...frame, linkSeq }, { maxFrameBytes: this.options.limits.maxFrameBytes });
    } catch (error) {
      const failure = toCletsError(error);
      this.logger.error({ err: failure, kind: Object.keys(frame).find((key) => key !== 'linkSeq') }, 'frame could not be sent');
      const requestId = frame.linkReply?.requestId;
      // A reply too large for the link becomes a reject for the same request.
      if (requestId) return this.write({ linkReply: { requestId, reject: rejectFromError(failure), final: true } });
      return false;
    }
    this.linkSeq = linkSeq;
    const { transport } = this.options;
    transport.send(bytes, () => this.onWritten());
    if (!this.paused && transport.bufferedAmount > this.options.limits.maxBufferedBytes) this.pause();
    return true;
  }

  // --- incoming frames -------------------------------------------------------------------

  /** One handler per frame kind: a link only ever carries hello, heartbeat and requests. */
  private onFrame(frame: DecodedFrame & { body: FrameKind }): void {
    const kind = frame.body;
    switch (kind) {
      case 'linkHello':
        return this.onHello(frame.linkHello ?? {});
      case 'heartbeat':
        if (!this.isOpen) return this.unexpected(kind);
        if (!frame.heartbeat?.reply) {
          this.write({ heartbeat: { nonce: frame.heartbeat?.nonce ?? 0, sentAtMs: this.now(), reply: true } });
        }
        return;
      case 'linkRequest':
        return this.onRequest(frame.linkRequest ?? {});
      case 'terminalHello':
      case 'loginBanner':
      case 'bannerAck':
      case 'operatorLogin':
      case 'secondFactorChallenge':
      case 'secondFactorAnswer':
      case 'loginResult':
      case 'logout':
      case 'transaction':
      case 'receipt':
      case 'response':
      case 'completion':
      case 'reject':
      case 'queuedNotice':
      case 'adminMessage':
      case 'deliveryReport':
      case 'hitConfirmationRequest':
      case 'hitConfirmationResponse':
      case 'statusMessage':
      case 'linkWelcome':
      case 'linkReply':
        return this.unexpected(kind);
      default:
        return assertNever(kind);
    }
  }

  private onHello(hello: LinkHello): void {
    if (this.stateValue !== 'awaiting-hello') return this.unexpected('linkHello');
    clearTimeout(this.helloTimer);
    this.helloTimer = undefined;
    const version = hello.protocolVersion ?? 0;
    // 0 is "not set" in proto3: an older client that never sent the field speaks version 1.
    if (version !== 0 && version !== PROTOCOL_VERSION) return this.refuseHello('CLETS_ERR_PROTOCOL_VERSION', hello);
    const result = this.options.authenticate(hello);
    if (!result.ok) return this.refuseHello(result.code, hello);
    this.peer = result.peerId;
    this.stateValue = 'open';
    this.logger = this.logger.child({ peer: this.peer });
    this.logger.info({ role: hello.role ?? '' }, 'link authenticated');
    this.options.onAuthenticated?.(this);
    this.write({ linkWelcome: { ok: true, systems: [...this.options.available()], peerId: this.options.serverId } });
  }

  private refuseHello(code: ErrorCode, hello: LinkHello): void {
    const error = new CletsError(code);
    // The peer id is logged to find a misconfigured switch; the secret never is.
    this.logger.warn({ claimedPeer: hello.peerId ?? '', code }, 'link refused');
    this.write({ linkWelcome: { ok: false, code, reason: error.message } });
    this.close(error.closeCode ?? 4018, code);
  }

  private onRequest(request: LinkRequest): void {
    if (!this.isOpen) return this.unexpected('linkRequest');
    if (!request.requestId) {
      this.write({ reject: buildReject('CLETS_ERR_REQUEST_INVALID', { detail: 'request_id missing', transaction: request.transaction }) });
      return;
    }
    this.options.requests.dispatch(request, this);
  }

  private unexpected(kind: FrameKind): void {
    const state = this.isOpen ? 'on an open link' : 'before LinkHello';
    this.badFrame(new CletsError('CLETS_ERR_FRAME_UNEXPECTED', `${kind} ${state}`));
  }

  /** A frame that is not a link frame in its place: a reject, and the link ends after N. */
  private badFrame(error: CletsError): void {
    this.malformed += 1;
    this.logger.debug({ code: error.code, count: this.malformed }, 'bad frame');
    this.write({ reject: rejectFromError(error) });
    if (this.malformed >= this.options.limits.maxMalformedFrames) {
      const tooMany = new CletsError('CLETS_ERR_TOO_MANY_MALFORMED');
      this.write({ reject: rejectFromError(tooMany) });
      this.logger.warn({ count: this.malformed }, 'too many malformed frames: closing the link');
      this.close(tooMany.closeCode ?? 4007, tooMany.code);
    }
  }

  private onHelloTimeout(): void {
    this.helloTimer = undefined;
    if (this.stateValue !== 'awaiting-hello') return;
    const error = new CletsError('CLETS_ERR_AUTH_TIMEOUT');
    this.logger.info('no LinkHello in time: closing');
    this.write({ reject: rejectFromError(error) });
    this.close(error.closeCode ?? 4013, error.code);
  }

  // --- backpressure ----------------------------------------------------------------------

  private pause(): void {
    this.paused = true;
    this.options.transport.pause();
    this.logger.warn({ buffered: this.options.transport.bufferedAmount }, 'peer is slow to read: pausing its requests');
    this.drainTimer = setTimeout(() => {
      this.logger.warn('peer did not read its replies in time: ending the link');
      this.terminate();
    }, this.options.limits.drainTimeoutMs);
    this.drainTimer.unref();
  }

  private onWritten(): void {
    if (!this.paused || this.stateValue === 'closed') return;
    if (this.options.transport.bufferedAmount > this.options.limits.maxBufferedBytes / 2) return;
    this.paused = false;
    clearTimeout(this.drainTimer);
    this.drainTimer = undefined;
    this.options.transport.resume();
  }

  private clearTimers(): void {
    clearTimeout(this.helloTimer);
    clearTimeout(this.drainTimer);
    this.helloTimer = undefined;
    this.drainTimer = undefined;
  }
}

function assertNever(value: never): never {
  throw new Error(`unhandled frame kind ${String(value)}`);
}
