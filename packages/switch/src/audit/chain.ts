/**
 * The hash chain that makes the audit log tamper-evident (CJIS: audit records protected from
 * change). Each row's hash covers the previous row's hash and every column of the row,
 * seq and time included, so editing a column, deleting, inserting or reordering rows breaks
 * the chain at the first row touched.
 *
 *   canonical(row) = JSON.stringify([format, seq, at, type, operatorId, terminal, ori,
 *                      sourceAddress, messageKey, inputSeq, clientMessageId, routeTo,
 *                      destinations, outcome, code, bytes, detail, switchId, subjectKeys])
 *   hash(row)      = hex(sha256(utf8(prevHash) || utf8(canonical(row))))
 *
 * `format` is `clets-audit/2`. Rows written before subject keys existed were hashed as
 * `clets-audit/1`, the same array without the last element; a database records from which
 * seq each format applies (`chain_formats` in its meta table), and verification hashes each
 * row in its own format, so old rows stay verifiable and a row can never be moved from one
 * form to the other without its hash changing.
 *
 * Absent columns are null; routeTo, destinations, detail and subjectKeys enter as their
 * stored JSON text, so the hash covers exactly the bytes in the database. Row 1's prevHash
 * is the database's genesis value (64 hex digits, random per database, kept in the meta table).
 */
import { hash as digest, randomBytes } from 'node:crypto';
import type { AuditRowBody, StoredAuditRow } from './record.js';
import type { ChainHead, VerifyResult } from './types.js';

/** The form rows are written in now. A new form gets a new tag and never changes an old one. */
export const CHAIN_FORMAT = 'clets-audit/2';
/** The form of rows written before subject keys (no subjectKeys element). */
export const CHAIN_FORMAT_V1 = 'clets-audit/1';

export type ChainFormat = typeof CHAIN_FORMAT | typeof CHAIN_FORMAT_V1;

/** Rows from `fromSeq` on (until the next range) are hashed in `format`. */
export interface ChainFormatRange {
  format: ChainFormat;
  fromSeq: number;
}

/** A log written in the current form from its first row. */
export const CURRENT_FORMATS: readonly ChainFormatRange[] = Object.freeze([{ format: CHAIN_FORMAT, fromSeq: 1 }]);

export const GENESIS_ZERO = '0'.repeat(64);

const HEX_64 = /^[0-9a-f]{64}$/;

export function isChainHash(value: unknown): value is string {
  return typeof value === 'string' && HEX_64.test(value);
}

export function isChainFormat(value: unknown): value is ChainFormat {
  return value === CHAIN_FORMAT || value === CHAIN_FORMAT_V1;
}

/** A fresh genesis value: chains of two databases can never be spliced together. */
export function newGenesis(): string {
  return randomBytes(32).toString('hex');
}

/** Checks a list of format ranges (from a meta table or an archive header); throws when malformed. */
export function checkFormatRanges(value: unknown): ChainFormatRange[] {
  if (!Array.isArray(value) || value.length === 0) throw new Error('chain formats missing');
  let previous = 0;
  return value.map((range: unknown) => {
    const { format, fromSeq } = (range ?? {}) as { format?: unknown; fromSeq?: unknown };
    if (!isChainFormat(format)) throw new Error(`unknown chain format ${String(format)}`);
    if (typeof fromSeq !== 'number' || !Number.isSafeInteger(fromSeq) || fromSeq <= previous) throw new Error('chain format ranges out of order');
    previous = fromSeq;
    return { format, fromSeq };
  });
}

/** The format of the row at `seq`. */
export function formatAt(ranges: readonly ChainFormatRange[], seq: number): ChainFormat {
  let format: ChainFormat = ranges[0]?.format ?? CHAIN_FORMAT;
  for (const range of ranges) {
    if (range.fromSeq > seq) break;
    format = range.format;
  }
  return format;
}

