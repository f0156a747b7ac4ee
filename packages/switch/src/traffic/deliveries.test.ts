/**
 * Agency traffic that must outlive a restart of the switch that holds it: broadcasts stored
 * for offline terminals, open hit confirmations with their deadlines, and deliveries resumed
 * after a crash (never given to a terminal twice). Each test builds a switch, stops it (in
 * order, or by copying its files as a crash leaves them), and builds it again on the files.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { ConfirmationState, ManualClock, type AdminMessage, type HitConfirmationRequest, type HitConfirmationResponse } from '@clets/protocol';
import { TerminalClient } from '@clets/terminal';
import { buildSwitch, type CletsSwitch } from '../switch.js';
import { buildRegistry } from '../security/registry.js';
import { MemoryAuditStore } from '../audit/index.js';
import type { SwitchData } from '../switch-data.js';
import { Scratch } from '../testing/index.js';

const ORI = 'CA0190000';
const ORI_PD = 'CA0190100';
const registry = buildRegistry({
  agencies: [
    { ori: ORI, name: 'COUNTY 19 SHERIFF', countyCode: '19', active: true },
    { ori: ORI_PD, name: 'COUNTY 19 POLICE', countyCode: '19', active: true },
  ],
  terminals: [
    { mnemonic: 'LA01', ori: ORI, class: 'desk', deviceSecret: 'device-la01' },
    { mnemonic: 'LA02', ori: ORI, class: 'desk', deviceSecret: 'device-la02' },
    { mnemonic: 'LA08', ori: ORI_PD, class: 'desk', deviceSecret: 'device-la08' },
  ],
  operators: [
    { id: 'OP1', ori: ORI, role: 'FAO', password: 'password-op1', deactivated: false },
    { id: 'OP2', ori: ORI, role: 'FAO', password: 'password-op2', deactivated: false },
    { id: 'OP8', ori: ORI_PD, role: 'FAO', password: 'password-op8', deactivated: false },
  ],
});
const OPERATOR: Readonly<Record<string, string>> = { LA01: 'OP1', LA02: 'OP2', LA08: 'OP8' };

const scratch = new Scratch('clets-traffic-');
afterEach(() => scratch.release());

async function start(dir: string, options: { clock?: ManualClock; maxStoredBroadcastsPerTerminal?: number; telephones?: Record<string, string> } = {}): Promise<{ sw: CletsSwitch; url: string }> {
  const sw = await buildSwitch({
    switchId: 'county-19',
    messagesPath: join(dir, 'messages.db'),
    messages: { ...(options.maxStoredBroadcastsPerTerminal !== undefined ? { maxStoredBroadcastsPerTerminal: options.maxStoredBroadcastsPerTerminal } : {}) },
    limits: { authTimeoutMs: 5_000, drainTimeoutMs: 200 },
    log: { level: 'silent' },
  }, {
    registry, audit: new MemoryAuditStore(),
    ...(options.telephones !== undefined ? {
      data: {
        agencies: [], terminals: [], operators: [],
        agencyRecords: Object.entries(options.telephones).map(([ori, telephone]) => ({ ori, telephone }) as unknown as NonNullable<SwitchData['agencyRecords']>[number]),
      },
    } : {}),
    ...(options.clock !== undefined ? { timers: options.clock, clock: () => options.clock!.now() } : {}),
  });
  scratch.switch(sw);
  const { terminals } = await sw.listen();
  return { sw, url: terminals };
}

async function stop(sw: CletsSwitch): Promise<void> {
  scratch.forget(sw);
  await sw.close();
}

async function terminal(url: string, mnemonic: string, before?: (client: TerminalClient) => void): Promise<TerminalClient> {
  const client = new TerminalClient({ url, mnemonic, deviceSecret: `device-${mnemonic.toLowerCase()}`, reconnect: { enabled: false } });
  scratch.client(client);
  before?.(client);
  await client.connect();
  const operatorId = OPERATOR[mnemonic]!;
  await client.login({ operatorId, password: `password-${operatorId.toLowerCase()}` });
  return client;
}

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('broadcasts for offline terminals', () => {
  it('stores a county broadcast for each registered terminal that is offline, delivered at its login after a restart', async () => {
    const dir = scratch.dir();
    const first = await start(dir);
    const sender = await terminal(first.url, 'LA01');
    const sent = await sender.send(`AM.${ORI}.C19.TXT/ROAD CLOSED AT MAIN ST.`);
    expect(sent.completion?.answered).toEqual(['DELIVERY']);
    await stop(first.sw);

    const second = await start(dir);
    const received: AdminMessage[] = [];
    const offline = await terminal(second.url, 'LA02', (client) => client.on('adminMessage', (message) => received.push(message)));
    expect(offline.session?.messagesWaiting).toBe(1);
    await waitFor(() => received.length === 1);
    expect(received[0]).toMatchObject({ text: 'ROAD CLOSED AT MAIN ST.', broadcast: true });
    const police: AdminMessage[] = [];
    await terminal(second.url, 'LA08', (client) => client.on('adminMessage', (message) => police.push(message)));
    await waitFor(() => police.length === 1);
    // Once each: nothing is left for either.
    expect(second.sw.network.store.pending(['LA02', 'LA08'], Date.now())).toEqual([]);
  });

  it('keeps at most the configured number of broadcasts for one terminal, the oldest dropped first', async () => {
    const dir = scratch.dir();
    const running = await start(dir, { maxStoredBroadcastsPerTerminal: 2 });
    const sender = await terminal(running.url, 'LA01');
    for (const text of ['FIRST', 'SECOND', 'THIRD']) await sender.send(`AM.${ORI}.C19.TXT/${text}`);
    const received: AdminMessage[] = [];
    await terminal(running.url, 'LA02', (client) => client.on('adminMessage', (message) => received.push(message)));
    await waitFor(() => received.length === 2);
    expect(received.map((message) => message.text)).toEqual(['SECOND', 'THIRD']);
    const dropped = (running.sw.audit as MemoryAuditStore).query({ type: 'delivery', outcome: 'expired' });
    expect(dropped.filter((row) => row.detail?.['address'] === 'LA02')).toHaveLength(1);
  });
});

describe('hit confirmations carry the sending agency\'s name and telephone', () => {
  it('stamps AGN and TEL on a YQ and a YR from this switch\'s agency records, in place of what was typed', async () => {
    const running = await start(scratch.dir(), { telephones: { [ORI]: '(213) 555-0161', [ORI_PD]: '(213) 555-0130' } });
    const requests: HitConfirmationRequest[] = [];
    const answers: HitConfirmationResponse[] = [];
    const requester = await terminal(running.url, 'LA01', (client) => client.on('hitConfirmationResponse', (response) => answers.push(response)));
    const entering = await terminal(running.url, 'LA08', (client) => client.on('hitConfirmationRequest', (request) => requests.push(request)));
    await requester.send(`YQ.${ORI}.${ORI_PD}.NIC/W297823148.PRI/U.RNO/1.NAM/KORVALE,DESMIN.AGN/SOMEONE ELSE`);
    await waitFor(() => requests.length === 1);
    expect(requests[0]?.text).toContain('AGN/COUNTY 19 SHERIFF.TEL/(213) 555-0161');
    expect(requests[0]?.text).not.toContain('SOMEONE ELSE');
    await entering.send(`YR.${ORI_PD}.${ORI}.NIC/W297823148.CNF/Y`);
    await waitFor(() => answers.length === 1);
    expect(answers[0]?.text).toContain('AGN/COUNTY 19 POLICE.TEL/(213) 555-0130');
  });
});

describe('hit confirmations across a restart of the requesting switch', () => {
  const MINUTE = 60_000;
  const YQ = `YQ.${ORI}.${ORI_PD}.NIC/W297823148.PRI/U.RNO/1.NAM/KORVALE,DESMIN`;

  it('follows up on the deadline counted from when the YQ was sent, not from the restart', async () => {
    const dir = scratch.dir();
    const clock = new ManualClock(Date.now());
    const first = await start(dir, { clock });
    const requester = await terminal(first.url, 'LA01');
    await requester.send(YQ);
    clock.advance(5 * MINUTE);
    await requester.close();
    await stop(first.sw);

    const second = await start(dir, { clock });
    expect(second.sw.network.deliveries.confirmations.size).toBe(1);
    const requests: HitConfirmationRequest[] = [];
    await terminal(second.url, 'LA08', (client) => client.on('hitConfirmationRequest', (request) => requests.push(request)));
    // The first YQ was stored for the entering agency: given at its login.
    await waitFor(() => requests.length === 1);
    clock.advance(5 * MINUTE - 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests).toHaveLength(1);
    clock.advance(1);
    await waitFor(() => requests.length === 2);
    expect(requests.map((request) => request.requestNumber)).toEqual([1, 2]);
  });

  it('escalates after a crash between the second and third deadlines, and the requester hears of it at login', async () => {
    const dir = scratch.dir();
    const clock = new ManualClock(Date.now());
    const first = await start(dir, { clock });
    const requester = await terminal(first.url, 'LA01');
    await requester.send(YQ);
    clock.advance(10 * MINUTE);
    await waitFor(() => [...first.sw.network.store.confirmations()].some((kept) => kept.requestNumber === 2 && !kept.sending));
    // A crash: the files as they are, the switch gone.
    const after = scratch.dir();
    cpSync(dir, after, { recursive: true });
    await requester.close();

    const second = await start(after, { clock });
    expect([...second.sw.network.store.confirmations()].map((kept) => kept.requestNumber)).toEqual([2]);
    clock.advance(20 * MINUTE);
    await waitFor(() => second.sw.network.deliveries.confirmations.size === 0);
    const answers: HitConfirmationResponse[] = [];
    await terminal(second.url, 'LA01', (client) => client.on('hitConfirmationResponse', (response) => answers.push(response)));
    await waitFor(() => answers.length === 1);
    expect(answers[0]).toMatchObject({ state: ConfirmationState.CONFIRMATION_STATE_ESCALATED });
    expect(second.sw.network.store.confirmations()).toEqual([]);
  });
});
