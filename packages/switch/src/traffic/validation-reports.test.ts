import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HitStatus, ManualClock, type AdminMessage, type LinkReply } from '@clets/protocol';
import { TerminalClient } from '@clets/terminal';
import type { MemoryAuditStore } from '../audit/index.js';
import { echoingSystem, ORI_19, ORI_19_PD, ORI_37, ORI_DOJ, startNetworkHarness, waitFor, type NetworkHarness } from '../testing/network-harness.js';
import type { FakeRequest } from '../testing/fake-link.js';

const DAY_MS = 24 * 60 * 60_000;
const CATCH_UP_MS = 60_000;

let network: NetworkHarness<TerminalClient> | undefined;
let directory: string | undefined;

afterEach(async () => {
  await network?.close();
  network = undefined;
  if (directory !== undefined) rmSync(directory, { recursive: true, force: true });
  directory = undefined;
});

/** What the state files hold, per agency: records overdue and not second-party checked (a list with neither is only "due"). */
const CARE: Readonly<Record<string, { overdue: number; unchecked: number }>> = {
  [ORI_19]: { overdue: 1, unchecked: 0 },
  [ORI_19_PD]: { overdue: 0, unchecked: 0 },
  [ORI_37]: { overdue: 0, unchecked: 2 },
};

function fieldOf(request: FakeRequest, tag: string): string | undefined {
  return request.transaction.fields?.find((field) => field.tag === tag)?.value ?? undefined;
}

/** CORI answering VL as the state files do: one acknowledged list naming the agency, or no record. */
function stateFiles(request: FakeRequest): LinkReply {
  if (request.transaction.header?.messageKey !== 'VL') return echoingSystem('CORI')(request);
  const ori = fieldOf(request, 'VLO') ?? '';
  const care = CARE[ori];
  const status = care === undefined ? HitStatus.HIT_STATUS_NO_RECORD : HitStatus.HIT_STATUS_ACKNOWLEDGED;
  return {
    requestId: request.requestId, final: true,
    responses: [{
      header: request.transaction.header ?? null, system: 'CORI', responseKey: 'VL', status,
      records: [{
        status, system: 'CORI', file: 'VALIDATION', recordId: '', enteringOri: care === undefined ? '' : ori,
        text: `VALIDATION LIST ORI/${ori}`,
        fields: [{ tag: 'OVD', value: String(care?.overdue ?? 0) }, { tag: 'UNC', value: String(care?.unchecked ?? 0) }],
      }],
    }],
  };
}

/** The VL requests the state's CORI link has had since the state switch last started. */
function listsAsked(harness: NetworkHarness<TerminalClient>): string[] {
  return (harness.systems.get('CORI')?.requests ?? []).filter((request) => request.transaction.header?.messageKey === 'VL').map((request) => fieldOf(request, 'VLO') ?? '');
}

/** The in-process network with the schedule on, the state's messages database in a file that outlives a restart. */
async function scheduledNetwork(clock: ManualClock): Promise<NetworkHarness<TerminalClient>> {
  directory = mkdtempSync(join(tmpdir(), 'clets-validation-'));
  return startNetworkHarness({
    terminalClient: (client) => new TerminalClient(client),
    timers: { state: clock },
    messagesPaths: { state: join(directory, 'state-messages.db') },
    systems: { CORI: stateFiles },
    config: { validationReports: { enabled: true, intervalMs: DAY_MS, catchUpDelayMs: CATCH_UP_MS } },
  });
}

