/**
 * The service around the real mock systems and fixtures: what a switch sees over a link.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadFixtures, WELL_KNOWN } from '@clets/fixtures';
import { HitStatus, SYSTEMS, messageKey, type LinkRequest } from '@clets/protocol';
import { parseBackendConfig } from './config.js';
import { openHostedSystems } from './hosted-systems.js';
import { buildBackendService, type BackendService } from './service.js';
import { chooseByRoute } from './system-choice.js';
import { connectLink } from './testing/link-probe.js';
import { TEST_PEER } from './testing/start-backend.js';

// Loading the fixtures takes a moment on a busy machine: generous deadlines, no timing.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 30_000 });

let service: BackendService | undefined;
let directory: string | undefined;

afterEach(async () => {
  await service?.close();
  service = undefined;
  if (directory) rmSync(directory, { recursive: true, force: true });
  directory = undefined;
});

function dq(requestId: string, oln: string, state: string): LinkRequest {
  return {
    requestId,
    transaction: {
      header: { clientMessageId: `m-${requestId}`, control: 'IT01', messageKey: 'DQ', ori: 'CA0190000', terminal: 'LA01', operatorId: 'OP1001' },
      routeTo: { requester: 'DEP R VALE 4411', reason: 'TRAFFIC STOP 10-55 SUSP VEH', caseNumber: '26-001234' },
      fields: [
        { tag: 'OLN', value: oln },
        { tag: 'OLS', value: state },
      ],
      text: `DQ.CA0190000.OLN/${oln}.OLS/${state}`,
    },
  };
}

describe('openHostedSystems', () => {
  it('hosts every real system behind one link; a DQ naming no system follows its route', async () => {
    directory = mkdtempSync(join(tmpdir(), 'clets-backends-'));
    const config = parseBackendConfig({ links: [TEST_PEER], log: { level: 'silent' }, updatesDbPath: join(directory, 'var', 'updates.sqlite') });
    const systems = openHostedSystems(config, await loadFixtures());
    expect([...systems.keys()].sort()).toEqual([...SYSTEMS].sort());
    service = buildBackendService(config, { systems, chooseSystem: chooseByRoute(messageKey) });
    const addresses = await service.listen();
    const client = await connectLink(addresses.link, TEST_PEER);

    const home = WELL_KNOWN.validLicense;
    const [dmv] = await client.request(dq('dq-ca', home.oln, home.state));
    expect(dmv?.reject).toBeFalsy();
    expect(dmv?.responses?.[0]).toMatchObject({ system: 'DMV', status: HitStatus.HIT_STATUS_HIT });

    const away = WELL_KNOWN.outOfStateLicense;
    const [nlets] = await client.request(dq('dq-nv', away.oln, away.state));
    expect(nlets?.responses?.[0]?.system).toBe('NLETS');

    // The same request id again: the stored reply, byte for byte.
    const [again] = await client.request(dq('dq-ca', home.oln, home.state));
    expect(again).toEqual(dmv);

    // Every system answers each of its keys with a response or a typed reject, never a crash.
    for (const system of systems.values()) {
      for (const key of system.keys) {
        const replies = await client.request({ system: system.name, transaction: { header: { messageKey: key, ori: 'CA0190000' } } });
        const final = replies.at(-1);
        expect(final?.final).toBe(true);
        if (final?.reject) expect(final.reject.code).not.toBe('CLETS_ERR_INTERNAL');
      }
    }
    await client.close();
  });
});
