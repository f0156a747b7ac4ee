import { describe, expect, it } from 'vitest';
import { GENESIS_ZERO, canonicalRow, chainHash, linkRows } from './chain.js';
import { toRowBody, type AuditRowBody } from './record.js';
import { insertParams } from './sqlite-schema.js';
import { insertText } from './writer-thread.js';

const bodies: AuditRowBody[] = [
  toRowBody({
    type: 'transaction', at: Date.UTC(2025, 0, 15, 8, 30, 0, 120), outcome: 'hit', operatorId: 'OP1', terminal: 'T0', ori: 'CA0190000',
    messageKey: 'QW', inputSeq: 7, clientMessageId: 'm-"7"\\', routeTo: { reason: 'TRAFFIC STOP\nNIGHT', requester: 'DEP R VALE 4411' },
    destinations: ['NCIC'], bytes: 512, detail: { text: 'NAM/ÑÚÑEZ,JOSÉ \u2028 \ud83d\ude93 \ud800' }, subjectKeys: ['LIC:8ABC123/CA'],
  }, 'county-19'),
  toRowBody({ type: 'audit_state', at: Date.UTC(2025, 0, 15, 8, 30, 1), outcome: 'recovered' }, null),
];

describe('insertText', () => {
  it('hands the worker the INSERT parameters of each row, taken from the text its hash covers', () => {
    const canonical: string[] = [];
    const rows = linkRows({ seq: 41, hash: GENESIS_ZERO }, bodies, canonical);
    expect(canonical).toEqual(rows.map((row) => canonicalRow(row)));
    expect(rows.map((row) => row.hash)).toEqual(linkRows({ seq: 41, hash: GENESIS_ZERO }, bodies).map((row) => row.hash));
    expect(rows[1]?.hash).toBe(chainHash(rows[0]!.hash, rows[1]!));
    expect(JSON.parse(insertText(rows, canonical))).toEqual(rows.map(insertParams));
  });

  it('refuses texts that are not the rows\' canonical texts', () => {
    const canonical: string[] = [];
    const rows = linkRows({ seq: 0, hash: GENESIS_ZERO }, bodies, canonical);
    expect(() => insertText(rows, canonical.slice(1))).toThrow(/2 rows and 1 canonical texts/);
    expect(() => insertText(rows, [canonical[0]!, canonical[1]!.replace('clets-audit/2', 'clets-audit/1')])).toThrow(/row 2: canonical text not in clets-audit\/2/);
  });
});
