/**
 * The audit log's data shapes and the store interface. CJIS Security Policy (audit events,
 * audit content): every transaction is recorded with what, when (to 0.01 s, UTC), where,
 * source, outcome and identity; the record is protected from change; logging failures raise
 * an alert, and the switch never processes what it cannot audit.
 */
import type { CletsError } from '@clets/protocol';

/**
 * The closed set of audit event types. Beyond the switch's own traffic:
 * - `password_change`, `permission_change`: CJIS names both as auditable events;
 * - `audit_state`: written by the store itself when it recovers after a write failure, so
 *   the outage (when, why, how many appends were refused) is in the chain;
 * - `service_state`: switch start and stop;
 * - `replay`: a resent transaction answered again from the duplicate window (who asked
 *   again, and the seq of the original transaction row);
 * - `security_alert`: something a person must look at now (a linked switch speaking for
 *   another, a refused claim, a flood from one source); `outcome` names the kind.
 */
export const AUDIT_EVENT_TYPES = [
  'logon',
  'logon_failure',
  'logoff',
  'session_lock',
  'transaction',
  'reject',
  'response',
  'completion',
  'queued',
  'delivery',
  'admin_action',
  'audit_read',
  'link_state',
  'misuse_flag',
  'config',
  'password_change',
  'permission_change',
  'audit_state',
  'service_state',
  'replay',
  'security_alert',
] as const;

export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number];

const EVENT_TYPE_SET: ReadonlySet<string> = new Set(AUDIT_EVENT_TYPES);

export function isAuditEventType(value: unknown): value is AuditEventType {
  return typeof value === 'string' && EVENT_TYPE_SET.has(value);
}

/** The route-to field (RTE) of an inquiry: who asked, who typed it, why, which case. */
export interface AuditRouteTo {
  requester?: string | null;
  operator?: string | null;
  reason?: string | null;
  caseNumber?: string | null;
  noCaseReason?: string | null;
  purposeCode?: string | null;
  attention?: string | null;
}

/** What a caller hands to `append`. Absent fields are not recorded (null is
 * accepted at run time and means the same, for protobuf-shaped input). */
export interface AuditEvent {
  type: AuditEventType;
  /** Epoch milliseconds; stored as ISO 8601 UTC with milliseconds (CJIS asks 0.01 s). */
  at: number;
  /** e.g. accepted, rejected, hit, no_record, timeout, queued, delivered, expired, success, failure */
  outcome: string;
  operatorId?: string;
  terminal?: string;
  ori?: string;
  sourceAddress?: string;
  messageKey?: string;
  inputSeq?: number;
  clientMessageId?: string;
  routeTo?: AuditRouteTo;
  destinations?: string[];
  /** Error code from the table in @clets/protocol, when the outcome is a reject. */
  code?: string;
  bytes?: number;
  /** Free-form JSON (records hit, reason...). Must survive JSON.stringify. */
  detail?: Record<string, unknown>;
  switchId?: string;
  /**
   * Who or what the transaction names, as `@clets/protocol`'s `subjectKeys` gives them
   * (`NAM:KORVALE,DESMIN/19860412`, `LIC:8ABC123/CA`...). Hashed with the row, so the chain
   * proves them, and indexed for `search`.
   */
  subjectKeys?: readonly string[];
}

/** A committed row as returned by `query`: the event as appended, with its place in the chain. */
export interface AuditRow extends Omit<AuditEvent, 'at' | 'subjectKeys'> {
  subjectKeys?: string[];
  seq: number;
  /** ISO 8601 UTC, milliseconds: `2025-01-31T23:59:59.123Z`. */
  at: string;
  atMs: number;
  prevHash: string;
  hash: string;
}

/** Returned once the row is committed: the switch may now acknowledge (Receipt frame). */
export interface AuditReceipt {
  seq: number;
  hash: string;
}

export interface AuditFilter {
  /** Inclusive lower bound on `at` (epoch ms or Date). */
  from?: number | Date;
  /** Exclusive upper bound on `at` (epoch ms or Date). */
  to?: number | Date;
  operatorId?: string;
  ori?: string;
  terminal?: string;
  type?: AuditEventType | readonly AuditEventType[];
  messageKey?: string;
  outcome?: string;
  /** Rows with a greater seq only: page with the last seq of the previous page. */
  afterSeq?: number;
  /** Default 1000, at most 10 000. Rows come in ascending seq order. */
  limit?: number;
}

