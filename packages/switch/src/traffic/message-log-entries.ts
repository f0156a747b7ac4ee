/**
 * What a frame becomes in the operator's message log (traffic/message-log.ts): its kind, the
 * ISN it belongs to, the key, who it came from or went to, its first line and its full text
 * as the terminal showed it. Pure: no clock, no store.
 *
 * Kept: what the operator sent (a transaction) and every message the terminal received about
 * it or from another agency: responses, rejects, queued notices (.02.), administrative
 * messages, hit confirmation requests and answers, delivery reports. Not kept: the session's
 * own frames (banner, login, heartbeats), receipts and completions (the ISN and the end of an
 * exchange, not messages: the receipt's ISN is written on the sent row), and status messages
 * (a link's state, the same for every terminal; the audit log keeps link states).
 */
import {
  ConfirmationPriority, ConfirmationState, DEFAULT_TARGET_SYSTEM, DeliveryState, HitStatus, SWITCH_SYSTEM, formatReject, formatResponse, formatTransaction, messageKey,
  type Frame, type Header, type Response, type ResponseRecord, type Transaction,
} from '@clets/protocol';

/** The key the switch answers from this log: its own traffic is not logged again. */
export const MESSAGE_LOG_KEY = 'LOG';

export type LogDirection = 'SENT' | 'RECEIVED';

/** One message as the log keeps it. */
export interface LogEntry {
  readonly direction: LogDirection;
  /** The frame kind: transaction, response, reject, queuedNotice, adminMessage... */
  readonly kind: string;
  /** The input sequence number of the operator's transaction it belongs to, when it belongs to one. */
  readonly isn: number | undefined;
  readonly messageKey: string;
  /** Where it went (destinations, systems) or where it came from (system, ORI/terminal). */
  readonly party: string;
  readonly text: string;
  /** The line a listing shows, when the text's first line says too little (an AM's is its header). */
  readonly summary?: string;
  /**
   * The records of a response that an officer may act on (a hit or possible match with its
   * entering agency): recalled with the message, so a hit confirmation (YQ) can be built
   * from it in a later session.
   */
  readonly records: readonly ResponseRecord[] | undefined;
}

/** The first line of a message's text, as the listing shows it. */
export function firstLine(text: string, max = 80): string {
  const newline = text.indexOf('\n');
  const line = (newline < 0 ? text : text.slice(0, newline)).trimEnd();
  return line.length > max ? `${line.slice(0, max - 3)}...` : line;
}

/** The key of a transaction as typed: its header's, or the first word of its line. */
export function transactionKey(transaction: Transaction): string {
  const key = transaction.header?.messageKey ?? '';
  if (key !== '') return key.toUpperCase();
  const text = (transaction.text ?? '').trimStart();
  const end = text.indexOf('.');
  return (end < 0 ? text : text.slice(0, end)).trim().toUpperCase();
}

/** A transaction the operator sent, with what the switch's receipt (or reject) said of it. */
export function sentEntry(transaction: Transaction, reply: Header | undefined): LogEntry {
  const header = { ...transaction.header, ...reply };
  let text = transaction.text ?? '';
  if (text === '') {
    try {
      text = formatTransaction(transaction);
    } catch {
      text = transactionKey(transaction);
    }
  }
  return {
    direction: 'SENT', kind: 'transaction', isn: positive(reply?.inputSeq),
    messageKey: (header.messageKey ?? '') || transactionKey(transaction),
    party: partyOf(header.destinations ?? [], (header.messageKey ?? '') || transactionKey(transaction)), text, records: undefined,
  };
}

/**
 * Where a sent transaction went: the header's destinations (agency traffic, Nlets states), or
 * the systems its key fans out to (a QW: NCIC and CORI), or the switch itself (RL).
 */
function partyOf(destinations: readonly string[], key: string): string {
  if (destinations.length > 0) return destinations.join(' ');
  const route = messageKey(key)?.route;
  if (route?.kind === 'fanout') return [...new Set(route.targets.map((target) => DEFAULT_TARGET_SYSTEM[target]))].join(' ');
  return route?.kind === 'local' ? SWITCH_SYSTEM : '';
}

