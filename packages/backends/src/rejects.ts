/**
 * Reject frames built from the closed error table: what a link peer sees when its frame or
 * request is refused. Internals never leak: the reason is the table's message plus a
 * detail written for the peer.
 */
import { CletsError, rejectOf, type ErrorCode, type Reject, type Transaction } from '@clets/protocol';

/** Characters of the offending input echoed in a reject (docs/domain.md section 5). */
const ECHO_CHARS = 100;

export interface RejectContext {
  /** The transaction the reject answers: its header is echoed, its text quoted. */
  readonly transaction?: Transaction | null | undefined;
  /** The system the reject concerns. */
  readonly system?: string | undefined;
  readonly detail?: string | undefined;
  readonly field?: string | undefined;
}

export function buildReject(code: ErrorCode, context: RejectContext = {}): Reject {
  return rejectFromError(new CletsError(code, context.detail, { field: context.field, system: context.system }), context.transaction);
}

export function rejectFromError(error: CletsError, transaction?: Transaction | null): Reject {
  return rejectOf(error, { header: transaction?.header, echo: transaction?.text?.slice(0, ECHO_CHARS) });
}