/**
 * A search of transactions (and refused transactions) by subject, operator, terminal, ORI and
 * time. Subject criteria come from `@clets/protocol`'s `subjectSearchKeys`; a row matches when
 * it carries any of them, and every other criterion given.
 */
export interface AuditSearch {
  /** Subject keys a row must carry one of (`subjectSearchKeys().exact`). */
  keys?: readonly string[];
  /** Key beginnings (`subjectSearchKeys().prefixes`: a plate in any state). */
  keyPrefixes?: readonly string[];
  operatorId?: string;
  terminal?: string;
  ori?: string;
  /** Inclusive lower bound on `at` (epoch ms or Date). */
  from?: number | Date;
  /** Exclusive upper bound on `at`. */
  to?: number | Date;
  /** Rows with a greater seq only: page with the last seq of the previous page. */
  afterSeq?: number;
  /** Default 100, at most 1000. Hits come in ascending seq order. */
  limit?: number;
}

/**
 * Whose rows a reader may see: every row of this switch, or the rows of a set of ORIs (an
 * agency coordinator sees the agency's own). Decided by the caller's authority, never by the
 * request.
 */
export type AuditScope = 'all' | { readonly oris: readonly string[] };

/**
 * A system's response as the audit log records it: a `response` row of its own (`detail.system`,
 * `detail.records`, the row's outcome), or, for the last system of a transaction to end, an
 * entry of its completion row's `detail.responses` (`record.ts`, `recordedResponses`).
 */
export interface RecordedResponse {
  system: string;
  /** hit, possible, no_record, acknowledged. */
  outcome: string;
  /** FILE:RECORD of each record it disclosed. */
  records: string[];
}

/**
 * An answer of a transaction: a row linked by `detail.auditSeq`, or a response its completion
 * row records (type `response`, with the completion row's seq and time, listed before it).
 */
export interface AuditAnswer {
  seq: number;
  at: string;
  type: AuditEventType;
  /** hit, possible, no_record, acknowledged (responses); rejected; queued; complete, partial. */
  outcome: string;
  system?: string;
  /** FILE:RECORD of each record a response returned. */
  records?: string[];
  code?: string;
}

/**
 * What a transaction got back, in one word: `hit` (a response had a hit), `possible`,
 * `no_record`, `acknowledged` (an update accepted), `refused` (the switch refused the
 * transaction itself), `failed` (every system leg failed), `queued` (held for a system that
 * was down), `no_answer` (no answer recorded: still pending, or written before answers
 * carried their transaction's seq).
 */
export type AuditSearchResult = 'hit' | 'possible' | 'no_record' | 'acknowledged' | 'refused' | 'failed' | 'queued' | 'no_answer';

/** One transaction found: who, where, why, and what came back. */
export interface AuditSearchHit {
  seq: number;
  at: string;
  atMs: number;
  /** `transaction`, or `reject` for a transaction the switch refused. */
  type: AuditEventType;
  operatorId?: string;
  terminal?: string;
  ori?: string;
  sourceAddress?: string;
  messageKey?: string;
  inputSeq?: number;
  routeTo?: AuditRouteTo;
  destinations?: string[];
  /** accepted, or rejected (with `code`). */
  outcome: string;
  code?: string;
  subjectKeys: string[];
  /** The subject keys of the search this row carries. */
  matched: string[];
  result: AuditSearchResult;
  /** Records returned, FILE:RECORD, from every response. */
  records: string[];
  answers: AuditAnswer[];
  hash: string;
}

/** Who reads the audit log; the read is itself audited (CJIS: any access to the audit log). */
export interface AuditReader {
  /** Operator or administrator id. */
  operatorId: string;
  sourceAddress?: string;
  terminal?: string;
}

/** The last committed link of the chain. */
export interface ChainHead {
  seq: number;
  hash: string;
}

export interface VerifyOptions {
  /**
   * A head recorded outside the database (a printed receipt, a copy sent to another system).
   * The row with that seq must exist with that hash: this catches a rewrite of the whole tail,
   * which the in-database head alone cannot.
   */
  anchor?: ChainHead;
}

export interface VerifyResult {
  ok: boolean;
  /** Rows read that verified: all of them when ok, else those before firstBadSeq. */
  rows: number;
  /** Rows up to this seq were archived and pruned; a check of the live log alone starts after it. */
  archivedThrough?: number;
  firstBadSeq?: number;
  reason?: string;
  /** The last row whose own hash verified: the chain's head when ok. */
  head: ChainHead;
}

