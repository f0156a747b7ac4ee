/**
 * Starts a service of this repository as a child process and waits for the one JSON line
 * it prints on stdout when it listens ({"event":"listening",...}). Used by the cross-process
 * tests and by the demo network.
 *
 * Services run compiled, under plain node, as in production: `pnpm install` and
 * `pnpm build` write their dist/ files, and the test run compiles before it starts. Only
 * the benchmark harness's own child processes are TypeScript run from source through tsx.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');

/** The compiled entry points of the services, relative to the repository root. */
export const SERVICE_ENTRIES = {
  switch: 'packages/switch/dist/main.js',
  backends: 'packages/backends/dist/main.js',
} as const;

export interface ServiceProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** The parsed "listening" line. */
  readonly info: Record<string, unknown>;
  /** The last lines the process wrote to stderr (its logs), for failure messages. */
  readonly stderrTail: () => string;
  /** The last lines it wrote to stdout after the listening line (a switch logs there). */
  readonly stdoutTail: () => string;
  /** Sends a signal and waits for the exit; resolves with the exit code (or the signal name). */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<number | string>;
}

export interface StartOptions {
  readonly name: string;
  /**
   * Entry point, relative to the repository root: a compiled .js file runs under plain node
   * (every service: SERVICE_ENTRIES); a .ts file runs from source through tsx (the
   * benchmark's own child processes only).
   */
  readonly entry: string;
  readonly args?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  readonly startTimeoutMs?: number;
  /** Copy the child's stderr to ours (the demo does, tests do not). */
  readonly inheritStderr?: boolean;
}

/** The node arguments that run an entry point: compiled as it is, TypeScript through tsx. */
export function nodeArguments(entry: string): string[] {
  const path = join(REPO_ROOT, entry);
  if (entry.endsWith('.ts')) return ['--conditions=source', '--import', 'tsx', path];
  if (!existsSync(path)) throw new Error(`${entry} does not exist: compile the workspace first (pnpm build)`);
  return [path];
}

export async function startService(options: StartOptions): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [...nodeArguments(options.entry), ...(options.args ?? [])], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tail: string[] = [];
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    if (options.inheritStderr) process.stderr.write(chunk);
    tail.push(chunk);
    if (tail.length > 50) tail.shift();
  });
  const stderrTail = (): string => tail.join('').split('\n').slice(-20).join('\n');
  const stdoutLines: string[] = [];
  const stdoutTail = (): string => stdoutLines.join('\n');

  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });

  const info = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${options.name} did not start within ${options.startTimeoutMs ?? 30_000} ms\n${stderrTail()}`));
    }, options.startTimeoutMs ?? 30_000);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      stdoutLines.push(line);
      if (stdoutLines.length > 200) stdoutLines.shift();
      try {
        const parsed = JSON.parse(line) as Record<string, unknown>;
        if (parsed['event'] === 'listening') {
          clearTimeout(timer);
          resolve(parsed);
        }
      } catch {
        // Not the listening line: ignore.
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited (${code}) before listening\n${stderrTail()}`));
    });
  });

  return {
    name: options.name,
    child,
    info,
    stderrTail,
    stdoutTail,
    stop: async (signal = 'SIGTERM', timeoutMs = 10_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
}
