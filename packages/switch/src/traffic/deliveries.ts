/**
 * Agency-to-agency traffic (AM, YQ, YR) once the pipeline has accepted it: the `deliver`
 * step. docs/domain.md sections 4 and 5:
 * - a destination served here gets the message on every logged-in terminal it names (an
 *   ORI: all its terminals; a county or ALL: every terminal); a terminal or agency with no
 *   terminal logged in gets it stored, delivered at the next login, for `retentionMs`, after
 *   which the sender is told it was not delivered;
 * - a destination another switch serves is sent there in one LinkRequest per link (queued,
 *   Nlets `.02.`, while the link is down), and that switch's delivery reports come back;
 * - the sender gets one DeliveryReport per destination (per switch, for a broadcast), now
 *   or later: a report made at a later login travels back across switches to the sender's
 *   terminal (stored there too when it is offline);
 * - a broadcast (`Cnn`, `ALL`) reaches every logged-in terminal of the county and is stored
 *   for each of its registered terminals that is offline (a copy per terminal, at most
 *   `maxStoredBroadcastsPerTerminal` waiting for one terminal: the oldest go first);
 * - a YQ sent from here is tracked until a YR closes it (HitConfirmationTracker): RNO 2 and
 *   3 go out when deadlines pass, then the requester and the state control point are told;
 *   open confirmations are kept in the message store and taken up again after a restart.
 * A delivery the transaction journal resumes after a crash skips what it had done (each
 * local destination is marked done before the message reaches anyone) and stores nothing
 * twice (stored copies carry a key). Every delivery, storage, expiry, follow-up and
 * escalation is audited (type `delivery`).
 */
import {
  ConfirmationPriority, ConfirmationState, DELIVERY_SYSTEM, DeliveryState, PRIORITY_CODES, decodeFrame, encodeFrame, replyHeader,
  type DecodedFrame, type DeliveryReport, type Frame, type Header, type HitConfirmationResponse, type LinkClock, type LinkReply, type Transaction,
} from '@clets/protocol';
import { isBroadcastDestination, resolveDeliveries, routeToTerminal, type Deliveries, type RoutingTable } from '@clets/routing';
import { HitConfirmationTracker, type ConfirmationPriorityCode, type ConfirmationSending, type OpenConfirmation } from './hit-confirmations.js';
import { linkAddress, type MessageStore, type NewStoredMessage, type StoredMessage } from './message-store.js';
import type { AuditSink, SwitchAuditEvent } from '../audit/types.js';
import type { SystemLink } from '../links/types.js';
import type { TerminalDirectory } from '../terminals/terminal-connection.js';
import { TransactionSuspended, type HopStamp, type LinkDispatcher } from '../links/link-dispatcher.js';
import type { DeliveryContext, TransactionOrigin } from '../pipeline/transaction-pipeline.js';

export interface DeliverySettings {
  /** How long a message waits for an offline terminal before the sender is told. */
  readonly retentionMs: number;
  readonly confirmation: { readonly urgentMs: number; readonly routineMs: number };
  /** ORI of the state control point told of unanswered hit confirmations (DOJ). */
  readonly controlPointOri: string;
  /** Broadcast copies waiting for one offline terminal at most (the oldest are dropped first). */
  readonly maxStoredBroadcastsPerTerminal?: number;
}

/** How a delivery is run: fresh, or resumed after a restart (parts done, links held before). */
interface DeliveryRun {
  readonly requestKey: string;
  readonly stamp: HopStamp;
  readonly whenDown: DeliveryContext['whenDown'];
  readonly heldUntil?: number;
  readonly markHeld?: (link: string, expiresAt: number) => Promise<void>;
  readonly markDone?: (part: string) => Promise<void>;
  readonly resumed?: DeliveryContext['resumed'];
}

const DEFAULT_MAX_STORED_BROADCASTS = 100;

export interface DeliveryServiceDeps {
  readonly switchId: string;
  readonly clock: () => number;
  /** Timers of hit-confirmation deadlines (a ManualClock in tests). */
  readonly timers: LinkClock;
  readonly table: () => RoutingTable;
  readonly links: ReadonlyMap<string, SystemLink>;
  /** Where traffic for another switch goes out (the pipeline's system legs go out there too). */
  readonly dispatcher: LinkDispatcher;
  readonly directory: TerminalDirectory;
  readonly store: MessageStore;
  readonly audit: AuditSink;
  readonly settings: DeliverySettings;
  /**
   * The name and telephone of an agency this switch serves, from its agency records: stamped
   * on the hit confirmations its terminals send (AGN, TEL), so the other agency can call back.
   */
  readonly agencyContact?: (ori: string) => { readonly name?: string | undefined; readonly telephone?: string | undefined } | undefined;
  readonly log: { warn(object: object, message?: string): void; error(object: object, message?: string): void };
}

/**
 * Where a local delivery went: how many terminals took it now, stored for later, or not
 * delivered because its delivery row could not be written.
 */
type LocalOutcome =
  | { readonly kind: 'delivered'; readonly terminals: number; readonly stored?: number }
  | { readonly kind: 'stored'; readonly until: number }
  | { readonly kind: 'unaudited'; readonly reason: string }
  | { readonly kind: 'done before'; readonly how: string };