export interface AuditHealth {
  writable: boolean;
  lastError?: string;
  /** Appends queued, not yet committed. */
  pending: number;
  lastSeq: number;
  /** Hash of row lastSeq: record it elsewhere to anchor the chain (VerifyOptions.anchor). */
  lastHash: string;
}

export interface AuditStats {
  /** Transactions committed (one per batch). */
  commits: number;
  rowsCommitted: number;
  largestBatch: number;
  failedCommits: number;
  /** Appends refused: in a failed batch, or while the store was not writable or closed. */
  rejectedAppends: number;
  /** Successful WAL checkpoints (SQLite only). */
  checkpoints: number;
  /** Checkpoints that let the WAL start over from its beginning (SQLite only). */
  walRestarts: number;
  /** WAL frames at the last checkpoint (SQLite only): how far the log has grown. */
  walFrames: number;
  lastCheckpointError?: string;
}

/** Passed to onFailure listeners: raise an alert, refuse new transactions. */
export interface AuditFailure {
  error: CletsError;
  /** SQLite result code when known (SQLITE_FULL, SQLITE_READONLY, SQLITE_BUSY, SQLITE_IOERR...). */
  sqliteCode?: string;
  at: number;
  /** Appends rejected by this failure. */
  rejected: number;
}

export interface AuditRecovery {
  at: number;
  downSince: number;
  /** Seq of the `audit_state` row that records the outage. */
  seq: number;
}

/**
 * The tamper-evident audit log. `append` resolves only after the transaction holding the row
 * has committed, so a caller may acknowledge once it resolves; it rejects with
 * CLETS_ERR_AUDIT_UNAVAILABLE when the row cannot be committed.
 */
export interface AuditStore {
  append(event: AuditEvent): Promise<AuditReceipt>;
  /** Queues the events back to back (consecutive seqs); each is committed at most batchMaxRows to a transaction. */
  appendMany(events: readonly AuditEvent[]): Promise<AuditReceipt[]>;
  /** Commits everything queued now; rejects if that commit fails. */
  flush(): Promise<void>;
  /** Committed rows only, ascending seq. Not audited: front ends use `queryAudited`. */
  query(filter?: AuditFilter): AuditRow[];
  /** Appends an `audit_read` row (and waits for its commit), then queries. */
  queryAudited(filter: AuditFilter, reader: AuditReader): Promise<AuditRow[]>;
  /** Transactions by subject, operator, terminal, ORI and time, within a scope. Not audited: front ends use `searchAudited`. */
  search(criteria: AuditSearch, scope: AuditScope): AuditSearchHit[];
  /** Appends an `audit_read` row (the criteria and the scope), waits for its commit, then searches. */
  searchAudited(criteria: AuditSearch, scope: AuditScope, reader: AuditReader): Promise<AuditSearchHit[]>;
  /** Recomputes the whole chain. Synchronous: on a live switch prefer `clets-audit verify`. */
  verify(options?: VerifyOptions): VerifyResult;
  /** Appends an `audit_read` row for the verification, then verifies. */
  verifyAudited(reader: AuditReader, options?: VerifyOptions): Promise<VerifyResult>;
  health(): AuditHealth;
  stats(): AuditStats;
  /** Tries one write (an `audit_state` row); on success the store is writable again. */
  probe(): Promise<boolean>;
  /** Returns a function that removes the listener. */
  onFailure(listener: (failure: AuditFailure) => void): () => void;
  onRecover(listener: (recovery: AuditRecovery) => void): () => void;
  /** Commits what is queued, then releases the storage. Idempotent. */
  close(): Promise<void>;
}

/**
 * One audit event, as the switch writes it: the store's own event shape, so an event type the
 * store does not know is a compile error rather than a refused append.
 */
export type SwitchAuditEvent = AuditEvent;

/**
 * What the switch's transaction path needs of the audit store (AuditStore satisfies it; tests
 * pass fakes that fill up or fail).
 */
export interface AuditSink {
  /** Resolves after the row is committed; rejects with CLETS_ERR_AUDIT_UNAVAILABLE. */
  append(event: SwitchAuditEvent): Promise<{ seq: number }>;
  health(): { writable: boolean; lastError?: string | undefined; pending: number };
  close(): Promise<void>;
}
