/**
 * The CLI in a real pseudo-terminal: tmux runs `clets-terminal` (the compiled command)
 * against a fake switch in this process; keys go in with send-keys, the screen comes back
 * with capture-pane. Logs in (banner, hidden password), runs a QW, receives an AM while a
 * line is half typed, and exits cleanly. Skipped when tmux is not installed; the same flows
 * are covered without a terminal by interactive.test.ts.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answer, FAKE_OPERATOR, FAKE_TERMINAL, noRecord, startFakeSwitch, type FakeSwitch } from '../testing/index.js';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
/** The command as the package manager links it; the test run compiles the workspace first. */
const CLI = join(REPO, 'node_modules', '.bin', 'clets-terminal');
const HAVE_TMUX = spawnSync('tmux', ['-V'], { stdio: 'ignore' }).status === 0 && existsSync(CLI);

const SOCKET = `clets-cli-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
const PROMPT = 'OP1@T001 CA0194200> ';
const RTE = 'RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP;CASE:26-001234';
const QW = `QW.CA0194200.NAM/DOE,JOHN.DOB/19800115.${RTE}`;

/** A clean environment for the tmux server: no TMUX (we may run inside one), no CLETS_*. */
const TMUX_ENV = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? tmpdir(), TERM: 'xterm-256color', LANG: 'C.UTF-8' };

function tmux(...args: string[]): string {
  const result = spawnSync('tmux', ['-L', SOCKET, '-f', '/dev/null', ...args], { env: TMUX_ENV, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`tmux ${args[0]}: ${result.stderr}`);
  return result.stdout;
}

/** The visible screen, wrapped lines joined, trailing blanks dropped. */
function screen(): string {
  return tmux('capture-pane', '-p', '-J', '-t', 'cli').split('\n').map((line) => line.trimEnd()).join('\n');
}

async function waitForScreen(pattern: string | RegExp, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const shown = screen();
    if (typeof pattern === 'string' ? shown.includes(pattern) : pattern.test(shown)) return shown;
    if (Date.now() > deadline) throw new Error(`tmux: no ${String(pattern)} on the screen:\n${shown}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Types text literally (no key names), then optionally presses Enter. */
function type(text: string, enter = false): void {
  tmux('send-keys', '-t', 'cli', '-l', text);
  if (enter) tmux('send-keys', '-t', 'cli', 'Enter');
}

describe.skipIf(!HAVE_TMUX)('clets-terminal in a pseudo-terminal (tmux)', () => {
  let fake: FakeSwitch;
  let dir: string;

  beforeAll(async () => {
    fake = await startFakeSwitch({ scripts: { QW: answer({ responses: [noRecord('NCIC'), noRecord('CORI')] }) } });
    dir = mkdtempSync(join(tmpdir(), 'clets-cli-pty-'));
    const credentials = join(dir, 'credentials.json');
    // The password is left out: it is typed at the hidden prompt, as an operator would.
    writeFileSync(credentials, JSON.stringify({ url: fake.url, terminal: FAKE_TERMINAL.mnemonic, deviceSecret: FAKE_TERMINAL.deviceSecret, operator: FAKE_OPERATOR.operatorId }));
    chmodSync(credentials, 0o600);
    const command = `'${CLI}' --credentials '${credentials}'; echo "CLI EXIT $?"; sleep 120`;
    tmux('new-session', '-d', '-s', 'cli', '-x', '160', '-y', '50', '-c', REPO, command);
  });

  afterAll(async () => {
    try {
      tmux('kill-server');
    } catch {
      // Already gone.
    }
    await fake?.close();
    if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  });

  it('logs in, runs a QW, shows an AM while a line is half typed, and exits cleanly', async () => {
    await waitForScreen('Do you acknowledge this notice and wish to continue? (yes/no):');
    expect(screen()).toContain('SYSTEM USE NOTIFICATION');
    type('yes', true);
    await waitForScreen('Password:');
    type(FAKE_OPERATOR.password, true);
    await waitForScreen(PROMPT.trimEnd());
    expect(screen()).not.toContain(FAKE_OPERATOR.password);
    expect(screen()).toContain('LOGGED IN OP1 (FAO) AT T001 ORI/CA0194200');

    type(QW, true);
    const answered = await waitForScreen(/END ISN\/1 ANSWERED\/NCIC,CORI FAILED\/-/);
    expect(answered).toContain('NCIC QW WANTED PERSON INQUIRY - NO RECORD');

    const partial = 'QW.CA0194200.NAM/DOE,J';
    type(partial);
    await waitForScreen(`${PROMPT}${partial}`);
    expect(fake.push({
      adminMessage: { header: { ori: 'CA0370000', terminal: 'SD01', operatorId: 'OP2001' }, officerSafety: 'ARMED', text: 'ATTEMPT TO LOCATE GRAY SEDAN' },
    })).toBe(1);
    const shown = await waitForScreen('ATTEMPT TO LOCATE GRAY SEDAN');
    const lines = shown.split('\n').filter((line) => line !== '');
    const am = lines.indexOf('AM FROM CA0370000/SD01 OP2001');
    expect(am).toBeGreaterThan(0);
    expect(lines.slice(am)).toEqual([
      'AM FROM CA0370000/SD01 OP2001', '*** OFFICER SAFETY: ARMED ***', 'ATTEMPT TO LOCATE GRAY SEDAN', `${PROMPT}${partial}`,
    ]);

    const sent = fake.nextFrame('transaction', 10_000);
    type(`OHN.DOB/19800115.${RTE}`, true);
    expect((await sent).frame.transaction?.text).toBe(QW);
    await waitForScreen(/END ISN\/2 /);

    type('exit', true);
    const end = await waitForScreen('CLI EXIT');
    expect(end).toContain('LOGGED OUT\nCLI EXIT 0');
    expect(fake.received.at(-1)?.frame.body).toBe('logout');
  });
});
