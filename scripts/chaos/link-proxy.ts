/**
 * A TCP relay on 127.0.0.1 between a county switch and the state's peer port: the chaos
 * driver "stops the link" by cutting every connection through it and refusing new ones for
 * a while, as a broken line or a firewall would; the county's link client notices, holds
 * what queues (.02.) and links again once the relay lets it.
 */
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export class LinkProxy {
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  #cut = false;
  #target: { host: string; port: number } | undefined;

  constructor() {
    this.#server = createServer((client) => this.#accept(client));
  }

  /** Listens on a free loopback port; returns it. */
  async listen(): Promise<number> {
    await new Promise<void>((resolve, reject) => {
      this.#server.once('error', reject);
      this.#server.listen(0, '127.0.0.1', () => resolve());
    });
    const address = this.#server.address();
    if (address === null || typeof address === 'string') throw new Error('link proxy: no port');
    return address.port;
  }

  /** Where connections go (the state's peer port, known once the state listens). */
  forwardTo(url: string): void {
    const parsed = new URL(url);
    this.#target = { host: parsed.hostname, port: Number(parsed.port) };
  }

  /** Cuts every connection and refuses new ones until `restore`. */
  cut(): void {
    this.#cut = true;
    for (const socket of this.#sockets) socket.destroy();
    this.#sockets.clear();
  }

  restore(): void {
    this.#cut = false;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #accept(client: Socket): void {
    const target = this.#target;
    if (this.#cut || target === undefined) {
      client.destroy();
      return;
    }
    const upstream = createConnection(target);
    this.#sockets.add(client);
    this.#sockets.add(upstream);
    const end = (): void => {
      client.destroy();
      upstream.destroy();
      this.#sockets.delete(client);
      this.#sockets.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
    client.pipe(upstream);
    upstream.pipe(client);
  }
}
