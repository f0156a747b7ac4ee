/**
 * What happens to one LinkRequest, knowing no socket: the repeat check, the choice of
 * system, the behaviour knobs (outage, latency, injected errors), the call to the mock
 * system, and where the reply goes. Replies are addressed to the link peer: when the
 * connection that asked has gone, a reply (a queued request answered after an outage, say)
 * goes to another open connection of the same peer, or waits in the idempotency store for
 * the peer's retry.
 */
import type { Logger } from 'pino';
import { SYSTEMS, type ErrorCode, type LinkReply, type LinkRequest, type SystemName, type Transaction } from '@clets/protocol';
import type { BehaviourController, BehaviourChange } from './behaviour.js';
import type { BackendLimits } from './config.js';
import type { IdempotencyStore } from './idempotency.js';
import { buildReject, type RejectContext } from './rejects.js';
import type { MockSystem } from './system.js';

/** Where a link's replies go: the connection that carried the request. */
export interface ReplySink {
  readonly peerId: string;
  /** False once the connection is closing or closed. */
  readonly isOpen: boolean;
  /** The systems reachable over this connection. */
  readonly served: ReadonlySet<SystemName>;
  sendReply(reply: LinkReply): void;
}

/** Timers, injectable so tests can see the sampled latency and fire it themselves. */
export interface Scheduler {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const realScheduler: Scheduler = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Picks the system for a request that names none, among the systems on the link that
 * answer its message key (in SYSTEMS order). The default takes the first; the catalogue's
 * routing (a DQ by OLS state: DMV at home, NLETS otherwise) can be plugged in instead.
 */
export type SystemChooser = (transaction: Transaction, candidates: readonly SystemName[]) => SystemName | undefined;

/** How a request ended: its final reply, or none ever (a hung system). */
export type RequestOutcome = 'answered' | 'rejected' | 'error' | 'refused' | 'non_delivery' | 'repeated' | 'hung';

/** Told of every request's end (the control endpoint's /metrics). */
export interface DispatcherMetrics {
  /** `system` as the request resolved to (undefined before one was chosen); `ms` from its arrival to its final reply. */
  finished(system: string | undefined, outcome: RequestOutcome, ms?: number): void;
}

export interface DispatcherOptions {
  readonly systems: ReadonlyMap<SystemName, MockSystem>;
  readonly behaviour: BehaviourController;
  readonly idempotency: IdempotencyStore;
  readonly limits: Pick<BackendLimits, 'maxQueuedPerSystem' | 'queueTtlMs'>;
  readonly logger: Logger;
  readonly now?: () => number;
  readonly scheduler?: Scheduler;
  readonly chooseSystem?: SystemChooser;
  /** Another open connection of a peer, for replies whose own connection has gone. */
  readonly findPeerSink?: (peerId: string) => ReplySink | undefined;
  readonly metrics?: DispatcherMetrics;
}

/** One request on its way to a system. */
interface Pending {
  readonly requestId: string;
  readonly transaction: Transaction;
  readonly system: SystemName;
  readonly sink: ReplySink;
  /** When the request arrived (`now()`), for the time to its final reply. */
  readonly receivedAtMs: number;
}

interface Queued extends Pending {
  readonly expiresAtMs: number;
}

export interface SystemActivity {
  /** Waiting for their latency to pass. */
  readonly inFlight: number;
  /** Held by a `queued` outage. */
  readonly queued: number;
  /** Accepted during a `hang` outage and never to be answered. */
  readonly hung: number;
}

export class RequestDispatcher {
  private readonly options: DispatcherOptions;
  private readonly now: () => number;
  private readonly scheduler: Scheduler;
  private readonly inFlight = new Map<unknown, SystemName>();
  private readonly queues = new Map<SystemName, Queued[]>();
  private readonly hung = new Map<SystemName, number>();
  private readonly drainWaiters = new Set<() => void>();
  private readonly unsubscribe: () => void;
  private readonly metrics: DispatcherMetrics | undefined;
  private accepting = true;

  constructor(options: DispatcherOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
    this.scheduler = options.scheduler ?? realScheduler;
    this.metrics = options.metrics;
    this.unsubscribe = options.behaviour.onChange((change) => this.onBehaviourChange(change));
  }

