/**
 * Test helper: a pretend terminal made of PassThrough streams. Keys go in as a terminal
 * sends them (Enter is "\r"); everything written comes out raw (escape sequences and all) or
 * as text (escape sequences removed), and a test waits for text to appear.
 */
import { PassThrough } from 'node:stream';

const ESCAPE = /\x1b\[[0-9;?]*[A-Za-z]/g;

export const KEY = {
  enter: '\r',
  up: '\x1b[A',
  left: '\x1b[D',
  ctrlC: '\x03',
  ctrlD: '\x04',
} as const;

export class Screen {
  readonly input = new PassThrough();
  readonly output: PassThrough & { columns?: number };
  #raw = '';

  constructor(columns?: number) {
    this.output = new PassThrough();
    if (columns !== undefined) Object.defineProperty(this.output, 'columns', { value: columns });
    this.output.on('data', (chunk: Buffer) => {
      this.#raw += chunk.toString('utf8');
    });
  }

  /** Everything written, escape sequences included. */
  get raw(): string {
    return this.#raw;
  }

  /** Everything written, without escape sequences and carriage returns. */
  get text(): string {
    return this.#raw.replace(ESCAPE, '').replace(/\r/g, '');
  }

  /** Where the text ends now: pass to waitFor as `from` to look only at what comes next. */
  mark(): number {
    return this.text.length;
  }

  type(keys: string): void {
    this.input.write(keys);
  }

  enter(line = ''): void {
    this.input.write(`${line}${KEY.enter}`);
  }

  /** Resolves with the text from `from` once it contains `pattern`; rejects after the deadline. */
  async waitFor(pattern: string | RegExp, options: { from?: number; timeoutMs?: number } = {}): Promise<string> {
    const deadline = Date.now() + (options.timeoutMs ?? 5_000);
    for (;;) {
      const text = this.text.slice(options.from ?? 0);
      if (typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text)) return text;
      if (Date.now() > deadline) throw new Error(`screen: no ${String(pattern)} within the deadline; the screen shows:\n${text.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}
