/**
 * A county switch with the CJIS rules, as a process, tried by an outsider on its login
 * endpoints from other addresses of the loopback: locking operators out through the
 * administration endpoint, telling a right password from a wrong one, flooding logins from
 * one address while a bystander at another address logs in.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures, type FixtureSet } from '@clets/fixtures';
import { startCountyNetwork, type CountyNetwork } from '@clets/launcher';
import { httpCall, rawLogin, RawTerminal, type LoginCredentials } from './raw-clients.js';

let fixtures: FixtureSet;
let network: CountyNetwork;
const terminals: RawTerminal[] = [];

beforeAll(async () => {
  fixtures = await loadFixtures();
  const dir = mkdtempSync(join(tmpdir(), 'clets-login-abuse-'));
  network = await startCountyNetwork({
    dir,
    switchConfig: {
      limits: { loginRate: { burst: 6, perMinute: 1 } },
      security: { databasePath: join(dir, 'security.db'), settings: { passwords: { scrypt: { cost: 1024 } } } },
    },
  });
}, 120_000);

afterAll(async () => {
  for (const terminal of terminals) terminal.close();
  await network?.stop();
}, 60_000);

function credentialsOf(operatorId: string, mnemonic: string, overrides: Partial<LoginCredentials> = {}): LoginCredentials {
  const operator = fixtures.operators.find((candidate) => candidate.id === operatorId)!;
  const terminal = fixtures.terminals.find((candidate) => candidate.mnemonic === mnemonic)!;
  return { mnemonic, deviceSecret: terminal.deviceSecret, operatorId, password: `Demo-Pass-${operatorId.slice(2)}!`, totpSecret: operator.totpSecret, ...overrides };
}

async function loginFrom(localAddress: string, credentials: LoginCredentials): Promise<{ outcome: string; challenged: boolean }> {
  const terminal = await RawTerminal.open(network.terminalsUrl, localAddress);
  terminals.push(terminal);
  const result = await rawLogin(terminal, credentials);
  terminal.close();
  return result;
}

function auditRows(sql: string, ...parameters: unknown[]): Record<string, unknown>[] {
  const db = new Database(network.auditPath, { readonly: true });
  try {
    return db.prepare(sql).all(...parameters) as Record<string, unknown>[];
  } finally {
    db.close();
  }
}

describe('an outsider on the login endpoints of a running switch', () => {
  it('cannot lock an operator out of their terminal through the administration endpoint', async () => {
    const statuses: number[] = [];
    for (let count = 0; count < 9; count++) {
      const answer = await httpCall(`${network.httpUrl}/v1/admin/sessions`, { body: { operatorId: 'OP1002', password: 'guess', totpCode: '000000' }, localAddress: '127.0.0.3' });
      statuses.push(answer.status);
    }
    // Six attempts answered as wrong (the last ones as a lock that only this endpoint knows), then the source is held back.
    expect(statuses).toEqual([401, 401, 401, 401, 423, 423, 429, 429, 429]);
    expect((await loginFrom('127.0.0.4', credentialsOf('OP1002', 'LA01'))).outcome).toBe('ok');
  }, 30_000);

  it('answers a wrong password and a wrong code alike, after a challenge either way', async () => {
    const code = '000000';
    const wrongPassword = await loginFrom('127.0.0.7', credentialsOf('OP1003', 'LA02', { password: 'Wrong-Guess-1' }));
    const wrongCode = await loginFrom('127.0.0.7', credentialsOf('OP1003', 'LA02', { code }));
    expect(wrongPassword).toEqual({ outcome: 'CLETS_ERR_LOGIN_FAILED', challenged: true });
    expect(wrongCode).toEqual(wrongPassword);
  }, 30_000);

  it('holds back a flood of logins from one address while a bystander at another logs in', async () => {
    const outcomes: string[] = [];
    for (let count = 0; count < 10; count++) {
      outcomes.push((await loginFrom('127.0.0.5', credentialsOf('OP1004', 'LA03', { deviceSecret: 'not-the-secret' }))).outcome);
    }
    expect(outcomes).toEqual([...Array(6).fill('CLETS_ERR_TERMINAL_CREDENTIAL'), ...Array(4).fill('CLETS_ERR_RATE_LIMITED')]);
    const gateway = await httpCall(`${network.httpUrl}/v1/sessions`, {
      body: { ...credentialsOf('OP1004', 'LA03'), acknowledgeBanner: true }, localAddress: '127.0.0.5',
    });
    expect(gateway.status).toBe(429);
    expect(Number(gateway.headers['retry-after'])).toBeGreaterThan(0);
    expect(JSON.parse(gateway.body).error.code).toBe('CLETS_ERR_RATE_LIMITED');

    expect((await loginFrom('127.0.0.6', credentialsOf('OP1001', 'LA01'))).outcome).toBe('ok');

    // The failures are audited, the refused attempts are not (a flood must not fill the
    // audit log): one alert per source instead.
    const failures = auditRows("SELECT COUNT(*) AS n FROM audit_log WHERE type = 'logon_failure' AND source_address LIKE '%127.0.0.5'");
    expect(failures[0]!['n']).toBe(6);
    const alerts = auditRows("SELECT source_address, outcome FROM audit_log WHERE type = 'security_alert' ORDER BY seq");
    expect(alerts.map((row) => String(row['source_address']).replace(/^::ffff:/, ''))).toEqual(['127.0.0.3', '127.0.0.5']);
    const metrics = (await httpCall(`${network.httpUrl}/metrics`)).body;
    expect(metrics).toMatch(/clets_login_rate_limited_total\{endpoint="terminal_hello"\} 4/);
  }, 30_000);
});
