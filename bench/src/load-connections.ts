/**
 * The connections the load generator drives, behind one interface, so the same generator
 * core measures the switch (through the lean client or the TerminalClient library) and the
 * bare relay ceiling:
 *
 * - LeanTerminal: the session protocol on the @clets/protocol codec and a bare `ws` socket,
 *   writes coalesced per tick (cork, uncork on nextTick) as the switch does its own;
 * - TerminalClientConnection: the project's TerminalClient (zod options, in-flight tracker,
 *   progress callbacks), to show what the library costs per transaction.
 */
import WebSocket from 'ws';
import { decodeFrame, encodeFrame, PROTOCOL_VERSION, TOTP_STEP_SECONDS, totpCode, type DecodedFrame, type Frame, type FrameKind, type Transaction } from '@clets/protocol';
import { TerminalClient } from '@clets/terminal';
import type { AnswerKind, EchoedHeader } from './answer-checker.js';
import type { TerminalLogin } from './fixture-terminals.js';

export interface AnswerExtra {
  readonly system?: string | null;
  readonly answered?: readonly string[] | null;
}

export type AnswerHandler = (kind: AnswerKind, header: EchoedHeader | null | undefined, extra: AnswerExtra) => void;

export interface LoadConnection {
  /** Terminal mnemonic (unique within a run). */
  readonly name: string;
  /** The ORI its lines carry. */
  readonly ori: string;
  /** Sends one transaction (header with client message id and control already set). */
  send(transaction: Transaction): void;
  /** Where answers go: set once by the generator. */
  onAnswer(handler: AnswerHandler): void;
  close(): Promise<void>;
}

const ANSWER_KINDS: ReadonlySet<FrameKind> = new Set<FrameKind>(['receipt', 'queuedNotice', 'response', 'reject', 'completion']);

/** Offers an answer frame to the handler; false for frames that answer no transaction. */
export function dispatchAnswer(frame: DecodedFrame & { body: FrameKind }, handler: AnswerHandler): boolean {
  const kind = frame.body;
  if (!ANSWER_KINDS.has(kind)) return false;
  switch (kind) {
    case 'receipt': handler('receipt', frame.receipt?.header, {}); return true;
    case 'queuedNotice': handler('queuedNotice', frame.queuedNotice?.header, { system: frame.queuedNotice?.system }); return true;
    case 'response': handler('response', frame.response?.header, { system: frame.response?.system }); return true;
    case 'reject':
      // A Reject naming no transaction answers a session frame: not the generator's.
      if (!frame.reject?.header?.clientMessageId) return false;
      handler('reject', frame.reject.header, { system: frame.reject.system });
      return true;
    case 'completion': handler('completion', frame.completion?.header, { answered: frame.completion?.answered }); return true;
    default: return false;
  }
}

interface CorkableSocket {
  cork(): void;
  uncork(): void;
}

/** A bare socket speaking frames: the lean terminal, and the relay ceiling's client. */
export class FrameConnection {
  /** Messages that did not decode as frames. */
  malformed = 0;
  /** Traffic counters: the relay ceiling copies the switch's frame sizes from them. */
  readonly traffic = { framesSent: 0, bytesSent: 0, framesReceived: 0, bytesReceived: 0 };
  #handler: ((frame: DecodedFrame & { body: FrameKind }) => void) | undefined;
  #corked = false;
  readonly #closed: Promise<void>;

