/**
 * The state control point's validation report, sent without anyone asking. NCIC practice:
 * the control point (DOJ) sends each agency, on a schedule, the list of its records to
 * validate, and reports the ones overdue; the agency's coordinator acts on it (docs/catalogue.md,
 * "Record care"). At the state switch, every `validationReports.intervalMs` this asks the
 * state files for each agency's records needing action (`VL` with `VLO`, as a DOJ terminal
 * would, one agency at a time) and sends every agency with anything overdue or not
 * second-party checked its list, as the administrative notice the `VLO` path makes
 * (locate-notifications.ts), through the ordinary delivery path: live to its logged-in
 * terminals, stored for an agency whose terminals are offline, across counties through the
 * peer links.
 *
 * The schedule survives restarts: each completed run's time is kept in the messages database
 * (`RunRecord`, traffic/message-store.ts), and a start times the next run from it, not from
 * the start. A switch restarted more often than its interval therefore still reports; one
 * whose next run fell due while it was down runs once, `catchUpDelayMs` after the start
 * (its links to the state files come up first), however many intervals it missed. A first
 * start, with no run kept, waits one interval: a new switch, or one given a fresh database,
 * has made no promise of a report day yet, and a start is not one.
 *
 * Each list is a disclosure of the agency's records to the control point, so it is audited
 * as an operator's `VL` is (CJIS: every transaction that discloses records): a `transaction`
 * row in the control point's name (terminal: this switch, no operator) committed before the
 * list is asked, a `response` row per answer naming the agency listed and its counts (listed,
 * overdue, unchecked) committed before any notice goes out, and a `reject` row when the list
 * could not be had. An agency whose row cannot be written is not asked this run.
 */
import { messageKey, type LinkClock, type Response, type Transaction } from '@clets/protocol';
import { routeTransaction, type RoutingTable } from '@clets/routing';
import type { Logger } from 'pino';
import type { AuditSink, SwitchAuditEvent } from '../audit/types.js';
import type { LinkDispatcher } from '../links/link-dispatcher.js';
import { statusName } from '../pipeline/transaction-pipeline.js';
import { locateNotifications } from './locate-notifications.js';

/** Where the time of the last completed run is kept (the messages database, in the switch). */
export interface RunRecord {
  last(): number | undefined;
  save(at: number): void;
}

export interface ValidationReportDeps {
  readonly switchId: string;
  /** The state control point (DOJ) in whose name the lists are asked and sent. */
  readonly controlPointOri: string;
  readonly intervalMs: number;
  /** A run missed while the switch was down runs this long after the start (the links come up first). */
  readonly catchUpDelayMs: number;
  readonly timers: LinkClock;
  readonly table: () => RoutingTable;
  readonly dispatcher: LinkDispatcher;
  /** Sends traffic the switch itself originates (traffic/deliveries.ts), audited there. */
  readonly sendFromSwitch: (transaction: Transaction, requestKey: string) => Promise<void>;
  readonly audit: AuditSink;
  /** Without one, every start is a first start. */
  readonly runs?: RunRecord;
  readonly log: Logger;
}

/** What one run did: the agencies asked, those sent a notice, those whose list could not be had. */
export interface ValidationReportRun {
  readonly asked: readonly string[];
  readonly notified: readonly string[];
  readonly failed: readonly string[];
}

/** Every California agency the state switch serves: its own and those its counties announced. */
function agenciesOf(table: RoutingTable, controlPointOri: string): string[] {
  const oris = new Set([...table.localOris, ...table.peerOris.keys()]);
  oris.delete(controlPointOri);
  return [...oris].filter((ori) => ori.startsWith('CA')).sort();
}

/** A list answer's count (CNT listed, OVD overdue, UNC unchecked), 0 when it has none. */
function countOf(response: Response, tag: string): number {
  return (response.records ?? []).reduce((sum, record) => sum + (Number((record.fields ?? []).find((field) => field.tag === tag)?.value) || 0), 0);
}

/** Whether a list answer has anything the agency must be told of: overdue or unchecked entries. */
function needsNotice(response: Response): boolean {
  return countOf(response, 'OVD') > 0 || countOf(response, 'UNC') > 0;
}

/**
 * What a list disclosed, as the audit search shows records (`FILE:RECORD`): a list is one
 * record of file VALIDATION with no number of its own, named by the agency it lists.
 */
