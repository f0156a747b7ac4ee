/**
 * The composition root of the message switch. `buildSwitch` wires everything without
 * opening a port (tests drive the HTTP API with inject()); `listen()` binds; `close()`
 * shuts down in order and is idempotent:
 *   stop accepting -> tell terminals (1001) -> drain transactions in flight within a
 *   deadline -> close links -> flush and close the audit store -> flush logs.
 */
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { TLSSocket } from 'node:tls';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from 'pino';
import type { FastifyInstance } from 'fastify';
import { CletsError, LinkState, SWITCH_SYSTEM, systemClock, type Frame, type Transaction, type LinkClock, type StatusMessage } from '@clets/protocol';
import { buildRoutingTable, resolveDeliveries, type RoutingTable } from '@clets/routing';
import { parseSwitchConfig, type SwitchConfig, type SwitchConfigInput } from './config.js';
import { HeldQueue } from './links/held-queue.js';
import { createSwitchLogger } from './logger.js';
import { Metrics } from './metrics.js';
import type { AuditSink } from './audit/types.js';
import type { SystemLink } from './links/types.js';
import { PlainSecurityPolicy } from './security/plain-policy.js';
import type { OperatorSession, SecurityPolicy } from './security/policy.js';
import { openCjisSecurity, type CjisSecurity, type SecurityData } from './security/cjis-security.js';
import { LoginRateLimiter, type LoginAttempt, type LoginEndpoint } from './security/login-rate-limiter.js';
import { registryOf, type Registry } from './security/registry.js';
import { TerminalConnection, TerminalDirectory } from './terminals/terminal-connection.js';
import { TransactionPipeline, type DeliveryContext, type PipelineDeps, type TransactionOrigin } from './pipeline/transaction-pipeline.js';
import { TransactionJournal, type SavedOrigin } from './pipeline/journal.js';
import { SqliteAuditStore } from './audit/sqlite-audit-store.js';
import { SELECT_ANSWERS_SQL } from './audit/sqlite-schema.js';
import type { AuditStore } from './audit/types.js';
import { buildHttpApi } from './http/api.js';
import { ServerGuard, tlsTimeoutOptions, type ListeningPort } from './http/server-guard.js';
import { openAuditStore } from './audit/index.js';
import { LinkClient } from './links/index.js';
import { MessageStore } from './traffic/message-store.js';
import { DeliveryService } from './traffic/deliveries.js';
import { locateNotifications } from './traffic/locate-notifications.js';
import { MessageLog } from './traffic/message-log.js';
import { ValidationReports } from './traffic/validation-reports.js';
import { LocateNoticeJournal } from './traffic/locate-notice-journal.js';
import { MESSAGE_LOG_KEY } from './traffic/message-log-entries.js';
import { LinkDispatcher } from './links/link-dispatcher.js';
import { peerLinks, SwitchNetwork, switchLinkNames } from './peers/network.js';
import { createSecurityAlerts, type SecurityAlerts } from './security/alerts.js';
import { releaseRecorder, type ReleaseAuditSource } from './security/release-recorder.js';
import { REMINDED_ROLES, sendMisuseReportReminders } from './security/misuse-report-submissions.js';
import type { SwitchData } from './switch-data.js';

export interface SwitchDeps {
  /**
   * The agencies, terminals and operators (and, for the CJIS policy, the persons the misuse
   * rules look up): main.ts reads them from the data files. Needed unless `registry` is given.
   */
  readonly data?: SwitchData;
  readonly clock?: () => number;
  readonly logger?: Logger;
  readonly audit?: AuditSink;
  readonly registry?: Registry;
  readonly policy?: SecurityPolicy;
  /** Builds a link from its config; tests pass fakes. */
  readonly linkFactory?: (link: SwitchConfig['links'][number], switchId: string, logger: Logger) => SystemLink;
  readonly deliver?: PipelineDeps['deliver'];
  /** Timers of hit-confirmation deadlines (default: the system clock); tests pass a ManualClock. */
  readonly timers?: LinkClock;
  /** The store of traffic for offline terminals (default: opened at config.messagesPath). */
  readonly messageStore?: MessageStore;
}


export interface SwitchAddresses {
  /** Terminal WebSocket endpoint. */
  readonly terminals: string;
  /** HTTP API base URL. */
  readonly http: string;
  /** Where county switches link to (a state switch with peers configured). */
  readonly peers?: string;
}

