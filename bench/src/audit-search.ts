/**
 * Scenario: the audit subject search ("who looked up this person, this plate") over a large
 * log. The log is filled through the store itself (appendMany in large batches: the rows are
 * chained, keyed and indexed exactly as the switch writes them), as a county switch would
 * write it over a year: transactions on synthetic persons, plates, VINs, licences and guns,
 * each with its responses and completion (linked by auditSeq), refused look-ups, logons.
 * Then many searches of random subjects from a reopened store (a fresh connection, as the
 * CLI or the HTTP API has): person by name and date of birth with sound-alike names (two
 * keys), plate and state, VIN, licence and state, serial; and as an agency coordinator,
 * scoped to one agency's ORIs. Latency of `search()` p50/p99; the audited search (which
 * commits its own audit_read row first, synchronous FULL) is measured apart.
 *
 * The check: every search of a subject looked up during the fill finds that look-up (its
 * seq), with its answers; searches of subjects never looked up find nothing.
 *
 *   tsx bench/src/audit-search.ts [--full] [--rows N] [--keep DIR]
 * Short: 200,000 rows. Full: 10,000,000 rows (several minutes to fill; run it with nice).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { subjectKeys, subjectSearchKeys, type SubjectQuery } from '@clets/protocol';
import { openAuditStore, type AuditEvent, type SqliteAuditStore } from './internals.js';
import { LatencyHistogram, type LatencySummary } from './latency.js';
import { figure, round, startScenario, stderrLog, writeResult, type Check, type ScenarioOptions, type ScenarioResult } from './results.js';

const TARGET_MS = 100;
const SHORT_ROWS = 200_000;
const FULL_ROWS = 10_000_000;
const SEARCHES = 5_000;
const AUDITED_SEARCHES = 200;
/** Rows appended per appendMany (and per transaction: batchMaxRows). */
export const FILL_BATCH = 20_000;
const YEAR_MS = 365 * 86_400_000;

/** A small seeded generator (mulberry32): the same log every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const SYLLABLES = ['KOR', 'VAL', 'DES', 'MIN', 'QUIL', 'LAN', 'OR', 'REN', 'MAR', 'LOW', 'TES', 'SA', 'BRE', 'NOK', 'TAL', 'VEN',
  'DRA', 'MOS', 'KEL', 'PIR', 'ZAN', 'THO', 'GRE', 'LIS', 'FEN', 'RUD', 'CAS', 'WEN', 'HAL', 'JOR', 'SKE', 'TIV'] as const;
const LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';
const VIN_CHARS = '0123456789ABCDEFGHJKLMNPRSTUVWXYZ';

/** Synthetic subjects, by index: the same index always gives the same subject. */
function person(index: number): { name: string; dob: string } {
  const pick = random(index * 7 + 1);
  const syllable = (): string => SYLLABLES[Math.floor(pick() * SYLLABLES.length)] ?? 'KOR';
  const last = syllable() + syllable() + (pick() < 0.5 ? syllable() : 'E');
  const first = syllable() + syllable();
  const year = 1940 + Math.floor(pick() * 65);
  const month = 1 + Math.floor(pick() * 12);
  const day = 1 + Math.floor(pick() * 28);
  return { name: `${last},${first}`, dob: `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}` };
}
const plate = (index: number): string => `${1 + (index % 9)}${LETTERS[index % 23]}${LETTERS[Math.floor(index / 23) % 23]}${LETTERS[Math.floor(index / 529) % 23]}${String(index % 1000).padStart(3, '0')}`;
const vin = (index: number): string => {
  const pick = random(index * 13 + 5);
  return Array.from({ length: 17 }, () => VIN_CHARS[Math.floor(pick() * VIN_CHARS.length)]).join('');
};
const licence = (index: number): string => `D${String(index).padStart(7, '0')}`;
const serial = (index: number): string => `TX${String(index).padStart(6, '0')}`;

export type Kind = 'person' | 'plate' | 'vin' | 'licence' | 'serial';
export interface Subject {
  readonly kind: Kind;
  readonly index: number;
}

/** The line an operator types for a subject, and the search that finds it. */
function lineOf(subject: Subject, ori: string): string {
  switch (subject.kind) {
    case 'person': {
      const { name, dob } = person(subject.index);
      return `QW.${ori}.NAM/${name}.SEX/M.DOB/${dob}`;
    }
    case 'plate': return `QV.${ori}.LIC/${plate(subject.index)}.LIS/CA`;
    case 'vin': return `QV.${ori}.VIN/${vin(subject.index)}`;
    case 'licence': return `DQ.${ori}.OLN/${licence(subject.index)}.OLS/CA`;
    case 'serial': return `QG.${ori}.SER/${serial(subject.index)}`;
  }
}

