import { validate } from '@readme/openapi-parser';
import { ResponseValidator } from '@clets/openapi/testing';
import type { OpenApiDocument } from '@clets/openapi';
import { encodeFrame, HitStatus, totpCode, type LinkReply } from '@clets/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryAuditStore } from '../audit/index.js';
import { buildSwitch, type CletsSwitch } from '../switch.js';
import { decodeFrames } from '../pipeline/journal.js';
import { FakeLink, type FakeRequest } from '../testing/fake-link.js';
import { DEMO_NOW, demoFixtures, TINY_SCRYPT } from '../testing/security.js';

const ORI = 'CA0190000';
const RTE = 'RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP SUSPECT VEH;CASE:26-001234';

interface Harness {
  readonly sw: CletsSwitch;
  readonly clock: { now: number };
  readonly document: OpenApiDocument;
  readonly validator: ResponseValidator;
  /** Every answer so far that the document does not describe. */
  readonly problems: string[];
  /** One request; its answer is checked against the document and returned. */
  call(method: string, url: string, options?: { token?: string; payload?: unknown; contentType?: string; remoteAddress?: string }): Promise<{ statusCode: number; body: string; rawPayload: Buffer; json(): any }>;
}

const switches: CletsSwitch[] = [];
afterEach(async () => {
  for (const sw of switches.splice(0)) await sw.close();
});

/**
 * County 19 on the demo data, its systems answering from fake links (NCIC a hit, the others
 * no record); `hang` systems never answer, `down` links are down.
 */
async function start(options: { hang?: string[]; down?: string[]; gatewayWaitMs?: number } = {}): Promise<Harness> {
  const clock = { now: DEMO_NOW };
  const answer = (system: string) => (request: FakeRequest): LinkReply | 'hang' => {
    if (options.hang?.includes(system) === true) return 'hang';
    const status = system === 'NCIC' ? HitStatus.HIT_STATUS_HIT : HitStatus.HIT_STATUS_NO_RECORD;
    return {
      requestId: request.requestId, final: true,
      responses: [{ header: request.transaction.header ?? null, system, responseKey: 'QW', status, text: `${system} ANSWER`, records: [{ status, system, file: 'WANTED PERSON', recordId: 'W000000001', text: 'RECORD' }] }],
    };
  };
  const sw = await buildSwitch({
    switchId: 'county-19', messagesPath: ':memory:',
    links: ['NCIC', 'CORI', 'NLETS', 'DMV'].map((name) => ({ name, url: 'ws://127.0.0.1:1', secret: 'test-secret-1' })),
    security: { databasePath: ':memory:', settings: { passwords: { scrypt: TINY_SCRYPT } } },
    log: { level: 'silent' },
    // A hung system's deadline comes soon after the gateway's wait, so the test ends soon after.
    ...(options.gatewayWaitMs === undefined ? {} : { http: { gatewayWaitMs: options.gatewayWaitMs }, limits: { requestDeadlineMs: options.gatewayWaitMs + 300 } }),
  }, {
    audit: new MemoryAuditStore(), clock: () => clock.now, data: await demoFixtures(),
    linkFactory: (link) => new FakeLink(link.name, answer(link.name), { now: () => clock.now, up: options.down?.includes(link.name) !== true }),
  });
  switches.push(sw);
  const document = (await sw.http.inject({ url: '/openapi.json' })).json() as OpenApiDocument;
  const validator = new ResponseValidator(document);
  const problems: string[] = [];
  return {
    sw, clock, document, validator, problems,
    async call(method, url, options = {}) {
      const body = options.payload === undefined ? undefined : Buffer.isBuffer(options.payload) ? options.payload : JSON.stringify(options.payload);
      const response = await sw.http.inject({
        method: method as 'GET', url, remoteAddress: options.remoteAddress ?? '10.20.0.1',
        headers: {
          ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
          ...(body === undefined ? {} : { 'content-type': options.contentType ?? 'application/json' }),
        },
        ...(body === undefined ? {} : { payload: body }),
      });
      problems.push(...validator.problems({ method, url, statusCode: response.statusCode, headers: response.headers, body: response.body }));
      return { statusCode: response.statusCode, body: response.body, rawPayload: response.rawPayload, json: () => response.json() };
    },
  };
}

