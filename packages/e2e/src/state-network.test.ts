/**
 * The state switch, two county switches and the mock systems as real processes over real
 * sockets: an inquiry through the state and back with its path, administrative messages
 * between agencies of two counties (live, stored, across a restart), a county broadcast,
 * a hit confirmation answered in time, and a county that loses the state switch and gets
 * it back by itself. The escalation of an unanswered YQ needs a fake clock: it is tested
 * in-process (packages/switch/src/peers/network.test.ts).
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConfirmationState, DeliveryState, HitStatus, LinkState,
  type AdminMessage, type DeliveryReport, type HitConfirmationRequest, type HitConfirmationResponse, type StatusMessage,
} from '@clets/protocol';
import { loadFixtures, WELL_KNOWN, type FixtureSet } from '@clets/fixtures';
import { TerminalClient } from '@clets/terminal';
import { startStateNetwork, type StateNetwork, type StateNetworkSwitch } from '@clets/launcher';

const ORI_19 = 'CA0190000';
const ORI_37 = 'CA0370000';
const RTE = 'RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP SUSPECT VEH;CASE:26-001234';

let fixtures: FixtureSet;
let network: StateNetwork;
const clients: TerminalClient[] = [];

/** Fixture terminal and its operator: LA.. on county-19, SD.. on county-37. */
const OPERATORS: Readonly<Record<string, string>> = {
  LA01: 'OP1001', LA02: 'OP1002', SD01: 'OP2001', SD02: 'OP2002', SD03: 'OP2003', SD04: 'OP2004',
  // The Los Angeles superior court's desk terminal and its full-access clerk.
  LA25: 'OP1041',
};
const COURT_19 = 'CA019015J';

function switchOf(mnemonic: string): StateNetworkSwitch {
  return mnemonic.startsWith('LA') ? 'county-19' : 'county-37';
}

async function terminal(mnemonic: string, before?: (client: TerminalClient) => void): Promise<TerminalClient> {
  const fixture = fixtures.terminals.find((candidate) => candidate.mnemonic === mnemonic);
  const operatorId = OPERATORS[mnemonic];
  if (fixture === undefined || operatorId === undefined) throw new Error(`no fixture terminal ${mnemonic}`);
  const client = new TerminalClient({ url: network.terminalsUrl(switchOf(mnemonic)), mnemonic, deviceSecret: fixture.deviceSecret, requestTimeoutMs: 20_000 });
  clients.push(client);
  before?.(client);
  await client.connect();
  await client.login({ operatorId, password: `Demo-Pass-${operatorId.slice(2)}!` });
  return client;
}

function collect<T>(client: TerminalClient, event: 'adminMessage' | 'deliveryReport' | 'statusMessage' | 'hitConfirmationRequest' | 'hitConfirmationResponse'): T[] {
  const received: T[] = [];
  client.on(event, (frame: unknown) => received.push(frame as T));
  return received;
}

