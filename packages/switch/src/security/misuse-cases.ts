/**
 * Misuse investigations (docs/domain.md section 3; seeds 001/002): an Agency CLETS
 * Coordinator opens a case from a complaint, from a flag on the review queue or from a hit
 * of an audit search, records each step and its evidence (audit rows, checked to be rows the
 * coordinator may read), and closes it with a finding and a sanction, tied to the operator's
 * deactivation where there is one. Every case opened in a year goes into the annual report
 * to DOJ, due February 1, with or without a finding.
 *
 * Tables in the security database. Cases and their steps are never deleted (triggers refuse
 * it) and a step is never changed: a case's history is its steps, in order.
 */
import { CletsError } from '@clets/protocol';
import { ensureSchema, type SecurityDatabase } from './security-database.js';

/** How a case began. */
export const CASE_SOURCES = ['complaint', 'flag', 'audit'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

/**
 * The findings a case closes with (the sources name "substantiated, unsubstantiated,
 * unfounded"; the rest is the usual set of internal-affairs dispositions):
 * - substantiated: the misuse happened, by this operator;
 * - unsubstantiated: not enough evidence either way;
 * - unfounded: it did not happen (the look-up had a right and a need to know);
 * - exonerated: it happened as alleged, and was proper;
 * - policy_failure: it happened because a policy, a setting or training failed, not the operator.
 */
export const CASE_FINDINGS = ['substantiated', 'unsubstantiated', 'unfounded', 'exonerated', 'policy_failure'] as const;
export type CaseFinding = (typeof CASE_FINDINGS)[number];

/** Sanctions (seed 001: administrative discipline up to discharge, criminal and civil action). */
export const CASE_SANCTIONS = ['none', 'counselling', 'retraining', 'suspension', 'termination', 'referral_for_prosecution'] as const;
export type CaseSanction = (typeof CASE_SANCTIONS)[number];

export type CaseStatus = 'open' | 'closed';

/** An audit row a step refers to, as it was when the step was recorded (its hash ties it to the chain). */
export interface CaseEvidence {
  readonly seq: number;
  readonly at: string;
  readonly type: string;
  readonly operatorId: string | null;
  readonly terminal: string | null;
  readonly ori: string | null;
  readonly messageKey: string | null;
  readonly outcome: string;
  readonly hash: string;
}

export type CaseStepKind = 'opened' | 'note' | 'evidence' | 'review_items' | 'changed' | 'closed';

export interface CaseStep {
  readonly id: number;
  readonly caseId: number;
  readonly at: number;
  readonly by: string;
  readonly kind: CaseStepKind;
  readonly text: string;
  readonly evidence: readonly CaseEvidence[];
  readonly reviewItemIds: readonly number[];
  /** The `admin_action` row that recorded this step. */
  readonly auditSeq: number | null;
}

/** The operator's deactivation a case is tied to. */
export interface CaseDeactivation {
  readonly at: number;
  readonly by: string;
  readonly reason: string;
  /** The audit row of the deactivation. */
  readonly auditSeq: number | null;
  /** Made when the case was closed, or made before and linked. */
  readonly how: 'at-close' | 'linked';
}

export interface MisuseCase {
  readonly id: number;
  /** The agency whose case it is: the operator's, or the coordinator's when no operator is named yet. */
  readonly ori: string;
  /** The operator investigated; null until identified (a complaint may name only the subject). */
  readonly operatorId: string | null;
  /** Who was looked up (`KORVALE, DESMIN 19860412`), or what. */
  readonly subject: string;
  readonly source: CaseSource;
  /** The allegation, in the words of the complaint, flag or search. */
  readonly allegation: string;
  readonly openedAt: number;
  readonly openedBy: string;
  readonly status: CaseStatus;
  readonly finding: CaseFinding | null;
  readonly sanction: CaseSanction | null;
  /** The closing summary. */
  readonly summary: string | null;
  readonly closedAt: number | null;
  readonly closedBy: string | null;
  readonly deactivation: CaseDeactivation | null;
  /** Review items attached (flags on the queue). */
  readonly reviewItemIds: readonly number[];
  /** Every audit row referred to by any step. */
  readonly auditSeqs: readonly number[];
}

export interface MisuseCaseWithSteps extends MisuseCase {
  readonly steps: readonly CaseStep[];
}

export interface NewCase {
  readonly ori: string;
  readonly operatorId: string | null;
  readonly subject: string;
  readonly source: CaseSource;
  readonly allegation: string;
  readonly by: string;
  readonly at: number;
  readonly evidence?: readonly CaseEvidence[];
  readonly reviewItemIds?: readonly number[];
  readonly auditSeq?: number | null;
}

export interface CaseFilter {
  readonly ori?: string | undefined;
  readonly status?: CaseStatus | undefined;
  readonly operatorId?: string | undefined;
  /** Opened at or after (epoch ms). */
  readonly from?: number | undefined;
  /** Opened before (epoch ms). */
  readonly to?: number | undefined;
}

export interface CaseClosing {
  readonly finding: CaseFinding;
  readonly sanction: CaseSanction;
  readonly summary: string;
  readonly deactivation: CaseDeactivation | null;
  readonly by: string;
  readonly at: number;
  readonly auditSeq?: number | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS misuse_cases (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ori TEXT NOT NULL,
  operator_id TEXT,
  subject TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('complaint', 'flag', 'audit')),
  allegation TEXT NOT NULL,
  opened_at INTEGER NOT NULL,
  opened_by TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  finding TEXT,
  sanction TEXT,
  summary TEXT,
  closed_at INTEGER,
  closed_by TEXT,
  deactivation TEXT
) STRICT;
CREATE INDEX IF NOT EXISTS misuse_cases_ori_opened ON misuse_cases (ori, opened_at);
CREATE INDEX IF NOT EXISTS misuse_cases_opened ON misuse_cases (opened_at);
CREATE TABLE IF NOT EXISTS misuse_case_steps (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id INTEGER NOT NULL REFERENCES misuse_cases (id),
  at INTEGER NOT NULL,
  by TEXT NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  evidence TEXT NOT NULL,
  review_item_ids TEXT NOT NULL,
  audit_seq INTEGER
) STRICT;
CREATE INDEX IF NOT EXISTS misuse_case_steps_case ON misuse_case_steps (case_id, id);
CREATE TRIGGER IF NOT EXISTS misuse_cases_never_deleted BEFORE DELETE ON misuse_cases
  BEGIN SELECT RAISE(ABORT, 'misuse cases are never deleted: the annual report lists every one'); END;
CREATE TRIGGER IF NOT EXISTS misuse_case_steps_never_deleted BEFORE DELETE ON misuse_case_steps
  BEGIN SELECT RAISE(ABORT, 'a misuse case step is never deleted'); END;
CREATE TRIGGER IF NOT EXISTS misuse_case_steps_never_changed BEFORE UPDATE ON misuse_case_steps
  BEGIN SELECT RAISE(ABORT, 'a misuse case step is never changed: add another'); END;
`;

const CASE_COLUMNS = `id, ori, operator_id AS operatorId, subject, source, allegation, opened_at AS openedAt, opened_by AS openedBy, status,
  finding, sanction, summary, closed_at AS closedAt, closed_by AS closedBy, deactivation`;
const STEP_COLUMNS = `id, case_id AS caseId, at, by, kind, text, evidence, review_item_ids AS reviewItemIds, audit_seq AS auditSeq`;

type CaseRow = Omit<MisuseCase, 'deactivation' | 'reviewItemIds' | 'auditSeqs'> & { deactivation: string | null };
type StepRow = Omit<CaseStep, 'evidence' | 'reviewItemIds'> & { evidence: string; reviewItemIds: string };

export class MisuseCases {
  constructor(private readonly db: SecurityDatabase) {
    ensureSchema(db, 'misuse_cases', '1', SCHEMA);
  }

  /** Opens a case, with its first step. */
  open(input: NewCase): MisuseCaseWithSteps {
    const id = this.db.transaction(() => {
      const result = this.db.prepare(`INSERT INTO misuse_cases (ori, operator_id, subject, source, allegation, opened_at, opened_by, status)
        VALUES (?, ?, ?, ?, ?, ?, ?, 'open')`).run(input.ori, input.operatorId, input.subject, input.source, input.allegation, input.at, input.by);
      const caseId = Number(result.lastInsertRowid);
      this.#step(caseId, {
        at: input.at, by: input.by, kind: 'opened', text: `FROM ${input.source === 'audit' ? 'AN AUDIT SEARCH' : input.source === 'flag' ? 'A FLAG' : 'A COMPLAINT'}: ${input.allegation}`,
        evidence: input.evidence ?? [], reviewItemIds: input.reviewItemIds ?? [], auditSeq: input.auditSeq ?? null,
      });
      return caseId;
    })();
    return this.get(id)!;
  }

  get(id: number): MisuseCaseWithSteps | undefined {
    const row = this.db.prepare(`SELECT ${CASE_COLUMNS} FROM misuse_cases WHERE id = ?`).get(id) as CaseRow | undefined;
    if (row === undefined) return undefined;
    const steps = (this.db.prepare(`SELECT ${STEP_COLUMNS} FROM misuse_case_steps WHERE case_id = ? ORDER BY id`).all(id) as StepRow[]).map(toStep);
    return { ...toCase(row, steps), steps };
  }

  /** Cases by opening time, oldest first. */
  list(filter: CaseFilter = {}): MisuseCase[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.ori !== undefined) { where.push('ori = ?'); params.push(filter.ori); }
    if (filter.status !== undefined) { where.push('status = ?'); params.push(filter.status); }
    if (filter.operatorId !== undefined) { where.push('operator_id = ?'); params.push(filter.operatorId); }
    if (filter.from !== undefined) { where.push('opened_at >= ?'); params.push(filter.from); }
    if (filter.to !== undefined) { where.push('opened_at < ?'); params.push(filter.to); }
    const rows = this.db.prepare(`SELECT ${CASE_COLUMNS} FROM misuse_cases ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY opened_at, id`)
      .all(...params) as CaseRow[];
    if (rows.length === 0) return [];
    const steps = new Map<number, CaseStep[]>();
    const placeholders = rows.map(() => '?').join(', ');
    for (const step of (this.db.prepare(`SELECT ${STEP_COLUMNS} FROM misuse_case_steps WHERE case_id IN (${placeholders}) ORDER BY id`)
      .all(...rows.map((row) => row.id)) as StepRow[]).map(toStep)) {
      const list = steps.get(step.caseId) ?? [];
      list.push(step);
      steps.set(step.caseId, list);
    }
    return rows.map((row) => toCase(row, steps.get(row.id) ?? []));
  }

  /** Adds a step to an open case. */
  addStep(caseId: number, step: Omit<CaseStep, 'id' | 'caseId'>): MisuseCaseWithSteps {
    this.#openCase(caseId);
    this.#step(caseId, step);
    return this.get(caseId)!;
  }

  /** Changes what an open case says of itself (the operator once identified, the subject, the allegation), as a step. */
  change(caseId: number, changes: { operatorId?: string | null; subject?: string; allegation?: string }, step: Omit<CaseStep, 'id' | 'caseId' | 'kind' | 'evidence' | 'reviewItemIds'>): MisuseCaseWithSteps {
    this.#openCase(caseId);
    this.db.transaction(() => {
      if (changes.operatorId !== undefined) this.db.prepare('UPDATE misuse_cases SET operator_id = ? WHERE id = ?').run(changes.operatorId, caseId);
      if (changes.subject !== undefined) this.db.prepare('UPDATE misuse_cases SET subject = ? WHERE id = ?').run(changes.subject, caseId);
      if (changes.allegation !== undefined) this.db.prepare('UPDATE misuse_cases SET allegation = ? WHERE id = ?').run(changes.allegation, caseId);
      this.#step(caseId, { ...step, kind: 'changed', evidence: [], reviewItemIds: [] });
    })();
    return this.get(caseId)!;
  }

  /** Closes an open case with its finding and sanction (and the deactivation it is tied to). */
  close(caseId: number, closing: CaseClosing): MisuseCaseWithSteps {
    this.#openCase(caseId);
    this.db.transaction(() => {
      this.db.prepare(`UPDATE misuse_cases SET status = 'closed', finding = ?, sanction = ?, summary = ?, closed_at = ?, closed_by = ?, deactivation = ?
        WHERE id = ? AND status = 'open'`).run(
        closing.finding, closing.sanction, closing.summary, closing.at, closing.by,
        closing.deactivation === null ? null : JSON.stringify(closing.deactivation), caseId,
      );
      this.#step(caseId, {
        at: closing.at, by: closing.by, kind: 'closed', auditSeq: closing.auditSeq ?? null, evidence: [], reviewItemIds: [],
        text: `${closing.finding.toUpperCase().replace('_', ' ')}; SANCTION ${closing.sanction.toUpperCase().replaceAll('_', ' ')}; ${closing.summary}`,
      });
    })();
    return this.get(caseId)!;
  }

  #openCase(caseId: number): MisuseCaseWithSteps {
    const found = this.get(caseId);
    if (found === undefined) throw new CletsError('CLETS_ERR_NOT_FOUND', `misuse case ${caseId}`);
    if (found.status === 'closed') throw new CletsError('CLETS_ERR_RESOURCE_CONFLICT', `misuse case ${caseId} was closed by ${found.closedBy ?? '?'}`);
    return found;
  }

  #step(caseId: number, step: Omit<CaseStep, 'id' | 'caseId'>): void {
    this.db.prepare(`INSERT INTO misuse_case_steps (case_id, at, by, kind, text, evidence, review_item_ids, audit_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(caseId, step.at, step.by, step.kind, step.text, JSON.stringify(step.evidence), JSON.stringify(step.reviewItemIds), step.auditSeq);
  }
}

function toStep(row: StepRow): CaseStep {
  return { ...row, evidence: JSON.parse(row.evidence) as CaseEvidence[], reviewItemIds: JSON.parse(row.reviewItemIds) as number[] };
}

function toCase(row: CaseRow, steps: readonly CaseStep[]): MisuseCase {
  return {
    ...row,
    deactivation: row.deactivation === null ? null : JSON.parse(row.deactivation) as CaseDeactivation,
    reviewItemIds: [...new Set(steps.flatMap((step) => step.reviewItemIds))],
    auditSeqs: [...new Set(steps.flatMap((step) => step.evidence.map((evidence) => evidence.seq)))].sort((a, b) => a - b),
  };
}
