/**
 * The path of one transaction through the switch:
 *
 *   duplicate check -> header from the session -> parse/validate (catalogue) -> authorize
 *   (security policy) -> route (pure core) -> audit row committed -> Receipt -> one request
 *   per system leg (or queue / refuse when a system is down) -> Responses and Rejects as
 *   they come -> Completion.
 *
 * Nothing is acknowledged before its audit row is committed (CJIS: never process what
 * cannot be audited), and every leg ends in an answer, a reject or a non-delivery: a
 * terminal never waits on silence.
 */
import {
  CletsError, DELIVERY_SYSTEM, SWITCH_SYSTEM, formatTransaction, parseMnemonic, rejectOf, replyHeader, subjectKeys, toCletsError, validateTransaction,
  type DownPolicy, type Frame, type Header, type Response, type Transaction,
} from '@clets/protocol';
import {
  DuplicateWindow, isBroadcastDestination, replayKey, replayScopeKey, routeTransaction,
  type Deliveries, type ReplayScope, type RouteDecision, type RoutingTable, type SystemLeg,
} from '@clets/routing';
import type { HopStamp, LinkDispatcher } from '../links/link-dispatcher.js';
import { AnswerRecord, transactionDigest } from './replays.js';
import type { Metrics } from '../metrics.js';
import type { AuditSink } from '../audit/types.js';
import type { OperatorSession, SecurityPolicy } from '../security/policy.js';

/** Who sent a transaction, and how to answer them. */
export interface TransactionOrigin {
  readonly kind: 'terminal' | 'gateway' | 'link';
  /** The logged-in operator (terminal and gateway origins). */
  readonly session: OperatorSession | undefined;
  /** Terminal mnemonic, or the peer id of a link. */
  readonly terminal: string;
  readonly sourceAddress: string;
  /** The link a transaction came in on (never routed back there). */
  readonly fromLink?: string;
  /**
   * A LinkRequest names the one system it is for: the switch below already fanned out, so
   * this switch sends the transaction to that system only, not to every system of the key.
   */
  readonly system?: string;
  /** The LinkRequest's id: the duplicate key of traffic from another switch. */
  readonly requestId?: string;
  /**
   * Sends a frame to whoever sent the transaction, wherever they are connected now: for a
   * terminal, the connection of the same operator at that terminal, and nobody else's.
   */
  send(frame: Frame): void;
}

export interface PipelineDeps {
  readonly switchId: string;
  readonly clock: () => number;
  readonly table: () => RoutingTable;
  /** Where each system leg goes out (the delivery service sends agency traffic through it too). */
  readonly dispatcher: LinkDispatcher;
  readonly audit: AuditSink;
  readonly policy: SecurityPolicy;
  readonly metrics: Metrics;
  readonly limits: {
    readonly duplicateWindowMs: number;
    readonly duplicateMaxEntries: number;
    /** One session's share of the duplicate window. */
    readonly duplicateMaxPerSession: number;
    /** Transactions one terminal or gateway session may have in flight (README.md, "Per-session window"). */
    readonly maxInFlightPerSession: number;
    readonly requestDeadlineMs: number;
    readonly queueTtlMs: number;
  };
  /**
   * Agency-to-agency deliveries (AM, YQ, YR), after the receipt. Resolves false when a
   * destination could not be reached at all (the completion then lists DELIVERY as failed).
   */
  readonly deliver?: (
    deliveries: Deliveries, transaction: Transaction, origin: TransactionOrigin, reply: (frame: Frame) => void, context: DeliveryContext,
  ) => Promise<boolean | void>;
  /** Roles that may address a whole county ("C19") or everyone ("ALL"). Unset: any role. */
  readonly broadcastRoles?: ReadonlySet<string>;
  /**
   * The answer to a key the switch answers itself (catalogue route `local`: RL, a release
   * logged against the operator's own transaction), given once the transaction's audit row
   * is committed. Throws a CletsError to refuse; unset, such keys are refused.
   */
  readonly answerLocally?: (transaction: Transaction, origin: TransactionOrigin, auditSeq: number) => Promise<Response>;
  /**
   * Each system response once it has gone to the sender: a locate's acknowledgement makes the
   * switch notify the entering agency (traffic/locate-notifications.ts). Must not throw.
   */
  readonly onAnswered?: (response: Response, transaction: Transaction, origin: TransactionOrigin, context: DeliveryContext) => void;
  /** Misuse flags raised by the policy go to the review queue. */
  readonly onFlag?: (flag: { kind: string; detail: string }, transaction: Transaction, origin: TransactionOrigin, auditSeq: number) => void;
  readonly log?: { warn(object: object, message?: string): void; error(object: object, message?: string): void };
}

