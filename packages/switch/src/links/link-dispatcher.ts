/**
 * The one way a request leaves this switch on a link. The transaction pipeline sends each
 * system leg through it and the delivery service each batch of agency traffic for another
 * switch; neither knows the other. It stamps this switch's hop on every attempt, waits for
 * the final reply within the request's deadline, and while the link is down applies the
 * message key's policy: refuse at once (Nlets `.04.`) or hold the request (`.02.`) in the
 * HeldQueue until the link returns or the hold expires.
 *
 * A hold is a promise to the sender (the QueuedNotice), so `onHold` (the journal's held
 * mark) is committed before `onQueued` tells anyone; a hold that cannot be recorded is
 * refused instead (`.04.`). At shutdown the dispatcher is suspended: what waits ends as
 * `suspended` and its transaction is resumed at the next start (README.md, "What survives").
 */
import { CletsError, replyHeader, toCletsError, type DownPolicy, type ErrorCode, type LinkReply, type QueuedNotice, type Transaction } from '@clets/protocol';
import type { HeldQueue } from './held-queue.js';
import type { SystemLink } from './types.js';

/** This switch's receipt of a transaction: its own input sequence and time. */
export interface HopStamp {
  readonly inputSeq: number;
  readonly receivedAt: number;
}

/** One request on a link. */
export interface LinkSend {
  readonly link: string;
  readonly system: string;
  readonly requestId: string;
  /** The transaction to send (before this switch's hop), and where it is addressed on the link. */
  readonly transaction: Transaction;
  readonly destinations: readonly string[];
  readonly stamp: HopStamp;
  readonly whenDown: DownPolicy;
  /** The link is down and the key queues: the message is held (.02.); called once. */
  readonly onQueued: (notice: QueuedNotice) => void;
  /**
   * Called before `onQueued`, and waited for: the hold is recorded (the journal's held mark).
   * If it rejects, the request is not held: it fails with CLETS_ERR_SYSTEM_UNAVAILABLE.
   */
  readonly onHold?: (notice: QueuedNotice) => Promise<void>;
  /** A `.02.` answer from the far side (it is holding the message there). */
  readonly onPartial?: (reply: LinkReply) => void;
  /** When a hold runs out (its time to live counted from acceptance); default: now + queueTtlMs. */
  readonly heldUntil?: number;
  /** The sender was told of the hold before a restart: hold again without a second notice. */
  readonly silentHold?: boolean;
  /**
   * A request resumed after a restart whose key refuses while down (`.04.`): its link may not
   * have come up yet, so it waits for it until then before the refusal applies.
   */
  readonly waitForLinkUntil?: number;
}

export type LinkSendOutcome =
  | { readonly ok: true; readonly reply: LinkReply; /** As last sent, with this switch's hop. */ readonly sent: Transaction }
  | { readonly ok: false; readonly error: CletsError; /** Shutdown: resumed at the next start, answer nothing now. */ readonly suspended?: true };

/**
 * Thrown through a transaction's path when the switch shuts down under it with the journal
 * keeping it: nothing more is answered now; the next start resumes the transaction.
 */
export class TransactionSuspended extends Error {
  constructor() {
    super('transaction suspended for the next start');
    this.name = 'TransactionSuspended';
  }
}

export interface LinkDispatcherDeps {
  readonly switchId: string;
  readonly clock: () => number;
  /** Every link requests can leave on: to systems, to the state, and (state) to each county. */
  readonly links: ReadonlyMap<string, SystemLink>;
  readonly held: HeldQueue;
  readonly limits: { readonly requestDeadlineMs: number; readonly queueTtlMs: number };
  /**
   * Whether a link leads to another switch. A request on such a link may be held (.02.) at
   * that switch, so its deadline covers the queue's time to live as well.
   */
  readonly isSwitchLink?: (link: string) => boolean;
}

/**
 * A request to another switch waits a little longer than that switch waits for its own
 * systems, so the far switch's timeout reject arrives before this switch gives up.
 */
const SWITCH_HOP_GRACE_MS = 1_000;
/** Resends of one request on a link that failed it but is up again (a replaced connection). */
const MAX_RETRIES_WHILE_UP = 2;

export class LinkDispatcher {
  readonly #outputSeq = new Map<string, number>();
  /** Requests waiting in the held queue, by request id: a late final reply may answer them. */
  readonly #waiting = new Map<string, (reply: LinkReply) => void>();
  #suspended = false;

  constructor(private readonly deps: LinkDispatcherDeps) {}

  /**
   * Shutdown with the journal keeping every transaction: held requests, and any request that
   * fails from now on (its link closing), end as suspended; the next start resumes them.
   */
  suspend(): void {
    this.#suspended = true;
    this.deps.held.suspend();
  }

  /** Shutting down with the journal keeping what is still open (`suspend`). */
  get suspended(): boolean {
    return this.#suspended;
  }

  /**
   * A final reply that came for no request on the link: it answers the request of that id if
   * one waits in the held queue here (resumed after a restart, its link just back). False
   * when none waits.
   */
  deliverLate(requestId: string, reply: LinkReply): boolean {
    const answer = this.#waiting.get(requestId);
    if (answer === undefined) return false;
    answer(reply);
    return true;
  }

