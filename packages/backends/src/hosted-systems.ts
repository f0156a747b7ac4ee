/**
 * The real mock systems for a config: the synthetic fixtures and the systems' SQLite file
 * of updates. Kept apart from the service so the service is built (and tested) around any
 * MockSystem map.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadFixtures } from '@clets/fixtures';
import type { SystemName } from '@clets/protocol';
import type { BackendConfig } from './config.js';
import type { MockSystem } from './system.js';
import { createSystems } from './systems/index.js';

/**
 * Loads the fixtures (`config.fixturesDir`, else the fixtures package's directory) and opens
 * the systems `config.systems` lists. The caller (the service) closes them.
 */
export async function openHostedSystems(
  config: Pick<BackendConfig, 'systems' | 'fixturesDir' | 'updatesDbPath'>,
): Promise<Map<SystemName, MockSystem>> {
  if (config.updatesDbPath !== ':memory:') mkdirSync(dirname(resolve(config.updatesDbPath)), { recursive: true });
  const fixtures = await loadFixtures(config.fixturesDir);
  return createSystems({ fixtures, updatesDbPath: config.updatesDbPath, systems: [...config.systems] });
}