/** What the pipeline knows of an accepted transaction, for the delivery step. */
export interface DeliveryContext {
  /** Its audit row: unique and durable on this switch. */
  readonly auditSeq: number;
  /** This switch's stamp, for the hop it adds when it sends the transaction on. */
  readonly stamp: HopStamp;
  readonly whenDown: DownPolicy;
}

const ECHO_LENGTH = 100;
/** The longest client message id and control field accepted (docs/protocol.md). */
const MAX_CLIENT_MESSAGE_ID = 64;
const MAX_CONTROL = 40;
export class TransactionPipeline {
  readonly #duplicates: DuplicateWindow<AnswerRecord>;
  readonly #inputSeq = new Map<string, number>();
  /** Transactions in flight per session (terminal: operator at the terminal; gateway: its session). */
  readonly #perSession = new Map<string, number>();
  #inFlight = 0;
  #idleWaiters: (() => void)[] = [];

  constructor(private readonly deps: PipelineDeps) {
    this.#duplicates = new DuplicateWindow(deps.limits.duplicateWindowMs, deps.limits.duplicateMaxEntries, deps.limits.duplicateMaxPerSession);
  }

  /** Transactions accepted and not yet complete. */
  get inFlight(): number {
    return this.#inFlight;
  }

  /** Resolves when no transaction is in flight (shutdown drain). */
  idle(): Promise<void> {
    if (this.#inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  /** Runs one transaction to its end. Never throws: every failure is answered. */
  async submit(origin: TransactionOrigin, transaction: Transaction): Promise<void> {
    this.#inFlight += 1;
    const session = this.#enterWindow(origin);
    try {
      if (session === false) await this.#refuseWindowFull(origin, transaction);
      else await this.#run(origin, transaction);
    } catch (error) {
      this.deps.log?.error({ err: error, terminal: origin.terminal }, 'transaction pipeline failed');
      origin.send(rejectFrame(toCletsError(error), transaction));
    } finally {
      if (typeof session === 'string') this.#leaveWindow(session);
      this.#inFlight -= 1;
      if (this.#inFlight === 0) for (const waiter of this.#idleWaiters.splice(0)) waiter();
    }
  }

  /**
   * Takes a place in the origin's per-session window: the session's key, false when the
   * window is full, undefined for traffic from another switch (its link has its own window).
   * A resend takes a place too: it is answered with the original's frames, and unbounded
   * resends of one id would multiply them.
   */
  #enterWindow(origin: TransactionOrigin): string | false | undefined {
    if (origin.kind === 'link' || origin.session === undefined) return undefined;
    const key = replayScopeKey(replayScopeOf(origin));
    const open = this.#perSession.get(key) ?? 0;
    if (open >= this.deps.limits.maxInFlightPerSession) return false;
    this.#perSession.set(key, open + 1);
    return key;
  }

  #leaveWindow(key: string): void {
    const open = (this.#perSession.get(key) ?? 1) - 1;
    if (open <= 0) this.#perSession.delete(key);
    else this.#perSession.set(key, open);
  }

  /** Refused at once, never queued: the session waits for its answers, nobody else does. */
  async #refuseWindowFull(origin: TransactionOrigin, transaction: Transaction): Promise<void> {
    const reject = new CletsError('CLETS_ERR_SESSION_WINDOW_FULL', `at most ${this.deps.limits.maxInFlightPerSession} transactions in flight per session: wait for their answers`);
    this.#count(transaction.header?.messageKey, 'window_full');
    await this.#audit({
      type: 'reject', at: this.deps.clock(), outcome: 'rejected', code: reject.code, ...identity(origin, transaction),
      detail: { reason: reject.message, echo: echoOf(transaction) },
    });
    origin.send(rejectFrame(reject, transaction));
  }

  async #run(origin: TransactionOrigin, sent: Transaction): Promise<void> {
    const { deps } = this;
    const now = deps.clock();
    // Only switches stamp: a terminal or gateway client that sends hops, sequence numbers or
    // times would otherwise see them echoed and put a forged hop in the path (README.md, "Hop stamps").
    const incoming = origin.kind === 'link' ? sent : withoutSwitchStamps(sent);
    const clientMessageId = incoming.header?.clientMessageId ?? '';
    if (clientMessageId === '') {
      origin.send(rejectFrame(new CletsError('CLETS_ERR_REQUEST_INVALID', 'header.client_message_id is required'), incoming));
      return;
    }
    // Both are echoed in every answer and kept in the duplicate window: a client must not
    // make each of its transactions cost the switch tens of kilobytes. (A linked switch may
    // add to an id it was given, "-ESC" say; it is not a client.)
    const oversized = origin.kind === 'link' ? undefined
      : clientMessageId.length > MAX_CLIENT_MESSAGE_ID ? 'client_message_id'
        : (incoming.header?.control ?? '').length > MAX_CONTROL ? 'control' : undefined;
    if (oversized !== undefined) {
      const limit = oversized === 'control' ? MAX_CONTROL : MAX_CLIENT_MESSAGE_ID;
      const reject = new CletsError('CLETS_ERR_REQUEST_INVALID', `header.${oversized} longer than ${limit} characters`, { field: oversized });
      const shown: Transaction = {
        ...incoming,
        header: { ...incoming.header, clientMessageId: clientMessageId.slice(0, MAX_CLIENT_MESSAGE_ID), control: (incoming.header?.control ?? '').slice(0, MAX_CONTROL) },
      };
      this.#count(incoming.header?.messageKey, 'rejected');
      await this.#audit({
        type: 'reject', at: now, outcome: 'rejected', code: reject.code, ...identity(origin, shown),
        detail: { reason: reject.message, field: oversized, echo: echoOf(shown) },
      });
      origin.send(rejectFrame(reject, shown));
      return;
    }

    // A resend of a transaction already seen is answered again, never forwarded again; but
    // only inside its replay scope, and only for the same content (README.md, "Resends").
    const scope = replayScopeOf(origin);
    const key = replayKey(scope, clientMessageId);
    const digest = transactionDigest(sent);
    const seen = this.#duplicates.lookup(key, digest, now);
    if (seen.kind === 'resend') {
      await this.#replay(origin, incoming, seen.value, now);
      return;
    }
    if (seen.kind === 'reused') {
      const reject = new CletsError('CLETS_ERR_MESSAGE_ID_REUSED', `${clientMessageId.slice(0, 64)} already names another transaction: give this one a new id`, { field: 'client_message_id' });
      this.#count(incoming.header?.messageKey, 'rejected');
      await this.#audit({
        type: 'reject', at: now, outcome: 'rejected', code: reject.code, ...identity(origin, incoming),
        detail: { reason: reject.message, echo: echoOf(incoming) },
      });
      origin.send(rejectFrame(reject, incoming));
      return;
    }
    const record = new AnswerRecord();
    // A linked switch's share is the peer's, not one request's.
    const share = replayScopeKey(scope.kind === 'link' ? { ...scope, requestId: '' } : scope);
    this.#duplicates.set(key, digest, record, now, share);
    const reply = (frame: Frame): void => {
      record.add(frame);
      origin.send(frame);
    };
    try {
      await this.#accept(origin, incoming, reply, record, now);
    } finally {
      record.finish();
    }
  }

  /**
   * A resend in the same scope with the same content: audited first (who asked again, which
   * original), then answered with the original's frames so far and every later one. If the
   * replay cannot be audited, the resend gets a reject instead of the answer.
   */
  async #replay(origin: TransactionOrigin, incoming: Transaction, record: AnswerRecord, now: number): Promise<void> {
    const { deps } = this;
    const originalSeq = await record.firstRow;
    try {
      await deps.audit.append({
        switchId: deps.switchId, type: 'replay', at: now, outcome: record.finished ? 'replayed' : 'replayed_in_flight',
        ...identity(origin, incoming), detail: { originalSeq: originalSeq ?? null, framesSoFar: record.frames.length },
      });
    } catch (error) {
      this.#count(incoming.header?.messageKey, 'audit_unavailable');
      origin.send(rejectFrame(toCletsError(error), incoming));
      return;
    }
    deps.metrics.count('clets_duplicates_total', 'Transactions answered again from the duplicate window');
    for (const frame of record.frames) origin.send(frame);
    if (record.finished) return;
    record.follow((frame) => origin.send(frame));
    await record.done;
  }

  /** A transaction seen for the first time in its scope: validate, authorise, audit, answer. */
  async #accept(origin: TransactionOrigin, incoming: Transaction, reply: (frame: Frame) => void, record: AnswerRecord, now: number): Promise<void> {
    const { deps } = this;
    let transaction: Transaction;
    let decision: RouteDecision;
    let flags: readonly { kind: string; detail: string }[] = [];
    try {
      if (!deps.audit.health().writable) throw new CletsError('CLETS_ERR_AUDIT_UNAVAILABLE');
      transaction = withSessionHeader(expandText(incoming), origin);
      const validated = validateTransaction(transaction, { fromTerminal: origin.kind !== 'link' });
      if (origin.session !== undefined) {
        deps.policy.checkSession(origin.session, now, true);
        flags = deps.policy.authorizeTransaction(origin.session, validated.definition, transaction, now).flags;
      }
      decision = routeTransaction(validated, deps.table(), origin.fromLink === undefined ? {} : { fromLink: origin.fromLink });
      decision = this.#restrictToSystem(decision, origin);
      this.#checkBroadcast(decision, transaction, origin);
    } catch (error) {
      const reject = toCletsError(error);
      this.#count(incoming.header?.messageKey, 'rejected');
      record.audited(await this.#audit({
        type: 'reject', at: now, outcome: 'rejected', code: reject.code, ...identity(origin, incoming), subjectKeys: subjectKeys(incoming),
        detail: { reason: reject.message, field: reject.field, echo: echoOf(incoming) },
      }));
      reply(rejectFrame(reject, incoming));
      return;
    }

    // The header keeps the first switch's stamps (what the terminal sees); this switch's own
    // input sequence and time go into the hop it adds when it sends the transaction on.
    const inputSeq = this.#nextInputSeq(origin.terminal);
    const stamp: HopStamp = { inputSeq, receivedAt: now };
    const header: Header = {
      ...transaction.header,
      inputSeq: transaction.header?.inputSeq || inputSeq,
      receivedAtMs: transaction.header?.receivedAtMs || now,
    };
    transaction = { ...transaction, header };

    let auditSeq: number;
    try {
      ({ seq: auditSeq } = await deps.audit.append({
        type: 'transaction', at: now, outcome: 'accepted', ...identity(origin, transaction),
        inputSeq, routeTo: transaction.routeTo ?? undefined,
        destinations: decision.kind === 'systems' ? decision.legs.map((leg) => leg.system)
          : decision.kind === 'local' ? [SWITCH_SYSTEM] : [...(header.destinations ?? [])],
        bytes: (transaction.text ?? '').length, subjectKeys: subjectKeys(transaction),
        ...(flags.length > 0 ? { detail: { flags } } : {}),
      }));
    } catch (error) {
      this.#count(header.messageKey, 'audit_unavailable');
      record.audited(undefined);
      reply(rejectFrame(toCletsError(error), transaction));
      return;
    }
    record.audited(auditSeq);
    for (const flag of flags) deps.onFlag?.(flag, transaction, origin, auditSeq);

    reply({ receipt: { header: replyHeader(header) } });
    this.#count(header.messageKey, 'accepted');

    const answered: string[] = [];
    const failed: string[] = [];
    if (decision.kind === 'systems') {
      const outcomes = await Promise.all(decision.legs.map((leg) => this.#runLeg(leg, transaction, auditSeq, stamp, decision.whenDown, reply, origin)));
      decision.legs.forEach((leg, index) => (outcomes[index] ? answered : failed).push(leg.system));
    } else if (decision.kind === 'local') {
      (await this.#answerLocally(transaction, auditSeq, reply, origin) ? answered : failed).push(SWITCH_SYSTEM);
    } else if (deps.deliver !== undefined) {
      const delivered = await deps.deliver(decision.deliveries, transaction, origin, reply, { auditSeq, stamp, whenDown: decision.whenDown });
      (delivered === false ? failed : answered).push(DELIVERY_SYSTEM);
    } else {
      failed.push(DELIVERY_SYSTEM);
      reply(rejectFrame(new CletsError('CLETS_ERR_NO_ROUTE', 'this switch does not deliver agency-to-agency traffic'), transaction));
    }

    const done = deps.clock();
    deps.metrics.observeLatency(done - now);
    reply({ completion: { header: replyHeader(header), answered, failed, inputSeq } });
    void this.#audit({
      type: 'completion', at: done, outcome: failed.length === 0 ? 'complete' : 'partial', ...identity(origin, transaction),
      inputSeq, detail: { answered, failed, ms: done - now, auditSeq },
    });
  }

  /** One system of a fan-out. Resolves true when the system answered. */
  async #runLeg(
    leg: SystemLeg, transaction: Transaction, auditSeq: number, stamp: HopStamp, whenDown: DownPolicy,
    reply: (frame: Frame) => void, origin: TransactionOrigin,
  ): Promise<boolean> {
    const { deps } = this;
    const header = transaction.header ?? {};
    const outcome = await deps.dispatcher.send({
      link: leg.link, system: leg.system, requestId: `${deps.switchId}:${auditSeq}:${leg.system}`,
      transaction, destinations: leg.destinations, stamp, whenDown,
      onQueued: (notice) => {
        reply({ queuedNotice: notice });
        void this.#audit({ type: 'queued', at: deps.clock(), outcome: 'queued', ...identity(origin, transaction), inputSeq: header.inputSeq ?? 0, detail: { system: leg.system, auditSeq } });
      },
      onPartial: (partial) => {
        if (partial.queued) reply({ queuedNotice: { ...partial.queued, header: replyHeader(header), system: partial.queued.system || leg.system } });
      },
    });
    if (!outcome.ok) {
      this.#legFailed(leg.system, outcome.error, transaction, reply, origin, auditSeq);
      return false;
    }
    const linkReply = outcome.reply;
    const responses = linkReply.responses ?? [];
    // CJIS: nothing is disclosed that cannot be audited. Each response's row is committed
    // before the response is sent; if one cannot be, the system's whole answer is withheld
    // and the leg answered with a reject instead (the completion lists it as failed).
    const rows = await Promise.all(responses.map((response) => this.#auditOrFail({
      type: 'response', at: deps.clock(), outcome: statusName(response), ...identity(origin, transaction),
      inputSeq: header.inputSeq ?? 0, detail: { system: response.system || leg.system, records: recordIds(response), auditSeq },
    })));
    const unaudited = rows.find((row) => row instanceof CletsError);
    if (unaudited !== undefined) {
      this.#legFailed(leg.system, new CletsError('CLETS_ERR_AUDIT_UNAVAILABLE', `${leg.system} answered, but the answer could not be recorded in the audit log: withheld (${unaudited.message})`, { system: leg.system }), transaction, reply, origin, auditSeq);
      return false;
    }
    for (const response of responses) {
      // The path the terminal sees: every switch the request passed, in order, as echoed by
      // the system (or as sent, when a system does not echo it).
      const echoed = response.header?.hops ?? [];
      const hops = echoed.length > 0 ? echoed : outcome.sent.header?.hops ?? [];
      reply({ response: { ...response, header: { ...response.header, ...replyHeader(header), hops } } });
      if (origin.kind !== 'link') deps.onAnswered?.(response, transaction, origin, { auditSeq, stamp, whenDown });
    }
    if (linkReply.reject) {
      reply({ reject: { ...linkReply.reject, header: replyHeader(header), system: linkReply.reject.system || leg.system, echo: echoOf(transaction) } });
      void this.#audit({
        type: 'reject', at: deps.clock(), outcome: 'rejected', code: linkReply.reject.code ?? '', ...identity(origin, transaction),
        inputSeq: header.inputSeq ?? 0, detail: { system: leg.system, reason: linkReply.reject.reason, auditSeq },
      });
      return false;
    }
    return true;
  }

  /**
   * A key the switch answers itself: its answer audited before it is sent, as a system's
   * is; a refusal answered as a reject from system SWITCH. Resolves true when answered.
   */
  async #answerLocally(transaction: Transaction, auditSeq: number, reply: (frame: Frame) => void, origin: TransactionOrigin): Promise<boolean> {
    const { deps } = this;
    const header = transaction.header ?? {};
    let response: Response;
    try {
      if (deps.answerLocally === undefined) throw new CletsError('CLETS_ERR_NO_ROUTE', `this switch does not answer ${header.messageKey ?? 'this key'} itself`, { system: SWITCH_SYSTEM });
      response = await deps.answerLocally(transaction, origin, auditSeq);
    } catch (error) {
      this.#legFailed(SWITCH_SYSTEM, toCletsError(error), transaction, reply, origin, auditSeq);
      return false;
    }
    const row = await this.#auditOrFail({
      type: 'response', at: deps.clock(), outcome: statusName(response), ...identity(origin, transaction),
      inputSeq: header.inputSeq ?? 0, detail: { system: SWITCH_SYSTEM, records: recordIds(response), auditSeq },
    });
    if (row instanceof CletsError) {
      this.#legFailed(SWITCH_SYSTEM, row, transaction, reply, origin, auditSeq);
      return false;
    }
    reply({ response: { ...response, system: SWITCH_SYSTEM, header: { ...response.header, ...replyHeader(header) } } });
    return true;
  }

  #legFailed(system: string, failure: CletsError, transaction: Transaction, reply: (frame: Frame) => void, origin: TransactionOrigin, auditSeq: number): void {
    reply(rejectFrame(failure, transaction, system));
    this.#count(transaction.header?.messageKey, failure.code === 'CLETS_ERR_SYSTEM_TIMEOUT' ? 'timeout' : 'system_failed');
    void this.#audit({
      type: 'reject', at: this.deps.clock(), outcome: 'rejected', code: failure.code, ...identity(origin, transaction),
      inputSeq: transaction.header?.inputSeq ?? 0, detail: { system, reason: failure.message, auditSeq },
    });
  }

  /** A LinkRequest for one system: only that system's leg (the switch below fanned out). */
  #restrictToSystem(decision: RouteDecision, origin: TransactionOrigin): RouteDecision {
    if (origin.system === undefined || origin.system === '' || decision.kind !== 'systems') return decision;
    const legs = decision.legs.filter((leg) => leg.system === origin.system);
    if (legs.length === 0) throw new CletsError('CLETS_ERR_NO_ROUTE', `this message does not go to ${origin.system}`, { system: origin.system });
    return { ...decision, legs };
  }

  /** Broadcasts (a county, or ALL) are for the roles the setting names. */
  #checkBroadcast(decision: RouteDecision, transaction: Transaction, origin: TransactionOrigin): void {
    const roles = this.deps.broadcastRoles;
    if (decision.kind !== 'deliver' || roles === undefined || origin.session === undefined) return;
    const broadcast = (transaction.header?.destinations ?? []).find(isBroadcastDestination);
    if (broadcast !== undefined && !roles.has(origin.session.role)) {
      throw new CletsError('CLETS_ERR_BROADCAST_NOT_PERMITTED', `${broadcast}: role ${origin.session.role} may not broadcast`, { field: 'DEST' });
    }
  }

  #nextInputSeq(terminal: string): number {
    const next = (this.#inputSeq.get(terminal) ?? 0) + 1;
    this.#inputSeq.set(terminal, next);
    return next;
  }

  #count(messageKey: string | null | undefined, outcome: string): void {
    this.deps.metrics.count('clets_transactions_total', 'Transactions by message key and outcome', { key: messageKey || 'unknown', outcome });
  }

  /** An audit append that must succeed before what it records is disclosed: its seq, or the error. */
  async #auditOrFail(event: Parameters<AuditSink['append']>[0]): Promise<number | CletsError> {
    try {
      return (await this.deps.audit.append({ switchId: this.deps.switchId, ...event })).seq;
    } catch (error) {
      this.deps.log?.error({ err: error, event: event.type }, 'audit append failed: withheld what it records');
      return toCletsError(error);
    }
  }

  /**
   * Audit appends whose failure the terminal is not told of (the store raises its own
   * alert). Resolves with the row's seq, or undefined when it could not be written.
   */
  async #audit(event: Parameters<AuditSink['append']>[0]): Promise<number | undefined> {
    try {
      return (await this.deps.audit.append({ switchId: this.deps.switchId, ...event })).seq;
    } catch (error) {
      this.deps.log?.error({ err: error, event: event.type }, 'audit append failed');
      return undefined;
    }
  }
}

