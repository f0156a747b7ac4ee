/**
 * Staff with access who are not operators (seed 001: "all persons, including non-criminal
 * justice, volunteer personnel, and private vendor technical or maintenance personnel, who
 * have physical access to CLETS equipment [or] information"): IT staff and contractors with
 * logical access, custodial staff and volunteers with unescorted access to a physically
 * secure location. They never log in to the switch; the Agency CLETS Coordinator keeps their
 * background check, employee statement and security awareness training (CJIS 5.2, at the
 * level their access needs), and the expiring-certifications report shows what lapses.
 *
 * A table in the security database, seeded from the switch's data like the operators; a
 * record whose access ended is kept, marked ended.
 */
import type { AwarenessLevel } from '@clets/protocol';
import { awarenessLapse, type AwarenessTraining, type BackgroundCheck, type CertificationLapse } from './certification.js';
import { ensureSchema, type SecurityDatabase } from './security-database.js';
import type { CjisSettings } from './settings.js';

export const PERSONNEL_KINDS = ['it', 'custodial', 'contractor', 'volunteer'] as const;
export type PersonnelKind = (typeof PERSONNEL_KINDS)[number];

/** The awareness level each kind of access needs (CJIS 5.2 AT-3). */
export const PERSONNEL_AWARENESS: Readonly<Record<PersonnelKind, AwarenessLevel>> = {
  it: 'privileged', contractor: 'privileged', custodial: 'basic', volunteer: 'basic',
};

export interface PersonnelRecord {
  readonly id: string;
  readonly ori: string;
  readonly name: { readonly last: string; readonly first: string };
  readonly kind: PersonnelKind;
  readonly access: 'unescorted' | 'logical';
  readonly backgroundCheck: BackgroundCheck;
  readonly employeeStatementSignedOn: string | null;
  readonly securityAwareness: AwarenessTraining | null;
  /** The day their access ended; null while they have it. */
  readonly endedOn: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
}

export type NewPersonnel = Omit<PersonnelRecord, 'createdAt' | 'updatedAt' | 'endedOn'> & { readonly endedOn?: string | null };
export type PersonnelChanges = Partial<Pick<PersonnelRecord, 'backgroundCheck' | 'employeeStatementSignedOn' | 'securityAwareness' | 'endedOn'>>;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS personnel (
  id TEXT PRIMARY KEY, ori TEXT NOT NULL, body TEXT NOT NULL, updated_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS personnel_ori ON personnel (ori);
`;

export class PersonnelStore {
  constructor(private readonly db: SecurityDatabase, private readonly clock: () => number = Date.now) {
    ensureSchema(db, 'personnel', '1', SCHEMA);
  }

  get(id: string): PersonnelRecord | undefined {
    const body = this.db.prepare('SELECT body FROM personnel WHERE id = ?').pluck().get(id) as string | undefined;
    return body === undefined ? undefined : JSON.parse(body) as PersonnelRecord;
  }

  list(filter: { ori?: string | undefined; kind?: PersonnelKind | undefined } = {}): PersonnelRecord[] {
    const rows = (filter.ori === undefined
      ? this.db.prepare('SELECT body FROM personnel ORDER BY id').pluck().all()
      : this.db.prepare('SELECT body FROM personnel WHERE ori = ? ORDER BY id').pluck().all(filter.ori)) as string[];
    return rows.map((body) => JSON.parse(body) as PersonnelRecord).filter((record) => filter.kind === undefined || record.kind === filter.kind);
  }

  /** Inserts a record; undefined when the id is taken. */
  create(record: NewPersonnel): PersonnelRecord | undefined {
    if (this.get(record.id) !== undefined) return undefined;
    const now = this.clock();
    return this.#put({ ...record, endedOn: record.endedOn ?? null, createdAt: now, updatedAt: now });
  }

  update(id: string, changes: PersonnelChanges): PersonnelRecord | undefined {
    const current = this.get(id);
    if (current === undefined) return undefined;
    return this.#put({ ...current, ...changes, id, updatedAt: this.clock() });
  }

  /** Inserts the records not stored yet (a restart keeps what the coordinator changed). */
  seed(records: readonly NewPersonnel[]): number {
    let added = 0;
    this.db.transaction(() => { for (const record of records) if (this.create(record) !== undefined) added += 1; })();
    return added;
  }

  #put(record: PersonnelRecord): PersonnelRecord {
    this.db.prepare(`INSERT INTO personnel (id, ori, body, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET ori = excluded.ori, body = excluded.body, updated_at = excluded.updated_at`)
      .run(record.id, record.ori, JSON.stringify(record), record.updatedAt);
    return record;
  }
}

/** What keeps a staff member from their access now, or undefined: background check, then awareness at their level. */
export function personnelLapse(record: PersonnelRecord, now: number, settings: CjisSettings['certification']): CertificationLapse | undefined {
  if (record.backgroundCheck !== 'cleared') return { code: 'CLETS_ERR_CERT_BACKGROUND', detail: `fingerprint background check ${record.backgroundCheck}` };
  return awarenessLapse(record.securityAwareness, PERSONNEL_AWARENESS[record.kind], now, settings);
}