/**
 * What a frame written to the operator's terminal adds to the log, or undefined when it is
 * not a message (see the file comment). `terminal`: the receiving terminal, so a header of
 * another terminal's transaction (an AM from elsewhere) lends it no ISN.
 */
export function receivedEntry(frame: Frame, terminal: string): LogEntry | undefined {
  if (frame.response != null) {
    const response = frame.response;
    return received('response', response.header, terminal, (response.responseKey ?? '') || (response.header?.messageKey ?? ''),
      response.system ?? '', formatResponse(response), actionable(response));
  }
  if (frame.reject != null) {
    const reject = frame.reject;
    // A reject of the session (an unexpected frame) answers no message: not logged.
    if ((reject.header?.clientMessageId ?? '') === '') return undefined;
    return received('reject', reject.header, terminal, 'ER', (reject.system ?? '') || 'SWITCH', formatReject(reject), undefined);
  }
  if (frame.queuedNotice != null) {
    const notice = frame.queuedNotice;
    const system = notice.system ?? '';
    const expires = Number(notice.expiresAtMs ?? 0) > 0 ? ` EXPIRES ${utc(Number(notice.expiresAtMs))}` : '';
    return received('queuedNotice', notice.header, terminal, notice.header?.messageKey ?? '', system,
      [`.02. ${system} MESSAGE QUEUED${expires}`, notice.text ?? ''].filter(Boolean).join('\n'), undefined);
  }
  if (frame.adminMessage != null) {
    const message = frame.adminMessage;
    const from = origin(message.header);
    const lines = [`AM FROM ${from}${message.broadcast ? ' BROADCAST' : ''}${message.messageId ? ` MSG/${message.messageId}` : ''}`];
    if (message.officerSafety) lines.push(`*** OFFICER SAFETY: ${message.officerSafety} ***`);
    if (message.text) lines.push(message.text);
    const caution = message.officerSafety ? `*** ${message.officerSafety} *** ` : '';
    return {
      ...received('adminMessage', message.header, terminal, 'AM', from, lines.join('\n'), undefined),
      summary: `AM FROM ${from}${message.broadcast ? ' BROADCAST' : ''}: ${caution}${message.text ?? ''}`,
    };
  }
  if (frame.hitConfirmationRequest != null) {
    const request = frame.hitConfirmationRequest;
    const requester = request.requestingOri || request.header?.ori || '?';
    const priority = request.priority === ConfirmationPriority.CONFIRMATION_PRIORITY_URGENT ? ' - URGENT'
      : request.priority === ConfirmationPriority.CONFIRMATION_PRIORITY_ROUTINE ? ' - ROUTINE' : '';
    const due = Number(request.answerDueMs ?? 0) > 0 ? ` ANSWER BY ${utc(Number(request.answerDueMs))}` : '';
    const lines = [
      `YQ HIT CONFIRMATION REQUEST${priority}${due} RNO/${request.requestNumber ?? 1}`,
      `FROM ${requester}${request.enteringOri ? ` TO ${request.enteringOri}` : ''} NIC/${request.recordId || '?'}`,
    ];
    if (request.text) lines.push(request.text);
    return received('hitConfirmationRequest', request.header, terminal, 'YQ', requester, lines.join('\n'), undefined);
  }
  if (frame.hitConfirmationResponse != null) {
    const answer = frame.hitConfirmationResponse;
    const responder = answer.respondingOri || answer.header?.ori || '?';
    const state = CONFIRMATION_IN_WORDS[Number(answer.state ?? 0)] ?? 'STATUS UNKNOWN';
    const by = answer.state === ConfirmationState.CONFIRMATION_STATE_ANSWER_BY && Number(answer.answerByMs ?? 0) > 0 ? ` ${utc(Number(answer.answerByMs))}` : '';
    const lines = [`YR HIT CONFIRMATION RESPONSE FROM ${responder} NIC/${answer.recordId || '?'}: ${state}${by}`];
    if (answer.text) lines.push(answer.text);
    return received('hitConfirmationResponse', answer.header, terminal, 'YR', responder, lines.join('\n'), undefined);
  }
  if (frame.deliveryReport != null) {
    const report = frame.deliveryReport;
    const state = DELIVERY_IN_WORDS[Number(report.state ?? 0)] ?? 'STATUS UNKNOWN';
    const line = `DELIVERY${report.messageId ? ` MSG/${report.messageId}` : ''} TO ${report.destination || '?'}: ${state}`;
    return received('deliveryReport', report.header, terminal, report.header?.messageKey ?? '', report.destination ?? '',
      [line, report.text ?? ''].filter(Boolean).join('\n'), undefined);
  }
  return undefined;
}

