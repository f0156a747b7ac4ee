/**
 * The hash chain that makes the audit log tamper-evident (CJIS: audit records protected from
 * change). Each row's hash covers the previous row's hash and every column of the row,
 * seq and time included, so editing a column, deleting, inserting or reordering rows breaks
 * the chain at the first row touched.
 *
 *   canonical(row) = JSON.stringify([CHAIN_FORMAT, seq, at, type, operatorId, terminal, ori,
 *                      sourceAddress, messageKey, inputSeq, clientMessageId, routeTo,
 *                      destinations, outcome, code, bytes, detail, switchId])
 *   hash(row)      = hex(sha256(utf8(prevHash) || utf8(canonical(row))))
 *
 * Absent columns are null; routeTo, destinations and detail enter as their stored JSON text,
 * so the hash covers exactly the bytes in the database. Row 1's prevHash is the database's
 * genesis value (64 hex digits, random per database, kept in the meta table).
 */
import { hash as digest, randomBytes } from 'node:crypto';
import type { AuditRowBody, StoredAuditRow } from './record.js';
import type { ChainHead, VerifyResult } from './types.js';

/** Names the canonical form; a new form gets a new tag and never changes this one. */
export const CHAIN_FORMAT = 'clets-audit/1';

export const GENESIS_ZERO = '0'.repeat(64);

const HEX_64 = /^[0-9a-f]{64}$/;

export function isChainHash(value: unknown): value is string {
  return typeof value === 'string' && HEX_64.test(value);
}

/** A fresh genesis value: chains of two databases can never be spliced together. */
export function newGenesis(): string {
  return randomBytes(32).toString('hex');
}

export function canonicalRow(row: AuditRowBody & { seq: number }): string {
  return JSON.stringify([
    CHAIN_FORMAT,
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
  ]);
}

export function chainHash(prevHash: string, row: AuditRowBody & { seq: number }): string {
  // One-shot crypto.hash: a third of the cost of createHash().update().digest() per row.
  return digest('sha256', prevHash + canonicalRow(row), 'hex');
}

/** Links bodies onto a head: seqs head.seq+1.., each prevHash the hash before it. */
export function linkRows(head: ChainHead, bodies: readonly AuditRowBody[]): StoredAuditRow[] {
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
      prevHash,
      hash: '',
    };
    row.hash = chainHash(prevHash, row);
    rows[i] = row;
    prevHash = row.hash;
  }
  return rows;
}

export interface ChainExpectation {
  genesis: string;
  /** The head recorded beside the rows (meta table): catches a deleted or forged tail. */
  storedHead?: ChainHead;
  /** A head recorded outside the database. */
  anchor?: ChainHead;
}

/**
 * Walks rows in seq order (any iterable: a SQLite `.iterate()` streams millions of rows in
 * constant memory) and stops at the first row that breaks the chain.
 */
export function verifyChain(rows: Iterable<StoredAuditRow>, expect: ChainExpectation): VerifyResult {
  let head: ChainHead = { seq: 0, hash: expect.genesis };
  let anchorSeen = false;
  const fail = (firstBadSeq: number, reason: string): VerifyResult => ({
    ok: false,
    rows: firstBadSeq - 1,
    firstBadSeq,
    reason,
    head,
  });

  for (const row of rows) {
    const expected = head.seq + 1;
    if (row.seq !== expected) {
      return row.seq > expected
        ? fail(expected, `row ${expected} missing (next row is ${row.seq})`)
        : fail(expected, `row ${row.seq} out of order or repeated where ${expected} was expected`);
    }
    if (row.prevHash !== head.hash) {
      return fail(row.seq, `prev_hash does not match the hash of row ${head.seq === 0 ? 'genesis' : head.seq}`);
    }
    if (chainHash(row.prevHash, row) !== row.hash) {
      return fail(row.seq, 'hash does not match the row content');
    }
    if (expect.anchor !== undefined && row.seq === expect.anchor.seq) {
      if (row.hash !== expect.anchor.hash) return fail(row.seq, 'hash differs from the external anchor');
      anchorSeen = true;
    }
    head = { seq: row.seq, hash: row.hash };
  }

  const stored = expect.storedHead;
  if (stored !== undefined) {
    if (head.seq < stored.seq) {
      return fail(head.seq + 1, `rows ${head.seq + 1}..${stored.seq} missing (recorded head is ${stored.seq})`);
    }
    if (head.seq > stored.seq) return fail(stored.seq + 1, `rows after the recorded head ${stored.seq} were not written by the store`);
    if (head.hash !== stored.hash) return fail(head.seq, 'last row differs from the recorded head');
  }
  if (expect.anchor !== undefined && !anchorSeen && expect.anchor.seq > 0) {
    return fail(head.seq + 1, `external anchor row ${expect.anchor.seq} missing`);
  }
  return { ok: true, rows: head.seq, head };
}
