/**
 * What the duplicate window costs in memory, a program (not a test):
 *
 *   pnpm exec tsx --conditions=source packages/switch/src/pipeline/bench-replays.ts [--transactions 100000]
 *
 * Fills a window of `transactions` finished answers the way the pipeline does (the key, the
 * digest of the transaction as sent, its scope; the frames added one by one, then finished)
 * with a mix of three answers of the mock systems' shape: a QW that hits in NCIC (two records
 * with their fields and texts) and finds nothing in CORI, a QW that finds nothing in either,
 * and a DMV registration answer. Each transaction's responses are decoded from bytes of their
 * own, as the switch receives them from a link, so no two answers share their strings. It
 * reports the memory each remembered transaction holds after a full collection (JS heap, and
 * array buffers' contents outside it), the time of a
 * full collection with the window full, and what adding and answering a resend cost; and it
 * checks what it measures: every answer read back from the window, frame for frame. Adding
 * includes each frame's one encoding, the bytes the terminal is sent; finishing only joins
 * them.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { decodeFrame, encodeFrame, HitStatus, replyHeader, type Frame, type Header, type Response, type ResponseRecord, type Transaction } from '@clets/protocol';
import { DuplicateWindow, replayKey, replayScopeKey, type ReplayScope } from '@clets/routing';
import { AnswerRecord, transactionDigest } from './replays.js';

const NO_LIMIT = { maxFrameBytes: Number.MAX_SAFE_INTEGER };
const RTE = { requester: 'DEP R VALE 4411', reason: 'TRAFFIC STOP SUSPECT VEH', caseNumber: '26-001234' };
const CAVEAT = 'WARNING - DO NOT ARREST OR DETAIN BASED SOLELY UPON THIS INFORMATION. CONFIRM WITH THE\nENTERING AGENCY (ORI CA0190000) BY HIT CONFIRMATION (YQ) BEFORE TAKING ACTION.\n';

function fieldsOf(pairs: readonly (readonly [string, string])[]): { tag: string; value: string }[] {
  return pairs.map(([tag, value]) => ({ tag, value }));
}

/** A record as the mock systems render it: tagged fields, and the same fields as text, wrapped. */
function renderedRecord(status: HitStatus, system: string, file: string, recordId: string, head: string, pairs: readonly (readonly [string, string])[]): ResponseRecord {
  const lines: string[] = [];
  let line = '';
  for (const [tag, value] of pairs) {
    const part = `${tag}/${value}`;
    if (line.length + part.length + 1 > 80) {
      lines.push(line);
      line = part;
    } else line = line === '' ? part : `${line} ${part}`;
  }
  lines.push(line);
  return { status, system, file, recordId, enteringOri: recordId === '' ? '' : 'CA0190000', fields: fieldsOf(pairs), text: `${head}${lines.join('\n')}`, source: '' };
}

function response(system: string, responseKey: string, records: ResponseRecord[]): Response {
  const status = records.some((record) => record.status === HitStatus.HIT_STATUS_HIT) ? HitStatus.HIT_STATUS_HIT : HitStatus.HIT_STATUS_NO_RECORD;
  return { header: null, system, responseKey, status, records, text: records.map((record) => record.text).join('\n\n') };
}

const PERSON = [['NAM', 'KORVALE, DESMIN ARLO'], ['SEX', 'M'], ['RAC', 'U'], ['POB', 'AZ'], ['DOB', '19860412'], ['HGT', '509'], ['WGT', '167'],
  ['EYE', 'BLU'], ['HAI', 'BRO'], ['SKN', 'MED'], ['SOC', '935171931'], ['FBI', '394417PY5'], ['SID', 'A47349504'], ['CTZ', 'US'], ['SMT', 'TAT L HND']] as const;
const AGENCY = [['AGN', 'LOS ANGELES COUNTY SHERIFF'], ['TEL', '(213) 555-0161']] as const;

function noRecord(system: string, files: readonly string[], name: string, sex: string, dob: string): Response {
  return response(system, 'QW', files.map((file) => renderedRecord(HitStatus.HIT_STATUS_NO_RECORD, system, file, '', `NO ${file} RECORD `, [['NAM', name], ['SEX', sex], ['DOB', dob]])));
}

