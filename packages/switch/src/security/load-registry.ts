/**
 * The registry of a switch from the fixture files: the agencies this switch serves (each
 * agency names its switch), their terminals and their operators.
 */
import { loadFixtures } from '@clets/fixtures';
import type { SwitchConfig } from '../config.js';
import { buildRegistry, type Registry } from './registry.js';

export async function loadRegistry(config: Pick<SwitchConfig, 'fixturesDir' | 'switchId'>): Promise<Registry> {
  const fixtures = await loadFixtures(config.fixturesDir);
  const agencies = fixtures.agencies.filter((agency) => agency.switchId === config.switchId);
  return buildRegistry({
    agencies: agencies.map((agency) => ({ ori: agency.ori, name: agency.name, countyCode: agency.countyCode, active: agency.active })),
    terminals: fixtures.terminals,
    operators: fixtures.operators,
  });
}
