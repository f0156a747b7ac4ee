/**
 * A third-party release recorded against the transaction whose answer was released
 * (docs/domain.md section 3: requester, requesting agency, date, what was given, how).
 *
 * From the terminal, the operator who released the information sends
 * `RL.<ORI>.ISN/<input sequence>.RQN/<to whom>.RQA/<their agency>.HOW/<how>[.INF/..][.OCA/..]`
 * and the switch answers it itself (catalogue route `local`). The ISN names one of the
 * operator's own transactions at the same terminal the same (UTC) day; an administrator
 * recording a release for an operator names the transaction the same way, or by its audit
 * row. Either way the transaction is looked up in the audit log and must:
 *  - be that operator's own (another operator's ISN finds nothing, and is answered as such:
 *    the answer does not tell whether someone else used that number);
 *  - have disclosed something: a response that named at least one record. A no-record
 *    answer, an agency-to-agency message or a refused transaction released nothing.
 * The entry keeps the transaction's audit row and the rows of its answers.
 */
import { CletsError, HitStatus, SWITCH_SYSTEM, TRANSMISSION_CODES, type Response, type Transaction } from '@clets/protocol';
import type { AuditRow, AuditScope, AuditSearch, AuditSearchHit } from '../audit/types.js';
import { dayOfInstant, isoOfDay } from './certification.js';
import { fieldsOf } from './misuse.js';
import type { ReleasedTransactionLink, ReleaseEntry, ReleaseLog, TransmissionMethod } from './release-log.js';

const DAY = 86_400_000;

/** What the recorder reads of the audit log. */
export interface ReleaseAuditSource {
  search(criteria: AuditSearch, scope: AuditScope): AuditSearchHit[];
  query?(filter: { afterSeq?: number; limit?: number }): AuditRow[];
}

/** Which transaction an entry releases: by the operator's terminal and ISN on a day, or by its audit row. */
export type ReleasedTransactionRef =
  | { readonly operatorId: string; readonly terminal: string; readonly inputSeq: number; readonly day: string }
  | { readonly operatorId: string; readonly transactionSeq: number };

/** The transaction a release names, with what it disclosed, and the ORI it was sent for. */
export interface ReleasedTransaction extends ReleasedTransactionLink {
  readonly ori: string;
  readonly at: number;
}

/**
 * Finds the operator's transaction a release names. Throws CLETS_ERR_FIELD_INVALID (field
 * `ISN`, or `transactionSeq`) when it is not one of the operator's transactions, or when it
 * disclosed nothing.
 */
export function findReleasedTransaction(audit: ReleaseAuditSource, ref: ReleasedTransactionRef): ReleasedTransaction {
  const bySeq = 'transactionSeq' in ref;
  const field = bySeq ? 'transactionSeq' : 'ISN';
  let terminal: string;
  let inputSeq: number;
  let from: number;
  if (bySeq) {
    // The row first, to learn its terminal, number and day; then the same search as by ISN.
    const row = audit.query?.({ afterSeq: ref.transactionSeq - 1, limit: 1 })[0];
    if (row === undefined || row.seq !== ref.transactionSeq || row.type !== 'transaction' || row.operatorId !== ref.operatorId
      || row.terminal === undefined || row.inputSeq === undefined) {
      throw new CletsError('CLETS_ERR_FIELD_INVALID', `audit row ${ref.transactionSeq} is not a transaction of ${ref.operatorId}`, { field });
    }
    terminal = row.terminal;
    inputSeq = row.inputSeq;
    from = dayOfInstant(row.atMs) * DAY;
  } else {
    terminal = ref.terminal;
    inputSeq = ref.inputSeq;
    from = Date.parse(`${ref.day}T00:00:00.000Z`);
  }
  const named = bySeq ? `audit row ${ref.transactionSeq}` : `ISN/${inputSeq}`;
  const day = isoOfDay(dayOfInstant(from));
  // Input sequence numbers start again at 1 when a switch restarts: the latest of the day wins.
  let found: AuditSearchHit | undefined;
  let afterSeq = 0;
  for (;;) {
    const page = audit.search({ operatorId: ref.operatorId, terminal, from, to: from + DAY, afterSeq, limit: 1000 }, 'all');
    for (const hit of page) {
      if (hit.type !== 'transaction' || hit.inputSeq !== inputSeq) continue;
      if (bySeq ? hit.seq === ref.transactionSeq : true) found = hit;
    }
    const last = page[page.length - 1];
    if (last === undefined || page.length < 1000) break;
    afterSeq = last.seq;
  }
  if (found === undefined) {
    throw new CletsError('CLETS_ERR_FIELD_INVALID', `${named}: no transaction of ${ref.operatorId} at ${terminal} on ${day} has that number`, { field });
  }
  // The switch's own acknowledgements (an RL's) disclose nothing of a file. The answers are
  // the search's: response rows, and the responses a completion row records.
  const answers = found.answers.filter((answer) => answer.type === 'response' && answer.system !== SWITCH_SYSTEM && (answer.records?.length ?? 0) > 0);
  const records = [...new Set(answers.flatMap((answer) => answer.records ?? []))];
  if (records.length === 0) {
    throw new CletsError('CLETS_ERR_FIELD_INVALID', `${named} (${found.messageKey ?? '?'}, ${found.result}) disclosed no record: there is nothing to release`, { field });
  }
  return {
    terminal, inputSeq, messageKey: found.messageKey ?? '', transactionSeq: found.seq, answerSeqs: [...new Set(answers.map((answer) => answer.seq))],
    records, ori: found.ori ?? '', at: found.atMs,
  };
}

