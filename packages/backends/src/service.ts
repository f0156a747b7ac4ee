/**
 * The composition root of the backend deployable: builds the link server, the request
 * dispatcher, the behaviour knobs and the control endpoint around a set of mock systems,
 * without listening. `listen()` binds; `close()` shuts down in order, once.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import type { FastifyInstance } from 'fastify';
import { logRedaction, type SystemName } from '@clets/protocol';
import { BehaviourController } from './behaviour.js';
import type { BackendConfig } from './config.js';
import { buildControlApp } from './control-http.js';
import { IdempotencyStore } from './idempotency.js';
import { LinkServer } from './link-server.js';
import { BackendMetrics } from './metrics.js';
import { RequestDispatcher, type Scheduler, type SystemChooser } from './request-dispatcher.js';
import type { MockSystem } from './system.js';

/**
 * The root logger: one per process, a child per component and per link. Link secrets (and
 * any other authenticator) never reach a log line: the redact list every service shares.
 */
export function createBackendLogger(config: Pick<BackendConfig, 'id' | 'log'>, destination?: pino.DestinationStream): Logger {
  const options = { level: config.log.level, redact: logRedaction(), base: { service: 'backends', id: config.id } };
  return destination ? pino(options, destination) : pino(options);
}

export interface BackendDeps {
  /**
   * The mock systems to host, keyed by name (`createSystems` in production, fakes in
   * tests). It must hold every system `config.systems` lists; the service closes them.
   */
  readonly systems: ReadonlyMap<SystemName, MockSystem>;
  /** Root logger; by default a pino logger at `config.log.level` writing to stdout. */
  readonly logger?: Logger;
  /**
   * The systems' clock (default `Date.now`): the time each request is answered at, so the
   * dates of record care (entry, second-party check, validation due and overdue) follow it.
   * A test moves it to see a record fall due without waiting (packages/e2e/src/record-care.test.ts).
   */
  readonly now?: () => number;
  /** Latency timers (a fake in tests). */
  readonly scheduler?: Scheduler;
  /** Picks the system for a request that names none (default: first hosted one answering the key). */
  readonly chooseSystem?: SystemChooser;
}

export interface BackendAddresses {
  /** WebSocket URL switches link to; append `/NCIC` (etc.) for a link to one system. */
  readonly link: string;
  /** Base URL of the control endpoint. */
  readonly control: string;
  readonly systems: readonly SystemName[];
}

export interface BackendService {
  readonly config: BackendConfig;
  readonly behaviour: BehaviourController;
  readonly dispatcher: RequestDispatcher;
  readonly metrics: BackendMetrics;
  /** The control app, for `inject()` without a port. */
  readonly control: FastifyInstance;
  readonly logger: Logger;
  /** Binds the link and control ports (config `port`, `controlPort`; 0 picks free ones). */
  listen(): Promise<BackendAddresses>;
  /**
   * Stops accepting, lets replies in flight go out (up to `limits.shutdownGraceMs`), closes
   * the links with 1001, closes the systems (SQLite), the control endpoint, and flushes the
   * logs. Idempotent: every call returns the same promise.
   */
  close(): Promise<void>;
}

export function buildBackendService(config: BackendConfig, deps: BackendDeps): BackendService {
  const missing = config.systems.filter((system) => !deps.systems.has(system));
  if (missing.length > 0) throw new Error(`buildBackendService: no MockSystem given for ${missing.join(', ')}`);
  const systems = new Map(config.systems.map((name) => [name, deps.systems.get(name) as MockSystem]));

  const logger = deps.logger ?? createBackendLogger(config);
  const behaviour = new BehaviourController(config.systems, config.behaviour, config.seed);
  const idempotency = new IdempotencyStore(config.limits.idempotencyEntries);

  let links: LinkServer | undefined;
  // The gauges are read at a scrape, after everything below exists.
  const metrics: BackendMetrics = new BackendMetrics({
    systems: config.systems,
    activity: (system) => dispatcher.activity(system),
    openLinks: () => links?.openLinks ?? 0,
  });
  const dispatcher: RequestDispatcher = new RequestDispatcher({
    systems,
    behaviour,
    idempotency,
    limits: config.limits,
    logger: logger.child({ component: 'dispatcher' }),
    now: deps.now,
    scheduler: deps.scheduler,
    chooseSystem: deps.chooseSystem,
    findPeerSink: (peerId) => links?.findPeerSink(peerId),
    metrics,
  });
  links = new LinkServer({
    serverId: config.id,
    systems: config.systems,
    links: config.links,
    limits: config.limits,
    ...(config.tls !== undefined ? { tls: { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) } } : {}),
    behaviour,
    requests: dispatcher,
    logger: logger.child({ component: 'links' }),
    now: deps.now,
  });
  const linkServer = links;

  let closing: Promise<void> | undefined;
  const control = buildControlApp(
    {
      id: config.id,
      behaviour,
      activity: (system) => dispatcher.activity(system),
      openLinks: () => linkServer.openLinks,
      metrics,
      isClosing: () => closing !== undefined,
    },
    logger.child({ component: 'control' }),
    config.limits,
  );

  async function listen(): Promise<BackendAddresses> {
    if (closing) throw new Error('the backend service is closed');
    const linkAddress = await linkServer.listen(config.host, config.port);
    await control.listen({ host: config.host, port: config.controlPort });
    const controlAddress = control.server.address() as AddressInfo;
    const addresses: BackendAddresses = {
      link: `${config.tls !== undefined ? 'wss' : 'ws'}://${hostForUrl(linkAddress)}:${linkAddress.port}`,
      control: `http://${hostForUrl(controlAddress)}:${controlAddress.port}`,
      systems: [...config.systems],
    };
    logger.info(addresses, 'listening');
    return addresses;
  }

  async function shutdown(): Promise<void> {
    const grace = config.limits.shutdownGraceMs;
    logger.info('shutting down');
    // 1. No new links, no new requests.
    linkServer.stopAccepting();
    dispatcher.stopAccepting();
    // 2. Replies already on their latency timer go out over the links still open.
    const drained = await dispatcher.drain(grace);
    if (!drained) logger.warn({ graceMs: grace }, 'replies still in flight at the deadline: dropped');
    dispatcher.cancelAll();
    // 3. Links closed with 1001; a peer that does not finish the handshake is cut.
    await linkServer.close(grace);
    // 4. Storage, then the control endpoint, then the logs.
    for (const [name, system] of systems) {
      try {
        system.close();
      } catch (error) {
        logger.error({ err: error, system: name }, 'system failed to close');
      }
    }
    await control.close();
    logger.info('closed');
    logger.flush();
  }

  return {
    config,
    behaviour,
    dispatcher,
    metrics,
    control,
    logger,
    listen,
    close: () => (closing ??= shutdown()),
  };
}

function hostForUrl(address: AddressInfo): string {
  return address.family === 'IPv6' ? `[${address.address}]` : address.address;
}