function listedRecords(response: Response): string[] {
  return (response.records ?? []).flatMap((record) => {
    const id = record.recordId || record.enteringOri;
    return id ? [`${record.file ?? ''}:${id}`] : [];
  });
}

/** Why a list could not be had, as the reject row records it. */
class ListNotHad extends Error {
  constructor(readonly reason: unknown) {
    super(reason instanceof Error ? reason.message : String(reason));
  }
}

export class ValidationReports {
  #timer: unknown;
  #running: Promise<ValidationReportRun> | undefined;
  #runs = 0;
  #stopped = false;
  /** When the last completed run started: the next is due one interval after it. */
  #lastRunAt: number | undefined;

  constructor(private readonly deps: ValidationReportDeps) {}

  /** When the last completed run started (kept across restarts), if there was one. */
  get lastRunAt(): number | undefined {
    return this.#lastRunAt;
  }

  /**
   * Schedules the next run from the last one kept: one interval after it, or `catchUpDelayMs`
   * from now when that moment passed while the switch was down (one run, however many were
   * missed). With none kept, one interval from now.
   */
  start(): void {
    const { deps } = this;
    this.#stopped = false;
    try {
      this.#lastRunAt = deps.runs?.last();
    } catch (error) {
      deps.log.error({ err: error }, 'last validation report run not read: timed as a first start');
    }
    const now = deps.timers.now();
    if (this.#lastRunAt === undefined) {
      this.#schedule(deps.intervalMs);
      return;
    }
    const due = this.#lastRunAt + deps.intervalMs;
    // A run kept "in the future" (the clock was set back) waits one interval at most.
    this.#schedule(due <= now ? deps.catchUpDelayMs : Math.min(due - now, deps.intervalMs));
  }

  stop(): void {
    this.#stopped = true;
    if (this.#timer !== undefined) this.deps.timers.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** One run now; a run already going is joined rather than doubled. */
  run(): Promise<ValidationReportRun> {
    this.#running ??= this.#run().finally(() => { this.#running = undefined; });
    return this.#running;
  }

  #schedule(delayMs: number): void {
    if (this.#stopped) return;
    this.#timer = this.deps.timers.setTimeout(() => {
      this.#timer = undefined;
      this.run()
        .catch((error: unknown) => this.deps.log.error({ err: error }, 'validation report run failed'))
        .finally(() => {
          const now = this.deps.timers.now();
          const next = this.#lastRunAt === undefined ? now : this.#lastRunAt + this.deps.intervalMs;
          // A run that did not complete is tried again one interval on, not at once.
          this.#schedule(next > now ? next - now : this.deps.intervalMs);
        });
    }, delayMs);
  }

  async #run(): Promise<ValidationReportRun> {
    const { deps } = this;
    const run = ++this.#runs;
    const at = deps.timers.now();
    const asked: string[] = [];
    const notified: string[] = [];
    const failed: string[] = [];
    // One agency at a time: the run is a background chore and must not crowd the state files.
    for (const ori of agenciesOf(deps.table(), deps.controlPointOri)) {
      if (this.#stopped) break;
      asked.push(ori);
      const requestKey = `VALIDATION-${at}-${run}-${ori}`;
      const transaction: Transaction = {
        header: {
          messageKey: 'VL', ori: deps.controlPointOri, terminal: deps.switchId, operatorId: '', clientMessageId: requestKey, destinations: [],
        },
        fields: [{ tag: 'VLS', value: 'A' }, { tag: 'VLO', value: ori }],
        routeTo: { requester: 'STATE CONTROL POINT', reason: 'SCHEDULED VALIDATION REPORT', noCaseReason: 'VALIDATION' },
      };
      try {
        const responses = await this.#ask(transaction, requestKey, at, ori);
        const notices = responses.filter(needsNotice).flatMap((response) => locateNotifications(response, transaction));
        for (const notice of notices) await deps.sendFromSwitch(notice, requestKey);
        if (notices.length > 0) notified.push(ori);
      } catch (error) {
        failed.push(ori);
        deps.log.warn({ err: error instanceof ListNotHad ? error.reason : error, ori }, 'validation list not had: the agency is reported at the next run');
      }
    }
    if (!this.#stopped) this.#completed(at);
    deps.log.info({ asked: asked.length, notified: notified.length, failed: failed.length }, 'validation report run');
    return { asked, notified, failed };
  }

  /** A run went through every agency (some may have failed: they are asked at the next): kept. */
  #completed(at: number): void {
    this.#lastRunAt = at;
    try {
      this.deps.runs?.save(at);
    } catch (error) {
      this.deps.log.error({ err: error }, 'validation report run not recorded: a restart may run it again');
    }
  }

