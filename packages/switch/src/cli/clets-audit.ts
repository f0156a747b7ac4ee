/**
 * clets-audit: the audit log from the host: who looked up a subject, chain verification with
 * or without archives, and the retention archive.
 *
 *   clets-audit search  --db FILE [subject] [--operator ID] [--terminal T] [--ori ORI] [--from D] [--to D] [--scope ORI,...] [--json]
 *   clets-audit verify  --db FILE [--archive DIR] [--anchor-seq N --anchor-hash HEX] [--read-only] [--json]
 *   clets-audit archive --db FILE --before YYYY-MM-DD --out DIR [--retention-days N] [--ignore-retention] [--json]
 *
 * Every read is recorded in the log it reads (CJIS: any access to the audit log is audited):
 * `search` and `verify` append an `audit_read` row, `archive` an `admin_action` row, each
 * naming `--reader` (default: the host user) and the host. The row is committed before
 * anything is shown; a database that cannot be written is not read. A running switch may
 * hold the same file: its next commit continues the chain after the command's row.
 * `verify --read-only` opens the file read-only (a copy, read-only media) and records
 * nothing; its use is then on the host's own logs.
 *
 * Exit codes: 0 done (a search that finds nothing included), 1 verification failed or the
 * database could not be read or written, 2 bad arguments.
 */
import { hostname, userInfo } from 'node:os';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { CletsError, ERROR_CODES, subjectSearchKeys, type SubjectQuery } from '@clets/protocol';
import { archiveAudit, DEFAULT_AUDIT_RETENTION_DAYS } from '../audit/archive.js';
import { openAuditStore, type SqliteAuditStore } from '../audit/sqlite-audit-store.js';
import { readLayout } from '../audit/sqlite-schema.js';
import type { AuditReader, AuditScope, AuditSearch, AuditSearchHit, ChainHead, VerifyResult } from '../audit/types.js';
import { verifyAuditArchives, verifyAuditDatabase } from '../audit/verify-database.js';

export interface AuditCommandOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

const COMMON = `  --db FILE          the switch's audit database (audit.path)
  --reader ID        who is reading, recorded in the log (default: the host user)
  --json             one JSON document instead of text`;

const HELP: Readonly<Record<string, string>> = {
  main: `clets-audit: search, verify and archive the switch's audit log

usage: clets-audit <command> [options]      (clets-audit <command> --help for its options)

commands:
  search    who looked up a person, vehicle, licence, gun or case; by operator, terminal, ORI, time
  verify    recompute the hash chain (and the archives with --archive DIR)
  archive   export rows older than a cut-off to compressed NDJSON, then prune them

Every read is recorded in the audit log it reads (CJIS: access to the audit log is audited).
Exit codes: 0 done, 1 verification failed or the database unreadable/unwritable, 2 bad arguments.`,
  search: `usage: clets-audit search --db FILE [subject] [filters] [--json]

Finds transactions and refused transactions, oldest first, with who sent them, from where,
why (route-to) and what came back (hit, no record, which records).

subject (any of; a row carrying any matches):
  --name "LAST,FIRST" [--dob CCYYMMDD]   a person; names that sound alike (NYSIIS) match too
  --exact                                 with --name: the name as written only
  --soc N    --fbi N    --sid N    --nic N    --vin VIN    --serial SER    --case N
  --oln N [--state ST]                    licence; without --state, in any state
  --plate LIC [--state ST]                plate; without --state, in any state
filters:
  --operator ID  --terminal T  --ori ORI
  --from DATE  --to DATE                  YYYY-MM-DD (UTC midnight) or ISO time; --to is exclusive
  --scope ORI[,ORI...]                    only these agencies' rows (default: every row)
  --limit N (default 100, at most 1000)  --after-seq N (the next page)
${COMMON}`,
  verify: `usage: clets-audit verify --db FILE [--archive DIR] [--anchor-seq N --anchor-hash HEX] [--read-only] [--json]

Recomputes the chain of the live log from where the last archive ends, checks the search
index against the hashed subject keys and the last archive against its row in the chain.
With --archive DIR the archives are verified first, from the genesis, and the chain is
followed into the live log: a missing, altered or unrecorded archive fails.

  --archive DIR                the folder archive wrote to
  --anchor-seq N --anchor-hash HEX   a head recorded outside the database
  --read-only                  open the file read-only and record nothing (a copy, read-only media)
${COMMON}`,
  archive: `usage: clets-audit archive --db FILE --before YYYY-MM-DD --out DIR [--retention-days N] [--json]

Exports every row older than --before to DIR as gzip-compressed NDJSON with the chain anchor,
records the archive in the chain, then deletes those rows from the live database. Rows are
kept at least --retention-days (default ${DEFAULT_AUDIT_RETENTION_DAYS}, CJIS: one year at least): an
earlier cut-off is refused.

  --before DATE                YYYY-MM-DD (UTC midnight) or ISO time
  --out DIR                    where the archive file goes (created if missing)
  --retention-days N           keep rows this many days (at least 365)
  --ignore-retention           allow a cut-off inside the retention: tests and demonstrations only
${COMMON}`,
};

