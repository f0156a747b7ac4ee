/**
 * What a switch knows of the agencies, terminals and operators it serves and, for the CJIS
 * misuse rules, of the persons a transaction may name: handed to `buildSwitch` by main.ts,
 * read once from the data files (the fixture format, `@clets/data-files`, each record checked
 * against its file's schema), or by a test from wherever it likes. The registry and the CJIS
 * security are both built from this one object.
 */
import { readCollections } from '@clets/data-files';
import type { SubjectIndexInput } from './security/misuse.js';
import type { AgencyProfile } from './security/agency-records.js';
import type { AgencyRecord, OperatorSeed } from './security/operator-store.js';
import type { NewPersonnel } from './security/personnel.js';
import type { RegisteredTerminal } from './security/registry.js';

export interface SwitchData extends Partial<SubjectIndexInput> {
  /** Every agency of the network, each naming the switch that serves it: a switch keeps its own. */
  readonly agencies: readonly (AgencyRecord & { readonly switchId?: string })[];
  readonly terminals: readonly RegisteredTerminal[];
  readonly operators: readonly OperatorSeed[];
  /** Staff with access who are not operators (the CJIS policy keeps their training). */
  readonly personnel?: readonly NewPersonnel[];
  /** Each agency's record for DOJ: head, ACC, SPOC, contacts, agreements. */
  readonly agencyRecords?: readonly Omit<AgencyProfile, 'updatedAt'>[];
}

/** The files of the registry, and those the CJIS policy needs: subjects of the misuse rules, staff, agency records. */
const REGISTRY_FILES = ['agencies', 'terminals', 'operators'] as const;
const SUBJECT_FILES = ['persons', 'licenses', 'vehicles', 'watchlist', 'personnel', 'agencyRecords'] as const;

/**
 * Reads a switch's data from a folder of data files: the registry, and when the CJIS policy
 * needs them, the subjects of the misuse rules, the staff and the agencies' records.
 */
export async function readSwitchData(dir: string, options: { readonly subjects: boolean }): Promise<SwitchData> {
  return readCollections(dir, options.subjects ? [...REGISTRY_FILES, ...SUBJECT_FILES] : REGISTRY_FILES);
}
