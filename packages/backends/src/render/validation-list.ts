/**
 * The agency's validation list (VL), answered by the state files: what its coordinator (ACC)
 * must act on, from DOJ's validation report and the database audits' findings: entries not
 * second-party checked, records due for validation, and records overdue, which are reported.
 * One line per record, oldest due first, headed by the notice of what is overdue.
 */
import type { ResponseRecord } from '@clets/protocol';
import { careOf, needsAttention, type RecordCare, type RecordCarePolicy } from '../data/record-care.js';
import type { Files } from '../data/indexes.js';
import { hotFileOf, STATE_FILES, type StateFile } from '../data/record-updates.js';
import { ncicDate, ncicDateTime } from './records.js';
import { acknowledged } from './response.js';
import { field } from './text.js';

/** Lines one list holds at most; the count of the rest is given. */
export const VALIDATION_LIST_LIMIT = 500;

export interface ListedRecord {
  readonly file: StateFile;
  readonly nic: string;
  readonly oca: string;
  readonly enteredOn: string;
  readonly care: RecordCare;
}

/** The agency's active records in the state files that need attention at `now`, oldest due first. */
export function recordsNeedingCare(files: Files, ori: string, now: number, policy: RecordCarePolicy): ListedRecord[] {
  const out: ListedRecord[] = [];
  for (const stateFile of Object.keys(STATE_FILES) as StateFile[]) {
    const file = hotFileOf(files, stateFile);
    for (let index = 0; index < file.size; index++) {
      if (!file.isActive(index)) continue;
      const record = file.record(index);
      if (record === undefined || record.enteringOri !== ori || (record.file !== stateFile && record.file !== 'BOTH')) continue;
      const care = careOf(record, now, policy, files.meta.referenceDate);
      if (needsAttention(care)) out.push({ file: stateFile, nic: record.nic, oca: record.oca, enteredOn: record.enteredOn, care });
    }
  }
  return out.sort((a, b) => a.care.dueAtMs - b.care.dueAtMs || a.nic.localeCompare(b.nic));
}

/** VLS: A every record needing action, U not checked, D due or overdue, O overdue. */
export function selectedBy(selection: string): (item: ListedRecord) => boolean {
  switch (selection) {
    case 'U': return (item) => item.care.check !== 'CHECKED';
    case 'D': return (item) => item.care.validation !== 'CURRENT';
    case 'O': return (item) => item.care.validation === 'OVERDUE';
    default: return () => true;
  }
}

function day(ms: number): string {
  return ncicDate(new Date(ms).toISOString().slice(0, 10));
}

/** The list as one acknowledged record: the notice, then a line per record. */
export function renderValidationList(system: string, ori: string, now: number, listed: readonly ListedRecord[]): ResponseRecord {
  const overdue = listed.filter((item) => item.care.validation === 'OVERDUE');
  const unchecked = listed.filter((item) => item.care.check === 'UNCHECKED');
  const lines = [
    `VALIDATION LIST ORI/${ori} AS OF ${ncicDateTime(now)} - ${listed.length} RECORD${listed.length === 1 ? '' : 'S'} NEED ACTION`,
  ];
  if (overdue.length > 0 || unchecked.length > 0) {
    lines.push(`ADMINISTRATIVE NOTICE: ${overdue.length} OVERDUE FOR VALIDATION (REPORTED), ${unchecked.length} NOT SECOND-PARTY CHECKED.`
      + ' VALIDATE (MODIFY WITH VLN), CORRECT OR CANCEL EACH; CHECK EACH ENTRY AGAINST ITS SOURCE DOCUMENTS (SPC).');
  }
  for (const item of listed.slice(0, VALIDATION_LIST_LIMIT)) {
    const { care } = item;
    const status = care.validation === 'OVERDUE' ? `OVERDUE - REPORTED ${day(care.reportedAtMs ?? now)}` : care.validation === 'DUE' ? 'DUE' : 'CURRENT';
    lines.push(`NIC/${item.nic} FIL/${item.file} OCA/${item.oca} DTE/${ncicDate(item.enteredOn)} SPC/${care.check} VLD/${care.validatedAtMs === undefined ? 'NONE' : day(care.validatedAtMs)} DUE/${day(care.dueAtMs)} STA/${status}`);
  }
  if (listed.length > VALIDATION_LIST_LIMIT) lines.push(`... ${listed.length - VALIDATION_LIST_LIMIT} MORE: ACT ON THESE FIRST`);
  return acknowledged(system, 'VALIDATION', '', ori, lines, [
    field('ORI', ori), field('CNT', listed.length), field('OVD', overdue.length), field('UNC', unchecked.length),
  ]);
}

