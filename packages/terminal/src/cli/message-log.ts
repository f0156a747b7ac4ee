/**
 * The operator's message log from the CLI: the switch keeps every message the operator sent
 * and received, across sessions, and answers the key LOG from it (docs/catalogue.md, "LOG").
 * This file turns the `log`, `print`, `save` and `yq` commands into LOG transactions, and a
 * recalled exchange into a printout or a case file. Pure: no socket, no file system.
 */
import { fieldDefinition, HitStatus, type Response, type ResponseRecord, type Transaction } from '@clets/protocol';

/** Which messages one `log` command asks for. */
export type LogRequest =
  | { readonly kind: 'list'; readonly find?: string; readonly page: number }
  | { readonly kind: 'recall'; readonly ref: string };

/**
 * A message reference as the operator types it: `12` is the ISN of one of their transactions
 * (the newest with that number), `#345` an entry number of the listing. Undefined: not one.
 */
export function parseMessageRef(text: string | undefined): { tag: 'ISN' | 'LNO'; value: string } | undefined {
  const match = /^(#?)([1-9][0-9]{0,11})$/.exec(text ?? '');
  if (match === null) return undefined;
  if (match[1] === '') return match[2]!.length <= 9 ? { tag: 'ISN', value: match[2]! } : undefined;
  return { tag: 'LNO', value: match[2]! };
}

/**
 * `log` lists (newest first), `log more` the next page, `log 12` or `log #345` recalls, `log
 * TEXT` (or `log find TEXT`, for text that looks like a number) lists what holds TEXT.
 * Throws an Error naming what is wrong.
 */
export function parseLogCommand(args: readonly string[], previous: LogRequest | undefined): LogRequest {
  if (args.length === 0) return { kind: 'list', page: 1 };
  const [first = '', ...rest] = args;
  if (first.toLowerCase() === 'more' && rest.length === 0) {
    if (previous?.kind !== 'list') throw new Error('log more: no listing to continue; type log first');
    return { ...previous, page: previous.page + 1 };
  }
  if (args.length === 1 && parseMessageRef(first) !== undefined) return { kind: 'recall', ref: first };
  const words = first.toLowerCase() === 'find' ? rest : args;
  const find = words.join(' ').toUpperCase();
  if (find === '') throw new Error('log find needs the text to find: log find 8ABC123');
  const problem = fieldDefinition('FND')?.edit(find);
  if (problem !== undefined) throw new Error(`log: ${problem}`);
  return { kind: 'list', find, page: 1 };
}

/** The LOG transaction for a request, from the operator's ORI. */
export function logTransaction(request: LogRequest, ori: string): Transaction {
  const fields: { tag: string; value: string }[] = [];
  if (request.kind === 'recall') {
    const ref = parseMessageRef(request.ref);
    if (ref === undefined) throw new Error(`${request.ref}: an ISN (12) or an entry number of the log (#345)`);
    fields.push(ref);
  } else {
    if (request.find !== undefined) fields.push({ tag: 'FND', value: request.find });
    if (request.page > 1) fields.push({ tag: 'PAG', value: String(request.page) });
  }
  return { header: { messageKey: 'LOG', ori }, fields };
}

/** A recall's hits an officer may confirm by YQ: the records as they came, not the log's own. */
export function recalledHits(response: Response): ResponseRecord[] {
  return (response.records ?? []).filter((record) => record.status === HitStatus.HIT_STATUS_HIT && record.file !== LOG_FILE);
}

/** When the recalled messages were received (UTC, ISO 8601), from each message's TIM. */
export function receivedTimes(response: Response): string[] {
  return (response.records ?? [])
    .filter((record) => record.file === LOG_FILE && fieldOf(record, 'DIR') === 'RECEIVED')
    .map((record) => fieldOf(record, 'TIM'))
    .filter((time): time is string => time !== undefined);
}

/** Who put a message on paper or in a file, and when. */
export interface Extract {
  readonly ref: string;
  readonly operatorId: string;
  readonly terminal: string;
  readonly ori: string;
  /** Now, epoch ms. */
  readonly at: number;
}

/**
 * A recalled exchange laid out for a printer: who printed it, when it was received, the
 * messages, the caveat. CJIS: printed CJI is to be kept and destroyed as the policy says.
 */
export function printout(response: Response, extract: Extract): string {
  return [...heading('PRINTOUT', response, extract), '', response.text ?? '', '', CAVEAT, `END OF MESSAGE LOG ${label(extract.ref)}`].join('\n');
}

/** The same as a case file's text: what it is, when it was received, when and by whom it was saved. */
export function caseFileText(response: Response, extract: Extract): string {
  return `${[...heading('EXTRACT FOR A CASE FILE', response, extract), '', response.text ?? '', '', CAVEAT].join('\n')}\n`;
}

function heading(what: string, response: Response, extract: Extract): string[] {
  const received = receivedTimes(response);
  return [
    `CLETS MESSAGE LOG ${what}: ${label(extract.ref)}`,
    `RECEIVED ${received.length === 0 ? '-' : [...new Set(received.map(utcText))].join(', ')}`,
    `${what === 'PRINTOUT' ? 'PRINTED' : 'SAVED'} ${utcText(new Date(extract.at).toISOString())} BY OPERATOR ${extract.operatorId} AT TERMINAL ${extract.terminal} ORI/${extract.ori}`,
  ];
}

const LOG_FILE = 'MESSAGE LOG';
const CAVEAT = 'CONTAINS CRIMINAL JUSTICE INFORMATION: RELEASE ONLY AS CJIS POLICY ALLOWS, AND LOG THE RELEASE (RL).';

function label(ref: string): string {
  const parsed = parseMessageRef(ref);
  return parsed === undefined ? ref : `${parsed.tag}/${parsed.value}`;
}

function utcText(iso: string): string {
  return `${iso.slice(0, 19).replace('T', ' ')}Z`;
}

function fieldOf(record: ResponseRecord, tag: string): string | undefined {
  const value = (record.fields ?? []).find((field) => field.tag === tag)?.value;
  return value === null || value === undefined || value === '' ? undefined : value;
}