function received(
  kind: string, header: Header | null | undefined, terminal: string, messageKey: string, party: string, text: string,
  records: readonly ResponseRecord[] | undefined,
): LogEntry {
  const own = (header?.terminal ?? '') === terminal;
  return { direction: 'RECEIVED', kind, isn: own ? positive(header?.inputSeq) : undefined, messageKey, party, text, records };
}

/**
 * The records of a response a hit confirmation could be built from (NCIC practice: confirm
 * with the entering agency before acting on a hit): a hit or possible match naming its record
 * and the agency that entered it. Their text is kept too: the recall shows them as they came.
 */
function actionable(response: Response): readonly ResponseRecord[] | undefined {
  const records = (response.records ?? []).filter((record) => (record.status === HitStatus.HIT_STATUS_HIT || record.status === HitStatus.HIT_STATUS_POSSIBLE)
    && (record.recordId ?? '') !== '' && (record.enteringOri ?? '') !== '');
  return records.length === 0 ? undefined : records.map(plainRecord);
}

/**
 * A record as plain data. A decoded record is a protobuf message whose JSON form spells enums
 * as names (`HIT_STATUS_HIT`): kept as is, it would come back from the log with no status.
 */
function plainRecord(record: ResponseRecord): ResponseRecord {
  return {
    status: Number(record.status ?? 0), system: record.system ?? '', file: record.file ?? '', recordId: record.recordId ?? '',
    enteringOri: record.enteringOri ?? '', source: record.source ?? '', text: record.text ?? '',
    fields: (record.fields ?? []).map((field) => ({ tag: field.tag ?? '', value: field.value ?? '' })),
  };
}

function origin(header: Header | null | undefined): string {
  const ori = header?.ori ?? '';
  const terminal = header?.terminal ?? '';
  return [ori || '?', terminal].filter(Boolean).join('/');
}

function positive(value: number | null | undefined): number | undefined {
  const number = Number(value ?? 0);
  return number > 0 ? number : undefined;
}

/** An instant as the log prints it: UTC to the second (CJIS: event times in UTC). */
export function utc(at: number): string {
  return `${new Date(at).toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

const CONFIRMATION_IN_WORDS: Readonly<Record<number, string>> = {
  [ConfirmationState.CONFIRMATION_STATE_CONFIRMED]: 'CONFIRMED',
  [ConfirmationState.CONFIRMATION_STATE_NOT_CONFIRMED]: 'NOT CONFIRMED',
  [ConfirmationState.CONFIRMATION_STATE_ANSWER_BY]: 'WILL ANSWER BY',
  [ConfirmationState.CONFIRMATION_STATE_ESCALATED]: 'ESCALATED: NO ANSWER AFTER THREE REQUESTS',
};

const DELIVERY_IN_WORDS: Readonly<Record<number, string>> = {
  [DeliveryState.DELIVERY_STATE_DELIVERED]: 'DELIVERED',
  [DeliveryState.DELIVERY_STATE_STORED]: 'STORED (TERMINAL OFFLINE)',
  [DeliveryState.DELIVERY_STATE_EXPIRED]: 'EXPIRED UNDELIVERED',
  [DeliveryState.DELIVERY_STATE_UNKNOWN_DESTINATION]: 'UNKNOWN DESTINATION',
  [DeliveryState.DELIVERY_STATE_REFUSED]: 'REFUSED',
};
