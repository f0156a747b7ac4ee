/**
 * One terminal's WebSocket connection: the session state machine of docs/protocol.md, with
 * one handler per frame kind dispatched by one exhaustive switch. Everything the terminal
 * sends is answered; nothing it sends can crash the switch.
 */
import type { RawData, WebSocket } from 'ws';
import {
  CletsError, decodeFrame, rejectOf, toCletsError,
  type DecodedFrame, type Frame, type FrameKind, type Transaction,
} from '@clets/protocol';
import { ConnectionWriter } from './connection-writer.js';
import type { Metrics } from '../metrics.js';
import type { AuditSink, SwitchAuditEvent } from '../audit/types.js';
import type { AdmittedAttempt, LoginAttempt } from '../security/login-rate-limiter.js';
import { loginFailureReason, type ConnectionSource, type OperatorSession, type PendingLogin, type SecurityPolicy, type TerminalIdentity } from '../security/policy.js';
import { rejectFrame, type TransactionPipeline } from '../pipeline/transaction-pipeline.js';

/** How much longer a connection stays unread for each transaction it sent beyond its window. */
const WINDOW_OVERRUN_PAUSE_MS = 1;
/** The longest such pause at a time: well inside the ping interval, so pongs are still read. */
const MAX_OVERRUN_PAUSE_MS = 1_000;

type ConnectionState = 'hello' | 'banner' | 'login' | 'verifying' | 'second-factor' | 'ready' | 'closed';

/**
 * Terminal mnemonic -> the connection its logged-in operator uses. A connection is entered
 * only once an operator has logged in on it: a TerminalHello alone (a device secret) never
 * displaces anyone.
 */
export class TerminalDirectory {
  readonly #byMnemonic = new Map<string, TerminalConnection>();

  get(mnemonic: string): TerminalConnection | undefined {
    return this.#byMnemonic.get(mnemonic);
  }

  /** Registers a connection; returns the one it replaces, if any. */
  set(mnemonic: string, connection: TerminalConnection): TerminalConnection | undefined {
    const previous = this.#byMnemonic.get(mnemonic);
    this.#byMnemonic.set(mnemonic, connection);
    return previous === connection ? undefined : previous;
  }

