/**
 * What every answer to a transaction carries back so the client can match it: the header
 * fields it sent and the stamps of the switch that took it in (docs/protocol.md, "Terminal
 * session": replies are correlated by client_message_id, the control field echoed).
 */
import type { Header } from './types.js';

/** The header fields echoed in every reply: correlation, control field, stamps, path. */
export function replyHeader(header: Header): Header {
  return {
    clientMessageId: header.clientMessageId ?? '', control: header.control ?? '', messageKey: header.messageKey ?? '',
    ori: header.ori ?? '', terminal: header.terminal ?? '', operatorId: header.operatorId ?? '',
    inputSeq: header.inputSeq ?? 0, receivedAtMs: header.receivedAtMs ?? 0, destinations: header.destinations ?? [],
  };
}
