/**
 * What every answer to a transaction carries back so the client can match it: the header
 * fields it sent and the stamps of the switch that took it in (docs/protocol.md, "Terminal
 * session": replies are correlated by client_message_id, the control field echoed).
 */
import { ERROR_CODES, type CletsError } from './errors.js';
import type { Header, Reject } from './types.js';

/** The header fields echoed in every reply: correlation, control field, stamps, path. */
export function replyHeader(header: Header): Header {
  return {
    clientMessageId: header.clientMessageId ?? '', control: header.control ?? '', messageKey: header.messageKey ?? '',
    ori: header.ori ?? '', terminal: header.terminal ?? '', operatorId: header.operatorId ?? '',
    inputSeq: header.inputSeq ?? 0, receivedAtMs: header.receivedAtMs ?? 0, destinations: header.destinations ?? [],
  };
}

/** What a Reject says besides the error: whose transaction it answers and where it went wrong. */
export interface RejectContext {
  /** The header echoed for correlation (the refused transaction's reply header). */
  readonly header?: Header | null | undefined;
  /** The start of the offending input (docs/domain.md section 5: its first 100 characters). */
  readonly echo?: string | undefined;
  /** The system the reject concerns in a fan-out; default: the error's. */
  readonly system?: string | undefined;
}

/**
 * The one way a Reject is built: its code, wire code and reason come from the error table
 * (the reason is the table's message and the error's detail), never from a number written
 * beside it; the field and column are the error's.
 */
export function rejectOf(error: CletsError, context: RejectContext = {}): Reject {
  return {
    header: context.header ?? null,
    code: error.code,
    wireCode: ERROR_CODES[error.code].wire,
    reason: error.message,
    field: error.field ?? '',
    position: error.position ?? 0,
    echo: context.echo ?? '',
    system: context.system ?? error.system ?? '',
  };
}