  /**
   * Sends one request on a link and waits for its final reply. While the link is down the
   * key's policy applies: refuse at once (Nlets `.04.`), or hold it (`.02.`: `onQueued`
   * once, then forwarded when the link returns, or a non-delivery when the hold expires).
   * Each attempt stamps this switch's hop afresh (its send time and output sequence).
   */
  async send(send: LinkSend): Promise<LinkSendOutcome> {
    const { deps } = this;
    const header = send.transaction.header ?? {};
    let heldUntil: number | undefined;
    let retriesWhileUp = 0;
    for (;;) {
      if (this.#suspended) return suspended();
      const link = deps.links.get(send.link);
      if (link !== undefined && link.state === 'up') {
        const forwarded = this.#forwarded(send.transaction, send.link, send.destinations, send.stamp);
        const toSwitch = deps.isSwitchLink?.(send.link) ?? false;
        const waitMs = deps.limits.requestDeadlineMs + (toSwitch ? SWITCH_HOP_GRACE_MS + (send.whenDown === 'queue' ? deps.limits.queueTtlMs : 0) : 0);
        try {
          const reply = await link.request(
            { requestId: send.requestId, system: send.system, transaction: forwarded, deadlineMs: deps.clock() + waitMs },
            send.onPartial,
          );
          return { ok: true, reply, sent: forwarded };
        } catch (error) {
          const failure = toCletsError(error);
          if (this.#suspended) return suspended();
          if (failure.code !== 'CLETS_ERR_SYSTEM_UNAVAILABLE') return { ok: false, error: failure };
          // The link went down under the request. Already back (a peer's new connection
          // replaced the old one): send again at once, a few times. Else the down policy decides.
          if (link.state === 'up' && retriesWhileUp < MAX_RETRIES_WHILE_UP) {
            retriesWhileUp += 1;
            continue;
          }
        }
      }
      if (send.whenDown === 'refuse') {
        if (send.waitForLinkUntil !== undefined && deps.clock() < send.waitForLinkUntil) {
          const waited = await this.#wait(send, send.waitForLinkUntil, 'CLETS_ERR_SYSTEM_UNAVAILABLE');
          if (waited !== undefined) return waited;
          continue;
        }
        return { ok: false, error: new CletsError('CLETS_ERR_SYSTEM_UNAVAILABLE', send.system, { system: send.system }) };
      }
      // Nlets .02.: hold it for the link, tell the sender once, forward when it returns.
      if (heldUntil === undefined) {
        heldUntil = send.heldUntil ?? deps.clock() + deps.limits.queueTtlMs;
        if (heldUntil <= deps.clock()) return { ok: false, error: new CletsError('CLETS_ERR_NON_DELIVERY', send.system, { system: send.system }) };
        const notice: QueuedNotice = {
          header: replyHeader(header), system: send.system, expiresAtMs: heldUntil,
          text: `.02. ${send.system} OUT OF SERVICE - MESSAGE QUEUED, WILL BE FORWARDED WHEN IT RETURNS`,
        };
        if (!send.silentHold) {
          try {
            await send.onHold?.(notice);
          } catch (error) {
            // Never promise to forward what a restart would lose: refused as .04. instead.
            const reason = error instanceof Error ? error.message : String(error);
            return { ok: false, error: new CletsError('CLETS_ERR_SYSTEM_UNAVAILABLE', `${send.system} out of service, and the message could not be recorded for store-and-forward (${reason}): not forwarded, send it again later`, { system: send.system }) };
          }
          send.onQueued(notice);
        }
      }
      // The link may have come back while the hold was being recorded: its release is past.
      if (deps.links.get(send.link)?.state === 'up') continue;
      const waited = await this.#wait(send, heldUntil);
      if (waited !== undefined) return waited;
    }
  }

  /**
   * Waits in the held queue until the link returns (undefined: try again), or returns the
   * outcome: expired (`expiredCode`), suspended, or answered by a late reply.
   */
  async #wait(send: LinkSend, until: number, expiredCode?: ErrorCode): Promise<LinkSendOutcome | undefined> {
    let take: (() => void) | undefined;
    const late = new Promise<LinkReply>((resolve) => this.#waiting.set(send.requestId, resolve));
    const released = this.deps.held.hold(send.link, until, (taker) => { take = taker; });
    try {
      const outcome = await Promise.race([released.then((value) => ({ released: value })), late.then((reply) => ({ reply }))]);
      if ('reply' in outcome) {
        take?.();
        return { ok: true, reply: outcome.reply, sent: send.transaction };
      }
      const release = outcome.released;
      if (release.ok) return undefined;
      if (release.suspended) return suspended();
      const code = release.code === 'CLETS_ERR_NON_DELIVERY' && expiredCode !== undefined ? expiredCode : release.code;
      return { ok: false, error: new CletsError(code, send.system, { system: send.system }) };
    } finally {
      this.#waiting.delete(send.requestId);
    }
  }

  /** The transaction as sent on a link: this switch's hop stamped, destinations of the leg. */
  #forwarded(transaction: Transaction, link: string, destinations: readonly string[], stamp: HopStamp): Transaction {
    const header = transaction.header ?? {};
    const outputSeq = (this.#outputSeq.get(link) ?? 0) + 1;
    this.#outputSeq.set(link, outputSeq);
    const sentAt = this.deps.clock();
    return {
      ...transaction,
      header: {
        ...header,
        outputSeq,
        sentAtMs: sentAt,
        destinations: destinations.length > 0 ? [...destinations] : header.destinations ?? [],
        hops: [...(header.hops ?? []), {
          switchId: this.deps.switchId, inputSeq: stamp.inputSeq, outputSeq, receivedAtMs: stamp.receivedAt, sentAtMs: sentAt,
        }],
      },
    };
  }
}

function suspended(): LinkSendOutcome {
  return { ok: false, error: new CletsError('CLETS_ERR_SHUTTING_DOWN'), suspended: true };
}
