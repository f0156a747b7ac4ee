/**
 * A fake county switch for tests: a WebSocket server on 127.0.0.1 (port 0) speaking the
 * switch side of docs/protocol.md's terminal session, with scripted answers instead of
 * routing, audit and systems. Small on purpose: it knows terminals, operators (password,
 * optional TOTP, lock), the banner, heartbeats and logout; a transaction is answered by the
 * script for its message key. Tests push unsolicited frames, drop connections, and read
 * every frame the terminals sent.
 */
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import {
  CletsError, decodeFrame, encodeFrame, ERROR_CODES, matchTotp, rejectOf,
  type DecodedFrame, type ErrorCode, type Frame, type FrameKind, type Header, type LoginBanner, type LoginResult, type Transaction,
} from '@clets/protocol';
import { DEFAULT_SCRIPT, type ScriptStep, type TransactionScript } from './scripts.js';

export interface FakeOperator {
  readonly password: string;
  /** Base32 secret: the login asks for a TOTP code. */
  readonly totpSecret?: string;
  readonly ori?: string;
  readonly role?: string;
  /** Refuse every login with CLETS_ERR_ACCOUNT_LOCKED. */
  readonly locked?: boolean;
}

export interface FakeSwitchOptions {
  /** Registered terminals: mnemonic -> device secret. Default: T001 / 'device-secret-1'. */
  readonly terminals?: Readonly<Record<string, string>>;
  /** Operators: id -> credentials. Default: OP1 / 'correct horse 1'. */
  readonly operators?: Readonly<Record<string, FakeOperator>>;
  readonly banner?: LoginBanner;
  /** Clock for TOTP checks and stamps (epoch ms). */
  readonly clock?: () => number;
  /** Answers by message key; '*' answers any other key. Default: NCIC no record. */
  readonly scripts?: Readonly<Record<string, TransactionScript>>;
  /** Answer heartbeats (default true). False plays a switch that hung. */
  readonly answerHeartbeats?: boolean;
  /** Frames delivered to every terminal right after its login (stored traffic). */
  readonly storedTraffic?: readonly Frame[];
  /** Overrides the answer to an OperatorLogin: return a LoginResult to send it instead. */
  readonly onLogin?: (login: { operatorId: string; password: string }) => LoginResult | undefined;
  readonly maxFrameBytes?: number;
}

export const FAKE_TERMINAL = { mnemonic: 'T001', deviceSecret: 'device-secret-1', ori: 'CA0194200' } as const;
export const FAKE_OPERATOR = { operatorId: 'OP1', password: 'correct horse 1' } as const;
export const FAKE_BANNER: LoginBanner = {
  bannerId: 'banner-1',
  statements: [
    'You are accessing a restricted criminal-justice information system.',
    'Use is monitored and audited.',
    'Unauthorised use is prohibited and punishable.',
    'Use of this system means consent to monitoring.',
  ],
  text: 'RESTRICTED SYSTEM - AUTHORISED CRIMINAL JUSTICE USE ONLY',
};

type SessionState = 'hello' | 'banner' | 'login' | 'second-factor' | 'ready';

/** One terminal connection, as the fake switch sees it. */
export interface FakeSession {
  readonly socket: WebSocket;
  mnemonic: string;
  operatorId: string;
  state: SessionState;
}

export interface ReceivedByFake {
  readonly mnemonic: string;
  readonly frame: DecodedFrame & { body: FrameKind };
}

export class FakeSwitch {
  /** Every frame the terminals sent, in order. */
  readonly received: ReceivedByFake[] = [];
  /** Successful logins so far. */
  logins = 0;
  readonly #sessions = new Set<FakeSession>();
  readonly #watchers = new Set<(received: ReceivedByFake) => boolean>();
  readonly #usedTotpSteps = new Map<string, number>();
  #inputSeq = 0;