class UsageError extends Error {}

/** Runs the command; resolves to the exit code. */
export async function runCletsAudit(argv: readonly string[], output: AuditCommandOutput = defaultOutput, now: () => number = Date.now): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    (command === undefined ? output.err : output.out)(HELP['main'] ?? '');
    return command === undefined ? 2 : 0;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    if (HELP[command] === undefined || command === 'main') return usage(output, `unknown command ${command}`, 'main');
    output.out(HELP[command] ?? '');
    return 0;
  }
  try {
    switch (command) {
      case 'search': return await search(rest, output, now);
      case 'verify': return await verify(rest, output);
      case 'archive': return await archive(rest, output, now);
      default: return usage(output, `unknown command ${command}`, 'main');
    }
  } catch (error) {
    if (error instanceof UsageError) return usage(output, error.message, command);
    if (error instanceof CletsError && error.code === 'CLETS_ERR_REQUEST_INVALID') {
      // The table's generic words ("request invalid") say nothing on a command line.
      const base = `${ERROR_CODES[error.code].message}: `;
      return usage(output, error.message.startsWith(base) ? error.message.slice(base.length) : error.message, command);
    }
    output.err(`FAILED: ${(error as Error).message}`);
    return 1;
  }
}

function usage(output: AuditCommandOutput, problem: string, command: string): number {
  output.err(`${problem}\n\n${HELP[command] ?? HELP['main'] ?? ''}`);
  return 2;
}

type Values = Record<string, string | boolean | undefined>;