export function queryOf(subject: Subject): SubjectQuery {
  switch (subject.kind) {
    case 'person': return person(subject.index);
    case 'plate': return { plate: plate(subject.index), state: 'CA' };
    case 'vin': return { vin: vin(subject.index) };
    case 'licence': return { oln: licence(subject.index), state: 'CA' };
    case 'serial': return { serial: serial(subject.index) };
  }
}

/** Populations: a county's year of look-ups spread over this many subjects of each kind. */
const POPULATION: Readonly<Record<Kind, number>> = { person: 2_000_000, plate: 1_000_000, vin: 500_000, licence: 500_000, serial: 200_000 };
const KIND_MIX: readonly [Kind, number][] = [['person', 0.5], ['plate', 0.25], ['vin', 0.08], ['licence', 0.1], ['serial', 0.07]];
const AGENCIES = 40;
const oriOf = (agency: number): string => `CA019${String(agency).padStart(2, '0')}00`;

export interface Fill {
  readonly rows: number;
  readonly transactions: number;
  readonly seconds: number;
  /** Look-ups to search for later: the subject and the seq of its transaction row. */
  readonly sample: { subject: Subject; seq: number; ori: string }[];
}

/** Appends `rows` rows as the switch writes them, `FILL_BATCH` at a time. */
export async function fill(store: SqliteAuditStore, rows: number, log: (line: string) => void): Promise<Fill> {
  const pick = random(42);
  const sample: Fill['sample'] = [];
  const start = Date.now() - YEAR_MS;
  const step = YEAR_MS / rows;
  let written = 0;
  let transactions = 0;
  const started = performance.now();
  let nextLog = 1_000_000;
  while (written < rows) {
    // Transactions first (their seqs are needed by the answers), then their answers.
    const events: AuditEvent[] = [];
    const pending: { subject: Subject; ori: string; operatorId: string; terminal: string; at: number; refused: boolean; answers: number }[] = [];
    let planned = 0;
    while (planned < FILL_BATCH / 2 && written + planned < rows) {
      let draw = pick();
      let kind: Kind = 'person';
      for (const [candidate, share] of KIND_MIX) {
        if (draw < share) {
          kind = candidate;
          break;
        }
        draw -= share;
      }
      const subject: Subject = { kind, index: Math.floor(pick() * POPULATION[kind]) };
      const agency = Math.floor(pick() * AGENCIES);
      const refused = pick() < 0.03;
      const answers = refused ? 0 : kind === 'person' ? 3 : 2; // responses (NCIC + a state file, three for QW) and a completion
      const entry = {
        subject, ori: oriOf(agency), operatorId: `OP${1000 + Math.floor(pick() * 2000)}`, terminal: `T${String(Math.floor(pick() * 1000)).padStart(3, '0')}`,
        at: Math.round(start + (written + planned) * step), refused, answers,
      };
      pending.push(entry);
      planned += 1 + answers + (pick() < 0.02 ? 1 : 0);
    }
    for (const entry of pending) {
      const text = lineOf(entry.subject, entry.ori);
      const who = { operatorId: entry.operatorId, terminal: entry.terminal, ori: entry.ori, messageKey: text.slice(0, 2), sourceAddress: '10.19.0.7', switchId: 'county-19' };
      events.push(entry.refused
        ? { type: 'reject', at: entry.at, outcome: 'rejected', code: 'CLETS_ERR_ROUTE_TO_MISSING', ...who, subjectKeys: subjectKeys({ text }), detail: { reason: 'route-to missing', echo: text } }
        : {
          type: 'transaction', at: entry.at, outcome: 'accepted', ...who, inputSeq: transactions + 1, clientMessageId: `${entry.terminal}-${transactions}`,
          routeTo: { requester: 'DEP R VALE 4411', reason: 'TRAFFIC STOP SUSPECT VEH', caseNumber: `26-${String(transactions % 1_000_000).padStart(6, '0')}` },
          destinations: ['NCIC', 'CORI'], bytes: text.length + 60, subjectKeys: subjectKeys({ text }),
        });
      transactions += 1;
    }
    const receipts = await store.appendMany(events);
    const answers: AuditEvent[] = [];
    const room = rows - written - events.length;
    pending.forEach((entry, index) => {
      const seq = (receipts[index] as { seq: number }).seq;
      const who = { operatorId: entry.operatorId, terminal: entry.terminal, ori: entry.ori, switchId: 'county-19' };
      const own: AuditEvent[] = [];
      for (let answer = 0; answer < entry.answers; answer += 1) {
        const completion = answer === entry.answers - 1;
        const hit = !completion && pick() < 0.04;
        own.push(completion
          ? { type: 'completion', at: entry.at + 90, outcome: 'complete', ...who, inputSeq: index + 1, detail: { answered: ['NCIC', 'CORI'], failed: [], ms: 90, auditSeq: seq } }
          : { type: 'response', at: entry.at + 40 + answer, outcome: hit ? 'hit' : 'no_record', ...who, inputSeq: index + 1,
            detail: { system: answer === 0 ? 'NCIC' : 'CORI', records: hit ? [`WANTED PERSON:W${String(seq).padStart(9, '0')}`] : [], auditSeq: seq } });
      }
      if (pick() < 0.02) own.push({ type: 'logon', at: entry.at + 100, outcome: 'success', ...who, detail: { via: 'terminal' } });
      // The last batch stops at the row count asked: a transaction cut short of its answers is not sampled.
      const fits = answers.length + own.length <= room;
      answers.push(...own.slice(0, Math.max(0, room - answers.length)));
      if (fits && sample.length < 50_000 && pick() < 0.05) sample.push({ subject: entry.subject, seq, ori: entry.ori });
    });
    const answerRows = answers;
    if (answerRows.length > 0) await store.appendMany(answerRows);
    written += events.length + answerRows.length;
    if (written >= nextLog) {
      log(`filled ${written} rows (${Math.round(written / ((performance.now() - started) / 1000))} rows/s)`);
      nextLog += 1_000_000;
    }
  }
  return { rows: written, transactions, seconds: (performance.now() - started) / 1000, sample };
}

