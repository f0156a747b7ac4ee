/**
 * The trust boundary between the state switch and the county switches, as real processes:
 * a county that announces another county's agencies and terminals, or sends requests under
 * another county's identity, with its own (valid) peer secret. The state decides from its
 * own config what each county owns; what is not the county's is refused, alerted (audit row,
 * error log line, metric) and never displaces the rightful owner.
 */
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeliveryState, PROTOCOL_VERSION, type AdminMessage, type DeliveryReport, type LinkWelcome } from '@clets/protocol';
import { loadFixtures, WELL_KNOWN, type FixtureSet } from '@clets/fixtures';
import { openLink, type LinkProbe } from '@clets/backends/testing';
import { TerminalClient } from '@clets/terminal';
import { startStateNetwork, type StateNetwork, type StateNetworkSwitch } from '@clets/launcher';

const ORI_19 = 'CA0190000';
const ORI_37 = 'CA0370000';
const ORI_DOJ = 'CA0349400';
const RTE = 'RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP SUSPECT VEH;CASE:26-001234';

let fixtures: FixtureSet;
let network: StateNetwork;
const clients: TerminalClient[] = [];
const links: LinkProbe[] = [];

const OPERATORS: Readonly<Record<string, { operatorId: string; switchName: StateNetworkSwitch }>> = {
  DJ01: { operatorId: 'OP4001', switchName: 'state' },
  SD01: { operatorId: 'OP2001', switchName: 'county-37' },
  LA01: { operatorId: 'OP1001', switchName: 'county-19' },
};

async function terminal(mnemonic: string): Promise<TerminalClient> {
  const fixture = fixtures.terminals.find((candidate) => candidate.mnemonic === mnemonic);
  const who = OPERATORS[mnemonic];
  if (fixture === undefined || who === undefined) throw new Error(`no fixture terminal ${mnemonic}`);
  const client = new TerminalClient({ url: network.terminalsUrl(who.switchName), mnemonic, deviceSecret: fixture.deviceSecret, requestTimeoutMs: 20_000 });
  clients.push(client);
  await client.connect();
  await client.login({ operatorId: who.operatorId, password: `Demo-Pass-${who.operatorId.slice(2)}!` });
  return client;
}