/** Each kind of answer: the systems asked, and their responses (encoded once, decoded per transaction). */
const ANSWERS: readonly { readonly key: string; readonly text: string; readonly responses: readonly Uint8Array[] }[] = [
  {
    key: 'QW', text: 'QW.CA0190000.NAM/KORVALE,DESMIN.SEX/M.DOB/19860412',
    responses: [
      response('NCIC', 'QW', [
        renderedRecord(HitStatus.HIT_STATUS_HIT, 'NCIC', 'WANTED PERSON', 'W297823148', `${CAVEAT}*** CAUTION - ARMED AND DANGEROUS ***\nMKE/WANTED PERSON - FELONY WARRANT (NCIC)\n`, [
          ['ORI', 'CA0190000'], ...PERSON, ['OFF', 'ASSAULT - AGGRAVATED'], ['WTY', 'F - FELONY'], ['DOW', '20260917'], ['EXL', '1 - FULL EXTRADITION'],
          ['CRT', 'SUPERIOR COURT OF CALIFORNIA - COUNTY OF LOS ANGELES'], ['BAIL', '250000'], ...AGENCY, ['NIC', 'W297823148'], ['OCA', '26-151399'],
          ['DTE', '20260918 0818'], ['DLU', '20260918 0818'], ['CAU', 'ARMED AND DANGEROUS'],
        ]),
        renderedRecord(HitStatus.HIT_STATUS_HIT, 'NCIC', 'PROTECTION ORDER', 'H281381021', `${CAVEAT}*** SUBJECT PROHIBITED FROM FIREARMS (BRADY) ***\nMKE/PROTECTION ORDER - DVRO (NCIC)\n`, [
          ['ORI', 'CA0190000'], ...PERSON, ['POT', 'DVRO'], ['ISD', '20260415'], ['EXP', '20290415'], ['CRT', 'SUPERIOR COURT OF CALIFORNIA - COUNTY OF LOS ANGELES'],
          ['SRV', 'Y - SERVED'], ['BRD', 'Y - FIREARMS PROHIBITED'], ['PNO', 'KORVALE, LINNEA'], ['PDB', '19880221'], ['CND', 'NO CONTACT, STAY AWAY 100 YARDS, NO FIREARMS'],
          ...AGENCY, ['NIC', 'H281381021'], ['OCA', '26-996968'], ['DTE', '20260415 1656'], ['DLU', '20260415 1656'],
        ]),
      ]),
      noRecord('CORI', ['WPS', 'CARPOS', 'MPS', 'CSAR'], 'KORVALE,DESMIN', 'M', '19860412'),
    ].map((answer) => encodeFrame({ response: answer }, NO_LIMIT)),
  },
  {
    key: 'QW', text: 'QW.CA0190000.NAM/TALLISTER,MAREN.SEX/F.DOB/19920703',
    responses: [
      response('NCIC', 'QW', [renderedRecord(HitStatus.HIT_STATUS_NO_RECORD, 'NCIC', 'PERSON', '', 'NO NCIC WANT ', [['NAM', 'TALLISTER,MAREN'], ['SEX', 'F'], ['DOB', '19920703']])]),
      noRecord('CORI', ['WPS', 'CARPOS', 'MPS', 'CSAR'], 'TALLISTER,MAREN', 'F', '19920703'),
    ].map((answer) => encodeFrame({ response: answer }, NO_LIMIT)),
  },
  {
    key: 'RQ', text: 'RQ.CA0190000.LIC/5JLM592.LIS/CA',
    responses: [
      response('DMV', 'RR', [renderedRecord(HitStatus.HIT_STATUS_HIT, 'DMV', 'REG', 'CA5JLM592', 'NOT A WANT OR WARRANT. DMV RECORD: CONFIRM WITH CA DMV THAT THE RECORD IS CURRENT.\n*** STOP - STOLEN VEHICLE ***\nDMV VEHICLE REGISTRATION\n', [
        ['LIC', '5JLM592'], ['LIS', 'CA'], ['LIY', '2027'], ['LIT', 'PC'], ['VIN', '4T1B11HK5KC271828'], ['VYR', '2019'], ['VMA', 'TOYT'], ['VMO', 'CAMRY'], ['VST', '4D'],
        ['VCO', 'SIL'], ['EXP', '20270520'], ['STA', 'CURRENT'], ['STP', 'STOLEN VEHICLE'], ['RO', 'QUELLAN, ODESSA'], ['DOB', '19900514'], ['ADR', '13474 BUENA VISTA ST, HARBOR VISTA CA 90718'],
      ])]),
    ].map((answer) => encodeFrame({ response: answer }, NO_LIMIT)),
  },
];

const TERMINALS = 400;

