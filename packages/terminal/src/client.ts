/**
 * TerminalClient: the terminal side of the session protocol (docs/protocol.md, "Terminal
 * session") over one WebSocket to a county switch. Connect and read the banner, log in
 * (banner acknowledgement, password, TOTP), then any number of transactions in flight at
 * once, each correlated by its client message id; unsolicited traffic as typed events;
 * heartbeats both ways; reconnect with backoff.
 *
 * The operator CLI, the demo, the end-to-end tests and the benchmark all sit on this class.
 */
import {
  CletsError, HeartbeatMonitor, PROTOCOL_VERSION, ReconnectBackoff, systemClock, toCletsError,
  type Frame, type Heartbeat, type LoginBanner, type LoginResult, type Reject,
} from '@clets/protocol';
import type { TerminalClientEvents } from './events.js';
import { FrameSocket } from './frame-socket.js';
import { FrameWaiter, type ReceivedFrame } from './frame-waiter.js';
import { InFlightTransactions, type Answer } from './in-flight.js';
import { resolveOptions, type ClientSecrets, type ClientSettings, type TerminalClientOptions } from './options.js';
import { SecretRedactor } from './redact.js';
import { SecondFactorAnswerer, type SecondFactorMeans, type SecondFactorProvider } from './second-factor.js';
import { MessageIdSource, prepareTransaction, type TransactionInput } from './transaction-input.js';
import { isHit, type CompletedTransaction, type TransactionProgress, type TransactionResult } from './transaction-result.js';
import { TypedEmitter } from './typed-emitter.js';
import { errorFromClose, errorFromLoginResult, errorFromReject, isRetryable } from './wire-errors.js';

/**
 * idle: no connection. connecting: opening, waiting for the banner. banner: the banner is
 * shown, no operator logged in. logging-in: a login exchange is under way. ready: an
 * operator is logged in. closed: close() was called; the client is done.
 */
export type ClientState = 'idle' | 'connecting' | 'banner' | 'logging-in' | 'ready' | 'closed';

export interface LoginCredentials {
  /** Defaults to the client's `operatorId` option. */
  readonly operatorId?: string;
  /** Defaults to the client's `password` option. */
  readonly password?: string;
  /** Send BannerAck first (default true). False shows the switch refusing the login. */
  readonly acknowledgeBanner?: boolean;
  readonly totpSecret?: string;
  readonly secondFactor?: SecondFactorProvider;
}

export interface SendOptions {
  /** The operator's control field (default: generated for structured transactions). */
  readonly control?: string;
  /** Reuse an id: a resend after a dropped connection is answered from the switch's memory. */
  readonly clientMessageId?: string;
  /** Deadline for the Completion (default: the client's requestTimeoutMs). */
  readonly timeoutMs?: number;
  /** Called for each answer as it arrives, before the result resolves. */
  readonly onProgress?: (progress: TransactionProgress) => void;
}

export interface TerminalClientStats {
  /** Transactions written. */
  sent: number;
  /** Ended by a Completion. */
  completed: number;
  /** Ended by a transaction-level Reject. */
  rejected: number;
  /** Gave up at the deadline. */
  timedOut: number;
  /** Failed otherwise: connection lost or closed, write failed. */
  failed: number;
  /** Answers whose client message id matched nothing in flight. */
  uncorrelated: number;
  /** Answers that came after their request's deadline. */
  late: number;
  /** Messages from the switch that were not decodable frames. */
  malformed: number;
  /** Rejects naming no transaction. */
  sessionRejects: number;
  /** Frames that fit no exchange (a LoginResult outside a login, a link frame). */
  unexpected: number;
  /** Heartbeats from the switch answered. */
  heartbeatsAnswered: number;
  /** Successful reconnects. */
  reconnects: number;
}

interface StoredLogin {
  readonly operatorId: string;
  readonly password: string;
  readonly means: SecondFactorMeans;
}

export class TerminalClient extends TypedEmitter<TerminalClientEvents> {
  readonly stats: TerminalClientStats = {
    sent: 0, completed: 0, rejected: 0, timedOut: 0, failed: 0, uncorrelated: 0, late: 0, malformed: 0,
    sessionRejects: 0, unexpected: 0, heartbeatsAnswered: 0, reconnects: 0,
  };

