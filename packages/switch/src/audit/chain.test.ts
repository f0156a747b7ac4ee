import { describe, expect, it } from 'vitest';
import { CHAIN_FORMAT, CHAIN_FORMAT_V1, GENESIS_ZERO, canonicalRow, chainHash, isChainHash, linkRows, newGenesis, verifyChain } from './chain.js';
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

const keyed: AuditRowBody = { ...body, subjectKeys: '["NAM:KORVALE,DESMIN/19860412","PHN:CARVAL,D/19860412"]' };

describe('canonical form and hash', () => {
  it('is the documented array, in the documented order (format 1: rows written before subject keys)', () => {
    expect(canonicalRow({ ...body, seq: 1 }, CHAIN_FORMAT_V1)).toBe(
      '["clets-audit/1",1,"2025-01-15T08:30:00.120Z","transaction","OP1","T0","CA0190000","127.0.0.1","QW",7,"m-7",' +
        '"{\\"requester\\":\\"DEP R VALE 4411\\",\\"reason\\":\\"TRAFFIC STOP\\"}","[\\"NCIC\\"]","hit",null,512,' +
        '"{\\"records\\":2}","county-19"]',
    );
    expect(CHAIN_FORMAT_V1).toBe('clets-audit/1');
  });

  it('adds the subject keys last in format 2, the current one', () => {
    expect(CHAIN_FORMAT).toBe('clets-audit/2');
    expect(canonicalRow({ ...keyed, seq: 1 })).toBe(
      '["clets-audit/2",1,"2025-01-15T08:30:00.120Z","transaction","OP1","T0","CA0190000","127.0.0.1","QW",7,"m-7",' +
        '"{\\"requester\\":\\"DEP R VALE 4411\\",\\"reason\\":\\"TRAFFIC STOP\\"}","[\\"NCIC\\"]","hit",null,512,' +
        '"{\\"records\\":2}","county-19","[\\"NAM:KORVALE,DESMIN/19860412\\",\\"PHN:CARVAL,D/19860412\\"]"]',
    );
    expect(canonicalRow({ ...body, seq: 1 })).toMatch(/,"county-19",null\]$/);
  });

  it('hashes sha256(prevHash || canonical): fixed vectors that must never change', () => {
    expect(chainHash(GENESIS_ZERO, { ...body, seq: 1 }, CHAIN_FORMAT_V1)).toBe('6bda00673449db1bed88f37e4fef2b47015dcf37b0b78064bf5e72ad1bbef026');
    expect(chainHash(GENESIS_ZERO, { ...keyed, seq: 1 })).toBe('0967ff671302349e6cf5a4bc7e8cca7b709ab3956cf375ea14521087c3e0fdc0');
  });

  it('changes with the seq, the previous hash and every column', () => {
    const base = chainHash(GENESIS_ZERO, { ...body, seq: 1 });
    expect(chainHash(GENESIS_ZERO, { ...body, seq: 2 })).not.toBe(base);
    expect(chainHash('1'.repeat(64), { ...body, seq: 1 })).not.toBe(base);
    for (const key of Object.keys(body) as (keyof AuditRowBody)[]) {
      if (key === 'subjectKeys') continue; // null in `body`: covered below
      const altered = { ...body, seq: 1, [key]: key === 'inputSeq' || key === 'bytes' ? 8 : 'other' };
      expect(chainHash(GENESIS_ZERO, altered), key).not.toBe(base);
    }
    expect(chainHash(GENESIS_ZERO, { ...keyed, seq: 1 })).not.toBe(chainHash(GENESIS_ZERO, { ...keyed, seq: 1, subjectKeys: '["NAM:KORVALE,DESMIN/19860412"]' }));
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

describe('chain formats and a log that starts after an archive', () => {
  const genesis = newGenesis();
  /** Rows 1-2 hashed in format 1 (before subject keys), 3-4 in format 2. */
  const mixed: StoredAuditRow[] = (() => {
    const rows: StoredAuditRow[] = [];
    let prevHash = genesis;
    for (let seq = 1; seq <= 4; seq += 1) {
      const format = seq <= 2 ? CHAIN_FORMAT_V1 : CHAIN_FORMAT;
      const row: StoredAuditRow = { ...(seq <= 2 ? body : keyed), seq, prevHash, hash: '' };
      row.hash = chainHash(prevHash, row, format);
      rows.push(row);
      prevHash = row.hash;
    }
    return rows;
  })();
  const formats = [{ format: CHAIN_FORMAT_V1, fromSeq: 1 }, { format: CHAIN_FORMAT, fromSeq: 3 }] as const;

  it('hashes each row in the format of its seq', () => {
    expect(verifyChain(mixed, { genesis, formats: [...formats] })).toMatchObject({ ok: true, rows: 4 });
    expect(verifyChain(mixed, { genesis })).toMatchObject({ ok: false, firstBadSeq: 1 });
    // Moving the boundary breaks the first row it moves across.
    expect(verifyChain(mixed, { genesis, formats: [{ format: CHAIN_FORMAT_V1, fromSeq: 1 }, { format: CHAIN_FORMAT, fromSeq: 2 }] })).toMatchObject({ ok: false, firstBadSeq: 2 });
  });

  it('refuses keys on a row of the old format, which the hash does not cover', () => {
    const tampered = mixed.map((row) => (row.seq === 2 ? { ...row, subjectKeys: '["SOC:900123456"]' } : row));
    expect(verifyChain(tampered, { genesis, formats: [...formats] })).toMatchObject({ ok: false, firstBadSeq: 2, reason: expect.stringContaining('subject keys') });
  });

  it('starts from the last archived row, and counts only the rows it read', () => {
    const start = { seq: 2, hash: (mixed[1] as StoredAuditRow).hash };
    const head = { seq: 4, hash: (mixed[3] as StoredAuditRow).hash };
    expect(verifyChain(mixed.slice(2), { genesis, formats: [...formats], start, storedHead: head })).toEqual({ ok: true, rows: 2, head, archivedThrough: 2 });
    expect(verifyChain(mixed.slice(3), { genesis, formats: [...formats], start })).toMatchObject({ ok: false, firstBadSeq: 3, rows: 0 });
    expect(verifyChain(mixed.slice(2), { genesis, formats: [...formats], start: { seq: 2, hash: GENESIS_ZERO } })).toMatchObject({ ok: false, firstBadSeq: 3 });
    expect(verifyChain(mixed.slice(2), { genesis, formats: [...formats], start, anchor: { seq: 1, hash: (mixed[0] as StoredAuditRow).hash } }))
      .toMatchObject({ ok: false, reason: 'external anchor row 1 is archived: verify with the archive' });
    expect(verifyChain(mixed.slice(2), { genesis, formats: [...formats], start, anchor: start }).ok).toBe(true);
  });
});