/** The i-th transaction as a terminal sends it, its scope, and the frames the switch answers it with. */
function transaction(i: number): { sent: Transaction; scope: ReplayScope; frames: Frame[] } {
  const kind = ANSWERS[i % ANSWERS.length]!;
  const terminal = `T${String(i % TERMINALS).padStart(3, '0')}`;
  const operatorId = `OP${1000 + (i % TERMINALS)}`;
  const sent: Transaction = {
    header: { clientMessageId: `${terminal}-${(i * 2654435761 >>> 0).toString(16)}-${i}`, control: `C${i % 1_000_000}`, messageKey: kind.key },
    routeTo: RTE, text: `${kind.text}.RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP SUSPECT VEH;CASE:26-001234`,
  };
  const header: Header = { ...sent.header, ori: 'CA0190000', terminal, operatorId, inputSeq: i + 1, receivedAtMs: 1_790_000_000_000 + i };
  const frames: Frame[] = [{ receipt: { header: replyHeader(header) } }];
  const hops = [{ switchId: 'county-19', inputSeq: i + 1, outputSeq: i + 1, receivedAtMs: header.receivedAtMs, sentAtMs: header.receivedAtMs }];
  for (const bytes of kind.responses) {
    const answered = decodeFrame(bytes, NO_LIMIT).response!;
    frames.push({ response: { ...answered, header: { ...answered.header, ...replyHeader(header), hops } } });
  }
  const systems = frames.flatMap((frame) => (frame.response?.system ? [frame.response.system] : []));
  frames.push({ completion: { header: replyHeader(header), answered: systems, failed: [], inputSeq: i + 1 } });
  return { sent, scope: { kind: 'terminal', terminal, operatorId }, frames };
}

const collect = ((): (() => void) => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();

/** The JS heap and the array buffers' contents (outside the heap), after a full collection. */
function memoryAfterGc(): { heap: number; buffers: number } {
  collect();
  collect();
  const memory = process.memoryUsage();
  return { heap: memory.heapUsed, buffers: memory.arrayBuffers };
}

const { values } = parseArgs({
  options: { transactions: { type: 'string', default: '100000' }, help: { type: 'boolean', short: 'h', default: false } },
  strict: true,
});
if (values.help) {
  process.stdout.write('usage: bench-replays.ts [--transactions N]\n');
  process.exit(0);
}
const transactions = Number(values.transactions);
if (!Number.isSafeInteger(transactions) || transactions < 1) throw new Error(`--transactions must be a positive integer, not ${values.transactions}`);

const window = new DuplicateWindow<AnswerRecord>(3_600_000, transactions, transactions);
const SAMPLE_EVERY = 100;
const keys: { key: string; digest: string }[] = [];
const before = memoryAfterGc();
let fillMs = 0;
let finishMs = 0;
let encodedBytes = 0;
const now = 1_790_000_000_000;
for (let i = 0; i < transactions; i += 1) {
  const { sent, scope, frames } = transaction(i);
  const key = replayKey(scope, sent.header!.clientMessageId!);
  const digest = transactionDigest(sent);
  const started = performance.now();
  const record = new AnswerRecord();
  window.set(key, digest, record, now, replayScopeKey(scope));
  for (const frame of frames) record.add(frame);
  record.audited(i + 1);
  const finishing = performance.now();
  record.finish();
  finishMs += performance.now() - finishing;
  fillMs += performance.now() - started;
  if (i % SAMPLE_EVERY === 0) keys.push({ key, digest });
  for (const frame of frames) encodedBytes += encodeFrame(frame, NO_LIMIT).length;
}
const full = memoryAfterGc();
const gcStarted = performance.now();
collect();
const gcMs = performance.now() - gcStarted;

// Every sampled answer read back frame for frame, as a resend is answered.
const replayMs: number[] = [];
for (const [index, { key, digest }] of keys.entries()) {
  const expected = transaction(index * SAMPLE_EVERY).frames.map((frame) => Buffer.from(encodeFrame(frame, NO_LIMIT)).toString('base64'));
  const started = performance.now();
  const seen = window.lookup(key, digest, now);
  if (seen.kind !== 'resend') throw new Error(`transaction ${index * SAMPLE_EVERY}: not found in the window (${seen.kind})`);
  const frames = seen.value.frames;
  replayMs.push(performance.now() - started);
  const got = frames.map((frame) => Buffer.from(encodeFrame(frame, NO_LIMIT)).toString('base64'));
  if (JSON.stringify(got) !== JSON.stringify(expected)) throw new Error(`transaction ${index * SAMPLE_EVERY}: the window answers other frames than were sent`);
}
if (window.size !== transactions) throw new Error(`the window holds ${window.size} of ${transactions}`);

const result = {
  transactions,
  heapPerTransaction: Math.round((full.heap - before.heap) / transactions),
  buffersPerTransaction: Math.round((full.buffers - before.buffers) / transactions),
  encodedBytesPerTransaction: Math.round(encodedBytes / transactions),
  heapMiB: Math.round((full.heap - before.heap) / 1024 / 102.4) / 10,
  buffersMiB: Math.round((full.buffers - before.buffers) / 1024 / 102.4) / 10,
  fullGcMs: Math.round(gcMs * 10) / 10,
  rememberMicrosPerTransaction: Math.round(fillMs / transactions * 1000 * 10) / 10,
  finishMicrosPerTransaction: Math.round(finishMs / transactions * 1000 * 10) / 10,
  resendMedianMicros: Math.round(replayMs.sort((a, b) => a - b)[Math.floor(replayMs.length / 2)]! * 1000 * 10) / 10,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