export interface CletsSwitch {
  readonly config: SwitchConfig;
  readonly logger: Logger;
  readonly metrics: Metrics;
  readonly audit: AuditSink;
  /** Security alerts: audit row, error log line and metric together (security/alerts.ts). */
  readonly alerts: SecurityAlerts;
  readonly policy: SecurityPolicy;
  /** The CJIS security (operator store, review queue, release log) when that policy is in use. */
  readonly security: CjisSecurity | undefined;
  readonly registry: Registry;
  readonly links: ReadonlyMap<string, SystemLink>;
  /** Peers, agency traffic, stored messages, hit confirmations (README.md, "Network"). */
  readonly network: SwitchNetwork;
  readonly pipeline: TransactionPipeline;
  readonly directory: TerminalDirectory;
  readonly held: HeldQueue;
  /** Accepted transactions until their completion, the duplicate window, input sequence numbers. */
  readonly journal: TransactionJournal;
  /** Every message each operator sent and received at a terminal, read back with LOG (unset when `messageLog.enabled` is off). */
  readonly messageLog: MessageLog | undefined;
  /** The state control point's scheduled validation reports (a state switch with `validationReports.enabled`). */
  readonly validationReports: ValidationReports | undefined;
  readonly http: FastifyInstance;
  /**
   * Takes a login attempt of a source address from its budget (every login endpoint
   * together, `limits.loginRate`); a refusal that trips the limit is alerted and audited.
   */
  loginAttempt(address: string, endpoint: LoginEndpoint): LoginAttempt;
  table(): RoutingTable;
  setTable(table: RoutingTable): void;
  /** Sends a status message to every logged-in terminal. */
  broadcastStatus(message: StatusMessage): void;
  listen(): Promise<SwitchAddresses>;
  close(): Promise<void>;
}

