import { describe, expect, it } from 'vitest';
import { CHAIN_FORMAT, GENESIS_ZERO, canonicalRow, chainHash, isChainHash, linkRows, newGenesis, verifyChain } from './chain.js';
import { toRowBody, type AuditRowBody, type StoredAuditRow } from './record.js';

const body: AuditRowBody = toRowBody(
  {
    type: 'transaction',
    at: Date.UTC(2025, 0, 15, 8, 30, 0, 120),
    outcome: 'hit',
    operatorId: 'OP1',
    terminal: 'T0',
    ori: 'CA0190000',
    sourceAddress: '127.0.0.1',
    messageKey: 'QW',
    inputSeq: 7,
    clientMessageId: 'm-7',
    routeTo: { reason: 'TRAFFIC STOP', requester: 'DEP R VALE 4411' },
    destinations: ['NCIC'],
    bytes: 512,
    detail: { records: 2 },
  },
  'county-19',
);

describe('canonical form and hash', () => {
  it('is the documented array, in the documented order', () => {
    expect(canonicalRow({ ...body, seq: 1 })).toBe(
      '["clets-audit/1",1,"2025-01-15T08:30:00.120Z","transaction","OP1","T0","CA0190000","127.0.0.1","QW",7,"m-7",' +
        '"{\\"requester\\":\\"DEP R VALE 4411\\",\\"reason\\":\\"TRAFFIC STOP\\"}","[\\"NCIC\\"]","hit",null,512,' +
        '"{\\"records\\":2}","county-19"]',
    );
    expect(CHAIN_FORMAT).toBe('clets-audit/1');
  });

  it('hashes sha256(prevHash || canonical): a fixed vector that must never change', () => {
    expect(chainHash(GENESIS_ZERO, { ...body, seq: 1 })).toBe('6bda00673449db1bed88f37e4fef2b47015dcf37b0b78064bf5e72ad1bbef026');
  });

  it('changes with the seq, the previous hash and every column', () => {
    const base = chainHash(GENESIS_ZERO, { ...body, seq: 1 });
    expect(chainHash(GENESIS_ZERO, { ...body, seq: 2 })).not.toBe(base);
    expect(chainHash('1'.repeat(64), { ...body, seq: 1 })).not.toBe(base);
    for (const key of Object.keys(body) as (keyof AuditRowBody)[]) {
      const altered = { ...body, seq: 1, [key]: key === 'inputSeq' || key === 'bytes' ? 8 : 'other' };
      expect(chainHash(GENESIS_ZERO, altered), key).not.toBe(base);
    }
    // null and the string "null" are different values
    expect(chainHash(GENESIS_ZERO, { ...body, seq: 1, code: 'null' })).not.toBe(chainHash(GENESIS_ZERO, { ...body, seq: 1, code: null }));
  });

  it('makes random 64-hex genesis values', () => {
    const a = newGenesis();
    expect(isChainHash(a)).toBe(true);
    expect(newGenesis()).not.toBe(a);
    expect(isChainHash('ABC')).toBe(false);
  });
});

describe('verifyChain', () => {
  const genesis = newGenesis();
  const rows: StoredAuditRow[] = linkRows({ seq: 0, hash: genesis }, [body, body, body]);
  const head = { seq: 3, hash: (rows[2] as StoredAuditRow).hash };

  it('links seqs 1..n from the head it is given', () => {
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(rows[0]?.prevHash).toBe(genesis);
    expect(linkRows(head, [body])[0]).toMatchObject({ seq: 4, prevHash: head.hash });
  });

  it('accepts an intact chain and its recorded head', () => {
    expect(verifyChain(rows, { genesis, storedHead: head })).toEqual({ ok: true, rows: 3, head });
  });

  it('refuses a chain started from another genesis', () => {
    expect(verifyChain(rows, { genesis: GENESIS_ZERO })).toMatchObject({ ok: false, firstBadSeq: 1, rows: 0 });
  });

  it('refuses a repeated seq', () => {
    expect(verifyChain([rows[0], rows[0]] as StoredAuditRow[], { genesis })).toMatchObject({ ok: false, firstBadSeq: 2 });
  });

  it('compares the last row with the recorded head', () => {
    expect(verifyChain(rows, { genesis, storedHead: { seq: 5, hash: head.hash } })).toMatchObject({ ok: false, firstBadSeq: 4 });
    expect(verifyChain(rows, { genesis, storedHead: { seq: 2, hash: head.hash } })).toMatchObject({ ok: false, firstBadSeq: 3 });
    expect(verifyChain(rows, { genesis, storedHead: { seq: 3, hash: GENESIS_ZERO } })).toMatchObject({ ok: false, firstBadSeq: 3 });
  });

  it('reads rows lazily from any iterable', () => {
    let pulled = 0;
    function* stream(): Generator<StoredAuditRow> {
      for (const row of rows) {
        pulled += 1;
        yield row.seq === 2 ? { ...row, outcome: 'no_record' } : row;
      }
    }
    expect(verifyChain(stream(), { genesis })).toMatchObject({ ok: false, firstBadSeq: 2 });
    expect(pulled).toBe(2);
  });
});