interface SearchRun {
  readonly searches: number;
  readonly latency: LatencySummary;
  readonly hits: number;
  readonly found: number;
  readonly expected: number;
  readonly absentFound: number;
}

/** Searches of random sampled subjects (and some never looked up), timed one by one. */
function searches(store: SqliteAuditStore, sample: Fill['sample'], count: number, scoped: boolean): SearchRun {
  const pick = random(scoped ? 7 : 3);
  const latency = new LatencyHistogram();
  let hits = 0;
  let found = 0;
  let expected = 0;
  let absentFound = 0;
  for (let index = 0; index < count; index += 1) {
    const absent = index % 10 === 9;
    const known = sample[Math.floor(pick() * sample.length)];
    if (known === undefined) break;
    // A subject beyond the population was never looked up.
    const subject: Subject = absent ? { kind: known.subject.kind, index: POPULATION[known.subject.kind] + index } : known.subject;
    const { exact, prefixes } = subjectSearchKeys(queryOf(subject));
    const criteria = { keys: exact, ...(prefixes.length > 0 ? { keyPrefixes: prefixes } : {}), limit: 1000 };
    const scope = scoped ? { oris: [known.ori] } : 'all' as const;
    const began = performance.now();
    const result = store.search(criteria, scope);
    latency.recordMs(performance.now() - began);
    hits += result.length;
    if (absent) {
      // A sound-alike name of another person may match: only an exact key of this subject counts.
      if (result.some((hit) => hit.matched.some((key) => exact.includes(key) && !key.startsWith('PHN:')))) absentFound += 1;
    } else {
      expected += 1;
      const hit = result.find((entry) => entry.seq === known.seq);
      if (hit !== undefined && (hit.type === 'reject' || hit.answers.length > 0)) found += 1;
    }
  }
  return { searches: count, latency: latency.summary(), hits, found, expected, absentFound };
}

