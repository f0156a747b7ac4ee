/**
 * The one way a request leaves this switch on a link. The transaction pipeline sends each
 * system leg through it and the delivery service each batch of agency traffic for another
 * switch; neither knows the other. It stamps this switch's hop on every attempt, waits for
 * the final reply within the request's deadline, and while the link is down applies the
 * message key's policy: refuse at once (Nlets `.04.`) or hold the request (`.02.`) in the
 * HeldQueue until the link returns or the hold expires.
 */
import { CletsError, replyHeader, toCletsError, type DownPolicy, type LinkReply, type QueuedNotice, type Transaction } from '@clets/protocol';
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
  /** A `.02.` answer from the far side (it is holding the message there). */
  readonly onPartial?: (reply: LinkReply) => void;
}

export type LinkSendOutcome =
  | { readonly ok: true; readonly reply: LinkReply; /** As last sent, with this switch's hop. */ readonly sent: Transaction }
  | { readonly ok: false; readonly error: CletsError };

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

  constructor(private readonly deps: LinkDispatcherDeps) {}

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
        return { ok: false, error: new CletsError('CLETS_ERR_SYSTEM_UNAVAILABLE', send.system, { system: send.system }) };
      }
      // Nlets .02.: hold it for the link, tell the sender once, forward when it returns.
      if (heldUntil === undefined) {
        heldUntil = deps.clock() + deps.limits.queueTtlMs;
        send.onQueued({
          header: replyHeader(header), system: send.system, expiresAtMs: heldUntil,
          text: `.02. ${send.system} OUT OF SERVICE - MESSAGE QUEUED, WILL BE FORWARDED WHEN IT RETURNS`,
        });
      }
      const released = await deps.held.hold(send.link, heldUntil);
      if (!released.ok) return { ok: false, error: new CletsError(released.code, send.system, { system: send.system }) };
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
