/**
 * CPU profiles of a child process over its inspector: the child runs with
 * `NODE_OPTIONS=--inspect=127.0.0.1:0` (Node 20 does not allow --cpu-prof there), prints
 * "Debugger listening on ws://127.0.0.1:PORT/ID" on stderr, and the bench starts and stops the
 * V8 profiler exactly around the phase under load, so the profile holds no start-up.
 */
import { writeFileSync } from 'node:fs';
import WebSocket from 'ws';

/** NODE_OPTIONS for a child to be profiled: its inspector on a free loopback port. */
export const INSPECT_OPTION = '--inspect=127.0.0.1:0';

/** The inspector URL a child printed on stderr. */
export function inspectorUrlOf(stderr: string): string | undefined {
  return /Debugger listening on (ws:\/\/127\.0\.0\.1:\d+\/[0-9a-f-]+)/.exec(stderr)?.[1];
}

export class RemoteProfiler {
  #nextId = 1;
  readonly #pending = new Map<number, { resolve: (result: unknown) => void; reject: (error: Error) => void }>();

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
      if (message.id === undefined) return;
      const waiter = this.#pending.get(message.id);
      this.#pending.delete(message.id);
      if (message.error !== undefined) waiter?.reject(new Error(message.error.message));
      else waiter?.resolve(message.result);
    });
    socket.on('error', () => undefined);
  }

  static connect(url: string, timeoutMs = 10_000): Promise<RemoteProfiler> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: timeoutMs, maxPayload: 1024 * 1024 * 1024 });
      socket.once('open', () => resolve(new RemoteProfiler(socket)));
      socket.once('error', reject);
    });
  }

  #call(method: string, params: object = {}, timeoutMs = 60_000): Promise<unknown> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        reject(new Error(`inspector: no answer to ${method} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#pending.set(id, {
        resolve: (result) => { clearTimeout(timer); resolve(result); },
        reject: (error) => { clearTimeout(timer); reject(error); },
      });
      this.socket.send(JSON.stringify({ id, method, params }));
    });
  }

  async start(samplingIntervalUs = 1000): Promise<void> {
    await this.#call('Profiler.enable');
    await this.#call('Profiler.setSamplingInterval', { interval: samplingIntervalUs });
    await this.#call('Profiler.start');
  }

  /** Stops the profiler and writes the profile (.cpuprofile, for Chrome DevTools) to `path`. */
  async stopTo(path: string): Promise<void> {
    const { profile } = await this.#call('Profiler.stop') as { profile: unknown };
    writeFileSync(path, JSON.stringify(profile));
  }

  close(): void {
    this.socket.close();
  }
}