export async function buildSwitch(input: SwitchConfigInput | SwitchConfig, deps: SwitchDeps = {}): Promise<CletsSwitch> {
  const config = parseSwitchConfig(input);
  const clock = deps.clock ?? Date.now;
  const logger = deps.logger ?? createSwitchLogger(config);
  const metrics = new Metrics();
  const registry = deps.registry ?? registryOf(requireData(deps), config.switchId);
  const audit = deps.audit ?? openAuditStore({
    path: config.audit.path, synchronous: config.audit.synchronous,
    batchMaxRows: config.audit.batchMaxRows, checkpointIntervalMs: config.audit.checkpointIntervalMs, writer: config.audit.writer,
  });
  // Sessions a newer login of the same operator ended are closed (4016) once connections exist.
  const supersede: ((session: OperatorSession) => void)[] = [];
  const security = deps.policy === undefined && deps.registry === undefined && config.security.policy === 'cjis'
    ? await openCjisSecurity({
      switchId: config.switchId, data: withSubjects(requireData(deps)), databasePath: config.security.databasePath,
      settings: config.security.settings, audit, clock, onSupersede: (session) => supersede.forEach((close) => close(session)),
    })
    : undefined;
  const policy = deps.policy ?? security?.policy ?? new PlainSecurityPolicy(registry);

  const linkFactory = deps.linkFactory ?? ((link, switchId, log) => new LinkClient({
    name: link.name, url: link.url, peerId: switchId, secret: link.secret, role: link.role,
    window: link.window, maxQueue: link.maxQueue, reconnect: link.reconnect, maxFrameBytes: link.maxFrameBytes, logger: log.child({ link: link.name }),
    ...(link.tls !== undefined ? { tls: { ca: readFileSync(link.tls.caFile) } } : {}),
    ...(link.role === 'switch' ? { servedOris: [...registry.agencies.keys()], servedTerminals: [...registry.terminals.keys()] } : {}),
  }));
  const links = new Map<string, SystemLink>(config.links.map((link) => [link.name, linkFactory(link, config.switchId, logger)]));

  let table = buildRoutingTable({
    switchId: config.switchId,
    targetLinks: config.routes,
    defaultToUpstream: config.upstreamLink !== undefined,
    ...(config.upstreamLink !== undefined ? { upstream: config.upstreamLink } : {}),
    localOris: registry.agencies.keys(),
    localTerminals: [...registry.terminals.values()].map((terminal) => [terminal.mnemonic, terminal.ori] as const),
    localCounties: config.counties,
    // What the state knows of its counties before they link (they announce the rest).
    peerOris: config.peers.flatMap((peer) => peer.oris.map((ori) => [ori, peer.peerId] as const)),
    peerCounties: config.peers.flatMap((peer) => (peer.county === undefined ? [] : [[peer.county, peer.peerId] as const])),
  });

  const tls = config.tls === undefined ? undefined : {
    cert: readFileSync(config.tls.certFile),
    key: readFileSync(config.tls.keyFile),
    // Client certificates are asked for but not required: a terminal without one still
    // authenticates with its device secret, and an unverified one is simply not used.
    ...(config.tls.clientCaFile !== undefined ? { ca: readFileSync(config.tls.clientCaFile), requestCert: true, rejectUnauthorized: false } : {}),
  };
  const refusedConnection = (port: ListeningPort) => (reason: 'per_source' | 'total'): void => {
    metrics.count('clets_connections_refused_total', 'Connections refused by a connection cap (per source address, or in total)', { port, reason });
  };
  const guard = (port: ListeningPort, mode: 'websocket' | 'http'): ServerGuard => new ServerGuard({
    port, mode, timeouts: config.connections, caps: config.connections[port], onRefused: refusedConnection(port),
  });
  const guards = { terminal: guard('terminal', 'websocket'), peer: guard('peer', 'websocket'), http: guard('http', 'http') } as const;
  for (const port of Object.keys(guards) as ListeningPort[]) {
    for (const reason of ['per_source', 'total'] as const) metrics.count('clets_connections_refused_total', 'Connections refused by a connection cap (per source address, or in total)', { port, reason }, 0);
  }

  const held = new HeldQueue(config.limits.queueMaxPerLink);
  const directory = new TerminalDirectory();
  const alerts = createSecurityAlerts({ switchId: config.switchId, clock, audit, metrics, logger });
  const linkClock = deps.timers ?? (deps.clock === undefined ? systemClock : { ...systemClock, now: clock });
  // Where requests leave: the outgoing links and, at the state, a PeerLink per county. The
  // pipeline's system legs and the deliveries' traffic for other switches share one dispatcher.
  const peers = peerLinks(config, linkClock, logger);
  const allLinks = new Map<string, SystemLink>([...links, ...peers]);
  const switchLinks = switchLinkNames(config);
  const dispatcher = new LinkDispatcher({
    switchId: config.switchId, clock, links: allLinks, held, limits: config.limits, isSwitchLink: (name) => switchLinks.has(name),
  });
  const store = deps.messageStore ?? new MessageStore(config.messagesPath);
  // The journal shares the message store's file (its own tables and connection): one file
  // holds everything the switch promised to deliver.
  const journal = new TransactionJournal({
    path: config.messagesPath, synchronous: config.audit.synchronous, checkpointIntervalMs: config.audit.checkpointIntervalMs, writer: config.audit.writer, log: logger,
  });
  const deliveries = new DeliveryService({
    switchId: config.switchId, clock, timers: linkClock, table: () => table, links: allLinks, dispatcher, directory, store, audit,
    settings: {
      retentionMs: config.messages.retentionMs, confirmation: config.hitConfirmation, controlPointOri: config.hitConfirmation.controlPointOri,
      maxStoredBroadcastsPerTerminal: config.messages.maxStoredBroadcastsPerTerminal,
    },
    agencyContact: (ori) => ({
      name: registry.agencies.get(ori)?.name,
      telephone: security?.agencyRecords.get(ori)?.telephone ?? deps.data?.agencyRecords?.find((record) => record.ori === ori)?.telephone ?? undefined,
    }),
    log: logger,
  });
  // The operator's message log: its own table in the messages database, written at the end of each turn.
  const messageLog = config.messageLog.enabled ? new MessageLog({
    path: config.messagesPath, settings: config.messageLog, clock, log: logger,
    onWriteFailure: (rows) => metrics.count('clets_message_log_write_failures_total', 'Message log rows that could not be written (dropped; nothing else fails with them)', {}, rows),
  }) : undefined;
  const notices = new LocateNoticeJournal(config.messagesPath);
  const validationReports = config.role === 'state' && config.validationReports.enabled ? new ValidationReports({
    switchId: config.switchId, controlPointOri: config.hitConfirmation.controlPointOri,
    intervalMs: config.validationReports.intervalMs, catchUpDelayMs: config.validationReports.catchUpDelayMs,
    timers: linkClock, table: () => table, dispatcher, sendFromSwitch: (transaction, key) => deliveries.sendFromSwitch(transaction, key), audit,
    // Beside the peer announcements and open hit confirmations: what the state switch keeps across restarts.
    runs: { last: () => store.lastRun(VALIDATION_REPORTS_SCHEDULE), save: (at) => store.saveRun(VALIDATION_REPORTS_SCHEDULE, at) },
    log: logger,
  }) : undefined;
  const releases = security !== undefined && isSearchable(audit) ? releaseRecorder({ releaseLog: security.releaseLog, audit, clock }) : undefined;
  // Set once the network exists: the answers of a resumed request from another switch go back on its link.
  let resumedLinkOrigin: ((saved: SavedOrigin) => TransactionOrigin) | undefined;
  const pipeline = new TransactionPipeline({
    switchId: config.switchId, clock, table: () => table, dispatcher, audit, policy, metrics,
    limits: config.limits, log: logger, journal,
    deliver: (...args) => deliveries.deliver(...args),
    broadcastRoles: new Set(config.broadcastRoles),
    resumedOrigin: (saved) => (saved.kind === 'link' && resumedLinkOrigin !== undefined ? resumedLinkOrigin(saved) : {
      kind: saved.kind, session: undefined, terminal: saved.terminal, sourceAddress: saved.sourceAddress,
      send: (frame) => {
        deliveries.answerOperator(saved.terminal, saved.operatorId, frame);
        return true;
      },
    }),
    ...auditedCompletionOf(audit),
    ...(security !== undefined ? { onFlag: security.onFlag } : {}),
    // The keys the switch answers itself: LOG from the operator's message log; RL, a release
    // recorded against the operator's own transaction, found in this switch's audit log.
    ...(messageLog !== undefined || releases !== undefined ? {
      answerLocally: (transaction, origin, auditSeq) => {
        if (transaction.header?.messageKey === MESSAGE_LOG_KEY && messageLog !== undefined) {
          return messageLog.answer(transaction, origin.session?.operatorId ?? origin.resumedBy?.operatorId);
        }
        if (releases === undefined || transaction.header?.messageKey === MESSAGE_LOG_KEY) {
          return Promise.reject(new CletsError('CLETS_ERR_NO_ROUTE', `this switch does not answer ${transaction.header?.messageKey ?? 'this key'} itself`, { system: SWITCH_SYSTEM }));
        }
        return releases(transaction, origin, auditSeq);
      },
    } : {}),
    ...(deps.deliver !== undefined ? { deliver: deps.deliver } : {}),
    // A locate acknowledged: the entering agency is told by an AM from the locating agency,
    // committed before it is delivered so that a crash does not lose it.
    onAnswered: (response, transaction, origin, context) => {
      for (const notice of locateNotifications(response, transaction)) {
        let fresh = true;
        try {
          fresh = notices.open(notice, {
            terminal: origin.terminal, operatorId: origin.session?.operatorId ?? origin.resumedBy?.operatorId ?? '', sourceAddress: origin.sourceAddress,
          }, context.auditSeq, context.stamp, clock());
        } catch (error) {
          logger.error({ err: error }, 'locate notification could not be recorded: sent without it');
        }
        if (fresh) notifyEnteringAgency(notice, origin, context);
      }
    },
  });

  /** Delivers a locate notification, marking its progress in the notice journal (traffic/locate-notice-journal.ts). */
  function notifyEnteringAgency(notice: Transaction, origin: TransactionOrigin, context: DeliveryContext, resumed?: DeliveryContext['resumed']): void {
    const key = notice.header?.clientMessageId ?? '';
    const marked = (mark: () => void): Promise<void> => {
      try {
        mark();
      } catch (error) {
        logger.error({ err: error }, 'locate notification progress could not be recorded');
      }
      return Promise.resolve();
    };
    deliveries.deliver(resolveDeliveries(notice.header?.destinations ?? [], table), notice, origin, (frame) => origin.send(frame), {
      auditSeq: context.auditSeq, stamp: context.stamp, whenDown: 'queue',
      markDone: (part) => marked(() => notices.markDone(key, part)),
      markHeld: (link) => marked(() => notices.markHeld(key, link)),
      ...(resumed !== undefined ? { resumed } : {}),
    }).then(() => notices.finish(key, clock()))
      // Suspended at shutdown, or failed: the notice stays open and the next start takes it up.
      .catch((error: unknown) => logger.error({ err: error }, 'locate notification not finished'));
  }

  const loginLimiter = new LoginRateLimiter(config.limits.loginRate);
  const loginAttempt = (address: string, endpoint: LoginEndpoint): LoginAttempt => {
    const attempt = loginLimiter.attempt(address, clock());
    if (!attempt.ok && attempt.alert) {
      // One alert per source and window, not one row per refused attempt: a flood must not fill the audit log.
      logger.warn({ sourceAddress: address, endpoint, retryAfterMs: attempt.retryAfterMs }, 'login attempts rate-limited');
      audit.append({
        type: 'security_alert', at: clock(), outcome: 'login_rate_limited', sourceAddress: address, switchId: config.switchId,
        code: 'CLETS_ERR_RATE_LIMITED', detail: { endpoint, retryAfterMs: attempt.retryAfterMs },
      }).catch((error: unknown) => logger.error({ err: error }, 'audit append failed'));
    }
    return attempt;
  };

  const broadcastStatus = (message: StatusMessage): void => {
    const frame: Frame = { statusMessage: message };
    for (const connection of directory.loggedIn()) connection.write(frame);
  };

  const network = new SwitchNetwork({
    config, clock, logger, links, peers, switchLinks, audit, alerts, held, store, deliveries, pipeline, announce: broadcastStatus,
    // County switches link over TLS with the same certificate terminals see.
    ...(tls !== undefined ? { tls: { cert: tls.cert, key: tls.key, ...tlsTimeoutOptions(config.connections) } } : {}),
    peerGuard: guards.peer,
    table: () => table, setTable: (next) => { table = next; },
  });
  resumedLinkOrigin = (saved) => network.resumedLinkOrigin(saved);

  const linkStateAudit = (name: string, state: string, detail: Record<string, unknown>): void => {
    audit.append({ type: 'link_state', at: clock(), outcome: state, switchId: config.switchId, detail: { link: name, ...detail } })
      .catch((error: unknown) => logger.error({ err: error }, 'audit append failed'));
  };
  for (const [name, link] of links) {
    link.on('up', (systems) => {
      logger.info({ link: name, systems }, 'link up');
      linkStateAudit(name, 'up', { systems });
      broadcastStatus({ system: name, state: LinkState.LINK_STATE_UP, atMs: clock(), text: `${name} BACK IN SERVICE`, reportedBy: config.switchId });
      held.release(name);
    });
    link.on('down', (reason) => {
      logger.warn({ link: name, reason }, 'link down');
      linkStateAudit(name, 'down', { reason });
      broadcastStatus({ system: name, state: LinkState.LINK_STATE_DOWN, atMs: clock(), text: `${name} OUT OF SERVICE`, reportedBy: config.switchId });
    });
    link.on('statusMessage', (message) => broadcastStatus(message));
  }

  metrics.gauge('clets_link_up', 'Link state (1 up, 0 otherwise)', ['link'], () => [...links].map(([name, link]) => [{ link: name }, link.state === 'up' ? 1 : 0] as const));
  metrics.gauge('clets_held_transactions', 'Transactions queued for a down system', ['link'], () => held.depths().map(([link, depth]) => [{ link }, depth] as const));
  metrics.gauge('clets_transactions_in_flight', 'Transactions accepted and not complete', [], () => [[{}, pipeline.inFlight]]);
  metrics.gauge('clets_terminals_connected', 'Terminals with an operator logged in', [], () => [[{}, directory.size]]);
  metrics.gauge('clets_connections_open', 'Connections open on each listening port (counted by its caps)', ['port'], () => Object.values(guards).map((each) => [{ port: each.port }, each.open] as const));
  metrics.gauge('clets_audit_pending_rows', 'Audit rows waiting for their commit', [], () => [[{}, audit.health().pending]]);
  metrics.gauge('clets_peer_up', 'County peer link state (1 up, 0 otherwise)', ['peer'], () => [...peers].map(([name, peer]) => [{ peer: name }, peer.state === 'up' ? 1 : 0] as const));
  metrics.gauge('clets_stored_messages', 'Traffic stored for offline terminals and down links', [], () => [[{}, store.size]]);
  if (messageLog !== undefined) metrics.count('clets_message_log_write_failures_total', 'Message log rows that could not be written (dropped; nothing else fails with them)', {}, 0);
  metrics.gauge('clets_open_hit_confirmations', 'Hit confirmations asked from here and not answered', [], () => [[{}, deliveries.confirmations.size]]);

  const terminalServer: HttpServer = tls ? createHttpsServer({ ...tls, ...tlsTimeoutOptions(config.connections) }) : createHttpServer();
  guards.terminal.watch(terminalServer);
  terminalServer.on('request', (_request, response) => {
    response.writeHead(426, { 'content-type': 'text/plain' }).end('terminals connect with WebSocket\n');
  });
  const wss = new WebSocketServer({ server: terminalServer, perMessageDeflate: false, maxPayload: config.limits.maxFrameBytes });
  const connectionContext = {
    switchId: config.switchId, clock, policy, pipeline, directory, audit, metrics, limits: config.limits, log: logger,
    loginAttempt,
    messagesWaiting: (session: OperatorSession) => deliveries.waitingFor(session.terminal.mnemonic, session.terminal.ori, session.operatorId),
    onLogin: (connection: TerminalConnection) => {
      const session = connection.session;
      if (session === undefined) return 0;
      return deliveries.deliverStored(session.terminal.mnemonic, session.terminal.ori, (frame) => connection.write(frame), session.operatorId);
    },
    keepAnswer: (terminal: string, operatorId: string, frame: Frame) => deliveries.keepForOperator(terminal, operatorId, frame),
    ...(messageLog !== undefined ? { messageLog } : {}),
  };
  const connections = new Set<TerminalConnection>();
  metrics.gauge('clets_unauthenticated_connections', 'Connections not yet authenticated: terminals not logged in, peers before LinkHello', ['port'], () => {
    let terminals = 0;
    for (const connection of connections) if (connection.session === undefined) terminals += 1;
    return [[{ port: 'terminal' }, terminals], [{ port: 'peer' }, network.unauthenticatedPeers]];
  });
  supersede.push((session) => {
    for (const connection of connections) {
      if (connection.session?.sessionId === session.sessionId) connection.closeWith('CLETS_ERR_SESSION_SUPERSEDED');
    }
  });
  wss.on('connection', (socket: WebSocket, request) => {
    if (!guards.terminal.admitWebSocket(socket, request)) return;
    const connection = new TerminalConnection(socket, {
      address: request.socket.remoteAddress ?? 'unknown',
      ...verifiedCertificateSubject(request.socket),
    }, connectionContext);
    connections.add(connection);
    socket.on('close', () => connections.delete(connection));
  });

  // Liveness: a terminal that misses a pong round is terminated; held items expire.
  const timers: NodeJS.Timeout[] = [];
  const startTimers = (): void => {
    timers.push(setInterval(() => {
      for (const connection of connections) {
        if (!connection.alive) { connection.terminate(); continue; }
        connection.alive = false;
        connection.ping();
      }
    }, config.limits.pingIntervalMs).unref());
    timers.push(setInterval(() => held.expire(clock()), 1000).unref());
    timers.push(setInterval(() => journal.prune(clock(), config.limits.duplicateWindowMs, config.limits.duplicateMaxEntries), JOURNAL_PRUNE_INTERVAL_MS).unref());
    if (messageLog !== undefined) timers.push(setInterval(() => void messageLog.prune(clock()), MESSAGE_LOG_PRUNE_INTERVAL_MS).unref());
    timers.push(setInterval(() => notices.prune(clock()), 60_000).unref());
    if (security !== undefined) {
      // Seed 002: the annual misuse report is due February 1; coordinators are reminded daily
      // from 30 days before until it is marked submitted: a status message to the terminals
      // they are logged in at (an agency may give its coordinator terminal access), and at
      // every administration login (`notices`).
      const remind = (): void => {
        try {
          sendMisuseReportReminders({
            submissions: security.submissions, agencies: () => security.store.agencies(), audit, clock, switchId: config.switchId, log: logger,
            notify: (reminder) => {
              for (const connection of directory.loggedIn()) {
                const session = connection.session;
                if (session?.ori !== reminder.ori || !REMINDED_ROLES.has(session.role)) continue;
                connection.write({ statusMessage: { system: 'MISUSE REPORT', state: LinkState.LINK_STATE_UNSPECIFIED, atMs: clock(), text: reminder.text, reportedBy: config.switchId } });
              }
            },
          });
        } catch (error) {
          logger.error({ err: error }, 'misuse report reminders failed');
        }
      };
      remind();
      timers.push(setInterval(remind, security.settings.misuseReport.checkIntervalMs).unref());
      // CJIS: re-authenticate every 12 hours, drop the connection after an hour idle. An idle
      // lock needs nothing here: the next transaction is refused with CLETS_ERR_SESSION_LOCKED.
      timers.push(setInterval(() => {
        for (const expiry of security.policy.expiredSessions(clock())) {
          if (expiry.reason === 'idle-lock') continue;
          for (const connection of connections) {
            if (connection.session?.sessionId === expiry.session.sessionId) connection.closeWith('CLETS_ERR_REAUTH_REQUIRED');
          }
        }
      }, 60_000).unref());
    }
  };

  const http = await buildHttpApi(
    {
      config, logger, metrics, audit, links, held, policy, security, pipeline, loginAttempt,
      ...(messageLog !== undefined ? { messageLog } : {}),
      live: {
        terminals: () => directory.loggedIn().flatMap(({ session }) => (session === undefined ? [] : [{ mnemonic: session.terminal.mnemonic, ori: session.ori, operatorId: session.operatorId, since: session.startedAt }])),
        peers: () => [...peers].map(([name, peer]) => ({ name, state: peer.state })),
        queues: () => ({ inFlight: pipeline.inFlight, stored: store.size }),
      },
    },
    { clock, guard: guards.http, ...(tls ? { https: { ...tls, ...tlsTimeoutOptions(config.connections) } } : {}) },
  );

  const sw: CletsSwitch = {
    config, logger, metrics, audit, alerts, policy, security, registry, links, network, pipeline, directory, held, journal, messageLog, validationReports, http,
    loginAttempt,
    table: () => table,
    setTable: (next) => { table = next; },
    broadcastStatus,
    listen: async () => {
      // What the last run accepted and did not finish, and the hit confirmations it kept open,
      // before any port listens: a resend must find its transaction in the window. (A
      // journal new to this audit log accounts for none of the rows already in it.)
      if (journal.durable && journal.fresh) await journal.recordAuditedThrough((audit.health() as { lastSeq?: number }).lastSeq ?? 0);
      for (const link of links.values()) link.start();
      const resumed = pipeline.resume();
      const confirmations = deliveries.restoreConfirmations();
      // Locate notifications made before a stop or a crash and not delivered: delivered now,
      // for the operator who placed the locate, skipping what was done.
      for (const open of notices.unfinished()) {
        const { terminal, operatorId, sourceAddress } = open.origin;
        notifyEnteringAgency(open.notice, {
          kind: 'terminal', session: undefined, terminal, sourceAddress, resumedBy: { operatorId, ori: open.notice.header?.ori ?? '' },
          send: (frame) => {
            deliveries.answerOperator(terminal, operatorId, frame);
            return true;
          },
        }, { auditSeq: open.auditSeq, stamp: open.stamp, whenDown: 'queue' }, { done: open.done, held: open.held });
      }
      if (resumed.resumed + resumed.settled + confirmations > 0) logger.info({ ...resumed, confirmations }, 'taken up from the journal');
      startTimers();
      validationReports?.start();
      await new Promise<void>((resolve, reject) => {
        terminalServer.once('error', reject);
        terminalServer.listen(config.port, config.host, () => resolve());
      });
      const httpUrl = await http.listen({ host: config.host, port: config.httpPort });
      const port = (terminalServer.address() as AddressInfo).port;
      const peersUrl = await network.listen(config.host);
      const addresses = { terminals: `${tls ? 'wss' : 'ws'}://${config.host}:${port}`, http: httpUrl, ...(peersUrl !== undefined ? { peers: peersUrl } : {}) };
      logger.info({ ...addresses, role: config.role }, 'switch listening');
      return addresses;
    },
    close: () => (closing ??= closeInOrder()),
  };

  let closing: Promise<void> | undefined;
  const closeInOrder = async (): Promise<void> => {
    logger.info('switch closing');
    for (const timer of timers) clearInterval(timer);
    validationReports?.stop();
    // 1. Stop accepting: no new terminal connections. (ws emits 'close' only once every
    // client has gone, which happens at step 3, so it is awaited there.)
    const serverClosed = new Promise<void>((resolve) => wss.close(() => resolve()));
    terminalServer.close();
    terminalServer.closeIdleConnections();
    // 2. Drain transactions in flight within the deadline. Held ones are suspended: the
    // journal keeps them and the next start resumes them (without a journal on disk they end
    // as not delivered, CLETS_ERR_SHUTTING_DOWN). So is whatever is still in flight when the
    // links close below.
    if (journal.durable) dispatcher.suspend();
    else held.drop('CLETS_ERR_SHUTTING_DOWN');
    await Promise.race([pipeline.idle(), delay(config.limits.drainTimeoutMs)]);
    if (journal.durable) dispatcher.suspend();
    // 3. Tell terminals, with a close code.
    for (const connection of connections) connection.closeWith('CLETS_ERR_SHUTTING_DOWN');
    await Promise.race([serverClosed, delay(config.limits.drainTimeoutMs)]);
    for (const connection of connections) connection.terminate();
    // 4. Links (county peers too), the HTTP API, then the audit store (flushes its last
    // batch) and the store of messages for offline terminals.
    await network.closeLinks();
    await Promise.allSettled([...links.values()].map((link) => link.close()));
    await http.close();
    await audit.close();
    // The message log before the journal: the journal's last checkpoint takes in its rows too.
    await messageLog?.close();
    await journal.close();
    notices.close();
    network.close();
    security?.close();
    // 5. Flush logs.
    await new Promise<void>((resolve) => logger.flush(() => resolve()));
  };

  return sw;
}