  private constructor(private readonly server: WebSocketServer, private readonly options: FakeSwitchOptions) {
    server.on('connection', (socket) => this.#accept(socket));
  }

  /** Starts a fake switch on 127.0.0.1 and a free port. */
  static async start(options: FakeSwitchOptions = {}): Promise<FakeSwitch> {
    const server = new WebSocketServer({
      host: '127.0.0.1', port: 0, perMessageDeflate: false, maxPayload: options.maxFrameBytes ?? 64 * 1024,
    });
    await new Promise<void>((resolve, reject) => {
      server.once('listening', resolve);
      server.once('error', reject);
    });
    return new FakeSwitch(server, options);
  }

  get url(): string {
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('fake switch is not listening on a TCP port');
    return `ws://127.0.0.1:${address.port}`;
  }

  /** Sessions with an operator logged in. */
  get sessions(): FakeSession[] {
    return [...this.#sessions].filter((session) => session.state === 'ready');
  }

  /** Sends a frame to every logged-in terminal, or to one; returns how many got it. */
  push(frame: Frame, mnemonic?: string): number {
    let count = 0;
    for (const session of this.sessions) {
      if (mnemonic !== undefined && session.mnemonic !== mnemonic) continue;
      if (send(session.socket, frame)) count += 1;
    }
    return count;
  }

  /** The next frame of `kind` a terminal sends (`received` holds the earlier ones). */
  nextFrame<K extends FrameKind>(kind: K, timeoutMs = 5_000): Promise<ReceivedByFake> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#watchers.delete(watcher);
        reject(new Error(`fake switch: no ${kind} within ${timeoutMs} ms`));
      }, timeoutMs);
      const watcher = (received: ReceivedByFake): boolean => {
        if (received.frame.body !== kind) return false;
        clearTimeout(timer);
        resolve(received);
        return true;
      };
      this.#watchers.add(watcher);
    });
  }

  /** Drops every connection without a closing handshake (the client sees 1006). */
  dropAll(): void {
    for (const session of this.#sessions) session.socket.terminate();
  }

  /** Closes every connection with a close code (1001 shutting down, 4016 superseded...). */
  closeAll(code: number, reason = ''): void {
    for (const session of this.#sessions) session.socket.close(code, reason);
  }

  async close(): Promise<void> {
    this.dropAll();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // --- one connection ------------------------------------------------------------------------

  #accept(socket: WebSocket): void {
    const session: FakeSession = { socket, mnemonic: '', operatorId: '', state: 'hello' };
    this.#sessions.add(session);
    socket.on('close', () => this.#sessions.delete(session));
    socket.on('error', () => undefined);
    socket.on('message', (data, isBinary) => {
      if (!isBinary) {
        sendReject(socket, 'CLETS_ERR_TEXT_FRAME');
        return;
      }
      let frame: DecodedFrame & { body: FrameKind };
      try {
        frame = decodeFrame(toBytes(data));
      } catch (error) {
        sendReject(socket, error instanceof CletsError ? error.code : 'CLETS_ERR_FRAME_MALFORMED');
        return;
      }
      const received = { mnemonic: session.mnemonic, frame };
      this.received.push(received);
      for (const watcher of this.#watchers) if (watcher(received)) this.#watchers.delete(watcher);
      this.#handle(session, frame);
    });
  }

  #handle(session: FakeSession, frame: DecodedFrame & { body: FrameKind }): void {
    const { socket } = session;
    switch (frame.body) {
      case 'terminalHello': {
        if (session.state !== 'hello') return sendReject(socket, 'CLETS_ERR_FRAME_UNEXPECTED');
        const hello = frame.terminalHello!;
        const terminals = this.options.terminals ?? { [FAKE_TERMINAL.mnemonic]: FAKE_TERMINAL.deviceSecret };
        const secret = terminals[hello.mnemonic ?? ''];
        if (secret === undefined || secret !== hello.deviceSecret) {
          const code: ErrorCode = secret === undefined ? 'CLETS_ERR_TERMINAL_UNKNOWN' : 'CLETS_ERR_TERMINAL_CREDENTIAL';
          sendReject(socket, code);
          socket.close(4001, code);
          return;
        }
        session.mnemonic = hello.mnemonic ?? '';
        session.state = 'banner';
        send(socket, { loginBanner: this.options.banner ?? FAKE_BANNER });
        return;
      }
      case 'bannerAck': {
        if (session.state !== 'banner') return sendReject(socket, 'CLETS_ERR_FRAME_UNEXPECTED');
        const expected = (this.options.banner ?? FAKE_BANNER).bannerId ?? '';
        if ((frame.bannerAck?.bannerId ?? '') !== expected) return this.#refuseLogin(session, 'CLETS_ERR_BANNER_NOT_ACKNOWLEDGED');
        session.state = 'login';
        return;
      }
      case 'operatorLogin': return this.#onLogin(session, frame.operatorLogin?.operatorId ?? '', frame.operatorLogin?.password ?? '');
      case 'secondFactorAnswer': return this.#onSecondFactor(session, frame.secondFactorAnswer?.code ?? '');
      case 'transaction': return this.#onTransaction(session, frame.transaction!);
      case 'heartbeat':
        if (!frame.heartbeat?.reply && this.options.answerHeartbeats !== false) {
          send(socket, { heartbeat: { nonce: frame.heartbeat?.nonce ?? 0, sentAtMs: this.#now(), reply: true } });
        }
        return;
      case 'logout':
        session.state = 'hello';
        socket.close(ERROR_CODES.CLETS_ERR_LOGGED_OUT.close, 'logged out');
        return;
      default:
        return sendReject(socket, 'CLETS_ERR_FRAME_UNEXPECTED');
    }
  }

  #onLogin(session: FakeSession, operatorId: string, password: string): void {
    if (session.state === 'banner') return this.#refuseLogin(session, 'CLETS_ERR_BANNER_NOT_ACKNOWLEDGED');
    if (session.state !== 'login') return sendReject(session.socket, 'CLETS_ERR_FRAME_UNEXPECTED');
    const override = this.options.onLogin?.({ operatorId, password });
    if (override !== undefined) {
      if (override.ok) return this.#loggedIn(session, operatorId);
      send(session.socket, { loginResult: override });
      return;
    }
    const operator = this.#operators()[operatorId];
    if (operator === undefined || operator.password !== password) return this.#refuseLogin(session, 'CLETS_ERR_LOGIN_FAILED');
    if (operator.locked) return this.#refuseLogin(session, 'CLETS_ERR_ACCOUNT_LOCKED');
    session.operatorId = operatorId;
    if (operator.totpSecret !== undefined) {
      session.state = 'second-factor';
      send(session.socket, { secondFactorChallenge: { method: 'TOTP' } });
      return;
    }
    this.#loggedIn(session, operatorId);
  }

  #onSecondFactor(session: FakeSession, code: string): void {
    if (session.state !== 'second-factor') return sendReject(session.socket, 'CLETS_ERR_FRAME_UNEXPECTED');
    const secret = this.#operators()[session.operatorId]?.totpSecret ?? '';
    const step = matchTotp(secret, code, this.#now());
    session.state = 'login';
    if (step === undefined) return this.#refuseLogin(session, 'CLETS_ERR_SECOND_FACTOR_INVALID');
    // Each code is accepted once (CJIS AAL2 replay resistance).
    if (step <= (this.#usedTotpSteps.get(session.operatorId) ?? -1)) return this.#refuseLogin(session, 'CLETS_ERR_SECOND_FACTOR_REPLAYED');
    this.#usedTotpSteps.set(session.operatorId, step);
    this.#loggedIn(session, session.operatorId);
  }

  #loggedIn(session: FakeSession, operatorId: string): void {
    const operator = this.#operators()[operatorId];
    const stored = this.options.storedTraffic ?? [];
    session.operatorId = operatorId;
    session.state = 'ready';
    this.logins += 1;
    send(session.socket, {
      loginResult: {
        ok: true, operatorId, ori: operator?.ori ?? FAKE_TERMINAL.ori, terminal: session.mnemonic, role: operator?.role ?? 'FAO',
        sessionId: `fake-session-${this.logins}`, reauthenticateAtMs: this.#now() + 12 * 3600_000, messagesWaiting: stored.length,
      },
    });
    for (const frame of stored) send(session.socket, frame);
  }

  #refuseLogin(session: FakeSession, code: ErrorCode): void {
    send(session.socket, { loginResult: { ok: false, code, reason: ERROR_CODES[code].message } });
  }

  #onTransaction(session: FakeSession, transaction: Transaction): void {
    if (session.state !== 'ready') {
      send(session.socket, { reject: rejectOf(new CletsError('CLETS_ERR_NOT_LOGGED_IN'), { header: replyHeader(transaction.header ?? {}) }) });
      return;
    }
    const inputSeq = ++this.#inputSeq;
    const key = messageKeyOf(transaction);
    const header: Header = {
      ...replyHeader(transaction.header ?? {}), messageKey: key, terminal: session.mnemonic, operatorId: session.operatorId,
      inputSeq, receivedAtMs: this.#now(),
    };
    const script = this.options.scripts?.[key] ?? this.options.scripts?.['*'] ?? DEFAULT_SCRIPT;
    const steps = typeof script === 'function' ? script(transaction, { mnemonic: session.mnemonic, inputSeq }) : script;
    void this.#play(session.socket, header, steps);
  }

  /** Sends a script's steps in order, each after its delay. */
  async #play(socket: WebSocket, header: Header, steps: readonly ScriptStep[]): Promise<void> {
    const answered: string[] = [];
    const failed: string[] = [];
    let accepted = false;
    for (const step of steps) {
      if (step.delayMs) await new Promise((resolve) => setTimeout(resolve, step.delayMs));
      if (step.kind === 'frame') {
        send(socket, step.frame);
        continue;
      }
      const stepHeader = step.clientMessageId === undefined ? header : { ...header, clientMessageId: step.clientMessageId };
      switch (step.kind) {
        case 'receipt':
          accepted = true;
          send(socket, { receipt: { header: stepHeader } });
          break;
        case 'queued':
          send(socket, { queuedNotice: { header: stepHeader, system: step.system, expiresAtMs: step.expiresAtMs ?? this.#now() + 3600_000, text: step.text ?? '' } });
          break;
        case 'response':
          answered.push(step.system);
          send(socket, {
            response: {
              header: stepHeader, system: step.system, responseKey: step.responseKey ?? header.messageKey ?? '',
              status: step.status ?? 1, text: step.text ?? '', records: [...(step.records ?? [])],
            },
          });
          break;
        case 'reject':
          if (accepted && step.system) failed.push(step.system);
          send(socket, {
            // A script may give the reason a switch would write; the codes come from the table.
            reject: {
              ...rejectOf(new CletsError(step.code, undefined, { ...(step.field ? { field: step.field } : {}) }), { header: stepHeader, system: step.system ?? '' }),
              ...(step.reason !== undefined ? { reason: step.reason } : {}),
            },
          });
          break;
        case 'completion':
          send(socket, { completion: { header: stepHeader, answered: [...(step.answered ?? answered)], failed: [...(step.failed ?? failed)], inputSeq: header.inputSeq ?? 0 } });
          break;
      }
    }
  }

  #operators(): Readonly<Record<string, FakeOperator>> {
    return this.options.operators ?? { [FAKE_OPERATOR.operatorId]: { password: FAKE_OPERATOR.password } };
  }

  #now(): number {
    return (this.options.clock ?? Date.now)();
  }
}

/** The header fields echoed in every answer: correlation and the control field. */
function replyHeader(header: Header): Header {
  return { clientMessageId: header.clientMessageId ?? '', control: header.control ?? '', messageKey: header.messageKey ?? '', ori: header.ori || FAKE_TERMINAL.ori };
}

/** The message key of a transaction: its header's, or the first segment of its text line. */
function messageKeyOf(transaction: Transaction): string {
  if (transaction.header?.messageKey) return transaction.header.messageKey;
  return (transaction.text ?? '').split('.')[0]?.trim().toUpperCase() ?? '';
}

function send(socket: WebSocket, frame: Frame): boolean {
  if (socket.readyState !== socket.OPEN) return false;
  socket.send(encodeFrame(frame, { maxFrameBytes: Number.MAX_SAFE_INTEGER }), { binary: true });
  return true;
}

function sendReject(socket: WebSocket, code: ErrorCode): void {
  send(socket, { reject: rejectOf(new CletsError(code)) });
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}
