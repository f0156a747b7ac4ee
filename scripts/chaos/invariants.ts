/**
 * What a chaos run must leave true, checked from the terminals' own records and from what
 * the services wrote (their audit logs, the mock systems' updates), after the network was
 * brought back and every transaction had time to end:
 *
 * 1. every receipted transaction has exactly one completion or an explicit non-delivery
 *    (a Completion at the terminal, the same however often it was replayed; and in each
 *    switch's audit log exactly one completion row for each transaction row);
 * 2. every AM and YQ is delivered or its sender has a non-delivery report, none twice;
 * 3. no entry is applied twice;
 * 4. every audit chain verifies (`clets-audit verify`);
 * 5. no process is left running.
 *
 * Pure functions over plain data: chaos.test.ts runs them on made-up records.
 */
import { DeliveryState } from '@clets/protocol';
import type { ReceivedTraffic, SentRecord } from './terminals.js';

export interface Invariant {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

/** One switch's audit log, reduced to what the first invariant needs. */
export interface AuditTally {
  readonly switchId: string;
  /** Seqs of the accepted transactions' rows. */
  readonly transactions: readonly number[];
  /** Transaction seq -> completion rows naming it. */
  readonly completions: ReadonlyMap<number, number>;
  /** Transactions refused after their row was written (a reject row naming them, no system). */
  readonly refusedAfterRow: ReadonlySet<number>;
}

/** A terminal driven by the run: where it is, which agency. */
export interface DrivenTerminal {
  readonly mnemonic: string;
  readonly ori: string;
  readonly county: string;
  readonly received: ReceivedTraffic;
}

/** One applied (or refused) update in a mock system's store. */
export interface AppliedUpdate {
  readonly system: string;
  readonly oca: string;
  readonly applied: boolean;
}

const NOT_DELIVERED: ReadonlySet<DeliveryState> = new Set([
  DeliveryState.DELIVERY_STATE_EXPIRED, DeliveryState.DELIVERY_STATE_REFUSED, DeliveryState.DELIVERY_STATE_UNKNOWN_DESTINATION,
]);

export function everyTransactionEnds(records: readonly SentRecord[], audits: readonly AuditTally[]): Invariant {
  const receipted = records.filter((record) => record.receipted);
  const missing = receipted.filter((record) => record.completions.length === 0);
  const disagreeing = receipted.filter((record) => new Set(record.completions).size > 1);
  const nonDelivery = receipted.filter((record) => record.nonDelivery.size > 0).length;
  const problems: string[] = [];
  if (missing.length > 0) problems.push(`${missing.length} receipted without a Completion (${missing.slice(0, 5).map((record) => record.id).join(', ')})`);
  if (disagreeing.length > 0) problems.push(`${disagreeing.length} with two different Completions (${disagreeing.slice(0, 5).map((record) => record.id).join(', ')})`);
  const perSwitch: string[] = [];
  for (const audit of audits) {
    let lost = 0;
    let twice = 0;
    for (const seq of audit.transactions) {
      const count = audit.completions.get(seq) ?? 0;
      if (count === 0 && !audit.refusedAfterRow.has(seq)) lost += 1;
      if (count > 1) twice += 1;
    }
    perSwitch.push(`${audit.switchId} ${audit.transactions.length - lost - twice}/${audit.transactions.length}`);
    if (lost > 0) problems.push(`${audit.switchId}: ${lost} transaction row(s) without a completion row`);
    if (twice > 0) problems.push(`${audit.switchId}: ${twice} transaction row(s) with two completion rows`);
  }
  return {
    name: 'every receipted transaction has exactly one completion or an explicit non-delivery',
    ok: problems.length === 0,
    detail: problems.length > 0 ? problems.join('; ')
      : `terminals: ${receipted.length} receipted, ${receipted.length} completed (${nonDelivery} with a non-delivery); audit logs: ${perSwitch.join(', ')}`,
  };
}

/**
 * AM, YQ and broadcasts: each destination among the driven terminals got it once, or the
 * sender has a report that it was not delivered. A terminal destination: that terminal; an
 * ORI: any driven terminal of it (all logged in get it, the first to log in takes a stored
 * one); a county: every driven terminal of the county (stored copies wait for the offline).
 */
export function everyMessageDelivered(
  records: readonly SentRecord[], terminals: readonly DrivenTerminal[], messageIdOf: (record: SentRecord) => string,
): Invariant {
  let checked = 0;
  let delivered = 0;
  let reported = 0;
  const lost: string[] = [];
  const twice: string[] = [];
  for (const record of records) {
    if (!record.receipted || record.refused !== undefined) continue;
    if (record.kind !== 'am' && record.kind !== 'yq' && record.kind !== 'broadcast') continue;
    const messageId = messageIdOf(record);
    for (const destination of record.destinations) {
      checked += 1;
      const targets = terminals.filter((terminal) => terminal.mnemonic === destination || terminal.ori === destination || `C${terminal.county}` === destination);
      const counts = targets.map((terminal) => received(terminal, record.kind, messageId));
      const duplicate = targets.filter((_, index) => counts[index]! > 1);
      if (duplicate.length > 0) twice.push(`${record.id} -> ${duplicate.map((terminal) => terminal.mnemonic).join(',')}`);
      const got = record.kind === 'broadcast' ? counts.every((count) => count >= 1) : counts.some((count) => count >= 1);
      const state = record.reports.get(destination);
      if (got) delivered += 1;
      else if (state !== undefined && NOT_DELIVERED.has(state)) reported += 1;
      else lost.push(`${record.id} -> ${destination}`);
    }
  }
  const problems = [
    ...(lost.length > 0 ? [`${lost.length} neither delivered nor reported undeliverable (${lost.slice(0, 5).join('; ')})`] : []),
    ...(twice.length > 0 ? [`${twice.length} delivered twice (${twice.slice(0, 5).join('; ')})`] : []),
  ];
  return {
    name: 'every AM and YQ is delivered or its sender has a non-delivery report, none twice',
    ok: problems.length === 0,
    detail: problems.length > 0 ? problems.join('; ') : `${checked} destinations: ${delivered} delivered once, ${reported} reported not delivered`,
  };
}

export function noEntryAppliedTwice(records: readonly SentRecord[], updates: readonly AppliedUpdate[]): Invariant {
  const applied = new Map<string, number>();
  for (const update of updates) {
    if (update.applied) applied.set(`${update.system}:${update.oca}`, (applied.get(`${update.system}:${update.oca}`) ?? 0) + 1);
  }
  const twice = [...applied].filter(([, count]) => count > 1).map(([key]) => key);
  const entries = records.filter((record) => record.kind === 'entry' && record.oca !== undefined);
  const ocas = new Set(entries.map((record) => record.oca));
  const appliedEntries = new Set([...applied.keys()].map((key) => key.slice(key.indexOf(':') + 1)).filter((oca) => ocas.has(oca)));
  return {
    name: 'no entry applied twice',
    ok: twice.length === 0,
    detail: twice.length > 0 ? `applied more than once: ${twice.slice(0, 10).join(', ')}`
      : `${entries.length} entries sent, ${appliedEntries.size} applied, ${applied.size} system records written, none twice`,
  };
}

function received(terminal: DrivenTerminal, kind: SentRecord['kind'], messageId: string): number {
  if (kind === 'yq') {
    let total = 0;
    // Request number 1 is the operator's YQ; 2 and 3 are the switch's follow-ups of it.
    for (const [key, count] of terminal.received.hitRequests) if (key === `${messageId}#1`) total += count;
    return total;
  }
  return terminal.received.adminMessages.get(messageId) ?? 0;
}
