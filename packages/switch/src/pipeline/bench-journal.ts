/**
 * What the transaction journal costs on the transaction path, a program (not a test):
 *
 *   pnpm exec tsx --conditions=source packages/switch/src/pipeline/bench-journal.ts [--transactions 50000] [--tick 10,100] [--sync FULL,NORMAL]
 *
 * Per transaction the switch hands the journal what it does on a busy switch: an input
 * sequence number, the accepted row (the transaction as a terminal sends it, about 300
 * bytes, with its legs and origin), waited for before the Receipt, and at the end its answer
 * (the frames of a two-system inquiry, about 1.4 KB), not waited for. `tick` transactions
 * a turn, as the group commit sees them. It reports transactions per second and the CPU time
 * each costs the event loop (commits included: better-sqlite3 runs them on the loop), and
 * checks what it measures: every accepted row and every answer read back at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Frame, Transaction } from '@clets/protocol';
import { TransactionJournal, type AcceptedTransaction } from './journal.js';

interface RunResult {
  readonly synchronous: 'FULL' | 'NORMAL';
  readonly tick: number;
  readonly transactions: number;
  readonly seconds: number;
  readonly transactionsPerSecond: number;
  readonly cpuMicrosPerTransaction: number;
  readonly bytesPerTransaction: number;
}

const RTE = { requester: 'DEP R VALE 4411', reason: 'TRAFFIC STOP SUSPECT VEH', caseNumber: '26-001234' };

function transaction(i: number): Transaction {
  return {
    header: {
      clientMessageId: `LA01-3f2b8c1e-${i}`, control: `C${i}`, messageKey: 'QW', ori: 'CA0190000', terminal: 'LA01', operatorId: 'OP1001',
      inputSeq: i, receivedAtMs: Date.now(),
    },
    routeTo: RTE,
    text: `QW.CA0190000.NAM/KORVALE,DESMIN.SEX/M.DOB/19860412.RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP SUSPECT VEH;CASE:26-001234`,
  };
}

function answer(i: number): Frame[] {
  const header = { clientMessageId: `LA01-3f2b8c1e-${i}`, control: `C${i}`, messageKey: 'QW', ori: 'CA0190000', terminal: 'LA01', operatorId: 'OP1001', inputSeq: i };
  const text = 'NCIC WANTED PERSON - FELONY WARRANT\nNAM/KORVALE,DESMIN ARLO SEX/M RAC/U DOB/19860412 HGT/509 WGT/167 EYE/BLU HAI/BRO\n'.repeat(5);
  return [
    { receipt: { header } },
    { response: { header, system: 'NCIC', responseKey: 'QW', status: 2, text, records: [{ system: 'NCIC', file: 'WANTED PERSON', recordId: 'W297823148', text }] } },
    { response: { header, system: 'CORI', responseKey: 'QW', status: 1, text: 'NO RECORD WPS CARPOS MPS CSAR' } },
    { completion: { header, answered: ['NCIC', 'CORI'], failed: [], inputSeq: i } },
  ];
}

async function runOnce(synchronous: 'FULL' | 'NORMAL', tick: number, transactions: number): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'clets-bench-journal-'));
  const path = join(dir, 'messages.db');
  const journal = new TransactionJournal({ path, synchronous, checkpointIntervalMs: 1_000 });
  const started = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  for (let first = 0; first < transactions; first += tick) {
    const turn: Promise<void>[] = [];
    for (let i = first; i < Math.min(first + tick, transactions); i += 1) {
      const id = journal.nextId();
      const place = { key: `["terminal","LA01","OP1001","LA01-3f2b8c1e-${i}"]`, share: '["terminal","LA01","OP1001",""]', digest: `digest-${i}`, at: Date.now() };
      const accepted: AcceptedTransaction = {
        transaction: transaction(i), auditSeq: i + 1, inputSeq: journal.nextInputSeq('LA01', Date.now()), receivedAt: Date.now(),
        decision: { kind: 'systems', whenDown: 'refuse', legs: [{ system: 'NCIC', link: 'state', targets: ['NCIC'], destinations: [] }, { system: 'CORI', link: 'state', targets: ['WPS'], destinations: [] }] },
        origin: { kind: 'terminal', terminal: 'LA01', operatorId: 'OP1001', sourceAddress: '10.19.4.7:52011' },
      };
      turn.push(journal.accept(id, place, accepted).then(() => journal.finish(id, place, i + 1, answer(i))));
    }
    await Promise.all(turn);
  }
  await journal.flush();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const used = process.cpuUsage(cpu);
  const entries = journal.load(Date.now(), 3_600_000);
  const finished = entries.filter((entry) => entry.state === 'finished' && entry.frames.length === 4).length;
  if (finished !== transactions) throw new Error(`read back ${finished} answered transactions of ${transactions}`);
  const pages = journal.connection.pragma('page_count', { simple: true }) as number;
  const pageSize = journal.connection.pragma('page_size', { simple: true }) as number;
  await journal.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    synchronous, tick, transactions, seconds: Math.round(seconds * 100) / 100,
    transactionsPerSecond: Math.round(transactions / seconds),
    cpuMicrosPerTransaction: Math.round((used.user + used.system) / transactions),
    bytesPerTransaction: Math.round(pages * pageSize / transactions),
  };
}

const { values } = parseArgs({
  options: {
    transactions: { type: 'string', default: '50000' }, tick: { type: 'string', default: '10,100' }, sync: { type: 'string', default: 'FULL,NORMAL' },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});
if (values.help) {
  process.stdout.write('usage: bench-journal.ts [--transactions N] [--tick 10,100] [--sync FULL,NORMAL]\n');
  process.exit(0);
}
const results: RunResult[] = [];
for (const synchronous of values.sync.split(',') as ('FULL' | 'NORMAL')[]) {
  for (const tick of values.tick.split(',').map(Number)) {
    const result = await runOnce(synchronous, tick, Number(values.transactions));
    process.stdout.write(`${JSON.stringify(result)}\n`);
    results.push(result);
  }
}
process.stdout.write('\n| synchronous | per turn | transactions/s | CPU per transaction | bytes per transaction |\n|---|---|---|---|---|\n');
for (const result of results) {
  process.stdout.write(`| ${result.synchronous} | ${result.tick} | ${result.transactionsPerSecond} | ${result.cpuMicrosPerTransaction} us | ${result.bytesPerTransaction} |\n`);
}
