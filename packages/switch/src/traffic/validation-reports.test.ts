import { afterEach, describe, expect, it } from 'vitest';
import { HitStatus, ManualClock, type AdminMessage, type LinkReply } from '@clets/protocol';
import { TerminalClient } from '@clets/terminal';
import { echoingSystem, ORI_19, ORI_19_PD, ORI_37, ORI_DOJ, startNetworkHarness, waitFor, type NetworkHarness } from '../testing/network-harness.js';
import type { FakeRequest } from '../testing/fake-link.js';

const DAY_MS = 24 * 60 * 60_000;

let network: NetworkHarness<TerminalClient> | undefined;

afterEach(async () => {
  await network?.close();
  network = undefined;
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
});