async function totpOf(operatorId: string, now: number): Promise<string> {
  return totpCode((await demoFixtures()).operators.find((operator) => operator.id === operatorId)!.totpSecret, now);
}

async function adminToken(h: Harness, operatorId: string): Promise<string> {
  h.clock.now += 30_000; // each login a TOTP step of its own
  const login = await h.call('POST', '/v1/admin/sessions', { payload: { operatorId, password: `Demo-Pass-${operatorId.slice(2)}!`, totpCode: await totpOf(operatorId, h.clock.now) } });
  expect(login.statusCode, login.body).toBe(201);
  return login.json().token as string;
}

async function gatewayToken(h: Harness, operatorId = 'OP1004', mnemonic = 'LA04'): Promise<string> {
  h.clock.now += 30_000;
  const terminal = (await demoFixtures()).terminals.find((candidate) => candidate.mnemonic === mnemonic)!;
  const session = await h.call('POST', '/v1/sessions', {
    payload: { mnemonic, deviceSecret: terminal.deviceSecret, operatorId, password: `Demo-Pass-${operatorId.slice(2)}!`, totpCode: await totpOf(operatorId, h.clock.now), acknowledgeBanner: true },
  });
  expect(session.statusCode, session.body).toBe(201);
  return session.json().token as string;
}

describe("the switch's OpenAPI document", () => {
  it('is a valid OpenAPI 3.1 document (@readme/openapi-parser)', async () => {
    const h = await start();
    const result = await validate(structuredClone(h.document) as never);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('says which token each route takes and what its hooks answer: the gateway session, the administrator session, the login rate limit', async () => {
    const { document } = await start();
    const operations = Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation })));
    const security = (route: string) => JSON.stringify(operations.find((candidate) => candidate.route === route)?.operation['security'] ?? null);
    const statuses = (route: string) => Object.keys(operations.find((candidate) => candidate.route === route)!.operation['responses'] as object);
    for (const { route, operation } of operations) {
      const admin = route.includes('/v1/admin/') && route !== 'POST /v1/admin/sessions' || route.includes('/v1/audit');
      const gateway = route === 'POST /v1/messages' || route === 'DELETE /v1/sessions/current';
      expect(security(route), route).toBe(admin ? '[{"adminSession":[]}]' : gateway ? '[{"gatewaySession":[]}]' : 'null');
      // Every token route and every login answers 429 when the source's budget is spent.
      if (admin || route === 'POST /v1/sessions' || route === 'POST /v1/admin/sessions') expect(statuses(route), route).toContain('429');
      expect(operation['operationId'], route).toMatch(/^[a-z]+[A-Za-z]+$/);
    }
    expect(statuses('GET /healthz')).toEqual(['200', '500', '4XX', '5XX']);
    expect(operations.map((operation) => operation.route)).toEqual(expect.arrayContaining([
      'GET /healthz', 'GET /readyz', 'GET /metrics', 'GET /v1/links', 'GET /v1/audit', 'GET /v1/audit/search', 'POST /v1/sessions', 'DELETE /v1/sessions/current',
      'POST /v1/messages', 'POST /v1/admin/sessions', 'DELETE /v1/admin/sessions/current', 'GET /v1/admin/operators', 'PATCH /v1/admin/terminals/{mnemonic}',
      'GET /v1/admin/reports/{report}', 'GET /openapi.json', 'GET /docs',
    ]));
  });
});

