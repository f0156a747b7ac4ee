/**
 * Starts a backend service FOR TESTS: loopback, free ports, silent logs, one link peer, and
 * fake systems unless real ones are given.
 */
import { SYSTEMS, type SystemName } from '@clets/protocol';
import { parseBackendConfig, type BackendConfigInput } from '../config.js';
import { buildBackendService, type BackendAddresses, type BackendDeps, type BackendService } from '../service.js';
import type { MockSystem } from '../system.js';
import { createFakeSystems } from './fake-system.js';

/** The link peer every test backend accepts. */
export const TEST_PEER = Object.freeze({ peerId: 'county-19', secret: 'test-link-secret-19' });

export interface TestBackend {
  readonly service: BackendService;
  readonly addresses: BackendAddresses;
  readonly systems: ReadonlyMap<SystemName, MockSystem>;
}

export async function startTestBackend(
  config: Partial<BackendConfigInput> = {},
  deps: Partial<BackendDeps> = {},
): Promise<TestBackend> {
  const parsed = parseBackendConfig({
    host: '127.0.0.1',
    port: 0,
    controlPort: 0,
    links: [TEST_PEER],
    updatesDbPath: ':memory:',
    log: { level: 'silent' },
    ...config,
  });
  const systems = deps.systems ?? createFakeSystems(config.systems ?? [...SYSTEMS]);
  const service = buildBackendService(parsed, { ...deps, systems });
  const addresses = await service.listen();
  return { service, addresses, systems };
}
