/**
 * A hit confirmation request (YQ) built from a hit, pre-filled for the operator to check and
 * send (NCIC practice: confirm with the entering agency before acting on a hit). The record
 * gives the destination (its entering ORI), the NIC and the entering agency's case number;
 * the data set fits the record: a person's name for a person record, the plate or VIN for a
 * vehicle (a person YQ with only a plate would be refused by Nlets, and the reverse too).
 */
import { CONFIRMATION_DATA_SETS, formatTransaction, type ResponseRecord, type Transaction } from '@clets/protocol';

export interface HitConfirmationOptions {
  /** The requesting agency's ORI (the operator's terminal's). */
  readonly ori: string;
  /** U urgent (answer within 10 minutes) or R routine (within the hour). Default U: a subject is usually detained. */
  readonly priority?: 'U' | 'R';
  /** 1 for the first request, 2 and 3 for follow-ups. */
  readonly requestNumber?: 1 | 2 | 3;
}


function value(record: ResponseRecord, tag: string): string | undefined {
  const found = (record.fields ?? []).find((field) => field.tag === tag)?.value;
  return found === undefined || found === null || found === '' ? undefined : found;
}

/**
 * The YQ transaction for one hit, or undefined when the record cannot be confirmed by YQ
 * (no NIC or entering ORI: a DMV record, a criminal history, a possible match).
 */
export function hitConfirmationFor(record: ResponseRecord, options: HitConfirmationOptions): Transaction | undefined {
  const nic = record.recordId ?? '';
  const enteringOri = record.enteringOri ?? '';
  if (!/^[A-Z][0-9]{9}$/.test(nic) || enteringOri === '') return undefined;
  const fields = [
    { tag: 'NIC', value: nic },
    { tag: 'PRI', value: options.priority ?? 'U' },
    { tag: 'RNO', value: String(options.requestNumber ?? 1) },
  ];
  const oca = value(record, 'OCA');
  if (oca !== undefined) fields.push({ tag: 'OCA', value: oca });
  // The data set the catalogue asks of the record type the NIC's letter names.
  const tags = CONFIRMATION_DATA_SETS[nic.charAt(0)]?.anyOf ?? ['NAM', 'LIC', 'VIN'];
  for (const tag of tags) {
    const given = value(record, tag);
    // An answer prints names `LAST, FIRST`; the NAM field is typed `LAST,FIRST`.
    if (given !== undefined) fields.push({ tag, value: tag === 'NAM' ? given.replace(/, +/, ',') : given });
  }
  return { header: { messageKey: 'YQ', ori: options.ori, destinations: [enteringOri] }, fields };
}

/** The same as a mnemonic line the operator can edit: `YQ.CA0370000.CA0190000.NIC/...`. */
export function hitConfirmationLine(record: ResponseRecord, options: HitConfirmationOptions): string | undefined {
  const transaction = hitConfirmationFor(record, options);
  return transaction === undefined ? undefined : formatTransaction(transaction);
}
