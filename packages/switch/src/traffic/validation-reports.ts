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
 */
import { messageKey, type LinkClock, type Response, type Transaction } from '@clets/protocol';
import { routeTransaction, type RoutingTable } from '@clets/routing';
import type { Logger } from 'pino';
import type { LinkDispatcher } from '../links/link-dispatcher.js';
import { locateNotifications } from './locate-notifications.js';

export interface ValidationReportDeps {
  readonly switchId: string;
  /** The state control point (DOJ) in whose name the lists are asked and sent. */
  readonly controlPointOri: string;
  readonly intervalMs: number;
  readonly timers: LinkClock;
  readonly table: () => RoutingTable;
  readonly dispatcher: LinkDispatcher;
  /** Sends traffic the switch itself originates (traffic/deliveries.ts), audited there. */
  readonly sendFromSwitch: (transaction: Transaction, requestKey: string) => Promise<void>;
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

/** Whether a list answer has anything the agency must be told of: overdue or unchecked entries. */
function needsNotice(response: Response): boolean {
  return (response.records ?? []).some((record) => (record.fields ?? []).some((field) =>
    (field.tag === 'OVD' || field.tag === 'UNC') && Number(field.value) > 0));
}

export class ValidationReports {
  #timer: unknown;
  #running: Promise<ValidationReportRun> | undefined;
  #runs = 0;
  #stopped = false;

  constructor(private readonly deps: ValidationReportDeps) {}

  /** Schedules the first run one interval from now (a start is not a report day), then each interval. */
  start(): void {
    this.#stopped = false;
    this.#schedule();
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

  #schedule(): void {
    if (this.#stopped) return;
    this.#timer = this.deps.timers.setTimeout(() => {
      this.run()
        .catch((error: unknown) => this.deps.log.error({ err: error }, 'validation report run failed'))
        .finally(() => this.#schedule());
    }, this.deps.intervalMs);
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
        const responses = await this.#ask(transaction, requestKey, at);
        const notices = responses.filter(needsNotice).flatMap((response) => locateNotifications(response, transaction));
        for (const notice of notices) await deps.sendFromSwitch(notice, requestKey);
        if (notices.length > 0) notified.push(ori);
      } catch (error) {
        failed.push(ori);
        deps.log.warn({ err: error, ori }, 'validation list not had: the agency is reported at the next run');
      }
    }
    deps.log.info({ asked: asked.length, notified: notified.length, failed: failed.length }, 'validation report run');
    return { asked, notified, failed };
  }

  /** The state files' answers to one list request (refused at once while their link is down: the next run asks again). */
  async #ask(transaction: Transaction, requestKey: string, at: number): Promise<Response[]> {
    const definition = messageKey('VL');
    if (definition === undefined) return [];
    const fields = new Map((transaction.fields ?? []).map((field) => [field.tag ?? '', field.value ?? '']));
    const decision = routeTransaction({ definition, fields, transaction }, this.deps.table());
    if (decision.kind !== 'systems') return [];
    const responses: Response[] = [];
    for (const leg of decision.legs) {
      const outcome = await this.deps.dispatcher.send({
        link: leg.link, system: leg.system, requestId: `${requestKey}-${leg.system}`, transaction, destinations: leg.destinations,
        stamp: { inputSeq: 0, receivedAt: at }, whenDown: 'refuse', onQueued: () => undefined,
      });
      if (!outcome.ok) throw outcome.error;
      responses.push(...(outcome.reply.responses ?? []));
    }
    return responses;
  }
}