/** The validation reports' name in the messages database's `scheduled_runs`. */
const VALIDATION_REPORTS_SCHEDULE = 'validation-reports';

/** How often finished journal rows past the duplicate window are dropped (a chunk at a time). */
const JOURNAL_PRUNE_INTERVAL_MS = 1_000;
/** How often message log rows past their retention or their operator's bound are dropped (a chunk at a time). */
const MESSAGE_LOG_PRUNE_INTERVAL_MS = 1_000;

/**
 * How the pipeline finds, at start, whether a transaction's completion row is in the audit
 * log (its Completion was sent before a crash): the answer index of the SQLite store, or a
 * query of an in-memory one.
 */
function auditedCompletionOf(audit: AuditSink): Pick<PipelineDeps, 'auditedCompletion' | 'auditedTransactionsAfter'> {
  type Completed = { answered: string[]; failed: string[] };
  const completedIn = (detail: unknown): Completed => {
    const parsed = (typeof detail === 'string' ? JSON.parse(detail) : detail) as Partial<Completed> | null;
    return { answered: parsed?.answered ?? [], failed: parsed?.failed ?? [] };
  };
  /** An answer row that ends a transaction: its completion, or a refusal of the transaction itself. */
  const ends = (type: string, detail: unknown): boolean => {
    if (type === 'completion') return true;
    const parsed = (typeof detail === 'string' ? JSON.parse(detail) : detail) as { system?: unknown } | null;
    return type === 'reject' && (parsed?.system === undefined || parsed.system === null);
  };
  if (audit instanceof SqliteAuditStore) {
    const answers = audit.connection.prepare(SELECT_ANSWERS_SQL);
    const after = audit.connection.prepare(`SELECT seq, at, operator_id, terminal, ori, source_address, message_key, client_message_id, input_seq, destinations
      FROM audit_log WHERE type = 'transaction' AND seq > ? ORDER BY seq LIMIT 10000`);
    return {
      auditedCompletion: (auditSeq) => {
        const row = (answers.all(auditSeq) as { type: string; detail: string | null }[]).find((answer) => answer.type === 'completion');
        return row === undefined ? undefined : completedIn(row.detail);
      },
      auditedTransactionsAfter: (auditSeq) => (after.all(auditSeq) as {
        seq: number; at: string; operator_id: string | null; terminal: string | null; ori: string | null; source_address: string | null;
        message_key: string | null; client_message_id: string | null; input_seq: number | null; destinations: string | null;
      }[]).map((row) => ({
        seq: row.seq, at: Date.parse(row.at), operatorId: row.operator_id ?? '', terminal: row.terminal ?? '', ori: row.ori ?? '',
        sourceAddress: row.source_address ?? '', messageKey: row.message_key ?? '', clientMessageId: row.client_message_id ?? '',
        inputSeq: row.input_seq ?? 0, destinations: row.destinations === null ? [] : JSON.parse(row.destinations) as string[],
        ended: (answers.all(row.seq) as { type: string; detail: string | null }[]).some((answer) => ends(answer.type, answer.detail)),
      })),
    };
  }
  const query = (audit as Partial<AuditStore>).query?.bind(audit);
  if (query === undefined) return {};
  const answersOf = (auditSeq: number) => query({ limit: 10_000 }).filter((candidate) => candidate.detail?.['auditSeq'] === auditSeq);
  return {
    auditedCompletion: (auditSeq) => {
      const row = answersOf(auditSeq).find((candidate) => candidate.type === 'completion');
      return row === undefined ? undefined : completedIn(row.detail);
    },
    auditedTransactionsAfter: (auditSeq) => query({ type: 'transaction', afterSeq: auditSeq, limit: 10_000 })
      .map((row) => ({
        seq: row.seq, at: row.atMs, operatorId: row.operatorId ?? '', terminal: row.terminal ?? '', ori: row.ori ?? '', sourceAddress: row.sourceAddress ?? '',
        messageKey: row.messageKey ?? '', clientMessageId: row.clientMessageId ?? '', inputSeq: row.inputSeq ?? 0, destinations: row.destinations ?? [],
        ended: answersOf(row.seq).some((answer) => ends(answer.type, answer.detail)),
      })),
  };
}

