import { afterEach, describe, expect, it } from 'vitest';
import { parseMnemonic } from '@clets/protocol';
import { noRecord, startFakeSwitch, type FakeSwitch, type ScriptStep, type TransactionScript } from '@clets/terminal/testing';
import { AnswerChecker } from './answer-checker.js';
import type { TerminalLogin } from './fixture-terminals.js';
import type { KeyMix } from './key-mix.js';
import { openConnections, type ClientKind, type LoadConnection } from './load-connections.js';
import { runLoad } from './load-generator.js';

const ORI = 'CA0194200';
const TERMINALS = ['T001', 'T002', 'T003', 'T004'];
const LOGINS: TerminalLogin[] = TERMINALS.map((mnemonic, index) => ({
  mnemonic, ori: ORI, deviceSecret: `device-secret-${index + 1}`, operatorId: `OP${index + 1}`,
  password: `correct horse ${index + 1}`, totpSecret: '', role: 'FAO',
}));

const LINE = `QW.${ORI}.NAM/QUILLAN,ORREN.SEX/M.DOB/19800115.RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP SUSPECT VEH;CASE:26-001234`;
const MIX: KeyMix = {
  weights: { QW: 1 }, counts: { QW: 1 }, refused: 0, size: 1,
  forOri: () => [{ key: 'QW', line: LINE, transaction: parseMnemonic(LINE) }],
};

/** Receipt, NCIC and CORI responses, completion: what the real switch answers a QW. The
 *  completion names both systems whatever was sent before it, as a switch that lost a frame
 *  on the way would. */
const CORRECT: readonly ScriptStep[] = [{ kind: 'receipt' }, noRecord('NCIC'), noRecord('CORI'), { kind: 'completion', answered: ['NCIC', 'CORI'] }];

let fake: FakeSwitch | undefined;
let connections: LoadConnection[] = [];

afterEach(async () => {
  await Promise.allSettled(connections.map((connection) => connection.close()));
  connections = [];
  await fake?.close();
  fake = undefined;
});

async function load(script: TransactionScript, client: ClientKind = 'lean', count = 1000) {
  fake = await startFakeSwitch({
    terminals: Object.fromEntries(LOGINS.map((login) => [login.mnemonic, login.deviceSecret])),
    operators: Object.fromEntries(LOGINS.map((login) => [login.operatorId, { password: login.password, ori: ORI }])),
    scripts: { '*': script },
  });
  connections = await openConnections(fake.url, LOGINS, client);
  return runLoad({ connections, mix: MIX, mode: 'closed', window: 4, count, deadlineMs: 400, drainMs: 1_500 });
}

describe('load generator: every answer is checked', () => {
  it.each(['lean', 'terminal-client'] as const)('reports no fault against a correct switch (%s client)', async (client) => {
    const report = await load(CORRECT, client);
    expect(report.counts.completed).toBe(1000);
    expect(report.counts.totalFaults).toBe(0);
    expect(report.counts.inFlight).toBe(0);
    expect(report.ok).toBe(true);
  });

  it.each(['lean', 'terminal-client'] as const)('catches a switch that drops the completion of one transaction in a hundred (%s client)', async (client) => {
    const report = await load((_transaction, context) => (context.inputSeq % 100 === 0 ? CORRECT.slice(0, -1) : CORRECT), client);
    expect(report.counts.faults.lost).toBe(10);
    expect(report.counts.completed).toBe(990);
    expect(report.ok).toBe(false);
  });

  it('catches a switch that drops one response in a hundred (the completion still comes)', async () => {
    const report = await load((_transaction, context) => (context.inputSeq % 100 === 50 ? CORRECT.filter((step) => step.kind !== 'response' || step.system !== 'CORI') : CORRECT));
    expect(report.counts.faults.incomplete).toBe(10);
    expect(report.counts.faults.lost).toBe(0);
    expect(report.ok).toBe(false);
  });

  it('catches a switch that sends one answer in a hundred to another terminal\'s question', async () => {
    // The fake switch answers on the asking connection; misrouting = the answer carries the
    // id of a question another terminal asked (so that terminal's own answer goes missing).
    let lastByTerminal = new Map<string, string>();
    const report = await load((transaction, context) => {
      const id = transaction.header?.clientMessageId ?? '';
      const other = [...lastByTerminal].find(([mnemonic]) => mnemonic !== context.mnemonic)?.[1];
      lastByTerminal.set(context.mnemonic, id);
      if (context.inputSeq % 100 !== 0 || other === undefined) return CORRECT;
      return CORRECT.map((step) => (step.kind === 'completion' ? { ...step, clientMessageId: other } : step));
    });
    lastByTerminal = new Map();
    expect(report.counts.faults.misrouted).toBe(10);
    expect(report.counts.faults.lost).toBe(10);
    expect(report.ok).toBe(false);
  });

  it('catches a switch that echoes the wrong control field', async () => {
    const report = await load((_transaction, context) => (context.inputSeq % 100 === 0
      ? CORRECT.map((step) => (step.kind === 'response' ? { kind: 'frame', frame: { response: { header: { clientMessageId: _transaction.header?.clientMessageId ?? '', control: 'WRONG' }, system: step.system } } } satisfies ScriptStep : step))
      : CORRECT));
    expect(report.counts.faults['header-mismatch']).toBe(20);
    expect(report.ok).toBe(false);
  });
});

describe('answer checker', () => {
  it('tells a duplicate from a stray, and a completion that came before its receipt', () => {
    const checker = new AnswerChecker();
    checker.expect('A', { clientMessageId: 'a1', control: 'C1', messageKey: 'QW' }, 0);
    checker.answer('A', 'completion', { clientMessageId: 'a1', control: 'C1', messageKey: 'QW' }, { answered: [] });
    checker.answer('A', 'completion', { clientMessageId: 'a1', control: 'C1', messageKey: 'QW' }, { answered: [] });
    checker.answer('A', 'receipt', { clientMessageId: 'zz', control: 'C1' });
    const counts = checker.finish();
    expect(counts.faults).toMatchObject({ 'out-of-order': 1, duplicate: 1, uncorrelated: 1, lost: 0 });
  });
});
