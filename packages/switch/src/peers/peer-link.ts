/**
 * One county switch linked to this (state) switch, seen as a `SystemLink`: the state sends
 * LinkRequests down it (an AM or YQ for a county's terminal) exactly as a county sends them
 * up a LinkClient, with the same window, deadlines and correlation (`PendingRequests`), and
 * answers the county's own requests once per request id (`UpstreamRequests`).
 *
 * A PeerLink outlives connections: it exists for every configured peer from the start
 * (state 'down' until the county links), so traffic for a county that is down is held
 * (.02.) against its name and released when it links again. The socket side (LinkHello,
 * secrets, ping) is the PeerServer's; frames reach this class already decoded.
 */
import { EventEmitter } from 'node:events';
import {
  CletsError, toCletsError,
  type DecodedFrame, type Frame, type FrameKind, type LinkClock, type LinkReply, type LinkRequest,
} from '@clets/protocol';
import { PendingRequests, type OutgoingLinkRequest } from '../links/pending-requests.js';
import { rejectReply, UpstreamRequests } from '../links/upstream-requests.js';
import type { LinkStateName, SystemLink } from '../links/types.js';

/** How the PeerLink writes to its current connection (the server stamps link_seq). */
export interface PeerTransport {
  /** False when the connection is not open. Throws CletsError when the frame cannot be encoded. */
  write(frame: Frame): boolean;
  close(code: number, reason: string): void;
  readonly remoteAddress: string;
}

/** A request from the county, answered with one final reply; partials (.02.) go out at once. */
export type PeerRequestHandler = (request: LinkRequest, onPartial: (reply: LinkReply) => void) => Promise<LinkReply> | LinkReply;

export interface PeerLinkOptions {
  /** The peer id, also the link's name in the routing table. */
  readonly name: string;
  readonly clock: LinkClock;
  readonly window?: number;
  readonly maxQueue?: number;
  readonly logger?: { warn(object: object, message?: string): void; error(object: object, message?: string): void };
}

interface PeerLinkEvents {
  up: [systems: string[]];
  down: [reason: string];
  statusMessage: [message: NonNullable<Frame['statusMessage']>];
  frame: [frame: DecodedFrame];
  lateReply: [reply: LinkReply];
}

/** How many request ids from the county are remembered for retries. */
const REQUESTS_REMEMBERED = 10_000;
/** Close code when a newer connection of the same peer replaces this one. */
const CLOSE_SUPERSEDED = 4016;

export class PeerLink implements SystemLink {
  readonly name: string;
  readonly #events = new EventEmitter();
  readonly #pending: PendingRequests;
  readonly #answers: UpstreamRequests;
  readonly #logger: PeerLinkOptions['logger'];
  readonly #clock: LinkClock;
  #state: LinkStateName = 'down';
  #transport: PeerTransport | undefined;
  #handler: PeerRequestHandler | undefined;
  #pumping = false;
  /** What the county announced in its last LinkHello. */
  announced: { readonly oris: readonly string[]; readonly terminals: readonly string[] } = { oris: [], terminals: [] };

