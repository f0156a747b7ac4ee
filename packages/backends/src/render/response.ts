/**
 * Building Records and Responses: the structured hit flag and tagged fields for machines,
 * the same content as terminal text for operators. The flag is never derived from the text
 * (docs/domain.md section 5: a change in no-hit wording once made terminals flag every person).
 */
import {
  CletsError, HitStatus, rejectOf, type Field, type Header, type Response, type ResponseRecord, type Transaction,
} from '@clets/protocol';
import type { SystemAnswer } from '../system.js';
import { enteringAgencyCaveat, POSSIBLE_CAVEAT, present, taggedLine, wrapText } from './text.js';

/** What a hit (or possible) record is made of; buildRecord lays it out. */
export interface RecordSpec {
  /** HIT or POSSIBLE. */
  readonly status: HitStatus;
  readonly system: string;
  readonly file: string;
  /** The file or key in words: 'NCIC WANTED PERSON', 'DMV DRIVER LICENSE'. */
  readonly heading: string;
  readonly recordId?: string;
  readonly enteringOri?: string;
  /** The caveat line; default: confirm with the entering agency (hot files). */
  readonly caveat?: string;
  /** Officer-safety caution, printed right after the caveat ('ARMED AND DANGEROUS'). */
  readonly caution?: string;
  /** Stops and warnings that are not officer safety but must be seen first ('STOLEN VEHICLE'). */
  readonly alerts?: readonly string[];
  /** Logical lines of tagged fields (each wrapped at 80 columns). */
  readonly body: readonly (readonly Field[])[];
  /** Free lines after the tagged fields (a rap sheet's cycles). */
  readonly lines?: readonly string[];
  /** The identifying line: NIC, OCA, entry date and time, last update. */
  readonly trailer?: readonly Field[];
  /**
   * Who to call to confirm the hit: the entering agency, its name and telephone (NCIC prints
   * "ORI IS" and the agency before the record's numbers). Fields AGN and TEL.
   */
  readonly agency?: { readonly ori: string; readonly name?: string | undefined; readonly telephone?: string | undefined };
  /** For III and out-of-state answers: where the record came from ('III/FBI', 'NV'). */
  readonly source?: string;
}

/**
 * A hit as the terminal shows it: caveat, officer-safety caution, the file in words, the
 * tagged fields, the identifying ORI/OCA/NIC line, the source.
 */
export function buildRecord(spec: RecordSpec): ResponseRecord {
  const lines: string[] = [];
  lines.push(spec.status === HitStatus.HIT_STATUS_POSSIBLE ? POSSIBLE_CAVEAT : (spec.caveat ?? enteringAgencyCaveat(spec.enteringOri ?? '')));
  if (spec.caution) lines.push(`*** CAUTION - ${spec.caution} ***`);
  for (const alert of spec.alerts ?? []) lines.push(`*** ${alert} ***`);
  lines.push(spec.heading);
  const fields: Field[] = [];
  for (const line of spec.body) {
    const kept = present(line);
    if (kept.length === 0) continue;
    lines.push(taggedLine(kept));
    fields.push(...kept);
  }
  for (const line of spec.lines ?? []) lines.push(line);
  if (spec.agency !== undefined) {
    const name = spec.agency.name ?? 'AGENCY NOT ON FILE';
    const telephone = spec.agency.telephone;
    lines.push(`ORI IS ${name}${telephone ? ` TEL/${telephone}` : ''}`);
    fields.push(...present([{ tag: 'AGN', value: spec.agency.name ?? '' }, { tag: 'TEL', value: telephone ?? '' }]));
  }
  const trailer = present(spec.trailer ?? []);
  if (trailer.length > 0) {
    lines.push(taggedLine(trailer));
    fields.push(...trailer);
  }
  if (spec.source) lines.push(`SOURCE/${spec.source}`);
  if (spec.caution) fields.push({ tag: 'CAU', value: spec.caution });
  return {
    status: spec.status,
    system: spec.system,
    file: spec.file,
    recordId: spec.recordId ?? '',
    enteringOri: spec.enteringOri ?? '',
    fields,
    text: wrapText(lines),
    source: spec.source ?? '',
  };
}

/** A no-record answer: the structured flag, and one line as an operator expects to read it. */
export function noRecord(system: string, file: string, text: string, echo: readonly Field[] = [], source = ''): ResponseRecord {
  return {
    status: HitStatus.HIT_STATUS_NO_RECORD,
    system,
    file,
    recordId: '',
    enteringOri: '',
    fields: present(echo),
    text: wrapText([text]),
    source,
  };
}

