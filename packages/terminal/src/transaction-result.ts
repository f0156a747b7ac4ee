/**
 * What one transaction came to: everything the switch answered, gathered under its client
 * message id, until the Completion (or a transaction-level Reject) said it was over.
 */
import {
  HitStatus, type Completion, type QueuedNotice, type Receipt, type Reject, type Response, type Transaction,
} from '@clets/protocol';

interface TransactionResultBase {
  readonly clientMessageId: string;
  /** The control field sent (echoed by the switch in every reply). */
  readonly control: string;
  /** The transaction as sent. */
  readonly transaction: Transaction;
  /** One Response per system that answered, in arrival order. */
  readonly responses: readonly Response[];
  /** System-level rejects after the Receipt: one system timed out, refused or expired. */
  readonly rejects: readonly Reject[];
  /** Nlets `.02.` notices: a system is down and the message waits for it. */
  readonly queued: readonly QueuedNotice[];
  /** From send() to the final frame (monotonic clock). */
  readonly durationMs: number;
  /** Any response carries the HIT flag (the structured flag, never the text). */
  readonly hit: boolean;
}

/** The switch accepted the transaction and every system it went to has answered or failed. */
export interface CompletedTransaction extends TransactionResultBase {
  readonly outcome: 'completed';
  /** Always present from a switch that keeps docs/protocol.md (Receipt before anything else). */
  readonly receipt: Receipt | undefined;
  readonly completion: Completion;
  readonly rejected?: undefined;
}

/** The switch refused the transaction before accepting it: nothing else follows. */
export interface RejectedTransaction extends TransactionResultBase {
  readonly outcome: 'rejected';
  readonly rejected: Reject;
  readonly receipt?: undefined;
  readonly completion?: undefined;
}

export type TransactionResult = CompletedTransaction | RejectedTransaction;

/** Progress of one transaction, for a display that shows answers as they come. */
export type TransactionProgress =
  | { readonly kind: 'receipt'; readonly receipt: Receipt }
  | { readonly kind: 'queued'; readonly notice: QueuedNotice }
  | { readonly kind: 'response'; readonly response: Response }
  | { readonly kind: 'reject'; readonly reject: Reject };

export function isHit(response: Response): boolean {
  return response.status === HitStatus.HIT_STATUS_HIT;
}