/** Who sent an RL, as far as the recorder needs (the pipeline's TransactionOrigin is one). */
export interface ReleaseOrigin {
  readonly session: { readonly operatorId: string; readonly ori: string } | undefined;
  readonly terminal: string;
  /** An RL accepted before a restart and answered after it: the operator its header names. */
  readonly resumedBy?: { readonly operatorId: string; readonly ori: string };
}

export interface ReleaseRecorderDeps {
  readonly releaseLog: ReleaseLog;
  readonly audit: ReleaseAuditSource;
  readonly clock: () => number;
}

/**
 * The switch's own answer to RL (PipelineDeps.answerLocally): the release recorded against
 * the named transaction, acknowledged with the entry's number and what it links to.
 */
export function releaseRecorder(deps: ReleaseRecorderDeps): (transaction: Transaction, origin: ReleaseOrigin, auditSeq: number) => Promise<Response> {
  return async (transaction, origin, auditSeq) => {
    // An RL resumed after a restart may have been recorded before it: answered with that
    // entry, never recorded twice.
    const recorded = origin.resumedBy === undefined ? undefined : deps.releaseLog.recordedIn(auditSeq);
    if (recorded !== undefined) return acknowledgement(transaction, recorded);
    const session = origin.session ?? origin.resumedBy;
    if (session === undefined) throw new CletsError('CLETS_ERR_NOT_LOGGED_IN', 'a release is recorded by the operator who released the information');
    const fields = fieldsOf(transaction);
    const now = deps.clock();
    const today = isoOfDay(dayOfInstant(now));
    const released = findReleasedTransaction(deps.audit, {
      operatorId: session.operatorId, terminal: origin.terminal, inputSeq: Number(fields.get('ISN')), day: today,
    });
    const how = (TRANSMISSION_CODES as Readonly<Record<string, string>>)[fields.get('HOW') ?? ''];
    if (how === undefined) throw new CletsError('CLETS_ERR_FIELD_INVALID', 'HOW: a transmission code', { field: 'HOW' });
    const entry = deps.releaseLog.recordRelease({
      releasedOn: today, requester: fields.get('RQN') ?? '', requestingAgency: fields.get('RQA') ?? '',
      information: fields.get('INF') ?? informationOf(released), transmittedBy: how.toLowerCase() as TransmissionMethod,
      ori: released.ori || session.ori, releasedBy: session.operatorId, caseNumber: fields.get('OCA') ?? null,
      recordedBy: session.operatorId, transaction: linkOf(released), recordedInSeq: auditSeq,
    }, now);
    return acknowledgement(transaction, entry);
  };
}

function acknowledgement(transaction: Transaction, entry: ReleaseEntry): Response {
  return {
    header: transaction.header ?? {}, system: SWITCH_SYSTEM, responseKey: 'RL', status: HitStatus.HIT_STATUS_ACKNOWLEDGED,
    records: [{ status: HitStatus.HIT_STATUS_ACKNOWLEDGED, system: SWITCH_SYSTEM, file: 'RELEASE LOG', recordId: `RL${entry.id}` }],
    text: releaseText(entry),
  };
}

/** The link an entry keeps (without the ORI and time, which the entry has of its own). */
export function linkOf(released: ReleasedTransaction): ReleasedTransactionLink {
  const { ori: _ori, at: _at, ...link } = released;
  return link;
}

/** What was given, when the operator did not say: the key and every record its answers named. */
export function informationOf(released: ReleasedTransaction): string {
  return `${released.messageKey} ISN/${released.inputSeq}: ${released.records.join(', ')}`.slice(0, 500);
}

/** The acknowledgement an operator reads. */
function releaseText(entry: ReleaseEntry): string {
  const link = entry.transaction;
  return [
    `RELEASE LOG ENTRY RL${entry.id} RECORDED ${entry.releasedOn}`,
    `RELEASED ${link?.messageKey ?? ''} ISN/${link?.inputSeq ?? ''} OF ${entry.releasedBy} AT ${link?.terminal ?? ''} (AUDIT ROW ${link?.transactionSeq ?? ''})`,
    `TO ${entry.requester}, ${entry.requestingAgency}, BY ${entry.transmittedBy.toUpperCase()}${entry.caseNumber === null ? '' : ` CASE ${entry.caseNumber}`}`,
    `INFORMATION: ${entry.information}`,
    'KEPT AT LEAST 3 YEARS.',
  ].join('\n');
}
