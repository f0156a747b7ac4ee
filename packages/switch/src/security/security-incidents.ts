/**
 * Security incidents, the Security Point of Contact's record (seed 002: the incident response
 * plan, CJIS Security Policy 5.3, "defines when the CLETS IT Security Incident Response form
 * would be used"): what happened, when it happened and was reported, the audit rows that
 * show it, and where it stands (open, contained, closed), with every update in order and the
 * day DOJ was told. Tables in the security database; never deleted, updates never changed.
 */
import { CletsError } from '@clets/protocol';
import type { CaseEvidence } from './misuse-cases.js';
import { ensureSchema, type SecurityDatabase } from './security-database.js';

export const INCIDENT_CATEGORIES = [
  'unauthorized-access', 'credential-compromise', 'malware', 'lost-or-stolen-device', 'physical', 'misuse', 'other',
] as const;
export type IncidentCategory = (typeof INCIDENT_CATEGORIES)[number];

export const INCIDENT_STATUSES = ['open', 'contained', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export interface IncidentUpdate {
  readonly id: number;
  readonly incidentId: number;
  readonly at: number;
  readonly by: string;
  readonly status: IncidentStatus;
  readonly note: string;
  readonly evidence: readonly CaseEvidence[];
  /** The `admin_action` row that recorded it. */
  readonly auditSeq: number | null;
}

export interface SecurityIncident {
  readonly id: number;
  readonly ori: string;
  readonly category: IncidentCategory;
  /** What happened. */
  readonly summary: string;
  /** When it happened (epoch ms), as far as known. */
  readonly occurredAt: number;
  readonly reportedAt: number;
  readonly reportedBy: string;
  readonly status: IncidentStatus;
  /** The day DOJ was told ('YYYY-MM-DD'), once it was. */
  readonly dojNotifiedOn: string | null;
  /** Every audit row any update refers to. */
  readonly auditSeqs: readonly number[];
  readonly updates: readonly IncidentUpdate[];
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS security_incidents (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ori TEXT NOT NULL,
  category TEXT NOT NULL,
  summary TEXT NOT NULL,
  occurred_at INTEGER NOT NULL,
  reported_at INTEGER NOT NULL,
  reported_by TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'contained', 'closed')),
  doj_notified_on TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS security_incidents_ori ON security_incidents (ori, reported_at);
CREATE TABLE IF NOT EXISTS security_incident_updates (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  incident_id INTEGER NOT NULL REFERENCES security_incidents (id),
  at INTEGER NOT NULL,
  by TEXT NOT NULL,
  status TEXT NOT NULL,
  note TEXT NOT NULL,
  evidence TEXT NOT NULL,
  audit_seq INTEGER
) STRICT;
CREATE INDEX IF NOT EXISTS security_incident_updates_incident ON security_incident_updates (incident_id, id);
CREATE TRIGGER IF NOT EXISTS security_incidents_kept BEFORE DELETE ON security_incidents
  BEGIN SELECT RAISE(ABORT, 'security incidents are never deleted'); END;
CREATE TRIGGER IF NOT EXISTS security_incident_updates_kept BEFORE DELETE ON security_incident_updates
  BEGIN SELECT RAISE(ABORT, 'an incident update is never deleted'); END;
CREATE TRIGGER IF NOT EXISTS security_incident_updates_fixed BEFORE UPDATE ON security_incident_updates
  BEGIN SELECT RAISE(ABORT, 'an incident update is never changed: add another'); END;
`;

const INCIDENT_COLUMNS = `id, ori, category, summary, occurred_at AS occurredAt, reported_at AS reportedAt, reported_by AS reportedBy, status,
  doj_notified_on AS dojNotifiedOn`;
const UPDATE_COLUMNS = 'id, incident_id AS incidentId, at, by, status, note, evidence, audit_seq AS auditSeq';

type IncidentRow = Omit<SecurityIncident, 'auditSeqs' | 'updates'>;
type UpdateRow = Omit<IncidentUpdate, 'evidence'> & { evidence: string };

export interface NewIncident {
  readonly ori: string;
  readonly category: IncidentCategory;
  readonly summary: string;
  readonly occurredAt: number;
  readonly by: string;
  readonly at: number;
  readonly evidence?: readonly CaseEvidence[];
  readonly auditSeq?: number | null;
}

export class SecurityIncidents {
  constructor(private readonly db: SecurityDatabase) {
    ensureSchema(db, 'security_incidents', '1', SCHEMA);
  }

  record(input: NewIncident): SecurityIncident {
    const id = this.db.transaction(() => {
      const incidentId = Number(this.db.prepare(`INSERT INTO security_incidents (ori, category, summary, occurred_at, reported_at, reported_by, status)
        VALUES (?, ?, ?, ?, ?, ?, 'open')`).run(input.ori, input.category, input.summary, input.occurredAt, input.at, input.by).lastInsertRowid);
      this.#update(incidentId, { at: input.at, by: input.by, status: 'open', note: `REPORTED: ${input.summary}`, evidence: input.evidence ?? [], auditSeq: input.auditSeq ?? null });
      return incidentId;
    })();
    return this.get(id)!;
  }

  get(id: number): SecurityIncident | undefined {
    const row = this.db.prepare(`SELECT ${INCIDENT_COLUMNS} FROM security_incidents WHERE id = ?`).get(id) as IncidentRow | undefined;
    if (row === undefined) return undefined;
    const updates = (this.db.prepare(`SELECT ${UPDATE_COLUMNS} FROM security_incident_updates WHERE incident_id = ? ORDER BY id`).all(id) as UpdateRow[])
      .map((update) => ({ ...update, evidence: JSON.parse(update.evidence) as CaseEvidence[] }));
    const auditSeqs = [...new Set(updates.flatMap((update) => update.evidence.map((evidence) => evidence.seq)))].sort((a, b) => a - b);
    return { ...row, auditSeqs, updates };
  }

  list(filter: { ori?: string | undefined; status?: IncidentStatus | undefined } = {}): SecurityIncident[] {
    const where: string[] = [];
    const params: string[] = [];
    if (filter.ori !== undefined) { where.push('ori = ?'); params.push(filter.ori); }
    if (filter.status !== undefined) { where.push('status = ?'); params.push(filter.status); }
    const ids = this.db.prepare(`SELECT id FROM security_incidents ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY reported_at, id`)
      .pluck().all(...params) as number[];
    return ids.map((id) => this.get(id)!);
  }

  /** Adds an update (a note, evidence, a new status, DOJ told); a closed incident takes no more. */
  update(id: number, update: Omit<IncidentUpdate, 'id' | 'incidentId'> & { readonly dojNotifiedOn?: string | undefined }): SecurityIncident {
    const current = this.get(id);
    if (current === undefined) throw new CletsError('CLETS_ERR_NOT_FOUND', `security incident ${id}`);
    if (current.status === 'closed') throw new CletsError('CLETS_ERR_RESOURCE_CONFLICT', `security incident ${id} is closed`);
    this.db.transaction(() => {
      this.db.prepare('UPDATE security_incidents SET status = ?, doj_notified_on = COALESCE(?, doj_notified_on) WHERE id = ?')
        .run(update.status, update.dojNotifiedOn ?? null, id);
      this.#update(id, update);
    })();
    return this.get(id)!;
  }

  #update(incidentId: number, update: Omit<IncidentUpdate, 'id' | 'incidentId'>): void {
    this.db.prepare(`INSERT INTO security_incident_updates (incident_id, at, by, status, note, evidence, audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(incidentId, update.at, update.by, update.status, update.note, JSON.stringify(update.evidence), update.auditSeq);
  }
}
