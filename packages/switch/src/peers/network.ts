/**
 * The switch's place in the network of switches (README.md, "Network"): what a county
 * switch and the state switch add to a lone switch.
 * - State: a PeerLink per configured county and the PeerServer they link to; what a county
 *   announces goes into the routing table; status messages about the state's own system
 *   links go down to every county.
 * - County: requests the state sends down its upstream link are run through the pipeline;
 *   status messages from upstream reach the terminals (switch.ts does that for every link).
 * - Both: late reports travelling between switches and traffic that waited for a link go to
 *   the DeliveryService it is given; the county announcements are kept in the MessageStore.
 * - Both, across restarts (docs/protocol.md, "Between switches"): a request from another
 *   switch that this one resumes after a restart is answered with a final LinkReply pushed
 *   on that switch's link (kept for the link while it is down); a final LinkReply that comes
 *   for no request pending here (the far switch answering after a restart of either) answers
 *   the resumed request waiting for it, or is given to the operator its header names.
 */
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import {
  LinkState,
  type DecodedFrame, type ErrorCode, type LinkClock, type LinkHello, type LinkReply, type LinkRequest, type StatusMessage, type Transaction,
} from '@clets/protocol';
import { withPeer, type ClaimRefusal, type RoutingTable } from '@clets/routing';
import type { SwitchConfig } from '../config.js';
import type { DeliveryService } from '../traffic/deliveries.js';
import type { HeldQueue } from '../links/held-queue.js';
import { answerLinkRequest } from './link-origin.js';
import { rejectReply } from '../links/upstream-requests.js';
import { linkAddress, type MessageStore } from '../traffic/message-store.js';
import type { SavedOrigin } from '../pipeline/journal.js';
import { PeerLink } from './peer-link.js';
import { clipped, describeRefusal, PeerOwnership } from './peer-ownership.js';
import { PeerServer, type HelloOutcome, type PeerServerOptions } from './peer-server.js';
import type { AuditSink } from '../audit/types.js';
import type { SystemLink } from '../links/types.js';
import type { SecurityAlerts } from '../security/alerts.js';
import { expandText, type TransactionOrigin, type TransactionPipeline } from '../pipeline/transaction-pipeline.js';

export interface NetworkDeps {
  readonly config: SwitchConfig;
  readonly clock: () => number;
  readonly logger: Logger;
  /** The outgoing links (systems, and a county's upstream). */
  readonly links: ReadonlyMap<string, SystemLink>;
  /** The counties allowed to link here (`peerLinks`): empty but at a state switch. */
  readonly peers: ReadonlyMap<string, PeerLink>;
  /** The links that lead to another switch (`switchLinkNames`). */
  readonly switchLinks: ReadonlySet<string>;
  readonly table: () => RoutingTable;
  readonly setTable: (table: RoutingTable) => void;
  readonly audit: AuditSink;
  /** Refused claims and link violations are raised here (audit row, log line, metric). */
  readonly alerts: SecurityAlerts;
  readonly held: HeldQueue;
  readonly store: MessageStore;
  /** Agency traffic: late reports from other switches, traffic that waited for a link. */
  readonly deliveries: DeliveryService;
  /** Runs what another switch asks of this one (its LinkRequests). */
  readonly pipeline: TransactionPipeline;
  /** Sends a status message to this switch's terminals. */
  readonly announce: (message: StatusMessage) => void;
  /** The switch's certificate: the peer port serves wss:// with it. */
  readonly tls?: { readonly cert: Buffer; readonly key: Buffer; readonly handshakeTimeout?: number };
  /** Timeouts and connection caps of the peer port. */
  readonly peerGuard?: PeerServerOptions['guard'];
}

/** Refused claims of one announcement alerted one by one; beyond, one summary alert. */
const MAX_CLAIM_ALERTS = 32;

/** A PeerLink for each county configured to link to this (state) switch, by peer id. */
export function peerLinks(config: Pick<SwitchConfig, 'peers'>, timers: LinkClock, logger: Logger): Map<string, PeerLink> {
  return new Map(config.peers.map((peer) => [peer.peerId, new PeerLink({
    name: peer.peerId, clock: timers, logger: logger.child({ peer: peer.peerId }),
  })]));
}

/**
 * The links that lead to another switch: a county's link to the state, and at the state each
 * county's. Requests on them may wait in that switch's held queue, and traffic never goes
 * back on the one it came from.
 */
export function switchLinkNames(config: Pick<SwitchConfig, 'links' | 'peers'>): ReadonlySet<string> {
  return new Set([...config.links.filter((link) => link.role === 'switch').map((link) => link.name), ...config.peers.map((peer) => peer.peerId)]);
}

