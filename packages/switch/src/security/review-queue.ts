/**
 * The misuse review queue (docs/domain.md section 3): every misuse indicator becomes an item the Agency
 * CLETS Coordinator reviews and closes with a finding; every investigation, with or without
 * a finding, goes into the annual report to DOJ (due February 1).
 *
 * SQLite table in the security database; items are never deleted (the annual report needs
 * all of them), only closed.
 */
import { CletsError, type Transaction } from '@clets/protocol';
import type { AuditSink } from '../audit/types.js';
import type { RefusedMisuse } from './cjis-policy.js';
import { ensureSchema, type SecurityDatabase } from './security-database.js';

export type ReviewStatus = 'open' | 'closed';

export interface ReviewItem {
  readonly id: number;
  /** When the flag was raised (epoch ms). */
  readonly at: number;
  readonly operatorId: string;
  readonly ori: string;
  readonly terminal: string | null;
  readonly messageKey: string | null;
  /** 'self-query', 'watch-list', 'relative', 'home-address', 'unusual-volume'. */
  readonly kind: string;
  readonly detail: string;
  /** The audit row of the transaction (or of the refused attempt's misuse_flag row). */
  readonly auditSeq: number | null;
  /** Whether the transaction was refused (self-query) or answered. */
  readonly refused: boolean;
  readonly status: ReviewStatus;
  readonly finding: string | null;
  readonly closedBy: string | null;
  readonly closedAt: number | null;
  /** The misuse case the item was attached to (misuse-cases.ts), if any. */
  readonly caseId: number | null;
}

export interface NewReviewItem {
  readonly at: number;
  readonly operatorId: string;
  readonly ori: string;
  readonly terminal?: string | null | undefined;
  readonly messageKey?: string | null | undefined;
  readonly kind: string;
  readonly detail: string;
  readonly auditSeq?: number | null | undefined;
  readonly refused?: boolean | undefined;
}