const ORI_PATTERN = /^[A-Z]{2}[0-9A-Z]{7}$/;

export class DeliveryService {
  readonly confirmations: HitConfirmationTracker;

  constructor(private readonly deps: DeliveryServiceDeps) {
    this.confirmations = new HitConfirmationTracker(deps.timers, deps.settings.confirmation, {
      followUp: (confirmation) => this.#followUp(confirmation),
      escalate: (confirmation) => this.#escalate(confirmation),
    }, {
      save: (confirmation, sending) => deps.store.saveConfirmation({
        id: confirmation.id, recordId: confirmation.recordId, priority: confirmation.priority, requestingOri: confirmation.requestingOri,
        requestingTerminal: confirmation.requestingTerminal, enteringOri: confirmation.enteringOri, requestNumber: confirmation.requestNumber,
        dueAt: confirmation.dueAt, sending: sending !== 'none', escalating: sending === 'escalation',
        context: encodeFrame({ transaction: confirmation.context as Transaction }, { maxFrameBytes: Number.MAX_SAFE_INTEGER }),
      }),
      remove: (id) => deps.store.removeConfirmation(id),
    }, (error, id) => deps.log.error({ err: error, confirmationId: id }, 'hit confirmation could not be kept or sent'));
  }

  /**
   * Takes up the hit confirmations kept before a restart (their deadlines as they were).
   * Call once, when the links start.
   */
  restoreConfirmations(): number {
    const kept = this.deps.store.confirmations().map((stored) => ({
      id: stored.id, recordId: stored.recordId, priority: stored.priority, requestingOri: stored.requestingOri,
      requestingTerminal: stored.requestingTerminal, enteringOri: stored.enteringOri, requestNumber: stored.requestNumber, dueAt: stored.dueAt,
      context: decodeFrame(stored.context, { maxFrameBytes: Number.MAX_SAFE_INTEGER }).transaction ?? {},
      sending: (stored.escalating ? 'escalation' : stored.sending ? 'follow-up' : 'none') as ConfirmationSending,
    }));
    return this.confirmations.restore(kept);
  }

