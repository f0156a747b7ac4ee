/**
 * The audit archive file: gzip-compressed NDJSON (node:zlib), one header line, then one line
 * per row with its columns exactly as stored (JSON columns as their text), so every row can be
 * re-hashed from the file alone and the chain followed from one archive to the next and into
 * the live database.
 *
 *   {"archive":"clets-audit-archive/1","genesis":"...","formats":[...],"fromSeq":1,
 *    "prevHash":"<genesis, or the last hash of the archive before>","throughSeq":N,
 *    "throughHash":"<hash of row N>","rows":N,"before":"<cut-off, ISO>","createdAt":"...",
 *    "firstKept":{"seq":N+1,"prevHash":"<= throughHash>"}}
 *   {"seq":1,"at":"...","type":"logon",...,"subjectKeys":null,"prevHash":"...","hash":"..."}
 *   ...
 *
 * The name carries the genesis (first 16 hex digits) and the range, zero-padded so names sort
 * in seq order: `clets-audit-<genesis16>-<fromSeq>-<throughSeq>.ndjson.gz`.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { checkFormatRanges, isChainHash, type ChainFormatRange } from './chain.js';
import type { StoredAuditRow } from './record.js';

export const ARCHIVE_FORMAT = 'clets-audit-archive/1';

/** The first line of an archive file. */
export interface ArchiveHeader {
  archive: typeof ARCHIVE_FORMAT;
  genesis: string;
  formats: ChainFormatRange[];
  fromSeq: number;
  /** The hash the first row links to: the genesis, or the last hash of the archive before. */
  prevHash: string;
  throughSeq: number;
  throughHash: string;
  rows: number;
  /** Every row archived is older than this (ISO 8601 UTC). */
  before: string;
  createdAt: string;
  /** The first row left in the live database when the archive was made. */
  firstKept?: { seq: number; prevHash: string };
}

const NAME = /^clets-audit-([0-9a-f]{16})-(\d{12})-(\d{12})\.ndjson\.gz$/;

export function archiveFileName(genesis: string, fromSeq: number, throughSeq: number): string {
  return `clets-audit-${genesis.slice(0, 16)}-${String(fromSeq).padStart(12, '0')}-${String(throughSeq).padStart(12, '0')}.ndjson.gz`;
}

/** The archives of one database among a folder's file names, in seq order. */
export function archiveFilesOf(names: readonly string[], genesis: string): { name: string; fromSeq: number; throughSeq: number }[] {
  const files: { name: string; fromSeq: number; throughSeq: number }[] = [];
  for (const name of names) {
    const match = NAME.exec(name);
    if (match === null || match[1] !== genesis.slice(0, 16)) continue;
    files.push({ name, fromSeq: Number(match[2]), throughSeq: Number(match[3]) });
  }
  return files.sort((a, b) => a.fromSeq - b.fromSeq || a.throughSeq - b.throughSeq);
}

/** One row as an archive line: the stored columns in the order of StoredAuditRow. */
export function archiveLine(row: StoredAuditRow): string {
  return JSON.stringify({
    seq: row.seq, at: row.at, type: row.type, operatorId: row.operatorId, terminal: row.terminal, ori: row.ori,
    sourceAddress: row.sourceAddress, messageKey: row.messageKey, inputSeq: row.inputSeq, clientMessageId: row.clientMessageId,
    routeTo: row.routeTo, destinations: row.destinations, outcome: row.outcome, code: row.code, bytes: row.bytes,
    detail: row.detail, switchId: row.switchId, subjectKeys: row.subjectKeys, prevHash: row.prevHash, hash: row.hash,
  });
}

