/**
 * LinkRequests sent down a link by an upstream switch (an AM or a YQ for a terminal of this
 * county), turned into exactly one LinkReply each by the switch's handler.
 *
 * The same request id seen again (the upstream retried after a reconnect) is answered with
 * the same reply and the handler is not called again, so an administrative message is
 * delivered once, not once per retry (docs/protocol.md, "Links"); a retry that arrives while
 * the first is still being handled waits for the same answer. The memory is bounded: the
 * oldest ids are forgotten first.
 *
 * A handler's error becomes a Reject in the reply; anything that is not a CletsError
 * becomes CLETS_ERR_INTERNAL with no detail, so internals never reach the peer.
 */
import { BoundedCache, CletsError, rejectOf, toCletsError, type LinkReply, type LinkRequest } from '@clets/protocol';

export type LinkRequestHandler = (request: LinkRequest) => Promise<LinkReply> | LinkReply;

export class UpstreamRequests {
  readonly #replies: BoundedCache<string, Promise<LinkReply>>;
  #handler: LinkRequestHandler | undefined;

  constructor(
    capacity: number,
    private readonly onHandlerError: (error: unknown, requestId: string) => void,
  ) {
    this.#replies = new BoundedCache({ capacity });
  }

  setHandler(handler: LinkRequestHandler): void {
    this.#handler = handler;
  }

  /** The reply to one request (never rejects), and whether it was answered from memory. */
  answer(request: LinkRequest): { reply: Promise<LinkReply>; repeated: boolean } {
    const requestId = request.requestId ?? '';
    const known = this.#replies.peek(requestId);
    if (known !== undefined) return { reply: known, repeated: true };
    const handler = this.#handler;
    if (handler === undefined) {
      // Not remembered: once the switch installs its handler, a retry is handled for real.
      const refusal = new CletsError('CLETS_ERR_SYSTEM_NOT_ACCEPTING', undefined, { system: request.system ?? '' });
      return { reply: Promise.resolve(rejectReply(refusal, request)), repeated: false };
    }
    const reply = this.#run(handler, request);
    this.#replies.set(requestId, reply);
    return { reply, repeated: false };
  }

  async #run(handler: LinkRequestHandler, request: LinkRequest): Promise<LinkReply> {
    try {
      return await handler(request);
    } catch (error) {
      const clets = toCletsError(error);
      if (clets.code === 'CLETS_ERR_INTERNAL') this.onHandlerError(error, request.requestId ?? '');
      return rejectReply(clets, request);
    }
  }
}

/** A final LinkReply carrying one Reject for `request` (its header echoed for correlation). */
export function rejectReply(error: CletsError, request: LinkRequest): LinkReply {
  return { reject: rejectOf(error, { header: request.transaction?.header ?? null, system: error.system ?? request.system ?? '' }), final: true };
}
