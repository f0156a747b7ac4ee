/**
 * A locate's notification to the entering agency survives a crash between the locate's
 * acknowledgement and the AM's delivery: the switch is built, the locate answered while the
 * entering agency's county is out of reach (the AM held for the link to the state), the files
 * copied as a SIGKILL leaves them, and a switch built on the copy delivers the AM once the
 * link is up, once.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeliveryState, HitStatus, type LinkReply } from '@clets/protocol';
import { TerminalClient } from '@clets/terminal';
import { buildRegistry } from '../security/registry.js';
import { buildSwitch, type CletsSwitch } from '../switch.js';
import { FakeLink, Scratch, type FakeRequest } from '../testing/index.js';
import { LocateNoticeJournal } from './locate-notice-journal.js';

const ORI = 'CA0190000';
const ENTERING_ORI = 'CA0370000';
const NIC = 'V289052275';
const RTE = 'RTE/REQ:DEP R VALE 4411;RSN:VEHICLE RECOVERED;CASE:26-001234';
const LV = `LV.${ORI}.NIC/${NIC}.DOL/20261101.${RTE}`;
const registry = buildRegistry({
  agencies: [{ ori: ORI, name: 'COUNTY 19 SHERIFF', countyCode: '19', active: true }],
  terminals: [{ mnemonic: 'LA01', ori: ORI, class: 'desk', deviceSecret: 'device-secret-la01' }],
  operators: [{ id: 'OP1', ori: ORI, role: 'FAO', password: 'full-access-pass', deactivated: false }],
});

const scratch = new Scratch('clets-locate-');
afterEach(() => scratch.release());

function acknowledge(request: FakeRequest): LinkReply {
  return {
    requestId: request.requestId, final: true,
    responses: [{
      header: request.transaction.header ?? null, system: 'CORI', responseKey: 'LV', status: HitStatus.HIT_STATUS_ACKNOWLEDGED,
      records: [{ status: HitStatus.HIT_STATUS_ACKNOWLEDGED, system: 'CORI', file: 'SVS', recordId: NIC, enteringOri: ENTERING_ORI, text: `LV ACCEPTED NIC/${NIC}` }],
    }],
  };
}

function delivered(request: FakeRequest): LinkReply {
  return {
    requestId: request.requestId, final: true,
    deliveryReports: [{ header: request.transaction.header ?? null, destination: ENTERING_ORI, state: DeliveryState.DELIVERY_STATE_DELIVERED }],
  };
}

async function start(dir: string, stateUp: boolean): Promise<{ sw: CletsSwitch; state: FakeLink; url: string }> {
  let state: FakeLink | undefined;
  const sw = await buildSwitch({
    switchId: 'county-19', messagesPath: join(dir, 'messages.db'), audit: { path: join(dir, 'audit.db'), checkpointIntervalMs: 600_000 },
    links: [
      { name: 'CORI', url: 'ws://127.0.0.1:1', secret: 'test-secret-1' },
      { name: 'state', url: 'ws://127.0.0.1:1', secret: 'test-secret-1', role: 'switch' },
    ],
    upstreamLink: 'state', routes: { SVS: 'CORI' },
    limits: { requestDeadlineMs: 2_000, authTimeoutMs: 5_000 }, log: { level: 'silent' },
  }, {
    registry,
    linkFactory: (link) => {
      if (link.name === 'CORI') return new FakeLink(link.name, acknowledge);
      state = new FakeLink(link.name, delivered, { up: stateUp });
      return state;
    },
  });
  scratch.switch(sw);
  const { terminals } = await sw.listen();
  return { sw, state: state!, url: terminals };
}

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const noticesIn = (link: FakeLink) => link.requests.filter((request) => request.transaction.header?.messageKey === 'AM');

describe('a locate notification across a crash', () => {
  it('is delivered by the next start when the crash came after the acknowledgement and before the delivery, and only once', async () => {
    const dir = scratch.dir();
    const before = await start(dir, false);
    const client = new TerminalClient({ url: before.url, mnemonic: 'LA01', deviceSecret: 'device-secret-la01', reconnect: { enabled: false } });
    scratch.client(client);
    await client.connect();
    await client.login({ operatorId: 'OP1', password: 'full-access-pass' });
    const result = await client.send(LV);
    expect(result.outcome).toBe('completed');
    // The AM waits for the link to the state; nothing has gone out.
    expect(noticesIn(before.state)).toEqual([]);

    const copy = scratch.dir();
    cpSync(dir, copy, { recursive: true });
    const after = await start(copy, true);
    await waitFor(() => noticesIn(after.state).length > 0);
    const [sent] = noticesIn(after.state);
    expect(sent!.transaction.header).toMatchObject({ ori: ORI, destinations: [ENTERING_ORI], clientMessageId: expect.stringMatching(new RegExp(`-LOCATE-${NIC}$`)) });
    expect(sent!.transaction.fields?.[0]?.value).toContain(`LOCATE NOTIFICATION - LOCATE STOLEN VEHICLE PLACED ON YOUR RECORD NIC/${NIC}`);
    const journal = new LocateNoticeJournal(join(copy, 'messages.db'));
    await waitFor(() => journal.unfinished().length === 0);
    journal.close();

    // Started again on those files: delivered is delivered.
    await after.sw.close();
    scratch.forget(after.sw);
    const again = await start(copy, true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(noticesIn(again.state)).toEqual([]);
  });

  it('is not sent twice when the locate is acknowledged again (a locate resumed after a crash)', () => {
    const journal = new LocateNoticeJournal(':memory:');
    const notice = { header: { clientMessageId: 'c-1-LOCATE-V289052275', messageKey: 'AM' }, fields: [{ tag: 'TXT', value: 'LOCATE NOTIFICATION' }] };
    const origin = { terminal: 'LA01', operatorId: 'OP1', sourceAddress: '127.0.0.1' };
    expect(journal.open(notice, origin, 7, { inputSeq: 3, receivedAt: 1 }, 1)).toBe(true);
    expect(journal.open(notice, origin, 7, { inputSeq: 3, receivedAt: 1 }, 2)).toBe(false);
    journal.markHeld('c-1-LOCATE-V289052275', 'state');
    journal.markDone('c-1-LOCATE-V289052275', 'local:CA0190000=1');
    expect(journal.unfinished()).toEqual([expect.objectContaining({
      key: 'c-1-LOCATE-V289052275', auditSeq: 7, origin, held: new Set(['state']), done: new Set(['local:CA0190000=1']),
    })]);
    journal.finish('c-1-LOCATE-V289052275', 10);
    expect(journal.unfinished()).toEqual([]);
    expect(journal.open(notice, origin, 7, { inputSeq: 3, receivedAt: 1 }, 11)).toBe(false);
    journal.prune(10 + 86_400_001);
    expect(journal.open(notice, origin, 7, { inputSeq: 3, receivedAt: 1 }, 12)).toBe(true);
    journal.close();
  });
});