/** The header without what only a switch may stamp: hops, sequence numbers, times. */
function withoutSwitchStamps(transaction: Transaction): Transaction {
  const header = transaction.header;
  if (header == null) return transaction;
  const { hops: _hops, inputSeq: _inputSeq, outputSeq: _outputSeq, receivedAtMs: _receivedAt, sentAtMs: _sentAt, ...rest } = header;
  return { ...transaction, header: rest };
}

/**
 * A transaction typed as a mnemonic line: parse it into header, route-to and fields (the
 * line's ORI wins over the header's). Exported so a check of a request's header can look at
 * the header the pipeline will use.
 */
export function expandText(transaction: Transaction): Transaction {
  const text = transaction.text ?? '';
  if (text === '' || (transaction.fields?.length ?? 0) > 0) return transaction;
  const parsed = parseMnemonic(text);
  const given = transaction.header ?? {};
  const parsedHeader = parsed.header ?? {};
  return {
    ...parsed,
    header: {
      ...given,
      messageKey: parsedHeader.messageKey ?? given.messageKey ?? '',
      ori: parsedHeader.ori || given.ori || '',
      destinations: (parsedHeader.destinations?.length ?? 0) > 0 ? parsedHeader.destinations : given.destinations ?? [],
      control: given.control || parsedHeader.control || '',
    },
    routeTo: transaction.routeTo ?? parsed.routeTo ?? null,
    text,
  };
}

