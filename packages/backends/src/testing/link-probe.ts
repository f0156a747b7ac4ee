/**
 * A link probe FOR TESTS: one raw connection to a link port (a backend's, or a state
 * switch's peer port), as an outsider would open it. It says hello, sends LinkRequests and
 * awaits their replies by request id, sends bytes and text that are not frames, and keeps
 * every frame it receives so a test can look at link_seq, rejects and status messages. It
 * never reconnects, keeps no window and stamps nothing itself: the switch's LinkClient is the
 * production client.
 */
import WebSocket from 'ws';
import {
  decodeFrame,
  encodeFrame,
  PROTOCOL_VERSION,
  type DecodedFrame,
  type Frame,
  type LinkReply,
  type LinkRequest,
  type LinkWelcome,
} from '@clets/protocol';

export interface LinkProbeOptions {
  /** Largest frame this client accepts and sends (default 1 MiB, the links' default). */
  readonly maxFrameBytes?: number;
  /** How long to wait for the socket to open and for each awaited frame (default 10 s). */
  readonly timeoutMs?: number;
  /** Answer the server's pings (default true); false plays a peer that has gone silent. */
  readonly autoPong?: boolean;
  /** For wss://: the CA to trust (a self-signed test certificate). */
  readonly ca?: string | Buffer;
}

export interface LinkCredentials {
  readonly peerId: string;
  readonly secret: string;
  readonly role?: string;
}

export interface LinkClosed {
  readonly code: number;
  readonly reason: string;
}

/** A frame as received, with the bytes' own link_seq. */
export type ReceivedFrame = DecodedFrame;

export class LinkProbe {
  /** Every frame received, in order; frames that failed to decode are not kept. */
  readonly received: ReceivedFrame[] = [];
  /** Resolves when the socket closes (1006 when it was cut without a handshake). */
  readonly closed: Promise<LinkClosed>;
  private readonly ws: WebSocket;
  private readonly maxFrameBytes: number;
  private readonly timeoutMs: number;
  private readonly waiters = new Set<(frame: ReceivedFrame) => boolean>();
  private closedWith: LinkClosed | undefined;
  private readonly closeListeners = new Set<(closed: LinkClosed) => void>();
  private requestCounter = 0;
  private pings = 0;

  /** Use `openLink` or `connectLink`. */
  constructor(ws: WebSocket, options: LinkProbeOptions) {
    this.ws = ws;
    this.maxFrameBytes = options.maxFrameBytes ?? 1024 * 1024;
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.closed = new Promise((resolve) => {
      ws.on('close', (code, reason) => {
        this.closedWith = { code, reason: reason.toString('utf8') };
        resolve(this.closedWith);
        for (const listener of this.closeListeners) listener(this.closedWith);
      });
    });
    ws.on('ping', () => {
      this.pings += 1;
    });
    ws.on('error', () => {
      // Reported through `closed`; an error event without a listener would throw.
    });
    ws.on('message', (data: Buffer, isBinary) => {
      if (!isBinary) return;
      let frame: ReceivedFrame;
      try {
        frame = decodeFrame(data, { maxFrameBytes: this.maxFrameBytes });
      } catch {
        return;
      }
      this.received.push(frame);
      for (const waiter of [...this.waiters]) if (waiter(frame)) this.waiters.delete(waiter);
    });
  }