export function checkHeader(value: unknown): ArchiveHeader {
  const header = (value ?? {}) as Partial<ArchiveHeader>;
  if (header.archive !== ARCHIVE_FORMAT) throw new Error(`not an audit archive (format ${String(header.archive)})`);
  const counts = [header.fromSeq, header.throughSeq, header.rows];
  if (!counts.every((count) => typeof count === 'number' && Number.isSafeInteger(count) && count >= 0)) throw new Error('archive header: malformed seqs');
  if (!isChainHash(header.genesis) || !isChainHash(header.prevHash) || !isChainHash(header.throughHash)) throw new Error('archive header: malformed hashes');
  return { ...(header as ArchiveHeader), formats: checkFormatRanges(header.formats) };
}

const TEXT_COLUMNS = ['at', 'type', 'outcome', 'prevHash', 'hash'] as const;
const NULLABLE_TEXT = ['operatorId', 'terminal', 'ori', 'sourceAddress', 'messageKey', 'clientMessageId', 'routeTo', 'destinations', 'code', 'detail', 'switchId', 'subjectKeys'] as const;
const NULLABLE_COUNT = ['inputSeq', 'bytes'] as const;

/** A row line, its column types checked; throws on anything else. */
function parseRow(line: string): StoredAuditRow {
  const row = JSON.parse(line) as Record<string, unknown>;
  if (typeof row['seq'] !== 'number' || !Number.isSafeInteger(row['seq'])) throw new Error('row without a seq');
  for (const column of TEXT_COLUMNS) if (typeof row[column] !== 'string') throw new Error(`row ${row['seq']}: ${column} is not text`);
  for (const column of NULLABLE_TEXT) {
    if (row[column] === undefined) row[column] = null;
    if (row[column] !== null && typeof row[column] !== 'string') throw new Error(`row ${row['seq']}: ${column} is not text`);
  }
  for (const column of NULLABLE_COUNT) {
    if (row[column] === undefined) row[column] = null;
    if (row[column] !== null && typeof row[column] !== 'number') throw new Error(`row ${row['seq']}: ${column} is not a number`);
  }
  return row as unknown as StoredAuditRow;
}

/** An archive being read: its header, then its rows; `sha256()` once the rows are consumed. */
export interface ArchiveReader {
  header: ArchiveHeader;
  rows: AsyncIterable<StoredAuditRow>;
  /** SHA-256 of the file's bytes, hex; complete once every row has been read. */
  sha256(): string;
}

/**
 * Opens an archive and reads its header; rows stream (constant memory however large the
 * file). A file that is not gzip, not NDJSON or not an archive throws, naming the line.
 */
export async function openArchive(path: string): Promise<ArchiveReader> {
  const digest: Hash = createHash('sha256');
  const raw = createReadStream(path);
  raw.on('data', (chunk) => digest.update(chunk));
  const gunzip = createGunzip();
  // Async iteration of the gunzip stream rejects on a read error or corrupt data.
  raw.on('error', (error) => gunzip.destroy(error));
  const lines = splitLines(raw.pipe(gunzip));
  const first = await lines.next();
  if (first.done === true) throw new Error('empty archive');
  const header = checkHeader(JSON.parse(first.value));
  let lineNumber = 1;
  let hex: string | undefined;
  async function* rows(): AsyncGenerator<StoredAuditRow> {
    for (;;) {
      const next = await lines.next();
      if (next.done === true) break;
      lineNumber += 1;
      if (next.value === '') continue;
      try {
        yield parseRow(next.value);
      } catch (error) {
        throw new Error(`line ${lineNumber}: ${(error as Error).message}`);
      }
    }
    hex = digest.digest('hex');
  }
  return {
    header,
    rows: rows(),
    sha256: () => {
      if (hex === undefined) throw new Error('archive not read to its end');
      return hex;
    },
  };
}

/** The lines of a text stream (UTF-8, '\n'), the last one even without its newline. */
async function* splitLines(stream: AsyncIterable<Buffer>): AsyncGenerator<string> {
  // The decoder keeps a character split between two chunks whole.
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of stream) {
    const lines = (rest + decoder.write(chunk)).split('\n');
    rest = lines.pop() ?? '';
    yield* lines;
  }
  rest += decoder.end();
  if (rest !== '') yield rest;
}