  delete(mnemonic: string, connection: TerminalConnection): void {
    if (this.#byMnemonic.get(mnemonic) === connection) this.#byMnemonic.delete(mnemonic);
  }

  /** Sends to whatever connection the terminal has now; false when it is offline. */
  send(mnemonic: string, frame: Frame): boolean {
    return this.#byMnemonic.get(mnemonic)?.write(frame) ?? false;
  }

  /**
   * Sends an answer to the operator who asked, at the terminal they asked from, on whatever
   * connection they use now; false when they are not logged in there. Another operator who
   * logged in at that terminal meanwhile never gets it (CJIS need to know). `encoded`: the
   * frame's encoding when the caller has it (ConnectionWriter.write).
   */
  sendToOperator(mnemonic: string, operatorId: string, frame: Frame, encoded?: Uint8Array): boolean {
    const connection = this.#byMnemonic.get(mnemonic);
    if (connection?.session?.operatorId !== operatorId) return false;
    return connection.write(frame, encoded);
  }

  loggedIn(): TerminalConnection[] {
    return [...this.#byMnemonic.values()].filter((connection) => connection.session !== undefined);
  }

  get size(): number {
    return this.#byMnemonic.size;
  }
}

export interface ConnectionContext {
  readonly switchId: string;
  readonly clock: () => number;
  readonly policy: SecurityPolicy;
  readonly pipeline: TransactionPipeline;
  readonly directory: TerminalDirectory;
  readonly audit: AuditSink;
  readonly metrics: Metrics;
  readonly limits: {
    readonly maxFrameBytes: number; readonly maxMalformedFrames: number; readonly highWaterMarkBytes: number; readonly authTimeoutMs: number;
    readonly maxInFlightPerSession: number;
  };
  /** Traffic stored for this session's terminal, announced in LoginResult.messages_waiting. */
  readonly messagesWaiting?: (session: OperatorSession) => number;
  /** Called after a successful login (after the LoginResult): deliver stored traffic. */
  readonly onLogin?: (connection: TerminalConnection) => Promise<number> | number;
  /** Keeps a frame of a held transaction's answer for its operator, who is not logged in now. */
  readonly keepAnswer?: (terminal: string, operatorId: string, frame: Frame) => void;
  /**
   * The operator's message log (traffic/message-log.ts): told of each transaction the
   * operator sends and each frame written to them. Must only queue, never throw or wait.
   */
  readonly messageLog?: {
    sent(identity: MessageLogIdentity, transaction: Transaction): void;
    received(identity: MessageLogIdentity, frame: Frame): void;
  };
  /** Takes a login attempt from the source's budget (the switch's LoginRateLimiter); absent: no limit. */
  readonly loginAttempt?: (address: string, endpoint: 'terminal_hello' | 'operator_login') => LoginAttempt;
  readonly log: { info(object: object, message?: string): void; warn(object: object, message?: string): void; error(object: object, message?: string): void };
}

/** Whose message log a frame goes in. */
export interface MessageLogIdentity {
  readonly operatorId: string;
  readonly ori: string;
  readonly terminal: string;
}

export class TerminalConnection {
  readonly writer: ConnectionWriter;
  terminal: TerminalIdentity | undefined;
  session: OperatorSession | undefined;
  /** Liveness: set on pong, cleared on each ping round. */
  alive = true;
  #state: ConnectionState = 'hello';
  #pending: PendingLogin | undefined;
  #bannerId = '';
  #malformed = 0;
  /** Transactions of this connection not yet answered to the end. */
  #inFlight = 0;
  /** Not read before this time (epoch ms): the pause its window overruns earned. */
  #readAgainAt = 0;
  #resumeTimer: NodeJS.Timeout | undefined;
  /** The login attempt waiting for its second factor. */
  #attempt: AdmittedAttempt | undefined;
  readonly #authTimer: NodeJS.Timeout;

  constructor(
    private readonly socket: WebSocket,
    private readonly source: ConnectionSource,
    private readonly context: ConnectionContext,
  ) {
    this.writer = new ConnectionWriter(socket, context.limits.highWaterMarkBytes, () => this.#slowConsumer());
    this.#authTimer = setTimeout(() => this.#authTimeout(), context.limits.authTimeoutMs).unref();
    socket.on('message', (data, isBinary) => this.#onMessage(data, isBinary));
    socket.on('pong', () => { this.alive = true; });
    socket.on('close', () => this.#onClose());
    socket.on('error', (error) => context.log.warn({ err: error, source: source.address }, 'terminal socket error'));
  }

  get sourceAddress(): string {
    return this.source.address;
  }

  get state(): ConnectionState {
    return this.#state;
  }

  write(frame: Frame, encoded?: Uint8Array): boolean {
    const written = this.writer.write(frame, encoded);
    const session = this.session;
    if (written && session !== undefined) this.context.messageLog?.received(identityOf(session), frame);
    return written;
  }

  ping(): void {
    try {
      this.socket.ping();
    } catch {
      this.socket.terminate();
    }
  }

  /** Drops the connection without a closing handshake (a peer that stopped answering). */
  terminate(): void {
    this.socket.terminate();
  }

  /** Ends the connection with an error's close code (shutdown, superseded, slow consumer). */
  closeWith(code: Parameters<ConnectionWriter['closeWith']>[0], reason?: string): void {
    this.writer.closeWith(code, reason);
  }

  #onMessage(data: RawData, isBinary: boolean): void {
    if (!isBinary) {
      this.#malformedFrame(new CletsError('CLETS_ERR_TEXT_FRAME'));
      return;
    }
    let frame: DecodedFrame & { body: FrameKind };
    try {
      frame = decodeFrame(toBytes(data), { maxFrameBytes: this.context.limits.maxFrameBytes });
    } catch (error) {
      this.#malformedFrame(toCletsError(error));
      return;
    }
    this.context.metrics.count('clets_frames_received_total', 'Frames received from terminals', { kind: frame.body });
    this.#handle(frame).catch((error: unknown) => {
      this.context.log.error({ err: error, terminal: this.terminal?.mnemonic }, 'terminal frame handler failed');
      this.write({ reject: rejectOf(new CletsError('CLETS_ERR_INTERNAL')) });
    });
  }

  async #handle(frame: DecodedFrame & { body: FrameKind }): Promise<void> {
    switch (frame.body) {
      case 'terminalHello': return this.#onTerminalHello(frame);
      case 'bannerAck': return this.#onBannerAck(frame);
      case 'operatorLogin': return this.#onOperatorLogin(frame);
      case 'secondFactorAnswer': return this.#onSecondFactorAnswer(frame);
      case 'transaction': return this.#onTransaction(frame.transaction!);
      case 'heartbeat': return this.#onHeartbeat(frame);
      case 'logout': return this.#onLogout(frame);
      case 'loginBanner':
      case 'secondFactorChallenge':
      case 'loginResult':
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
      case 'linkHello':
      case 'linkWelcome':
      case 'linkRequest':
      case 'linkReply':
        return this.#unexpected(frame.body);
    }
  }

  async #onTerminalHello(frame: DecodedFrame): Promise<void> {
    if (this.#state !== 'hello') return this.#unexpected('terminalHello');
    const attempt = this.#admitAttempt('terminal_hello');
    if (attempt === undefined) return;
    const hello = frame.terminalHello!;
    try {
      this.terminal = await this.context.policy.authenticateTerminal(hello, this.source);
      attempt.settle(true);
    } catch (error) {
      attempt.settle(false);
      const failure = toCletsError(error);
      await this.#audit({ type: 'logon_failure', outcome: 'failure', terminal: hello.mnemonic ?? '', code: failure.code, detail: { stage: 'terminal' } });
      this.write({ reject: rejectOf(failure) });
      this.closeWith(failure.code === 'CLETS_ERR_TERMINAL_UNKNOWN' || failure.code === 'CLETS_ERR_TERMINAL_CREDENTIAL' ? failure.code : 'CLETS_ERR_TERMINAL_CREDENTIAL');
      return;
    }
    // Nothing else happens here: a live session at this terminal is only ever displaced by
    // a complete login (see #loggedIn), never by a device secret alone.
    const banner = this.context.policy.banner();
    this.#bannerId = banner.bannerId ?? '';
    this.#state = 'banner';
    this.write({ loginBanner: banner });
  }

  #onBannerAck(frame: DecodedFrame): void {
    if (this.#state !== 'banner') return this.#unexpected('bannerAck');
    if ((frame.bannerAck?.bannerId ?? '') !== this.#bannerId) {
      this.write({ loginResult: { ok: false, code: 'CLETS_ERR_BANNER_NOT_ACKNOWLEDGED', reason: 'acknowledge the banner that was shown' } });
      return;
    }
    this.#state = 'login';
  }

  async #onOperatorLogin(frame: DecodedFrame): Promise<void> {
    if (this.#state === 'banner') {
      this.write({ loginResult: { ok: false, code: 'CLETS_ERR_BANNER_NOT_ACKNOWLEDGED', reason: 'the login banner must be acknowledged first' } });
      return;
    }
    if (this.#state !== 'login' || this.terminal === undefined) return this.#unexpected('operatorLogin');
    const attempt = this.#admitAttempt('operator_login');
    if (attempt === undefined) return;
    const operatorId = frame.operatorLogin?.operatorId ?? '';
    // One login exchange at a time: a second OperatorLogin sent while the password is being
    // checked is unexpected, not a second session on the same connection.
    this.#state = 'verifying';
    try {
      const step = await this.context.policy.beginLogin(this.terminal, operatorId, frame.operatorLogin?.password ?? '', this.context.clock());
      if (step.kind === 'second-factor') {
        // The code is asked for whatever the password was, and a terminal in use is refused
        // only once both factors are right (#loggedIn): nothing here tells a caller without
        // the second factor that the password was right.
        this.#attempt = attempt;
        this.#pending = step.pending;
        this.#state = 'second-factor';
        this.write({ secondFactorChallenge: { method: step.method } });
        return;
      }
      attempt.settle(true);
      await this.#loggedIn(step.session);
    } catch (error) {
      attempt.settle(false);
      await this.#loginFailed(operatorId, toCletsError(error));
    }
  }

  async #onSecondFactorAnswer(frame: DecodedFrame): Promise<void> {
    if (this.#state !== 'second-factor' || this.#pending === undefined) return this.#unexpected('secondFactorAnswer');
    const pending = this.#pending;
    this.#pending = undefined;
    this.#state = 'verifying';
    const attempt = this.#attempt;
    this.#attempt = undefined;
    try {
      const session = await this.context.policy.completeLogin(pending, frame.secondFactorAnswer?.code ?? '', this.context.clock());
      attempt?.settle(true);
      await this.#loggedIn(session);
    } catch (error) {
      attempt?.settle(false);
      await this.#loginFailed(pending.operatorId, toCletsError(error));
    }
  }

  /**
   * One live operator session per terminal (docs/protocol.md, "A terminal in use"): another
   * operator's login on a second connection is refused with CLETS_ERR_TERMINAL_BUSY. The
   * same operator may take the terminal back (a dead connection the switch has not noticed
   * yet), and a session the policy no longer accepts (locked, superseded, past its
   * re-authentication) holds nothing.
   */
  #refuseIfBusy(operatorId: string): void {
    const current = this.terminal === undefined ? undefined : this.context.directory.get(this.terminal.mnemonic);
    const held = current === undefined || current === this ? undefined : current.session;
    if (held === undefined || held.operatorId === operatorId) return;
    try {
      this.context.policy.checkSession(held, this.context.clock(), false);
    } catch {
      return;
    }
    throw new CletsError('CLETS_ERR_TERMINAL_BUSY', `${held.terminal.mnemonic} is in use by another operator: log in at another terminal, or ask that operator to log out`);
  }

