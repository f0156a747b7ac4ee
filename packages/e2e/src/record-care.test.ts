/**
 * Second-party check and validation end to end, under one manual clock: a county switch, the
 * state switch and the real mock systems in this process, over real sockets on 127.0.0.1. The
 * state switch's timers (its validation report schedule) and the systems' clock (the dates of
 * record care) are the same ManualClock, so months pass in a step; the county switches keep
 * real time (nothing of theirs depends on the date). Everything asserted is what an operator's
 * terminal receives. In this package because it needs the switch and the mock systems
 * together, and no service package depends on another.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HitStatus, ManualClock, type AdminMessage, type Response } from '@clets/protocol';
import { buildBackendService, openHostedSystems, parseBackendConfig, type BackendService } from '@clets/backends';
import { loadFixtures } from '@clets/fixtures';
import { ORI_37, startNetworkHarness, waitFor, type NetworkHarness } from '@clets/switch/testing';
import { TerminalClient, type TransactionResult } from '@clets/terminal';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The state switch's report interval: its first run comes after the entry is overdue (90 + 30 days). */
const REPORT_INTERVAL_MS = 125 * DAY;
const SYSTEMS_SECRET = 'record-care-systems-secret';
const RTE = 'RTE/REQ:DEP A MARLOW 2207;RSN:ENTRY FROM THEFT REPORT;CASE:26-E2E-0917';
const LIST_RTE = 'RTE/REQ:ACC T HALVERSEN;RSN:MONTHLY RECORD VALIDATION;NOCASE:VALIDATION';
const WARRANT = `EW.${ORI_37}.NAM/THORNQUIST,ELWIN.SEX/M.RAC/W.DOB/19820917.OFF/FRAUD.WTY/F.DOW/20261201.EXL/1.OCA/26-E2E-W917.${RTE}`;
const VEHICLE = `EV.${ORI_37}.LIC/9ZQX417.LIS/CA.VYR/2021.VMA/TOYT.DOT/20261201.OCA/26-E2E-V917.${RTE}`;

/**
 * The manual clock starts an hour ahead of the real one: the state stamps its requests to the
 * systems with deadlines from it, and the links (on real timers) must not find them passed.
 */
const clock = new ManualClock(Date.now() + HOUR);
let backends: BackendService;
let network: NetworkHarness<TerminalClient>;

beforeAll(async () => {
  const config = parseBackendConfig({
    host: '127.0.0.1', port: 0, controlPort: 0, links: [{ peerId: 'state', secret: SYSTEMS_SECRET }], updatesDbPath: ':memory:', log: { level: 'silent' },
  });
  backends = buildBackendService(config, { systems: openHostedSystems(config, await loadFixtures()), now: () => clock.now() });
  const { link } = await backends.listen();
  network = await startNetworkHarness({
    terminalClient: (client) => new TerminalClient(client),
    timers: { state: clock },
    systemsLink: { url: link, secret: SYSTEMS_SECRET },
    config: { validationReports: { enabled: true, intervalMs: REPORT_INTERVAL_MS } },
  });
  await waitFor(() => ['NCIC', 'CORI'].every((name) => network.state.links.get(name)?.state === 'up'));
});

afterAll(async () => {
  await network?.close();
  await backends?.close();
});

/**
 * Moves the state's and the systems' time. The state's link to county 37 may miss its
 * heartbeat in the step and be cut: wait until the county is linked again before going on.
 */
async function advance(ms: number): Promise<void> {
  clock.advance(ms);
  await new Promise((resolve) => setTimeout(resolve, 100));
  await waitFor(() => network.county37.links.get('state')?.state === 'up' && network.state.network.peers.get('county-37')?.state === 'up');
}

function completed(result: TransactionResult): readonly Response[] {
  expect(result.outcome, JSON.stringify(result.rejected ?? result.rejects)).toBe('completed');
  expect(result.rejects).toEqual([]);
  return result.responses;
}

/** The NIC an entry, check or validation was acknowledged with. */
function acknowledgedNic(result: TransactionResult): string {
  const record = completed(result).flatMap((response) => response.records ?? []).find((each) => each.status === HitStatus.HIT_STATUS_ACKNOWLEDGED);
  expect(record?.recordId).toMatch(/^[A-Z]\d{9}$/);
  return record?.recordId ?? '';
}

/** The agency's validation list as its terminal prints it: one line per record, by NIC. */
async function validationList(client: TerminalClient): Promise<Map<string, string>> {
  const responses = completed(await client.send(`VL.${ORI_37}.VLS/A.${LIST_RTE}`));
  const text = responses.flatMap((response) => response.records ?? []).map((record) => record.text ?? '').join('\n');
  return linesByNic(text);
}