  /** The pipeline's deliver step. False when every remote destination failed. */
  async deliver(
    deliveries: Deliveries, transaction: Transaction, origin: TransactionOrigin, reply: (frame: Frame) => void, context: DeliveryContext,
  ): Promise<boolean> {
    const header = transaction.header ?? {};
    if ((header.messageKey === 'YQ' || header.messageKey === 'YR') && origin.kind !== 'link') transaction = this.#withAgencyContact(transaction);
    if (header.messageKey === 'YQ' && origin.kind !== 'link') {
      // Resumed after a restart: the confirmation opened before it is kept already.
      const open = context.resumed !== undefined && this.confirmations.get(confirmationIdOf(header, this.deps.switchId)) !== undefined;
      if (!open) this.#openConfirmation(transaction);
    }
    return this.#deliverResolved(deliveries, transaction, reply, {
      requestKey: String(context.auditSeq), stamp: context.stamp, whenDown: context.whenDown,
      ...(context.heldUntil !== undefined ? { heldUntil: context.heldUntil } : {}),
      ...(context.markHeld !== undefined ? { markHeld: context.markHeld } : {}),
      ...(context.markDone !== undefined ? { markDone: context.markDone } : {}),
      ...(context.resumed !== undefined ? { resumed: context.resumed } : {}),
    });
  }

  /**
   * Keeps a frame of a transaction's answer for the operator who sent it, at their terminal,
   * when they are not logged in (a held transaction answered after a wait, or one resumed
   * after a restart): given at that operator's next login there, to nobody else.
   */
  keepForOperator(terminal: string, operatorId: string, frame: Frame): void {
    const now = this.deps.clock();
    const header = headerOf(frame);
    try {
      this.deps.store.put({
        address: terminal, destination: terminal, frame, storedAt: now, expiresAt: now + this.deps.settings.retentionMs, reportToSender: false, operatorId,
      });
      this.#audit(frame, { outcome: 'stored', detail: { destination: terminal, address: terminal, operator: operatorId, answer: frameKind(frame), clientMessageId: header.clientMessageId ?? '' } });
    } catch (error) {
      this.deps.log.error({ err: error, terminal }, 'answer for an offline operator could not be stored');
    }
  }

  /**
   * Sends a frame of a transaction's answer to the operator who sent it if they are logged in
   * at that terminal, else keeps it for them (`keepForOperator`).
   */
  answerOperator(terminal: string, operatorId: string, frame: Frame): void {
    if (this.deps.directory.sendToOperator(terminal, operatorId, frame)) return;
    this.keepForOperator(terminal, operatorId, frame);
  }

  /**
   * A switch's final answer to a request of this one that no transaction here waits for any
   * more (it ended before the answer came, or this switch no longer knows it): given to the
   * operator its header names, audited first, kept for them when they are not logged in.
   */
  async deliverLateAnswer(reply: LinkReply, fromLink: string): Promise<number> {
    const frames: Frame[] = [
      ...(reply.responses ?? []).map((response): Frame => ({ response })),
      ...(reply.reject ? [{ reject: reply.reject } as Frame] : []),
      ...(reply.deliveryReports ?? []).map((deliveryReport): Frame => ({ deliveryReport })),
    ];
    let given = 0;
    for (const frame of frames) {
      const header = headerOf(frame);
      const terminal = header.terminal ?? '';
      if (routeToTerminal(terminal, this.deps.table(), { fromLink }).kind !== 'local') {
        this.deps.log.warn({ terminal, fromLink, requestId: reply.requestId }, 'late answer for a terminal not served here: dropped');
        continue;
      }
      const audited = await this.#auditFirst(frame, { outcome: 'late_answer', detail: { destination: terminal, requestId: reply.requestId ?? '', link: fromLink, answer: frameKind(frame) } });
      if (!audited) continue;
      this.answerOperator(terminal, header.operatorId ?? '', frame);
      given += 1;
    }
    return given;
  }

  /**
   * A terminal logged in: its stored traffic, oldest first (traffic for its ORI too: the
   * first terminal of the agency to log in takes it). Returns how many frames it got.
   */
  async deliverStored(mnemonic: string, ori: string, write: (frame: Frame) => boolean, operatorId?: string): Promise<number> {
    const now = this.deps.clock();
    let delivered = 0;
    for (const message of this.deps.store.pending([mnemonic, ori], now, operatorId)) {
      // Taken from the store first, so two terminals of one agency logging in at once do not
      // both get it; put back when it does not reach this one.
      if (!this.deps.store.remove(message.id)) continue;
      const putBack = (): void => {
        this.deps.store.put({
          address: message.address, destination: message.destination, frame: message.frame,
          storedAt: message.storedAt, expiresAt: message.expiresAt, reportToSender: message.reportToSender,
          ...(message.operatorId !== undefined ? { operatorId: message.operatorId } : {}),
          ...(message.dedupeKey !== undefined ? { dedupeKey: message.dedupeKey } : {}),
          ...(message.broadcast ? { broadcast: true } : {}),
        });
      };
      // CJIS: the delivery row is committed before the message reaches the terminal. If it
      // cannot be, the message waits for a later login.
      const audited = await this.#auditFirst(message.frame, {
        outcome: 'delivered', detail: { destination: message.destination, terminal: mnemonic, stored: true, storedAt: message.storedAt },
      });
      if (!audited) {
        putBack();
        break;
      }
      if (!write(message.frame)) {
        putBack();
        this.#audit(message.frame, { outcome: 'not_delivered', detail: { destination: message.destination, terminal: mnemonic, stored: true, reason: 'connection closed' } });
        break;
      }
      delivered += 1;
      if (message.reportToSender) {
        this.#reportLater(message, DeliveryState.DELIVERY_STATE_DELIVERED, `${message.destination}: DELIVERED TO ${mnemonic} AT LOGIN (${this.deps.switchId})`);
      }
    }
    return delivered;
  }

  /** How many frames wait for a terminal (LoginResult.messages_waiting), for the operator logging in. */
  waitingFor(mnemonic: string, ori: string, operatorId?: string): number {
    return this.deps.store.count([mnemonic, ori], this.deps.clock(), operatorId);
  }

  /**
   * Drops stored traffic whose retention ran out and tells each sender (non-delivery).
   * Called on a timer and by tests.
   */
  expireStored(now: number = this.deps.clock()): number {
    const expired = this.deps.store.takeExpired(now);
    for (const message of expired) {
      this.#audit(message.frame, { outcome: 'expired', detail: { destination: message.destination, address: message.address, storedAt: message.storedAt } });
      if (message.reportToSender) {
        const hours = Math.round(this.deps.settings.retentionMs / 36_000) / 100;
        this.#reportLater(message, DeliveryState.DELIVERY_STATE_EXPIRED,
          `${message.destination}: NOT DELIVERED - NO TERMINAL LOGGED IN WITHIN ${hours} HOURS (${this.deps.switchId})`);
      }
    }
    return expired.length;
  }

  /** Unsolicited traffic from another switch: a late report on its way to the sender. */
  onLinkFrame(frame: DecodedFrame, fromLink: string): void {
    if (frame.deliveryReport) {
      this.sendToTerminal(frame.deliveryReport.header?.terminal ?? '', { deliveryReport: frame.deliveryReport }, fromLink);
    } else if (frame.hitConfirmationResponse) {
      this.sendToTerminal(frame.hitConfirmationResponse.header?.terminal ?? '', { hitConfirmationResponse: frame.hitConfirmationResponse }, fromLink);
    } else {
      this.deps.log.warn({ link: fromLink, kind: frame.body }, 'unsolicited frame from a link ignored (agency traffic comes as LinkRequests)');
    }
  }

  /** A link came back: the frames that waited for it go out, oldest first. */
  flushLink(name: string): number {
    const link = this.deps.links.get(name);
    if (link?.send === undefined) return 0;
    let sent = 0;
    for (const message of this.deps.store.pending([linkAddress(name)], this.deps.clock())) {
      if (!link.send(message.frame)) break;
      this.deps.store.remove(message.id);
      sent += 1;
    }
    return sent;
  }

  /**
   * Sends a frame to one terminal wherever it is: here (stored when it is offline), or on
   * the link towards its switch (stored for the link while the link is down).
   */
  sendToTerminal(terminal: string, frame: Frame, fromLink?: string): void {
    const now = this.deps.clock();
    const route = routeToTerminal(terminal, this.deps.table(), fromLink === undefined ? {} : { fromLink });
    switch (route.kind) {
      case 'local':
        if (!this.#writeToTerminal(terminal, frame)) {
          this.deps.store.put({ address: terminal, destination: terminal, frame, storedAt: now, expiresAt: now + this.deps.settings.retentionMs, reportToSender: false });
        }
        return;
      case 'link': {
        const link = this.deps.links.get(route.link);
        if (link?.state === 'up' && link.send?.(frame) === true) return;
        this.deps.store.put({
          address: linkAddress(route.link), destination: terminal, frame, storedAt: now, expiresAt: now + this.deps.settings.retentionMs, reportToSender: false,
        });
        return;
      }
      case 'unknown':
        this.deps.log.warn({ terminal, fromLink }, 'frame for a terminal no switch on the path serves: dropped');
        this.#audit(frame, { outcome: 'unknown_destination', detail: { terminal } });
    }
  }

  close(): void {
    this.confirmations.close();
  }

  // --- delivering -----------------------------------------------------------------------

  async #deliverResolved(deliveries: Deliveries, transaction: Transaction, reply: (frame: Frame) => void, context: DeliveryRun): Promise<boolean> {
    const header = transaction.header ?? {};
    const messageId = messageIdOf(header, this.deps.switchId);
    const report = (destination: string, state: DeliveryState, text: string): void => {
      reply({ deliveryReport: { header: replyHeader(header), messageId, destination, state, atMs: this.deps.clock(), text } });
    };

    const byDestination = new Map<string, string[]>();
    for (const { terminal, destination } of deliveries.local) {
      const terminals = byDestination.get(destination) ?? [];
      terminals.push(terminal);
      byDestination.set(destination, terminals);
    }
    let localFailed = false;
    for (const [destination, terminals] of byDestination) {
      const outcome = await this.#deliverLocal(transaction, destination, terminals, messageId, context);
      if (outcome.kind === 'delivered') {
        const stored = outcome.stored !== undefined && outcome.stored > 0 ? `, STORED FOR ${outcome.stored} OFFLINE` : '';
        report(destination, DeliveryState.DELIVERY_STATE_DELIVERED, `${destination}: DELIVERED TO ${outcome.terminals} TERMINAL(S) AT ${this.deps.switchId}${stored}`);
      } else if (outcome.kind === 'done before') {
        report(destination, outcome.how === 'stored' ? DeliveryState.DELIVERY_STATE_STORED : DeliveryState.DELIVERY_STATE_DELIVERED,
          `${destination}: ${outcome.how === 'stored' ? 'STORED' : 'DELIVERED'} AT ${this.deps.switchId} BEFORE A RESTART`);
      } else if (outcome.kind === 'stored') {
        report(destination, DeliveryState.DELIVERY_STATE_STORED,
          `${destination}: NO TERMINAL LOGGED IN AT ${this.deps.switchId} - STORED, DELIVERED AT LOGIN UNTIL ${new Date(outcome.until).toISOString()}`);
      } else {
        localFailed = true;
        report(destination, DeliveryState.DELIVERY_STATE_REFUSED, `${destination}: NOT DELIVERED - CLETS_ERR_AUDIT_UNAVAILABLE ${outcome.reason}`);
      }
    }

    const remote = await Promise.all([...deliveries.remote].map(([link, destinations]) =>
      this.#deliverRemote(link, destinations, transaction, reply, report, context)));

    for (const destination of deliveries.unknown) {
      report(destination, DeliveryState.DELIVERY_STATE_UNKNOWN_DESTINATION, `${destination}: UNKNOWN DESTINATION - NO SWITCH ON THE PATH SERVES IT`);
      this.#audit({ adminMessage: { header, messageId } }, { outcome: 'unknown_destination', detail: { destination } });
    }
    return remote.every(Boolean) && !localFailed;
  }

  /**
   * One destination served here: to each of its logged-in terminals, or stored. The delivery
   * row is committed before the message reaches anyone (CJIS: nothing disclosed that cannot
   * be audited); if it cannot be, nobody gets it and the sender is told. With the journal, the
   * part is marked done in the same turn, also before anyone gets it: a delivery resumed
   * after a crash never reaches a terminal twice.
   */
  async #deliverLocal(transaction: Transaction, destination: string, terminals: readonly string[], messageId: string, context: DeliveryRun): Promise<LocalOutcome> {
    const part = `local:${destination}`;
    const before = [...(context.resumed?.done ?? [])].find((done) => done.startsWith(`${part}=`));
    if (before !== undefined) return { kind: 'done before', how: before.slice(part.length + 1) };
    const frame = this.#frameFor(transaction, destination, messageId);
    const broadcast = isBroadcastDestination(destination);
    const live = terminals.filter((terminal) => this.deps.directory.get(terminal)?.session !== undefined);
    if (live.length > 0 || broadcast) {
      const [audited, marked] = await Promise.all([
        this.#auditFirst(frame, { outcome: 'delivered', detail: { destination, terminals: live.length, to: live } }),
        this.#mark(context, `${part}=delivered`),
      ]);
      if (!audited || !marked) return { kind: 'unaudited', reason: audited ? 'the delivery could not be recorded in the journal' : 'the delivery could not be recorded in the audit log' };
      let delivered = 0;
      for (const terminal of live) if (this.#writeToTerminal(terminal, frame)) delivered += 1;
      if (broadcast) {
        // Who is logged in now, not before the rows were written: a terminal whose login came
        // in between has taken its stored traffic already and gets the broadcast live.
        const since = terminals.filter((terminal) => !live.includes(terminal) && this.deps.directory.get(terminal)?.session !== undefined);
        const given = since.length > 0 && await this.#auditFirst(frame, { outcome: 'delivered', detail: { destination, terminals: since.length, to: since } });
        if (given) for (const terminal of since) if (this.#writeToTerminal(terminal, frame)) delivered += 1;
        const offline = terminals.filter((terminal) => !live.includes(terminal) && !(given && since.includes(terminal)));
        return { kind: 'delivered', terminals: delivered, stored: this.#storeBroadcast(frame, destination, messageId, offline) };
      }
      if (delivered > 0) return { kind: 'delivered', terminals: delivered };
      this.#audit(frame, { outcome: 'not_delivered', detail: { destination, reason: 'connections closed' } });
    }
    const now = this.deps.clock();
    const until = now + this.deps.settings.retentionMs;
    // A message to an agency waits for its first terminal to log in; to a terminal, for that one.
    const address = ORI_PATTERN.test(destination) ? destination : terminals[0] ?? destination;
    this.deps.store.put({ address, destination, frame, storedAt: now, expiresAt: until, reportToSender: true, dedupeKey: `${messageId}:${destination}` });
    await this.#mark(context, `${part}=stored`);
    this.#audit(frame, { outcome: 'stored', detail: { destination, address, until } });
    return { kind: 'stored', until };
  }

  /**
   * A broadcast's copy for each registered terminal of the county that is offline, stored in
   * one commit; each terminal keeps at most `maxStoredBroadcastsPerTerminal` of them (the
   * oldest dropped, audited `expired`). Returns how many were stored.
   */
  #storeBroadcast(frame: Frame, destination: string, messageId: string, offline: readonly string[]): number {
    if (offline.length === 0) return 0;
    const now = this.deps.clock();
    const copies: NewStoredMessage[] = offline.map((terminal) => ({
      address: terminal, destination, frame, storedAt: now, expiresAt: now + this.deps.settings.retentionMs, reportToSender: false,
      broadcast: true, dedupeKey: `${messageId}:${destination}:${terminal}`,
    }));
    try {
      const { stored, trimmed } = this.deps.store.putMany(copies, this.deps.settings.maxStoredBroadcastsPerTerminal ?? DEFAULT_MAX_STORED_BROADCASTS);
      this.#audit(frame, { outcome: 'stored', detail: { destination, broadcast: true, terminals: stored } });
      for (const dropped of trimmed) {
        this.#audit(dropped.frame, { outcome: 'expired', detail: { destination: dropped.destination, address: dropped.address, storedAt: dropped.storedAt, reason: 'broadcasts stored for this terminal over the limit' } });
      }
      return stored;
    } catch (error) {
      this.deps.log.error({ err: error, destination }, 'broadcast copies for offline terminals could not be stored');
      return 0;
    }
  }

  async #mark(context: DeliveryRun, part: string): Promise<boolean> {
    if (context.markDone === undefined) return true;
    try {
      await context.markDone(part);
      return true;
    } catch (error) {
      this.deps.log.error({ err: error, part }, 'delivery could not be recorded in the journal');
      return false;
    }
  }

  /** The destinations another switch serves, in one request on the link towards it. */
  async #deliverRemote(
    link: string, destinations: readonly string[], transaction: Transaction, reply: (frame: Frame) => void,
    report: (destination: string, state: DeliveryState, text: string) => void,
    context: DeliveryRun,
  ): Promise<boolean> {
    const header = transaction.header ?? {};
    const heldBefore = context.resumed?.held.has(link) ?? false;
    let partialSeen = heldBefore;
    let notified: Promise<void> = Promise.resolve();
    const outcome = await this.deps.dispatcher.send({
      link, system: DELIVERY_SYSTEM, requestId: `${this.deps.switchId}:${context.requestKey}:${DELIVERY_SYSTEM}:${link}`,
      transaction, destinations, stamp: context.stamp, whenDown: context.whenDown,
      ...(context.heldUntil !== undefined ? { heldUntil: context.heldUntil } : {}),
      ...(heldBefore ? { silentHold: true } : {}),
      ...(context.markHeld !== undefined ? { onHold: (notice) => context.markHeld!(link, Number(notice.expiresAtMs ?? 0)) } : {}),
      onQueued: (notice) => {
        reply({ queuedNotice: { ...notice, system: link, text: `.02. ${link} OUT OF SERVICE - MESSAGE QUEUED, WILL BE FORWARDED WHEN IT RETURNS` } });
        this.#audit({ adminMessage: { header } }, { outcome: 'queued', detail: { link, destinations } });
      },
      onPartial: (partial) => {
        if (!partial.queued || partialSeen) return;
        partialSeen = true;
        const notice = { ...partial.queued, header: replyHeader(header) };
        // Passed on once recorded: the notice promises the message is kept.
        notified = (context.markHeld?.(link, Number(notice.expiresAtMs ?? 0)) ?? Promise.resolve())
          .then(() => reply({ queuedNotice: notice }), (error: unknown) => this.deps.log.error({ err: error, link }, 'held mark not recorded: queued notice withheld'));
      },
    });
    await notified;
    if (!outcome.ok) {
      if (outcome.suspended) throw new TransactionSuspended();
      const state = outcome.error.code === 'CLETS_ERR_NON_DELIVERY' ? DeliveryState.DELIVERY_STATE_EXPIRED : DeliveryState.DELIVERY_STATE_REFUSED;
      for (const destination of destinations) report(destination, state, `${destination}: NOT DELIVERED - ${outcome.error.code} ${outcome.error.message}`);
      this.#audit({ adminMessage: { header } }, { outcome: 'not_delivered', code: outcome.error.code, detail: { link, destinations } });
      return false;
    }
    const reports = outcome.reply.deliveryReports ?? [];
    for (const remoteReport of reports) reply({ deliveryReport: { ...remoteReport, header: replyHeader(header) } });
    const refusal = outcome.reply.reject;
    if (refusal) {
      for (const destination of destinations) report(destination, DeliveryState.DELIVERY_STATE_REFUSED, `${destination}: REFUSED - ${refusal.code ?? ''} ${refusal.reason ?? ''}`);
    }
    this.#audit({ adminMessage: { header } }, {
      outcome: refusal ? 'refused' : 'forwarded',
      ...(refusal?.code ? { code: refusal.code } : {}),
      detail: { link, destinations, reports: reports.map((entry) => `${entry.destination ?? ''}:${entry.state ?? 0}`) },
    });
    return !refusal;
  }

  /** The frame a terminal gets for one destination of an AM, YQ or YR. */
  #frameFor(transaction: Transaction, destination: string, messageId: string): Frame {
    const header = transaction.header ?? {};
    const fields = fieldsOf(transaction);
    const now = this.deps.clock();
    switch (header.messageKey) {
      case 'YQ': {
        const priority: ConfirmationPriorityCode = fields.get('PRI') === 'U' ? 'U' : 'R';
        const requestNumber = Number(fields.get('RNO') ?? '1') || 1;
        return {
          hitConfirmationRequest: {
            header, confirmationId: confirmationIdOf(header, this.deps.switchId), recordId: fields.get('NIC') ?? '',
            priority: priority === 'U' ? ConfirmationPriority.CONFIRMATION_PRIORITY_URGENT : ConfirmationPriority.CONFIRMATION_PRIORITY_ROUTINE,
            requestNumber, requestingOri: header.ori ?? '', enteringOri: this.#oriOf(destination),
            answerDueMs: now + this.confirmations.windowOf(priority),
            text: `HIT CONFIRMATION REQUEST ${requestNumber} - ${PRIORITY_CODES[priority]}\n${fieldLine(transaction)}`,
          },
        };
      }
      case 'YR': {
        const requestingOri = this.#oriOf(destination);
        const closed = this.confirmations.answer(requestingOri, fields.get('NIC') ?? '', header.ori ?? '');
        if (closed !== undefined) {
          this.#audit({ hitConfirmationRequest: { header } }, { outcome: 'confirmation_closed', detail: { confirmationId: closed.id, answer: fields.get('CNF'), requestNumber: closed.requestNumber } });
        }
        const answer = fields.get('CNF');
        return {
          hitConfirmationResponse: {
            header, confirmationId: closed?.id ?? '', recordId: fields.get('NIC') ?? '',
            state: answer === 'Y' ? ConfirmationState.CONFIRMATION_STATE_CONFIRMED
              : answer === 'N' ? ConfirmationState.CONFIRMATION_STATE_NOT_CONFIRMED
                : ConfirmationState.CONFIRMATION_STATE_ANSWER_BY,
            answerByMs: answerByMs(fields.get('ABY'), now),
            respondingOri: header.ori ?? '',
            text: `HIT CONFIRMATION RESPONSE\n${fieldLine(transaction)}`,
          },
        };
      }
      default: {
        // AM. Officer-safety text (CAU) travels in its own member, shown before the body.
        return {
          adminMessage: {
            header, officerSafety: fields.get('CAU') ?? '', text: fields.get('TXT') ?? '',
            broadcast: isBroadcastDestination(destination), messageId,
          },
        };
      }
    }
  }

  // --- hit confirmations ----------------------------------------------------------------

  #openConfirmation(transaction: Transaction): void {
    const header = transaction.header ?? {};
    const fields = fieldsOf(transaction);
    const enteringOri = header.destinations?.[0] ?? '';
    const confirmation = this.confirmations.open({
      id: confirmationIdOf(header, this.deps.switchId), recordId: fields.get('NIC') ?? '',
      priority: fields.get('PRI') === 'U' ? 'U' : 'R', requestNumber: Number(fields.get('RNO') ?? '1') || 1,
      requestingOri: header.ori ?? '', requestingTerminal: header.terminal ?? '', enteringOri, context: transaction,
    });
    this.#audit({ hitConfirmationRequest: { header } }, {
      outcome: 'confirmation_opened',
      detail: { confirmationId: confirmation.id, recordId: confirmation.recordId, requestNumber: confirmation.requestNumber, dueAt: confirmation.dueAt },
    });
  }

  /**
   * A YQ or YR typed here, with the sending agency's name and telephone from this switch's
   * records in place of anything typed (Nlets: a hit confirmation names who to call back).
   */
  #withAgencyContact(transaction: Transaction): Transaction {
    const contact = this.deps.agencyContact?.(transaction.header?.ori ?? '');
    const added = [
      ...(contact?.name ? [{ tag: 'AGN', value: contact.name }] : []),
      ...(contact?.telephone ? [{ tag: 'TEL', value: contact.telephone }] : []),
    ];
    const kept = (transaction.fields ?? []).filter((field) => field.tag !== 'AGN' && field.tag !== 'TEL');
    return { ...transaction, fields: [...kept, ...added] };
  }

  /** The deadline passed unanswered: the same YQ again with the next request number. */
  #followUp(confirmation: OpenConfirmation): Promise<void> {
    const original = confirmation.context as Transaction;
    const fields = (original.fields ?? []).map((field) => (field.tag === 'RNO' ? { tag: 'RNO', value: String(confirmation.requestNumber) } : field));
    const transaction: Transaction = { ...original, fields, text: '' };
    this.#audit({ hitConfirmationRequest: { header: original.header ?? {} } }, {
      outcome: 'confirmation_follow_up',
      detail: { confirmationId: confirmation.id, requestNumber: confirmation.requestNumber, dueAt: confirmation.dueAt },
    });
    return this.#sendFromSwitch(transaction, `${confirmation.id}:RNO${confirmation.requestNumber}`);
  }

  /** No answer after the third request: the requester and the state control point are told. */
  #escalate(confirmation: OpenConfirmation): Promise<void> {
    const original = confirmation.context as Transaction;
    const header = original.header ?? {};
    const controlPoint = this.deps.settings.controlPointOri;
    const notice: HitConfirmationResponse = {
      header: replyHeader(header), confirmationId: confirmation.id, recordId: confirmation.recordId,
      state: ConfirmationState.CONFIRMATION_STATE_ESCALATED, respondingOri: '',
      text: `HIT CONFIRMATION ${confirmation.id} NIC/${confirmation.recordId}: NO ANSWER FROM ${confirmation.enteringOri} AFTER ${confirmation.requestNumber} REQUESTS - STATE CONTROL POINT ${controlPoint} NOTIFIED`,
    };
    this.sendToTerminal(confirmation.requestingTerminal, { hitConfirmationResponse: notice });
    this.#audit({ hitConfirmationRequest: { header } }, {
      outcome: 'confirmation_escalated',
      detail: { confirmationId: confirmation.id, recordId: confirmation.recordId, enteringOri: confirmation.enteringOri, controlPoint },
    });
    const message: Transaction = {
      header: {
        ...replyHeader(header), messageKey: 'AM', clientMessageId: `${header.clientMessageId ?? ''}-ESC`, destinations: [controlPoint], hops: [],
      },
      fields: [{
        tag: 'TXT',
        value: `HIT CONFIRMATION UNANSWERED: NIC ${confirmation.recordId} ENTERED BY ${confirmation.enteringOri}, `
          + `REQUESTED BY ${confirmation.requestingOri} (TERMINAL ${confirmation.requestingTerminal}), PRIORITY ${confirmation.priority}, `
          + `${confirmation.requestNumber} REQUESTS SENT, NO ANSWER. CONFIRMATION ${confirmation.id}.`,
      }],
    };
    return this.#sendFromSwitch(message, `${confirmation.id}:ESC`);
  }

  /** Traffic the switch itself originates for other parts of it (the control point's validation reports). */
  sendFromSwitch(transaction: Transaction, requestKey: string): Promise<void> {
    return this.#sendFromSwitch(transaction, requestKey);
  }

  /**
   * Traffic the switch itself originates (follow-ups, escalations): reports are audited only.
   * Resolves once it went out or its hold ended; the hit confirmation it serves is kept as
   * being sent until then, so a restart sends it again.
   */
  async #sendFromSwitch(transaction: Transaction, requestKey: string): Promise<void> {
    try {
      const deliveries = resolveDeliveries(transaction.header?.destinations ?? [], this.deps.table());
      await this.#deliverResolved(deliveries, transaction, (frame) => {
        if (frame.deliveryReport) {
          this.#audit({ adminMessage: { header: transaction.header ?? {} } }, {
            outcome: 'switch_message_report', detail: { requestKey, destination: frame.deliveryReport.destination, state: frame.deliveryReport.state },
          });
        }
      }, { requestKey, stamp: { inputSeq: 0, receivedAt: this.deps.clock() }, whenDown: 'queue' });
    } catch (error) {
      if (error instanceof TransactionSuspended) throw error;
      this.deps.log.error({ err: error, requestKey }, 'switch-originated message failed');
    }
  }

  // --- helpers --------------------------------------------------------------------------

  /** A report made after the sender's transaction completed: routed to the sender's terminal. */
  #reportLater(message: StoredMessage, state: DeliveryState, text: string): void {
    const header = headerOf(message.frame);
    const report: DeliveryReport = {
      header: replyHeader(header), messageId: messageIdFor(message.frame, this.deps.switchId), destination: message.destination,
      state, atMs: this.deps.clock(), text,
    };
    this.sendToTerminal(header.terminal ?? '', { deliveryReport: report });
  }

  #writeToTerminal(terminal: string, frame: Frame): boolean {
    const connection = this.deps.directory.get(terminal);
    if (connection?.session === undefined) return false;
    return connection.write(frame);
  }

  /** The ORI a destination names: itself, or the ORI of a local terminal. */
  #oriOf(destination: string): string {
    if (ORI_PATTERN.test(destination)) return destination;
    return this.deps.table().localTerminals.get(destination) ?? destination;
  }

  #audit(frame: Frame, event: Pick<SwitchAuditEvent, 'outcome'> & Partial<SwitchAuditEvent>): void {
    this.deps.audit.append(this.#deliveryEvent(frame, event))
      .catch((error: unknown) => this.deps.log.error({ err: error }, 'audit append failed'));
  }

  /** A delivery row that must be committed before the message goes out: false when it could not be. */
  async #auditFirst(frame: Frame, event: Pick<SwitchAuditEvent, 'outcome'> & Partial<SwitchAuditEvent>): Promise<boolean> {
    try {
      await this.deps.audit.append(this.#deliveryEvent(frame, event));
      return true;
    } catch (error) {
      this.deps.log.error({ err: error }, 'delivery could not be audited: not delivered');
      return false;
    }
  }

  #deliveryEvent(frame: Frame, event: Pick<SwitchAuditEvent, 'outcome'> & Partial<SwitchAuditEvent>): SwitchAuditEvent {
    const header = headerOf(frame);
    const kind = frame.adminMessage ? 'AM' : undefined;
    return {
      type: 'delivery', at: this.deps.clock(), switchId: this.deps.switchId,
      operatorId: header.operatorId ?? '', terminal: header.terminal ?? '', ori: header.ori ?? '',
      messageKey: header.messageKey || kind || '', clientMessageId: header.clientMessageId ?? '',
      ...event,
      detail: { messageId: messageIdFor(frame, this.deps.switchId), ...event.detail },
    };
  }
}

