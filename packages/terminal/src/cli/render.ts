/**
 * Terminal text for everything the CLI shows: a transaction's answers piece by piece as they
 * arrive (receipt, queued notices, each system's response, system rejects, the end line), and
 * unsolicited traffic (AM, SM, YQ, YR, delivery reports). Responses and rejects are written
 * by @clets/protocol's formatResponse and formatReject, so every tool shows them alike.
 *
 * A hit is announced from the structured flag only, never from the text (the NCIC no-hit
 * wording incident: keyword-scanning terminals flagged every person as a hit).
 */
import {
  ConfirmationPriority, ConfirmationState, DeliveryState, formatReject, formatResponse, HitStatus, LinkState,
  type AdminMessage, type DeliveryReport, type Header, type HitConfirmationRequest, type HitConfirmationResponse,
  type LoginBanner, type LoginResult, type QueuedNotice, type Receipt, type Reject, type Response, type StatusMessage,
} from '@clets/protocol';
import { isHit, type TransactionProgress, type TransactionResult } from '../index.js';
import { formatQueued, formatReceiptLine } from '../format.js';

export interface RenderOptions {
  /** Ring the terminal bell on a hit and on an urgent hit confirmation request. */
  readonly bell?: boolean;
}

const BELL = '\x07';
const RULE = '*'.repeat(64);

/** The alert printed before a response flagged HIT. */
export function hitBanner(system: string, options: RenderOptions = {}): string {
  const title = `*** HIT *** ${system || '?'} `.padEnd(RULE.length - 3, ' ') + '***';
  return `${options.bell === true ? BELL : ''}${RULE}\n${title}\n${RULE}`;
}

/** What a receipt line falls back on when the switch's header leaves a value out. */
export interface SentAs {
  readonly control?: string;
  readonly clientMessageId?: string;
}

/** The switch accepted the transaction: its input sequence number and the echoed control field. */
export function renderReceipt(receipt: Receipt, sent: SentAs = {}): string {
  return formatReceiptLine(receipt.header, sent);
}

/** Nlets `.02.`: the system is down; the message waits for it until it expires. */
export function renderQueued(notice: QueuedNotice): string {
  return formatQueued(notice, timestamp);
}

/** One system's answer; a hit is preceded by the alert banner. */
export function renderResponse(response: Response, options: RenderOptions = {}): string {
  const text = formatResponse(response);
  return isHit(response) ? `${hitBanner(response.system ?? '', options)}\n${text}` : text;
}

export function renderReject(reject: Reject): string {
  return formatReject(reject);
}

/** One piece of a transaction's progress, as it arrives. */
export function renderProgress(progress: TransactionProgress, options: RenderOptions = {}): string {
  switch (progress.kind) {
    case 'receipt': return renderReceipt(progress.receipt);
    case 'queued': return renderQueued(progress.notice);
    case 'response': return renderResponse(progress.response, options);
    case 'reject': return renderReject(progress.reject);
  }
}

/** The last line of an accepted transaction: who answered, who failed, hit or not, how long. */
export function renderEnd(result: TransactionResult): string {
  if (result.outcome === 'rejected') return '';
  const { answered, failed } = result.completion;
  return `END ISN/${Number(result.completion.inputSeq ?? 0)} ANSWERED/${list(answered)} FAILED/${list(failed)}`
    + `${result.hit ? ' *** HIT ***' : ''} (${Math.round(result.durationMs)} MS)`;
}

/** A whole transaction's outcome at once (the --exec/--script text output). */
export function renderResult(result: TransactionResult, options: RenderOptions = {}): string {
  if (result.outcome === 'rejected') return renderReject(result.rejected);
  const blocks: string[] = [];
  const sent = { control: result.control, clientMessageId: result.clientMessageId };
  blocks.push(renderReceipt({ header: result.receipt?.header ?? result.completion.header }, sent));
  for (const notice of result.queued) blocks.push(renderQueued(notice));
  // Only the first hit rings the bell: one alert per transaction is enough to be heard.
  let rang = false;
  for (const response of result.responses) {
    blocks.push(renderResponse(response, { bell: options.bell === true && !rang }));
    if (isHit(response)) rang = true;
  }
  for (const reject of result.rejects) blocks.push(renderReject(reject));
  blocks.push(renderEnd(result));
  return blocks.join('\n');
}