  private constructor(readonly socket: WebSocket, private readonly cork: boolean) {
    this.#closed = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.on('message', (data) => {
      const bytes = toBytes(data);
      this.traffic.framesReceived += 1;
      this.traffic.bytesReceived += bytes.length;
      let frame: DecodedFrame & { body: FrameKind };
      try {
        frame = decodeFrame(bytes, { maxFrameBytes: Number.MAX_SAFE_INTEGER });
      } catch {
        this.malformed += 1;
        return;
      }
      this.#handler?.(frame);
    });
    socket.on('error', () => undefined);
  }

  static open(url: string, options: { cork?: boolean; timeoutMs?: number } = {}): Promise<FrameConnection> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: options.timeoutMs ?? 10_000 });
      socket.binaryType = 'nodebuffer';
      socket.once('open', () => resolve(new FrameConnection(socket, options.cork ?? true)));
      socket.once('error', reject);
    });
  }

  onFrame(handler: (frame: DecodedFrame & { body: FrameKind }) => void): void {
    this.#handler = handler;
  }

  write(frame: Frame): void {
    this.writeBytes(encodeFrame(frame, { maxFrameBytes: Number.MAX_SAFE_INTEGER }));
  }

  writeBytes(bytes: Uint8Array): void {
    if (this.cork && !this.#corked) {
      const raw = (this.socket as unknown as { _socket?: CorkableSocket })._socket;
      if (raw !== undefined) {
        this.#corked = true;
        raw.cork();
        process.nextTick(() => {
          this.#corked = false;
          raw.uncork();
        });
      }
    }
    this.socket.send(bytes, { binary: true });
    this.traffic.framesSent += 1;
    this.traffic.bytesSent += bytes.length;
  }

  /** Waits for the next frame `accepts` takes (handshake steps only), within a deadline. */
  next(accepts: (frame: DecodedFrame & { body: FrameKind }) => boolean, what: string, timeoutMs = 30_000): Promise<DecodedFrame & { body: FrameKind }> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${what} within ${timeoutMs} ms`)), timeoutMs);
      this.onFrame((frame) => {
        if (!accepts(frame)) return;
        clearTimeout(timer);
        this.#handler = undefined;
        resolve(frame);
      });
    });
  }

  close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    this.socket.close(1000, 'bench done');
    const timer = setTimeout(() => this.socket.terminate(), 2_000);
    return this.#closed.then(() => clearTimeout(timer));
  }

  terminate(): void {
    this.socket.terminate();
  }
}

/**
 * One-time codes for repeated logins of the same operators against one switch. The switch
 * accepts each TOTP time step once per operator (replay resistance) and a code of the next
 * step within its drift window (one step by default); a benchmark that logs the same
 * operator in again within 30 s uses the next step, and waits only when both are spent.
 * One instance per switch (a new switch has seen no code).
 */
export class TotpCodes {
  readonly #lastStep = new Map<string, number>();

  constructor(private readonly clock: () => number = Date.now, private readonly windowSteps = 1) {}

  async next(operatorId: string, secret: string): Promise<string> {
    for (let attempt = 0; attempt < 4; attempt++) {
      const now = this.clock();
      const step = Math.floor(now / 1000 / TOTP_STEP_SECONDS);
      const last = this.#lastStep.get(operatorId) ?? Number.NEGATIVE_INFINITY;
      for (let candidate = step; candidate <= step + this.windowSteps; candidate++) {
        if (candidate <= last) continue;
        this.#lastStep.set(operatorId, candidate);
        return totpCode(secret, candidate * TOTP_STEP_SECONDS * 1000);
      }
      await new Promise((resolve) => setTimeout(resolve, (step + 1) * TOTP_STEP_SECONDS * 1000 - now + 50));
    }
    throw new Error(`no fresh TOTP code for ${operatorId}`);
  }
}

/** Terminal session over a bare socket and the codec: hello, banner, login (TOTP when asked). */
export class LeanTerminal implements LoadConnection {
  readonly name: string;
  readonly ori: string;

  private constructor(readonly connection: FrameConnection, login: TerminalLogin) {
    this.name = login.mnemonic;
    this.ori = login.ori;
  }

  static async open(url: string, login: TerminalLogin, options: { cork?: boolean; totp?: TotpCodes } = {}): Promise<LeanTerminal> {
    const connection = await FrameConnection.open(url, { cork: options.cork ?? true });
    try {
      const isSessionAnswer = (frame: DecodedFrame): boolean => frame.body === 'reject' && !frame.reject?.header?.clientMessageId;
      const bannerWait = connection.next((frame) => frame.body === 'loginBanner' || isSessionAnswer(frame), 'login banner');
      connection.write({ terminalHello: { mnemonic: login.mnemonic, deviceSecret: login.deviceSecret, client: '@clets/bench', protocolVersion: PROTOCOL_VERSION } });
      const banner = await bannerWait;
      if (banner.body !== 'loginBanner') throw new Error(`${login.mnemonic}: ${banner.reject?.code} ${banner.reject?.reason}`);
      const loginDone = (frame: DecodedFrame): boolean => frame.body === 'loginResult' || frame.body === 'secondFactorChallenge' || isSessionAnswer(frame);
      let answer = connection.next(loginDone, 'login result');
      connection.write({ bannerAck: { bannerId: banner.loginBanner?.bannerId ?? '' } });
      connection.write({ operatorLogin: { operatorId: login.operatorId, password: login.password } });
      let frame = await answer;
      if (frame.body === 'secondFactorChallenge') {
        answer = connection.next(loginDone, 'login result');
        const code = await (options.totp ?? new TotpCodes()).next(login.operatorId, login.totpSecret);
        connection.write({ secondFactorAnswer: { code } });
        frame = await answer;
      }
      if (frame.body !== 'loginResult' || !frame.loginResult?.ok) {
        const result = frame.loginResult;
        throw new Error(`${login.mnemonic}/${login.operatorId}: login refused: ${result?.code ?? frame.reject?.code} ${result?.reason ?? frame.reject?.reason ?? ''}`);
      }
      return new LeanTerminal(connection, login);
    } catch (error) {
      connection.terminate();
      throw error;
    }
  }

  send(transaction: Transaction): void {
    this.connection.write({ transaction });
  }

  onAnswer(handler: AnswerHandler): void {
    this.connection.onFrame((frame) => {
      if (frame.body === 'heartbeat' && !frame.heartbeat?.reply) {
        this.connection.write({ heartbeat: { nonce: frame.heartbeat?.nonce ?? 0, reply: true } });
        return;
      }
      dispatchAnswer(frame, handler);
    });
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}

/**
 * A connection to the relay ceiling. `echo` mode: the far end sends the request back
 * unchanged, and that echo is the transaction's final answer (a receipt and a completion, for
 * the checker); the request is padded (in its text) to `padToBytes`. `protocol` mode: the far
 * end answers with switch frames, checked as the switch's are.
 */
export class RelayConnection implements LoadConnection {
  readonly ori: string;

  private constructor(readonly name: string, login: { ori: string }, readonly connection: FrameConnection, private readonly mode: 'echo' | 'protocol', private readonly padToBytes: number) {
    this.ori = login.ori;
  }

  static async open(url: string, name: string, ori: string, mode: 'echo' | 'protocol', padToBytes = 0): Promise<RelayConnection> {
    return new RelayConnection(name, { ori }, await FrameConnection.open(url), mode, padToBytes);
  }

  send(transaction: Transaction): void {
    if (this.mode === 'echo' && this.padToBytes > 0) {
      const bare = encodeFrame({ transaction }, { maxFrameBytes: Number.MAX_SAFE_INTEGER }).length;
      const missing = this.padToBytes - bare - 2;
      if (missing > 0) transaction = { ...transaction, text: `${transaction.text ?? ''}${' '.repeat(missing)}` };
    }
    this.connection.write({ transaction });
  }

  onAnswer(handler: AnswerHandler): void {
    this.connection.onFrame((frame) => {
      if (this.mode === 'echo' && frame.body === 'transaction') {
        const header = frame.transaction?.header;
        handler('receipt', header, {});
        handler('completion', header, { answered: [] });
        return;
      }
      dispatchAnswer(frame, handler);
    });
  }

  close(): Promise<void> {
    return this.connection.close();
  }
}

/** The TerminalClient library as a load connection. */
export class TerminalClientConnection implements LoadConnection {
  readonly name: string;
  readonly ori: string;
  #handler: AnswerHandler = () => undefined;

  private constructor(private readonly client: TerminalClient, login: TerminalLogin) {
    this.name = login.mnemonic;
    this.ori = login.ori;
    // Answers the library could not correlate still reach the checker: that is what it checks.
    const stray = (event: { kind: AnswerKind; frame: DecodedFrame }): void => {
      dispatchAnswer(event.frame as DecodedFrame & { body: FrameKind }, this.#handler);
    };
    client.on('uncorrelated', stray);
    client.on('late', stray);
    client.on('error', () => undefined);
  }

  static async open(url: string, login: TerminalLogin, options: { timeoutMs?: number; totp?: TotpCodes } = {}): Promise<TerminalClientConnection> {
    const totp = options.totp ?? new TotpCodes();
    const client = new TerminalClient({
      url, mnemonic: login.mnemonic, deviceSecret: login.deviceSecret, operatorId: login.operatorId, password: login.password,
      ...(login.totpSecret !== '' ? { secondFactor: () => totp.next(login.operatorId, login.totpSecret) } : {}), client: '@clets/bench', requestTimeoutMs: options.timeoutMs ?? 30_000,
    });
    try {
      await client.open();
    } catch (error) {
      await client.close();
      throw error;
    }
    return new TerminalClientConnection(client, login);
  }

  send(transaction: Transaction): void {
    const handler = this.#handler;
    this.client.send(transaction, {
      onProgress: (progress) => {
        switch (progress.kind) {
          case 'receipt': handler('receipt', progress.receipt.header, {}); return;
          case 'queued': handler('queuedNotice', progress.notice.header, { system: progress.notice.system }); return;
          case 'response': handler('response', progress.response.header, { system: progress.response.system }); return;
          case 'reject': handler('reject', progress.reject.header, { system: progress.reject.system }); return;
        }
      },
    }).then((result) => {
      if (result.outcome === 'completed') handler('completion', result.completion.header, { answered: result.completion.answered });
      else handler('reject', result.rejected.header, { system: result.rejected.system });
    }, () => {
      // Timed out or connection lost: the checker declares it lost at its own deadline.
    });
  }

  onAnswer(handler: AnswerHandler): void {
    this.#handler = handler;
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

export type ClientKind = 'lean' | 'terminal-client';

/** Opens and logs in one connection per login, `concurrency` at a time. */
export async function openConnections(url: string, logins: readonly TerminalLogin[], kind: ClientKind, options: { concurrency?: number; totp?: TotpCodes } = {}): Promise<LoadConnection[]> {
  const concurrency = options.concurrency ?? 8;
  const totp = options.totp ?? new TotpCodes();
  const opened: LoadConnection[] = [];
  let next = 0;
  const openOne = (login: TerminalLogin): Promise<LoadConnection> => (kind === 'lean' ? LeanTerminal.open(url, login, { totp }) : TerminalClientConnection.open(url, login, { totp }));
  const worker = async (): Promise<void> => {
    while (next < logins.length) {
      const login = logins[next++]!;
      try {
        opened.push(await openOne(login));
      } catch (error) {
        // Another process logged this operator in within the last 30 s: the switch has seen
        // this time step's code. TotpCodes gives the next step on the second attempt.
        if (!String((error as { code?: string }).code ?? (error as Error).message).includes('SECOND_FACTOR_REPLAYED')) throw error;
        opened.push(await openOne(login));
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, logins.length) }, worker));
  } catch (error) {
    await Promise.allSettled(opened.map((connection) => connection.close()));
    throw error;
  }
  return opened;
}

function toBytes(data: WebSocket.RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}
