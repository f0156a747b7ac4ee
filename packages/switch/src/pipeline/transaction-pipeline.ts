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
 * terminal never waits on silence. Nor across a restart: the Receipt also waits for the
 * transaction's row in the journal (journal.ts), and a transaction a crash or a shutdown
 * interrupted is resumed at the next start (`resume`), ending in its one Completion.
 */
import {
  CletsError, DELIVERY_SYSTEM, SWITCH_SYSTEM, formatTransaction, parseMnemonic, rejectOf, replyHeader, subjectKeys, toCletsError, validateTransaction,
  type DownPolicy, type Frame, type Header, type LinkReply, type Response, type SystemName, type Target, type Transaction,
} from '@clets/protocol';
import {
  DuplicateWindow, isBroadcastDestination, replayKey, replayScopeKey, routeTransaction,
  type Deliveries, type ReplayScope, type RouteDecision, type RoutingTable, type SystemLeg,
} from '@clets/routing';
import { TransactionSuspended, type HopStamp, type LinkDispatcher, type LinkSend } from '../links/link-dispatcher.js';
import { AnswerRecord, transactionDigest } from './replays.js';
import { TransactionJournal, type JournalEntry, type SavedDecision, type SavedOrigin, type WindowPlace } from './journal.js';
import type { Metrics } from '../metrics.js';
import type { AuditSink, RecordedResponse } from '../audit/types.js';
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
   * A transaction resumed after a restart has no session: who sent it, as its header was
   * filled from the session when it was accepted.
   */
  readonly resumedBy?: { readonly operatorId: string; readonly ori: string };
  /**
   * Sends a frame to whoever sent the transaction, wherever they are connected now: for a
   * terminal, the connection of the same operator at that terminal, and nobody else's.
   * False when it could not be given now (the operator is not logged in there). `encoded`,
   * when given, is the frame's encoding, the bytes the duplicate window keeps: a writer that
   * sends the frame as it is sends these instead of encoding it again.
   */
  send(frame: Frame, encoded?: Uint8Array): boolean | void;
  /**
   * Keeps a frame for the sender when `send` could not give it: a transaction that was held
   * (`.02.`) answers after a wait the operator need not sit through, so its later frames are
   * stored for the operator's next login as other traffic is.
   */
  keep?(frame: Frame): void;
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
  /** Where accepted transactions and input sequence numbers are kept (default: in memory only). */
  readonly journal?: TransactionJournal;
  /**
   * Where the answers of a transaction resumed after a restart go: the sender's connection
   * is gone. Default: nowhere (only its resends are answered).
   */
  readonly resumedOrigin?: (saved: SavedOrigin) => TransactionOrigin;
  /**
   * The completion row of a transaction, when the audit log has one: a transaction whose
   * Completion was sent before a crash is settled at start, not run again.
   */
  readonly auditedCompletion?: (auditSeq: number) => { readonly answered: readonly string[]; readonly failed: readonly string[] } | undefined;
  /**
   * Transaction rows of this switch past an audit seq, with whether each has ended (a
   * completion row, or a refusal naming it): those past the journal's last are rows a crash
   * left between their commit and their journal row's, so before any Receipt.
   */
  readonly auditedTransactionsAfter?: (auditSeq: number) => readonly InterruptedRow[];
}

/** A transaction row as the start-up check reads it from the audit log. */
export interface InterruptedRow {
  readonly seq: number;
  readonly at: number;
  readonly terminal: string;
  readonly operatorId: string;
  readonly ori: string;
  readonly sourceAddress: string;
  readonly messageKey: string;
  readonly clientMessageId: string;
  readonly inputSeq: number;
  readonly destinations: readonly string[];
  readonly ended: boolean;
}

/** What the pipeline knows of an accepted transaction, for the delivery step. */
export interface DeliveryContext {
  /** Its audit row: unique and durable on this switch. */
  readonly auditSeq: number;
  /** This switch's stamp, for the hop it adds when it sends the transaction on. */
  readonly stamp: HopStamp;
  readonly whenDown: DownPolicy;
  /** When a hold for a down link runs out: its time to live counts from acceptance. */
  readonly heldUntil?: number;
  /** Records that a remote part is held (before its QueuedNotice: the notice is a promise). */
  readonly markHeld?: (link: string, expiresAt: number) => Promise<void>;
  /** Records that a part of the delivery is done (before the message reaches anyone). */
  readonly markDone?: (part: string) => Promise<void>;
  /** Resumed after a restart: the parts already done, and the remote parts already held. */
  readonly resumed?: { readonly done: ReadonlySet<string>; readonly held: ReadonlySet<string> };
}

/** One accepted transaction from its Receipt to its Completion (live, or resumed after a restart). */
interface AcceptedRun {
  readonly id: number;
  readonly origin: TransactionOrigin;
  readonly transaction: Transaction;
  readonly decision: RouteDecision;
  readonly auditSeq: number;
  readonly stamp: HopStamp;
  readonly acceptedAt: number;
  readonly reply: (frame: Frame) => void;
  /** Systems (legs) and links (deliveries) held before a restart, and deliveries done. */
  readonly resumed?: { readonly held: ReadonlySet<string>; readonly done: ReadonlySet<string> };
}