/** Fills ORI, terminal and operator from the session; refuses a header that claims otherwise. */
function withSessionHeader(transaction: Transaction, origin: TransactionOrigin): Transaction {
  const session = origin.session;
  if (session === undefined) return transaction;
  const header = transaction.header ?? {};
  const claims: [string, string | null | undefined, string][] = [
    ['terminal', header.terminal, session.terminal.mnemonic],
    ['operator_id', header.operatorId, session.operatorId],
  ];
  for (const [name, claimed, actual] of claims) {
    if (claimed && claimed !== actual) {
      throw new CletsError('CLETS_ERR_HEADER_MISMATCH', `header.${name} ${claimed} is not this session's ${actual}`, { field: name });
    }
  }
  // An operator may send for any ORI of their agency's terminal; the terminal's ORI is the default.
  const ori = header.ori || session.terminal.ori;
  if (ori !== session.terminal.ori && ori !== session.ori) {
    throw new CletsError('CLETS_ERR_HEADER_MISMATCH', `ORI ${ori} is neither the terminal's ${session.terminal.ori} nor the operator's ${session.ori}`, { field: 'ORI' });
  }
  return { ...transaction, header: { ...header, ori, terminal: session.terminal.mnemonic, operatorId: session.operatorId } };
}

/** Where a client message id is unique for this origin (@clets/routing, `ReplayScope`). */
function replayScopeOf(origin: TransactionOrigin): ReplayScope {
  if (origin.kind === 'link') return { kind: 'link', peer: origin.terminal, requestId: origin.requestId ?? '' };
  const session = origin.session;
  if (session === undefined) throw new CletsError('CLETS_ERR_NOT_LOGGED_IN', `a ${origin.kind} transaction needs an operator session`);
  return origin.kind === 'gateway'
    ? { kind: 'gateway', sessionId: session.sessionId }
    : { kind: 'terminal', terminal: origin.terminal, operatorId: session.operatorId };
}

