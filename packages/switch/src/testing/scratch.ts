/**
 * What a restart test opens and must close whatever its outcome: scratch directories for a
 * switch's database files, the switches built on them, the terminal clients logged in. Each
 * test file makes one and releases it after every test (`afterEach(() => scratch.release())`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

interface Closable {
  close(): Promise<void>;
}

export class Scratch {
  readonly #dirs: string[] = [];
  readonly #switches: Closable[] = [];
  readonly #clients: Closable[] = [];

  constructor(private readonly prefix: string) {}

  /** A new empty directory, removed at release. */
  dir(): string {
    const dir = mkdtempSync(join(tmpdir(), this.prefix));
    this.#dirs.push(dir);
    return dir;
  }

  /** A switch closed at release, unless the test closes it first (`forget`). */
  switch<T extends Closable>(sw: T): T {
    this.#switches.push(sw);
    return sw;
  }

  /** A terminal client closed at release. */
  client<T extends Closable>(client: T): T {
    this.#clients.push(client);
    return client;
  }

  /** A switch the test closes itself (an ordered restart): not closed again at release. */
  forget(sw: Closable): void {
    const index = this.#switches.indexOf(sw);
    if (index >= 0) this.#switches.splice(index, 1);
  }

  /** Clients, then switches, then directories: a switch's files are removed only once it closed them. */
  async release(): Promise<void> {
    for (const client of this.#clients.splice(0)) await client.close();
    for (const sw of this.#switches.splice(0)) await sw.close();
    for (const dir of this.#dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  }
}
