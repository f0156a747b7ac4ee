/**
 * @clets/terminal: the terminal client library. The operator CLI, the demo, the end-to-end
 * tests and the benchmark talk to a switch through TerminalClient. Test helpers (a scripted
 * fake switch) are in '@clets/terminal/testing'.
 */
export {
  TerminalClient,
  type ClientState, type LoginCredentials, type SendOptions, type TerminalClientStats,
} from './client.js';
export type { TerminalClientOptions } from './options.js';
export type {
  CloseEvent, HitEvent, ReconnectedEvent, ReconnectingEvent, TerminalClientEvents, UncorrelatedEvent,
} from './events.js';
export {
  isHit,
  type CompletedTransaction, type RejectedTransaction, type TransactionProgress, type TransactionResult,
} from './transaction-result.js';
export { transactionFromText, type TransactionInput } from './transaction-input.js';
export type { SecondFactorProvider } from './second-factor.js';
export { errorFromClose, errorFromReject, isRetryable } from './wire-errors.js';
export { formatResult } from './format.js';
export { hitConfirmationFor, hitConfirmationLine, type HitConfirmationOptions } from './hit-confirmation.js';
export { REDACTED } from './redact.js';