  /**
   * Grants a session the policy opened, once its logon row is committed (CJIS: logons are
   * audited events, and nothing is granted that cannot be audited). If the row cannot be
   * written, the login is refused with CLETS_ERR_AUDIT_UNAVAILABLE and the policy's session
   * ended: the operator tries again once the store recovers.
   */
  async #loggedIn(session: OperatorSession): Promise<void> {
    const refuse = (error: unknown): never => {
      this.context.policy.endSession(session);
      throw error;
    };
    try {
      this.#refuseIfBusy(session.operatorId);
    } catch (error) {
      refuse(error);
    }
    try {
      await this.context.audit.append({
        type: 'logon', outcome: 'success', at: this.context.clock(), switchId: this.context.switchId, sourceAddress: this.sourceAddress,
        terminal: session.terminal.mnemonic, operatorId: session.operatorId, ori: session.ori, detail: { sessionId: session.sessionId, role: session.role },
      });
    } catch (error) {
      this.context.log.error({ err: error, terminal: session.terminal.mnemonic }, 'logon could not be audited: login refused');
      refuse(new CletsError('CLETS_ERR_AUDIT_UNAVAILABLE', 'the logon could not be recorded in the audit log: try again later'));
    }
    // While the row was written the connection may have gone, or another operator taken
    // the terminal: the row stands, and the session ends at once.
    if (this.#state === 'closed') {
      this.context.policy.endSession(session);
      await this.#audit({ type: 'logoff', outcome: 'disconnected', operatorId: session.operatorId, ori: session.ori });
      return;
    }
    try {
      this.#refuseIfBusy(session.operatorId);
    } catch (error) {
      await this.#audit({ type: 'logoff', outcome: 'terminal_busy', operatorId: session.operatorId, ori: session.ori });
      refuse(error);
    }
    this.session = session;
    this.#state = 'ready';
    clearTimeout(this.#authTimer);
    // The same operator again (or a session no longer live): the old connection goes.
    const replaced = this.context.directory.set(session.terminal.mnemonic, this);
    replaced?.closeWith('CLETS_ERR_SESSION_SUPERSEDED', 'the operator logged in again on another connection');
    this.context.metrics.count('clets_logons_total', 'Operator logons by outcome', { outcome: 'success' });
    this.write({
      loginResult: {
        ok: true, operatorId: session.operatorId, ori: session.ori, terminal: session.terminal.mnemonic, role: session.role,
        sessionId: session.sessionId, reauthenticateAtMs: session.reauthenticateAt, messagesWaiting: this.#messagesWaiting(session),
      },
    });
    // Stored traffic follows the LoginResult (docs/protocol.md): never before it.
    try {
      await this.context.onLogin?.(this);
    } catch (error) {
      this.context.log.error({ err: error, terminal: session.terminal.mnemonic }, 'stored traffic delivery failed');
    }
  }