  /**
   * The state files' answers to one list request, each audited before it is used (refused at
   * once while their link is down: the next run asks again). Throws ListNotHad when the list
   * could not be had or its rows could not be written.
   */
  async #ask(transaction: Transaction, requestKey: string, at: number, ori: string): Promise<Response[]> {
    const { deps } = this;
    const definition = messageKey('VL');
    if (definition === undefined) return [];
    const fields = new Map((transaction.fields ?? []).map((field) => [field.tag ?? '', field.value ?? '']));
    const decision = routeTransaction({ definition, fields, transaction }, deps.table());
    if (decision.kind !== 'systems') throw new ListNotHad(`no route to the state files (${decision.kind})`);
    let auditSeq: number;
    try {
      auditSeq = (await deps.audit.append(this.#row({
        type: 'transaction', at: deps.timers.now(), outcome: 'accepted', routeTo: transaction.routeTo ?? {},
        destinations: decision.legs.map((leg) => leg.system), detail: { schedule: 'validation_reports', listedOri: ori },
      }, requestKey))).seq;
    } catch (error) {
      // Nothing is asked that cannot be audited.
      throw new ListNotHad(error);
    }
    const responses: Response[] = [];
    for (const leg of decision.legs) {
      const outcome = await deps.dispatcher.send({
        link: leg.link, system: leg.system, requestId: `${requestKey}-${leg.system}`, transaction, destinations: leg.destinations,
        stamp: { inputSeq: 0, receivedAt: at }, whenDown: 'refuse', onQueued: () => undefined,
      });
      if (!outcome.ok) {
        await this.#auditFailure(outcome.error, leg.system, auditSeq, ori, requestKey);
        throw new ListNotHad(outcome.error);
      }
      const reject = outcome.reply.reject;
      if (reject) {
        await this.#auditFailure({ code: reject.code ?? '', message: reject.reason ?? '' }, leg.system, auditSeq, ori, requestKey);
        throw new ListNotHad(`${leg.system} refused the list: ${reject.code ?? ''} ${reject.reason ?? ''}`);
      }
      for (const response of outcome.reply.responses ?? []) {
        try {
          await deps.audit.append(this.#row({
            type: 'response', at: deps.timers.now(), outcome: statusName(response),
            detail: {
              system: response.system || leg.system, records: listedRecords(response), auditSeq, listedOri: ori,
              listed: countOf(response, 'CNT'), overdue: countOf(response, 'OVD'), unchecked: countOf(response, 'UNC'),
            },
          }, requestKey));
        } catch (error) {
          // CJIS: nothing is passed on that cannot be audited; the agency is asked again at the next run.
          throw new ListNotHad(error);
        }
        responses.push(response);
      }
    }
    return responses;
  }

  async #auditFailure(error: { readonly code: string; readonly message: string }, system: string, auditSeq: number, ori: string, requestKey: string): Promise<void> {
    try {
      await this.deps.audit.append(this.#row({
        type: 'reject', at: this.deps.timers.now(), outcome: 'rejected', code: error.code,
        detail: { system, reason: error.message, auditSeq, listedOri: ori },
      }, requestKey));
    } catch (failure) {
      this.deps.log.error({ err: failure }, 'audit append failed');
    }
  }

  /** A row in the control point's name, as a DOJ terminal's `VL` is recorded. */
  #row(event: Pick<SwitchAuditEvent, 'type' | 'at' | 'outcome'> & Partial<SwitchAuditEvent>, requestKey: string): SwitchAuditEvent {
    return {
      switchId: this.deps.switchId, operatorId: '', terminal: this.deps.switchId, ori: this.deps.controlPointOri,
      // Input sequence 0: accepted from no terminal line (a reject row without one reads as a refusal before acceptance).
      messageKey: 'VL', clientMessageId: requestKey, inputSeq: 0, ...event,
    };
  }
}
