/**
 * The seam between a mock system's query engine (NCIC, Nlets, DMV, CORI: matching,
 * updates, rendering) and the link server that carries requests to it.
 */
import type { Reject, Response, SystemName, Transaction } from '@clets/protocol';

/** What a system answers to one request: responses (usually one), or a reject. */
export type SystemAnswer =
  | { readonly kind: 'responses'; readonly responses: readonly Response[] }
  | { readonly kind: 'reject'; readonly reject: Reject };

export interface SystemContext {
  /** Now, in epoch ms: injected so tests control time (entry dates, NIC numbers). */
  readonly now: number;
  /** The link request id: updates record it so a retried request is never applied twice. */
  readonly requestId: string;
}

export interface MockSystem {
  readonly name: SystemName;
  /** Message keys this system answers (from the catalogue's routes). */
  readonly keys: ReadonlySet<string>;
  /**
   * Answers one transaction. Never throws for a bad request: a CletsError becomes a
   * reject answer; only a bug throws.
   */
  handle(transaction: Transaction, context: SystemContext): SystemAnswer;
  /** Releases storage (the SQLite file of updates). Idempotent. */
  close(): void;
}
