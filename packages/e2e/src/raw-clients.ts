/**
 * Bare clients for the cross-process tests that play an outsider: each can choose the local
 * address it connects from (127.0.0.2, 127.0.0.3...: other sources on the loopback), which
 * the terminal client library does not offer, and each reports exactly what the switch said.
 */
import { request } from 'node:http';
import { WebSocket } from 'ws';
import { decodeFrame, encodeFrame, totpCode, type DecodedFrame, type Frame } from '@clets/protocol';

export interface HttpAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/** One HTTP request from `localAddress`, JSON in and text out. */
export function httpCall(url: string, options: { method?: string; body?: unknown; headers?: Record<string, string>; localAddress?: string } = {}): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const outgoing = request(url, {
      method: options.method ?? (payload === undefined ? 'GET' : 'POST'),
      agent: false,
      ...(options.localAddress === undefined ? {} : { localAddress: options.localAddress }),
      headers: { ...(payload === undefined ? {} : { 'content-type': 'application/json' }), ...options.headers },
    }, (incoming) => {
      let body = '';
      incoming.setEncoding('utf8');
      incoming.on('data', (chunk: string) => { body += chunk; });
      incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, headers: incoming.headers, body }));
    });
    outgoing.on('error', reject);
    outgoing.end(payload);
  });
}

/** A WebSocket that hands out the frames it receives, one at a time. */
export class RawTerminal {
  readonly #socket: WebSocket;
  readonly #frames: DecodedFrame[] = [];
  #waiting: ((frame: DecodedFrame | undefined) => void) | undefined;
  /** The close code, once the switch closed the connection. */
  closeCode: number | undefined;

  private constructor(socket: WebSocket) {
    this.#socket = socket;
    socket.on('message', (data) => {
      const frame = decodeFrame(data as Buffer);
      if (this.#waiting !== undefined) {
        const waiting = this.#waiting;
        this.#waiting = undefined;
        waiting(frame);
      } else {
        this.#frames.push(frame);
      }
    });
    socket.on('close', (code) => {
      this.closeCode = code;
      this.#waiting?.(undefined);
      this.#waiting = undefined;
    });
  }

  static open(url: string, localAddress?: string): Promise<RawTerminal> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { perMessageDeflate: false, ...(localAddress === undefined ? {} : { localAddress }) });
      const terminal = new RawTerminal(socket);
      socket.once('open', () => resolve(terminal));
      socket.once('error', reject);
    });
  }

  send(frame: Frame): void {
    this.#socket.send(encodeFrame(frame));
  }

  /** The next frame, or undefined when the connection closed first or `timeoutMs` passed. */
  next(timeoutMs = 5_000): Promise<DecodedFrame | undefined> {
    const queued = this.#frames.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    if (this.closeCode !== undefined) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const timer = setTimeout(() => { this.#waiting = undefined; resolve(undefined); }, timeoutMs);
      this.#waiting = (frame) => { clearTimeout(timer); resolve(frame); };
    });
  }

  /** Waits for the close (or `timeoutMs`); the close code, or undefined when still open. */
  async closed(timeoutMs = 5_000): Promise<number | undefined> {
    if (this.closeCode !== undefined) return this.closeCode;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.#socket.once('close', () => { clearTimeout(timer); resolve(); });
    });
    return this.closeCode;
  }

  close(): void {
    this.#socket.terminate();
  }
}

export interface LoginCredentials {
  readonly mnemonic: string;
  readonly deviceSecret: string;
  readonly operatorId: string;
  readonly password: string;
  /** The operator's TOTP secret (the code is computed now), or a code to send as it is. */
  readonly totpSecret?: string;
  readonly code?: string;
}

/**
 * Hello, banner, login and second factor on `terminal`; what the switch answered at the
 * step it stopped: 'ok', or the error code of its Reject or LoginResult. `challenged` says
 * whether a second-factor challenge came.
 */
export async function rawLogin(terminal: RawTerminal, credentials: LoginCredentials): Promise<{ outcome: string; challenged: boolean }> {
  terminal.send({ terminalHello: { mnemonic: credentials.mnemonic, deviceSecret: credentials.deviceSecret } });
  const banner = await terminal.next();
  if (banner?.body !== 'loginBanner') return { outcome: banner?.reject?.code ?? `closed ${terminal.closeCode ?? ''}`, challenged: false };
  terminal.send({ bannerAck: { bannerId: banner.loginBanner?.bannerId ?? '' } });
  terminal.send({ operatorLogin: { operatorId: credentials.operatorId, password: credentials.password } });
  let answer = await terminal.next();
  const challenged = answer?.body === 'secondFactorChallenge';
  if (challenged) {
    const code = credentials.code ?? (credentials.totpSecret === undefined ? '000000' : totpCode(credentials.totpSecret, Date.now()));
    terminal.send({ secondFactorAnswer: { code } });
    answer = await terminal.next();
  }
  const result = answer?.loginResult;
  if (result === undefined || result === null) return { outcome: answer?.reject?.code ?? `closed ${terminal.closeCode ?? ''}`, challenged };
  return { outcome: result.ok ? 'ok' : result.code ?? 'refused', challenged };
}
