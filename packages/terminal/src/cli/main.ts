/**
 * The CLI as a function: arguments, environment and streams in, exit status out. cli.ts
 * passes the process's; tests pass their own (PassThrough streams, a fake switch's URL).
 */
import { readFileSync } from 'node:fs';
import { TerminalClient, type TerminalClientOptions } from '../index.js';
import type { Ask, AskOptions } from './ask.js';
import { parseCommandLine, UsageError, USAGE, type CliCommand, type CliSecrets, type CliSettings } from './args.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import { runInteractive } from './interactive.js';
import { LineConsole, type ConsoleOutput } from './line-console.js';
import { collectLines, runBatch, type ScriptLine } from './session.js';

export interface CliIo {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly stdout: ConsoleOutput;
  readonly stderr: ConsoleOutput;
  /** Line editing on standard input (default: standard input is a terminal). */
  readonly terminal?: boolean;
  readonly platform?: NodeJS.Platform;
  /** Extra client options (a test's clock, shorter heartbeats). */
  readonly clientOptions?: Partial<TerminalClientOptions>;
}

/** The interactive session watches the link and logs in again after a drop. */
const INTERACTIVE_HEARTBEAT_MS = 15_000;
const INTERACTIVE_RECONNECT_ATTEMPTS = 10;

export async function runCli(io: CliIo): Promise<ExitCode> {
  let command: CliCommand;
  try {
    command = parseCommandLine({ argv: io.argv, env: io.env, ...(io.platform === undefined ? {} : { platform: io.platform }) });
  } catch (error) {
    if (error instanceof UsageError) return usageFailure(io, error.problems);
    throw error;
  }
  if (command.kind === 'help') {
    io.stdout.write(USAGE);
    return EXIT.OK;
  }
  const { settings, secrets, mode } = command;

  let client: TerminalClient;
  try {
    client = new TerminalClient(clientOptions(settings, secrets, mode, io));
  } catch (error) {
    return usageFailure(io, [error instanceof Error ? error.message : String(error)]);
  }

  if (mode === 'interactive') {
    return runInteractive({
      input: io.stdin, output: io.stdout, client, settings, secrets, ...(io.terminal === undefined ? {} : { terminal: io.terminal }),
    });
  }

  let lines: ScriptLine[];
  try {
    lines = await collectLines(settings, () => readAll(io.stdin));
  } catch (error) {
    return usageFailure(io, [error instanceof Error ? error.message : String(error)]);
  }
  // Someone at a keyboard can type a missing password or code (on standard error, hidden).
  const keyboard = io.stdin.isTTY === true && settings.script !== '-';
  if (secrets.password === undefined && !keyboard) {
    return usageFailure(io, ['no password: set CLETS_PASSWORD or "password" in the credentials file (standard input is not a terminal to ask on)']);
  }
  if (lines.length === 0) {
    io.stderr.write('clets-terminal: no transaction lines to send\n');
    return EXIT.OK;
  }
  const prompter = keyboard ? new LazyPrompter(io) : undefined;
  try {
    return await runBatch({
      settings, secrets, lines, client, stdout: io.stdout, stderr: io.stderr, ask: prompter?.ask, bell: io.stdout.isTTY === true,
    });
  } finally {
    prompter?.close();
  }
}

function clientOptions(settings: CliSettings, secrets: CliSecrets, mode: 'interactive' | 'batch', io: CliIo): TerminalClientOptions {
  const options: TerminalClientOptions = {
    url: settings.url,
    mnemonic: settings.terminal,
    deviceSecret: secrets.deviceSecret,
    client: 'clets-terminal',
    requestTimeoutMs: settings.timeoutMs,
  };
  if (settings.caFile !== undefined) {
    let ca: Buffer;
    try {
      ca = readFileSync(settings.caFile);
    } catch {
      throw new Error(`--ca ${settings.caFile}: cannot be read`);
    }
    options.tls = { ca };
  }
  if (mode === 'interactive') {
    options.heartbeatIntervalMs = INTERACTIVE_HEARTBEAT_MS;
    options.reconnect = { enabled: true, maxAttempts: INTERACTIVE_RECONNECT_ATTEMPTS };
  }
  return { ...options, ...io.clientOptions };
}

function usageFailure(io: CliIo, problems: readonly string[]): ExitCode {
  for (const problem of problems) io.stderr.write(`clets-terminal: ${problem}\n`);
  io.stderr.write('Try clets-terminal --help\n');
  return EXIT.USAGE;
}

function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer | string) => chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk));
    stream.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.once('error', reject);
  });
}

/**
 * A console on standard error made on the first question only: a readline interface puts the
 * terminal in raw mode, which a script that never needs to ask should not do.
 */
class LazyPrompter {
  #console: LineConsole | undefined;

  constructor(private readonly io: CliIo) {}

  readonly ask: Ask = (question: string, options?: AskOptions) => {
    this.#console ??= new LineConsole({
      input: this.io.stdin, output: this.io.stderr, ...(this.io.terminal === undefined ? {} : { terminal: this.io.terminal }),
    });
    return this.#console.ask(question, options);
  };

  close(): void {
    this.#console?.close();
  }
}
