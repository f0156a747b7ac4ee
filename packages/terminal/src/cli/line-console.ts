/**
 * The operator's line: a readline prompt with editing and history, questions (some with
 * hidden input), and text printed ABOVE the line being typed. Traffic arrives while the
 * operator types (an AM, a hit, a status message); it must not break the half-typed line, so
 * print() clears the prompt and the partial input, writes the text, and draws the prompt and
 * the partial input again with the cursor where it was (readline's public `line`, `cursor`
 * and `getCursorPos()`).
 *
 * Takes its input and output streams, so tests drive it with PassThrough streams; nothing
 * here knows CLETS.
 */
import { clearScreenDown, createInterface, cursorTo, moveCursor, type Interface } from 'node:readline';
import { Writable } from 'node:stream';
import { InputCancelled, InputClosed, type AskOptions } from './ask.js';

/** An output stream, maybe a terminal (with a width). */
export type ConsoleOutput = NodeJS.WritableStream & { readonly columns?: number; readonly isTTY?: boolean };

export interface LineConsoleOptions {
  readonly input: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly output: ConsoleOutput;
  /** Line editing, history, hidden input and redrawing (default: the input is a terminal). */
  readonly terminal?: boolean;
  /** Lines kept for Up/Down, in memory only (never written to a file: CJI at rest). */
  readonly historySize?: number;
}

/** readline's output: passes writes through to the real output, or drops them while a secret is typed. */
class EchoGate extends Writable {
  muted = false;
  readonly #target: ConsoleOutput;
  readonly #onResize = (): void => {
    this.emit('resize');
  };

  constructor(target: ConsoleOutput) {
    super({ decodeStrings: false });
    this.#target = target;
    target.on('resize', this.#onResize);
  }

  /** readline wraps lines at `output.columns`: the real terminal's. */
  get columns(): number | undefined {
    return this.#target.columns;
  }

  get isTTY(): boolean {
    return this.#target.isTTY === true;
  }

  override _write(chunk: string | Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    // Written through at once (not after the target's callback), so the gate never reorders
    // readline's writes against the console's own direct ones.
    if (!this.muted) this.#target.write(chunk);
    callback();
  }

  detach(): void {
    this.#target.removeListener('resize', this.#onResize);
  }
}

interface PendingQuestion {
  readonly resolve: (line: string) => void;
  readonly reject: (error: Error) => void;
  readonly hidden: boolean;
  readonly defaultValue: string | undefined;
}