  readonly #settings: ClientSettings;
  readonly #secrets: ClientSecrets;
  readonly #redactor = new SecretRedactor();
  readonly #ids: MessageIdSource;
  readonly #inFlight = new InFlightTransactions();
  readonly #waiter = new FrameWaiter();
  readonly #answerer: SecondFactorAnswerer;
  readonly #heartbeat: HeartbeatMonitor | undefined;

  #state: ClientState = 'idle';
  #socket: FrameSocket | undefined;
  /** Bumped whenever a connection ends, so a late event of an old socket is ignored. */
  #generation = 0;
  #banner: LoginBanner | undefined;
  #bannerAcknowledged = false;
  #session: LoginResult | undefined;
  /** Credentials of the last successful login, for logging in again after a reconnect. */
  #storedLogin: StoredLogin | undefined;
  /** Set when this side ends the connection (logout, close): the reason, and no reconnect. */
  #closing: CletsError | undefined;
  #onDisconnect: (() => void)[] = [];
  #reconnecting = false;
  #wakeReconnect: (() => void) | undefined;
  #closePromise: Promise<void> | undefined;

  constructor(options: TerminalClientOptions) {
    super();
    const { settings, secrets } = resolveOptions(options);
    this.#settings = settings;
    this.#secrets = secrets;
    for (const secret of [secrets.deviceSecret, secrets.password, secrets.totpSecret]) this.#redactor.add(secret);
    this.#ids = new MessageIdSource(settings.mnemonic);
    this.#answerer = new SecondFactorAnswerer(settings.clock);
    if (settings.heartbeatIntervalMs !== undefined) {
      // Two silent intervals mean a dead switch (a half-open connection can look alive for minutes).
      this.#heartbeat = new HeartbeatMonitor(systemClock, settings.heartbeatIntervalMs, 2 * settings.heartbeatIntervalMs, {
        beat: (nonce) => {
          try {
            this.#write({ heartbeat: { nonce, sentAtMs: settings.clock(), reply: false } });
          } catch {
            // Not connected: the monitor is stopped with the connection.
          }
        },
        silent: (silentForMs) => {
          const error = new CletsError('CLETS_ERR_SYSTEM_TIMEOUT', `the switch did not answer heartbeats for ${silentForMs} ms`);
          this.emit('error', error);
          this.#dropConnection(error, { code: 1006, reason: 'heartbeat timeout', terminate: true });
        },
      });
    }
  }

  get state(): ClientState {
    return this.#state;
  }

  /** The login banner of the current connection (shown until acknowledged: CJIS system use notification). */
  get banner(): LoginBanner | undefined {
    return this.#banner;
  }

  /** The LoginResult of the logged-in operator, while logged in. */
  get session(): LoginResult | undefined {
    return this.#session;
  }

  get mnemonic(): string {
    return this.#settings.mnemonic;
  }

  /** Transactions waiting for their Completion. */
  get inFlight(): number {
    return this.#inFlight.size;
  }

  /** Bytes queued in the socket, not yet sent: a caller pacing its window watches this. */
  get bufferedAmount(): number {
    return this.#socket?.bufferedAmount ?? 0;
  }

  /**
   * Opens the connection, sends TerminalHello and resolves with the LoginBanner. Rejects
   * with the switch's code when it refuses the terminal (CLETS_ERR_TERMINAL_UNKNOWN...),
   * CLETS_ERR_SYSTEM_UNAVAILABLE when it cannot be reached.
   */
  async connect(): Promise<LoginBanner> {
    if (this.#state !== 'idle') throw this.#wrongState('connect()');
    return this.#connect();
  }

  /**
   * Logs an operator in on a connected session: BannerAck, OperatorLogin, the second factor
   * when asked. Resolves with the LoginResult; a refusal rejects with its code
   * (CLETS_ERR_LOGIN_FAILED, CLETS_ERR_ACCOUNT_LOCKED, CLETS_ERR_SECOND_FACTOR_INVALID...).
   */
  async login(credentials: LoginCredentials = {}): Promise<LoginResult> {
    if (this.#state !== 'banner') throw this.#wrongState('login()');
    const operatorId = credentials.operatorId ?? this.#settings.operatorId;
    const password = credentials.password ?? this.#secrets.password;
    if (!operatorId || !password) throw new CletsError('CLETS_ERR_REQUEST_INVALID', 'login needs an operator id and a password');
    const means: SecondFactorMeans = credentials.secondFactor !== undefined || credentials.totpSecret !== undefined
      ? { totpSecret: credentials.totpSecret, provider: credentials.secondFactor }
      : { totpSecret: this.#secrets.totpSecret, provider: this.#secrets.secondFactor };
    this.#redactor.add(password);
    this.#redactor.add(means.totpSecret);
    const stored: StoredLogin = { operatorId, password, means };
    const result = await this.#login(stored, credentials.acknowledgeBanner ?? true);
    this.#storedLogin = stored;
    return result;
  }

  /** connect() then login(). */
  async open(credentials: LoginCredentials = {}): Promise<LoginResult> {
    await this.connect();
    return this.login(credentials);
  }

  /**
   * Sends a transaction (structured, or a mnemonic line) and resolves when it is over: on its
   * Completion, or on a Reject before any Receipt (`outcome: 'rejected'`; not a throw, the
   * caller decides). Rejects with CLETS_ERR_NOT_LOGGED_IN when no operator is logged in,
   * CLETS_ERR_SYSTEM_TIMEOUT when no Completion comes by the deadline, and the connection's
   * error when it is lost first. Never waits for the socket to drain.
   */
  async send(input: TransactionInput, options: SendOptions = {}): Promise<TransactionResult> {
    const socket = this.#socket;
    if (this.#state !== 'ready' || socket === undefined) {
      throw new CletsError('CLETS_ERR_NOT_LOGGED_IN', `cannot send: the client is ${this.#state}`);
    }
    const transaction = prepareTransaction(input, this.#ids, options);
    const id = transaction.header?.clientMessageId ?? '';
    const result = this.#inFlight.track(transaction, { timeoutMs: options.timeoutMs ?? this.#settings.requestTimeoutMs, onProgress: options.onProgress });
    try {
      socket.write({ transaction });
      this.stats.sent += 1;
    } catch (error) {
      this.#inFlight.fail(id, toCletsError(error));
    }
    return result.then(
      (outcome) => {
        this.stats[outcome.outcome] += 1;
        return outcome;
      },
      (error: unknown) => {
        const failure = toCletsError(error);
        if (failure.code === 'CLETS_ERR_SYSTEM_TIMEOUT') this.stats.timedOut += 1;
        else this.stats.failed += 1;
        throw failure;
      },
    );
  }

  /** send(), but a transaction-level Reject is thrown as a CletsError with its code. */
  async sendOrThrow(input: TransactionInput, options: SendOptions = {}): Promise<CompletedTransaction> {
    const result = await this.send(input, options);
    if (result.outcome === 'rejected') throw errorFromReject(this.#redactReject(result.rejected));
    return result;
  }

  /**
   * Logs the operator out: the switch closes the connection (4017). Requests in flight fail
   * with CLETS_ERR_LOGGED_OUT. The stored credentials are forgotten: no reconnect follows.
   */
  async logout(reason = 'operator logout'): Promise<void> {
    const socket = this.#socket;
    this.#storedLogin = undefined;
    if (socket === undefined || this.#state === 'closed') return;
    this.#closing = new CletsError('CLETS_ERR_LOGGED_OUT', `${reason}; a transaction in flight may still have been processed by the switch`);
    const gone = this.#whenDisconnected();
    try {
      socket.write({ logout: { reason } });
    } catch {
      // Already closing: the disconnect below happens either way.
    }
    if (!(await gone)) this.#dropConnection(this.#closing, { code: 1000, reason: 'logout', terminate: false });
  }

  /**
   * Ends the client: stops reconnecting, closes the connection, fails every request in
   * flight (CLETS_ERR_LOGGED_OUT, "the terminal client was closed"). Idempotent.
   */
  close(): Promise<void> {
    this.#closePromise ??= this.#close();
    return this.#closePromise;
  }

  async #close(): Promise<void> {
    this.#state = 'closed';
    this.#storedLogin = undefined;
    this.#wakeReconnect?.();
    this.#closing ??= new CletsError('CLETS_ERR_LOGGED_OUT', 'the terminal client was closed; a transaction in flight may still have been processed by the switch');
    const socket = this.#socket;
    if (socket === undefined) {
      this.#waiter.failAll(this.#closing);
      this.#inFlight.abandonAll(this.#closing);
      return;
    }
    const gone = this.#whenDisconnected();
    socket.close(1000, 'terminal client closed');
    if (!(await gone)) this.#dropConnection(this.#closing, { code: 1000, reason: 'terminal client closed', terminate: true });
  }

  // --- connection ----------------------------------------------------------------------------

  async #connect(): Promise<LoginBanner> {
    this.#state = 'connecting';
    this.#closing = undefined;
    this.#banner = undefined;
    this.#bannerAcknowledged = false;
    const generation = ++this.#generation;
    let socket: FrameSocket;
    try {
      socket = await FrameSocket.open({
        url: this.#settings.url,
        maxFrameBytes: this.#settings.maxFrameBytes,
        maxReceivedFrameBytes: this.#settings.maxReceivedFrameBytes,
        openTimeoutMs: this.#settings.requestTimeoutMs,
        tls: this.#settings.tls,
      }, {
        frame: (frame) => {
          if (generation === this.#generation) this.#onFrame(frame);
        },
        malformed: (error) => {
          if (generation !== this.#generation) return;
          this.stats.malformed += 1;
          this.emit('error', error);
        },
        close: (code, reason) => {
          if (generation !== this.#generation) return;
          this.#generation += 1;
          this.#disconnected(this.#closing ?? errorFromClose(code, this.#redactor.redact(reason)), code, reason);
        },
      });
    } catch (error) {
      if (this.#state === 'connecting') this.#state = 'idle';
      throw toCletsError(error);
    }
    if (this.#isClosed() || generation !== this.#generation) {
      socket.terminate();
      throw this.#closing ?? new CletsError('CLETS_ERR_LOGGED_OUT', 'the terminal client was closed');
    }
    this.#socket = socket;
    this.#heartbeat?.start();
    try {
      const frame = await this.#exchange(
        { terminalHello: { mnemonic: this.#settings.mnemonic, deviceSecret: this.#secrets.deviceSecret, client: this.#settings.client, protocolVersion: PROTOCOL_VERSION } },
        (received) => received.body === 'loginBanner' || isSessionReject(received),
        'login banner',
      );
      if (frame.body === 'reject') throw errorFromReject(this.#redactReject(frame.reject!));
      this.#banner = frame.loginBanner!;
      this.#state = 'banner';
      return this.#banner;
    } catch (error) {
      const failure = toCletsError(error);
      if (generation === this.#generation) this.#dropConnection(failure, { code: 1000, reason: 'connect failed', terminate: false });
      throw failure;
    }
  }

  async #login(login: StoredLogin, acknowledgeBanner: boolean): Promise<LoginResult> {
    this.#state = 'logging-in';
    const answers = (frame: ReceivedFrame): boolean => frame.body === 'loginResult' || isSessionReject(frame);
    try {
      if (acknowledgeBanner && !this.#bannerAcknowledged) {
        // CJIS system use notification: login is refused until the banner is acknowledged.
        this.#write({ bannerAck: { bannerId: this.#banner?.bannerId ?? '' } });
        this.#bannerAcknowledged = true;
      }
      let frame = await this.#exchange(
        { operatorLogin: { operatorId: login.operatorId, password: login.password } },
        (received) => received.body === 'secondFactorChallenge' || answers(received),
        'login result',
      );
      if (frame.body === 'secondFactorChallenge') {
        const code = await this.#answerer.answer(frame.secondFactorChallenge?.method || 'TOTP', login.means);
        frame = await this.#exchange({ secondFactorAnswer: { code } }, answers, 'login result');
      }
      if (frame.body === 'reject') throw errorFromReject(this.#redactReject(frame.reject!));
      const result = frame.loginResult!;
      if (!result.ok) throw errorFromLoginResult({ ...result, reason: this.#redactor.redact(result.reason ?? '') });
      this.#session = result;
      this.#state = 'ready';
      return result;
    } catch (error) {
      if (this.#state === 'logging-in') this.#state = 'banner';
      throw toCletsError(error);
    }
  }

  /** Writes a frame, then waits for the answer `accepts` takes. */
  #exchange(frame: Frame, accepts: (frame: ReceivedFrame) => boolean, what: string): Promise<ReceivedFrame> {
    this.#write(frame);
    return this.#waiter.wait(accepts, this.#settings.requestTimeoutMs, what);
  }

  #write(frame: Frame): void {
    const socket = this.#socket;
    if (socket === undefined) throw new CletsError('CLETS_ERR_SYSTEM_UNAVAILABLE', 'not connected to the switch');
    socket.write(frame);
  }

  // --- incoming frames: one handler per kind, one exhaustive switch ------------------------

  #onFrame(frame: ReceivedFrame): void {
    this.#heartbeat?.heard();
    if (this.#waiter.offer(frame)) return;
    switch (frame.body) {
      case 'heartbeat': return this.#onHeartbeat(frame.heartbeat!);
      case 'receipt': return this.#onAnswer({ kind: 'receipt', body: frame.receipt! }, frame);
      case 'queuedNotice': return this.#onAnswer({ kind: 'queuedNotice', body: frame.queuedNotice! }, frame);
      case 'response': return this.#onAnswer({ kind: 'response', body: frame.response! }, frame);
      case 'completion': return this.#onAnswer({ kind: 'completion', body: frame.completion! }, frame);
      case 'reject': return this.#onReject(frame.reject!, frame);
      case 'adminMessage': this.emit('adminMessage', frame.adminMessage!); return;
      case 'statusMessage': this.emit('statusMessage', frame.statusMessage!); return;
      case 'hitConfirmationRequest': this.emit('hitConfirmationRequest', frame.hitConfirmationRequest!); return;
      case 'hitConfirmationResponse': this.emit('hitConfirmationResponse', frame.hitConfirmationResponse!); return;
      case 'deliveryReport': this.emit('deliveryReport', frame.deliveryReport!); return;
      // Handshake frames outside a login step (a second LoginResult), frames only a terminal
      // sends, and link frames: nothing here waits for them.
      case 'loginBanner':
      case 'secondFactorChallenge':
      case 'loginResult':
      case 'terminalHello':
      case 'bannerAck':
      case 'operatorLogin':
      case 'secondFactorAnswer':
      case 'logout':
      case 'transaction':
      case 'linkHello':
      case 'linkWelcome':
      case 'linkRequest':
      case 'linkReply':
        this.stats.unexpected += 1;
        this.emit('error', new CletsError('CLETS_ERR_FRAME_UNEXPECTED', `${frame.body} from the switch in state ${this.#state}`));
        return;
    }
  }

  #onHeartbeat(heartbeat: Heartbeat): void {
    if (heartbeat.reply) return;
    try {
      this.#write({ heartbeat: { nonce: heartbeat.nonce ?? 0, sentAtMs: this.#settings.clock(), reply: true } });
      this.stats.heartbeatsAnswered += 1;
    } catch {
      // The connection is going; its close event tells the caller.
    }
  }

  #onReject(reject: Reject, frame: ReceivedFrame): void {
    if (!reject.header?.clientMessageId) {
      this.stats.sessionRejects += 1;
      this.emit('sessionReject', this.#redactReject(reject));
      return;
    }
    this.#onAnswer({ kind: 'reject', body: reject }, frame);
  }

  #onAnswer(answer: Answer, frame: ReceivedFrame): void {
    const clientMessageId = answer.body.header?.clientMessageId ?? '';
    const outcome = this.#inFlight.deliver(answer);
    if (outcome !== 'correlated') {
      this.stats[outcome] += 1;
      this.emit(outcome, { kind: answer.kind, clientMessageId, frame });
    }
    if (answer.kind === 'response' && isHit(answer.body)) {
      this.emit('hit', { clientMessageId, correlated: outcome === 'correlated', response: answer.body });
    }
  }

  // --- the end of a connection, and reconnecting --------------------------------------------

  /** Ends the current connection from this side, at once; its socket's later events are ignored. */
  #dropConnection(error: CletsError, how: { code: number; reason: string; terminate: boolean }): void {
    const socket = this.#socket;
    this.#generation += 1;
    if (socket !== undefined) {
      if (how.terminate) socket.terminate();
      else socket.close(1000, how.reason);
    }
    this.#disconnected(error, how.code, how.reason);
  }

  #disconnected(error: CletsError, code: number, reason: string): void {
    this.#socket = undefined;
    this.#heartbeat?.stop();
    const wasReady = this.#state === 'ready';
    if (this.#state !== 'closed') this.#state = 'idle';
    this.#session = undefined;
    this.#waiter.failAll(error);
    this.#inFlight.abandonAll(error);
    const retry = this.#settings.reconnect.enabled && this.#closing === undefined && this.#storedLogin !== undefined
      && this.#state !== 'closed' && isRetryable(error);
    const willReconnect = retry && (wasReady || this.#reconnecting);
    this.emit('close', { code, reason: this.#redactor.redact(reason), error, willReconnect });
    for (const resolve of this.#onDisconnect.splice(0)) resolve();
    if (willReconnect && !this.#reconnecting) void this.#reconnect(error);
  }

  /** Resolves true when the current connection ends, false after the request deadline. */
  #whenDisconnected(): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), this.#settings.requestTimeoutMs);
      timer.unref();
      this.#onDisconnect.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  /**
   * Reconnects with exponential backoff and jitter, logging in again with the stored
   * credentials, until it succeeds, meets a failure that must not be retried (a refused
   * password), runs out of attempts, or close() is called.
   */
  async #reconnect(cause: CletsError): Promise<void> {
    this.#reconnecting = true;
    let lastError = cause;
    const backoff = new ReconnectBackoff(this.#settings.reconnect);
    try {
      for (let attempt = 1; ; attempt += 1) {
        if (attempt > this.#settings.reconnect.maxAttempts) {
          this.emit('error', new CletsError(lastError.code, `gave up reconnecting after ${attempt - 1} attempts`));
          return;
        }
        // A fresh one-time code is needed: the switch accepts each code once (replay resistance).
        const delayMs = Math.max(backoff.next(), this.#answerer.msUntilFreshCode());
        this.emit('reconnecting', { attempt, delayMs, error: lastError });
        await this.#sleep(delayMs);
        const login = this.#storedLogin;
        if (this.#state === 'closed' || login === undefined) return;
        try {
          await this.#connect();
          const result = await this.#login(login, true);
          this.stats.reconnects += 1;
          this.emit('reconnected', { attempt, login: result });
          return;
        } catch (error) {
          lastError = toCletsError(error);
          if (this.#isClosed()) return;
          if (this.#socket !== undefined) this.#dropConnection(lastError, { code: 1000, reason: 'login failed', terminate: false });
          if (!isRetryable(lastError)) {
            this.#storedLogin = undefined;
            this.emit('error', lastError);
            return;
          }
        }
      }
    } finally {
      this.#reconnecting = false;
    }
  }

  /** Not unref()'d: a reconnect the caller enabled is work that keeps the process up. */
  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.#wakeReconnect = undefined;
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.#wakeReconnect = wake;
    });
  }

  #redactReject(reject: Reject): Reject {
    return { ...reject, reason: this.#redactor.redact(reject.reason ?? ''), echo: this.#redactor.redact(reject.echo ?? '') };
  }

  /** A method, not a comparison, so the compiler does not narrow across awaits (close() runs meanwhile). */
  #isClosed(): boolean {
    return this.#state === 'closed';
  }

  #wrongState(call: string): CletsError {
    if (this.#state === 'closed') return new CletsError('CLETS_ERR_LOGGED_OUT', `${call}: the terminal client was closed`);
    return new CletsError('CLETS_ERR_FRAME_UNEXPECTED', `${call} is not allowed while the client is ${this.#state}`);
  }
}

/** A Reject that names no transaction: an answer to a session frame (hello, login). */
function isSessionReject(frame: ReceivedFrame): boolean {
  return frame.body === 'reject' && !frame.reject?.header?.clientMessageId;
}
