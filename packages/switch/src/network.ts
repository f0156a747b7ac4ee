/**
 * The switch's place in the network of switches (README.md, "Network"): what a county
 * switch and the state switch add to a lone switch.
 * - State: a PeerLink per configured county and the PeerServer they link to; what a county
 *   announces goes into the routing table; status messages about the state's own system
 *   links go down to every county.
 * - County: requests the state sends down its upstream link are run through the pipeline;
 *   status messages from upstream reach the terminals (switch.ts does that for every link).
 * - Both: agency traffic (DeliveryService), stored traffic for offline terminals
 *   (MessageStore), late reports travelling between switches.
 */
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { LinkState, type Frame, type LinkHello, type StatusMessage } from '@clets/protocol';
import { withPeer, type RoutingTable } from '@clets/routing';
import type { SwitchConfig } from './config.js';
import { DeliveryService } from './deliveries.js';
import type { HeldQueue } from './held-queue.js';
import { answerLinkRequest } from './link-origin.js';
import type { LinkClock } from './links/clock.js';
import { MessageStore } from './message-store.js';
import { PeerLink } from './peer-link.js';
import { PeerServer, type PeerServerOptions } from './peer-server.js';
import type { AuditSink, SystemLink } from './ports.js';
import type { TerminalDirectory } from './terminal-connection.js';
import type { TransactionPipeline } from './transaction-pipeline.js';

export interface NetworkDeps {
  readonly config: SwitchConfig;
  readonly clock: () => number;
  readonly timers: LinkClock;
  readonly logger: Logger;
  /** The outgoing links (systems, and a county's upstream). */
  readonly links: ReadonlyMap<string, SystemLink>;
  readonly table: () => RoutingTable;
  readonly setTable: (table: RoutingTable) => void;
  readonly audit: AuditSink;
  readonly directory: TerminalDirectory;
  readonly held: HeldQueue;
  readonly store?: MessageStore;
  /** Timeouts and connection caps of the peer port. */
  readonly peerGuard?: PeerServerOptions['guard'];
}

export class SwitchNetwork {
  /** Counties linked (or allowed to link) to this switch, by peer id. */
  readonly peers: ReadonlyMap<string, PeerLink>;
  /** Outgoing links and peers together: where the pipeline can send. */
  readonly allLinks: ReadonlyMap<string, SystemLink>;
  readonly store: MessageStore;
  readonly deliveries: DeliveryService;
  readonly #deps: NetworkDeps;
  readonly #server: PeerServer | undefined;
  readonly #switchLinks: ReadonlySet<string>;
  #pipeline: TransactionPipeline | undefined;
  #sweepTimer: NodeJS.Timeout | undefined;
  #closed = false;

