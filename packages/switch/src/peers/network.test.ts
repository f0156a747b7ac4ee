import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ConfirmationPriority, ConfirmationState, DeliveryState, HitStatus, LinkState, ManualClock,
  type AdminMessage, type DeliveryReport, type Header, type HitConfirmationRequest, type HitConfirmationResponse, type LinkReply, type StatusMessage,
} from '@clets/protocol';
import { TerminalClient } from '@clets/terminal';
import type { MemoryAuditStore } from '../audit/index.js';
import { LinkClient } from '../links/index.js';
import { SECURITY_ALERTS_METRIC } from '../security/alerts.js';
import { messageIdOf } from '../traffic/deliveries.js';
import {
  echoingSystem, ORI_19, ORI_37, ORI_DOJ, PEER_SECRETS, startNetworkHarness, waitFor, type NetworkHarness, type NetworkHarnessOptions,
} from '../testing/network-harness.js';
import type { FakeRequest } from '../testing/fake-link.js';

const RTE = 'RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP SUSPECT VEH;CASE:26-001234';
const QW = `QW.${ORI_19}.NAM/QUILLAN,ORREN.SEX/M.DOB/19800115.${RTE}`;

let network: NetworkHarness<TerminalClient> | undefined;
const dirs: string[] = [];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clets-network-'));
  dirs.push(dir);
  return dir;
}

async function start(options: Omit<NetworkHarnessOptions<TerminalClient>, 'terminalClient'> = {}): Promise<NetworkHarness<TerminalClient>> {
  network = await startNetworkHarness({ ...options, terminalClient: (client) => new TerminalClient(client) });
  return network;
}