function identity(origin: TransactionOrigin, transaction: Transaction) {
  const header = transaction.header ?? {};
  return {
    operatorId: origin.session?.operatorId ?? header.operatorId ?? '',
    terminal: origin.kind === 'link' ? header.terminal ?? origin.terminal : origin.terminal,
    ori: header.ori || origin.session?.ori || '',
    sourceAddress: origin.sourceAddress,
    messageKey: header.messageKey ?? '',
    clientMessageId: header.clientMessageId ?? '',
  };
}

export function echoOf(transaction: Transaction): string {
  const text = transaction.text || safeFormat(transaction);
  return text.slice(0, ECHO_LENGTH);
}

function safeFormat(transaction: Transaction): string {
  try {
    return formatTransaction(transaction);
  } catch {
    return transaction.header?.messageKey ?? '';
  }
}

/** A Reject answering `transaction`: its reply header and the start of its input echoed. */
export function rejectFrame(error: CletsError, transaction: Transaction, system?: string): Frame {
  return { reject: rejectOf(error, { header: replyHeader(transaction.header ?? {}), echo: echoOf(transaction), system }) };
}

function statusName(response: Response): string {
  switch (response.status) {
    case 2: return 'hit';
    case 3: return 'possible';
    case 4: return 'acknowledged';
    default: return 'no_record';
  }
}

/** The records an answer disclosed (a file searched with nothing found names no record). */
function recordIds(response: Response): string[] {
  return (response.records ?? []).filter((record) => record.recordId).map((record) => `${record.file ?? ''}:${record.recordId}`);
}
