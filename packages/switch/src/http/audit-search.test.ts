import Fastify from 'fastify';
import { CletsError, subjectKeys } from '@clets/protocol';
import { describe, expect, it } from 'vitest';
import { MemoryAuditStore } from '../audit/memory-audit-store.js';
import type { AuditEvent } from '../audit/types.js';
import { auditSearchRoutes, searchCriteria } from './audit-search.js';

const AT = Date.UTC(2026, 11, 6, 15);
const lookUp = (ori: string, operatorId: string, line: string, at = AT): AuditEvent => ({
  type: 'transaction', at, outcome: 'accepted', operatorId, terminal: `${ori.slice(4, 6)}01`, ori, messageKey: 'QW', inputSeq: 1,
  routeTo: { requester: 'DEP R VALE 4411', reason: 'TRAFFIC STOP' }, subjectKeys: subjectKeys({ text: line }),
});

/** Look-ups of one subject by two counties' operators and a plate look-up (GET /v1/audit/search on the switch: http/api.test.ts). */
async function seeded(): Promise<MemoryAuditStore> {
  const audit = new MemoryAuditStore();
  await audit.appendMany([
    lookUp('CA0190000', 'OP1001', 'QW.CA0190000.NAM/KORVALE,DESMIN.DOB/19860412'),
    lookUp('CA0370000', 'OP3701', 'QW.CA0370000.NAM/CORVALE,DESMIN.DOB/19860412', AT + 1000),
    lookUp('CA0190000', 'OP1002', 'QV.CA0190000.LIC/8ABC123.LIS/CA', AT + 2000),
  ]);
  return audit;
}

describe('GET /v1/audit/search with another authority', () => {
  it('gives a coordinator the rows of the ORIs its authority names, whatever the query asks', async () => {
    const audit = await seeded();
    const app = Fastify();
    app.setErrorHandler((error, _request, reply) => {
      const failure = error instanceof CletsError ? error : new CletsError('CLETS_ERR_INTERNAL');
      void reply.status(failure.httpStatus).send({ error: { code: failure.code } });
    });
    await app.register(auditSearchRoutes, { audit, authorize: () => ({ readerId: 'ACC19', scope: { oris: ['CA0190000'] } }) });
    const own = await app.inject({ url: '/v1/audit/search?name=KORVALE,DESMIN&dob=19860412' });
    expect(own.json()).toMatchObject({ count: 1, scope: { oris: ['CA0190000'] }, hits: [{ operatorId: 'OP1001' }] });
    expect((await app.inject({ url: '/v1/audit/search?ori=CA0370000' })).json().count).toBe(0);
    expect(audit.query({ type: 'audit_read' }).map((row) => row.operatorId)).toEqual(['ACC19', 'ACC19']);
    await app.close();
  });

  it('answers what came back with the last system\'s answer the completion row records', async () => {
    const audit = new MemoryAuditStore();
    const asked = await audit.append(lookUp('CA0190000', 'OP1001', 'QW.CA0190000.NAM/KORVALE,DESMIN.DOB/19860412'));
    const who = { operatorId: 'OP1001', terminal: '1901', ori: 'CA0190000', messageKey: 'QW', inputSeq: 1 };
    await audit.append({ type: 'response', at: AT + 10, outcome: 'no_record', ...who, detail: { system: 'NCIC', records: [], auditSeq: asked.seq } });
    const completion = await audit.append({
      type: 'completion', at: AT + 11, outcome: 'complete', ...who,
      detail: { answered: ['NCIC', 'CORI'], failed: [], auditSeq: asked.seq, responses: [{ system: 'CORI', outcome: 'hit', records: ['WPS:W297823148'] }] },
    });
    const app = Fastify();
    await app.register(auditSearchRoutes, { audit, authorize: () => ({ readerId: 'ADMIN', scope: 'all' }) });
    const found = await app.inject({ url: '/v1/audit/search?name=KORVALE,DESMIN&dob=19860412' });
    expect(found.statusCode).toBe(200);
    expect(found.json().hits[0]).toMatchObject({
      result: 'hit', records: ['WPS:W297823148'],
      answers: [
        { type: 'response', system: 'NCIC', outcome: 'no_record' },
        { seq: completion.seq, type: 'response', system: 'CORI', outcome: 'hit', records: ['WPS:W297823148'] },
        { seq: completion.seq, type: 'completion', outcome: 'complete' },
      ],
    });
    await app.close();
  });

  it('turns query fields into subject keys and filters', () => {
    expect(searchCriteria({ plate: '8ABC123', operatorId: 'OP1', from: 5, limit: 10 })).toEqual({
      keys: ['LIC:8ABC123'], keyPrefixes: ['LIC:8ABC123/'], operatorId: 'OP1', from: 5, limit: 10,
    });
    expect(searchCriteria({ case: '26-001234', exact: 'true' })).toEqual({ keys: ['CASE:26001234'] });
    expect(searchCriteria({ terminal: 'LA01' })).toEqual({ terminal: 'LA01' });
  });
});