  /** Handles one request. Never throws: every failure becomes a reject to the peer. */
  dispatch(request: LinkRequest, sink: ReplySink): void {
    const requestId = request.requestId ?? '';
    const transaction = request.transaction;
    const receivedAtMs = this.now();
    const refuse = (code: ErrorCode, context: RejectContext = {}): void => {
      this.metrics?.finished(context.system ?? request.system ?? undefined, 'refused', this.now() - receivedAtMs);
      this.deliver(sink, { requestId, reject: buildReject(code, { transaction, ...context }), final: true });
    };

    if (!this.accepting) return refuse('CLETS_ERR_SHUTTING_DOWN');

    const stored = this.options.idempotency.get(sink.peerId, requestId);
    if (stored?.state === 'done') {
      this.metrics?.finished(request.system ?? undefined, 'repeated');
      return sink.sendReply(stored.reply);
    }
    if (stored?.state === 'pending') {
      // The first copy is still being answered: repeat what it was told so far; its final
      // reply follows once.
      for (const reply of stored.interim) sink.sendReply(reply);
      return;
    }

    const messageKey = transaction?.header?.messageKey ?? '';
    if (!transaction || !messageKey) {
      return refuse('CLETS_ERR_REQUEST_INVALID', { detail: 'a LinkRequest needs a transaction with a message key' });
    }
    const system = this.resolveSystem(request.system ?? '', transaction, sink);
    if (typeof system !== 'string') return refuse(system.code, { detail: system.detail, system: request.system ?? undefined });

    const pending: Pending = { requestId, transaction, system, sink, receivedAtMs };
    const outage = this.options.behaviour.get(system).outage;
    switch (outage) {
      case 'none':
        return this.schedule(pending);
      case 'refuse':
      case 'drop':
        // A dropped system's links are closed; a request still reaching it over a link that
        // serves other systems too is refused like `.04.`.
        return refuse('CLETS_ERR_SYSTEM_UNAVAILABLE', { system });
      case 'not_accepting':
        return refuse('CLETS_ERR_SYSTEM_NOT_ACCEPTING', { system });
      case 'hang':
        this.hung.set(system, (this.hung.get(system) ?? 0) + 1);
        this.metrics?.finished(system, 'hung');
        this.options.logger.debug({ requestId, system }, 'request accepted by a hung system: no answer');
        return;
      case 'queued':
        // int64 fields decode as Long objects: Number() makes them plain.
        return this.enqueue(pending, Number(request.deadlineMs ?? 0));
    }
  }

  /** From now on every new request is refused with CLETS_ERR_SHUTTING_DOWN. */
  stopAccepting(): void {
    this.accepting = false;
  }

  /** Resolves true once no answer waits on its latency timer, false at the deadline. */
  drain(deadlineMs: number): Promise<boolean> {
    if (this.inFlight.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (drained: boolean): void => {
        clearTimeout(timer);
        this.drainWaiters.delete(onEmpty);
        resolve(drained);
      };
      const onEmpty = (): void => done(true);
      const timer = setTimeout(() => done(false), deadlineMs);
      this.drainWaiters.add(onEmpty);
    });
  }

  /** Drops everything still waiting (timers, queues) and stops listening to knob changes. */
  cancelAll(): void {
    for (const handle of this.inFlight.keys()) this.scheduler.clear(handle);
    this.inFlight.clear();
    this.queues.clear();
    this.hung.clear();
    this.unsubscribe();
    this.notifyIfDrained();
  }

  activity(system: SystemName): SystemActivity {
    let inFlight = 0;
    for (const owner of this.inFlight.values()) if (owner === system) inFlight += 1;
    return { inFlight, queued: this.queues.get(system)?.length ?? 0, hung: this.hung.get(system) ?? 0 };
  }

  private resolveSystem(
    requested: string,
    transaction: Transaction,
    sink: ReplySink,
  ): SystemName | { code: ErrorCode; detail: string } {
    const messageKey = transaction.header?.messageKey ?? '';
    const name = requested.trim().toUpperCase();
    if (name) {
      const system = this.options.systems.get(name as SystemName);
      if (!system || !sink.served.has(system.name)) {
        return { code: 'CLETS_ERR_NO_ROUTE', detail: `system ${name} is not served on this link` };
      }
      if (!system.keys.has(messageKey)) {
        return { code: 'CLETS_ERR_UNKNOWN_MESSAGE_KEY', detail: `${system.name} does not answer ${messageKey}` };
      }
      return system.name;
    }
    const candidates = SYSTEMS.filter((name) => sink.served.has(name) && this.options.systems.get(name)?.keys.has(messageKey));
    const chosen = this.options.chooseSystem ? this.options.chooseSystem(transaction, candidates) : candidates[0];
    if (!chosen || !candidates.includes(chosen)) {
      return { code: 'CLETS_ERR_NO_ROUTE', detail: `no system on this link answers ${messageKey}` };
    }
    return chosen;
  }