  /** WebSocket pings received from the server. */
  get pingsReceived(): number {
    return this.pings;
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  /** Sends one frame (link_seq left as given). */
  send(frame: Frame): void {
    this.ws.send(encodeFrame(frame, { maxFrameBytes: this.maxFrameBytes }));
  }

  /** Sends raw bytes as one binary message (malformed-frame tests). */
  sendBytes(bytes: Uint8Array): void {
    this.ws.send(bytes, { binary: true });
  }

  /** Sends a text message (refused by the server). */
  sendText(text: string): void {
    this.ws.send(text);
  }

  /** Sends LinkHello and waits for LinkWelcome, whatever its `ok`. */
  async hello(credentials: LinkCredentials): Promise<LinkWelcome> {
    const waiting = this.waitFor((frame) => frame.body === 'linkWelcome');
    this.send({
      linkHello: { peerId: credentials.peerId, secret: credentials.secret, role: credentials.role ?? 'client', protocolVersion: PROTOCOL_VERSION },
    });
    const frame = await waiting;
    return frame.linkWelcome ?? {};
  }

  /** Sends one request; resolves with every reply to it, the final one last. */
  async request(request: LinkRequest, options: { timeoutMs?: number } = {}): Promise<LinkReply[]> {
    const requestId = request.requestId || this.nextRequestId();
    const replies: LinkReply[] = [];
    const done = this.waitFor((frame) => {
      const reply = frame.linkReply;
      if (frame.body !== 'linkReply' || !reply || reply.requestId !== requestId) return false;
      replies.push(reply);
      return reply.final === true;
    }, options.timeoutMs);
    this.send({ linkRequest: { ...request, requestId } });
    await done;
    return replies;
  }

  /** A fresh request id, unique within this client. */
  nextRequestId(): string {
    this.requestCounter += 1;
    return `req-${this.requestCounter}`;
  }

  /** Waits for the next frame (received from now on) for which `match` returns true. */
  waitFor(match: (frame: ReceivedFrame) => boolean, timeoutMs = this.timeoutMs): Promise<ReceivedFrame> {
    return new Promise((resolve, reject) => {
      const onClose = (closed: LinkClosed): void => {
        finish();
        reject(new Error(`link closed (${closed.code} ${closed.reason}) while waiting`));
      };
      const waiter = (frame: ReceivedFrame): boolean => {
        if (!match(frame)) return false;
        finish();
        resolve(frame);
        return true;
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`no matching frame within ${timeoutMs} ms`));
      }, timeoutMs);
      const finish = (): void => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        this.closeListeners.delete(onClose);
      };
      if (this.closedWith) return onClose(this.closedWith);
      this.waiters.add(waiter);
      this.closeListeners.add(onClose);
    });
  }

  /** Closes the socket and waits for the handshake. */
  async close(code = 1000): Promise<LinkClosed> {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.close(code);
    return this.closed;
  }
}

/** Opens a socket to a link URL without saying hello. Rejects when the upgrade is refused. */
export function openLink(url: string, options: LinkProbeOptions = {}): Promise<LinkProbe> {
  const ws = new WebSocket(url, {
    perMessageDeflate: false,
    maxPayload: options.maxFrameBytes ?? 1024 * 1024,
    autoPong: options.autoPong ?? true,
    ...(options.ca !== undefined ? { ca: options.ca } : {}),
  });
  const client = new LinkProbe(ws, options);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`link ${url} did not open within ${options.timeoutMs ?? 10_000} ms`));
    }, options.timeoutMs ?? 10_000);
    ws.once('open', () => {
      clearTimeout(timer);
      resolve(client);
    });
    ws.once('unexpected-response', (_request, response) => {
      clearTimeout(timer);
      ws.terminate();
      reject(new LinkUpgradeRefused(response.statusCode ?? 0));
    });
    ws.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** Opens a link and says hello; throws when the server refuses it. */
export async function connectLink(url: string, credentials: LinkCredentials, options: LinkProbeOptions = {}): Promise<LinkProbe> {
  const client = await openLink(url, options);
  const welcome = await client.hello(credentials);
  if (!welcome.ok) {
    await client.closed;
    throw new Error(`link refused: ${welcome.code ?? ''} ${welcome.reason ?? ''}`);
  }
  return client;
}

/** The server answered the WebSocket upgrade with an HTTP status (404 path, 503 dropped). */
export class LinkUpgradeRefused extends Error {
  readonly status: number;

  constructor(status: number) {
    super(`link upgrade refused with HTTP ${status}`);
    this.name = 'LinkUpgradeRefused';
    this.status = status;
  }
}
