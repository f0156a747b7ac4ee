/**
 * The links of the state network as real processes, over TLS as the demo runs them (with a
 * certificate made here by openssl; plain ws:// when openssl is missing): every link secret
 * inside TLS, and frame limits that agree end to end (a name search with 200 hits travels
 * backends -> state -> county -> terminal in one answer, where a 64 KiB limit on one hop
 * used to close the whole link).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HitStatus } from '@clets/protocol';
import { defaultFixturesDir, loadFixtures, type FixtureSet } from '@clets/fixtures';
import { openLink } from '@clets/backends/testing';
import { TerminalClient } from '@clets/terminal';
import { hasOpenssl, selfSignedCertificate, startStateNetwork, type StateNetwork, type StateNetworkSwitch } from '@clets/launcher';

const RTE = 'RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP SUSPECT VEH;CASE:26-001234';
/** A synthetic person of this test's own fixture copy, wanted 200 times over. */
const MANY = { id: 'P9000001', last: 'QUORVELL', first: 'TANISTEN', sex: 'M', dob: '19770309' } as const;
const HITS = 200;

let fixtures: FixtureSet;
let network: StateNetwork;
let backendFixtures: string;
let certificate: { certFile: string; keyFile: string; ca: Buffer } | undefined;
const clients: TerminalClient[] = [];

const HAS_OPENSSL = hasOpenssl();

/** A self-signed certificate for 127.0.0.1, as the demo makes one; none without openssl. */
function makeCertificate(dir: string): typeof certificate {
  if (!HAS_OPENSSL) return undefined;
  const { cert, key } = selfSignedCertificate(dir, { subject: '/CN=clets-e2e' });
  return { certFile: cert, keyFile: key, ca: readFileSync(cert) };
}

/**
 * A copy of the committed fixtures with one more person and 200 warrants about them, for
 * the backends of this test only (the committed set stays as it is).
 */