const ECHO_LENGTH = 100;
/** The longest client message id and control field accepted (docs/protocol.md). */
const MAX_CLIENT_MESSAGE_ID = 64;
const MAX_CONTROL = 40;
export class TransactionPipeline {
  readonly #duplicates: DuplicateWindow<AnswerRecord>;
  readonly #journal: TransactionJournal;
  /** Transactions in flight per session (terminal: operator at the terminal; gateway: its session). */
  readonly #perSession = new Map<string, number>();
  #inFlight = 0;
  #idleWaiters: (() => void)[] = [];
  /** Audit seqs of accepted transactions still running here (a late reply to one of their legs is a repeat). */
  readonly #open = new Set<number>();
  /**
   * The highest seq of a transaction row seen committed: the next one's is past it (the
   * start-up match looks for a journal row's transaction row from there).
   */
  #auditedThrough: number | undefined;

  constructor(private readonly deps: PipelineDeps) {
    this.#duplicates = new DuplicateWindow(deps.limits.duplicateWindowMs, deps.limits.duplicateMaxEntries, deps.limits.duplicateMaxPerSession);
    this.#journal = deps.journal ?? new TransactionJournal({ path: ':memory:' });
  }

  /** Where accepted transactions are kept. */
  get journal(): TransactionJournal {
    return this.#journal;
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

  /**
   * Runs one transaction to its end. Never throws: every failure is answered. Resolves
   * `suspended` when the switch shut down under it before its end: nothing more is answered
   * now, and the next start resumes it (a caller that answers with a summary must not).
   */
  async submit(origin: TransactionOrigin, transaction: Transaction): Promise<'done' | 'suspended'> {
    this.#inFlight += 1;
    const session = this.#enterWindow(origin);
    try {
      if (session === false) await this.#refuseWindowFull(origin, transaction);
      else return await this.#run(origin, transaction);
    } catch (error) {
      this.deps.log?.error({ err: error, terminal: origin.terminal }, 'transaction pipeline failed');
      origin.send(rejectFrame(toCletsError(error), transaction));
    } finally {
      if (typeof session === 'string') this.#leaveWindow(session);
      this.#inFlight -= 1;
      if (this.#inFlight === 0) for (const waiter of this.#idleWaiters.splice(0)) waiter();
    }
    return 'done';
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

  async #run(origin: TransactionOrigin, sent: Transaction): Promise<'done' | 'suspended'> {
    const { deps } = this;
    const now = deps.clock();
    // Only switches stamp: a terminal or gateway client that sends hops, sequence numbers or
    // times would otherwise see them echoed and put a forged hop in the path (README.md, "Hop stamps").
    const incoming = origin.kind === 'link' ? sent : withoutSwitchStamps(sent);
    const clientMessageId = incoming.header?.clientMessageId ?? '';
    if (clientMessageId === '') {
      origin.send(rejectFrame(new CletsError('CLETS_ERR_REQUEST_INVALID', 'header.client_message_id is required'), incoming));
      return 'done';
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
      return 'done';
    }

    // A resend of a transaction already seen is answered again, never forwarded again; but
    // only inside its replay scope, and only for the same content (README.md, "Resends").
    const scope = replayScopeOf(origin);
    const key = replayKey(scope, clientMessageId);
    // A linked switch stamps its hop afresh on every attempt (send time, output sequence):
    // its retry of a request is the same request whatever those stamps say.
    const digest = transactionDigest(origin.kind === 'link' ? withoutSwitchStamps(sent) : sent);
    const seen = this.#duplicates.lookup(key, digest, now);
    if (seen.kind === 'resend') return this.#replay(origin, incoming, seen.value, now);
    if (seen.kind === 'reused') {
      const reject = new CletsError('CLETS_ERR_MESSAGE_ID_REUSED', `${clientMessageId.slice(0, 64)} already names another transaction: give this one a new id`, { field: 'client_message_id' });
      this.#count(incoming.header?.messageKey, 'rejected');
      await this.#audit({
        type: 'reject', at: now, outcome: 'rejected', code: reject.code, ...identity(origin, incoming),
        detail: { reason: reject.message, echo: echoOf(incoming) },
      });
      origin.send(rejectFrame(reject, incoming));
      return 'done';
    }
    const record = new AnswerRecord();
    // A linked switch's share is the peer's, not one request's.
    const share = replayScopeKey(scope.kind === 'link' ? { ...scope, requestId: '' } : scope);
    this.#duplicates.set(key, digest, record, now, share);
    const place: WindowPlace = { key, share, digest, at: now };
    const id = this.#journal.nextId();
    let held = false;
    const reply = (frame: Frame): void => {
      const encoded = record.add(frame);
      if (frame.queuedNotice) held = true;
      if (origin.send(frame, encoded) === false && held) origin.keep?.(frame);
    };
    let suspended = false;
    try {
      await this.#accept(origin, incoming, reply, record, now, id, place);
    } catch (error) {
      if (!(error instanceof TransactionSuspended)) throw error;
      suspended = true;
    } finally {
      record.finish(suspended);
      // A suspended transaction stays open in the journal: the next start resumes it.
      if (!suspended) this.#journal.finish(id, place, record.firstRowSeq, record.encoded ?? record.frames);
    }
    return suspended ? 'suspended' : 'done';
  }