// --- the session ----------------------------------------------------------------------------

/** The CJIS system use notification, shown until acknowledged. */
export function renderBanner(banner: LoginBanner): string {
  const lines = [RULE, 'SYSTEM USE NOTIFICATION'];
  const text = banner.text ?? '';
  if (text) lines.push(text);
  // The statements are listed unless the text already says each of them.
  const statements = banner.statements ?? [];
  if (!statements.every((statement) => text.includes(statement))) for (const statement of statements) lines.push(` - ${statement}`);
  lines.push(RULE);
  return lines.join('\n');
}

/** Who is logged in where, and until when before logging in again. */
export function renderLogin(result: LoginResult): string {
  const until = Number(result.reauthenticateAtMs ?? 0) > 0 ? `, LOG IN AGAIN BY ${timestamp(result.reauthenticateAtMs)}` : '';
  return `LOGGED IN ${result.operatorId || '?'}${result.role ? ` (${result.role})` : ''} AT ${result.terminal || '?'} ORI/${result.ori || '?'}`
    + `${result.sessionId ? ` SESSION/${result.sessionId}` : ''}${until}`;
}

// --- unsolicited traffic ----------------------------------------------------------------------

/** AM: who sent it, then the officer-safety caution first, then the text. */
export function renderAdminMessage(message: AdminMessage): string {
  const header = message.header ?? {};
  const lines = [`AM ${from(header)}${message.broadcast ? ' BROADCAST' : ''}${stamp(header)}${message.messageId ? ` MSG/${message.messageId}` : ''}`];
  if (message.officerSafety) lines.push(`*** OFFICER SAFETY: ${message.officerSafety} ***`);
  if (message.text) lines.push(message.text);
  return lines.join('\n');
}

export function renderStatusMessage(message: StatusMessage): string {
  const state = message.state === LinkState.LINK_STATE_DOWN ? 'DOWN' : message.state === LinkState.LINK_STATE_UP ? 'BACK UP' : 'STATUS';
  const at = Number(message.atMs ?? 0) > 0 ? ` AT ${timestamp(message.atMs)}` : '';
  const by = message.reportedBy ? ` (REPORTED BY ${message.reportedBy})` : '';
  return `SM ${message.system || '?'} ${state}${at}${by}${message.text ? `\n${message.text}` : ''}`;
}

/**
 * YQ: another agency holds a hit on a record this agency entered and asks for confirmation
 * (urgent: answer within 10 minutes; routine: 1 hour). Shows the YR line to answer with.
 */
export function renderHitConfirmationRequest(request: HitConfirmationRequest, options: RenderOptions = {}): string {
  const urgent = request.priority === ConfirmationPriority.CONFIRMATION_PRIORITY_URGENT;
  const priority = urgent ? 'URGENT' : request.priority === ConfirmationPriority.CONFIRMATION_PRIORITY_ROUTINE ? 'ROUTINE' : '';
  const due = Number(request.answerDueMs ?? 0) > 0 ? ` ANSWER BY ${timestamp(request.answerDueMs)}` : '';
  const requester = request.requestingOri || request.header?.ori || '?';
  const lines = [
    `${urgent && options.bell === true ? BELL : ''}YQ HIT CONFIRMATION REQUEST${priority ? ` - ${priority}` : ''}${due} RNO/${request.requestNumber ?? 1}`,
    `FROM ${requester}${request.enteringOri ? ` TO ${request.enteringOri}` : ''} NIC/${request.recordId || '?'}${request.confirmationId ? ` CONF/${request.confirmationId}` : ''}`,
  ];
  if (request.text) lines.push(request.text);
  if (request.enteringOri && request.recordId) {
    lines.push(`ANSWER: YR.${request.enteringOri}.${requester}.NIC/${request.recordId}.CNF/Y  (CNF/N not confirmed; CNF/T.ABY/HHMM answer by a time)`);
  }
  return lines.join('\n');
}

const CONFIRMATION_IN_WORDS: Readonly<Record<number, string>> = {
  [ConfirmationState.CONFIRMATION_STATE_CONFIRMED]: 'CONFIRMED',
  [ConfirmationState.CONFIRMATION_STATE_NOT_CONFIRMED]: 'NOT CONFIRMED',
  [ConfirmationState.CONFIRMATION_STATE_ANSWER_BY]: 'WILL ANSWER BY',
  [ConfirmationState.CONFIRMATION_STATE_ESCALATED]: 'NO ANSWER - STATE CONTROL POINT NOTIFIED',
};