export function canonicalRow(row: AuditRowBody & { seq: number }, format: ChainFormat = CHAIN_FORMAT): string {
  const columns: unknown[] = [
    format,
    row.seq,
    row.at,
    row.type,
    row.operatorId,
    row.terminal,
    row.ori,
    row.sourceAddress,
    row.messageKey,
    row.inputSeq,
    row.clientMessageId,
    row.routeTo,
    row.destinations,
    row.outcome,
    row.code,
    row.bytes,
    row.detail,
    row.switchId,
  ];
  if (format !== CHAIN_FORMAT_V1) columns.push(row.subjectKeys);
  return JSON.stringify(columns);
}

export function chainHash(prevHash: string, row: AuditRowBody & { seq: number }, format: ChainFormat = CHAIN_FORMAT): string {
  return hashCanonical(prevHash, canonicalRow(row, format));
}

/** A row's hash from its canonical text. One-shot crypto.hash: a third of the cost of createHash().update().digest() per row. */
function hashCanonical(prevHash: string, canonical: string): string {
  return digest('sha256', prevHash + canonical, 'hex');
}

/**
 * Links bodies onto a head, in the current format: seqs head.seq+1.., each prevHash the hash
 * before it. With `canonical`, each row's canonical text is pushed to it as it is hashed: a
 * writer that needs the row as text takes the bytes the hash covers instead of making others.
 */
export function linkRows(head: ChainHead, bodies: readonly AuditRowBody[], canonical?: string[]): StoredAuditRow[] {
  const rows = new Array<StoredAuditRow>(bodies.length);
  let seq = head.seq;
  let prevHash = head.hash;
  for (let i = 0; i < bodies.length; i += 1) {
    seq += 1;
    // Spelled out rather than spread: an object spread costs more than the hash here.
    const b = bodies[i] as AuditRowBody;
    const row: StoredAuditRow = {
      seq,
      at: b.at,
      type: b.type,
      operatorId: b.operatorId,
      terminal: b.terminal,
      ori: b.ori,
      sourceAddress: b.sourceAddress,
      messageKey: b.messageKey,
      inputSeq: b.inputSeq,
      clientMessageId: b.clientMessageId,
      routeTo: b.routeTo,
      destinations: b.destinations,
      outcome: b.outcome,
      code: b.code,
      bytes: b.bytes,
      detail: b.detail,
      switchId: b.switchId,
      subjectKeys: b.subjectKeys,
      prevHash,
      hash: '',
    };
    if (canonical === undefined) {
      row.hash = chainHash(prevHash, row);
    } else {
      const text = canonicalRow(row);
      canonical.push(text);
      row.hash = hashCanonical(prevHash, text);
    }
    rows[i] = row;
    prevHash = row.hash;
  }
  return rows;
}

export interface ChainExpectation {
  genesis: string;
  /**
   * Where the rows begin: the last archived row (its seq and hash) when the rows before were
   * archived and pruned. Default: seq 0 and the genesis.
   */
  start?: ChainHead;
  /** Which format each seq was hashed in. Default: the current one throughout. */
  formats?: readonly ChainFormatRange[];
  /** The head recorded beside the rows (meta table): catches a deleted or forged tail. */
  storedHead?: ChainHead;
  /** A head recorded outside the database. */
  anchor?: ChainHead;
}

/**
 * Checks rows pushed one at a time in seq order, and stops at the first that breaks the chain.
 * Rows may come from several sources in turn (archive files, then the live database), from a
 * synchronous iterator or a stream.
 */
export class ChainVerifier {
  readonly #expect: ChainExpectation;
  readonly #formats: readonly ChainFormatRange[];
  readonly #start: ChainHead;
  #head: ChainHead;
  #anchorSeen = false;
  #failure: VerifyResult | undefined;

  constructor(expect: ChainExpectation) {
    this.#expect = expect;
    this.#formats = expect.formats ?? CURRENT_FORMATS;
    this.#start = expect.start ?? { seq: 0, hash: expect.genesis };
    this.#head = this.#start;
  }

  /** The last row that verified (the start while none has). */
  get head(): ChainHead {
    return this.#head;
  }

  /** The failure, once a row has broken the chain. */
  get failure(): VerifyResult | undefined {
    return this.#failure;
  }