export interface ReviewFilter {
  readonly status?: ReviewStatus | undefined;
  /** Inclusive, epoch ms. */
  readonly from?: number | undefined;
  /** Exclusive, epoch ms. */
  readonly to?: number | undefined;
  readonly ori?: string | undefined;
  readonly operatorId?: string | undefined;
  readonly kind?: string | undefined;
  readonly limit?: number | undefined;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS review_items (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  operator_id TEXT NOT NULL,
  ori TEXT NOT NULL,
  terminal TEXT,
  message_key TEXT,
  kind TEXT NOT NULL,
  detail TEXT NOT NULL,
  audit_seq INTEGER,
  refused INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'closed')),
  finding TEXT,
  closed_by TEXT,
  closed_at INTEGER,
  case_id INTEGER
) STRICT;
CREATE INDEX IF NOT EXISTS review_items_at ON review_items (at);
CREATE INDEX IF NOT EXISTS review_items_status ON review_items (status, at);
`;

/** Version 1 items could not be attached to a misuse case. */
const FROM_VERSION_1 = 'ALTER TABLE review_items ADD COLUMN case_id INTEGER;';

const COLUMNS = `id, at, operator_id AS operatorId, ori, terminal, message_key AS messageKey, kind, detail, audit_seq AS auditSeq,
  refused, status, finding, closed_by AS closedBy, closed_at AS closedAt, case_id AS caseId`;

type Row = Omit<ReviewItem, 'refused'> & { refused: number };

export class ReviewQueue {
  constructor(private readonly db: SecurityDatabase) {
    ensureSchema(db, 'review_items', '2', SCHEMA, { '1': [FROM_VERSION_1, '2'] });
  }

  add(item: NewReviewItem): ReviewItem {
    const result = this.db.prepare(`INSERT INTO review_items (at, operator_id, ori, terminal, message_key, kind, detail, audit_seq, refused, status)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'open')`).run(
      item.at, item.operatorId, item.ori, item.terminal ?? null, item.messageKey ?? null, item.kind, item.detail,
      item.auditSeq ?? null, item.refused === true ? 1 : 0,
    );
    return this.get(Number(result.lastInsertRowid))!;
  }

  get(id: number): ReviewItem | undefined {
    const row = this.db.prepare(`SELECT ${COLUMNS} FROM review_items WHERE id = ?`).get(id) as Row | undefined;
    return row === undefined ? undefined : toItem(row);
  }

  /** Items in time order (oldest first). */
  list(filter: ReviewFilter = {}): ReviewItem[] {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.status !== undefined) { where.push('status = ?'); params.push(filter.status); }
    if (filter.from !== undefined) { where.push('at >= ?'); params.push(filter.from); }
    if (filter.to !== undefined) { where.push('at < ?'); params.push(filter.to); }
    if (filter.ori !== undefined) { where.push('ori = ?'); params.push(filter.ori); }
    if (filter.operatorId !== undefined) { where.push('operator_id = ?'); params.push(filter.operatorId); }
    if (filter.kind !== undefined) { where.push('kind = ?'); params.push(filter.kind); }
    const limit = Math.min(Math.max(filter.limit ?? 10_000, 1), 100_000);
    const sql = `SELECT ${COLUMNS} FROM review_items ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY at, id LIMIT ${limit}`;
    return (this.db.prepare(sql).all(...params) as Row[]).map(toItem);
  }

  /** Records the audit row an item refers to, once it is committed. */
  linkAudit(id: number, auditSeq: number): void {
    this.db.prepare('UPDATE review_items SET audit_seq = ? WHERE id = ? AND audit_seq IS NULL').run(auditSeq, id);
  }

  /** Closes an open item with the reviewer's finding. */
  close(id: number, finding: string, by: string, at: number): ReviewItem {
    const item = this.get(id);
    if (item === undefined) throw new CletsError('CLETS_ERR_NOT_FOUND', `review item ${id}`);
    if (item.status === 'closed') throw new CletsError('CLETS_ERR_RESOURCE_CONFLICT', `review item ${id} was closed by ${item.closedBy ?? '?'}`);
    this.db.prepare(`UPDATE review_items SET status = 'closed', finding = ?, closed_by = ?, closed_at = ? WHERE id = ? AND status = 'open'`)
      .run(finding, by, at, id);
    return this.get(id)!;
  }

  /**
   * Attaches an item to a misuse case: an open item is closed with the case as its finding
   * (the investigation goes on in the case); a closed one keeps its finding and is linked.
   * An item belongs to one case at most.
   */
  attachToCase(id: number, caseId: number, by: string, at: number): ReviewItem {
    const item = this.get(id);
    if (item === undefined) throw new CletsError('CLETS_ERR_NOT_FOUND', `review item ${id}`);
    if (item.caseId !== null) throw new CletsError('CLETS_ERR_RESOURCE_CONFLICT', `review item ${id} is attached to misuse case ${item.caseId}`);
    this.db.prepare(`UPDATE review_items SET case_id = ?, status = 'closed', finding = COALESCE(finding, ?), closed_by = COALESCE(closed_by, ?),
      closed_at = COALESCE(closed_at, ?) WHERE id = ? AND case_id IS NULL`).run(caseId, `ATTACHED TO MISUSE CASE ${caseId}`, by, at, id);
    return this.get(id)!;
  }
}

function toItem(row: Row): ReviewItem {
  return { ...row, refused: row.refused === 1 };
}

export interface MisuseRecorderDeps {
  readonly queue: ReviewQueue;
  readonly audit: Pick<AuditSink, 'append'>;
  readonly clock: () => number;
  readonly switchId?: string;
  readonly log?: { error(object: object, message?: string): void };
}

/**
 * Who sent a flagged transaction, as far as its review item and audit row name them (the
 * pipeline's TransactionOrigin is one).
 */
export interface FlaggedOrigin {
  readonly session: { readonly operatorId: string; readonly ori: string } | undefined;
  readonly terminal: string;
}

/**
 * The glue between the policy, the pipeline and the review queue:
 *  - `onFlag` (PipelineDeps.onFlag): a flag on an answered transaction; the transaction's
 *    audit row already carries the flags, a `misuse_flag` row is added for search, and the
 *    item points at the transaction's row;
 *  - `onRefusedMisuse` (CjisPolicyDeps.onRefusedMisuse): a refused self-query; a
 *    `misuse_flag` row is audited and the item points at it.
 */
export function misuseRecorder(deps: MisuseRecorderDeps): {
  onFlag: (flag: { kind: string; detail: string }, transaction: Transaction, origin: FlaggedOrigin, auditSeq: number) => void;
  onRefusedMisuse: (event: RefusedMisuse) => void;
} {
  const fail = (error: unknown): void => deps.log?.error({ err: error }, 'misuse flag could not be recorded');
  return {
    onFlag(flag, transaction, origin, auditSeq) {
      const header = transaction.header ?? {};
      const at = deps.clock();
      const operatorId = origin.session?.operatorId ?? header.operatorId ?? '';
      const ori = origin.session?.ori ?? header.ori ?? '';
      try {
        deps.queue.add({ at, operatorId, ori, terminal: origin.terminal, messageKey: header.messageKey ?? null, kind: flag.kind, detail: flag.detail, auditSeq, refused: false });
      } catch (error) {
        fail(error);
      }
      deps.audit.append({
        type: 'misuse_flag', at, outcome: 'flagged', operatorId, ori, terminal: origin.terminal, messageKey: header.messageKey ?? '',
        clientMessageId: header.clientMessageId ?? '', ...(deps.switchId === undefined ? {} : { switchId: deps.switchId }),
        detail: { kind: flag.kind, detail: flag.detail, transactionSeq: auditSeq },
      }).catch(fail);
    },
    onRefusedMisuse(event) {
      const header = event.transaction.header ?? {};
      const base = {
        at: event.at, operatorId: event.session.operatorId, ori: event.session.ori, terminal: event.session.terminal.mnemonic,
        messageKey: header.messageKey ?? null, kind: event.flag.kind, detail: event.flag.detail, refused: true,
      };
      // The item first, so the refusal is on the queue even if the audit store is slow or down.
      let item: ReviewItem | undefined;
      try {
        item = deps.queue.add({ ...base, auditSeq: null });
      } catch (error) {
        fail(error);
      }
      deps.audit.append({
        type: 'misuse_flag', at: event.at, outcome: 'refused', operatorId: base.operatorId, ori: base.ori, terminal: base.terminal,
        messageKey: header.messageKey ?? '', clientMessageId: header.clientMessageId ?? '', code: 'CLETS_ERR_SELF_QUERY',
        ...(deps.switchId === undefined ? {} : { switchId: deps.switchId }),
        detail: { kind: event.flag.kind, detail: event.flag.detail, reviewItem: item?.id ?? null },
      }).then(({ seq }) => { if (item !== undefined) deps.queue.linkAudit(item.id, seq); }).catch(fail);
    },
  };
}