/** An audit store the release log can look transactions up in (a test's fake may not be). */
function isSearchable(audit: AuditSink): audit is AuditSink & ReleaseAuditSource {
  return typeof (audit as Partial<ReleaseAuditSource>).search === 'function';
}

function requireData(deps: SwitchDeps): SwitchData {
  if (deps.data === undefined) {
    throw new Error('buildSwitch needs the switch\'s data (deps.data: agencies, terminals, operators, read from the data files by main.ts) or a registry (deps.registry)');
  }
  return deps.data;
}

/** The CJIS misuse rules look subjects up in the persons: a switch without them would not see a self-query. */
function withSubjects(data: SwitchData): SecurityData {
  if (data.persons === undefined) throw new Error('the CJIS policy needs the persons (and licences, vehicles, watch list) in the switch\'s data');
  return { ...data, persons: data.persons };
}

/** The subject of a client certificate the TLS layer verified against the client CA. */
function verifiedCertificateSubject(socket: unknown): { certificateSubject?: string } {
  if (!(socket instanceof TLSSocket) || !socket.authorized) return {};
  // The subject as "CN=LA02,O=LASD": its attributes in certificate order.
  const subject = Object.entries(socket.getPeerCertificate().subject ?? {})
    .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join('+') : String(value)}`)
    .reverse()
    .join(',');
  return subject ? { certificateSubject: subject } : {};
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
