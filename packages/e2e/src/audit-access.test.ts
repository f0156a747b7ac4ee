/**
 * Who reads the audit logs of a running network (the state switch and counties 19 and 37 as
 * processes, configured as the demo is): no shared token reads anything; an administrator
 * reads their own switch's log with their own session, audited under their id; an Agency
 * CLETS Coordinator reads only their agency's rows; a session opened at one switch reads
 * nothing at another.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '@clets/protocol';
import { loadFixtures, type FixtureSet } from '@clets/fixtures';
import { httpCall } from './raw-clients.js';
import { startStateNetwork, STATE_NETWORK_SWITCHES, type StateNetwork, type StateNetworkSwitch } from '@clets/launcher';

let fixtures: FixtureSet;
let network: StateNetwork;

beforeAll(async () => {
  fixtures = await loadFixtures();
  const dir = mkdtempSync(join(tmpdir(), 'clets-audit-access-'));
  network = await startStateNetwork({
    dir,
    perSwitch: Object.fromEntries(STATE_NETWORK_SWITCHES.map((name) => [name, {
      security: { databasePath: join(dir, `${name}-security.db`), settings: { passwords: { scrypt: { cost: 1024 } } } },
    }])),
  });
}, 180_000);

afterAll(async () => {
  await network?.stop();
}, 60_000);

async function adminSession(name: StateNetworkSwitch, operatorId: string): Promise<string> {
  const operator = fixtures.operators.find((candidate) => candidate.id === operatorId)!;
  const answer = await httpCall(`${network.httpUrl(name)}/v1/admin/sessions`, {
    body: { operatorId, password: `Demo-Pass-${operatorId.slice(2)}!`, totpCode: totpCode(operator.totpSecret, Date.now()) },
  });
  expect(answer.status, answer.body).toBe(201);
  return (JSON.parse(answer.body) as { token: string }).token;
}

function read(name: StateNetworkSwitch, token: string, query = ''): ReturnType<typeof httpCall> {
  return httpCall(`${network.httpUrl(name)}/v1/audit${query}`, { headers: { authorization: `Bearer ${token}` } });
}

describe('audit reads on a running network', () => {
  it('reads nothing on any switch with the token the demo switches once shared', async () => {
    for (const name of STATE_NETWORK_SWITCHES) {
      const answer = await read(name, 'demo-admin-token-0001');
      expect([answer.status, JSON.parse(answer.body).error.code]).toEqual([401, 'CLETS_ERR_ADMIN_TOKEN_INVALID']);
    }
  });

  it("lets an administrator read their switch's log under their own id, and nowhere else", async () => {
    const token = await adminSession('county-19', 'OP1010');
    const answer = await read('county-19', token, '?type=admin_action&limit=100');
    expect(answer.status, answer.body).toBe(200);
    const rows = (JSON.parse(answer.body) as { rows: { type: string; operatorId: string }[] }).rows;
    expect(rows.some((row) => row.type === 'admin_action' && row.operatorId === 'OP1010')).toBe(true);
    const elsewhere = await read('county-37', token);
    expect(elsewhere.status).toBe(401);
    const db = new Database(network.auditPath('county-19'), { readonly: true });
    const reads = db.prepare("SELECT operator_id, outcome FROM audit_log WHERE type = 'audit_read'").all() as { operator_id: string; outcome: string }[];
    db.close();
    expect(reads.filter((row) => row.outcome === 'success').map((row) => row.operator_id)).toEqual(['OP1010']);
    expect(reads.some((row) => row.operator_id === 'administrator')).toBe(false);
  });

  it("keeps an Agency CLETS Coordinator to their own agency's rows", async () => {
    const token = await adminSession('county-37', 'OP2008');
    const answer = await read('county-37', token, '?limit=1000');
    expect(answer.status, answer.body).toBe(200);
    const oris = new Set((JSON.parse(answer.body) as { rows: { ori: string | null }[] }).rows.map((row) => row.ori));
    expect([...oris]).toEqual(['CA0370000']);
    const other = await read('county-37', token, '?ori=CA0370100');
    expect([other.status, JSON.parse(other.body).error.code]).toEqual([403, 'CLETS_ERR_ADMIN_NOT_PERMITTED']);
  });
});
