/**
 * Plain-text rendering of a transaction's outcome, for the operator CLI and the demo: the
 * receipt, queued notices, each system's answer and each system reject (written by
 * @clets/protocol's formatResponse and formatReject, so every tool shows them alike), then
 * the completion line. Hits come from the structured flag, never from scanning the text
 * (the NCIC no-hit wording incident).
 */
import { formatReject, formatResponse, type Header, type QueuedNotice } from '@clets/protocol';
import type { TransactionResult } from './transaction-result.js';

/** The whole outcome of one transaction, one block of lines. */
export function formatResult(result: TransactionResult): string {
  if (result.outcome === 'rejected') return formatReject(result.rejected);
  const header = result.receipt?.header ?? result.completion.header;
  const blocks: string[] = [formatReceiptLine(header, { control: result.control, clientMessageId: result.clientMessageId })];
  for (const notice of result.queued) blocks.push(formatQueued(notice));
  for (const response of result.responses) blocks.push(formatResponse(response));
  for (const reject of result.rejects) blocks.push(formatReject(reject));
  const { answered, failed } = result.completion;
  blocks.push(
    `END ISN/${Number(result.completion.inputSeq ?? 0)} ANSWERED/${list(answered)} FAILED/${list(failed)}`
    + `${result.hit ? ' *** HIT ***' : ''} (${Math.round(result.durationMs)} MS)`,
  );
  return blocks.join('\n');
}

/** The acknowledgement line: the key, the input sequence number, the control field, the id. */
export function formatReceiptLine(header: Header | null | undefined, sent: { control?: string; clientMessageId?: string } = {}): string {
  const control = header?.control || sent.control || '-';
  const id = header?.clientMessageId || sent.clientMessageId || '-';
  return `ACK ${header?.messageKey || '?'} ISN/${Number(header?.inputSeq ?? 0)} CTL/${control} MID/${id}`;
}

/**
 * Nlets `.02.`: the system is down; the message waits for it until it expires. The system's
 * own wording when it gave one, else a standard line; then when the wait ends.
 */
export function formatQueued(notice: QueuedNotice, time: (ms: number) => string = (ms) => new Date(ms).toISOString()): string {
  const expires = Number(notice.expiresAtMs ?? 0);
  const until = expires > 0 ? ` UNTIL ${time(expires)}` : '';
  return `${notice.text || `.02. ${notice.system || '?'} OUT OF SERVICE, MESSAGE QUEUED`}${until}`;
}

function list(items: readonly string[] | null | undefined): string {
  return items !== null && items !== undefined && items.length > 0 ? items.join(',') : '-';
}