async function waitFor(condition: () => boolean, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Polls a switch's readiness until its links are up (a county's: the state switch). */
async function linksUp(name: StateNetworkSwitch): Promise<void> {
  const started = Date.now();
  for (;;) {
    const response = await fetch(`${network.httpUrl(name)}/readyz`);
    if (response.ok) return;
    if (Date.now() - started > 20_000) throw new Error(`${name} not ready: ${await response.text()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  fixtures = await loadFixtures();
  network = await startStateNetwork({
    switchConfig: {
      limits: { requestDeadlineMs: 5_000, queueTtlMs: 60_000 },
      // The CJIS rules have their own tests; here operators log in many times over.
      security: { policy: 'plain' },
    },
  });
  await Promise.all((['state', 'county-19', 'county-37'] as const).map(linksUp));
}, 120_000);

afterAll(async () => {
  for (const client of clients) await client.close();
  await network?.stop();
  if (network !== undefined) rmSync(network.dir, { recursive: true, force: true });
}, 60_000);

describe('the state network, as processes', () => {
  it('sends an inquiry from county 19 through the state switch to NCIC and brings the answer back with every hop', async () => {
    const person = WELL_KNOWN.wantedPerson;
    const client = await terminal('LA01');
    const result = await client.send(`QW.${ORI_19}.NAM/${person.last},${person.first}.SEX/${person.sex}.DOB/${person.dob}.${RTE}`, { control: 'HOPS1' });
    expect(result.outcome).toBe('completed');
    const ncic = result.responses.find((response) => response.system === 'NCIC');
    expect(ncic?.status).toBe(HitStatus.HIT_STATUS_HIT);
    expect(ncic?.header?.control).toBe('HOPS1');
    const hops = ncic?.header?.hops ?? [];
    expect(hops.map((hop) => hop.switchId)).toEqual(['county-19', 'state']);
    expect(hops.every((hop) => Number(hop.inputSeq) > 0 && Number(hop.outputSeq) > 0)).toBe(true);
    expect(Number(hops[1]?.receivedAtMs)).toBeGreaterThanOrEqual(Number(hops[0]?.sentAtMs));
  });

  it('delivers an AM from an agency in county 19 to a terminal in county 37, with a delivery report', async () => {
    const sender = await terminal('LA01');
    const receiver = await terminal('SD01');
    const messages = collect<AdminMessage>(receiver, 'adminMessage');
    const reports = collect<DeliveryReport>(sender, 'deliveryReport');
    const result = await sender.send(`AM.${ORI_19}.SD01.CAU/ARMED AND DANGEROUS.TXT/Attempt to locate gray sedan, plate 8ABC123.`);
    expect(result.completion?.answered).toEqual(['DELIVERY']);
    await waitFor(() => messages.length === 1 && reports.length === 1);
    expect(messages[0]).toMatchObject({ officerSafety: 'ARMED AND DANGEROUS', text: 'Attempt to locate gray sedan, plate 8ABC123.' });
    expect(messages[0]?.header?.hops?.map((hop) => hop.switchId)).toEqual(['county-19', 'state']);
    expect(reports[0]).toMatchObject({ destination: 'SD01', state: DeliveryState.DELIVERY_STATE_DELIVERED });
  });

  it('broadcasts to every logged-in terminal of county 37', async () => {
    const sender = await terminal('LA02');
    const first = collect<AdminMessage>(await terminal('SD02'), 'adminMessage');
    const second = collect<AdminMessage>(await terminal('SD03'), 'adminMessage');
    await sender.send(`AM.${ORI_19}.C37.TXT/All county 37 units: road closure on I-5.`);
    await waitFor(() => first.length === 1 && second.length === 1);
    expect(first[0]).toMatchObject({ broadcast: true, text: 'All county 37 units: road closure on I-5.' });
  });

  it('confirms a hit within the deadline: YQ to the entering agency in county 37, YR back to county 19', async () => {
    const requester = await terminal('LA01');
    const entering = await terminal('SD01');
    const requests = collect<HitConfirmationRequest>(entering, 'hitConfirmationRequest');
    const answers = collect<HitConfirmationResponse>(requester, 'hitConfirmationResponse');
    const nic = WELL_KNOWN.wantedPerson.warrantNic;
    await requester.send(`YQ.${ORI_19}.${ORI_37}.NIC/${nic}.PRI/U.RNO/1.NAM/${WELL_KNOWN.wantedPerson.last},${WELL_KNOWN.wantedPerson.first}`);
    await waitFor(() => requests.length === 1);
    expect(requests[0]).toMatchObject({ recordId: nic, requestNumber: 1, requestingOri: ORI_19, enteringOri: ORI_37 });
    expect(Number(requests[0]?.answerDueMs)).toBeGreaterThan(Date.now());
    await entering.send(`YR.${ORI_37}.${ORI_19}.NIC/${nic}.CNF/Y.RNO/1`);
    await waitFor(() => answers.length === 1);
    expect(answers[0]).toMatchObject({ state: ConfirmationState.CONFIRMATION_STATE_CONFIRMED, confirmationId: requests[0]?.confirmationId, respondingOri: ORI_37 });
  });

  it('stores an AM for an offline terminal, keeps it across a restart of every switch, and delivers it at login', async () => {
    const sender = await terminal('LA01');
    const reports = collect<DeliveryReport>(sender, 'deliveryReport');
    await sender.send(`AM.${ORI_19}.SD04.TXT/Call the watch commander.`);
    await waitFor(() => reports.length === 1);
    expect(reports[0]).toMatchObject({ destination: 'SD04', state: DeliveryState.DELIVERY_STATE_STORED });

    await network.restartSwitch('county-37', 'SIGKILL');
    await network.restartSwitch('state');
    await network.restartSwitch('county-19');
    await Promise.all((['state', 'county-19', 'county-37'] as const).map(linksUp));

    // The sender's switch restarted too: log in again, then the receiver logs in.
    let lateReports: DeliveryReport[] = [];
    await terminal('LA01', (client) => { lateReports = collect<DeliveryReport>(client, 'deliveryReport'); });
    let messages: AdminMessage[] = [];
    const receiver = await terminal('SD04', (client) => { messages = collect<AdminMessage>(client, 'adminMessage'); });
    // SD04 was offline for the county 37 broadcast above too: a copy of it waits as well.
    expect(receiver.session?.messagesWaiting).toBe(2);
    await waitFor(() => messages.length === 2 && lateReports.length === 1);
    expect(messages.map((message) => message.text)).toEqual(['All county 37 units: road closure on I-5.', 'Call the watch commander.']);
    expect(lateReports[0]).toMatchObject({ destination: 'SD04', state: DeliveryState.DELIVERY_STATE_DELIVERED, messageId: reports[0]?.messageId });
  });

  it('a court terminal enters and modifies its own protection orders through the county switch, and no other agency\'s', async () => {
    const clerk = await terminal('LA25');
    const sheriff = await terminal('LA01');
    const order = (ori: string, oca: string) => `EPO.${ori}.NAM/HOLLOWELL,BRANDEN.SEX/M.RAC/W.DOB/19770615.POT/DVRO.PNO/HOLLOWELL,SIANA` +
      `.ISD/20261101.EXP/20291101.CRT/SUPERIOR COURT OF CALIFORNIA - COUNTY OF LOS ANGELES.OCA/${oca}.PCO/05 07.${RTE}`;
    const nicOf = (result: Awaited<ReturnType<TerminalClient['send']>>): string | undefined =>
      result.responses.flatMap((response) => response.records ?? []).find((record) => record.status === HitStatus.HIT_STATUS_ACKNOWLEDGED)?.recordId ?? undefined;

    const entered = await clerk.send(order(COURT_19, '26-CRT-E2E1'));
    expect(entered.outcome).toBe('completed');
    expect(entered.rejects).toEqual([]);
    const nic = nicOf(entered);
    expect(nic).toMatch(/^H/);
    const served = await clerk.send(`MPO.${COURT_19}.NIC/${nic}.SRV/20261103.${RTE}`);
    expect(served.rejects).toEqual([]);
    expect(nicOf(served)).toBe(nic);
    const found = await sheriff.send(`QPO.${ORI_19}.NIC/${nic}.${RTE}`);
    const text = found.responses.flatMap((response) => response.records ?? []).map((record) => record.text ?? '').join('\n');
    expect(text).toContain(`ORI/${COURT_19}`);
    expect(text).toContain('SRV/20261103 - SERVED');

    // The sheriff's own order is not the court's to change: "not on file" for the court.
    const sheriffs = nicOf(await sheriff.send(order(ORI_19, '26-SHF-E2E1')));
    expect(sheriffs).toBeDefined();
    const refused = await clerk.send(`MPO.${COURT_19}.NIC/${sheriffs}.SRV/20261103.${RTE}`);
    expect(refused.rejects.map((reject) => reject.code)).toEqual(['CLETS_ERR_RECORD_NOT_FOUND']);
  });

  it('a county that loses the state switch tells its terminals, refuses or queues per the catalogue, and recovers by itself', async () => {
    const person = WELL_KNOWN.wantedPerson;
    const qw = `QW.${ORI_19}.NAM/${person.last},${person.first}.SEX/${person.sex}.DOB/${person.dob}.${RTE}`;
    const client = await terminal('LA01');
    const receiver = await terminal('SD01');
    const status = collect<StatusMessage>(client, 'statusMessage');
    const messages = collect<AdminMessage>(receiver, 'adminMessage');

    await network.stopSwitch('state', 'SIGKILL');
    await waitFor(() => status.some((message) => message.system === 'state' && message.state === LinkState.LINK_STATE_DOWN));
    // An inquiry is refused at once (.04.); an administrative message is queued (.02.).
    const refused = await client.send(qw);
    expect(refused.rejects.map((reject) => reject.code)).toEqual(['CLETS_ERR_SYSTEM_UNAVAILABLE', 'CLETS_ERR_SYSTEM_UNAVAILABLE']);
    const queuedNotices: string[] = [];
    const held = client.send(`AM.${ORI_19}.SD01.TXT/Sent while the state switch was down.`, {
      timeoutMs: 60_000,
      onProgress: (progress) => { if (progress.kind === 'queued') queuedNotices.push(progress.notice.text ?? ''); },
    });
    await waitFor(() => queuedNotices.length === 1);
    expect(queuedNotices[0]).toContain('.02.');

    await network.startSwitch('state');
    await waitFor(() => status.some((message) => message.system === 'state' && message.state === LinkState.LINK_STATE_UP), 30_000);
    const delivered = await held;
    expect(delivered.completion?.answered).toEqual(['DELIVERY']);
    await waitFor(() => messages.some((message) => message.text === 'Sent while the state switch was down.'));
    // SD01's county switch lost the state too, and linked again by itself.
    expect((await client.send(qw)).responses.map((response) => response.system).sort()).toEqual(['CORI', 'NCIC']);
  });
});