/** Where text of `width` characters ends on a screen `columns` wide (as readline counts it). */
export function displayPosition(text: string, columns: number): { rows: number; cols: number } {
  const width = [...text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')].length;
  if (!Number.isFinite(columns) || columns <= 0) return { rows: 0, cols: width };
  return { rows: Math.floor(width / columns), cols: width % columns };
}

export class LineConsole {
  /** Line editing and redrawing are on (a terminal, or a test that asks for them). */
  readonly terminal: boolean;
  readonly #rl: Interface;
  readonly #gate: EchoGate;
  readonly #output: ConsoleOutput;
  #mainPrompt = '> ';
  /** The prompt on screen (the main prompt or a question) while `#prompting`. */
  #shown = '';
  #prompting = false;
  #question: PendingQuestion | undefined;
  /** Questions wait their turn: one on screen at a time. */
  #queue: Promise<unknown> = Promise.resolve();
  #lineHandler: ((line: string) => void) | undefined;
  #interruptHandler: (() => void) | undefined;
  readonly #closeHandlers: (() => void)[] = [];
  #closed = false;
  #input: NodeJS.ReadableStream | undefined;
  /**
   * readline (Node 20) writes pasted text in one piece without updating its count of the
   * rows the line covers, so its next redraw (cursor moved across a row, say) starts on the
   * wrong row. A silent redraw after each key keeps that count right.
   */
  readonly #afterKeypress = (): void => {
    if (!this.#closed && this.#prompting) this.#quietly(() => this.#rl.prompt(true));
  };

  constructor(options: LineConsoleOptions) {
    this.terminal = options.terminal ?? options.input.isTTY === true;
    this.#output = options.output;
    this.#gate = new EchoGate(options.output);
    this.#rl = createInterface({
      input: options.input,
      output: this.#gate,
      terminal: this.terminal,
      historySize: options.historySize ?? 500,
      removeHistoryDuplicates: true,
      prompt: '',
    });
    this.#rl.on('line', (line) => this.#onLine(line));
    // Only lines typed at the main prompt are history: answers to questions (a password,
    // a TOTP code, a form's fields) are taken out again, as Node's documentation suggests.
    this.#rl.on('history', (history) => {
      if (this.#question !== undefined) history.shift();
    });
    this.#rl.on('SIGINT', () => this.#onInterrupt());
    this.#rl.on('close', () => this.#onClose());
    if (this.terminal) {
      // Runs after readline's own keypress listener (registered first).
      this.#input = options.input;
      this.#input.on('keypress', this.#afterKeypress);
    }
  }

  /** Lines typed at the main prompt (not answers to questions). */
  onLine(handler: (line: string) => void): void {
    this.#lineHandler = handler;
  }

  /** Ctrl-C at the main prompt with nothing typed. */
  onInterrupt(handler: () => void): void {
    this.#interruptHandler = handler;
  }

  /** The input ended (Ctrl-D) or close() was called. */
  onClose(handler: () => void): void {
    if (this.#closed) handler();
    else this.#closeHandlers.push(handler);
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** What is typed on the line now (not yet entered). */
  get line(): string {
    return this.#rl.line;
  }

  /** Sets the main prompt; redraws it when it is on screen (a message count changed). */
  setPrompt(text: string): void {
    this.#mainPrompt = text;
    if (this.#prompting && this.#question === undefined && this.#shown !== text) this.#show(text);
  }

  /** Shows the main prompt and waits for a line (unless a question is on screen). */
  prompt(): void {
    if (this.#closed || this.#question !== undefined) return;
    this.#show(this.#mainPrompt);
  }

  /**
   * Writes text above the prompt and the partial line, which are drawn again below it; with
   * `prompt`, the main prompt changes at the same time (one redraw, not two).
   */
  print(text: string, options: { readonly prompt?: string } = {}): void {
    if (this.#closed) return;
    const body = text.endsWith('\n') ? text : `${text}\n`;
    const out = this.#output;
    const mainShown = this.#prompting && this.#question === undefined;
    const switchPrompt = (): void => {
      if (options.prompt === undefined) return;
      this.#mainPrompt = options.prompt;
      if (!mainShown) return;
      this.#shown = options.prompt;
      this.#rl.setPrompt(options.prompt);
    };
    if (!this.#prompting) {
      switchPrompt();
      out.write(body);
      return;
    }
    if (!this.terminal) {
      // No line editing: the prompt was written as plain text; start a fresh line, then repeat it.
      switchPrompt();
      out.write(`\n${body}${this.#shown}`);
      return;
    }
    this.#clearPromptArea();
    out.write(body);
    switchPrompt();
    this.#redraw();
  }

  /**
   * Asks a question and resolves with the answer (the default for an empty line). Rejects with
   * InputCancelled on Ctrl-C and InputClosed when the input ends. A question asked while the
   * operator is typing at the main prompt puts the partial line aside and gives it back after.
   */
  ask(question: string, options: AskOptions = {}): Promise<string> {
    const run = async (): Promise<string> => {
      if (this.#closed) throw new InputClosed();
      const overMainPrompt = this.#prompting && this.#question === undefined;
      const saved = overMainPrompt ? this.#takeLine() : '';
      const hidden = options.hidden === true;
      const suffix = options.defaultValue === undefined || options.defaultValue === '' ? '' : ` [${options.defaultValue}]`;
      try {
        return await new Promise<string>((resolve, reject) => {
          this.#question = { resolve, reject, hidden, defaultValue: options.defaultValue };
          this.#show(`${question}${suffix}: `);
          if (hidden) this.#gate.muted = true;
        });
      } finally {
        if (overMainPrompt && !this.#closed) {
          this.prompt();
          if (saved !== '') this.#rl.write(saved);
        }
      }
    };
    const answer = this.#queue.then(run, run);
    this.#queue = answer.catch(() => undefined);
    return answer;
  }

  /** Puts text on the input line as if typed, for the operator to edit or send with Enter. */
  prefill(text: string): void {
    if (!this.#closed) this.#rl.write(text);
  }

  close(): void {
    if (!this.#closed) this.#rl.close();
  }

  // --- internals -----------------------------------------------------------------------------

  #show(text: string): void {
    if (this.#prompting && this.terminal) {
      // Replacing the prompt on screen (a new message count): cleared and drawn here, because
      // readline's own redraw trusts a row count it does not keep up to date for pasted input.
      this.#clearPromptArea();
      this.#shown = text;
      this.#rl.setPrompt(text);
      this.#redraw();
      return;
    }
    this.#shown = text;
    this.#prompting = true;
    this.#rl.setPrompt(text);
    this.#rl.prompt(true);
  }

  /** Wipes the prompt and the partial line; the cursor is left where the prompt began. */
  #clearPromptArea(): void {
    const out = this.#output;
    const hidden = this.#question?.hidden === true;
    // getCursorPos() counts from the prompt's start, wrapping included (readline's public API).
    const rows = hidden ? displayPosition(this.#shown, this.#columns()).rows : this.#rl.getCursorPos().rows;
    if (rows > 0) moveCursor(out, 0, -rows);
    cursorTo(out, 0);
    clearScreenDown(out);
  }

  /** Runs readline actions with their screen output discarded (their bookkeeping kept). */
  #quietly(action: () => void): void {
    const muted = this.#gate.muted;
    this.#gate.muted = true;
    try {
      action();
    } finally {
      this.#gate.muted = muted;
    }
  }

  /**
   * Draws the prompt and the partial line where the cursor is, and puts the cursor back where
   * readline has it. readline first redraws into the void, so that its count of the rows on
   * screen matches what is drawn here.
   */
  #redraw(): void {
    this.#quietly(() => this.#rl.prompt(true));
    const out = this.#output;
    const hidden = this.#question?.hidden === true;
    const full = this.#shown + (hidden ? '' : this.#rl.line);
    out.write(full);
    const columns = this.#columns();
    const end = displayPosition(full, columns);
    const target = hidden ? end : this.#rl.getCursorPos();
    // At the exact end of a row the terminal has not moved to the next one yet: a blank makes it.
    if (end.cols === 0 && end.rows > 0) out.write(' ');
    cursorTo(out, target.cols);
    const up = end.rows - target.rows;
    if (up > 0) moveCursor(out, 0, -up);
  }

  #columns(): number {
    const columns = this.#output.columns;
    return columns !== undefined && columns > 0 ? columns : Number.POSITIVE_INFINITY;
  }

  /** Empties the input line (the prompt stays) and returns what was on it. */
  #takeLine(): string {
    const line = this.#rl.line;
    if (line !== '' && this.terminal) {
      if (this.#prompting) this.#clearPromptArea();
      this.#quietly(() => {
        this.#rl.write(null, { ctrl: true, name: 'e' });
        this.#rl.write(null, { ctrl: true, name: 'u' });
      });
      if (this.#prompting) this.#redraw();
    }
    return line;
  }

  #onLine(line: string): void {
    this.#prompting = false;
    const question = this.#question;
    if (question === undefined) {
      this.#lineHandler?.(line);
      return;
    }
    this.#question = undefined;
    if (question.hidden) {
      this.#gate.muted = false;
      // readline's own line break was swallowed with the echo.
      this.#output.write('\n');
    }
    question.resolve(line === '' && question.defaultValue !== undefined ? question.defaultValue : line);
  }

  #onInterrupt(): void {
    const question = this.#question;
    if (question !== undefined) {
      this.#takeLine();
      this.#question = undefined;
      this.#prompting = false;
      this.#gate.muted = false;
      this.#output.write('^C\n');
      question.reject(new InputCancelled());
      return;
    }
    if (this.#rl.line !== '') {
      this.#takeLine();
      return;
    }
    this.#interruptHandler?.();
  }

  #onClose(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#gate.muted = false;
    // Ctrl-D leaves the cursor after the prompt: what follows starts on its own line.
    if (this.#prompting) this.#output.write('\n');
    this.#prompting = false;
    this.#gate.detach();
    this.#input?.removeListener('keypress', this.#afterKeypress);
    const question = this.#question;
    this.#question = undefined;
    question?.reject(new InputClosed());
    for (const handler of this.#closeHandlers.splice(0)) handler();
  }
}