/** A list's entries by NIC (the text is wrapped for the terminal: an entry may run over two lines). */
function linesByNic(text: string): Map<string, string> {
  const entries = text.replaceAll('\n', ' ').split(/(?=NIC\/)/).filter((entry) => entry.startsWith('NIC/')).map((entry) => entry.trim());
  return new Map(entries.map((entry) => [entry.slice(4, entry.indexOf(' ')), entry]));
}

describe('record care end to end with a fake clock', () => {
  it('takes an entry from pending through the second-party check, overdue, the state\'s report and validation', async () => {
    const enterer = await network.terminal('SD01');
    const checker = await network.terminal('SD02');
    const notices: AdminMessage[] = [];
    enterer.on('adminMessage', (message: AdminMessage) => notices.push(message));

    // Entered: on file at once, hitting as "not yet second-party checked".
    const warrant = acknowledgedNic(await enterer.send(WARRANT));
    const vehicle = acknowledgedNic(await enterer.send(VEHICLE));
    const hits = completed(await enterer.send(`QW.${ORI_37}.NAM/THORNQUIST,ELWIN.DOB/19820917.${RTE}`))
      .flatMap((response) => response.records ?? []).filter((record) => record.recordId === warrant);
    expect(hits).toHaveLength(1);
    expect(hits[0]?.text).toContain('*** ENTRY NOT YET SECOND-PARTY CHECKED - CONFIRM WITH THE ENTERING AGENCY ***');
    let list = await validationList(checker);
    expect(list.get(warrant)).toContain('SPC/PENDING');
    expect(list.get(vehicle)).toContain('SPC/PENDING');

    // Not by the operator who entered it; a second full-access operator of the agency checks it.
    const own = await enterer.send(`SPC.${ORI_37}.NIC/${warrant}.${RTE}`);
    expect(own.rejects.map((reject) => reject.code)).toEqual(['CLETS_ERR_SECOND_PARTY_SAME_OPERATOR']);
    expect(acknowledgedNic(await checker.send(`SPC.${ORI_37}.NIC/${warrant}.${RTE}`))).toBe(warrant);
    list = await validationList(checker);
    expect(list.has(warrant)).toBe(false);

    // The vehicle nobody checked: unchecked once the set time (72 hours) has passed.
    await advance(72 * HOUR);
    list = await validationList(checker);
    expect(list.get(vehicle)).toContain('SPC/UNCHECKED');

    // Past the first validation date (90 days) and its grace (30 days): overdue on the list.
    await advance(121 * DAY - 72 * HOUR);
    list = await validationList(checker);
    expect(list.get(warrant)).toMatch(/SPC\/CHECKED VLD\/NONE DUE\/\d{8} STA\/OVERDUE - REPORTED \d{8}$/);
    expect(notices).toEqual([]);

    // The state switch's report day: the agency's terminals are sent the list, naming both entries.
    await advance(REPORT_INTERVAL_MS - 121 * DAY);
    await waitFor(() => notices.length > 0);
    const notice = notices[0];
    expect(notice?.text).toMatch(/^ADMINISTRATIVE NOTICE - VALIDATION LIST REQUEST FOR ORI\/CA0370000\n/);
    expect(notice?.text?.replaceAll('\n', ' ')).toMatch(/ADMINISTRATIVE NOTICE: \d+ OVERDUE FOR VALIDATION \(REPORTED\), 1 NOT SECOND-PARTY CHECKED\./);
    const noticed = linesByNic(notice?.text ?? '');
    expect(noticed.get(warrant)).toContain('STA/OVERDUE - REPORTED');
    expect(noticed.get(vehicle)).toContain('SPC/UNCHECKED');

    // The coordinator validates the warrant (a modify naming the validator): the next list no longer shows it overdue.
    const validated = completed(await checker.send(`MW.${ORI_37}.NIC/${warrant}.VLN/HALVERSEN,TOVE.${RTE}`));
    expect(validated.flatMap((response) => response.records ?? []).map((record) => record.recordId)).toContain(warrant);
    list = await validationList(checker);
    expect(list.has(warrant)).toBe(false);
    expect(list.get(vehicle)).toContain('SPC/UNCHECKED');
    const after = completed(await enterer.send(`QW.${ORI_37}.NAM/THORNQUIST,ELWIN.DOB/19820917.${RTE}`))
      .flatMap((response) => response.records ?? []).find((record) => record.recordId === warrant);
    expect(after?.text?.replaceAll('\n', ' ')).toMatch(/VLD\/\d{8} VLN\/HALVERSEN,TOVE/);
  });
});
