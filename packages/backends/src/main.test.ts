/**
 * The deployable as a process: start it with `--system`, read the listening line from
 * stdout, use the link, send it SIGTERM and check it exits cleanly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connectLink } from './testing/link-probe.js';

// Sockets and child processes on a shared 2-core machine: generous deadlines, no timing.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 30_000 });

// The compiled entry point, as production runs it (the test run compiles the workspace first).
const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const LINK = { peerId: 'county-19', secret: 'process-test-secret' };

let child: ChildProcess | undefined;

afterEach(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});

function start(args: string[], env: Record<string, string> = {}): ChildProcess {
  child = spawn(process.execPath, [MAIN, ...args], {
    cwd: REPO_ROOT,
    env: { ...process.env, CLETS_BACKEND_LINKS: `${LINK.peerId}=${LINK.secret}`, CLETS_BACKEND_UPDATES_DB: ':memory:', CLETS_BACKEND_LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return child;
}

function firstLine(backend: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: backend.stdout as NodeJS.ReadableStream });
    lines.once('line', (line) => {
      lines.close();
      resolve(line);
    });
    backend.once('exit', (code) => reject(new Error(`exited with ${code} before listening`)));
  });
}

function exitOf(backend: ChildProcess): Promise<number | null> {
  if (backend.exitCode !== null) return Promise.resolve(backend.exitCode);
  return new Promise((resolve) => backend.once('exit', (code) => resolve(code)));
}

function collect(stream: NodeJS.ReadableStream | null): () => string {
  let text = '';
  stream?.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  return () => text;
}

describe('main', () => {
  it('prints one listening line, serves links, survives junk, and exits 0 on SIGTERM', async () => {
    const backend = start(['--system', 'dmv']);
    const stderr = collect(backend.stderr);
    const listening = JSON.parse(await firstLine(backend)) as { event: string; link: string; control: string; systems: string[] };
    expect(listening).toMatchObject({ event: 'listening', systems: ['DMV'] });
    expect(listening.link).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(listening.control).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    const junk = await connectLink(listening.link, LINK);
    for (let index = 0; index < 500; index += 1) junk.sendBytes(Uint8Array.from({ length: (index % 40) + 1 }, (_, at) => (index * 31 + at * 17) & 0xff));
    expect((await junk.closed).code).toBe(4007);

    const client = await connectLink(listening.link, LINK);
    const [reply] = await client.request({ requestId: 'r1', system: 'DMV', transaction: { header: { messageKey: 'ZZ' } } });
    expect(reply?.reject?.code).toBe('CLETS_ERR_UNKNOWN_MESSAGE_KEY');
    const health = (await (await fetch(`${listening.control}/healthz`)).json()) as { ok: boolean };
    expect(health.ok).toBe(true);

    backend.kill('SIGTERM');
    expect((await client.closed).code).toBe(1001);
    expect(await exitOf(backend)).toBe(0);
    expect(stderr()).not.toContain(LINK.secret);
  });

  it('exits 2 listing every config problem', async () => {
    const backend = start(['--system', 'fbi'], { CLETS_BACKEND_PORT: 'eighty' });
    const stderr = collect(backend.stderr);
    expect(await exitOf(backend)).toBe(2);
    expect(stderr()).toContain('--system: expected ncic|nlets|dmv|cori|all');
  });
});