  #messagesWaiting(session: OperatorSession): number {
    try {
      return this.context.messagesWaiting?.(session) ?? 0;
    } catch (error) {
      this.context.log.error({ err: error }, 'stored traffic could not be counted');
      return 0;
    }
  }

  async #loginFailed(operatorId: string, failure: CletsError): Promise<void> {
    if (this.#state === 'verifying') this.#state = 'login';
    this.context.metrics.count('clets_logons_total', 'Operator logons by outcome', { outcome: 'failure' });
    const reason = loginFailureReason(failure);
    await this.#audit({ type: 'logon_failure', outcome: 'failure', operatorId, code: failure.code, detail: { stage: 'operator', ...(reason === undefined ? {} : { reason }) } });
    this.write({ loginResult: { ok: false, code: failure.code, reason: failure.message, operatorId } });
    // The terminal is someone else's now: this connection has nothing more to do.
    if (failure.code === 'CLETS_ERR_TERMINAL_BUSY') this.closeWith('CLETS_ERR_TERMINAL_BUSY');
  }

  async #onTransaction(transaction: Transaction): Promise<void> {
    const session = this.session;
    if (this.#state !== 'ready' || session === undefined || this.terminal === undefined) {
      this.write(rejectFrame(new CletsError('CLETS_ERR_NOT_LOGGED_IN'), transaction));
      return;
    }
    const mnemonic = this.terminal.mnemonic;
    const directory = this.context.directory;
    this.#enterWindow();
    this.context.messageLog?.sent(identityOf(session), transaction);
    try {
      await this.context.pipeline.submit({
        kind: 'terminal', session, terminal: mnemonic, sourceAddress: this.sourceAddress,
        send: (frame, encoded) => directory.sendToOperator(mnemonic, session.operatorId, frame, encoded),
        keep: (frame) => this.context.keepAnswer?.(mnemonic, session.operatorId, frame),
      }, transaction);
    } finally {
      this.#inFlight -= 1;
    }
  }

  /**
   * Backpressure behind the pipeline's per-session window. A transaction sent while the
   * window is full is refused by the pipeline (decoded, audited, answered), and it also
   * leaves the connection unread for WINDOW_OVERRUN_PAUSE_MS more (at most
   * MAX_OVERRUN_PAUSE_MS in all): what a flooding client sends meanwhile waits in its own TCP
   * buffers, not in the switch, so its flood costs the switch little and slows nobody else.
   * A client that keeps to its window is never paused; the cap keeps pongs read in time.
   */
  #enterWindow(): void {
    if (this.#inFlight >= this.context.limits.maxInFlightPerSession) {
      const now = Date.now();
      this.#readAgainAt = Math.min(Math.max(this.#readAgainAt, now) + WINDOW_OVERRUN_PAUSE_MS, now + MAX_OVERRUN_PAUSE_MS);
      if (!this.socket.isPaused) this.socket.pause();
      this.#armResume();
    }
    this.#inFlight += 1;
  }

  #armResume(): void {
    if (this.#resumeTimer !== undefined) return;
    const wait = this.#readAgainAt - Date.now();
    if (wait <= 0) {
      if (this.#state !== 'closed') this.socket.resume();
      return;
    }
    this.#resumeTimer = setTimeout(() => {
      this.#resumeTimer = undefined;
      this.#armResume();
    }, wait).unref();
  }

  #onHeartbeat(frame: DecodedFrame): void {
    const heartbeat = frame.heartbeat!;
    if (!heartbeat.reply) this.write({ heartbeat: { nonce: heartbeat.nonce, sentAtMs: this.context.clock(), reply: true } });
  }

  async #onLogout(frame: DecodedFrame): Promise<void> {
    if (this.session !== undefined) {
      await this.#audit({ type: 'logoff', outcome: 'success', operatorId: this.session.operatorId, ori: this.session.ori, detail: { reason: frame.logout?.reason ?? '' } });
      this.context.policy.endSession(this.session);
      this.session = undefined;
    }
    this.#state = 'closed';
    this.closeWith('CLETS_ERR_LOGGED_OUT');
  }

  /**
   * Takes a login attempt from this source's budget. Refused: answered with
   * CLETS_ERR_RATE_LIMITED (a Reject to a hello, a LoginResult to a login) and undefined.
   */
  #admitAttempt(endpoint: 'terminal_hello' | 'operator_login'): AdmittedAttempt | undefined {
    const attempt = this.context.loginAttempt?.(this.source.address, endpoint) ?? { ok: true, settle: () => {} };
    if (attempt.ok) return attempt;
    const failure = new CletsError('CLETS_ERR_RATE_LIMITED', `retry after ${Math.ceil(attempt.retryAfterMs / 1000)} s`);
    this.context.metrics.count('clets_login_rate_limited_total', 'Login attempts refused for too many from one source', { endpoint });
    if (endpoint === 'terminal_hello') this.write({ reject: rejectOf(failure) });
    else this.write({ loginResult: { ok: false, code: failure.code, reason: failure.message } });
    return undefined;
  }

  #unexpected(kind: FrameKind): void {
    this.write({ reject: rejectOf(new CletsError('CLETS_ERR_FRAME_UNEXPECTED', `${kind} not expected in session state ${this.#state}`)) });
  }

  #malformedFrame(error: CletsError): void {
    this.#malformed += 1;
    this.context.metrics.count('clets_malformed_frames_total', 'Frames from terminals that could not be decoded');
    this.write({ reject: rejectOf(error) });
    if (error.code === 'CLETS_ERR_FRAME_TOO_LARGE') {
      this.closeWith('CLETS_ERR_FRAME_TOO_LARGE');
    } else if (this.#malformed >= this.context.limits.maxMalformedFrames) {
      this.closeWith('CLETS_ERR_TOO_MANY_MALFORMED');
    }
  }

  #authTimeout(): void {
    if (this.#state === 'ready' || this.#state === 'closed') return;
    this.write({ reject: rejectOf(new CletsError('CLETS_ERR_AUTH_TIMEOUT')) });
    this.closeWith('CLETS_ERR_AUTH_TIMEOUT');
  }

  #slowConsumer(): void {
    this.context.metrics.count('clets_slow_consumers_total', 'Terminals dropped for not reading their traffic');
    this.context.log.warn({ terminal: this.terminal?.mnemonic, buffered: this.writer.bufferedAmount }, 'slow consumer dropped');
    this.closeWith('CLETS_ERR_SLOW_CONSUMER');
  }

  #onClose(): void {
    clearTimeout(this.#authTimer);
    clearTimeout(this.#resumeTimer);
    this.#state = 'closed';
    if (this.session !== undefined) {
      this.context.policy.endSession(this.session);
      void this.#audit({ type: 'logoff', outcome: 'disconnected', operatorId: this.session.operatorId, ori: this.session.ori });
      this.session = undefined;
    }
    if (this.terminal !== undefined) this.context.directory.delete(this.terminal.mnemonic, this);
  }

  async #audit(event: Omit<SwitchAuditEvent, 'at' | 'terminal' | 'sourceAddress' | 'switchId'> & { terminal?: string }): Promise<void> {
    try {
      await this.context.audit.append({
        at: this.context.clock(), switchId: this.context.switchId, sourceAddress: this.sourceAddress,
        terminal: this.terminal?.mnemonic ?? '', ...event,
      });
    } catch (error) {
      this.context.log.error({ err: error, event: event.type }, 'audit append failed');
    }
  }
}

function identityOf(session: OperatorSession): MessageLogIdentity {
  return { operatorId: session.operatorId, ori: session.ori, terminal: session.terminal.mnemonic };
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}