  constructor(options: PeerLinkOptions) {
    this.name = options.name;
    this.#logger = options.logger;
    this.#clock = options.clock;
    this.#pending = new PendingRequests({ window: options.window ?? 256, maxQueue: options.maxQueue ?? 10_000 }, options.clock, {
      onSlotFreed: () => this.#pump(),
      onCallbackError: (error, requestId) => this.#logger?.error({ err: error, requestId, peer: this.name }, 'onPartial callback threw'),
    });
    this.#answers = new UpstreamRequests(REQUESTS_REMEMBERED, (error, requestId) => {
      this.#logger?.error({ err: error, requestId, peer: this.name }, 'request from peer failed');
    });
  }

  get state(): LinkStateName {
    return this.#state;
  }

  /** A county's link carries agency traffic, not a system. */
  get systems(): readonly string[] {
    return [];
  }

  get remoteAddress(): string {
    return this.#transport?.remoteAddress ?? '';
  }

  on<E extends keyof PeerLinkEvents>(event: E, listener: (...args: PeerLinkEvents[E]) => void): this {
    this.#events.on(event, listener as (...args: unknown[]) => void);
    return this;
  }

  start(): void {}

  /** The county linked (LinkWelcome already sent): traffic flows on this connection now. */
  attach(transport: PeerTransport): void {
    if (this.#state === 'closed') {
      transport.close(1001, 'switch shutting down');
      return;
    }
    const previous = this.#transport;
    if (previous !== undefined) {
      this.#transport = undefined;
      this.#failInFlight('superseded by a newer connection');
      previous.close(CLOSE_SUPERSEDED, 'superseded by a newer link of the same peer');
    }
    this.#transport = transport;
    const wasUp = this.#state === 'up';
    this.#state = 'up';
    if (!wasUp) this.#emit('up', []);
    this.#pump();
  }

  /** The connection ended. Only the current one counts (a superseded one is already gone). */
  detach(transport: PeerTransport, reason: string): void {
    if (transport !== this.#transport) return;
    this.#transport = undefined;
    if (this.#state !== 'up') return;
    this.#state = 'down';
    this.#failInFlight(reason);
    this.#emit('down', reason);
  }

  request(request: OutgoingLinkRequest, onPartial?: (reply: LinkReply) => void): Promise<LinkReply> {
    if (this.#state !== 'up') {
      const code = this.#state === 'closed' ? 'CLETS_ERR_SHUTTING_DOWN' : 'CLETS_ERR_SYSTEM_UNAVAILABLE';
      return Promise.reject(new CletsError(code, `peer ${this.name} is ${this.#state}`, { system: request.system }));
    }
    const reply = this.#pending.admit(request, onPartial);
    this.#pump();
    return reply;
  }

  onRequest(handler: PeerRequestHandler): void {
    this.#handler = handler;
    this.#answers.setHandler((request) => {
      const current = this.#handler;
      if (current === undefined) throw new CletsError('CLETS_ERR_SYSTEM_NOT_ACCEPTING');
      return current(request, (partial) => {
        this.send({ linkReply: { ...partial, requestId: request.requestId ?? '', final: false } });
      });
    });
  }

  send(frame: Frame): boolean {
    try {
      return this.#write(frame);
    } catch (error) {
      this.#logger?.error({ err: error, peer: this.name }, 'frame to peer could not be encoded');
      return false;
    }
  }

  /** False when not up; throws CletsError when the frame cannot be encoded (too large, say). */
  #write(frame: Frame): boolean {
    const transport = this.#transport;
    if (this.#state !== 'up' || transport === undefined) return false;
    return transport.write(frame);
  }

  /** One decoded frame from the county on the current connection. */
  receive(frame: DecodedFrame & { body: FrameKind }): void {
    switch (frame.body) {
      case 'linkReply': {
        const reply = frame.linkReply ?? {};
        if (this.#pending.deliver(reply) === 'unmatched' && reply.final) this.#emit('lateReply', reply);
        return;
      }
      case 'linkRequest':
        this.#onLinkRequest(frame.linkRequest ?? {});
        return;
      case 'heartbeat': {
        const heartbeat = frame.heartbeat ?? {};
        if (!heartbeat.reply) this.send({ heartbeat: { nonce: heartbeat.nonce ?? 0, sentAtMs: this.#clock.now(), reply: true } });
        return;
      }
      case 'statusMessage':
        this.#emit('statusMessage', frame.statusMessage ?? {});
        return;
      case 'deliveryReport': case 'adminMessage': case 'hitConfirmationRequest': case 'hitConfirmationResponse':
        this.#emit('frame', frame);
        return;
      case 'linkHello': case 'linkWelcome': case 'terminalHello': case 'loginBanner': case 'bannerAck':
      case 'operatorLogin': case 'secondFactorChallenge': case 'secondFactorAnswer': case 'loginResult':
      case 'logout': case 'transaction': case 'receipt': case 'response': case 'completion': case 'reject':
      case 'queuedNotice':
        this.#logger?.warn({ peer: this.name, kind: frame.body }, 'frame not expected on a peer link: ignored');
        return;
    }
  }

  close(): Promise<void> {
    if (this.#state === 'closed') return Promise.resolve();
    this.#state = 'closed';
    this.#pending.failAll((system) => new CletsError('CLETS_ERR_SHUTTING_DOWN', `peer ${this.name} closed`, { system }));
    const transport = this.#transport;
    this.#transport = undefined;
    transport?.close(1001, 'switch shutting down');
    return Promise.resolve();
  }

  #onLinkRequest(request: LinkRequest): void {
    const requestId = request.requestId ?? '';
    if (requestId === '') {
      this.send({ linkReply: { ...rejectReply(new CletsError('CLETS_ERR_REQUEST_INVALID', 'LinkRequest without request_id'), request) } });
      return;
    }
    const transport = this.#transport;
    const { reply } = this.#answers.answer(request);
    void reply.then((answer) => {
      // The county retries on its new connection when this one is gone.
      if (transport !== this.#transport) return;
      try {
        this.#write({ linkReply: { ...answer, requestId, final: true } });
      } catch (error) {
        // An answer too large for the link fails this request alone: a reject in its place,
        // the link and everything else in flight on it untouched.
        const failure = toCletsError(error);
        this.#logger?.warn({ code: failure.code, requestId, peer: this.name }, 'reply too large for the link: answered with a reject');
        this.send({ linkReply: { ...rejectReply(failure, request), requestId, final: true } });
      }
    });
  }

  #pump(): void {
    if (this.#pumping || this.#state !== 'up' || this.#transport === undefined) return;
    this.#pumping = true;
    try {
      for (let next = this.#pending.nextToSend(); next !== undefined; next = this.#pending.nextToSend()) {
        let written = false;
        try {
          written = this.#write({ linkRequest: { requestId: next.requestId, system: next.system, transaction: next.transaction, deadlineMs: next.deadlineMs } });
        } catch (error) {
          const failure = toCletsError(error);
          this.#pending.fail(next.requestId, new CletsError(failure.code, `request ${next.requestId} not sent: ${failure.message}`, { system: next.system }));
          continue;
        }
        if (!written) this.#pending.fail(next.requestId, new CletsError('CLETS_ERR_SYSTEM_UNAVAILABLE', `peer ${this.name} not writable`, { system: next.system }));
      }
    } finally {
      this.#pumping = false;
    }
  }

  #failInFlight(reason: string): void {
    this.#pending.failAll((system) => new CletsError('CLETS_ERR_SYSTEM_UNAVAILABLE', `peer ${this.name}: ${reason}`, { system }));
  }

  #emit<E extends keyof PeerLinkEvents>(event: E, ...args: PeerLinkEvents[E]): void {
    for (const listener of this.#events.listeners(event)) {
      try {
        (listener as (...values: unknown[]) => void)(...args);
      } catch (error) {
        this.#logger?.error({ err: error, event, peer: this.name }, 'peer link listener threw');
      }
    }
  }
}
