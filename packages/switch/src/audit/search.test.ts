// The subject search over what the switch itself audits: the transaction pipeline stamps
// subject keys on accepted and refused transactions, and its answer rows carry the seq of
// their transaction, which is how a hit learns what came back.
import { afterEach, describe, expect, it } from 'vitest';
import { HitStatus, subjectSearchKeys, type LinkReply, type SubjectQuery } from '@clets/protocol';
import { TerminalClient } from '@clets/terminal';
import { MemoryAuditStore } from './memory-audit-store.js';
import { buildSwitch, type CletsSwitch } from '../switch.js';
import { buildRegistry } from '../security/registry.js';
import { FakeLink, type FakeRequest } from '../testing/index.js';

const ORI = 'CA0190000';
const registry = buildRegistry({
  agencies: [{ ori: ORI, name: 'COUNTY 19 SHERIFF', countyCode: '19', active: true }],
  terminals: [{ mnemonic: 'SD01', ori: ORI, class: 'desk', deviceSecret: 'device-secret-sd01' }],
  operators: [{ id: 'OP1', ori: ORI, role: 'FAO', password: 'full-access-pass', deactivated: false }],
});
const RTE = 'RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP SUSPECT VEH;CASE:26-001234';

const answer = (status: HitStatus) => (request: FakeRequest): LinkReply => ({
  requestId: request.requestId, final: true,
  responses: [{
    header: request.transaction.header ?? null, system: request.system, responseKey: 'QW', status, text: 'ANSWER',
    // As the systems answer: a file searched with nothing found is a record entry with no id.
    records: status === HitStatus.HIT_STATUS_HIT
      ? [{ status, system: request.system, file: 'WANTED PERSON', recordId: 'W000000001', text: 'HIT' }]
      : [{ status, system: request.system, file: 'MPS', recordId: '', text: 'NO RECORD' }],
  }],
});

let sw: CletsSwitch | undefined;
let client: TerminalClient | undefined;
afterEach(async () => {
  await client?.close();
  await sw?.close();
  sw = undefined;
  client = undefined;
});

async function start(links: Record<string, (request: FakeRequest) => LinkReply | 'hang'>): Promise<{ audit: MemoryAuditStore; client: TerminalClient }> {
  const audit = new MemoryAuditStore();
  sw = await buildSwitch({
    switchId: 'county-19', messagesPath: ':memory:', log: { level: 'silent' },
    links: Object.keys(links).map((name) => ({ name, url: 'ws://127.0.0.1:1', secret: 'test-secret-1' })),
    limits: { requestDeadlineMs: 300, maxMalformedFrames: 3, authTimeoutMs: 5_000 },
  }, { audit, registry, linkFactory: (link) => new FakeLink(link.name, links[link.name]!) });
  const { terminals } = await sw.listen();
  client = new TerminalClient({ url: terminals, mnemonic: 'SD01', deviceSecret: 'device-secret-sd01' });
  await client.connect();
  await client.login({ operatorId: 'OP1', password: 'full-access-pass' });
  return { audit, client };
}

const find = (audit: MemoryAuditStore, query: SubjectQuery) => {
  const { exact, prefixes } = subjectSearchKeys(query);
  return audit.search({ keys: exact, keyPrefixes: prefixes }, 'all');
};

describe('subject search over the switch audit', () => {
  it('finds a hit, a no-record look-up and a refused one of the same person, with what came back', async () => {
    const { audit, client: terminal } = await start({ NCIC: answer(HitStatus.HIT_STATUS_HIT), CORI: answer(HitStatus.HIT_STATUS_NO_RECORD) });
    await terminal.send(`QW.${ORI}.NAM/KORVALE,DESMIN.SEX/M.DOB/19860412.${RTE}`);
    await terminal.send(`QW.${ORI}.NAM/CORVALE,DESMIN.SEX/M.DOB/19860412.${RTE}`);
    const refused = await terminal.send(`QW.${ORI}.NAM/KORVALE,DESMIN ARLO.SEX/M.DOB/19860412`);
    expect(refused.outcome).toBe('rejected');
    await terminal.send(`QV.${ORI}.LIC/8ABC123.LIS/CA.${RTE}`);
    await audit.flush();

    const hits = find(audit, { name: 'KORVALE,DESMIN', dob: '19860412' });
    expect(hits.map((hit) => [hit.type, hit.result, hit.operatorId, hit.terminal, hit.ori])).toEqual([
      ['transaction', 'hit', 'OP1', 'SD01', ORI],
      ['transaction', 'hit', 'OP1', 'SD01', ORI],
      ['reject', 'refused', 'OP1', 'SD01', ORI],
    ]);
    expect(hits[0]).toMatchObject({
      messageKey: 'QW', records: ['WANTED PERSON:W000000001'], matched: ['NAM:KORVALE,DESMIN/19860412', 'PHN:CARVAL,D/19860412'],
      routeTo: { requester: 'DEP R VALE 4411', reason: 'TRAFFIC STOP SUSPECT VEH', caseNumber: '26-001234' },
    });
    expect(hits[0]?.answers.map((row) => [row.type, row.system, row.outcome]).sort()).toEqual([
      ['completion', undefined, 'complete'], ['response', 'CORI', 'no_record'], ['response', 'NCIC', 'hit'],
    ]);
    expect(hits[1]?.matched).toEqual(['PHN:CARVAL,D/19860412']);
    expect(hits[2]).toMatchObject({ code: 'CLETS_ERR_ROUTE_TO_MISSING', subjectKeys: expect.arrayContaining(['NAM:KORVALE,DESMIN/19860412']) });
    expect(find(audit, { plate: '8ABC123', state: 'CA' }).map((hit) => hit.messageKey)).toEqual(['QV']);
    expect(find(audit, { caseNumber: '26-001234' })).toHaveLength(3);
    expect(audit.verify().ok).toBe(true);
  });

  it('links a system that failed to its transaction: the hit says it failed', async () => {
    const { audit, client: terminal } = await start({ NCIC: () => 'hang', CORI: () => 'hang' });
    const result = await terminal.send(`QG.${ORI}.SER/TX12345.${RTE}`);
    expect(result.outcome).toBe('completed');
    await audit.flush();
    const [hit] = find(audit, { serial: 'TX12345' });
    expect(hit?.result).toBe('failed');
    expect(hit?.answers.filter((row) => row.type === 'reject').map((row) => [row.system, row.code]).sort()).toEqual([
      ['CORI', 'CLETS_ERR_SYSTEM_TIMEOUT'], ['NCIC', 'CLETS_ERR_SYSTEM_TIMEOUT'],
    ]);
  });
});
