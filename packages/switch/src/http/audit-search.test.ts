import Fastify from 'fastify';
import { CletsError, subjectKeys } from '@clets/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryAuditStore } from '../audit/memory-audit-store.js';
import type { AuditEvent } from '../audit/types.js';
import { buildRegistry } from '../security/registry.js';
import { buildSwitch, type CletsSwitch } from '../switch.js';
import { registerAuditSearchRoute, searchCriteria } from './audit-search.js';

const TOKEN = 'admin-token-0123456789';
const AT = Date.UTC(2026, 11, 6, 15);
const lookUp = (ori: string, operatorId: string, line: string, at = AT): AuditEvent => ({
  type: 'transaction', at, outcome: 'accepted', operatorId, terminal: `${ori.slice(4, 6)}01`, ori, messageKey: 'QW', inputSeq: 1,
  routeTo: { requester: 'DEP R VALE 4411', reason: 'TRAFFIC STOP' }, subjectKeys: subjectKeys({ text: line }),
});

async function seeded(): Promise<MemoryAuditStore> {
  const audit = new MemoryAuditStore();
  await audit.appendMany([
    lookUp('CA0190000', 'OP1001', 'QW.CA0190000.NAM/KORVALE,DESMIN.DOB/19860412'),
    lookUp('CA0370000', 'OP3701', 'QW.CA0370000.NAM/CORVALE,DESMIN.DOB/19860412', AT + 1000),
    lookUp('CA0190000', 'OP1002', 'QV.CA0190000.LIC/8ABC123.LIS/CA', AT + 2000),
  ]);
  return audit;
}

let sw: CletsSwitch | undefined;
afterEach(async () => {
  await sw?.close();
  sw = undefined;
});

describe('GET /v1/audit/search on the switch', () => {
  async function start(): Promise<{ sw: CletsSwitch; audit: MemoryAuditStore }> {
    const audit = await seeded();
    const registry = buildRegistry({ agencies: [{ ori: 'CA0190000', name: 'COUNTY 19 SHERIFF', countyCode: '19', active: true }], terminals: [], operators: [] });
    sw = await buildSwitch({ switchId: 'county-19', messagesPath: ':memory:', log: { level: 'silent' }, http: { adminToken: TOKEN } }, { audit, registry });
    await sw.listen();
    return { sw, audit };
  }

  it('answers an administrator with every row of the switch, and audits the search first', async () => {
    const { sw: app, audit } = await start();
    const answer = await app.http.inject({ url: '/v1/audit/search?name=KORVALE,%20DESMIN&dob=19860412', headers: { authorization: `Bearer ${TOKEN}` } });
    expect(answer.statusCode).toBe(200);
    const body = answer.json() as { count: number; scope: unknown; hits: { operatorId: string; ori: string; matched: string[]; routeTo: unknown }[] };
    expect(body.scope).toBe('all');
    expect(body.hits.map((hit) => [hit.operatorId, hit.ori])).toEqual([['OP1001', 'CA0190000'], ['OP3701', 'CA0370000']]);
    expect(body.hits[0]?.routeTo).toEqual({ requester: 'DEP R VALE 4411', reason: 'TRAFFIC STOP' });
    const [read] = audit.query({ type: 'audit_read' });
    expect(read).toMatchObject({ operatorId: 'administrator', detail: { action: 'search', search: { keys: ['NAM:KORVALE,DESMIN/19860412', 'PHN:CARVAL,D/19860412'] }, scope: 'all' } });
    expect((await app.http.inject({ url: `/v1/audit/search?name=KORVALE,DESMIN&dob=19860412&exact=true&from=${AT}&to=2026-12-07`, headers: { authorization: `Bearer ${TOKEN}` } })).json().count).toBe(1);
    expect((await app.http.inject({ url: '/v1/audit/search?plate=8ABC123', headers: { authorization: `Bearer ${TOKEN}` } })).json().count).toBe(1);
  });

  it('refuses a caller without authority, and a malformed query naming its field', async () => {
    const { sw: app, audit } = await start();
    const refused = await app.http.inject({ url: '/v1/audit/search?name=KORVALE,DESMIN' });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('CLETS_ERR_ADMIN_TOKEN_INVALID');
    for (const [query, field] of [['dob=19860412', 'dob'], ['name=KORVALE', 'name'], ['limit=0', 'limit'], ['from=soon', 'from'], ['colour=RED', '']] as const) {
      const bad = await app.http.inject({ url: `/v1/audit/search?${query}`, headers: { authorization: `Bearer ${TOKEN}` } });
      expect(bad.statusCode, query).toBe(400);
      expect(bad.json().error.code).toBe('CLETS_ERR_REQUEST_INVALID');
      if (field !== '') expect(bad.json().error.field).toBe(field);
    }
    expect(audit.query({ type: 'audit_read' })).toHaveLength(0);
  });
});

describe('GET /v1/audit/search with another authority', () => {
  it('gives a coordinator the rows of the ORIs its authority names, whatever the query asks', async () => {
    const audit = await seeded();
    const app = Fastify();
    app.setErrorHandler((error, _request, reply) => {
      const failure = error instanceof CletsError ? error : new CletsError('CLETS_ERR_INTERNAL');
      void reply.status(failure.httpStatus).send({ error: { code: failure.code } });
    });
    registerAuditSearchRoute(app, { audit, authorize: () => ({ readerId: 'ACC19', scope: { oris: ['CA0190000'] } }) });
    const own = await app.inject({ url: '/v1/audit/search?name=KORVALE,DESMIN&dob=19860412' });
    expect(own.json()).toMatchObject({ count: 1, scope: { oris: ['CA0190000'] }, hits: [{ operatorId: 'OP1001' }] });
    expect((await app.inject({ url: '/v1/audit/search?ori=CA0370000' })).json().count).toBe(0);
    expect(audit.query({ type: 'audit_read' }).map((row) => row.operatorId)).toEqual(['ACC19', 'ACC19']);
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
