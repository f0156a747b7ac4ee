/**
 * The county switch and the mock systems as real processes, over real sockets: what an
 * operator sees, what survives a SIGKILL, and what garbage does to a running switch.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import Database from 'better-sqlite3';
import { encodeFrame, GOLDEN_FRAMES, HitStatus } from '@clets/protocol';
import { loadFixtures, WELL_KNOWN, type FixtureSet } from '@clets/fixtures';
import { TerminalClient } from '@clets/terminal';
import { verifyAuditDatabase } from '@clets/switch/audit';
import { startCountyNetwork, type CountyNetwork } from '@clets/launcher';

const ORI = 'CA0190000';
const RTE = 'RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP SUSPECT VEH;CASE:26-001234';

let fixtures: FixtureSet;
let network: CountyNetwork;
const clients: TerminalClient[] = [];

function credentials(mnemonic: string) {
  const terminal = fixtures.terminals.find((candidate) => candidate.mnemonic === mnemonic);
  if (terminal === undefined) throw new Error(`no fixture terminal ${mnemonic}`);
  return { mnemonic, deviceSecret: terminal.deviceSecret };
}

async function terminal(mnemonic = 'LA01', operatorId = 'OP1001'): Promise<TerminalClient> {
  const client = new TerminalClient({ url: network.terminalsUrl, ...credentials(mnemonic), requestTimeoutMs: 15_000 });
  clients.push(client);
  await client.connect();
  await client.login({ operatorId, password: `Demo-Pass-${operatorId.slice(2)}!` });
  return client;
}

async function control(system: string, body: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${network.controlUrl}/control/${system}`, {
    method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`control ${system}: ${response.status} ${await response.text()}`);
}

beforeAll(async () => {
  fixtures = await loadFixtures();
  network = await startCountyNetwork({
    switchConfig: {
      // Every test here logs in from 127.0.0.1, after the random frames below spent many
      // failed hellos: the per-source login budget is not what this file is about.
      limits: { requestDeadlineMs: 1_500, queueTtlMs: 4_000, loginRate: { burst: 100_000 } },
      // The CJIS rules have their own tests; here one operator logs in many times over.
      security: { policy: 'plain' },
    },
  });
}, 120_000);

afterAll(async () => {
  for (const client of clients) await client.close();
  await network?.stop();
}, 60_000);

describe('a county switch with the mock systems, as processes', () => {
  it('answers a QW on a wanted person with every hit, each with its structured flag', async () => {
    const client = await terminal();
    const person = WELL_KNOWN.wantedPerson;
    const result = await client.sendOrThrow(`QW.${ORI}.NAM/${person.last},${person.first}.SEX/${person.sex}.DOB/${person.dob}.${RTE}`);
    expect(result.hit).toBe(true);
    const files = result.responses.flatMap((response) => (response.records ?? []).filter((record) => record.status === HitStatus.HIT_STATUS_HIT).map((record) => record.file));
    expect(files.some((file) => /WANT|WPS/.test(file ?? ''))).toBe(true);
    expect(files.some((file) => /PROTECTION|CARPOS/.test(file ?? ''))).toBe(true);
    const hitText = result.responses.find((response) => response.status === HitStatus.HIT_STATUS_HIT)?.records?.[0]?.text ?? '';
    expect(hitText.split('\n')[0]).toMatch(/^WARNING/);
  });

  it('answers a clean person with no record from every system', async () => {
    const client = await terminal();
    const person = WELL_KNOWN.cleanPerson;
    const result = await client.sendOrThrow(`QW.${ORI}.NAM/${person.last},${person.first}.SEX/${person.sex}.DOB/${person.dob}.${RTE}`);
    expect(result.hit).toBe(false);
    expect(result.responses.map((response) => response.system).sort()).toEqual(['CORI', 'NCIC']);
    expect(result.responses.every((response) => response.status === HitStatus.HIT_STATUS_NO_RECORD)).toBe(true);
  });

  it('rejects an inquiry without a route-to', async () => {
    const client = await terminal();
    const result = await client.send(`QW.${ORI}.NAM/TALLISTER,MAREN.SEX/F.DOB/19920703`);
    expect(result.outcome).toBe('rejected');
    expect(result.rejected?.code).toBe('CLETS_ERR_ROUTE_TO_MISSING');
  });

  it('answers a fan-out whose one system hangs with that system timed out', async () => {
    await control('CORI', { outage: 'hang' });
    try {
      const client = await terminal();
      const result = await client.sendOrThrow(`QW.${ORI}.NAM/TALLISTER,MAREN.SEX/F.DOB/19920703.${RTE}`);
      expect(result.responses.map((response) => response.system)).toEqual(['NCIC']);
      expect(result.rejects).toMatchObject([{ system: 'CORI', code: 'CLETS_ERR_SYSTEM_TIMEOUT' }]);
      expect(result.completion.failed).toEqual(['CORI']);
    } finally {
      await control('CORI', { outage: 'none' });
    }
  });

  it('queues an Nlets inquiry while Nlets is down and delivers it when it returns', async () => {
    const client = await terminal();
    const down = client.next('statusMessage', 10_000);
    await control('NLETS', { outage: 'drop' });
    expect((await down)[0].system).toBe('NLETS');
    const pending = client.send(`IQ.${ORI}.NV.NAM/KORVALE,DESMIN ARLO.SEX/M.DOB/19860412.${RTE};PUR:C`);
    await new Promise((resolve) => setTimeout(resolve, 500));
    await control('NLETS', { outage: 'none' });
    const result = await pending;
    expect(result.outcome).toBe('completed');
    expect(result.queued.map((notice) => notice.system)).toEqual(['NLETS']);
    expect(result.responses.map((response) => response.system)).toEqual(['NLETS']);
  });

  it('ends a queued inquiry with a non-delivery reject when Nlets stays down', async () => {
    const client = await terminal();
    await control('NLETS', { outage: 'drop' });
    try {
      await waitForLink('NLETS', 'down');
      const result = await client.sendOrThrow(`IQ.${ORI}.NV.NAM/KORVALE,DESMIN ARLO.SEX/M.DOB/19860412.${RTE};PUR:C`, { timeoutMs: 20_000 });
      expect(result.queued).toHaveLength(1);
      expect(result.rejects).toMatchObject([{ system: 'NLETS', code: 'CLETS_ERR_NON_DELIVERY' }]);
    } finally {
      await control('NLETS', { outage: 'none' });
      await waitForLink('NLETS', 'up');
    }
  });

  it('survives 10,000 random and mutated frames: each answered by a reject or a close, memory back to baseline', async () => {
    const pid = network.county.child.pid!;
    const rssBefore = residentKiB(pid);
    const seeds = Object.values(GOLDEN_FRAMES).map((frame) => encodeFrame(frame));
    let state = 0x2f6b3a1d;
    const random = (): number => {
      state ^= state << 13; state ^= state >>> 17; state ^= state << 5;
      return (state >>> 0) / 4294967296;
    };
    let sent = 0;
    let answered = 0;
    let closes = 0;
    while (sent < 10_000) {
      const socket = new WebSocket(network.terminalsUrl, { perMessageDeflate: false });
      await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject); });
      const closed = new Promise<void>((resolve) => socket.once('close', () => { closes += 1; resolve(); }));
      socket.on('message', () => { answered += 1; });
      // The switch closes a connection after a few malformed frames: send a batch per connection.
      for (let i = 0; i < 50 && sent < 10_000; i += 1, sent += 1) {
        let bytes: Uint8Array = random() < 0.5
          ? new Uint8Array(1 + Math.floor(random() * 200)).map(() => Math.floor(random() * 256))
          : Uint8Array.from(seeds[Math.floor(random() * seeds.length)]!);
        if (bytes.length > 0 && random() < 0.9) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
        if (random() < 0.2) bytes = bytes.subarray(0, Math.floor(random() * bytes.length));
        socket.send(bytes);
      }
      socket.close();
      await closed;
    }
    expect(answered + closes).toBeGreaterThan(200);
    // Still serving.
    const client = await terminal();
    const result = await client.sendOrThrow(`QW.${ORI}.NAM/TALLISTER,MAREN.SEX/F.DOB/19920703.${RTE}`);
    expect(result.outcome).toBe('completed');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(residentKiB(pid) - rssBefore).toBeLessThan(80 * 1024);
  });
});

describe('a switch killed with SIGKILL in the middle of a stream', () => {
  it('has an audit row for every transaction a terminal got a receipt for, and the chain verifies', async () => {
    const client = await terminal('LA02', 'OP1005');
    const receipted: string[] = [];
    const stream = (async () => {
      for (let i = 0; i < 10_000; i += 1) {
        const id = `KILL-${i}`;
        try {
          await client.send(`QW.${ORI}.NAM/TALLISTER,MAREN.SEX/F.DOB/19920703.${RTE}`, {
            clientMessageId: id,
            timeoutMs: 5_000,
            onProgress: (progress) => { if (progress.kind === 'receipt') receipted.push(id); },
          });
        } catch {
          return;
        }
      }
    })();
    await waitUntil(() => receipted.length >= 30);
    await network.county.stop('SIGKILL');
    await stream;
    expect(receipted.length).toBeGreaterThanOrEqual(30);

    const verified = verifyAuditDatabase(network.auditPath);
    expect(verified.ok).toBe(true);
    const db = new Database(network.auditPath, { readonly: true });
    const audited = new Set(
      (db.prepare("SELECT client_message_id AS id FROM audit_log WHERE type = 'transaction'").all() as { id: string }[]).map((row) => row.id),
    );
    db.close();
    expect(receipted.filter((id) => !audited.has(id))).toEqual([]);

    // Restarted on the same files, it verifies and serves again.
    await network.restartCounty();
    const again = await terminal('LA02', 'OP1005');
    expect((await again.sendOrThrow(`QW.${ORI}.NAM/TALLISTER,MAREN.SEX/F.DOB/19920703.${RTE}`)).outcome).toBe('completed');
  });
});

async function waitForLink(name: string, state: 'up' | 'down'): Promise<void> {
  await waitUntil(async () => {
    const response = await fetch(`${network.httpUrl}/v1/links`);
    const body = await response.json() as { links: { name: string; state: string }[] };
    return body.links.find((link) => link.name === name)?.state === state;
  }, 20_000);
}

async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function residentKiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}