afterEach(async () => {
  await network?.close();
  network = undefined;
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Collects one kind of unsolicited frame a terminal receives. */
function collect<T>(client: TerminalClient, event: 'adminMessage' | 'deliveryReport' | 'statusMessage' | 'hitConfirmationRequest' | 'hitConfirmationResponse'): T[] {
  const received: T[] = [];
  client.on(event, (frame: unknown) => received.push(frame as T));
  return received;
}

describe('network: county -> state -> systems', () => {
  it('sends an inquiry through the state switch and shows the terminal every hop of the path', async () => {
    const { terminal, systems } = await start();
    const client = await terminal('LA01');
    const result = await client.send(QW, { control: 'NET1' });
    expect(result.outcome).toBe('completed');
    if (result.outcome !== 'completed') return;
    expect(result.responses.map((response) => response.system).sort()).toEqual(['CORI', 'NCIC']);
    for (const response of result.responses) {
      expect(response.header?.control).toBe('NET1');
      expect(response.header?.hops?.map((hop) => hop.switchId)).toEqual(['county-19', 'state']);
      const [county, state] = response.header?.hops ?? [];
      expect(county?.inputSeq).toBe(1);
      expect(state?.inputSeq).toBeGreaterThan(0);
      expect(Number(state?.receivedAtMs)).toBeGreaterThanOrEqual(Number(county?.sentAtMs));
    }
    // The county sent one request per system; the state forwarded each to that system only.
    expect(systems.get('NCIC')!.requests).toHaveLength(1);
    expect(systems.get('CORI')!.requests).toHaveLength(1);
  });

  it('answers a LinkRequest repeated by the county from memory, without running it again', async () => {
    const { county19, systems, terminal } = await start();
    await terminal('LA01');
    const upstream = county19.links.get('state')!;
    const request = {
      requestId: 'county-19:retry:1', system: 'NCIC', deadlineMs: Date.now() + 5_000,
      transaction: { header: { clientMessageId: 'retry-1', messageKey: 'QW', ori: ORI_19, terminal: 'LA01', operatorId: 'OP1001' }, text: QW },
    };
    const first = await upstream.request(request);
    const again = await upstream.request(request);
    expect(first.responses).toHaveLength(1);
    expect(again.responses?.[0]?.text).toBe(first.responses?.[0]?.text);
    expect(systems.get('NCIC')!.requests).toHaveLength(1);
  });

  it('tells every county\'s terminals when a system behind the state goes down and comes back', async () => {
    const { terminal, systems } = await start();
    const la = await terminal('LA01');
    const sd = await terminal('SD01');
    const laStatus = collect<StatusMessage>(la, 'statusMessage');
    const sdStatus = collect<StatusMessage>(sd, 'statusMessage');
    systems.get('NCIC')!.setUp(false);
    await waitFor(() => laStatus.length === 1 && sdStatus.length === 1);
    expect(laStatus[0]).toMatchObject({ system: 'NCIC', state: LinkState.LINK_STATE_DOWN, reportedBy: 'state' });
    const refused = await la.send(QW);
    expect(refused.rejects).toMatchObject([{ code: 'CLETS_ERR_SYSTEM_UNAVAILABLE', system: 'NCIC' }]);
    systems.get('NCIC')!.setUp(true);
    await waitFor(() => sdStatus.length === 2);
    expect(sdStatus[1]).toMatchObject({ system: 'NCIC', state: LinkState.LINK_STATE_UP });
  });
});

describe('network: frame limits of the links', () => {
  /** NCIC answering LARGE,HUNDRED with 100 KiB of record text, LARGE,FORTY with 40, anyone else briefly. */
  const sizedNcic = (request: FakeRequest): LinkReply => {
    const name = request.transaction.fields?.find((field) => field.tag === 'NAM')?.value ?? '';
    const kilobytes = ({ 'LARGE,HUNDRED': 100, 'LARGE,FORTY': 40 } as Record<string, number>)[name] ?? 0;
    const reply = echoingSystem('NCIC', HitStatus.HIT_STATUS_HIT)(request);
    const text = 'WANTED PERSON '.padEnd(kilobytes * 1024, 'X');
    return { ...reply, responses: (reply.responses ?? []).map((response) => ({ ...response, text })) };
  };
  const qw = (name: string): string => `QW.${ORI_19}.NAM/${name}.SEX/M.DOB/19800115.${RTE}`;

  it('carries an answer larger than a terminal may send (100 KiB) from a system through the state and the county to the terminal', async () => {
    const { terminal } = await start({ systems: { NCIC: sizedNcic } });
    const client = await terminal('LA01');
    const result = await client.send(qw('LARGE,HUNDRED'));
    expect(result.outcome).toBe('completed');
    expect(result.rejects).toEqual([]);
    expect(result.responses.find((response) => response.system === 'NCIC')?.text).toHaveLength(100 * 1024);
  });

  it('answers a reply too large for the peer link with a reject for that request alone: the link and the rest in flight are untouched', async () => {
    const { terminal, county19 } = await start({ systems: { NCIC: sizedNcic }, config: { limits: { requestDeadlineMs: 3_000, authTimeoutMs: 5_000, maxLinkFrameBytes: 16 * 1024 } } });
    const downs: string[] = [];
    county19.links.get('state')!.on('down', (reason) => downs.push(reason));
    const client = await terminal('LA01');
    const [big, small] = await Promise.all([client.send(qw('LARGE,FORTY')), client.send(qw('SMALL,ONE'))]);
    expect(big.outcome).toBe('completed');
    expect(big.rejects).toMatchObject([{ code: 'CLETS_ERR_FRAME_TOO_LARGE', system: 'NCIC' }]);
    expect(big.responses.map((response) => response.system)).toEqual(['CORI']);
    expect(small.rejects).toEqual([]);
    expect(small.responses.map((response) => response.system).sort()).toEqual(['CORI', 'NCIC']);
    expect(downs).toEqual([]);
  });
});

describe('network: administrative messages', () => {
  it('delivers an AM from an agency in one county to a terminal in another, officer-safety text apart, with a report', async () => {
    const { terminal } = await start();
    const sender = await terminal('LA01');
    const receiver = await terminal('SD01');
    const messages = collect<AdminMessage>(receiver, 'adminMessage');
    const reports = collect<DeliveryReport>(sender, 'deliveryReport');
    const result = await sender.send(`AM.${ORI_19}.SD01.CAU/SUBJECT KNOWN TO CARRY A KNIFE.TXT/Attempt to locate gray sedan.`, { control: 'ATL1' });
    expect(result.outcome).toBe('completed');
    expect(result.completion?.answered).toEqual(['DELIVERY']);
    await waitFor(() => messages.length === 1 && reports.length === 1);
    expect(messages[0]).toMatchObject({ officerSafety: 'SUBJECT KNOWN TO CARRY A KNIFE', text: 'Attempt to locate gray sedan.', broadcast: false });
    expect(messages[0]?.header).toMatchObject({ ori: ORI_19, terminal: 'LA01' });
    expect(messages[0]?.header?.hops?.map((hop) => hop.switchId)).toEqual(['county-19', 'state']);
    expect(reports[0]).toMatchObject({ destination: 'SD01', state: DeliveryState.DELIVERY_STATE_DELIVERED, messageId: messages[0]?.messageId });
    expect(reports[0]?.header?.control).toBe('ATL1');
  });

  it('delivers to every logged-in terminal of an ORI, and reports an unknown destination', async () => {
    const { terminal } = await start();
    const sender = await terminal('LA01');
    const first = collect<AdminMessage>(await terminal('SD01'), 'adminMessage');
    const second = collect<AdminMessage>(await terminal('SD02'), 'adminMessage');
    const reports = collect<DeliveryReport>(sender, 'deliveryReport');
    await sender.send(`AM.${ORI_19}.${ORI_37}.ZZ99.TXT/Roll call.`);
    await waitFor(() => first.length === 1 && second.length === 1 && reports.length === 2);
    expect(reports.map((report) => [report.destination, report.state]).sort()).toEqual([
      [ORI_37, DeliveryState.DELIVERY_STATE_DELIVERED],
      ['ZZ99', DeliveryState.DELIVERY_STATE_UNKNOWN_DESTINATION],
    ]);
  });

  it('stores an AM for an offline terminal and delivers it at login; the late report reaches the sender across switches', async () => {
    const { terminal, county37 } = await start();
    const sender = await terminal('LA01');
    const reports = collect<DeliveryReport>(sender, 'deliveryReport');
    await sender.send(`AM.${ORI_19}.SD02.TXT/Call the watch commander.`);
    await waitFor(() => reports.length === 1);
    expect(reports[0]).toMatchObject({ destination: 'SD02', state: DeliveryState.DELIVERY_STATE_STORED });
    expect(county37.network.store.size).toBe(1);

    let messages: AdminMessage[] = [];
    const receiver = await terminal('SD02', (client) => { messages = collect<AdminMessage>(client, 'adminMessage'); });
    expect(receiver.session?.messagesWaiting).toBe(1);
    await waitFor(() => messages.length === 1 && reports.length === 2);
    expect(messages[0]?.text).toBe('Call the watch commander.');
    expect(reports[1]).toMatchObject({ destination: 'SD02', state: DeliveryState.DELIVERY_STATE_DELIVERED, messageId: reports[0]?.messageId });
    expect(county37.network.store.size).toBe(0);
    const audit = county37.audit as MemoryAuditStore;
    await audit.flush();
    expect(audit.query({ type: 'delivery' }).map((row) => row.outcome)).toEqual(expect.arrayContaining(['stored', 'delivered']));
  });

  it('keeps a stored AM across a restart of the destination switch', async () => {
    const dir = tempDir();
    const { terminal, restartCounty } = await start({ messagesPaths: { 'county-37': join(dir, 'county-37-messages.db') } });
    const sender = await terminal('LA01');
    const reports = collect<DeliveryReport>(sender, 'deliveryReport');
    await sender.send(`AM.${ORI_19}.SD02.TXT/Survives a restart.`);
    await waitFor(() => reports.length === 1);
    await restartCounty('county-37');
    let messages: AdminMessage[] = [];
    await terminal('SD02', (client) => { messages = collect<AdminMessage>(client, 'adminMessage'); });
    await waitFor(() => messages.length === 1 && reports.length === 2);
    expect(messages[0]?.text).toBe('Survives a restart.');
    expect(reports[1]?.state).toBe(DeliveryState.DELIVERY_STATE_DELIVERED);
  });

  it('tells the sender when a stored AM was not delivered within the retention time', async () => {
    const { terminal, county37 } = await start();
    const sender = await terminal('LA01');
    const reports = collect<DeliveryReport>(sender, 'deliveryReport');
    await sender.send(`AM.${ORI_19}.SD02.TXT/Nobody home.`);
    await waitFor(() => reports.length === 1);
    expect(county37.network.deliveries.expireStored(Date.now() + county37.config.messages.retentionMs + 1)).toBe(1);
    await waitFor(() => reports.length === 2);
    expect(reports[1]).toMatchObject({ destination: 'SD02', state: DeliveryState.DELIVERY_STATE_EXPIRED });
  });

  it('stores a late report for a sender who logged off, and delivers it at the sender\'s next login', async () => {
    const { terminal } = await start();
    const sender = await terminal('LA01');
    await sender.send(`AM.${ORI_19}.SD02.TXT/Report me later.`);
    await sender.logout();
    await terminal('SD02');
    let reports: DeliveryReport[] = [];
    await terminal('LA01', (client) => { reports = collect<DeliveryReport>(client, 'deliveryReport'); });
    await waitFor(() => reports.length === 1);
    expect(reports[0]).toMatchObject({ destination: 'SD02', state: DeliveryState.DELIVERY_STATE_DELIVERED });
  });

  it('broadcasts to every logged-in terminal of a county, and refuses a broadcast from a role not allowed to', async () => {
    const { terminal } = await start();
    const sender = await terminal('LA01');
    const one = collect<AdminMessage>(await terminal('SD01'), 'adminMessage');
    const two = collect<AdminMessage>(await terminal('SD02'), 'adminMessage');
    const home = collect<AdminMessage>(await terminal('LA08'), 'adminMessage');
    await sender.send(`AM.${ORI_19}.C37.TXT/County 37 all units.`);
    await waitFor(() => one.length === 1 && two.length === 1);
    expect(one[0]?.broadcast).toBe(true);
    expect(home).toHaveLength(0);
    const ltfao = await terminal('LA02');
    const refused = await ltfao.send(`AM.${ORI_19}.ALL.TXT/Not allowed.`);
    expect(refused.rejected?.code).toBe('CLETS_ERR_BROADCAST_NOT_PERMITTED');
  });
});

describe('network: hit confirmation', () => {
  const YQ = (priority: 'U' | 'R') => `YQ.${ORI_19}.${ORI_37}.NIC/W297823148.PRI/${priority}.RNO/1.NAM/KORVALE,DESMIN`;

  it('routes YQ to the entering agency and closes it with the YR that comes back', async () => {
    const { terminal, county19 } = await start();
    const requester = await terminal('LA01');
    const entering = await terminal('SD01');
    const requests = collect<HitConfirmationRequest>(entering, 'hitConfirmationRequest');
    const answers = collect<HitConfirmationResponse>(requester, 'hitConfirmationResponse');
    await requester.send(YQ('U'));
    await waitFor(() => requests.length === 1);
    expect(requests[0]).toMatchObject({
      recordId: 'W297823148', priority: ConfirmationPriority.CONFIRMATION_PRIORITY_URGENT, requestNumber: 1,
      requestingOri: ORI_19, enteringOri: ORI_37,
    });
    expect(county19.network.deliveries.confirmations.size).toBe(1);
    await entering.send(`YR.${ORI_37}.${ORI_19}.NIC/W297823148.CNF/Y.RNO/1`);
    await waitFor(() => answers.length === 1);
    expect(answers[0]).toMatchObject({ state: ConfirmationState.CONFIRMATION_STATE_CONFIRMED, respondingOri: ORI_37, confirmationId: requests[0]?.confirmationId });
    expect(county19.network.deliveries.confirmations.size).toBe(0);
  });

  it('sends RNO 2 and 3 when deadlines pass unanswered, then tells the requester and the state control point', async () => {
    const clock = new ManualClock(Date.now());
    const { terminal, county19 } = await start({ timers: { 'county-19': clock } });
    const requester = await terminal('LA01');
    const entering = await terminal('SD01');
    const controlPoint = await terminal('DJ01');
    const requests = collect<HitConfirmationRequest>(entering, 'hitConfirmationRequest');
    const notices = collect<HitConfirmationResponse>(requester, 'hitConfirmationResponse');
    const toControlPoint = collect<AdminMessage>(controlPoint, 'adminMessage');
    await requester.send(YQ('U'));
    await waitFor(() => requests.length === 1);

    clock.advance(10 * 60_000 - 1);
    expect(county19.network.deliveries.confirmations.get(requests[0]!.confirmationId!)?.requestNumber).toBe(1);
    clock.advance(1);
    await waitFor(() => requests.length === 2);
    clock.advance(10 * 60_000);
    await waitFor(() => requests.length === 3);
    expect(requests.map((request) => request.requestNumber)).toEqual([1, 2, 3]);
    expect(new Set(requests.map((request) => request.confirmationId)).size).toBe(1);
    expect(notices).toHaveLength(0);

    clock.advance(10 * 60_000);
    await waitFor(() => notices.length === 1 && toControlPoint.length === 1);
    expect(notices[0]).toMatchObject({ state: ConfirmationState.CONFIRMATION_STATE_ESCALATED, recordId: 'W297823148' });
    expect(toControlPoint[0]?.text).toContain('HIT CONFIRMATION UNANSWERED: NIC W297823148');
    expect(toControlPoint[0]?.header?.destinations).toEqual([ORI_DOJ]);
    expect(county19.network.deliveries.confirmations.size).toBe(0);
    const audit = county19.audit as MemoryAuditStore;
    await audit.flush();
    expect(audit.query({ type: 'delivery' }).map((row) => row.outcome)).toEqual(expect.arrayContaining([
      'confirmation_opened', 'confirmation_follow_up', 'confirmation_escalated',
    ]));
  });

  it('stops escalating when the entering agency answers "will answer by"', async () => {
    const clock = new ManualClock(Date.now());
    const { terminal, county19 } = await start({ timers: { 'county-19': clock } });
    const requester = await terminal('LA01');
    const entering = await terminal('SD01');
    const requests = collect<HitConfirmationRequest>(entering, 'hitConfirmationRequest');
    const answers = collect<HitConfirmationResponse>(requester, 'hitConfirmationResponse');
    await requester.send(YQ('R'));
    await waitFor(() => requests.length === 1);
    await entering.send(`YR.${ORI_37}.${ORI_19}.NIC/W297823148.CNF/T.ABY/202701011430`);
    await waitFor(() => answers.length === 1);
    expect(answers[0]).toMatchObject({ state: ConfirmationState.CONFIRMATION_STATE_ANSWER_BY, answerByMs: Date.UTC(2027, 0, 1, 14, 30) });
    expect(county19.network.deliveries.confirmations.size).toBe(0);
    clock.advance(4 * 60 * 60_000);
    expect(requests).toHaveLength(1);
  });
});

describe('network: peers of the state switch', () => {
  it('holds (.02.) traffic for a county that is down, tells the sender at once, and forwards it when the county links again', async () => {
    const { terminal, stopCounty, restartCounty, state } = await start();
    const sender = await terminal('LA01');
    const reports = collect<DeliveryReport>(sender, 'deliveryReport');
    await stopCounty('county-37');
    await waitFor(() => state.network.peers.get('county-37')?.state === 'down');
    const queuedNotices: string[] = [];
    const pending = sender.send(`AM.${ORI_19}.SD01.TXT/Wait for county 37.`, {
      onProgress: (progress) => { if (progress.kind === 'queued') queuedNotices.push(progress.notice.system ?? ''); },
    });
    await waitFor(() => queuedNotices.length === 1 && state.held.depth('county-37') === 1);
    expect(queuedNotices).toEqual(['county-37']);
    await restartCounty('county-37');
    const result = await pending;
    expect(result.completion?.answered).toEqual(['DELIVERY']);
    // SD01 was not logged in on the new county switch: stored there.
    expect(reports.map((report) => report.state)).toEqual([DeliveryState.DELIVERY_STATE_STORED]);
  });

  it('remembers across its own restart which county serves what, and holds traffic for a county not linked yet', async () => {
    const dir = tempDir();
    const { terminal, stopCounty, restartCounty, stopState, startState, county19 } = await start({ messagesPaths: { state: join(dir, 'state-messages.db') } });
    await stopCounty('county-37');
    await stopState();
    const state = await startState();
    expect(state.table().peerTerminals.get('SD01')).toBe('county-37');
    await waitFor(() => county19.links.get('state')?.state === 'up');
    const sender = await terminal('LA01');
    const pending = sender.send(`AM.${ORI_19}.SD01.TXT/Held at the state.`);
    await waitFor(() => state.held.depth('county-37') === 1);
    await restartCounty('county-37');
    const result = await pending;
    expect(result.queued.map((notice) => notice.system)).toEqual(['county-37']);
    expect(result.completion?.answered).toEqual(['DELIVERY']);
  });

  it('refuses a link with the wrong secret (LinkWelcome ok=false, close 4018)', async () => {
    const { peersUrl } = await start();
    const { WebSocket } = await import('ws');
    const { decodeFrame, encodeFrame } = await import('@clets/protocol');
    const socket = new WebSocket(peersUrl, { perMessageDeflate: false });
    await new Promise((resolve) => socket.once('open', resolve));
    const welcome = new Promise<Buffer>((resolve) => socket.once('message', (data) => resolve(data as Buffer)));
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(encodeFrame({ linkSeq: 1, linkHello: { peerId: 'county-37', secret: 'not-the-secret', role: 'switch', protocolVersion: 1 } }));
    expect(decodeFrame(await welcome).linkWelcome).toMatchObject({ ok: false, code: 'CLETS_ERR_LINK_AUTH' });
    expect(await closed).toBe(4018);
  });

  it('refuses what a county announces of another county, alerts each refusal, and never displaces the owner', async () => {
    const { state, county19, terminal, peersUrl } = await start();
    const warnings: object[] = [];
    // County 19's own secret, announcing county 37's sheriff and two of its terminals.
    const impostor = new LinkClient({
      name: 'impostor', url: peersUrl, peerId: 'county-19', secret: PEER_SECRETS['county-19'], role: 'switch',
      servedOris: [ORI_19, ORI_37], servedTerminals: ['LA01', 'SD01', 'SD02'], reconnect: { minDelayMs: 5_000, maxDelayMs: 5_000 },
      logger: { info() {}, debug() {}, error() {}, warn: (object) => { warnings.push(object); } },
    });
    impostor.start();
    await waitFor(() => impostor.state === 'up');
    expect(warnings).toContainEqual(expect.objectContaining({ code: 'CLETS_ERR_PEER_CLAIM_REFUSED', reason: expect.stringContaining('ORI CA0370000: belongs to county-37') }));
    expect(state.table().peerOris.get(ORI_37)).toBe('county-37');
    expect(state.table().peerTerminals.get('SD01')).toBe('county-37');
    expect(state.table().peerTerminals.get('LA01')).toBe('county-19');

    const audit = state.audit as MemoryAuditStore;
    await audit.flush();
    const alerts = audit.query({ type: 'security_alert' });
    expect(alerts.map((row) => [row.outcome, row.code, row.terminal, row.detail?.['value'], row.detail?.['owner']])).toEqual([
      ['peer_claim_refused', 'CLETS_ERR_PEER_CLAIM_REFUSED', 'county-19', 'CA0370000', 'county-37'],
      ['peer_claim_refused', 'CLETS_ERR_PEER_CLAIM_REFUSED', 'county-19', 'SD01', 'county-37'],
      ['peer_claim_refused', 'CLETS_ERR_PEER_CLAIM_REFUSED', 'county-19', 'SD02', 'county-37'],
    ]);
    expect(await state.metrics.counterValue(SECURITY_ALERTS_METRIC, { kind: 'peer_claim_refused' })).toBe(3);
    expect(state.network.store.peers().find((entry) => entry.peer === 'county-19')?.terminals).toEqual(['LA01']);

    // DOJ's AM to SD01 still reaches county 37, with the impostor linked and after it is gone.
    const doj = await terminal('DJ01');
    const sd01 = collect<AdminMessage>(await terminal('SD01'), 'adminMessage');
    const reports = collect<DeliveryReport>(doj, 'deliveryReport');
    await doj.send(`AM.${ORI_DOJ}.SD01.TXT/First.`);
    await impostor.close();
    await waitFor(() => county19.links.get('state')?.state === 'up' && state.network.peers.get('county-19')?.state === 'up', 10_000);
    await doj.send(`AM.${ORI_DOJ}.SD01.TXT/After county 19 linked again.`);
    await waitFor(() => sd01.length === 2 && reports.length === 2);
    expect(sd01.map((message) => message.text)).toEqual(['First.', 'After county 19 linked again.']);
    expect(reports.map((report) => report.state)).toEqual([DeliveryState.DELIVERY_STATE_DELIVERED, DeliveryState.DELIVERY_STATE_DELIVERED]);
    expect(state.table().peerTerminals.get('SD01')).toBe('county-37');
  });

  it('refuses a request a county sends under another county\'s identity: nothing runs, a link violation is alerted', async () => {
    const { state, county19, systems } = await start();
    const upstream = county19.links.get('state')!;
    const request = (requestId: string, system: string, header: Header, text: string) => upstream.request({
      requestId, system, deadlineMs: Date.now() + 5_000, transaction: { header: { clientMessageId: requestId, ...header }, text },
    });
    const asSd01 = { messageKey: 'QW', ori: ORI_37, terminal: 'SD01', operatorId: 'OP2001' };
    const refused = await request('county-19:spoof:1', 'NCIC', asSd01, QW.replace(ORI_19, ORI_37));
    expect(refused.reject).toMatchObject({ code: 'CLETS_ERR_HEADER_MISMATCH', system: 'NCIC' });
    // Its own terminal, but the typed line names county 37's ORI: the line's ORI is the one checked.
    const byLine = await request('county-19:spoof:2', 'NCIC', { messageKey: 'QW', ori: ORI_19, terminal: 'LA01', operatorId: 'OP1001' }, QW.replace(ORI_19, ORI_37));
    expect(byLine.reject?.code).toBe('CLETS_ERR_HEADER_MISMATCH');
    // Agency traffic as SD01.
    const am = await request('county-19:spoof:3', 'DELIVERY', { ...asSd01, messageKey: 'AM', destinations: ['LA01'] }, `AM.${ORI_37}.LA01.TXT/Spoofed.`);
    expect(am.reject?.code).toBe('CLETS_ERR_HEADER_MISMATCH');
    // DOJ's own terminal is the state's, never a county's.
    const asDoj = await request('county-19:spoof:4', 'NCIC', { messageKey: 'QW', ori: ORI_19, terminal: 'DJ01', operatorId: 'OP4001' }, QW);
    expect(asDoj.reject?.code).toBe('CLETS_ERR_HEADER_MISMATCH');
    expect(systems.get('NCIC')!.requests).toHaveLength(0);

    const audit = state.audit as MemoryAuditStore;
    await audit.flush();
    expect(audit.query({ type: ['transaction', 'reject', 'response', 'completion', 'delivery'] })).toEqual([]);
    const alerts = audit.query({ type: 'security_alert', outcome: 'link_violation' });
    expect(alerts).toHaveLength(4);
    expect(alerts[0]).toMatchObject({
      code: 'CLETS_ERR_HEADER_MISMATCH', terminal: 'county-19', messageKey: 'QW',
      detail: { peer: 'county-19', requestId: 'county-19:spoof:1', system: 'NCIC', claimed: { ori: ORI_37, terminal: 'SD01', operatorId: 'OP2001' } },
    });
    expect(await state.metrics.counterValue(SECURITY_ALERTS_METRIC, { kind: 'link_violation' })).toBe(4);

    // The same county's own traffic still runs.
    const own = await request('county-19:own:1', 'NCIC', { messageKey: 'QW', ori: ORI_19, terminal: 'LA01', operatorId: 'OP1001' }, QW);
    expect(own.responses).toHaveLength(1);
  });

  it('learns the ORIs and terminals a county announces when it links', async () => {
    const { state } = await start();
    expect(state.table().peerOris.get(ORI_37)).toBe('county-37');
    expect(state.table().peerTerminals.get('LA01')).toBe('county-19');
    expect(state.table().peerCounties.get('19')).toBe('county-19');
  });
});

describe('network: a county that loses the state switch', () => {
  it('tells its terminals, refuses (.04.) or queues (.02.) per the catalogue, and recovers when the state returns', async () => {
    const { terminal, stopState, startState, county19 } = await start();
    const client = await terminal('LA01');
    const status = collect<StatusMessage>(client, 'statusMessage');
    await stopState();
    await waitFor(() => status.some((message) => message.system === 'state' && message.state === LinkState.LINK_STATE_DOWN));

    const refused = await client.send(QW);
    expect(refused.rejects.map((reject) => reject.code)).toEqual(['CLETS_ERR_SYSTEM_UNAVAILABLE', 'CLETS_ERR_SYSTEM_UNAVAILABLE']);
    const queued = client.send(`AM.${ORI_19}.SD01.TXT/Held while the state is down.`);
    await waitFor(() => county19.held.depth('state') === 1);

    await startState();
    await waitFor(() => status.some((message) => message.system === 'state' && message.state === LinkState.LINK_STATE_UP));
    const result = await queued;
    expect(result.queued).toMatchObject([{ system: 'state' }]);
    expect(result.completion?.answered).toEqual(['DELIVERY']);
    expect((await client.send(QW)).responses).toHaveLength(2);
  });
});

describe('the id of an administrative message', () => {
  it('tells apart two operators who used the same client message id at one terminal', () => {
    const header = { terminal: 'LA01', clientMessageId: '1' };
    const first = messageIdOf({ ...header, operatorId: 'OP1002' }, 'county-19');
    expect(first).not.toBe(messageIdOf({ ...header, operatorId: 'OP1007' }, 'county-19'));
    // The same at the state as at the county it came from: the first hop names the switch.
    expect(messageIdOf({ ...header, operatorId: 'OP1002', hops: [{ switchId: 'county-19' }] }, 'state')).toBe(first);
  });
});

describe('network: a county\'s request held at the state, across restarts', () => {
  /** A stop waits this long for transactions in flight (held ones are kept for the next start). */
  const QUICK_STOP = { limits: { requestDeadlineMs: 3_000, authTimeoutMs: 5_000, drainTimeoutMs: 200 } };
  const IQ = `IQ.${ORI_19}.NV.NAM/QUILLAN,ORREN.SEX/M.DOB/19800115.${RTE};PUR:C`;

  /** Every answer frame a terminal gets for one client message id, correlated or not. */
  function answers(client: TerminalClient, id: string): string[] {
    const seen: string[] = [];
    for (const event of ['uncorrelated', 'late'] as const) {
      client.on(event, (frame) => { if (frame.clientMessageId === id) seen.push(frame.kind); });
    }
    return seen;
  }

  it('survives a restart of the state and of the county: the county sends it again, the state answers it once, the operator gets one Completion', async () => {
    const dir = tempDir();
    const harness = await start({
      down: ['NLETS'], config: QUICK_STOP,
      messagesPaths: { state: join(dir, 'state.db'), 'county-19': join(dir, 'county-19.db') },
    });
    const client = await harness.terminal('LA01');
    const queued: string[] = [];
    client.send(IQ, { clientMessageId: 'HOLD-NET-1', onProgress: (progress) => { if (progress.kind === 'queued') queued.push(progress.notice.system ?? ''); } })
      .catch(() => undefined);
    await waitFor(() => queued.length === 1 && harness.state.held.depth('NLETS') === 1);
    await client.close();
    // Both switches stop in order while the state holds the request; both come back.
    await harness.stopCounty('county-19');
    await harness.stopState();
    await harness.startState();
    const county = await harness.restartCounty('county-19');
    const again = await harness.terminal('LA01');
    const seen = answers(again, 'HOLD-NET-1');
    // The resumed county sent the request again; the resumed state holds it, once.
    await waitFor(() => harness.state.held.depth('NLETS') === 1);
    expect(county.pipeline.inFlight).toBe(1);
    harness.systems.get('NLETS')!.setUp(true);
    await waitFor(() => seen.includes('completion'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen.filter((kind) => kind === 'completion')).toHaveLength(1);
    expect(seen.filter((kind) => kind === 'response')).toHaveLength(1);
    expect(harness.systems.get('NLETS')!.requests).toHaveLength(1);
    const stateCompletions = (harness.state.audit as MemoryAuditStore).query({ type: 'completion' }).filter((row) => row.clientMessageId === 'HOLD-NET-1');
    expect(stateCompletions).toHaveLength(1);
  }, 20_000);

  it('pushes the final reply to a county that restarted without it: the county gives it to the operator its header names', async () => {
    const dir = tempDir();
    // County 19 keeps nothing across its restart (an in-memory store): only the state's push can reach the operator.
    const harness = await start({ down: ['NLETS'], config: QUICK_STOP, messagesPaths: { state: join(dir, 'state.db') } });
    const client = await harness.terminal('LA01');
    const queued: string[] = [];
    client.send(IQ, { clientMessageId: 'HOLD-NET-2', onProgress: (progress) => { if (progress.kind === 'queued') queued.push('queued'); } })
      .catch(() => undefined);
    await waitFor(() => queued.length === 1 && harness.state.held.depth('NLETS') === 1);
    await client.close();
    await harness.stopState();
    await harness.restartCounty('county-19').catch(() => undefined);
    await harness.startState();
    await waitFor(() => harness.county19.links.get('state')?.state === 'up');
    const again = await harness.terminal('LA01');
    const seen = answers(again, 'HOLD-NET-2');
    expect(harness.county19.pipeline.inFlight).toBe(0);
    harness.systems.get('NLETS')!.setUp(true);
    await waitFor(() => seen.includes('response'));
    const late = (harness.county19.audit as MemoryAuditStore).query({ type: 'delivery', outcome: 'late_answer' });
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ terminal: 'LA01', clientMessageId: 'HOLD-NET-2' });
  }, 20_000);
});

describe('network: agency traffic held at a county, across its restart', () => {
  it('forwards an AM held while the state was down after the county restarts, and it reaches its destination once', async () => {
    const dir = tempDir();
    const harness = await start({
      config: { limits: { requestDeadlineMs: 3_000, authTimeoutMs: 5_000, drainTimeoutMs: 200 } },
      // The state remembers what county 37 announced, so it routes SD01 before county 37 links again.
      messagesPaths: { 'county-19': join(dir, 'county-19.db'), state: join(dir, 'state.db') },
    });
    const receiver = await harness.terminal('SD01');
    const messages = collect<AdminMessage>(receiver, 'adminMessage');
    await harness.stopState();
    await waitFor(() => harness.county19.links.get('state')?.state !== 'up');
    const sender = await harness.terminal('LA01');
    const queued: string[] = [];
    sender.send(`AM.${ORI_19}.SD01.TXT/HELD WHILE THE STATE WAS DOWN`, { clientMessageId: 'AM-HELD-1', onProgress: (progress) => { if (progress.kind === 'queued') queued.push('queued'); } })
      .catch(() => undefined);
    await waitFor(() => queued.length === 1 && harness.county19.held.depth('state') === 1);
    await sender.close();
    await harness.stopCounty('county-19');
    await harness.startState();
    await harness.restartCounty('county-19');
    await waitFor(() => messages.length === 1, 10_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(messages.map((message) => message.text)).toEqual(['HELD WHILE THE STATE WAS DOWN']);
    // The sender hears the report at its next login (kept for the operator while offline).
    const again = await harness.terminal('LA01');
    const reports = collect<DeliveryReport>(again, 'deliveryReport');
    const completions: string[] = [];
    again.on('uncorrelated', (event) => { if (event.clientMessageId === 'AM-HELD-1') completions.push(event.kind); });
    await waitFor(() => completions.includes('completion'));
    expect(reports.map((report) => report.state)).toEqual([DeliveryState.DELIVERY_STATE_DELIVERED]);
  }, 20_000);
});