function fixturesWithManyHits(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clets-many-hits-'));
  cpSync(defaultFixturesDir(), dir, { recursive: true });
  const read = (file: string): Record<string, unknown>[] => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>[];
  const persons = read('persons.json');
  const template = persons.find((person) => person['id'] === 'P0000002');
  persons.push({
    ...template, ...MANY, address: { street: '100 TEST FIXTURE WAY', city: 'LOMITA RIDGE', state: 'CA', zip: '91355' },
  });
  const warrants = read('warrants.json');
  const first = warrants[0];
  for (let n = 1; n <= HITS; n += 1) {
    const serial = String(n).padStart(6, '0');
    warrants.push({ ...first, id: `WA9${serial}`, nic: `W99${serial.padStart(7, '0')}`, personId: MANY.id, oca: `26-9${serial}`, file: 'NCIC' });
  }
  writeFileSync(join(dir, 'persons.json'), JSON.stringify(persons));
  writeFileSync(join(dir, 'warrants.json'), JSON.stringify(warrants));
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { counts: Record<string, number> };
  manifest.counts['persons'] = persons.length;
  manifest.counts['warrants'] = warrants.length;
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

async function terminal(mnemonic: string, operatorId: string, switchName: StateNetworkSwitch): Promise<TerminalClient> {
  const fixture = fixtures.terminals.find((candidate) => candidate.mnemonic === mnemonic);
  if (fixture === undefined) throw new Error(`no fixture terminal ${mnemonic}`);
  const client = new TerminalClient({
    url: network.terminalsUrl(switchName), mnemonic, deviceSecret: fixture.deviceSecret, requestTimeoutMs: 20_000,
    ...(certificate !== undefined ? { tls: { ca: certificate.ca } } : {}),
  });
  clients.push(client);
  await client.connect();
  await client.login({ operatorId, password: `Demo-Pass-${operatorId.slice(2)}!` });
  return client;
}

/** GET over http or https (trusting this test's certificate): the status code. */
function status(url: string): Promise<number> {
  if (!url.startsWith('https:')) return fetch(url).then((response) => response.status);
  return new Promise((resolve, reject) => {
    get(url, { ca: certificate?.ca }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', reject);
  });
}

async function ready(name: StateNetworkSwitch): Promise<boolean> {
  return (await status(`${network.httpUrl(name)}/readyz`)) === 200;
}

beforeAll(async () => {
  fixtures = await loadFixtures();
  backendFixtures = fixturesWithManyHits();
  certificate = makeCertificate(backendFixtures);
  network = await startStateNetwork({
    ...(certificate !== undefined ? { tls: { certFile: certificate.certFile, keyFile: certificate.keyFile } } : {}),
    backendConfig: { fixturesDir: backendFixtures },
    switchConfig: { limits: { requestDeadlineMs: 10_000 }, security: { policy: 'plain' } },
  });
  const started = Date.now();
  while (!(await Promise.all((['state', 'county-19', 'county-37'] as const).map(ready))).every(Boolean)) {
    if (Date.now() - started > 30_000) throw new Error('the network did not become ready');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}, 120_000);

afterAll(async () => {
  for (const client of clients) await client.close();
  await network?.stop();
  if (network !== undefined) rmSync(network.dir, { recursive: true, force: true });
  if (backendFixtures !== undefined) rmSync(backendFixtures, { recursive: true, force: true });
}, 60_000);

describe('links of the state network', () => {
  it.skipIf(!HAS_OPENSSL)('runs every link over TLS: the state to the systems, each county to the state; no link speaks plain ws', async () => {
    expect(String(network.backends.info['link'])).toMatch(/^wss:\/\//);
    expect(network.peersUrl).toMatch(/^wss:\/\//);
    for (const name of ['state', 'county-19', 'county-37'] as const) {
      const config = JSON.parse(readFileSync(join(network.dir, `${name}.json`), 'utf8')) as { links: { url: string; tls?: { caFile: string } }[] };
      expect(config.links.length).toBeGreaterThan(0);
      for (const link of config.links) {
        expect(link.url).toMatch(/^wss:\/\//);
        expect(link.tls?.caFile).toBe(certificate?.certFile);
      }
    }
    // Up over TLS (readiness needs every link up), and nobody may speak to them in clear.
    expect(await Promise.all((['state', 'county-19', 'county-37'] as const).map(ready))).toEqual([true, true, true]);
    await expect(openLink(network.peersUrl.replace('wss://', 'ws://'), { timeoutMs: 5_000 })).rejects.toThrow();
    await expect(openLink(`${String(network.backends.info['link']).replace('wss://', 'ws://')}/NCIC`, { timeoutMs: 5_000 })).rejects.toThrow();
  });

  it('brings a 200-hit name search from NCIC through the state and county 19 to the terminal in one answer', async () => {
    const client = await terminal('LA01', 'OP1001', 'county-19');
    const result = await client.send(`QW.CA0190000.NAM/${MANY.last},${MANY.first}.SEX/${MANY.sex}.DOB/${MANY.dob}.${RTE}`);
    expect(result.outcome).toBe('completed');
    expect(result.rejects).toEqual([]);
    const ncic = result.responses.find((response) => response.system === 'NCIC');
    expect(ncic?.status).toBe(HitStatus.HIT_STATUS_HIT);
    expect(ncic?.records).toHaveLength(HITS);
    expect(new Set(ncic?.records?.map((record) => record.recordId)).size).toBe(HITS);
    expect(ncic?.header?.hops?.map((hop) => hop.switchId)).toEqual(['county-19', 'state']);
    // The link stayed up for the next one.
    const next = await client.send(`QW.CA0190000.NAM/${MANY.last},${MANY.first}.SEX/${MANY.sex}.DOB/${MANY.dob}.${RTE}`);
    expect(next.responses.find((response) => response.system === 'NCIC')?.records).toHaveLength(HITS);
  });
});