  constructor(deps: NetworkDeps) {
    this.#deps = deps;
    const { config, logger } = deps;
    this.store = deps.store ?? new MessageStore(config.messagesPath);
    this.peers = new Map(config.peers.map((peer) => [peer.peerId, new PeerLink({
      name: peer.peerId, clock: deps.timers, logger: logger.child({ peer: peer.peerId }),
    })]));
    this.allLinks = new Map<string, SystemLink>([...deps.links, ...this.peers]);
    this.#switchLinks = new Set([...config.links.filter((link) => link.role === 'switch').map((link) => link.name), ...this.peers.keys()]);
    this.deliveries = new DeliveryService({
      switchId: config.switchId, clock: deps.clock, timers: deps.timers, table: deps.table, links: this.allLinks,
      pipeline: () => this.pipeline, directory: deps.directory, store: this.store, audit: deps.audit,
      settings: { retentionMs: config.messages.retentionMs, confirmation: config.hitConfirmation, controlPointOri: config.hitConfirmation.controlPointOri },
      log: logger,
    });
    this.#rememberPeers();
    this.#server = this.peers.size === 0 ? undefined : new PeerServer({
      switchId: config.switchId, peers: config.peers, links: this.peers,
      systems: () => [...deps.links].filter(([name, link]) => link.state === 'up' && !this.#switchLinks.has(name)).flatMap(([name, link]) => (link.systems.length > 0 ? link.systems : [name])),
      limits: { maxFrameBytes: config.limits.maxFrameBytes, helloTimeoutMs: config.limits.authTimeoutMs, pingIntervalMs: config.limits.pingIntervalMs },
      onHello: (link, hello) => this.#learnPeer(link, hello),
      onWelcomed: (link) => this.#tellPeerWhatIsDown(link),
      logger,
      ...(deps.peerGuard !== undefined ? { guard: deps.peerGuard } : {}),
    });
  }

  get pipeline(): TransactionPipeline {
    if (this.#pipeline === undefined) throw new Error('network used before the pipeline was wired');
    return this.#pipeline;
  }

  /** County connections on the peer port that have not said LinkHello yet. */
  get unauthenticatedPeers(): number {
    return this.#server?.unauthenticatedConnections ?? 0;
  }

  /** Whether a link leads to another switch (its requests may wait in that switch's queue). */
  isSwitchLink(name: string): boolean {
    return this.#switchLinks.has(name);
  }

  /**
   * Connects the network to the pipeline and the link events. `announce` sends a status
   * message to this switch's terminals.
   */
  wire(pipeline: TransactionPipeline, announce: (message: StatusMessage) => void): void {
    this.#pipeline = pipeline;
    const { config, links, logger } = this.#deps;

    // County: the state's requests down the upstream link (AM, YQ, YR for a terminal here),
    // and late reports it passes down.
    for (const linkConfig of config.links.filter((link) => link.role === 'switch')) {
      const link = links.get(linkConfig.name);
      if (link === undefined) continue;
      link.onRequest?.((request) => answerLinkRequest(pipeline, request, { link: linkConfig.name, peerId: linkConfig.name, sourceAddress: linkConfig.name }));
      link.on('frame', (frame) => this.deliveries.onLinkFrame(frame, linkConfig.name));
      link.on('up', () => this.deliveries.flushLink(linkConfig.name));
    }

    // State: each county's link, and the state's own system links reported down to counties.
    for (const [name, peer] of this.peers) {
      peer.onRequest((request, onPartial) => answerLinkRequest(pipeline, request, { link: name, peerId: name, sourceAddress: peer.remoteAddress }, onPartial));
      peer.on('frame', (frame) => this.deliveries.onLinkFrame(frame, name));
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
      // A county tells the state of a system it reaches directly: the state's terminals hear it.
      peer.on('statusMessage', (message) => announce(message));
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

  /** Stored traffic for a terminal that just logged in. */
  deliverStored(mnemonic: string, ori: string, write: (frame: Frame) => boolean): number {
    return this.deliveries.deliverStored(mnemonic, ori, write);
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
    return `ws://${host}:${address.port}`;
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

  /** A county linked: the ORIs, terminals and county it serves now route to it. */
  #learnPeer(link: PeerLink, hello: LinkHello): void {
    const peer = this.#deps.config.peers.find((candidate) => candidate.peerId === link.name);
    const oris = [...new Set([...(peer?.oris ?? []), ...(hello.servedOris ?? [])])];
    const terminals = hello.servedTerminals ?? [];
    link.announced = { oris, terminals };
    this.#deps.setTable(withPeer(this.#deps.table(), {
      link: link.name, oris, terminals, ...(peer?.county !== undefined ? { counties: [peer.county] } : {}),
    }));
    try {
      this.store.savePeer({ peer: link.name, oris, terminals, announcedAt: this.#deps.clock() });
    } catch (error) {
      this.#deps.logger.error({ err: error, peer: link.name }, 'peer announcement not saved');
    }
  }

  /**
   * What configured counties announced before this switch (re)started: traffic for them is
   * routed, and held while they are down, before they link again.
   */
  #rememberPeers(): void {
    for (const announcement of this.store.peers()) {
      const peer = this.#deps.config.peers.find((candidate) => candidate.peerId === announcement.peer);
      const link = this.peers.get(announcement.peer);
      if (peer === undefined || link === undefined) continue;
      const oris = [...new Set([...peer.oris, ...announcement.oris])];
      link.announced = { oris, terminals: announcement.terminals };
      this.#deps.setTable(withPeer(this.#deps.table(), {
        link: peer.peerId, oris, terminals: announcement.terminals, ...(peer.county !== undefined ? { counties: [peer.county] } : {}),
      }));
    }
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