  private enqueue(pending: Pending, deadlineMs: number): void {
    const { requestId, transaction, system, sink } = pending;
    const queue = this.queues.get(system) ?? [];
    if (queue.length >= this.options.limits.maxQueuedPerSystem) {
      this.finish(pending, 'refused');
      return this.deliver(sink, { requestId, reject: buildReject('CLETS_ERR_QUEUE_FULL', { transaction, system }), final: true });
    }
    const expiresAtMs = deadlineMs > 0 ? deadlineMs : this.now() + this.options.limits.queueTtlMs;
    const notice: LinkReply = {
      requestId,
      queued: {
        header: transaction.header,
        system,
        expiresAtMs,
        text: `.02. ${system} OUT OF SERVICE - MESSAGE QUEUED, WILL BE FORWARDED WHEN IT RETURNS`,
      },
      final: false,
    };
    this.options.idempotency.begin(sink.peerId, requestId);
    this.options.idempotency.addInterim(sink.peerId, requestId, notice);
    queue.push({ ...pending, expiresAtMs });
    this.queues.set(system, queue);
    this.deliver(sink, notice);
  }

  /** A `queued` outage was cleared: forward what it held, in arrival order. */
  private onBehaviourChange({ system, current }: BehaviourChange): void {
    if (current.outage !== 'none') return;
    const queue = this.queues.get(system);
    if (!queue || queue.length === 0) return;
    this.queues.delete(system);
    const now = this.now();
    for (const entry of queue) {
      if (entry.expiresAtMs < now) {
        // Nlets: a queued message that outlives its time is answered with a non-delivery.
        this.options.idempotency.forget(entry.sink.peerId, entry.requestId);
        this.finish(entry, 'non_delivery');
        this.deliver(entry.sink, {
          requestId: entry.requestId,
          reject: buildReject('CLETS_ERR_NON_DELIVERY', { transaction: entry.transaction, system }),
          final: true,
        });
      } else {
        this.schedule(entry);
      }
    }
  }

  private schedule(pending: Pending): void {
    const { idempotency } = this.options;
    if (idempotency.get(pending.sink.peerId, pending.requestId)?.state !== 'pending') {
      idempotency.begin(pending.sink.peerId, pending.requestId);
    }
    const delayMs = this.options.behaviour.sampleLatencyMs(pending.system);
    if (delayMs <= 0) return this.answer(pending);
    const handle = this.scheduler.set(() => {
      this.inFlight.delete(handle);
      this.answer(pending);
      this.notifyIfDrained();
    }, delayMs);
    this.inFlight.set(handle, pending.system);
  }

  private answer(pending: Pending): void {
    const { requestId, transaction, system: name, sink } = pending;
    const { idempotency, behaviour, logger } = this.options;
    const system = this.options.systems.get(name);
    if (!system || behaviour.rollError(name)) {
      // An injected error applied nothing: forget it so a retry gets a real attempt.
      idempotency.forget(sink.peerId, requestId);
      this.finish(pending, 'error');
      const reply: LinkReply = { requestId, reject: buildReject('CLETS_ERR_SYSTEM_ERROR', { transaction, system: name }), final: true };
      return this.deliver(sink, reply);
    }
    let reply: LinkReply;
    try {
      const answer = system.handle(transaction, { now: this.now(), requestId });
      reply =
        answer.kind === 'responses'
          ? { requestId, responses: [...answer.responses], final: true }
          : { requestId, reject: answer.reject, final: true };
    } catch (error) {
      // MockSystem.handle throws only on a bug; the peer sees an internal error, no detail.
      logger.error({ err: error, requestId, system: name }, 'mock system threw');
      idempotency.forget(sink.peerId, requestId);
      this.finish(pending, 'error');
      return this.deliver(sink, { requestId, reject: buildReject('CLETS_ERR_INTERNAL', { transaction, system: name }), final: true });
    }
    idempotency.complete(sink.peerId, requestId, reply);
    this.finish(pending, reply.reject ? 'rejected' : 'answered');
    this.deliver(sink, reply);
  }

  private finish(pending: Pending, outcome: RequestOutcome): void {
    this.metrics?.finished(pending.system, outcome, this.now() - pending.receivedAtMs);
  }

  private deliver(sink: ReplySink, reply: LinkReply): void {
    const target = sink.isOpen ? sink : this.options.findPeerSink?.(sink.peerId);
    if (target) return target.sendReply(reply);
    this.options.logger.debug({ peer: sink.peerId, requestId: reply.requestId }, 'no open link to the peer: reply kept for its retry');
  }

  private notifyIfDrained(): void {
    if (this.inFlight.size > 0) return;
    for (const waiter of [...this.drainWaiters]) waiter();
  }
}