describe("the switch's real answers", () => {
  it('status, documentation and the gateway: what they answer fits the document, errors included', async () => {
    const h = await start();
    expect((await h.call('GET', '/healthz')).statusCode).toBe(200);
    expect((await h.call('GET', '/readyz')).statusCode).toBe(200);
    expect((await h.call('GET', '/metrics')).statusCode).toBe(200);
    expect((await h.call('GET', '/v1/links')).json().links).toHaveLength(4);
    expect((await h.call('GET', '/openapi.json')).statusCode).toBe(200);
    expect((await h.call('GET', '/docs')).statusCode).toBe(200);

    // Gateway login: refused members, credentials, a missing code; then a session.
    const la04 = (await demoFixtures()).terminals.find((terminal) => terminal.mnemonic === 'LA04')!;
    const login = { mnemonic: 'LA04', deviceSecret: la04.deviceSecret, operatorId: 'OP1004', password: 'Demo-Pass-1004!', acknowledgeBanner: true };
    expect((await h.call('POST', '/v1/sessions', { payload: { ...login, acknowledgeBanner: false } })).statusCode).toBe(400);
    expect((await h.call('POST', '/v1/sessions', { payload: { ...login, deviceSecret: 'not-it' } })).json().error.code).toBe('CLETS_ERR_TERMINAL_CREDENTIAL');
    expect((await h.call('POST', '/v1/sessions', { payload: { ...login, mnemonic: 'ZZ99' } })).json().error.code).toBe('CLETS_ERR_TERMINAL_UNKNOWN');
    expect((await h.call('POST', '/v1/sessions', { payload: login })).json().error.code).toBe('CLETS_ERR_SECOND_FACTOR_REQUIRED');
    expect((await h.call('POST', '/v1/sessions', { payload: { ...login, totpCode: '000000' } })).json().error.code).toBe('CLETS_ERR_LOGIN_FAILED');
    expect((await h.call('POST', '/v1/sessions', { payload: 'not json', contentType: 'application/json' })).statusCode).toBe(400);
    const token = await gatewayToken(h);

    // Messages: answered, refused (a reject, at its status), malformed, unauthenticated, protobuf.
    const answered = await h.call('POST', '/v1/messages', { token, payload: { line: `QW.${ORI}.NAM/KORVALE,DESMIN.SEX/M.DOB/19860412.${RTE}`, clientMessageId: 'CAD-1', control: 'C1' } });
    expect([answered.statusCode, answered.json().complete]).toEqual([200, true]);
    const refused = await h.call('POST', '/v1/messages', { token, payload: { line: `QW.${ORI}.NAM/KORVALE,DESMIN.SEX/M.DOB/19860412`, clientMessageId: 'CAD-2' } });
    expect([refused.statusCode, refused.json().frames[0].reject.code]).toEqual([400, 'CLETS_ERR_ROUTE_TO_MISSING']);
    const reused = await h.call('POST', '/v1/messages', { token, payload: { line: `QW.${ORI}.NAM/OTHER,NAME.SEX/M.DOB/19860412.${RTE}`, clientMessageId: 'CAD-1' } });
    expect(reused.statusCode).toBe(409);
    const transaction = await h.call('POST', '/v1/messages', {
      token, payload: { transaction: { header: { messageKey: 'QW' }, fields: [{ tag: 'NAM', value: 'KORVALE,DESMIN' }, { tag: 'SEX', value: 'M' }, { tag: 'DOB', value: '19860412' }], routeTo: { requester: 'DEP R VALE 4411', reason: 'TRAFFIC STOP SUSPECT VEH', caseNumber: '26-001234' } }, clientMessageId: 'CAD-3' },
    });
    expect(transaction.statusCode, transaction.body).toBe(200);
    expect((await h.call('POST', '/v1/messages', { token, payload: { transaction: { header: { client_message_id: 'X' } } } })).json().error.code).toBe('CLETS_ERR_FRAME_MALFORMED');
    expect((await h.call('POST', '/v1/messages', { token, payload: { line: 'QW', text: 'x' } })).json().error.code).toBe('CLETS_ERR_REQUEST_INVALID');
    expect((await h.call('POST', '/v1/messages', { payload: { line: 'QW' } })).json().error.code).toBe('CLETS_ERR_NOT_LOGGED_IN');
    const frame = encodeFrame({ transaction: { text: `QW.${ORI}.NAM/KORVALE,DESMIN.SEX/M.DOB/19860412.${RTE}`, header: { clientMessageId: 'CAD-4' } } });
    const protobuf = await h.call('POST', '/v1/messages', { token, payload: Buffer.from(frame), contentType: 'application/x-protobuf' });
    expect(protobuf.statusCode).toBe(200);
    // The body is the frames, each prefixed by its length: the last, the Completion echoing the id.
    expect(decodeFrames(protobuf.rawPayload).at(-1)?.completion?.header?.clientMessageId).toBe('CAD-4');
    expect((await h.call('POST', '/v1/messages', { token, payload: Buffer.from([0xff, 0xff, 0xff]), contentType: 'application/x-protobuf' })).statusCode).toBe(400);
    expect((await h.call('DELETE', '/v1/sessions/current', { token })).statusCode).toBe(204);
    expect((await h.call('DELETE', '/v1/sessions/current', { token })).statusCode).toBe(401);
    expect((await h.call('GET', '/nowhere')).statusCode).toBe(404);

    expect(h.problems.filter((problem) => !problem.startsWith('GET /nowhere'))).toEqual([]);
  });

  it('a gateway wait that runs out (504) and a switch that is not ready (503): what they answer fits the document', async () => {
    const h = await start({ hang: ['NCIC'], down: ['DMV'], gatewayWaitMs: 200 });
    expect((await h.call('GET', '/readyz')).statusCode).toBe(503);
    const token = await gatewayToken(h);
    const waited = await h.call('POST', '/v1/messages', { token, payload: { line: `QW.${ORI}.NAM/KORVALE,DESMIN.SEX/M.DOB/19860412.${RTE}`, clientMessageId: 'CAD-9' } });
    expect([waited.statusCode, waited.json().complete]).toEqual([504, false]);
    expect(h.problems).toEqual([]);
  });

  it('the audit log and the administration routes: what they answer fits the document, errors included', async () => {
    const h = await start();
    expect((await h.call('GET', '/v1/audit')).json().error.code).toBe('CLETS_ERR_ADMIN_TOKEN_INVALID');
    const wrong = await h.call('POST', '/v1/admin/sessions', { payload: { operatorId: 'OP1010', password: 'Wrong-Pass-10!', totpCode: '000000' } });
    expect(wrong.json().error.code).toBe('CLETS_ERR_LOGIN_FAILED');
    const admin = await adminToken(h, 'OP1010');
    const acc = await adminToken(h, 'OP1008');
    const token = await gatewayToken(h);
    await h.call('POST', '/v1/messages', { token, payload: { line: `QW.${ORI}.NAM/KORVALE,DESMIN.SEX/M.DOB/19860412.${RTE}`, clientMessageId: 'CAD-1' } });

    // The audit log.
    expect((await h.call('GET', '/v1/audit?limit=50', { token: admin })).json().rows.length).toBeGreaterThan(3);
    expect((await h.call('GET', '/v1/audit?operatorId=OP1004&type=transaction', { token: acc })).statusCode).toBe(200);
    expect((await h.call('GET', '/v1/audit?ori=CA0190100', { token: acc })).statusCode).toBe(403);
    expect((await h.call('GET', '/v1/audit?afterSeq=3', { token: admin })).statusCode).toBe(200);
    expect((await h.call('GET', '/v1/audit?after=3', { token: admin })).statusCode).toBe(400);
    const search = await h.call('GET', '/v1/audit/search?name=KORVALE,DESMIN&dob=19860412', { token: admin });
    expect(search.json().count).toBe(1);
    expect((await h.call('GET', '/v1/audit/search?name=KORVALE,DESMIN', { token: acc })).json().scope).toEqual({ oris: [ORI] });
    expect((await h.call('GET', '/v1/audit/search?from=yesterday', { token: admin })).statusCode).toBe(400);

    // Operators.
    expect((await h.call('GET', '/v1/admin/operators?role=FAO', { token: admin })).json().operators.length).toBeGreaterThan(3);
    expect((await h.call('GET', '/v1/admin/operators/OP1004', { token: acc })).statusCode).toBe(200);
    expect((await h.call('GET', '/v1/admin/operators/OP9999', { token: admin })).statusCode).toBe(404);
    expect((await h.call('GET', '/v1/admin/operators/OP1024', { token: acc })).statusCode).toBe(403);
    const created = await h.call('POST', '/v1/admin/operators', {
      token: acc,
      payload: {
        id: 'OP7001', name: { last: 'Vantry', first: 'Noor' }, ori: ORI, role: 'FAO', password: 'Quiet-Harbor-Lamp-7', appointedOn: '2026-09-01',
        trainedOn: '2026-09-15', examTakenOn: '2026-09-20', examScore: 91, homeAddress: { street: '12 Elm', zip: '90001' }, relatives: [{ last: 'VANTRY', first: 'ODA', dob: '19600101' }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect((await h.call('POST', '/v1/admin/operators', { token: acc, payload: { id: 'OP7001', name: { last: 'A', first: 'B' }, ori: ORI, role: 'FAO', password: 'Quiet-Harbor-Lamp-7', appointedOn: '2026-09-01' } })).statusCode).toBe(409);
    expect((await h.call('POST', '/v1/admin/operators', { token: acc, payload: { id: 'OP7002', name: { last: 'A', first: 'B' }, ori: ORI, role: 'ADMINISTRATOR', password: 'Quiet-Harbor-Lamp-7', appointedOn: '2026-09-01' } })).statusCode).toBe(403);
    expect((await h.call('POST', '/v1/admin/operators', { token: acc, payload: { id: 'OP7003', name: { last: 'A', first: 'B' }, ori: ORI, role: 'FAO', password: 'short', appointedOn: '2026-09-01' } })).json().error.code).toBe('CLETS_ERR_PASSWORD_POLICY');
    expect((await h.call('POST', '/v1/admin/operators', { token: acc, payload: { id: 'OP7004', name: { last: 'A', first: 'B' }, ori: ORI, role: 'FAO', password: 'Quiet-Harbor-Lamp-7', appointedOn: '2026-02-30' } })).statusCode).toBe(400);
    expect((await h.call('PATCH', '/v1/admin/operators/OP7001', { token: acc, payload: { resetSecondFactor: true, personId: null } })).json().secondFactor.method).toBe('TOTP');
    expect((await h.call('PATCH', '/v1/admin/operators/OP7001', { token: acc, payload: {} })).statusCode).toBe(400);
    expect((await h.call('POST', '/v1/admin/operators/OP7001/training', { token: acc, payload: { trainedOn: '2026-09-16' } })).statusCode).toBe(200);
    expect((await h.call('POST', '/v1/admin/operators/OP7001/training', { token: acc, payload: { trainedOn: '2027-01-01' } })).statusCode).toBe(400);
    expect((await h.call('POST', '/v1/admin/operators/OP7001/exams', { token: acc, payload: { takenOn: '2026-10-01', score: 88 } })).statusCode).toBe(200);
    expect((await h.call('POST', '/v1/admin/operators/OP7001/statements', { token: acc, payload: { kind: 'dmv', signedOn: '2026-10-02' } })).statusCode).toBe(200);
    expect((await h.call('POST', '/v1/admin/operators/OP7001/background', { token: acc, payload: { result: 'cleared' } })).statusCode).toBe(200);
    expect((await h.call('POST', '/v1/admin/operators/OP7001/unlock', { token: acc })).statusCode).toBe(200);
    expect((await h.call('POST', '/v1/admin/operators/OP7001/deactivate', { token: acc, payload: { reason: 'left the agency' } })).statusCode).toBe(200);
    expect((await h.call('POST', '/v1/admin/operators/OP7001/deactivate', { token: acc, payload: { reason: 'again' } })).statusCode).toBe(409);
    expect((await h.call('POST', '/v1/admin/operators/OP1008/deactivate', { token: acc, payload: { reason: 'myself' } })).statusCode).toBe(403);

    // Terminals.
    expect((await h.call('GET', '/v1/admin/terminals', { token: acc })).json().terminals.length).toBeGreaterThan(3);
    const registered = await h.call('POST', '/v1/admin/terminals', { token: admin, payload: { mnemonic: 'LA90', ori: ORI, class: 'desk', allowedKeys: ['QW'] } });
    expect([registered.statusCode, typeof registered.json().deviceSecret]).toEqual([201, 'string']);
    expect((await h.call('POST', '/v1/admin/terminals', { token: admin, payload: { mnemonic: 'LA90', ori: ORI, class: 'desk' } })).statusCode).toBe(409);
    expect((await h.call('POST', '/v1/admin/terminals', { token: acc, payload: { mnemonic: 'LA91', ori: ORI, class: 'desk' } })).statusCode).toBe(403);
    expect((await h.call('PATCH', '/v1/admin/terminals/LA90', { token: admin, payload: { active: false, allowedKeys: null, rotateSecret: true } })).statusCode).toBe(200);
    expect((await h.call('PATCH', '/v1/admin/terminals/ZZ99', { token: admin, payload: { active: false } })).statusCode).toBe(404);

    // The review queue, the release log, the reports.
    expect((await h.call('GET', '/v1/admin/review-queue?status=open', { token: acc })).statusCode).toBe(200);
    expect((await h.call('POST', '/v1/admin/review-queue/999/close', { token: acc, payload: { finding: 'no misuse found' } })).statusCode).toBe(404);
    // A release names the transaction whose answer was released: here one of OP1001's, with its hit.
    const { seq: released } = await h.sw.audit.append({
      type: 'transaction', at: h.clock.now, outcome: 'accepted', operatorId: 'OP1001', terminal: 'LA01', ori: ORI, messageKey: 'QR', inputSeq: 1, switchId: 'county-19',
    });
    await h.sw.audit.append({
      type: 'response', at: h.clock.now, outcome: 'hit', operatorId: 'OP1001', terminal: 'LA01', ori: ORI, messageKey: 'QR', inputSeq: 1, switchId: 'county-19',
      detail: { system: 'CORI', records: ['ACHS:CH0000001'], auditSeq: released },
    });
    const release = await h.call('POST', '/v1/admin/releases', {
      token: acc, payload: { releasedOn: '2026-11-01', requester: 'Judge A Mercer', requestingAgency: 'Superior Court', transmittedBy: 'fax', releasedBy: 'OP1001', transaction: { auditSeq: released } },
    });
    expect(release.statusCode, release.body).toBe(201);
    expect((await h.call('GET', '/v1/admin/releases?from=2026-10-01', { token: acc })).json().releases).toHaveLength(1);
    for (const report of ['route-to', 'release-log', 'misuse', 'expiring']) {
      expect((await h.call('GET', `/v1/admin/reports/${report}`, { token: acc })).statusCode, report).toBe(200);
    }
    expect((await h.call('GET', '/v1/admin/reports/misuse?format=csv', { token: admin })).statusCode).toBe(200);
    expect((await h.call('GET', '/v1/admin/reports/expiring?format=text&days=30', { token: admin })).statusCode).toBe(200);
    expect((await h.call('GET', '/v1/admin/reports/nothing', { token: admin })).statusCode).toBe(400);
    expect((await h.call('GET', '/v1/admin/terminals', { token: 'not-a-token' })).statusCode).toBe(401);

    expect((await h.call('DELETE', '/v1/admin/sessions/current', { token: acc })).statusCode).toBe(204);
    expect(h.problems).toEqual([]);
  });
});