  /** Checks the next row; returns false (and keeps the failure) when it breaks the chain. */
  push(row: StoredAuditRow): boolean {
    if (this.#failure !== undefined) return false;
    const expected = this.#head.seq + 1;
    if (row.seq !== expected) {
      return this.#fail(expected, row.seq > expected
        ? `row ${expected} missing (next row is ${row.seq})`
        : `row ${row.seq} out of order or repeated where ${expected} was expected`);
    }
    if (row.prevHash !== this.#head.hash) {
      return this.#fail(row.seq, `prev_hash does not match the hash of row ${this.#head.seq === 0 ? 'genesis' : this.#head.seq}`);
    }
    const format = formatAt(this.#formats, row.seq);
    // The old form does not cover subject keys: keys on an old row were put there afterwards.
    if (format === CHAIN_FORMAT_V1 && row.subjectKeys !== null && row.subjectKeys !== undefined) {
      return this.#fail(row.seq, `subject keys on a row hashed as ${CHAIN_FORMAT_V1}, which has none`);
    }
    if (chainHash(row.prevHash, row, format) !== row.hash) return this.#fail(row.seq, 'hash does not match the row content');
    const anchor = this.#expect.anchor;
    if (anchor !== undefined && row.seq === anchor.seq) {
      if (row.hash !== anchor.hash) return this.#fail(row.seq, 'hash differs from the external anchor');
      this.#anchorSeen = true;
    }
    this.#head = { seq: row.seq, hash: row.hash };
    return true;
  }

  /** Pushes every row of an iterable; false at the first bad one. */
  pushAll(rows: Iterable<StoredAuditRow>): boolean {
    for (const row of rows) if (!this.push(row)) return false;
    return this.#failure === undefined;
  }

  /** A failure found outside the rows themselves (an archive file's digest, a missing file). */
  failAt(firstBadSeq: number, reason: string): VerifyResult {
    this.#fail(firstBadSeq, reason);
    return this.#failure as VerifyResult;
  }

  /** The verdict once every row is in: compares the last row with the recorded head and the anchor. */
  finish(): VerifyResult {
    if (this.#failure !== undefined) return this.#failure;
    const head = this.#head;
    const stored = this.#expect.storedHead;
    if (stored !== undefined) {
      if (head.seq < stored.seq) return this.failAt(head.seq + 1, `rows ${head.seq + 1}..${stored.seq} missing (recorded head is ${stored.seq})`);
      if (head.seq > stored.seq) return this.failAt(stored.seq + 1, `rows after the recorded head ${stored.seq} were not written by the store`);
      if (head.hash !== stored.hash) return this.failAt(head.seq, 'last row differs from the recorded head');
    }
    const anchor = this.#expect.anchor;
    if (anchor !== undefined && !this.#anchorSeen && anchor.seq > 0) {
      if (anchor.seq <= this.#start.seq) {
        if (anchor.seq !== this.#start.seq || anchor.hash !== this.#start.hash) {
          return this.failAt(anchor.seq, `external anchor row ${anchor.seq} is archived: verify with the archive`);
        }
      } else {
        return this.failAt(head.seq + 1, `external anchor row ${anchor.seq} missing`);
      }
    }
    return this.#result({ ok: true, rows: head.seq - this.#start.seq, head });
  }

  #fail(firstBadSeq: number, reason: string): false {
    this.#failure = this.#result({ ok: false, rows: Math.max(0, firstBadSeq - 1 - this.#start.seq), firstBadSeq, reason, head: this.#head });
    return false;
  }

  #result(result: VerifyResult): VerifyResult {
    return this.#start.seq > 0 ? { ...result, archivedThrough: this.#start.seq } : result;
  }
}

/**
 * Walks rows in seq order (any iterable: a SQLite `.iterate()` streams millions of rows in
 * constant memory) and stops at the first row that breaks the chain.
 */
export function verifyChain(rows: Iterable<StoredAuditRow>, expect: ChainExpectation): VerifyResult {
  const verifier = new ChainVerifier(expect);
  verifier.pushAll(rows);
  return verifier.finish();
}
