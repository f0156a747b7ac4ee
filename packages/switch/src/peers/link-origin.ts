/**
 * A LinkRequest from another switch, run through this switch's own transaction pipeline
 * (validate, route, audit, legs or deliveries) and answered with one final LinkReply:
 * - at the state switch, a county's request for one system (the county fanned out) or its
 *   agency traffic for destinations beyond the county;
 * - at a county switch, the state's request to deliver an AM, YQ or YR to terminals here.
 *
 * The other switch is authenticated by its link secret, so the pipeline runs with no
 * operator session (the originating switch checked its operator). What the pipeline would
 * send a terminal is gathered into the reply: responses, the system's reject, delivery
 * reports; a `.02.` queued notice goes back at once as a partial reply (`final=false`).
 */
import { DELIVERY_SYSTEM, type Frame, type LinkReply, type LinkRequest, type Reject } from '@clets/protocol';
import type { TransactionOrigin, TransactionPipeline } from '../pipeline/transaction-pipeline.js';

export interface LinkPeer {
  /** The link name on this switch (the routing table's name for it: never routed back). */
  readonly link: string;
  /** The other switch's identity, for the audit log and per-link sequence numbers. */
  readonly peerId: string;
  readonly sourceAddress: string;
}

export async function answerLinkRequest(
  pipeline: TransactionPipeline,
  request: LinkRequest,
  peer: LinkPeer,
  onPartial?: (reply: LinkReply) => void,
): Promise<LinkReply> {
  const requestId = request.requestId ?? '';
  const responses: NonNullable<LinkReply['responses']> = [];
  const reports: NonNullable<LinkReply['deliveryReports']> = [];
  let reject: Reject | undefined;
  const system = request.system ?? '';
  const origin: TransactionOrigin = {
    kind: 'link',
    session: undefined,
    terminal: peer.peerId,
    sourceAddress: peer.sourceAddress,
    fromLink: peer.link,
    requestId,
    ...(system !== '' && system !== DELIVERY_SYSTEM ? { system } : {}),
    send: (frame: Frame) => {
      if (frame.response) responses.push(frame.response);
      else if (frame.deliveryReport) reports.push(frame.deliveryReport);
      else if (frame.reject) reject ??= frame.reject;
      else if (frame.queuedNotice) onPartial?.({ requestId, queued: frame.queuedNotice, final: false });
      // Receipt and Completion are for a terminal: the final LinkReply says both.
    },
  };
  const outcome = await pipeline.submit(origin, request.transaction ?? {});
  // This switch is shutting down with the request kept for its next start: no final reply
  // now (an empty one would read as answered). The asking switch sends it again.
  if (outcome === 'suspended') return new Promise<LinkReply>(() => {});
  return {
    requestId,
    responses,
    ...(reject !== undefined ? { reject } : {}),
    deliveryReports: reports,
    final: true,
  };
}
