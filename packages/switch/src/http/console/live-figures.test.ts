import { describe, expect, it } from 'vitest';
import { MemoryAuditStore } from '../../audit/memory-audit-store.js';
import { LiveFeed, scopeFigures } from './live-figures.js';

describe('the live figures', () => {
  it('counts answers from response rows and from the completion rows that record the last system\'s answer', async () => {
    const audit = new MemoryAuditStore();
    let now = Date.parse('2026-12-06T17:00:00.000Z');
    const feed = new LiveFeed({
      clock: () => now, transactionCounts: async () => [], links: () => [], terminals: () => [], queues: () => ({ inFlight: 0, stored: 0 }),
      audit: { query: (filter) => audit.query(filter), health: () => audit.health() },
    });
    await audit.append({ type: 'logon', at: now, outcome: 'success', operatorId: 'OP1001' });
    await feed.tick();
    const who = (ori: string) => ({ operatorId: 'OP1001', terminal: 'LA01', ori, messageKey: 'QW', inputSeq: 1 });
    // A transaction as written before completions recorded an answer: a row per response.
    const older = await audit.append({ type: 'transaction', at: now, outcome: 'accepted', ...who('CA0190000') });
    await audit.append({ type: 'response', at: now + 1, outcome: 'hit', ...who('CA0190000'), detail: { system: 'NCIC', records: ['WANTED PERSON:W1'], auditSeq: older.seq } });
    await audit.append({ type: 'response', at: now + 2, outcome: 'no_record', ...who('CA0190000'), detail: { system: 'CORI', records: [], auditSeq: older.seq } });
    await audit.append({ type: 'completion', at: now + 3, outcome: 'complete', ...who('CA0190000'), detail: { answered: ['NCIC', 'CORI'], failed: [], auditSeq: older.seq } });
    // And as written now, in another agency: the last system's answer in the completion row.
    const newer = await audit.append({ type: 'transaction', at: now + 4, outcome: 'accepted', ...who('CA0370000') });
    await audit.append({ type: 'response', at: now + 5, outcome: 'no_record', ...who('CA0370000'), detail: { system: 'NCIC', records: [], auditSeq: newer.seq } });
    await audit.append({
      type: 'completion', at: now + 6, outcome: 'complete', ...who('CA0370000'),
      detail: { answered: ['NCIC', 'CORI'], failed: [], auditSeq: newer.seq, responses: [{ system: 'CORI', outcome: 'possible', records: ['WPS:W2'] }] },
    });
    await audit.flush();
    now += 1000;
    const tick = (await feed.tick())!;
    expect(scopeFigures(tick, null).answers).toEqual({ hit: 1, possible: 1, noRecord: 2, other: 0 });
    expect(scopeFigures(tick, 'CA0370000').answers).toEqual({ hit: 0, possible: 1, noRecord: 1, other: 0 });
  });
});