function parse(args: readonly string[], options: Record<string, { type: 'string' | 'boolean' }>): Values {
  try {
    return parseArgs({ args: [...args], options, strict: true, allowPositionals: false }).values as Values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

const READER_OPTIONS = { db: { type: 'string' }, reader: { type: 'string' }, json: { type: 'boolean' } } as const;

function text(values: Values, name: string): string | undefined {
  const value = values[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${name} needs a value`);
  return value.trim();
}

function dbPath(values: Values): string {
  const db = text(values, 'db');
  if (db === undefined) throw new UsageError('--db is required');
  return db;
}

function readerOf(values: Values): AuditReader {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // No user entry (a container's numeric uid): the host name still says where it ran.
  }
  return { operatorId: text(values, 'reader') ?? `host:${user}`, sourceAddress: hostname() };
}

/** YYYY-MM-DD (midnight UTC) or an ISO time, as epoch ms. */
function timeOf(values: Values, name: string): number | undefined {
  const value = text(values, name);
  if (value === undefined) return undefined;
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(value) ? Date.parse(`${value}T00:00:00Z`) : Date.parse(value);
  if (!Number.isFinite(ms)) throw new UsageError(`--${name} must be YYYY-MM-DD or an ISO time`);
  return ms;
}

function countOf(values: Values, name: string, min: number): number | undefined {
  const value = text(values, name);
  if (value === undefined) return undefined;
  const count = Number(value);
  if (!Number.isSafeInteger(count) || count < min) throw new UsageError(`--${name} must be a whole number of at least ${min}`);
  return count;
}

/** Opens the live database to record a read in it; a file that cannot be written cannot be read. */
function openForRecordedRead(path: string, now: () => number): SqliteAuditStore {
  // The store would create a missing file: a mistyped path must fail instead.
  verifyReadable(path);
  return openAuditStore({ path, checkpointIntervalMs: 0, busyTimeoutMs: 5000, retryIntervalMs: 0, clock: now });
}

/** Throws when the file is missing or not an audit database, without creating it (only its meta table is read). */
function verifyReadable(path: string): void {
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      readLayout(db);
    } finally {
      db.close();
    }
  } catch (error) {
    throw new Error(`cannot read audit database ${path}: ${(error as Error).message}`);
  }
}

async function search(args: readonly string[], output: AuditCommandOutput, now: () => number): Promise<number> {
  const values = parse(args, {
    ...READER_OPTIONS, name: { type: 'string' }, dob: { type: 'string' }, exact: { type: 'boolean' }, soc: { type: 'string' },
    oln: { type: 'string' }, plate: { type: 'string' }, state: { type: 'string' }, vin: { type: 'string' }, serial: { type: 'string' },
    fbi: { type: 'string' }, sid: { type: 'string' }, nic: { type: 'string' }, case: { type: 'string' }, operator: { type: 'string' },
    terminal: { type: 'string' }, ori: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, scope: { type: 'string' },
    limit: { type: 'string' }, 'after-seq': { type: 'string' },
  });
  const path = dbPath(values);
  const query: { -readonly [K in keyof SubjectQuery]: SubjectQuery[K] } = {};
  const subject: [keyof SubjectQuery, string][] = [
    ['name', 'name'], ['dob', 'dob'], ['soc', 'soc'], ['oln', 'oln'], ['plate', 'plate'], ['state', 'state'], ['vin', 'vin'],
    ['serial', 'serial'], ['fbi', 'fbi'], ['sid', 'sid'], ['nic', 'nic'], ['caseNumber', 'case'],
  ];
  for (const [field, option] of subject) {
    const value = text(values, option);
    if (value !== undefined) (query as Record<string, unknown>)[field] = value;
  }
  if (values['exact'] === true) {
    if (query.name === undefined) throw new UsageError('--exact goes with --name');
    query.phonetic = false;
  }
  const criteria: AuditSearch = {};
  if (Object.keys(query).length > 0) {
    const { exact, prefixes } = subjectSearchKeys(query);
    if (exact.length > 0) criteria.keys = exact;
    if (prefixes.length > 0) criteria.keyPrefixes = prefixes;
  }
  const operatorId = text(values, 'operator');
  const terminal = text(values, 'terminal');
  const ori = text(values, 'ori');
  const from = timeOf(values, 'from');
  const to = timeOf(values, 'to');
  const limit = countOf(values, 'limit', 1);
  const afterSeq = countOf(values, 'after-seq', 0);
  if (operatorId !== undefined) criteria.operatorId = operatorId;
  if (terminal !== undefined) criteria.terminal = terminal;
  if (ori !== undefined) criteria.ori = ori;
  if (from !== undefined) criteria.from = from;
  if (to !== undefined) criteria.to = to;
  if (limit !== undefined) criteria.limit = limit;
  if (afterSeq !== undefined) criteria.afterSeq = afterSeq;
  const scopeText = text(values, 'scope');
  const scope: AuditScope = scopeText === undefined ? 'all' : { oris: scopeText.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '') };

  const store = openForRecordedRead(path, now);
  let hits: AuditSearchHit[];
  try {
    hits = await store.searchAudited(criteria, scope, readerOf(values));
  } finally {
    await store.close();
  }
  if (values['json'] === true) {
    output.out(JSON.stringify({ count: hits.length, hits }));
    return 0;
  }
  for (const hit of hits) output.out(formatHit(hit));
  const page = hits.length === (criteria.limit ?? 100) ? `; more may follow: --after-seq ${hits[hits.length - 1]?.seq ?? 0}` : '';
  output.out(`${hits.length} transaction${hits.length === 1 ? '' : 's'} found (this search is recorded in the audit log${page})`);
  return 0;
}

/** One hit, as an auditor reads it: when, what, who, where, why, what came back. */
export function formatHit(hit: AuditSearchHit): string {
  const route = hit.routeTo === undefined ? 'none' : Object.entries(hit.routeTo).map(([key, value]) => `${key}: ${String(value)}`).join('; ');
  const answers = hit.answers.filter((answer) => answer.type !== 'completion')
    .map((answer) => `${answer.system ?? answer.type} ${answer.outcome}${answer.code === undefined ? '' : ` ${answer.code}`}`);
  const lines = [
    `${hit.at}  ${hit.messageKey ?? '?'}  ${(hit.result).toUpperCase()}  operator ${hit.operatorId ?? '?'} at terminal ${hit.terminal ?? '?'} (${hit.ori ?? '?'})  row ${hit.seq}`,
    `    route-to: ${route}`,
    `    ${hit.type === 'reject' ? `refused: ${hit.code ?? ''}` : `answers: ${answers.length === 0 ? 'none recorded' : answers.join(', ')}`}`,
  ];
  if (hit.records.length > 0) lines.push(`    records: ${hit.records.join(', ')}`);
  lines.push(`    matched: ${hit.matched.length > 0 ? hit.matched.join(' ') : '(by the filters)'}`);
  return lines.join('\n');
}

async function verify(args: readonly string[], output: AuditCommandOutput): Promise<number> {
  const values = parse(args, { ...READER_OPTIONS, archive: { type: 'string' }, 'anchor-seq': { type: 'string' }, 'anchor-hash': { type: 'string' }, 'read-only': { type: 'boolean' } });
  const path = dbPath(values);
  let anchor: ChainHead | undefined;
  if (values['anchor-seq'] !== undefined || values['anchor-hash'] !== undefined) {
    const seq = countOf(values, 'anchor-seq', 1);
    const hash = text(values, 'anchor-hash');
    if (seq === undefined || hash === undefined || !/^[0-9a-f]{64}$/.test(hash)) throw new UsageError('--anchor-seq needs a positive integer and --anchor-hash 64 hex digits');
    anchor = { seq, hash };
  }
  const archiveDir = text(values, 'archive');
  const options = anchor === undefined ? {} : { anchor };
  let result: VerifyResult;
  try {
    if (values['read-only'] !== true) {
      const store = openForRecordedRead(path, Date.now);
      try {
        await store.append({
          type: 'audit_read', at: Date.now(), outcome: 'success', ...readerOf(values),
          detail: { action: 'verify', ...(archiveDir === undefined ? {} : { archive: archiveDir }) },
        });
      } finally {
        await store.close();
      }
    }
    result = archiveDir === undefined ? verifyAuditDatabase(path, options) : await verifyAuditArchives(path, archiveDir, options);
  } catch (error) {
    const reason = (error as Error).message.startsWith('cannot read') ? (error as Error).message : `cannot read audit database ${path}: ${(error as Error).message}`;
    output.out(values['json'] === true ? JSON.stringify({ ok: false, rows: 0, reason }) : `FAILED: ${reason}`);
    return 1;
  }
  output.out(values['json'] === true ? JSON.stringify(result) : formatVerify(result, archiveDir !== undefined));
  return result.ok ? 0 : 1;
}

export function formatVerify(result: VerifyResult, withArchives: boolean): string {
  if (!result.ok) return `FAILED at seq ${result.firstBadSeq ?? '?'}: ${result.reason ?? 'unknown reason'}`;
  if (withArchives) return `ok: ${result.rows} rows, archives and live log, chain verified`;
  if (result.archivedThrough !== undefined) return `ok: ${result.rows} live rows after archived row ${result.archivedThrough}, chain verified`;
  return `ok: ${result.rows} rows, chain verified`;
}

async function archive(args: readonly string[], output: AuditCommandOutput, now: () => number): Promise<number> {
  const values = parse(args, { ...READER_OPTIONS, before: { type: 'string' }, out: { type: 'string' }, 'retention-days': { type: 'string' }, 'ignore-retention': { type: 'boolean' } });
  const path = dbPath(values);
  const before = timeOf(values, 'before');
  const outDir = text(values, 'out');
  if (before === undefined) throw new UsageError('--before is required');
  if (outDir === undefined) throw new UsageError('--out is required');
  const retentionDays = countOf(values, 'retention-days', 1);
  verifyReadable(path);
  const result = await archiveAudit({
    path, before, outDir, reader: readerOf(values), now, ignoreRetention: values['ignore-retention'] === true,
    ...(retentionDays === undefined ? {} : { retentionDays }),
  });
  if (values['json'] === true) {
    output.out(JSON.stringify(result));
  } else if (result.file === undefined) {
    output.out(`nothing to archive: no row before ${new Date(before).toISOString()} after row ${result.throughSeq}${result.pruned > 0 ? `; pruned ${result.pruned} rows an earlier archive holds` : ''}`);
  } else {
    output.out(`archived rows ${result.fromSeq}..${result.throughSeq} (${result.rows}) to ${result.file}\n    anchor: row ${result.throughSeq} hash ${result.throughHash}\n    sha256: ${result.sha256 ?? ''}\n    pruned ${result.pruned} rows from the live log`);
  }
  return 0;
}

const defaultOutput: AuditCommandOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runCletsAudit(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  }, (error: unknown) => {
    process.stderr.write(`FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