export class SwitchNetwork {
  /** Counties linked (or allowed to link) to this switch, by peer id. */
  readonly peers: ReadonlyMap<string, PeerLink>;
  readonly store: MessageStore;
  readonly deliveries: DeliveryService;
  /** What each county rightfully owns (state switch): the judge of announcements and headers. */
  readonly ownership: PeerOwnership;
  readonly #deps: NetworkDeps;
  readonly #server: PeerServer | undefined;
  readonly #switchLinks: ReadonlySet<string>;
  #sweepTimer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(deps: NetworkDeps) {
    this.#deps = deps;
    const { config, logger } = deps;
    this.store = deps.store;
    this.peers = deps.peers;
    this.deliveries = deps.deliveries;
    this.#switchLinks = deps.switchLinks;
    this.ownership = new PeerOwnership(config.peers, () => deps.table());
    this.#rememberPeers();
    this.#server = this.peers.size === 0 ? undefined : new PeerServer({
      switchId: config.switchId, peers: config.peers, links: this.peers,
      systems: () => [...deps.links].filter(([name, link]) => link.state === 'up' && !this.#switchLinks.has(name)).flatMap(([name, link]) => (link.systems.length > 0 ? link.systems : [name])),
      ...(deps.tls !== undefined ? { tls: deps.tls } : {}),
      limits: {
        maxFrameBytes: config.limits.maxLinkFrameBytes, helloTimeoutMs: config.limits.authTimeoutMs,
        pingIntervalMs: config.limits.pingIntervalMs, maxMalformedFrames: config.limits.maxMalformedFrames,
      },
      onHello: (link, hello, remoteAddress) => this.#learnPeer(link, hello, remoteAddress),
      onWelcomed: (link) => this.#tellPeerWhatIsDown(link),
      onViolation: (link, remoteAddress, error) => this.#linkViolation(link.name, remoteAddress, error.code, { reason: error.message }),
      logger,
      ...(deps.peerGuard !== undefined ? { guard: deps.peerGuard } : {}),
    });
    this.#listenToLinks();
  }

  /**
   * The sender of a request from another switch that this switch resumes after a restart:
   * its answers are gathered as `answerLinkRequest` gathers them and, at the Completion,
   * pushed to that switch as the final LinkReply of its request id, on its link now (a
   * `.02.` notice as a partial reply). A county's final reply that cannot go now waits for
   * the county's link to come back; the state's requests down a county's upstream link are
   * held and sent again by the state itself, so nothing is kept for them.
   */
  resumedLinkOrigin(saved: SavedOrigin): TransactionOrigin {
    const link = saved.fromLink ?? saved.terminal;
    const requestId = saved.requestId ?? '';
    const responses: NonNullable<LinkReply['responses']> = [];
    const reports: NonNullable<LinkReply['deliveryReports']> = [];
    let reject: LinkReply['reject'];
    const push = (reply: LinkReply): void => {
      const frame = { linkReply: reply };
      const target = this.peers.get(link) ?? this.#deps.links.get(link);
      if (target?.state === 'up' && target.send?.(frame) === true) return;
      if (!reply.final || !this.peers.has(link)) return;
      const now = this.#deps.clock();
      try {
        this.store.put({ address: linkAddress(link), destination: link, frame, storedAt: now, expiresAt: now + this.#deps.config.messages.retentionMs, reportToSender: false });
      } catch (error) {
        this.#deps.logger.error({ err: error, link, requestId }, 'final reply for a linked switch could not be kept');
      }
    };
    return {
      kind: 'link', session: undefined, terminal: saved.terminal, sourceAddress: saved.sourceAddress, fromLink: link, requestId,
      ...(saved.system !== undefined ? { system: saved.system } : {}),
      send: (frame) => {
        if (frame.response) responses.push(frame.response);
        else if (frame.deliveryReport) reports.push(frame.deliveryReport);
        else if (frame.reject) reject ??= frame.reject;
        else if (frame.queuedNotice) push({ requestId, queued: frame.queuedNotice, final: false });
        else if (frame.completion) push({ requestId, responses, deliveryReports: reports, ...(reject !== undefined ? { reject } : {}), final: true });
        return true;
      },
    };
  }

  /** A final reply for no request pending on a link (docs/protocol.md, "Between switches"). */
  async #lateReply(link: string, reply: LinkReply): Promise<void> {
    const requestId = reply.requestId ?? '';
    const outcome = this.#deps.pipeline.lateReply(requestId, reply);
    if (outcome !== 'late') {
      this.#deps.logger.info({ link, requestId, outcome }, 'final reply for no pending request');
      return;
    }
    try {
      const given = await this.deliveries.deliverLateAnswer(reply, link);
      this.#deps.logger.info({ link, requestId, given }, 'late answer given to its operator');
    } catch (error) {
      this.#deps.logger.error({ err: error, link, requestId }, 'late answer could not be given');
    }
  }

  /** County connections on the peer port that have not said LinkHello yet. */
  get unauthenticatedPeers(): number {
    return this.#server?.unauthenticatedConnections ?? 0;
  }

  /** Requests and frames from other switches, and the events of the links to them. */
  #listenToLinks(): void {
    const { config, links, logger, pipeline, announce } = this.#deps;

    // County: the state's requests down the upstream link (AM, YQ, YR for a terminal here),
    // and late reports it passes down.
    for (const linkConfig of config.links.filter((link) => link.role === 'switch')) {
      const link = links.get(linkConfig.name);
      if (link === undefined) continue;
      link.onRequest?.((request) => answerLinkRequest(pipeline, request, { link: linkConfig.name, peerId: linkConfig.name, sourceAddress: linkConfig.name }));
      link.on('frame', (frame) => this.deliveries.onLinkFrame(frame, linkConfig.name));
      link.on('up', () => this.deliveries.flushLink(linkConfig.name));
      link.on('lateReply', (reply) => void this.#lateReply(linkConfig.name, reply));
    }

    // State: each county's link, and the state's own system links reported down to counties.
    // A county's request runs only under its own agencies and terminals (#checkPeerRequest).
    // The other way is trusted: what the state sends down carries other counties' senders
    // (an AM from LA01 to SD01 reaches county 37 with LA01's header), and a county takes
    // its upstream's word, as its upstream is the one switch it links to.
    for (const [name, peer] of this.peers) {
      peer.onRequest((request, onPartial) => {
        const checked = this.#checkPeerRequest(name, peer.remoteAddress, request);
        if (!checked.ok) return checked.reply;
        return answerLinkRequest(pipeline, { ...request, transaction: checked.transaction }, { link: name, peerId: name, sourceAddress: peer.remoteAddress }, onPartial);
      });
      peer.on('frame', (frame) => {
        if (this.#believePeerFrame(name, peer.remoteAddress, frame)) this.deliveries.onLinkFrame(frame, name);
      });
      peer.on('lateReply', (reply) => void this.#lateReply(name, reply));
      peer.on('up', () => {
        logger.info({ peer: name }, 'peer link up');
        this.#auditLink(name, 'up', { peer: true });
        announce({ system: name, state: LinkState.LINK_STATE_UP, atMs: this.#deps.clock(), text: `LINK TO ${name} BACK IN SERVICE`, reportedBy: config.switchId });
        this.#deps.held.release(name);
        this.deliveries.flushLink(name);
      });
      peer.on('down', (reason) => {
        logger.warn({ peer: name, reason }, 'peer link down');
        this.#auditLink(name, 'down', { peer: true, reason });
        announce({ system: name, state: LinkState.LINK_STATE_DOWN, atMs: this.#deps.clock(), text: `LINK TO ${name} OUT OF SERVICE - ITS AGENCIES ARE QUEUED`, reportedBy: config.switchId });
      });
      // A county tells the state of a system it reaches directly: the state's terminals hear
      // it, as reported by that county. Of the state's own systems and links the state knows
      // better: a county's word on them is not passed on.
      peer.on('statusMessage', (message) => {
        const system = message.system ?? '';
        if (links.has(system) || this.peers.has(system)) {
          this.#linkViolation(name, peer.remoteAddress, undefined, { frame: 'statusMessage', claimed: clipped(system), reason: 'status of a link of this switch' });
          return;
        }
        announce({ ...message, reportedBy: name });
      });
    }
    if (this.#server !== undefined) {
      const server = this.#server;
      for (const [name, link] of links) {
        if (this.#switchLinks.has(name)) continue;
        link.on('up', () => server.broadcast({ statusMessage: this.#status(name, LinkState.LINK_STATE_UP) }));
        link.on('down', () => server.broadcast({ statusMessage: this.#status(name, LinkState.LINK_STATE_DOWN) }));
        link.on('statusMessage', (message) => server.broadcast({ statusMessage: message }));
      }
    }
  }

  /** Binds the peer port (when peers are configured) and starts the expiry sweep. */
  async listen(host: string): Promise<string | undefined> {
    this.#sweepTimer = setInterval(() => {
      try {
        this.deliveries.expireStored();
      } catch (error) {
        this.#deps.logger.error({ err: error }, 'stored message expiry failed');
      }
    }, this.#deps.config.messages.sweepIntervalMs).unref();
    if (this.#server === undefined) return undefined;
    const address: AddressInfo = await this.#server.listen(host, this.#deps.config.peerPort);
    return `${this.#deps.tls !== undefined ? 'wss' : 'ws'}://${host}:${address.port}`;
  }

  /** Ends peer connections (their pending requests fail) and stops the timers. */
  async closeLinks(): Promise<void> {
    clearInterval(this.#sweepTimer);
    this.deliveries.close();
    await Promise.allSettled([...this.peers.values()].map((peer) => peer.close()));
    await this.#server?.close();
  }

  /** Releases the message store (last: traffic may still be stored while draining). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.store.close();
  }

  /**
   * A county linked: of what it announced, what is rightfully its own (ownership.ts) routes
   * to it from now on and is remembered; every other claim is refused and alerted, never
   * enters the routing table and never displaces the county that owns it.
   */
  #learnPeer(link: PeerLink, hello: LinkHello, remoteAddress: string): HelloOutcome {
    const judged = this.ownership.accept(link.name, { oris: hello.servedOris ?? [], terminals: hello.servedTerminals ?? [] });
    this.#route(link, judged.oris, judged.terminals);
    try {
      this.store.savePeer({ peer: link.name, oris: judged.oris, terminals: judged.terminals, announcedAt: this.#deps.clock() });
    } catch (error) {
      this.#deps.logger.error({ err: error, peer: link.name }, 'peer announcement not saved');
    }
    if (judged.refused.length === 0) return {};
    this.#alertRefusals(link.name, judged.refused, { sourceAddress: remoteAddress });
    const listed = judged.refused.slice(0, 5).map(describeRefusal).join('; ');
    const more = judged.refused.length > 5 ? `; and ${judged.refused.length - 5} more` : '';
    return { refusal: { code: 'CLETS_ERR_PEER_CLAIM_REFUSED', reason: `${judged.refused.length} claim(s) refused: ${listed}${more}` } };
  }

  /**
   * What configured counties announced before this switch (re)started, judged again against
   * today's config: traffic for them is routed, and held while they are down (.02.), before
   * they link again. A remembered claim the config no longer allows is dropped and alerted.
   */
  #rememberPeers(): void {
    const restored = this.ownership.restore(this.store.peers());
    for (const [name, link] of this.peers) {
      const judged = restored.get(name);
      this.#route(link, judged?.oris ?? [], judged?.terminals ?? []);
      if (judged === undefined || judged.refused.length === 0) continue;
      this.#alertRefusals(name, judged.refused, { remembered: true });
      try {
        this.store.savePeer({ peer: name, oris: judged.oris, terminals: judged.terminals, announcedAt: this.#deps.clock() });
      } catch (error) {
        this.#deps.logger.error({ err: error, peer: name }, 'peer announcement not saved');
      }
    }
  }

  /** A county's routing entries: its configured ORIs, terminals and county, and what it was accepted for. */
  #route(link: PeerLink, oris: readonly string[], terminals: readonly string[]): void {
    const peer = this.#deps.config.peers.find((candidate) => candidate.peerId === link.name);
    const allOris = [...new Set([...(peer?.oris ?? []), ...oris])];
    const allTerminals = [...new Set([...this.ownership.configuredTerminals(link.name), ...terminals])];
    link.announced = { oris: allOris, terminals: allTerminals };
    this.#deps.setTable(withPeer(this.#deps.table(), {
      link: link.name, oris: allOris, terminals: allTerminals, ...(peer?.county !== undefined ? { counties: [peer.county] } : {}),
    }));
  }

  /**
   * One alert per refused claim, up to a bound per announcement; the rest in one summary
   * alert, so a county announcing thousands of foreign entries cannot flood the audit log.
   */
  #alertRefusals(peer: string, refused: readonly ClaimRefusal[], context: { sourceAddress?: string; remembered?: boolean }): void {
    const alert = (detail: Record<string, unknown>): void => {
      void this.#deps.alerts.raise({
        kind: 'peer_claim_refused', code: 'CLETS_ERR_PEER_CLAIM_REFUSED', terminal: peer,
        ...(context.sourceAddress !== undefined ? { sourceAddress: context.sourceAddress } : {}),
        detail: { peer, ...(context.remembered ? { remembered: true } : {}), ...detail },
      });
    };
    for (const refusal of refused.slice(0, MAX_CLAIM_ALERTS)) {
      alert({ claim: refusal.kind, value: clipped(refusal.value), reason: refusal.reason, ...(refusal.owner !== undefined ? { owner: refusal.owner } : {}) });
    }
    const rest = refused.slice(MAX_CLAIM_ALERTS);
    if (rest.length > 0) alert({ more: rest.length, examples: rest.slice(0, 10).map(describeRefusal) });
  }

  /**
   * A request from a county must name, in its header, an ORI and a terminal of that county:
   * a county speaks for its own agencies only (docs/protocol.md, "Between switches"). The
   * header checked is the one the pipeline will use (a typed line's ORI wins over the
   * header's), and that expanded transaction is what runs. Otherwise the request is refused
   * with CLETS_ERR_HEADER_MISMATCH, nothing runs, and a `link_violation` alert is raised.
   */
  #checkPeerRequest(
    peer: string, sourceAddress: string, request: LinkRequest,
  ): { readonly ok: true; readonly transaction: Transaction } | { readonly ok: false; readonly reply: LinkReply } {
    const given = request.transaction ?? {};
    let transaction = given;
    try {
      transaction = expandText(given);
    } catch {
      // An unparsable line is refused by the pipeline (and audited there) under the header
      // checked below: the header as given.
    }
    const header = transaction.header;
    const violation = this.ownership.checkHeader(peer, header);
    if (violation === undefined) return { ok: true, transaction };
    void this.#deps.alerts.raise({
      kind: 'link_violation', code: violation.code, terminal: peer, sourceAddress, messageKey: clipped(header?.messageKey ?? ''),
      detail: {
        peer, requestId: clipped(request.requestId ?? ''), system: clipped(request.system ?? ''), reason: violation.message,
        claimed: { ori: clipped(header?.ori ?? ''), terminal: clipped(header?.terminal ?? ''), operatorId: clipped(header?.operatorId ?? '') },
      },
    });
    return { ok: false, reply: rejectReply(violation, request) };
  }

  /**
   * Whether to pass on an unsolicited frame from a county (a late report on its way to a
   * sender elsewhere). A county may report only about its own: a delivery to one of its
   * destinations, a hit confirmation answered by one of its agencies. Anything else is a
   * forgery (a false "confirmed" could get someone detained): dropped and alerted.
   */
  #believePeerFrame(peer: string, sourceAddress: string, frame: DecodedFrame): boolean {
    if (frame.deliveryReport) {
      const destination = frame.deliveryReport.destination ?? '';
      if (this.ownership.ownsDestination(peer, destination)) return true;
      this.#linkViolation(peer, sourceAddress, undefined, { frame: 'deliveryReport', claimed: clipped(destination), reason: 'report of a delivery to a destination that is not this county\'s' });
      return false;
    }
    if (frame.hitConfirmationResponse) {
      const ori = frame.hitConfirmationResponse.respondingOri ?? '';
      if (ori !== '' && this.ownership.ownsOri(peer, ori)) return true;
      this.#linkViolation(peer, sourceAddress, undefined, { frame: 'hitConfirmationResponse', claimed: clipped(ori), reason: 'hit confirmation answer not from an agency of this county' });
      return false;
    }
    return true;
  }

  #linkViolation(peer: string, sourceAddress: string, code: ErrorCode | undefined, detail: Record<string, unknown>): void {
    void this.#deps.alerts.raise({
      kind: 'link_violation', terminal: peer, sourceAddress, ...(code !== undefined ? { code } : {}), detail: { peer, ...detail },
    });
  }

  /** A county that links while a system is down hears of it at once. */
  #tellPeerWhatIsDown(peer: PeerLink): void {
    for (const [name, link] of this.#deps.links) {
      if (this.#switchLinks.has(name) || link.state === 'up') continue;
      peer.send({ statusMessage: this.#status(name, LinkState.LINK_STATE_DOWN) });
    }
  }

  #status(system: string, state: LinkState): StatusMessage {
    const up = state === LinkState.LINK_STATE_UP;
    return {
      system, state, atMs: this.#deps.clock(), reportedBy: this.#deps.config.switchId,
      text: up ? `${system} BACK IN SERVICE` : `${system} OUT OF SERVICE`,
    };
  }

  #auditLink(name: string, state: string, detail: Record<string, unknown>): void {
    this.#deps.audit.append({ type: 'link_state', at: this.#deps.clock(), outcome: state, switchId: this.#deps.config.switchId, detail: { link: name, ...detail } })
      .catch((error: unknown) => this.#deps.logger.error({ err: error }, 'audit append failed'));
  }
}