/**
 * The id of an administrative message, the same at every switch it passes: the first
 * switch (the first hop, or this switch when there is none yet), the sending terminal, the
 * operator and their client message id. A client message id is only unique for one operator
 * at one terminal (the duplicate window's replay scope): two operators taking turns at a
 * terminal may both send id 1, and their messages and reports must not be taken for one.
 */
export function messageIdOf(header: Header, switchId: string): string {
  const first = header.hops?.[0]?.switchId || switchId;
  return `${first}:${header.terminal ?? ''}:${header.operatorId ?? ''}:${header.clientMessageId ?? ''}`;
}

/** A hit confirmation's id is its first YQ's message id: follow-ups keep the first header. */
export const confirmationIdOf = messageIdOf;

function messageIdFor(frame: Frame, switchId: string): string {
  if (frame.adminMessage?.messageId) return frame.adminMessage.messageId;
  if (frame.hitConfirmationRequest?.confirmationId) return frame.hitConfirmationRequest.confirmationId;
  if (frame.hitConfirmationResponse?.confirmationId) return frame.hitConfirmationResponse.confirmationId;
  if (frame.deliveryReport?.messageId) return frame.deliveryReport.messageId;
  return messageIdOf(headerOf(frame), switchId);
}

function headerOf(frame: Frame): Header {
  return frame.adminMessage?.header ?? frame.hitConfirmationRequest?.header ?? frame.hitConfirmationResponse?.header
    ?? frame.deliveryReport?.header ?? frame.response?.header ?? frame.reject?.header ?? frame.completion?.header
    ?? frame.queuedNotice?.header ?? frame.receipt?.header ?? {};
}

