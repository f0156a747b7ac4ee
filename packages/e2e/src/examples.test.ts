/**
 * The integration examples of examples/ run as their README says: the demo network started
 * with `pnpm demo --env-out FILE` (its compiled script, TLS when openssl is installed), then
 * `bash examples/gateway.sh` and `node examples/ws-client.mjs` with the file's settings and
 * nothing else. If the gateway's answer, the wire protocol, the demo's settings or an example
 * changes so that an integrator following them would fail, this fails.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '@clets/launcher';

interface Outcome { readonly code: number; readonly stdout: string; readonly stderr: string }

const DEMO = join(REPO_ROOT, 'scripts', 'dist', 'demo.js');
const GATEWAY = ['bash', join(REPO_ROOT, 'examples', 'gateway.sh')] as const;
const WS_CLIENT = [process.execPath, join(REPO_ROOT, 'examples', 'ws-client.mjs')] as const;

let dir: string;
let demo: ChildProcess | undefined;
let demoOutput = '';
let settings: Record<string, string> = {};

/** KEY=VALUE lines as `set -a; . FILE` reads them (a value may be in single quotes). */
function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line);
    if (match === null) continue;
    const raw = match[2]!;
    values[match[1]!] = raw.startsWith("'") && raw.endsWith("'") ? raw.slice(1, -1) : raw;
  }
  return values;
}

/** The environment a reader has after sourcing the file: no CLETS_ setting of the test's own. */
function exampleEnvironment(): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('CLETS_')));
  return { ...inherited, ...settings, NO_COLOR: '1' };
}

function run(command: readonly string[], args: readonly string[] = []): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(command[0]!, [...command.slice(1), ...args], { cwd: REPO_ROOT, timeout: 90_000, env: exampleEnvironment() }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

async function waitForFile(path: string, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (!existsSync(path)) {
    if (demo === undefined || demo.exitCode !== null || demo.signalCode !== null) throw new Error(`the demo exited before writing ${path}:\n${demoOutput}`);
    if (Date.now() > until) throw new Error(`the demo did not write ${path} in time:\n${demoOutput}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clets-examples-'));
  const envFile = join(dir, 'demo.env');
  // Its own process group, so that whatever happens the whole network can be stopped.
  demo = spawn(process.execPath, [DEMO, '--quiet', '--env-out', envFile], { cwd: REPO_ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  demo.stdout?.on('data', (chunk: Buffer) => { demoOutput += String(chunk); });
  demo.stderr?.on('data', (chunk: Buffer) => { demoOutput += String(chunk); });
  await waitForFile(envFile, 110_000);
  settings = parseEnvFile(readFileSync(envFile, 'utf8'));
}, 120_000);

afterAll(async () => {
  const running = demo;
  if (running !== undefined && running.exitCode === null && running.signalCode === null) {
    const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
    running.kill('SIGINT');
    const stopped = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 30_000))]);
    if (!stopped && running.pid !== undefined) process.kill(-running.pid, 'SIGKILL');
  }
  // The demo keeps its databases and certificate in a directory of its own: it prints it.
  const demoDir = /state in (\S+?)\)/.exec(demoOutput)?.[1];
  if (demoDir !== undefined && dirname(demoDir) === tmpdir()) rmSync(demoDir, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('the integration examples against the demo network', () => {
  it('the demo writes every setting the examples read', () => {
    for (const name of ['CLETS_URL', 'CLETS_HTTP_URL', 'CLETS_TERMINAL', 'CLETS_DEVICE_SECRET', 'CLETS_OPERATOR', 'CLETS_PASSWORD', 'CLETS_TOTP_SECRET',
      'CLETS_GATEWAY_TERMINAL', 'CLETS_GATEWAY_DEVICE_SECRET', 'CLETS_GATEWAY_OPERATOR', 'CLETS_GATEWAY_PASSWORD', 'CLETS_GATEWAY_TOTP_SECRET']) {
      expect(settings[name], name).toBeTruthy();
    }
    // Two operators: a TOTP code is taken once per operator and step, and both examples log in.
    expect(settings['CLETS_GATEWAY_OPERATOR']).not.toBe(settings['CLETS_OPERATOR']);
    if (settings['CLETS_CA_FILE'] !== undefined) {
      expect(settings['CLETS_URL']).toMatch(/^wss:\/\//);
      expect(settings['CLETS_HTTP_URL']).toMatch(/^https:\/\//);
    }
  });

  it('gateway.sh opens a session, gets its QW answered to the completion, and closes the session', async () => {
    const outcome = await run(GATEWAY);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/^201 \{"token":/m);
    expect(outcome.stdout).toMatch(/^200 \{"clientMessageId":"GW-EX-[^"]+","complete":true,/m);
    expect(outcome.stdout).toMatch(/^frames: receipt( response)+ completion$/m);
    // The default subject is a person no file holds: every system says so.
    expect(outcome.stdout).toMatch(/^ {2}NCIC HIT_STATUS_NO_RECORD$/m);
    expect(outcome.stdout).toMatch(/^ {2}CORI HIT_STATUS_NO_RECORD$/m);
    expect(outcome.stdout).toMatch(/^204$/m);
  }, 120_000);

  it('ws-client.mjs, written from proto/ alone, logs in, gets its QW answered to the completion, and logs out', async () => {
    const outcome = await run(WS_CLIENT);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain(`logged in: ${settings['CLETS_OPERATOR']} at ${settings['CLETS_TERMINAL']}`);
    expect(outcome.stdout).toMatch(/^receipt ISN\/\d+ control EX-0001$/m);
    // The default subject is the fixtures' wanted person: NCIC and the state's WPS both hit.
    expect(outcome.stdout).toMatch(/^response NCIC HIT_STATUS_HIT /m);
    expect(outcome.stdout).toMatch(/^ {2}HIT_STATUS_HIT WANTED PERSON W\d{9}$/m);
    expect(outcome.stdout).toMatch(/^completion ISN\/\d+ answered (NCIC,CORI|CORI,NCIC) failed -$/m);
    expect(outcome.stdout).toMatch(/closed with 4017$/m);
  }, 120_000);

  it('ws-client.mjs uses no package of this project: only protobufjs, ws and node', () => {
    const source = readFileSync(WS_CLIENT[1], 'utf8');
    const imported = [...source.matchAll(/^import .* from '([^']+)';$/gm)].map((match) => match[1]);
    expect(imported.sort()).toEqual(['node:crypto', 'node:fs', 'node:url', 'protobufjs', 'ws']);
  });

  it('both answer --help with exit 0 and refuse an unknown flag with exit 2, naming it', async () => {
    for (const command of [GATEWAY, WS_CLIENT]) {
      const help = await run(command, ['--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toMatch(/^usage:/);
      const unknown = await run(command, ['--no-such-flag']);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toContain('--no-such-flag');
      expect(unknown.stdout).toBe('');
    }
  }, 60_000);
});
