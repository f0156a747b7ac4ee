/**
 * The audit database on a disk that fills up while the switch is busy, for real: a small
 * tmpfs holds the audit log of a running county switch, a file fills the rest of it, and
 * terminals keep sending. Whatever the moment the disk fills, every answer a terminal got
 * must have its committed row (no `Response` without its `response` row, no login without
 * its `logon` row), and the switch recovers when there is room again.
 *
 * Mounting a tmpfs needs root (or CAP_SYS_ADMIN): without it this one test is skipped and
 * says why; everything else here runs anyway.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { loadFixtures, type FixtureSet } from '@clets/fixtures';
import { TerminalClient, type TransactionResult } from '@clets/terminal';
import { verifyAuditDatabase } from '@clets/switch/audit';
import { startCountyNetwork, type CountyNetwork } from '@clets/launcher';

const ORI = 'CA0190000';
const RTE = 'RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP SUSPECT VEH;CASE:26-001234';
const QW = `QW.${ORI}.NAM/TALLISTER,MAREN.SEX/F.DOB/19920703.${RTE}`;
const DISK_BYTES = 4 * 1024 * 1024;

let fixtures: FixtureSet;
let dir: string;
let disk: string;
let mounted = false;
let mountRefusal = '';
let network: CountyNetwork | undefined;
const clients: TerminalClient[] = [];

function deviceSecret(mnemonic: string): string {
  return fixtures.terminals.find((terminal) => terminal.mnemonic === mnemonic)!.deviceSecret;
}

async function connect(mnemonic: string): Promise<TerminalClient> {
  const client = new TerminalClient({ url: network!.terminalsUrl, mnemonic, deviceSecret: deviceSecret(mnemonic), requestTimeoutMs: 15_000, reconnect: { enabled: false } });
  clients.push(client);
  await client.connect();
  return client;
}

/** Writes a file until the disk refuses: the disk is full afterwards. */
function fillDisk(path: string): void {
  const chunk = Buffer.alloc(64 * 1024, 0x5a);
  const fd = openSync(path, 'w');
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
  // The last bytes that still fit.
  const small = Buffer.alloc(512, 0x5a);
  const tail = openSync(`${path}.tail`, 'w');
  try {
    for (;;) writeSync(tail, small);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(tail);
  }
}

beforeAll(async () => {
  fixtures = await loadFixtures();
  dir = mkdtempSync(join(tmpdir(), 'clets-full-disk-'));
  disk = join(dir, 'audit-disk');
  mkdirSync(disk);
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${DISK_BYTES}`, 'tmpfs', disk], { stdio: ['ignore', 'ignore', 'pipe'] });
    mounted = true;
  } catch (error) {
    mountRefusal = String((error as { stderr?: Buffer }).stderr ?? (error as Error).message).trim();
    return;
  }
  network = await startCountyNetwork({
    dir,
    switchConfig: {
      audit: { path: join(disk, 'county-19-audit.db') },
      limits: { requestDeadlineMs: 5_000 },
      // The audit rules are the subject here, not the login rules.
      security: { policy: 'plain' },
    },
  });
}, 120_000);

afterAll(async () => {
  for (const client of clients) await client.close();
  await network?.stop();
  if (mounted) execFileSync('umount', ['-l', disk]);
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('the audit database on a disk that fills up', () => {
  it('never answers or logs anyone in without the committed row, and recovers when there is room', async (context) => {
    if (!mounted) context.skip(`cannot mount a tmpfs here (${mountRefusal || 'mount refused'}): needs root or CAP_SYS_ADMIN`);
    const sender = await connect('LA01');
    await sender.login({ operatorId: 'OP1001', password: 'Demo-Pass-1001!' });
    expect((await sender.sendOrThrow(QW)).outcome).toBe('completed');

    // 200 inquiries, ten at a time; the disk fills once 20 have their receipt, so it fills
    // with transactions at every stage (receipted and waiting for their systems, above all).
    const results = new Map<string, TransactionResult>();
    let next = 0;
    let receipts = 0;
    let filled = false;
    const worker = async (): Promise<void> => {
      while (next < 200) {
        const id = `FULL-${next++}`;
        results.set(id, await sender.send(QW, {
          clientMessageId: id,
          onProgress: (progress) => {
            if (progress.kind !== 'receipt' || (receipts += 1) < 20 || filled) return;
            filled = true;
            fillDisk(join(disk, 'filler'));
          },
        }));
      }
    };
    await Promise.all(Array.from({ length: 10 }, worker));
    expect(filled).toBe(true);

    const refusedWhole = [...results.values()].filter((result) => result.outcome === 'rejected' && result.rejected.code === 'CLETS_ERR_AUDIT_UNAVAILABLE').length;
    const withheld = [...results.values()].filter((result) => result.rejects.some((reject) => reject.code === 'CLETS_ERR_AUDIT_UNAVAILABLE')).length;
    // The disk did fill: otherwise this test would prove nothing.
    expect(refusedWhole + withheld).toBeGreaterThan(0);

    // A login while the store cannot write is refused, not granted without its row.
    const late = await connect('LA02');
    await expect(late.login({ operatorId: 'OP1005', password: 'Demo-Pass-1005!' })).rejects.toMatchObject({ code: 'CLETS_ERR_AUDIT_UNAVAILABLE' });

    // Room again: the store's probe succeeds and the switch serves.
    rmSync(join(disk, 'filler'));
    rmSync(join(disk, 'filler.tail'));
    await waitUntil(async () => (await fetch(`${network!.httpUrl}/readyz`)).status === 200, 20_000);
    await late.login({ operatorId: 'OP1005', password: 'Demo-Pass-1005!' });
    expect((await late.sendOrThrow(QW)).outcome).toBe('completed');
    await sender.close();
    await late.close();
    await network!.stop();

    const path = join(disk, 'county-19-audit.db');
    expect(verifyAuditDatabase(path).ok).toBe(true);
    const db = new Database(path, { readonly: true });
    // A response is recorded in a response row, or (the last system's to end) in the completion row.
    const responseRows = new Set((db.prepare(`SELECT client_message_id AS id, json_extract(detail, '$.system') AS system FROM audit_log WHERE type = 'response'
      UNION ALL SELECT client_message_id AS id, json_extract(answer.value, '$.system') AS system
        FROM audit_log, json_each(audit_log.detail, '$.responses') AS answer WHERE audit_log.type = 'completion'`).all() as { id: string; system: string }[])
      .map((row) => `${row.id}/${row.system}`));
    const logons = (db.prepare("SELECT operator_id AS operator, terminal FROM audit_log WHERE type = 'logon'").all() as { operator: string; terminal: string }[])
      .map((row) => `${row.operator}@${row.terminal}`);
    db.close();
    const answeredWithoutRow = [...results].flatMap(([id, result]) => result.responses.map((response) => `${id}/${response.system}`)).filter((key) => !responseRows.has(key));
    expect(answeredWithoutRow).toEqual([]);
    // Two logins granted (LA01 before the disk filled, LA02 after it had room): two rows.
    expect(logons.filter((logon) => logon === 'OP1001@LA01' || logon === 'OP1005@LA02')).toEqual(['OP1001@LA01', 'OP1005@LA02']);
  }, 120_000);
});

async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