/** An update applied: the ACKNOWLEDGED flag ('EPO ACCEPTED NIC/H123456789'). */
export function acknowledged(system: string, file: string, recordId: string, enteringOri: string, lines: readonly string[], fields: readonly Field[]): ResponseRecord {
  return {
    status: HitStatus.HIT_STATUS_ACKNOWLEDGED,
    system,
    file,
    recordId,
    enteringOri,
    fields: present(fields),
    text: wrapText(lines),
    source: '',
  };
}

/** The fields of the inquiry, as typed, for the echo of a no-record line: `NAM/DOE,JOHN DOB/19800115`. */
export function echoFields(transaction: Transaction, only?: ReadonlySet<string>): Field[] {
  const out: Field[] = [];
  for (const item of transaction.fields ?? []) {
    const tag = item?.tag ?? '';
    const value = item?.value ?? '';
    if (tag === '' || value === '') continue;
    if (only !== undefined && !only.has(tag)) continue;
    out.push({ tag, value });
  }
  return out;
}

/** A no-record line: the words, then the search fields echoed. */
export function noRecordLine(words: string, echo: readonly Field[]): string {
  const fields = taggedLine(echo);
  return fields === '' ? words : `${words} ${fields}`;
}

/** HIT if any record hit; else POSSIBLE if any was possible; else ACKNOWLEDGED if any update; else NO_RECORD. */
export function summaryStatus(records: readonly ResponseRecord[]): HitStatus {
  let possible = false;
  let acknowledgedAny = false;
  for (const record of records) {
    if (record.status === HitStatus.HIT_STATUS_HIT) return HitStatus.HIT_STATUS_HIT;
    if (record.status === HitStatus.HIT_STATUS_POSSIBLE) possible = true;
    if (record.status === HitStatus.HIT_STATUS_ACKNOWLEDGED) acknowledgedAny = true;
  }
  if (possible) return HitStatus.HIT_STATUS_POSSIBLE;
  if (acknowledgedAny) return HitStatus.HIT_STATUS_ACKNOWLEDGED;
  return HitStatus.HIT_STATUS_NO_RECORD;
}

/**
 * Officer safety first (docs/domain.md section 5): records with a caution come before the others,
 * hits before possibles before no-record lines; otherwise the order of the search.
 */
function rank(record: ResponseRecord): number {
  if (record.status === HitStatus.HIT_STATUS_HIT) return (record.fields ?? []).some((f) => f.tag === 'CAU') ? 0 : 1;
  if (record.status === HitStatus.HIT_STATUS_POSSIBLE) return 2;
  return 3;
}

/** A copy of the request header, echoed in every answer (control field, client message id). */
export function echoHeader(header: Header | null | undefined): Header {
  return header ? { ...header, destinations: [...(header.destinations ?? [])], hops: [...(header.hops ?? [])] } : {};
}

/** One system's answer. */
export function buildResponse(header: Header | null | undefined, system: string, responseKey: string, records: readonly ResponseRecord[]): Response {
  const ordered = records.map((record, index) => ({ record, index }))
    .sort((a, b) => rank(a.record) - rank(b.record) || a.index - b.index)
    .map(({ record }) => record);
  return {
    header: echoHeader(header),
    system,
    responseKey,
    status: summaryStatus(ordered),
    records: ordered,
    text: ordered.map((record) => record.text ?? '').join('\n\n'),
  };
}

/** The first 100 characters of the input, for the reject echo (docs/domain.md section 5). */
export function inputEcho(transaction: Transaction | null | undefined): string {
  const text = transaction?.text ?? '';
  if (text !== '') return text.slice(0, 100);
  const key = transaction?.header?.messageKey ?? '';
  const ori = transaction?.header?.ori ?? '';
  const parts = [key, ori].filter((part) => part !== '');
  for (const item of transaction?.fields ?? []) parts.push(`${item?.tag ?? ''}/${item?.value ?? ''}`);
  return parts.join('.').slice(0, 100);
}

/** A reject answer from a CletsError: code, wire code, reason, field and the echo. */
export function rejectAnswer(transaction: Transaction | null | undefined, error: CletsError, system: string): SystemAnswer {
  return { kind: 'reject', reject: rejectOf(error, { header: echoHeader(transaction?.header), echo: inputEcho(transaction), system }) };
}

/** The answer of responses. */
export function responsesAnswer(...responses: Response[]): SystemAnswer {
  return { kind: 'responses', responses };
}