/** Lets the switch's promises and sockets turn without moving the manual clock. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 50));
}

describe('the state control point\'s scheduled validation reports', () => {
  it('asks the state files for every agency each interval and sends each with overdue or unchecked records its list, stored when offline', async () => {
    const clock = new ManualClock(Date.now());
    network = await startNetworkHarness({
      terminalClient: (client) => new TerminalClient(client),
      timers: { state: clock },
      systems: { CORI: stateFiles },
      config: { validationReports: { enabled: true, intervalMs: DAY_MS } },
    });
    const cori = network.systems.get('CORI');
    const listsAsked = (): string[] => (cori?.requests ?? []).filter((request) => request.transaction.header?.messageKey === 'VL').map((request) => fieldOf(request, 'VLO') ?? '');
    const sheriff = await network.terminal('LA01');
    const police = await network.terminal('LA08');
    const toSheriff: AdminMessage[] = [];
    const toPolice: AdminMessage[] = [];
    sheriff.on('adminMessage', (message: AdminMessage) => toSheriff.push(message));
    police.on('adminMessage', (message: AdminMessage) => toPolice.push(message));

    // Nothing before the interval has passed: a start is not a report day.
    clock.advance(DAY_MS - 1);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(listsAsked()).toEqual([]);

    clock.advance(1);
    // The agencies are asked one after another: the first notice can arrive before the last is asked.
    await waitFor(() => toSheriff.length === 1 && listsAsked().length === 3);
    expect(listsAsked()).toEqual([ORI_19, ORI_19_PD, ORI_37]);
    const asked = cori?.requests.find((request) => fieldOf(request, 'VLO') === ORI_19);
    expect(asked?.transaction.header).toMatchObject({ messageKey: 'VL', ori: ORI_DOJ });
    expect(fieldOf(asked!, 'VLS')).toBe('A');
    expect(toSheriff[0]?.header).toMatchObject({ ori: ORI_DOJ, destinations: [ORI_19] });
    expect(toSheriff[0]?.text).toMatch(/^ADMINISTRATIVE NOTICE - VALIDATION LIST REQUEST FOR ORI\/CA0190000\n/);
    expect(toSheriff[0]?.text).toContain('VALIDATION LIST ORI/CA0190000');

    // County 37's agency has no terminal logged in: its list waits for its first login.
    const toSanDiego: AdminMessage[] = [];
    await network.terminal('SD01', (client) => client.on('adminMessage', (message: AdminMessage) => toSanDiego.push(message)));
    await waitFor(() => toSanDiego.length === 1);
    expect(toSanDiego[0]?.text).toContain('VALIDATION LIST REQUEST FOR ORI/CA0370000');
    // A list with nothing overdue or unchecked sends nothing.
    expect(toPolice).toEqual([]);

    // And again the next day.
    clock.advance(DAY_MS);
    await waitFor(() => toSheriff.length === 2 && listsAsked().length === 6);
    expect(listsAsked()).toHaveLength(6);
  });

  it('is off unless configured on', async () => {
    const clock = new ManualClock(Date.now());
    network = await startNetworkHarness({ terminalClient: (client) => new TerminalClient(client), timers: { state: clock }, systems: { CORI: stateFiles } });
    expect(network.state.validationReports).toBeUndefined();
    clock.advance(2 * DAY_MS);
    expect(network.systems.get('CORI')?.requests).toEqual([]);
  });

  it('audits each list it asks for in the control point\'s name, with what came back, and the lists it could not have', async () => {
    const clock = new ManualClock(Date.now());
    network = await startNetworkHarness({
      terminalClient: (client) => new TerminalClient(client),
      timers: { state: clock },
      systems: {
        // The police department's list cannot be had this run.
        CORI: (request) => (fieldOf(request, 'VLO') === ORI_19_PD
          ? { requestId: request.requestId, final: true, reject: { code: 'CLETS_ERR_SYSTEM_ERROR', reason: 'CORI FAILED', system: 'CORI' } }
          : stateFiles(request)),
      },
      config: { validationReports: { enabled: true, intervalMs: DAY_MS } },
    });
    const reports = network.state.validationReports;
    clock.advance(DAY_MS);
    await waitFor(() => reports?.lastRunAt !== undefined);
    const audit = network.state.audit as MemoryAuditStore;
    await audit.flush();

    // The auditor's search finds every list the schedule asked for under the control point.
    const hits = audit.search({ ori: ORI_DOJ }, 'all').filter((hit) => hit.messageKey === 'VL');
    expect(hits).toHaveLength(3);
    for (const hit of hits) {
      expect(hit).toMatchObject({ type: 'transaction', outcome: 'accepted', terminal: 'state', destinations: ['CORI'] });
      expect(hit.routeTo).toMatchObject({ requester: 'STATE CONTROL POINT', reason: 'SCHEDULED VALIDATION REPORT' });
    }
    const sheriff = hits.find((hit) => hit.records.includes(`VALIDATION:${ORI_19}`));
    expect(sheriff).toMatchObject({ result: 'acknowledged', answers: [{ type: 'response', outcome: 'acknowledged', system: 'CORI' }] });
    const police = hits.find((hit) => hit.answers.some((answer) => answer.type === 'reject'));
    expect(police).toMatchObject({ result: 'failed', answers: [{ type: 'reject', code: 'CLETS_ERR_SYSTEM_ERROR', system: 'CORI' }] });

    // The rows themselves name the agency listed and the counts: the sheriff's one overdue, county 37's two unchecked.
    const answers = audit.query({ type: ['response', 'reject'], messageKey: 'VL' });
    expect(answers.map((row) => row.detail)).toEqual(expect.arrayContaining([
      expect.objectContaining({ listedOri: ORI_19, listed: 0, overdue: 1, unchecked: 0, records: [`VALIDATION:${ORI_19}`] }),
      expect.objectContaining({ listedOri: ORI_37, overdue: 0, unchecked: 2, records: [`VALIDATION:${ORI_37}`] }),
      expect.objectContaining({ listedOri: ORI_19_PD, system: 'CORI', reason: expect.stringContaining('CORI FAILED') }),
    ]));
  });
});

describe('the validation report schedule across restarts of the state switch', () => {
  it('times the next run from the last one kept, not from the restart', async () => {
    const clock = new ManualClock(Date.now());
    const t0 = clock.now();
    network = await scheduledNetwork(clock);
    clock.advance(DAY_MS);
    await waitFor(() => network?.state.validationReports?.lastRunAt === t0 + DAY_MS);
    expect(listsAsked(network)).toHaveLength(3);

    // Restarted half an interval later: the next run is still due one interval after the last.
    clock.advance(DAY_MS / 2);
    await network.stopState();
    await network.startState();
    clock.advance(DAY_MS / 2 - 1);
    await settle();
    expect(listsAsked(network)).toEqual([]);
    clock.advance(1);
    await waitFor(() => network?.state.validationReports?.lastRunAt === t0 + 2 * DAY_MS);
    expect(listsAsked(network)).toEqual([ORI_19, ORI_19_PD, ORI_37]);
  });

  it('runs once soon after a restart when a run fell due while it was down, however many were missed', async () => {
    const clock = new ManualClock(Date.now());
    const t0 = clock.now();
    network = await scheduledNetwork(clock);
    clock.advance(DAY_MS);
    await waitFor(() => network?.state.validationReports?.lastRunAt === t0 + DAY_MS);

    // Down over two report days.
    await network.stopState();
    clock.advance(2 * DAY_MS + DAY_MS / 2);
    const restartedAt = clock.now();
    await network.startState();
    await settle();
    expect(listsAsked(network)).toEqual([]);

    // Once, after the settle delay (its links are up by then), not once per missed interval.
    clock.advance(CATCH_UP_MS);
    await waitFor(() => network?.state.validationReports?.lastRunAt === restartedAt + CATCH_UP_MS);
    expect(listsAsked(network)).toEqual([ORI_19, ORI_19_PD, ORI_37]);
    clock.advance(DAY_MS - 1);
    await settle();
    expect(listsAsked(network)).toHaveLength(3);
    clock.advance(1);
    await waitFor(() => listsAsked(network!).length === 6);
  });

  it('waits one interval after a first start, with no run kept', async () => {
    const clock = new ManualClock(Date.now());
    network = await scheduledNetwork(clock);
    clock.advance(CATCH_UP_MS);
    await settle();
    clock.advance(DAY_MS - CATCH_UP_MS - 1);
    await settle();
    expect(listsAsked(network)).toEqual([]);
    clock.advance(1);
    await waitFor(() => listsAsked(network!).length === 3);
  });
});
