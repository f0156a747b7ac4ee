import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { HitStatus } from '@clets/protocol';
import { answer, FAKE_OPERATOR, FAKE_TERMINAL, hit, noRecord, refuse, startFakeSwitch, systemReject, type FakeSwitch, type FakeSwitchOptions } from '../testing/index.js';
import { EXIT } from './exit-codes.js';
import { runCli } from './main.js';
import { exitCodeFor, runTransactions, scriptLines, type TransactionReport } from './session.js';

const RTE = 'RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP;CASE:26-001234';
const QW = `QW.CA0194200.NAM/DOE,JOHN.DOB/19800115.${RTE}`;
const QV = `QV.CA0194200.LIC/8ABC123.LIS/CA.${RTE}`;

let fake: FakeSwitch | undefined;
let dir: string | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function collector(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString('utf8');
  });
  return { stream, text: () => text };
}

async function batch(argv: string[], options: { env?: Record<string, string>; stdin?: string; fake?: FakeSwitchOptions } = {}) {
  fake ??= await startFakeSwitch(options.fake ?? {});
  const stdout = collector();
  const stderr = collector();
  const stdin = new PassThrough();
  if (options.stdin !== undefined) stdin.end(options.stdin);
  const code = await runCli({
    argv: ['--accept-banner', ...argv],
    env: {
      CLETS_URL: fake.url, CLETS_TERMINAL: FAKE_TERMINAL.mnemonic, CLETS_DEVICE_SECRET: FAKE_TERMINAL.deviceSecret,
      CLETS_OPERATOR: FAKE_OPERATOR.operatorId, CLETS_PASSWORD: FAKE_OPERATOR.password, ...options.env,
    },
    stdin, stdout: stdout.stream, stderr: stderr.stream,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

function reports(stdout: string): TransactionReport[] {
  return stdout.trim().split('\n').map((line) => JSON.parse(line) as TransactionReport);
}

function sentLines(): string[] {
  return (fake?.received ?? []).filter((received) => received.frame.body === 'transaction').map((received) => received.frame.transaction?.text ?? '');
}

describe('--exec and --script against a switch', () => {
  it('exits 0 when every transaction is answered, a no-record included, and writes a transcript', async () => {
    const { code, stdout, stderr } = await batch(['--exec', QW, '--exec', QV]);
    expect(code).toBe(EXIT.OK);
    expect(stdout).toContain(`OP1@T001 CA0194200> ${QW}\nACK QW ISN/1 `);
    expect(stdout).toContain('NCIC QW WANTED PERSON INQUIRY - NO RECORD');
    expect(stdout).toMatch(/END ISN\/2 ANSWERED\/NCIC FAILED\/- \(\d+ MS\)/);
    expect(stderr).toContain('SYSTEM USE NOTIFICATION');
    expect(stderr).toContain('BANNER ACKNOWLEDGED (--accept-banner)');
    expect(stderr).toContain('LOGGED IN OP1 (FAO) AT T001 ORI/CA0194200');
    expect(stderr).toContain('2 TRANSACTIONS: 2 ANSWERED; EXIT 0');
    expect(sentLines()).toEqual([QW, QV]);
    expect(fake?.received.some((received) => received.frame.body === 'logout')).toBe(true);
  });

  it('writes one JSON object per transaction with outcome, input sequence, responses, rejects and completion', async () => {
    const { code, stdout } = await batch(['--json', '--exec', QW], {
      fake: {
        scripts: {
          QW: answer({
            responses: [
              hit('NCIC', 'WARNING - DO NOT ARREST', { records: [{ status: HitStatus.HIT_STATUS_HIT, system: 'NCIC', file: 'WANTED PERSON', recordId: 'W297823148', enteringOri: 'CA0370000', fields: [{ tag: 'NAM', value: 'DOE,JOHN' }] }] }),
              noRecord('CORI'),
            ],
          }),
        },
      },
    });
    expect(code).toBe(EXIT.OK);
    const [report] = reports(stdout);
    expect(Object.keys(report!)).toEqual([
      'index', 'source', 'line', 'outcome', 'messageKey', 'hit', 'clientMessageId', 'control', 'inputSeq', 'receivedAt',
      'queued', 'responses', 'rejects', 'rejected', 'completion', 'error', 'durationMs',
    ]);
    expect(report).toMatchObject({
      index: 1, source: '--exec 1', line: QW, outcome: 'answered', messageKey: 'QW', hit: true, control: '000001', inputSeq: 1,
      responses: [
        { system: 'NCIC', responseKey: 'QW', status: 'HIT', hit: true, records: [{ status: 'HIT', file: 'WANTED PERSON', recordId: 'W297823148', enteringOri: 'CA0370000', fields: [{ tag: 'NAM', value: 'DOE,JOHN' }] }] },
        { system: 'CORI', status: 'NO_RECORD', hit: false, records: [] },
      ],
      rejects: [], rejected: null, error: null,
      completion: { answered: ['NCIC', 'CORI'], failed: [], inputSeq: 1 },
    });
    expect(report?.receivedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('exits 1 for a line the local check refuses, which is never sent, and goes on with the rest', async () => {
    const bad = `QW.CA0194200.NAM/DOE,JOHN.DOB/19801345.${RTE}`;
    const { code, stdout } = await batch(['--json', '--exec', bad, '--exec', QV]);
    expect(code).toBe(EXIT.REJECTED);
    const [refused, answered] = reports(stdout);
    expect(refused).toMatchObject({ outcome: 'rejected', rejected: { by: 'terminal', code: 'CLETS_ERR_FIELD_INVALID', field: 'DOB', position: 27, echo: bad } });
    expect(answered?.outcome).toBe('answered');
    expect(sentLines()).toEqual([QV]);
  });

  it('shows the local refusal with its caret in text output', async () => {
    const { code, stdout } = await batch(['--exec', 'QW.CA0194200.NAM/DOE,JOHN.DOB19800115']);
    expect(code).toBe(EXIT.REJECTED);
    expect(stdout).toContain("NOT SENT 201 MESSAGE TEXT IS NOT IN MNEMONIC FORMAT: PART 4 'DOB19800115' AT COLUMN 27 HAS NO '/': WRITE TAG/VALUE FIELD/DOB COLUMN/27\nQW.CA0194200.NAM/DOE,JOHN.DOB19800115\n                          ^");
  });

  it('exits 1 for a switch refusal, a failed system, or a timeout; 0 for a queued message', async () => {
    const { code, stdout } = await batch(['--json', '--timeout', '300', '--exec', QW, '--exec', QV, '--exec', `QG.CA0194200.SER/TX12345.${RTE}`, '--exec', `IQ.CA0194200.NV.NAM/DOE,JOHN.SEX/M.DOB/19800115.${RTE};PUR:C`], {
      fake: {
        scripts: {
          QW: refuse('CLETS_ERR_ROUTE_TO_VAGUE_REASON', 'route-to reason too vague', 'RTE'),
          QV: answer({ responses: [noRecord('NCIC')], rejects: [systemReject('CORI')] }),
          QG: [{ kind: 'receipt' }],
          IQ: answer({ queued: [{ kind: 'queued', system: 'NLETS' }] }),
        },
      },
    });
    expect(code).toBe(EXIT.REJECTED);
    const [vague, partial, timedOut, queued] = reports(stdout);
    expect(vague).toMatchObject({ outcome: 'rejected', rejected: { by: 'switch', code: 'CLETS_ERR_ROUTE_TO_VAGUE_REASON', field: 'RTE' } });
    expect(partial).toMatchObject({ outcome: 'partial', rejects: [{ system: 'CORI', code: 'CLETS_ERR_SYSTEM_TIMEOUT' }], completion: { failed: ['CORI'] } });
    expect(timedOut).toMatchObject({ outcome: 'error', error: { code: 'CLETS_ERR_SYSTEM_TIMEOUT' } });
    expect(queued).toMatchObject({ outcome: 'queued', queued: [{ system: 'NLETS' }] });
  });

  it('reads a script file: blank lines and # comments skipped, each line named by file and number', async () => {
    dir = mkdtempSync(join(tmpdir(), 'clets-cli-script-'));
    const path = join(dir, 'patrol.txt');
    writeFileSync(path, `# morning checks\n\n${QW}\n   # indented comment\n${QV}\n`);
    const { code, stdout } = await batch(['--json', '--script', path]);
    expect(code).toBe(EXIT.OK);
    expect(reports(stdout).map((report) => report.source)).toEqual([`${path}:3`, `${path}:5`]);
  });

  it('reads the script from standard input with --script -', async () => {
    const { code, stdout } = await batch(['--json', '--script', '-'], { stdin: `${QW}\n${QV}\n` });
    expect(code).toBe(EXIT.OK);
    expect(reports(stdout).map((report) => report.source)).toEqual(['stdin:1', 'stdin:2']);
  });

  it('puts traffic nobody asked for on standard output as text, or standard error with --json', async () => {
    const stored = { storedTraffic: [{ adminMessage: { header: { ori: 'CA0370000' }, text: 'BOLO GRAY SEDAN' } }] };
    const text = await batch(['--exec', QW], { fake: stored });
    expect(text.stdout.startsWith('AM FROM CA0370000\nBOLO GRAY SEDAN\n\nOP1@T001 CA0194200> QW.')).toBe(true);
    await fake?.close();
    fake = undefined;
    const json = await batch(['--json', '--exec', QW], { fake: stored });
    expect(json.stderr).toContain('BOLO GRAY SEDAN');
    expect(reports(json.stdout)).toHaveLength(1);
  });

  it('writes traffic that arrives during a transaction after its block in the transcript', async () => {
    const report = { deliveryReport: { messageId: 'm-1', destination: 'SD01', state: 1 } };
    const { stdout } = await batch(['--exec', 'AM.CA0194200.SD01.TXT/Shift change at 1900.'], {
      fake: { scripts: { AM: [{ kind: 'receipt' }, { kind: 'frame', frame: report }, { kind: 'completion', answered: ['DELIVERY'] }] } },
    });
    expect(stdout).toMatch(/^OP1@T001 CA0194200> AM\.CA0194200\.SD01\.TXT\/Shift change at 1900\.\nACK AM .*\nEND ISN\/1 ANSWERED\/DELIVERY .*\n\nDELIVERY MSG\/m-1 TO SD01: DELIVERED\n\n$/);
  });

  it('logs in with a TOTP secret from the environment', async () => {
    const { code } = await batch(['--exec', QW], {
      env: { CLETS_TOTP_SECRET: 'JBSWY3DPEHPK3PXP' },
      fake: { operators: { OP1: { password: FAKE_OPERATOR.password, totpSecret: 'JBSWY3DPEHPK3PXP' } } },
    });
    expect(code).toBe(EXIT.OK);
    expect(fake?.received.some((received) => received.frame.body === 'secondFactorAnswer')).toBe(true);
  });

  it('exits 3 when the login is refused or the switch cannot be reached, 2 without a password to use', async () => {
    const refused = await batch(['--exec', QW], { env: { CLETS_PASSWORD: 'wrong password' } });
    expect(refused.code).toBe(EXIT.CONNECTION);
    expect(refused.stderr).toMatch(/LOGIN FAILED: .*/);
    expect(refused.stderr).not.toContain('wrong password');
    expect(sentLines()).toEqual([]);

    const url = fake!.url;
    await fake?.close();
    fake = undefined;
    const unreachable = await batch(['--exec', QW], { env: { CLETS_URL: url } });
    expect(unreachable.code).toBe(EXIT.CONNECTION);

    const noPassword = await batch(['--exec', QW], { env: { CLETS_PASSWORD: '' } });
    expect(noPassword.code).toBe(EXIT.USAGE);
    expect(noPassword.stderr).toContain('no password: set CLETS_PASSWORD');
  });

  it('exits 3 when the connection is lost, reporting the lines not sent as skipped', async () => {
    const { code, stdout } = await batch(['--json', '--exec', QW, '--exec', QV, '--exec', QV], {
      fake: {
        scripts: {
          QW: () => {
            setTimeout(() => fake?.dropAll(), 20);
            return [{ kind: 'receipt' }];
          },
        },
      },
    });
    expect(code).toBe(EXIT.CONNECTION);
    expect(reports(stdout).map((report) => report.outcome)).toEqual(['error', 'skipped', 'skipped']);
  });

  it('exits 2 for a usage error and 0 for --help, without connecting', async () => {
    const stderr = collector();
    const stdout = collector();
    const io = { env: {}, stdin: new PassThrough(), stdout: stdout.stream, stderr: stderr.stream };
    expect(await runCli({ ...io, argv: ['--exec', QW] })).toBe(EXIT.USAGE);
    expect(stderr.text()).toMatch(/^clets-terminal: no switch URL/);
    expect(stderr.text()).toContain('Try clets-terminal --help');
    expect(await runCli({ ...io, argv: ['--help'] })).toBe(EXIT.OK);
    expect(stdout.text()).toContain('Usage:');
  });
});

describe('runTransactions', () => {
  it('stops sending once the sender is no longer ready', async () => {
    let state = 'ready';
    const sender = {
      get state() {
        return state;
      },
      send: async () => {
        state = 'idle';
        throw new Error('socket gone');
      },
    };
    const { reports: done, connectionLost } = await runTransactions(sender, scriptLines(`${QW}\n${QV}`, 'x'), { timeoutMs: 100 });
    expect(connectionLost).toBe(true);
    expect(done.map((report) => [report.outcome, report.error?.code])).toEqual([['error', 'CLETS_ERR_INTERNAL'], ['skipped', 'CLETS_ERR_SYSTEM_UNAVAILABLE']]);
    expect(exitCodeFor(done, connectionLost)).toBe(EXIT.CONNECTION);
  });

  it('maps outcomes to exit statuses', () => {
    const report = (outcome: TransactionReport['outcome']) => ({ outcome }) as TransactionReport;
    expect(exitCodeFor([report('answered'), report('queued')], false)).toBe(EXIT.OK);
    expect(exitCodeFor([], false)).toBe(EXIT.OK);
    for (const outcome of ['rejected', 'partial', 'error', 'skipped'] as const) expect(exitCodeFor([report('answered'), report(outcome)], false)).toBe(EXIT.REJECTED);
  });
});