/** The kind of answer frame kept or given late (for the audit row). */
function frameKind(frame: Frame): string {
  return Object.keys(frame).find((key) => (frame as Record<string, unknown>)[key] != null) ?? 'unknown';
}

function fieldsOf(transaction: Transaction): Map<string, string> {
  return new Map((transaction.fields ?? []).map((field) => [field.tag ?? '', field.value ?? '']));
}

function fieldLine(transaction: Transaction): string {
  const header = transaction.header ?? {};
  const fields = (transaction.fields ?? []).map((field) => `${field.tag ?? ''}/${field.value ?? ''}`);
  return [header.messageKey ?? '', header.ori ?? '', ...fields].join('.');
}

/**
 * ABY, "answer by": CCYYMMDDHHMM, or HHMM meaning the next such time. The simulation reads
 * both as UTC (a real switch would use the agency's local time; public sources are silent).
 */
export function answerByMs(value: string | undefined, now: number): number {
  if (value === undefined || value === '') return 0;
  const minutes = (text: string): number => Number(text.slice(0, 2)) * 60 + Number(text.slice(2, 4));
  if (value.length === 12) {
    return Date.UTC(Number(value.slice(0, 4)), Number(value.slice(4, 6)) - 1, Number(value.slice(6, 8))) + minutes(value.slice(8)) * 60_000;
  }
  const day = new Date(now);
  const midnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  const at = midnight + minutes(value) * 60_000;
  return at >= now ? at : at + 24 * 60 * 60_000;
}
