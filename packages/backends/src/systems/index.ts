/**
 * The factory of the four mock systems. The fixtures are indexed once and the indexes (and
 * the SQLite store of updates) are shared by every system created together, so an entry made
 * through CORI is seen by every file that holds the record.
 */
import type { FixtureSet } from '@clets/fixtures';
import { SYSTEMS, type SystemName } from '@clets/protocol';
import { buildIndexes } from '../data/indexes.js';
import { UpdateStore } from '../data/update-store.js';
import type { MockSystem } from '../system.js';
import { SharedFiles } from './base.js';
import { CoriSystem } from './cori.js';
import { DmvSystem } from './dmv.js';
import { NcicSystem } from './ncic.js';
import { NletsSystem } from './nlets.js';

export interface CreateSystemsOptions {
  readonly fixtures: FixtureSet;
  /** SQLite file of updates (entries, modifications, cancellations); default ':memory:' (none kept). */
  readonly updatesDbPath?: string;
  /** The systems to create; default all four. */
  readonly systems?: readonly SystemName[];
}

const CONSTRUCTORS: Readonly<Record<SystemName, (shared: SharedFiles) => MockSystem>> = {
  NCIC: (shared) => new NcicSystem(shared),
  NLETS: (shared) => new NletsSystem(shared),
  DMV: (shared) => new DmvSystem(shared),
  CORI: (shared) => new CoriSystem(shared),
};

/**
 * Builds the indexes, opens the updates store (re-applying stored updates) and creates the
 * systems. Each system's close() releases its share; the store closes with the last one.
 */
export function createSystems(options: CreateSystemsOptions): Map<SystemName, MockSystem> {
  const files = buildIndexes(options.fixtures);
  const updates = new UpdateStore(options.updatesDbPath ?? ':memory:', files);
  const shared = new SharedFiles(files, updates);
  const systems = new Map<SystemName, MockSystem>();
  for (const name of options.systems ?? SYSTEMS) {
    if (!systems.has(name)) systems.set(name, CONSTRUCTORS[name](shared));
  }
  if (systems.size === 0) updates.close();
  return systems;
}

export { NcicSystem } from './ncic.js';
export { CoriSystem } from './cori.js';
export { DmvSystem } from './dmv.js';
export { NletsSystem, NLETS_STATES, ALL_STATES } from './nlets.js';
export { keysServedBy, targetsServedBy } from './base.js';
