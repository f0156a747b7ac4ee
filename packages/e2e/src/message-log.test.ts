/**
 * The operator's message log across sessions, against a running county switch with the CJIS
 * rules on: an operator sends a QW from the CLI and logs out; in a new CLI session they list
 * their log, build the hit confirmation from it and save the answer to a case file; another
 * operator, at the same terminal or another, reads none of it.
 */
import { execFile, spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures, type FixtureSet } from '@clets/fixtures';
import { REPO_ROOT, startCountyNetwork, type CountyNetwork } from '@clets/launcher';

const ORI = 'CA0190100';
const RTE = 'RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP SUSPECT VEH;CASE:26-001234';
/** A wanted person of the fixtures: NCIC answers with a hit entered by CA0190000. */
const QW = `QW.${ORI}.NAM/KORVALE,DESMIN.SEX/M.DOB/19860412.${RTE}`;
const CLI = join(REPO_ROOT, 'node_modules', '.bin', 'clets-terminal');

let fixtures: FixtureSet;
let network: CountyNetwork;
let dir: string;
const children: ChildProcessWithoutNullStreams[] = [];

function environment(operatorId: string, mnemonic: string): NodeJS.ProcessEnv {
  const terminal = fixtures.terminals.find((candidate) => candidate.mnemonic === mnemonic);
  const operator = fixtures.operators.find((candidate) => candidate.id === operatorId);
  if (terminal === undefined || operator?.totpSecret == null) throw new Error(`no fixture terminal ${mnemonic} or operator ${operatorId}`);
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('CLETS_')));
  return {
    ...inherited, NO_COLOR: '1', CLETS_URL: network.terminalsUrl, CLETS_TERMINAL: mnemonic, CLETS_DEVICE_SECRET: terminal.deviceSecret,
    CLETS_OPERATOR: operatorId, CLETS_PASSWORD: `Demo-Pass-${operatorId.slice(2)}!`, CLETS_TOTP_SECRET: operator.totpSecret,
  };
}

/** One scripted CLI run (`--exec` lines, JSON out): each transaction's report. */
function exec(operatorId: string, mnemonic: string, ...lines: string[]): Promise<Record<string, unknown>[]> {
  return new Promise((resolve, reject) => {
    execFile(CLI, ['--accept-banner', '--json', ...lines.flatMap((line) => ['--exec', line])], { cwd: REPO_ROOT, timeout: 60_000, env: environment(operatorId, mnemonic) }, (error, stdout, stderr) => {
      if (error !== null) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>));
    });
  });
}

/** An interactive CLI session on pipes: type a line once the prompt is back, read what it printed. */
class Session {
  #out = '';
  readonly #child: ChildProcessWithoutNullStreams;
  readonly exited: Promise<number | null>;

  constructor(operatorId: string, mnemonic: string) {
    this.#child = spawn(CLI, ['--accept-banner'], { cwd: REPO_ROOT, env: environment(operatorId, mnemonic) });
    children.push(this.#child);
    this.#child.stdout.on('data', (chunk: Buffer) => { this.#out += chunk.toString('utf8'); });
    this.#child.stderr.on('data', (chunk: Buffer) => { this.#out += chunk.toString('utf8'); });
    this.exited = new Promise((resolve) => this.#child.on('exit', (code) => resolve(code)));
  }

  /** Waits for the text to appear after `from` (an offset in the output); resolves with what came since. */
  async waitFor(pattern: RegExp, from = 0, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    while (!pattern.test(this.#out.slice(from))) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; output:\n${this.#out}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return this.#out.slice(from);
  }

  /** Types a line and waits for its answer. */
  async type(line: string, answer: RegExp): Promise<string> {
    const from = this.#out.length;
    this.#child.stdin.write(`${line}\n`);
    return this.waitFor(answer, from);
  }
}

beforeAll(async () => {
  fixtures = await loadFixtures();
  dir = mkdtempSync(join(tmpdir(), 'clets-message-log-'));
  network = await startCountyNetwork({
    dir,
    switchConfig: {
      limits: { requestDeadlineMs: 5_000 },
      // The CJIS rules as the demo runs them: a cheap scrypt cost, nothing else relaxed.
      security: { databasePath: join(dir, 'county-19-security.db'), settings: { passwords: { scrypt: { cost: 2 ** 12 } } } },
    },
  });
}, 120_000);

afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await network?.stop();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('the message log across CLI sessions, against a running switch', () => {
  it('shows OP1024, logged in again, the QW of the last session; yq and save work from it; other operators see none of it', async () => {
    const [sent] = await exec('OP1024', 'LA09', QW);
    expect(sent).toMatchObject({ outcome: 'answered', hit: true });
    const isn = sent!['inputSeq'] as number;
    expect(isn).toBeGreaterThan(0);

    const session = new Session('OP1024', 'LA09');
    await session.waitFor(/OP1024@LA09 CA0190100> /);
    const listing = await session.type('log', /END OF LOG|MORE: PAGE/);
    expect(listing).toContain('MESSAGE LOG OF OP1024, NEWEST FIRST, PAGE 1');
    expect(listing).toMatch(new RegExp(`OUT +${isn} QW +NCIC CORI +QW\\.${ORI}\\.NAM/KORVALE,DESMIN`));
    expect(listing).toMatch(new RegExp(`IN +${isn} QW +NCIC +NCIC QW WANTED PERSON INQUIRY - \\d+ HITS?`));
    const yq = await session.type(`yq ${isn}`, /EDIT AND SEND:\n.*\n/);
    expect(yq).toContain(`YQ.${ORI}.CA0190000.NIC/W297823148.PRI/U.RNO/1`);
    const file = join(dir, 'case-26-001234.txt');
    await session.type(`save ${isn} ${file}`, /SAVED ISN\/\d+ TO /);
    const saved = readFileSync(file, 'utf8');
    expect(saved).toMatch(new RegExp(`^CLETS MESSAGE LOG EXTRACT FOR A CASE FILE: ISN/${isn}\\nRECEIVED \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ\\nSAVED .* BY OPERATOR OP1024 AT TERMINAL LA09 ORI/${ORI}\\n`));
    expect(saved).toContain('W297823148');
    await session.type(`save ${isn} ${file}`, /NOT SAVED: .* EXISTS/);
    await session.type('exit', /LOGGED OUT/);
    expect(await session.exited).toBe(0);

    // Another operator at the same terminal, and at another terminal of the agency.
    for (const mnemonic of ['LA09', 'LA10']) {
      const reports = await exec('OP1025', mnemonic, `LOG.${ORI}.FND/KORVALE`, `LOG.${ORI}.ISN/${isn}`);
      for (const report of reports) {
        const responses = report['responses'] as { status: string; text: string }[];
        expect(responses.map((response) => response.status), mnemonic).toEqual(['NO_RECORD']);
        expect(responses[0]!.text).toMatch(/^NO MESSAGE /);
      }
    }
    expect(existsSync(file)).toBe(true);
  }, 120_000);
});