export async function run(options: ScenarioOptions & { rows?: number; keep?: string }): Promise<ScenarioResult> {
  const log = options.log ?? stderrLog('audit-search');
  const scenario = startScenario('audit-search', 'Audit subject search: who looked up a person, plate, VIN, licence, gun', options);
  const rows = options.rows ?? (options.mode === 'full' ? FULL_ROWS : SHORT_ROWS);
  const dir = options.keep ?? mkdtempSync(join(tmpdir(), 'clets-bench-audit-search-'));
  const path = join(dir, 'audit.db');
  try {
    // The fill is not what is measured: NORMAL and a large cache make it faster; the rows are
    // the store's own, chained and indexed as always.
    const writer = openAuditStore({ path, synchronous: 'NORMAL', batchMaxRows: FILL_BATCH, checkpointRestartFrames: 16_384 });
    writer.connection.pragma('cache_size = -1000000');
    log(`filling ${rows} rows into ${path}`);
    const filled = await fill(writer, rows, log);
    await writer.close();
    const bytes = statSync(path).size;
    log(`filled ${filled.rows} rows (${filled.transactions} transactions) in ${round(filled.seconds)} s, ${round(bytes / 2 ** 30, 2)} GiB`);

    // Searches from a fresh connection with the store's default cache, as a command or the API has.
    const reader = openAuditStore({ path, checkpointIntervalMs: 0 });
    try {
      searches(reader, filled.sample, 200, false); // warm the page cache of the index roots
      const all = searches(reader, filled.sample, SEARCHES, false);
      log(`search, scope all: p50 ${all.latency.p50Ms} ms, p99 ${all.latency.p99Ms} ms, max ${all.latency.maxMs} ms; ${all.found}/${all.expected} found`);
      const scoped = searches(reader, filled.sample, SEARCHES, true);
      log(`search, one agency's scope: p50 ${scoped.latency.p50Ms} ms, p99 ${scoped.latency.p99Ms} ms; ${scoped.found}/${scoped.expected} found`);
      const audited = new LatencyHistogram();
      const pick = random(11);
      for (let index = 0; index < AUDITED_SEARCHES; index += 1) {
        const known = filled.sample[Math.floor(pick() * filled.sample.length)];
        if (known === undefined) break;
        const { exact, prefixes } = subjectSearchKeys(queryOf(known.subject));
        const began = performance.now();
        await reader.searchAudited({ keys: exact, ...(prefixes.length > 0 ? { keyPrefixes: prefixes } : {}) }, 'all', { operatorId: 'BENCH' });
        audited.recordMs(performance.now() - began);
      }
      const auditedSummary = audited.summary();
      log(`audited search (commits its audit_read row, FULL): p50 ${auditedSummary.p50Ms} ms, p99 ${auditedSummary.p99Ms} ms`);

      const figures = [
        figure({
          name: `subject search p99, ${filled.rows.toLocaleString('en-US')} rows, scope all`, value: all.latency.p99Ms, unit: 'ms',
          target: { description: `< ${TARGET_MS} ms over ${FULL_ROWS.toLocaleString('en-US')} rows`, on: 'value', kind: 'max', threshold: TARGET_MS },
          note: `p50 ${all.latency.p50Ms} ms, max ${all.latency.maxMs} ms over ${all.searches} searches of random subjects (1 in 10 never looked up), ${round(all.hits / all.searches, 2)} hits per search with their answers`,
        }),
        figure({ name: 'subject search p50, scope all', value: all.latency.p50Ms, unit: 'ms' }),
        figure({
          name: "subject search p99, one agency's ORIs (coordinator scope)", value: scoped.latency.p99Ms, unit: 'ms',
          note: `p50 ${scoped.latency.p50Ms} ms, max ${scoped.latency.maxMs} ms`,
        }),
        figure({
          name: 'audited search p99 (its audit_read row committed first, synchronous FULL)', value: auditedSummary.p99Ms, unit: 'ms',
          note: `p50 ${auditedSummary.p50Ms} ms over ${auditedSummary.count} searches: the commit's fsync is most of it`,
        }),
        figure({ name: 'fill through the store (appendMany, synchronous NORMAL)', value: Math.round(filled.rows / filled.seconds), unit: '/s', note: `${filled.rows} rows in ${round(filled.seconds)} s; database ${round(bytes / 2 ** 30, 2)} GiB` }),
      ];
      const checks: Check[] = [
        { name: 'every sampled look-up is found, with its answers', ok: all.found === all.expected && scoped.found === scoped.expected, detail: `scope all ${all.found}/${all.expected}, agency scope ${scoped.found}/${scoped.expected}` },
        { name: 'a subject never looked up is never found by its exact keys', ok: all.absentFound === 0 && scoped.absentFound === 0, detail: `${all.absentFound + scoped.absentFound} found` },
        { name: 'the fill wrote the rows asked', ok: filled.rows === rows, detail: `${filled.rows} of ${rows}` },
      ];
      return scenario.finish({
        parameters: { rows: filled.rows, transactions: filled.transactions, searches: SEARCHES, auditedSearches: AUDITED_SEARCHES, population: POPULATION, kindMix: KIND_MIX, agencies: AGENCIES, limit: 1000 },
        figures, checks,
        notes: [
          'Each search looks its keys up in audit_subject (one B-tree range per key; a person by name and DOB is two keys, exact and sound-alike), reads the matching rows by seq, and each hit\'s answers through the partial index on detail.auditSeq.',
          'The coordinator\'s scope is a filter on the ORI of the matched rows: it costs nothing when the subject has few look-ups.',
        ],
        details: { fill: { rows: filled.rows, transactions: filled.transactions, seconds: round(filled.seconds, 1), bytes }, all, scoped, audited: auditedSummary },
      });
    } finally {
      await reader.close();
    }
  } finally {
    if (options.keep === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { full: { type: 'boolean', default: false }, rows: { type: 'string' }, keep: { type: 'string' } }, strict: true });
  run({
    mode: values.full ? 'full' : 'short',
    ...(values.rows === undefined ? {} : { rows: Number(values.rows) }),
    ...(values.keep === undefined ? {} : { keep: values.keep }),
  }).then((result) => {
    process.stderr.write(`wrote ${writeResult(result)}\n`);
  }, (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    process.exit(1);
  });
}