/** YR: the entering agency's answer to this agency's hit confirmation request. */
export function renderHitConfirmationResponse(response: HitConfirmationResponse): string {
  let state = CONFIRMATION_IN_WORDS[Number(response.state ?? 0)] ?? 'STATUS UNKNOWN';
  if (response.state === ConfirmationState.CONFIRMATION_STATE_ANSWER_BY && Number(response.answerByMs ?? 0) > 0) state += ` ${timestamp(response.answerByMs)}`;
  const responder = response.respondingOri || response.header?.ori || '?';
  const lines = [`YR HIT CONFIRMATION RESPONSE FROM ${responder} NIC/${response.recordId || '?'}: ${state}${response.confirmationId ? ` CONF/${response.confirmationId}` : ''}`];
  if (response.text) lines.push(response.text);
  return lines.join('\n');
}

const DELIVERY_IN_WORDS: Readonly<Record<number, string>> = {
  [DeliveryState.DELIVERY_STATE_DELIVERED]: 'DELIVERED',
  [DeliveryState.DELIVERY_STATE_STORED]: 'STORED (TERMINAL OFFLINE, DELIVERED AT ITS NEXT LOGIN)',
  [DeliveryState.DELIVERY_STATE_EXPIRED]: 'EXPIRED UNDELIVERED',
  [DeliveryState.DELIVERY_STATE_UNKNOWN_DESTINATION]: 'UNKNOWN DESTINATION',
  [DeliveryState.DELIVERY_STATE_REFUSED]: 'REFUSED',
};

/** Where an AM this terminal sent has got to. */
export function renderDeliveryReport(report: DeliveryReport): string {
  const state = DELIVERY_IN_WORDS[Number(report.state ?? 0)] ?? 'STATUS UNKNOWN';
  const at = Number(report.atMs ?? 0) > 0 ? ` AT ${timestamp(report.atMs)}` : '';
  const control = report.header?.control ? ` CTL/${report.header.control}` : '';
  return `DELIVERY${report.messageId ? ` MSG/${report.messageId}` : ''} TO ${report.destination || '?'}: ${state}${at}${control}${report.text ? `\n${report.text}` : ''}`;
}

/** HitStatus in words, for JSON output. */
export function hitStatusName(status: HitStatus | null | undefined): 'UNSPECIFIED' | 'NO_RECORD' | 'HIT' | 'POSSIBLE' | 'ACKNOWLEDGED' {
  switch (status ?? HitStatus.HIT_STATUS_UNSPECIFIED) {
    case HitStatus.HIT_STATUS_NO_RECORD: return 'NO_RECORD';
    case HitStatus.HIT_STATUS_HIT: return 'HIT';
    case HitStatus.HIT_STATUS_POSSIBLE: return 'POSSIBLE';
    case HitStatus.HIT_STATUS_ACKNOWLEDGED: return 'ACKNOWLEDGED';
    default: return 'UNSPECIFIED';
  }
}

/** `2026-11-01 14:32:05Z`: UTC, as the audit trail records it. */
export function timestamp(ms: number | { toString(): string } | null | undefined): string {
  const value = Number(ms ?? 0);
  if (!Number.isFinite(value) || value <= 0) return '?';
  return `${new Date(value).toISOString().slice(0, 19).replace('T', ' ')}Z`;
}

/** `FROM CA0370000/SD01 OP2001` from a header. */
function from(header: Header): string {
  const origin = [header.ori, header.terminal].filter((part) => part).join('/');
  return `FROM ${origin || '?'}${header.operatorId ? ` ${header.operatorId}` : ''}`;
}

function stamp(header: Header): string {
  const seq = Number(header.inputSeq ?? 0) > 0 ? ` ISN/${Number(header.inputSeq)}` : '';
  const at = Number(header.receivedAtMs ?? 0) > 0 ? ` AT ${timestamp(header.receivedAtMs)}` : '';
  const control = header.control ? ` CTL/${header.control}` : '';
  return `${seq}${at}${control}`;
}

function list(items: readonly string[] | null | undefined): string {
  return items !== null && items !== undefined && items.length > 0 ? items.join(',') : '-';
}
