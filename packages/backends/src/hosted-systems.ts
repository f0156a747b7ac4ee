/**
 * The real mock systems for a config: the data read from the data files (by main.ts) and the
 * systems' SQLite file of updates. Kept apart from the service so the service is built (and
 * tested) around any MockSystem map.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { FixtureSet } from '@clets/data-files';
import type { SystemName } from '@clets/protocol';
import type { BackendConfig } from './config.js';
import type { MockSystem } from './system.js';
import { createSystems } from './systems/index.js';

/** Opens the systems `config.systems` lists over `data`. The caller (the service) closes them. */
export function openHostedSystems(config: Pick<BackendConfig, 'systems' | 'updatesDbPath'> & Partial<Pick<BackendConfig, 'records'>>, data: FixtureSet): Map<SystemName, MockSystem> {
  if (config.updatesDbPath !== ':memory:') mkdirSync(dirname(resolve(config.updatesDbPath)), { recursive: true });
  const records = config.records;
  return createSystems({
    data, updatesDbPath: config.updatesDbPath, systems: [...config.systems],
    ...(records === undefined ? {} : {
      recordCare: {
        secondPartyCheckMs: records.secondPartyCheckHours * 3_600_000, firstValidationDays: records.firstValidationDays,
        validationIntervalDays: records.validationIntervalDays, overdueGraceDays: records.overdueGraceDays,
      },
    }),
  });
}
