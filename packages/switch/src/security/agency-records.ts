/**
 * What an Agency CLETS Coordinator keeps of the agency for DOJ (seed 002, "Administration /
 * record keeping"): the agency head, the ACC and the SPOC with their contacts, the agency's
 * telephone and address, and its contractual agreements (the CLETS Management Control
 * Agreement, its private-contractor form, the FBI CJIS Security Addendum, interagency and
 * reciprocity agreements) with their renewal dates. "Notify DOJ of agency information
 * changes: changes to Agency Head, ACC, SPOC, telephone, address": each change of one of
 * those is kept until it is marked notified, and the agency-changes report lists them.
 *
 * Tables in the security database, seeded from the switch's data; a change is never deleted.
 */
import { CletsError } from '@clets/protocol';
import { ensureSchema, type SecurityDatabase } from './security-database.js';

export const AGREEMENT_KINDS = ['mca', 'private-contractor-mca', 'security-addendum', 'interagency', 'reciprocity'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

/** What a change DOJ must hear of is about (seed 002). */
export const NOTIFIABLE_FIELDS = ['head', 'acc', 'spoc', 'telephone', 'address'] as const;
export type NotifiableField = (typeof NOTIFIABLE_FIELDS)[number];

export interface AgencyContact {
  readonly name: string;
  readonly title: string;
  readonly phone: string;
  readonly email: string;
  readonly operatorId?: string | undefined;
}

export interface AgencyAgreement {
  readonly kind: AgreementKind;
  readonly party: string;
  readonly signedOn: string;
  readonly renewsOn: string;
}

export interface AgencyAddress {
  readonly street: string;
  readonly city: string;
  readonly zip: string;
}

export interface AgencyProfile {
  readonly ori: string;
  readonly head: AgencyContact | null;
  readonly acc: AgencyContact | null;
  readonly spoc: AgencyContact | null;
  readonly telephone: string | null;
  readonly address: AgencyAddress | null;
  readonly agreements: readonly AgencyAgreement[];
  readonly updatedAt: number;
}

export interface AgencyChange {
  readonly id: number;
  readonly ori: string;
  readonly at: number;
  readonly by: string;
  readonly field: NotifiableField;
  readonly from: string;
  readonly to: string;
  /** The `admin_action` row that made it. */
  readonly auditSeq: number | null;
  readonly notifiedAt: number | null;
  readonly notifiedBy: string | null;
  /** How DOJ was told (an e-mail to the CLETS Administration Section, the field representative's name...). */
  readonly reference: string | null;
}

export type ProfileChanges = Partial<Pick<AgencyProfile, NotifiableField>>;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS agency_profiles (
  ori TEXT PRIMARY KEY, body TEXT NOT NULL, updated_at INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS agency_changes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ori TEXT NOT NULL,
  at INTEGER NOT NULL,
  by TEXT NOT NULL,
  field TEXT NOT NULL,
  from_value TEXT NOT NULL,
  to_value TEXT NOT NULL,
  audit_seq INTEGER,
  notified_at INTEGER,
  notified_by TEXT,
  reference TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS agency_changes_ori_at ON agency_changes (ori, at);
CREATE TRIGGER IF NOT EXISTS agency_changes_kept BEFORE DELETE ON agency_changes
  BEGIN SELECT RAISE(ABORT, 'a change DOJ is to hear of is never deleted'); END;
`;

const CHANGE_COLUMNS = `id, ori, at, by, field, from_value AS "from", to_value AS "to", audit_seq AS auditSeq, notified_at AS notifiedAt,
  notified_by AS notifiedBy, reference`;

/** A value as the change log and the report show it. */
export function describeValue(field: NotifiableField, value: AgencyProfile[NotifiableField]): string {
  if (value === null || value === undefined) return '(NONE)';
  if (typeof value === 'string') return value;
  if (field === 'address') {
    const address = value as AgencyAddress;
    return `${address.street}, ${address.city} ${address.zip}`;
  }
  const contact = value as AgencyContact;
  return [contact.name, contact.title, contact.phone, contact.email].join(', ');
}

export class AgencyRecords {
  constructor(private readonly db: SecurityDatabase, private readonly clock: () => number = Date.now) {
    ensureSchema(db, 'agency_records', '1', SCHEMA);
  }

  get(ori: string): AgencyProfile | undefined {
    const body = this.db.prepare('SELECT body FROM agency_profiles WHERE ori = ?').pluck().get(ori) as string | undefined;
    return body === undefined ? undefined : JSON.parse(body) as AgencyProfile;
  }

  list(): AgencyProfile[] {
    return (this.db.prepare('SELECT body FROM agency_profiles ORDER BY ori').pluck().all() as string[]).map((body) => JSON.parse(body) as AgencyProfile);
  }

  /** Stores the profiles not stored yet: the agency's record as the data describe it, no change to notify. */
  seed(profiles: readonly Omit<AgencyProfile, 'updatedAt'>[]): number {
    let added = 0;
    this.db.transaction(() => {
      for (const profile of profiles) {
        if (this.get(profile.ori) !== undefined) continue;
        this.#put({ ...profile, updatedAt: this.clock() });
        added += 1;
      }
    })();
    return added;
  }

  /**
   * Changes the agency's head, ACC, SPOC, telephone or address; each field that really
   * changed is kept as a change DOJ must be told of. An agency with no record yet gets one.
   */
  update(ori: string, changes: ProfileChanges, by: string, auditSeq: number | null): { profile: AgencyProfile; changes: AgencyChange[] } {
    const now = this.clock();
    const current = this.get(ori) ?? emptyProfile(ori, now);
    const recorded: AgencyChange[] = [];
    const insert = this.db.prepare('INSERT INTO agency_changes (ori, at, by, field, from_value, to_value, audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const next = { ...current, updatedAt: now } as { -readonly [K in keyof AgencyProfile]: AgencyProfile[K] };
    this.db.transaction(() => {
      for (const field of NOTIFIABLE_FIELDS) {
        if (!(field in changes)) continue;
        const value = changes[field] ?? null;
        const from = describeValue(field, current[field]);
        const to = describeValue(field, value);
        (next as Record<string, unknown>)[field] = value;
        if (from === to) continue;
        const id = Number(insert.run(ori, now, by, field, from, to, auditSeq).lastInsertRowid);
        recorded.push(this.#change(id));
      }
      this.#put(next);
    })();
    return { profile: this.get(ori)!, changes: recorded };
  }

  /** Records an agreement, replacing the one of the same kind with the same party (a renewal). */
  putAgreement(ori: string, agreement: AgencyAgreement): AgencyProfile {
    const current = this.get(ori) ?? emptyProfile(ori, this.clock());
    const agreements = [...current.agreements.filter((existing) => existing.kind !== agreement.kind || existing.party !== agreement.party), agreement]
      .sort((a, b) => a.kind.localeCompare(b.kind) || a.party.localeCompare(b.party));
    this.#put({ ...current, agreements, updatedAt: this.clock() });
    return this.get(ori)!;
  }

  /** Changes in time order; `pending`: only those not yet marked notified. */
  changes(filter: { ori?: string | undefined; from?: number | undefined; to?: number | undefined; pending?: boolean | undefined } = {}): AgencyChange[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.ori !== undefined) { where.push('ori = ?'); params.push(filter.ori); }
    if (filter.from !== undefined) { where.push('at >= ?'); params.push(filter.from); }
    if (filter.to !== undefined) { where.push('at < ?'); params.push(filter.to); }
    if (filter.pending === true) where.push('notified_at IS NULL');
    return this.db.prepare(`SELECT ${CHANGE_COLUMNS} FROM agency_changes ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY at, id`)
      .all(...params) as AgencyChange[];
  }

  /** Marks an agency's pending changes (all, or those named) as notified to DOJ; returns them. */
  markNotified(ori: string, ids: readonly number[] | undefined, by: string, reference: string): AgencyChange[] {
    const pending = this.changes({ ori, pending: true });
    const chosen = ids === undefined ? pending : pending.filter((change) => ids.includes(change.id));
    const missing = ids?.filter((id) => !pending.some((change) => change.id === id)) ?? [];
    if (missing.length > 0) throw new CletsError('CLETS_ERR_NOT_FOUND', `no pending change ${missing.join(', ')} of ${ori}`, { field: 'changeIds' });
    const now = this.clock();
    const mark = this.db.prepare('UPDATE agency_changes SET notified_at = ?, notified_by = ?, reference = ? WHERE id = ? AND notified_at IS NULL');
    this.db.transaction(() => { for (const change of chosen) mark.run(now, by, reference, change.id); })();
    return chosen.map((change) => this.#change(change.id));
  }

  #change(id: number): AgencyChange {
    return this.db.prepare(`SELECT ${CHANGE_COLUMNS} FROM agency_changes WHERE id = ?`).get(id) as AgencyChange;
  }

  #put(profile: AgencyProfile): void {
    this.db.prepare(`INSERT INTO agency_profiles (ori, body, updated_at) VALUES (?, ?, ?)
      ON CONFLICT (ori) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at`).run(profile.ori, JSON.stringify(profile), profile.updatedAt);
  }
}

function emptyProfile(ori: string, now: number): AgencyProfile {
  return { ori, head: null, acc: null, spoc: null, telephone: null, address: null, agreements: [], updatedAt: now };
}