function collect<T>(client: TerminalClient, event: 'adminMessage' | 'deliveryReport'): T[] {
  const received: T[] = [];
  client.on(event, (frame: unknown) => received.push(frame as T));
  return received;
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function ready(name: StateNetworkSwitch): Promise<boolean> {
  return (await fetch(`${network.httpUrl(name)}/readyz`)).ok;
}

/** Links to the state's peer port as county 19, with county 19's own secret. */
async function linkAsCounty19(claims: { oris: string[]; terminals: string[] }): Promise<{ link: LinkProbe; welcome: LinkWelcome }> {
  const link = await openLink(network.peersUrl, { timeoutMs: 10_000 });
  links.push(link);
  const welcome = link.waitFor((frame) => frame.body === 'linkWelcome');
  link.send({
    linkHello: {
      peerId: 'county-19', secret: network.peerSecret('county-19'), role: 'switch',
      servedOris: claims.oris, servedTerminals: claims.terminals, protocolVersion: PROTOCOL_VERSION,
    },
  });
  return { link, welcome: (await welcome).linkWelcome ?? {} };
}

interface AlertRow { outcome: string; code: string | null; terminal: string | null; detail: string | null }

function stateAlerts(): AlertRow[] {
  const db = new Database(network.auditPath('state'), { readonly: true });
  try {
    return db.prepare("SELECT outcome, code, terminal, detail FROM audit_log WHERE type = 'security_alert' ORDER BY seq").all() as AlertRow[];
  } finally {
    db.close();
  }
}

function savedAnnouncement(peer: string): { oris: string[]; terminals: string[] } | undefined {
  const db = new Database(network.messagesPath('state'), { readonly: true });
  try {
    const row = db.prepare('SELECT oris, terminals FROM peer_announcements WHERE peer = ?').get(peer) as { oris: string; terminals: string } | undefined;
    return row === undefined ? undefined : { oris: JSON.parse(row.oris) as string[], terminals: JSON.parse(row.terminals) as string[] };
  } finally {
    db.close();
  }
}

async function stateMetric(line: string): Promise<number> {
  const text = await (await fetch(`${network.httpUrl('state')}/metrics`)).text();
  const found = text.split('\n').find((entry) => entry.startsWith(`${line} `));
  return found === undefined ? 0 : Number(found.slice(line.length + 1));
}

beforeAll(async () => {
  fixtures = await loadFixtures();
  network = await startStateNetwork({
    switchConfig: {
      limits: { requestDeadlineMs: 5_000 },
      // The CJIS login rules have their own tests; here operators log in without a second factor.
      security: { policy: 'plain' },
    },
  });
  await waitFor(async () => (await Promise.all((['state', 'county-19', 'county-37'] as const).map(ready))).every(Boolean), 30_000);
}, 120_000);

afterAll(async () => {
  for (const link of links) await link.close().catch(() => undefined);
  for (const client of clients) await client.close();
  await network?.stop();
  if (network !== undefined) rmSync(network.dir, { recursive: true, force: true });
}, 60_000);

describe('a county switch speaking beyond its own county, with its own secret', () => {
  it('county 19 announcing CA0370000, SD01 and SD02 is refused and alerted; DOJ\'s AM to SD01 still reaches county 37, also after county 19 relinks', async () => {
    const doj = await terminal('DJ01');
    const sd01 = await terminal('SD01');
    const messages = collect<AdminMessage>(sd01, 'adminMessage');
    const reports = collect<DeliveryReport>(doj, 'deliveryReport');
    const alertsBefore = await stateMetric('clets_security_alerts_total{kind="peer_claim_refused"}');

    const { link: impostor, welcome } = await linkAsCounty19({ oris: [ORI_19, ORI_37], terminals: ['LA01', 'SD01', 'SD02'] });
    // The link is up with what is county 19's own; the rest is named as refused.
    expect(welcome).toMatchObject({ ok: true, code: 'CLETS_ERR_PEER_CLAIM_REFUSED' });
    expect(welcome.reason).toContain('ORI CA0370000: belongs to county-37');
    expect(welcome.reason).toContain('terminal SD01: belongs to county-37');
    expect(savedAnnouncement('county-19')?.terminals ?? []).not.toContain('SD01');

    await waitFor(() => stateAlerts().length >= 3);
    const alerts = stateAlerts().map((row) => ({ ...row, detail: JSON.parse(row.detail ?? '{}') as Record<string, unknown> }));
    expect(alerts.map((row) => [row.outcome, row.code, row.terminal, row.detail['value'], row.detail['owner']])).toEqual([
      ['peer_claim_refused', 'CLETS_ERR_PEER_CLAIM_REFUSED', 'county-19', ORI_37, 'county-37'],
      ['peer_claim_refused', 'CLETS_ERR_PEER_CLAIM_REFUSED', 'county-19', 'SD01', 'county-37'],
      ['peer_claim_refused', 'CLETS_ERR_PEER_CLAIM_REFUSED', 'county-19', 'SD02', 'county-37'],
    ]);
    expect(await stateMetric('clets_security_alerts_total{kind="peer_claim_refused"}')).toBe(alertsBefore + 3);
    // The switch logs to stdout, pino JSON: the alert line is at level error (50).
    await waitFor(() => network.switch('state').stdoutTail().includes('"alert":"peer_claim_refused"'));
    expect(network.switch('state').stdoutTail()).toMatch(/"level":50[^\n]*"alert":"peer_claim_refused"/);

    const first = await doj.send(`AM.${ORI_DOJ}.SD01.TXT/While county 19 claims SD01.`);
    expect(first.completion?.answered).toEqual(['DELIVERY']);

    // The real county 19 links again (its new connection replaces the impostor's).
    const superseded = await impostor.closed;
    expect(superseded.code).toBe(4016);
    await waitFor(() => ready('county-19'));
    const second = await doj.send(`AM.${ORI_DOJ}.SD01.TXT/After county 19 linked again.`);
    expect(second.completion?.answered).toEqual(['DELIVERY']);

    await waitFor(() => messages.length === 2 && reports.length === 2);
    expect(messages.map((message) => message.text)).toEqual(['While county 19 claims SD01.', 'After county 19 linked again.']);
    expect(reports.map((report) => [report.destination, report.state])).toEqual([
      ['SD01', DeliveryState.DELIVERY_STATE_DELIVERED], ['SD01', DeliveryState.DELIVERY_STATE_DELIVERED],
    ]);
    expect(savedAnnouncement('county-19')?.terminals).toContain('LA01');
    expect(savedAnnouncement('county-19')?.terminals).not.toContain('SD01');
  });

  it('a LinkRequest{system: NCIC} from county 19 with the header CA0370000/SD01/OP2001 is refused, runs nothing, and is alerted as a link violation', async () => {
    const { link } = await linkAsCounty19({ oris: [ORI_19], terminals: ['LA01'] });
    const person = WELL_KNOWN.wantedPerson;
    const line = `QW.${ORI_37}.NAM/${person.last},${person.first}.SEX/${person.sex}.DOB/${person.dob}.${RTE}`;
    const replies = await link.request({
      requestId: 'county-19:spoofed:1', system: 'NCIC', deadlineMs: Date.now() + 10_000,
      transaction: { header: { clientMessageId: 'spoofed-1', messageKey: 'QW', ori: ORI_37, terminal: 'SD01', operatorId: 'OP2001' }, text: line },
    });
    expect(replies).toHaveLength(1);
    expect(replies[0]?.reject).toMatchObject({ code: 'CLETS_ERR_HEADER_MISMATCH', system: 'NCIC' });
    expect(replies[0]?.responses ?? []).toEqual([]);

    await waitFor(() => stateAlerts().some((row) => row.outcome === 'link_violation'));
    const violation = stateAlerts().find((row) => row.outcome === 'link_violation');
    expect(violation).toMatchObject({ code: 'CLETS_ERR_HEADER_MISMATCH', terminal: 'county-19' });
    expect(JSON.parse(violation?.detail ?? '{}')).toMatchObject({
      peer: 'county-19', requestId: 'county-19:spoofed:1', system: 'NCIC', claimed: { ori: ORI_37, terminal: 'SD01', operatorId: 'OP2001' },
    });
    expect(await stateMetric('clets_security_alerts_total{kind="link_violation"}')).toBe(1);
    // Nothing ran as OP2001 at SD01 at the state: no transaction, reject or response row of theirs.
    const db = new Database(network.auditPath('state'), { readonly: true });
    try {
      const rows = db.prepare("SELECT type FROM audit_log WHERE (operator_id = 'OP2001' OR terminal = 'SD01') AND type <> 'security_alert'").all();
      expect(rows).toEqual([]);
    } finally {
      db.close();
    }
    await link.close();
  });
});
