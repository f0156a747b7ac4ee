/**
 * What the switch needs of a link, whichever side opened it: the concrete classes (LinkClient,
 * PeerLink) satisfy it; tests pass FakeLinks.
 */
import type { DecodedFrame, Frame, LinkReply, LinkRequest, StatusMessage, Transaction } from '@clets/protocol';

export type LinkStateName = 'connecting' | 'up' | 'down' | 'closed';

/**
 * A link to a system or to another switch: an outgoing LinkClient (to a system, or a county's
 * link to the state switch), or at the state switch a PeerLink (a county linked to it).
 */
export interface SystemLink {
  readonly state: LinkStateName;
  readonly systems: readonly string[];
  request(
    request: { requestId: string; system: string; transaction: Transaction; deadlineMs: number },
    onPartial?: (reply: LinkReply) => void,
  ): Promise<LinkReply>;
  on(event: 'up', listener: (systems: string[]) => void): unknown;
  on(event: 'down', listener: (reason: string) => void): unknown;
  on(event: 'statusMessage', listener: (message: StatusMessage) => void): unknown;
  /** Unsolicited traffic from another switch (a late DeliveryReport, say). */
  on(event: 'frame', listener: (frame: DecodedFrame) => void): unknown;
  /** A final reply for no request pending (a switch answering a request sent before a restart). */
  on(event: 'lateReply', listener: (reply: LinkReply) => void): unknown;
  /** Requests the switch at the other end sends this way (an AM for a terminal here). */
  onRequest?(handler: (request: LinkRequest) => Promise<LinkReply> | LinkReply): void;
  /** Sends one unsolicited frame (StatusMessage, DeliveryReport); false when not up. */
  send?(frame: Frame): boolean;
  start(): void;
  close(): Promise<void>;
}