  /**
   * A resend in the same scope with the same content: audited first (who asked again, which
   * original), then answered with the original's frames so far and every later one. If the
   * replay cannot be audited, the resend gets a reject instead of the answer.
   */
  async #replay(origin: TransactionOrigin, incoming: Transaction, record: AnswerRecord, now: number): Promise<'done' | 'suspended'> {
    const { deps } = this;
    const originalSeq = await record.firstRow;
    try {
      await deps.audit.append({
        switchId: deps.switchId, type: 'replay', at: now, outcome: record.finished ? 'replayed' : 'replayed_in_flight',
        ...identity(origin, incoming), detail: { originalSeq: originalSeq ?? null, framesSoFar: record.frameCount },
      });
    } catch (error) {
      this.#count(incoming.header?.messageKey, 'audit_unavailable');
      origin.send(rejectFrame(toCletsError(error), incoming));
      return 'done';
    }
    deps.metrics.count('clets_duplicates_total', 'Transactions answered again from the duplicate window');
    for (const frame of record.frames) origin.send(frame);
    if (record.finished) return record.suspended ? 'suspended' : 'done';
    record.follow((frame, encoded) => origin.send(frame, encoded));
    await record.done;
    return record.suspended ? 'suspended' : 'done';
  }

  /** A transaction seen for the first time in its scope: validate, authorise, audit, answer. */
  async #accept(
    origin: TransactionOrigin, incoming: Transaction, reply: (frame: Frame) => void, record: AnswerRecord, now: number,
    id: number, place: WindowPlace,
  ): Promise<void> {
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
    const inputSeq = this.#journal.nextInputSeq(origin.terminal, now);
    const stamp: HopStamp = { inputSeq, receivedAt: now };
    const header: Header = {
      ...transaction.header,
      inputSeq: transaction.header?.inputSeq || inputSeq,
      receivedAtMs: transaction.header?.receivedAtMs || now,
    };
    transaction = { ...transaction, header };

    // The Receipt promises an answer, across a restart too: it waits for the transaction's
    // audit row and its journal row. Both are committed at once, not one after the other (two
    // files, two writers): the journal row carries no audit seq yet, and a crash that leaves
    // one without the other is settled at start (`resume`): an audit row with no journal row
    // gets its completion row, a journal row with no audit row is dropped, never run.
    const auditing = attempt(() => deps.audit.append({
      type: 'transaction', at: now, outcome: 'accepted', ...identity(origin, transaction),
      inputSeq, routeTo: transaction.routeTo ?? undefined,
      destinations: decision.kind === 'systems' ? decision.legs.map((leg) => leg.system)
        : decision.kind === 'local' ? [SWITCH_SYSTEM] : [...(header.destinations ?? [])],
      bytes: (transaction.text ?? '').length, subjectKeys: subjectKeys(transaction),
      ...(flags.length > 0 ? { detail: { flags } } : {}),
    }));
    const journaling = attempt(() => this.#journal.accept(id, place, {
      transaction, auditSeq: 0, auditAfter: this.#auditedThrough ??= this.#journal.lastAuditSeq(), inputSeq, receivedAt: now,
      decision: saveDecision(decision), origin: saveOrigin(origin, transaction),
    }));
    const [audited, journaled] = await Promise.allSettled([auditing, journaling]);
    if (audited.status === 'rejected') {
      // The journal row, if written, is finished with the refusal when the transaction ends.
      this.#count(header.messageKey, 'audit_unavailable');
      record.audited(undefined);
      reply(rejectFrame(toCletsError(audited.reason), transaction));
      return;
    }
    const auditSeq = audited.value.seq;
    if (auditSeq > (this.#auditedThrough ?? 0)) this.#auditedThrough = auditSeq;
    record.audited(auditSeq);
    for (const flag of flags) deps.onFlag?.(flag, transaction, origin, auditSeq);

    if (journaled.status === 'rejected') {
      const error: unknown = journaled.reason;
      const refusal = new CletsError('CLETS_ERR_OVERLOADED',
        `the transaction could not be recorded for store-and-forward (${error instanceof Error ? error.message : String(error)}): not accepted, send it again later`);
      this.#count(header.messageKey, 'journal_unavailable');
      void this.#audit({
        type: 'reject', at: deps.clock(), outcome: 'rejected', code: refusal.code, ...identity(origin, transaction), inputSeq,
        detail: { reason: refusal.message, auditSeq, echo: echoOf(transaction) },
      });
      reply(rejectFrame(refusal, transaction));
      return;
    }
    this.#journal.audited(id, auditSeq);

    reply({ receipt: { header: replyHeader(header) } });
    this.#count(header.messageKey, 'accepted');
    await this.#runAccepted({ id, origin, transaction, decision, auditSeq, stamp, acceptedAt: now, reply });
  }

  /**
   * From the Receipt to the Completion: each leg (or the deliveries), then the Completion,
   * whose audit row is committed before it is sent, so a crash never makes the switch send
   * a second one for the same transaction (a transaction whose completion row is in the
   * audit log is settled at start, not resumed). Throws TransactionSuspended at shutdown.
   */
  async #runAccepted(run: AcceptedRun): Promise<void> {
    this.#open.add(run.auditSeq);
    try {
      await this.#answerAccepted(run);
    } finally {
      this.#open.delete(run.auditSeq);
    }
  }

  async #answerAccepted(run: AcceptedRun): Promise<void> {
    const { deps } = this;
    const { decision, transaction, reply } = run;
    const header = transaction.header ?? {};
    const answered: string[] = [];
    const failed: string[] = [];
    // The Completion waits for its row too, though it discloses no record: that row is what
    // makes a restart settle the transaction instead of running it again, which would answer
    // the operator a second time, perhaps with another Completion (README.md, "The
    // acknowledgement rule"). It is no row of its own on the usual path: the last leg to end
    // has its answer recorded in it (`detail.responses`) instead of in response rows, and the
    // answer waits for its commit as it would for theirs.
    let early: { readonly answered: readonly string[]; readonly failed: readonly string[]; readonly row: Promise<number | CletsError> } | undefined;
    if (decision.kind === 'systems') {
      // Each leg's outcome as soon as it is known: true once its answer's rows are appended
      // (they can still fail to commit, but then so does every row appended after them, the
      // completion row included, and the Completion is written again from the outcomes).
      const known: (boolean | undefined)[] = decision.legs.map(() => undefined);
      const lastToEnd = (index: number, responses: readonly RecordedResponse[]): Promise<number | CletsError> | undefined => {
        known[index] = true;
        if (known.some((value) => value === undefined)) return undefined;
        const yes: string[] = [];
        const no: string[] = [];
        decision.legs.forEach((leg, other) => (known[other] === true ? yes : no).push(leg.system));
        const row = this.#auditOrFail(this.#completionEvent(run, yes, no, responses));
        early = { answered: yes, failed: no, row };
        return row;
      };
      const outcomes = await settleAll(decision.legs.map((leg, index) => this.#runLeg(run, leg, decision.whenDown, (responses) => lastToEnd(index, responses))
        .then((ok) => { known[index] = ok; return ok; })));
      decision.legs.forEach((leg, index) => (outcomes[index] ? answered : failed).push(leg.system));
    } else if (decision.kind === 'local') {
      const origin = run.resumed === undefined ? run.origin : { ...run.origin, resumedBy: { operatorId: header.operatorId ?? '', ori: header.ori ?? '' } };
      (await this.#answerLocally(transaction, run.auditSeq, reply, origin) ? answered : failed).push(SWITCH_SYSTEM);
    } else if (deps.deliver !== undefined) {
      const queueTtlMs = deps.limits.queueTtlMs;
      const delivered = await deps.deliver(decision.deliveries, transaction, run.origin, reply, {
        auditSeq: run.auditSeq, stamp: run.stamp, whenDown: decision.whenDown, heldUntil: run.acceptedAt + queueTtlMs,
        markHeld: (link, expiresAt) => this.#journal.held(run.id, { system: DELIVERY_SYSTEM, link, expiresAt }),
        markDone: (part) => this.#journal.part(run.id, part),
        ...(run.resumed !== undefined ? { resumed: run.resumed } : {}),
      });
      (delivered === false ? failed : answered).push(DELIVERY_SYSTEM);
    } else {
      failed.push(DELIVERY_SYSTEM);
      reply(rejectFrame(new CletsError('CLETS_ERR_NO_ROUTE', 'this switch does not deliver agency-to-agency traffic'), transaction));
    }

    if (run.resumed === undefined) deps.metrics.observeLatency(deps.clock() - run.acceptedAt);
    const inputSeq = header.inputSeq ?? 0;
    const written = early !== undefined && sameSystems(early.answered, answered) && sameSystems(early.failed, failed)
      && !((await early.row) instanceof CletsError);
    if (!written && await this.#audit(this.#completionEvent(run, answered, failed)) === undefined && deps.dispatcher.suspended) {
      // The audit store closed under a shutdown past its drain deadline: ending the transaction
      // now would journal it finished with no completion row, and the next start would take it
      // for answered. It stays open in the journal instead; the next start resumes it, writes
      // the row and sends the Completion. (A live store that fails still sends the Completion,
      // its systems listed as failed, so the operator is not left waiting: README.md, "The
      // acknowledgement rule".)
      throw new TransactionSuspended();
    }
    reply({ completion: { header: replyHeader(header), answered, failed, inputSeq } });
  }

  /** The completion row; `responses`: the answer of the last leg to end, recorded in it. */
  #completionEvent(run: AcceptedRun, answered: readonly string[], failed: readonly string[], responses: readonly RecordedResponse[] = []): Parameters<AuditSink['append']>[0] {
    const done = this.deps.clock();
    return {
      type: 'completion', at: done, outcome: failed.length === 0 ? 'complete' : 'partial', ...identity(run.origin, run.transaction),
      inputSeq: run.transaction.header?.inputSeq ?? 0,
      detail: {
        answered: [...answered], failed: [...failed], ms: done - run.acceptedAt, auditSeq: run.auditSeq,
        ...(responses.length > 0 ? { responses } : {}),
        ...(run.resumed !== undefined ? { resumed: true } : {}),
      },
    };
  }

  /**
   * After a restart: the duplicate window read back from the journal (a resend is answered,
   * not run again), and every transaction the last run accepted and did not finish resumed:
   * each leg sent again under its request id (a system or switch answers a repeated id from
   * its memory, never applying an update twice), held legs held again until their time to
   * live (counted from acceptance) runs out, the answers to the operator's terminal (stored
   * for the operator when not logged in) and one Completion. A transaction whose completion
   * row the audit log has was answered before the crash: settled, not run again. Call once,
   * when the links start.
   */
  resume(): { restored: number; resumed: number; settled: number } {
    const { deps } = this;
    const now = deps.clock();
    let restored = 0;
    let resumed = 0;
    const { entries, closed } = this.#matchAudited(this.#journal.load(now, deps.limits.duplicateWindowMs));
    let settled = closed;
    for (const entry of entries) {
      const accepted = entry.accepted;
      if (entry.state === 'finished' || accepted === undefined) {
        this.#duplicates.set(entry.place.key, entry.place.digest, AnswerRecord.restored(entry.frames, entry.auditSeq, true), entry.place.at, entry.place.share);
        restored += 1;
        continue;
      }
      const header = accepted.transaction.header ?? {};
      const receipt: Frame = { receipt: { header: replyHeader(header) } };
      const completed = deps.auditedCompletion?.(accepted.auditSeq);
      if (completed !== undefined) {
        const frames: Frame[] = [receipt, { completion: { header: replyHeader(header), answered: [...completed.answered], failed: [...completed.failed], inputSeq: accepted.inputSeq } }];
        this.#duplicates.set(entry.place.key, entry.place.digest, AnswerRecord.restored(frames, accepted.auditSeq, true), entry.place.at, entry.place.share);
        this.#journal.finish(entry.id, entry.place, accepted.auditSeq, frames);
        settled += 1;
        continue;
      }
      if (accepted.origin.kind === 'link' && accepted.decision.kind !== 'local' && accepted.decision.whenDown === 'refuse') {
        // The switch that asked stopped waiting when its link to this one went down (`.04.`):
        // nothing to answer; the transaction ends here, its systems failed, once.
        void this.#settleInterrupted(entry, receipt);
        settled += 1;
        continue;
      }
      void this.#resumeOne(entry, receipt);
      resumed += 1;
    }
    return { restored, resumed, settled };
  }

  /**
   * A final LinkReply that came for no request on a link (a switch that held a request of
   * this one answers it after a restart of either): it answers the request if one waits for
   * its link here. Otherwise: `duplicate` when this switch's journal shows the leg answered,
   * `late` when its transaction ended without that answer (or is unknown): the caller gives
   * the answer to the operator by its header.
   */
  lateReply(requestId: string, reply: LinkReply): 'answered' | 'duplicate' | 'late' {
    if (this.deps.dispatcher.deliverLate(requestId, reply)) return 'answered';
    const [switchId, seq, system] = requestId.split(':');
    const auditSeq = Number(seq);
    if (switchId !== this.deps.switchId || !Number.isSafeInteger(auditSeq)) return 'late';
    if (this.#open.has(auditSeq)) return 'duplicate';
    const entry = this.#journal.finishedByAuditSeq(auditSeq);
    if (entry === undefined) return 'late';
    const answered = entry.frames.some((frame) => (frame.response && (frame.response.system === system || system === DELIVERY_SYSTEM))
      || (frame.deliveryReport !== null && frame.deliveryReport !== undefined && system === DELIVERY_SYSTEM)
      || (frame.reject?.system === system && !GAVE_UP.has(frame.reject?.code ?? '')));
    return answered ? 'duplicate' : 'late';
  }

  /**
   * The journal's rows and the audit log's transaction rows matched up after a restart. The
   * two are committed at the same time, so a crash may leave either without the other, and
   * an open row whose audit seq was not yet recorded. Neither half alone was acknowledged
   * (the Receipt waits for both):
   * - an open journal row with no audit seq is given its transaction row's seq, found by
   *   terminal, input sequence number and client message id; with no such row (never
   *   audited), it is dropped and never run: CJIS, nothing processed that is not audited;
   * - a transaction row with no journal row never ran either: it gets its completion row,
   *   every destination failed, so the audit log shows it ended; a resend is a new
   *   transaction. Its input sequence number stays used.
   * Returns the entries to restore or resume, and how many rows were closed.
   */
  #matchAudited(loaded: readonly JournalEntry[]): { entries: JournalEntry[]; closed: number } {
    if (!this.#journal.durable) return { entries: [...loaded], closed: 0 };
    const last = this.#journal.lastAuditSeq();
    const unknown = new Map<string, JournalEntry>();
    let from = last;
    for (const entry of loaded) {
      const accepted = entry.accepted;
      if (entry.state !== 'open' || accepted === undefined || accepted.auditSeq > 0) continue;
      unknown.set(matchKey(identity(silentOrigin(accepted.origin), accepted.transaction).terminal, accepted.inputSeq, accepted.transaction.header?.clientMessageId ?? ''), entry);
      from = Math.min(from, accepted.auditAfter ?? 0);
    }
    const found = new Map<number, number>();
    let closed = 0;
    for (const row of this.deps.auditedTransactionsAfter?.(from) ?? []) {
      const key = matchKey(row.terminal, row.inputSeq, row.clientMessageId);
      const entry = unknown.get(key);
      if (entry !== undefined) {
        unknown.delete(key);
        found.set(entry.id, row.seq);
        this.#journal.audited(entry.id, row.seq);
        continue;
      }
      if (row.seq <= last) continue;
      if (row.inputSeq > 0) this.#journal.sequenceUsed(row.terminal, row.at, row.inputSeq);
      if (row.ended) continue;
      closed += 1;
      void this.#audit({
        type: 'completion', at: this.deps.clock(), outcome: 'partial', operatorId: row.operatorId, terminal: row.terminal, ori: row.ori,
        sourceAddress: row.sourceAddress, messageKey: row.messageKey, clientMessageId: row.clientMessageId, inputSeq: row.inputSeq,
        detail: { answered: [], failed: [...row.destinations], auditSeq: row.seq, interrupted: true, reason: 'the switch stopped before its receipt: not acknowledged, not run' },
      });
    }
    for (const entry of unknown.values()) {
      this.deps.log?.warn({ journalId: entry.id }, 'an accepted transaction without its audit row was dropped: never acknowledged, not run');
      this.#journal.discard(entry.id);
    }
    const dropped = new Set([...unknown.values()].map((entry) => entry.id));
    const entries = loaded.filter((entry) => !dropped.has(entry.id)).map((entry) => {
      const seq = found.get(entry.id);
      return seq === undefined || entry.accepted === undefined ? entry : { ...entry, auditSeq: seq, accepted: { ...entry.accepted, auditSeq: seq } };
    });
    return { entries, closed };
  }

  async #resumeOne(entry: JournalEntry, receipt: Frame): Promise<void> {
    const accepted = entry.accepted!;
    const { deps } = this;
    const header = accepted.transaction.header ?? {};
    const heldSystems = new Set(entry.held.map((mark) => (mark.system === DELIVERY_SYSTEM ? mark.link : mark.system)));
    const seeded: Frame[] = [receipt, ...entry.held.map((mark): Frame => ({
      queuedNotice: {
        header: replyHeader(header), system: mark.system === DELIVERY_SYSTEM ? mark.link : mark.system, expiresAtMs: mark.expiresAt,
        text: `.02. ${mark.system === DELIVERY_SYSTEM ? mark.link : mark.system} OUT OF SERVICE - MESSAGE QUEUED, WILL BE FORWARDED WHEN IT RETURNS`,
      },
    }))];
    const record = AnswerRecord.restored(seeded, accepted.auditSeq, false);
    this.#duplicates.set(entry.place.key, entry.place.digest, record, entry.place.at, entry.place.share);
    const origin = deps.resumedOrigin?.(accepted.origin) ?? silentOrigin(accepted.origin);
    const reply = (frame: Frame): void => {
      origin.send(frame, record.add(frame));
    };
    this.#inFlight += 1;
    let suspended = false;
    try {
      await this.#runAccepted({
        id: entry.id, origin, transaction: accepted.transaction, decision: restoreDecision(accepted.decision), auditSeq: accepted.auditSeq,
        stamp: { inputSeq: accepted.inputSeq, receivedAt: accepted.receivedAt }, acceptedAt: entry.place.at, reply,
        resumed: { held: heldSystems, done: entry.parts },
      });
    } catch (error) {
      if (error instanceof TransactionSuspended) suspended = true;
      else deps.log?.error({ err: error, journalId: entry.id }, 'resumed transaction failed');
    } finally {
      record.finish(suspended);
      if (!suspended) this.#journal.finish(entry.id, entry.place, accepted.auditSeq, record.encoded ?? record.frames);
      this.#inFlight -= 1;
      if (this.#inFlight === 0) for (const waiter of this.#idleWaiters.splice(0)) waiter();
    }
  }

  /** A transaction nobody waits for any more: failed for each of its systems, one completion row. */
  async #settleInterrupted(entry: JournalEntry, receipt: Frame): Promise<void> {
    const accepted = entry.accepted!;
    const { deps } = this;
    const header = accepted.transaction.header ?? {};
    const origin = silentOrigin(accepted.origin);
    const systems = accepted.decision.kind === 'systems' ? accepted.decision.legs.map((leg) => leg.system)
      : accepted.decision.kind === 'local' ? [SWITCH_SYSTEM] : [DELIVERY_SYSTEM];
    const frames: Frame[] = [receipt];
    for (const system of systems) {
      frames.push(rejectFrame(new CletsError('CLETS_ERR_SYSTEM_UNAVAILABLE', `${system}: interrupted by a restart of ${deps.switchId}, not forwarded: resend later`, { system }), accepted.transaction, system));
    }
    await this.#audit({
      type: 'completion', at: deps.clock(), outcome: 'partial', ...identity(origin, accepted.transaction), inputSeq: accepted.inputSeq,
      detail: { answered: [], failed: systems, auditSeq: accepted.auditSeq, resumed: true, interrupted: true },
    });
    frames.push({ completion: { header: replyHeader(header), answered: [], failed: systems, inputSeq: accepted.inputSeq } });
    this.#duplicates.set(entry.place.key, entry.place.digest, AnswerRecord.restored(frames, accepted.auditSeq, true), entry.place.at, entry.place.share);
    this.#journal.finish(entry.id, entry.place, accepted.auditSeq, frames);
  }

  /**
   * One system of a fan-out. Resolves true when the system answered. `lastToEnd` is called
   * when the system's answer is in, before any row of it is appended: if this leg is the last
   * of the transaction to end, it appends the completion row recording that answer and
   * returns its seq to come; otherwise undefined, and the answer gets response rows of its own.
   */
  async #runLeg(
    run: AcceptedRun, leg: SystemLeg, whenDown: DownPolicy,
    lastToEnd?: (responses: readonly RecordedResponse[]) => Promise<number | CletsError> | undefined,
  ): Promise<boolean> {
    const { deps } = this;
    const { transaction, reply, origin, auditSeq } = run;
    const header = transaction.header ?? {};
    const heldBefore = run.resumed?.held.has(leg.system) ?? false;
    // A `.02.` notice from the far switch is passed on once its held mark is committed; the
    // answers wait for it, so they never overtake it.
    let notified: Promise<void> = Promise.resolve();
    let partialSeen = heldBefore;
    const send: LinkSend = {
      link: leg.link, system: leg.system, requestId: `${deps.switchId}:${auditSeq}:${leg.system}`,
      transaction, destinations: leg.destinations, stamp: run.stamp, whenDown,
      heldUntil: run.acceptedAt + deps.limits.queueTtlMs,
      ...(heldBefore ? { silentHold: true } : {}),
      ...(run.resumed !== undefined && whenDown === 'refuse' ? { waitForLinkUntil: deps.clock() + deps.limits.requestDeadlineMs } : {}),
      onHold: (notice) => this.#journal.held(run.id, { system: leg.system, link: leg.link, expiresAt: notice.expiresAtMs ?? 0 }),
      onQueued: (notice) => {
        reply({ queuedNotice: notice });
        void this.#audit({ type: 'queued', at: deps.clock(), outcome: 'queued', ...identity(origin, transaction), inputSeq: header.inputSeq ?? 0, detail: { system: leg.system, auditSeq } });
      },
      onPartial: (partial) => {
        if (!partial.queued || partialSeen) return;
        partialSeen = true;
        const notice = { ...partial.queued, header: replyHeader(header), system: partial.queued.system || leg.system };
        notified = this.#journal.held(run.id, { system: leg.system, link: leg.link, expiresAt: Number(notice.expiresAtMs ?? 0) })
          .then(() => reply({ queuedNotice: notice }), (error: unknown) => {
            // Not recorded, so not promised: the far switch holds it all the same.
            deps.log?.error({ err: error, system: leg.system }, 'held mark not recorded: queued notice withheld');
          });
      },
    };
    const outcome = await deps.dispatcher.send(send);
    await notified;
    if (!outcome.ok) {
      if (outcome.suspended) throw new TransactionSuspended();
      this.#legFailed(leg.system, outcome.error, transaction, reply, origin, auditSeq);
      return false;
    }
    const linkReply = outcome.reply;
    const responses = linkReply.responses ?? [];
    // CJIS: nothing is disclosed that cannot be audited. Each response is recorded, and the
    // row committed, before the response is sent: in a response row of its own, or, for the
    // last leg to end, in the completion row. If that row cannot be committed, the system's
    // whole answer is withheld and the leg answered with a reject instead (the completion
    // lists it as failed). A leg that ends while others are pending does not wait for them:
    // an NCIC hit is not held back for a slow system (officer safety).
    const recorded = responses.map((response): RecordedResponse => ({ system: response.system || leg.system, outcome: statusName(response), records: recordIds(response) }));
    const inCompletion = responses.length > 0 && !linkReply.reject ? lastToEnd?.(recorded) : undefined;
    const appended = inCompletion !== undefined ? [inCompletion] : recorded.map((response) => this.#auditOrFail({
      type: 'response', at: deps.clock(), outcome: response.outcome, ...identity(origin, transaction),
      inputSeq: header.inputSeq ?? 0, detail: { system: response.system, records: response.records, auditSeq },
    }));
    const rows = await Promise.all(appended);
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
      if (origin.kind !== 'link') deps.onAnswered?.(response, transaction, origin, { auditSeq, stamp: run.stamp, whenDown });
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

