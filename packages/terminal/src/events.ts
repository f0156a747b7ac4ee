/**
 * Everything a TerminalClient tells its caller without being asked: unsolicited traffic from
 * the switch, hits, correlation anomalies and the life of the connection. Event payloads
 * never carry a password or secret.
 */
import type {
  AdminMessage, CletsError, DecodedFrame, DeliveryReport, HitConfirmationRequest, HitConfirmationResponse,
  LoginResult, Reject, Response, StatusMessage,
} from '@clets/protocol';

/** A Response flagged HIT, for any transaction: a display alerts the operator. */
export interface HitEvent {
  readonly clientMessageId: string;
  /** False when the response matched no request in flight (it is still a hit to show). */
  readonly correlated: boolean;
  readonly response: Response;
}

/** An answer frame whose client message id matches no request in flight. */
export interface UncorrelatedEvent {
  readonly kind: 'receipt' | 'queuedNotice' | 'response' | 'reject' | 'completion';
  readonly clientMessageId: string;
  readonly frame: DecodedFrame;
}

export interface CloseEvent {
  /** WebSocket close code (1006: dropped without a closing handshake). */
  readonly code: number;
  readonly reason: string;
  /** What the close means, from docs/protocol.md's close-code table. */
  readonly error: CletsError;
  /** A reconnect will follow (enabled, logged in before, and the failure is retryable). */
  readonly willReconnect: boolean;
}

export interface ReconnectingEvent {
  readonly attempt: number;
  readonly delayMs: number;
  /** Why the previous connection or attempt ended. */
  readonly error: CletsError;
}

export interface ReconnectedEvent {
  readonly attempt: number;
  readonly login: LoginResult;
}

export type TerminalClientEvents = {
  /** AM: an administrative message for this terminal (stored ones arrive right after login). */
  adminMessage: [message: AdminMessage];
  /** SM: a system or link went down or came back. */
  statusMessage: [message: StatusMessage];
  /** YQ: another agency asks this agency to confirm a hit on its record. */
  hitConfirmationRequest: [request: HitConfirmationRequest];
  /** YR: the answer to a hit confirmation this agency asked for. */
  hitConfirmationResponse: [response: HitConfirmationResponse];
  /** Where an administrative message this terminal sent has got to. */
  deliveryReport: [report: DeliveryReport];
  hit: [event: HitEvent];
  uncorrelated: [event: UncorrelatedEvent];
  /** An answer for a request that already gave up at its deadline. */
  late: [event: UncorrelatedEvent];
  /** A Reject that names no transaction (a frame refused for the session's state). */
  sessionReject: [reject: Reject];
  close: [event: CloseEvent];
  reconnecting: [event: ReconnectingEvent];
  reconnected: [event: ReconnectedEvent];
  /** Problems with no caller waiting: malformed frames, a dead switch, a reconnect given up. */
  error: [error: CletsError];
};