function sameSystems(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((system, index) => system === b[index]);
}

/** How a transaction row and its journal row are matched when the journal row lacks the seq. */
function matchKey(terminal: string, inputSeq: number, clientMessageId: string): string {
  return `${terminal}\u0000${inputSeq}\u0000${clientMessageId}`;
}

/** A promise of what `start` returns, rejected when it throws instead. */
function attempt<T>(start: () => Promise<T>): Promise<T> {
  try {
    return start();
  } catch (error) {
    return Promise.reject(error);
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

/** An answer's outcome as its audit row names it. */
export function statusName(response: Response): string {
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

/** Rejects that mean the switch stopped waiting, not that the system answered. */
const GAVE_UP: ReadonlySet<string> = new Set(['CLETS_ERR_SYSTEM_TIMEOUT', 'CLETS_ERR_NON_DELIVERY', 'CLETS_ERR_SHUTTING_DOWN', 'CLETS_ERR_SYSTEM_UNAVAILABLE']);

/** Waits for every leg; a shutdown under any of them suspends the transaction (after all settle). */
async function settleAll(legs: readonly Promise<boolean>[]): Promise<boolean[]> {
  const settled = await Promise.allSettled(legs);
  const failure = settled.find((each): each is PromiseRejectedResult => each.status === 'rejected');
  if (failure !== undefined) {
    const suspension = settled.find((each) => each.status === 'rejected' && each.reason instanceof TransactionSuspended);
    throw suspension !== undefined ? new TransactionSuspended() : failure.reason;
  }
  return settled.map((each) => (each as PromiseFulfilledResult<boolean>).value);
}

/** The sender and where to answer, as the journal keeps them. */
function saveOrigin(origin: TransactionOrigin, transaction: Transaction): SavedOrigin {
  return {
    kind: origin.kind, terminal: origin.terminal, operatorId: origin.session?.operatorId ?? transaction.header?.operatorId ?? '',
    sourceAddress: origin.sourceAddress,
    ...(origin.fromLink !== undefined ? { fromLink: origin.fromLink } : {}),
    ...(origin.requestId !== undefined ? { requestId: origin.requestId } : {}),
    ...(origin.system !== undefined ? { system: origin.system } : {}),
  };
}

function saveDecision(decision: RouteDecision): SavedDecision {
  if (decision.kind === 'systems') {
    return {
      kind: 'systems', whenDown: decision.whenDown,
      legs: decision.legs.map((leg) => ({ system: leg.system, link: leg.link, targets: [...leg.targets], destinations: [...leg.destinations] })),
    };
  }
  if (decision.kind === 'local') return { kind: 'local' };
  const { local, remote, unknown } = decision.deliveries;
  return { kind: 'deliver', whenDown: decision.whenDown, local: [...local], remote: [...remote].map(([link, destinations]) => [link, [...destinations]] as const), unknown: [...unknown] };
}

function restoreDecision(saved: SavedDecision): RouteDecision {
  if (saved.kind === 'systems') {
    return {
      kind: 'systems', whenDown: saved.whenDown,
      legs: saved.legs.map((leg) => ({ link: leg.link, system: leg.system as SystemName, targets: leg.targets as Target[], destinations: [...leg.destinations] })),
    };
  }
  if (saved.kind === 'local') return { kind: 'local' };
  return {
    kind: 'deliver', whenDown: saved.whenDown,
    deliveries: { local: saved.local, remote: new Map(saved.remote.map(([link, destinations]) => [link, destinations])), unknown: saved.unknown },
  };
}

/** A resumed transaction's sender when nobody routes its answers: only its resends hear them. */
function silentOrigin(saved: SavedOrigin): TransactionOrigin {
  return {
    kind: saved.kind, session: undefined, terminal: saved.terminal, sourceAddress: saved.sourceAddress,
    ...(saved.fromLink !== undefined ? { fromLink: saved.fromLink } : {}),
    ...(saved.requestId !== undefined ? { requestId: saved.requestId } : {}),
    send: () => false,
  };
}
