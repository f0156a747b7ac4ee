/**
 * Mock Nlets: the other states' driver licences (DQ -> DR), registrations (RQ -> RR) and
 * criminal histories (IQ -> IR identification, FQ -> FR full record). A DQ or RQ is addressed
 * by its OLS or LIS field; an IQ or FQ by the 2-letter state codes in header.destinations,
 * where `NL` is the multi-state form: every state with data is asked and the answers merge
 * into one response. Each state's answer, hit or no record, names its state as the source.
 *
 * A destination that is not a state on this network is refused as a whole (Nlets does not
 * deliver a message with a bad address): CLETS_ERR_UNKNOWN_DESTINATION.
 */
import { OUT_OF_STATE_CODES, type CriminalHistory } from '@clets/data-files';
import { CletsError, type Field, type Response, type ResponseRecord } from '@clets/protocol';
import { findVehicles, historiesByNumber, searchHistoriesByName } from '../data/matching.js';
import { renderHistoryCandidate, renderHistoryRecord } from '../render/history.js';
import { renderLicense, renderRegistration, type Origin } from '../render/records.js';
import { buildResponse, echoFields, noRecord, noRecordLine, responsesAnswer } from '../render/response.js';
import { recordCaveat } from '../render/text.js';
import type { SystemAnswer } from '../system.js';
import { BaseSystem, type Request, type SharedFiles } from './base.js';
import { licensesNamed } from './dmv.js';
import { subjectOf } from './search.js';

const SYSTEM = 'NLETS';
/** The Nlets destination meaning every state (fields.ts NLETS_ALL_STATES). */
export const ALL_STATES = 'NL';
/** The states this network reaches: every state the synthetic data has records for. */
export const NLETS_STATES: readonly string[] = [...OUT_OF_STATE_CODES].sort();

/** What each key asks a state's files, and the file name and no-record words of its answer. */
const FILE_OF_KEY: Readonly<Record<string, { readonly file: string; readonly words: string }>> = {
  DQ: { file: 'DL', words: 'DL' },
  RQ: { file: 'REG', words: 'REG' },
  IQ: { file: 'CCH', words: 'CCH' },
  FQ: { file: 'CCH', words: 'CCH' },
};

export class NletsSystem extends BaseSystem {
  private readonly served = new Set(NLETS_STATES);

  constructor(shared: SharedFiles) {
    super('NLETS', shared);
  }

  protected answer(request: Request): SystemAnswer {
    const { key, transaction, definition } = request;
    const responseKey = definition.responseKey ?? key;
    const { states, merged } = this.destinations(request);
    const answers = states.map((state) => this.askState(state, request));
    if (merged) return responsesAnswer(buildResponse(transaction.header, SYSTEM, responseKey, answers.flat()));
    return responsesAnswer(...answers.map((records): Response => buildResponse(transaction.header, SYSTEM, responseKey, records)));
  }

  /** The states addressed: the OLS/LIS field of DQ/RQ, the header's destinations of IQ/FQ. */
  private destinations(request: Request): { states: string[]; merged: boolean } {
    const { key, fields, transaction } = request;
    let asked: string[];
    if (key === 'DQ' || key === 'RQ') {
      const tag = key === 'DQ' ? 'OLS' : 'LIS';
      asked = [fields.get(tag) ?? ''];
    } else {
      asked = (transaction.header?.destinations ?? []).map((destination) => String(destination ?? '').toUpperCase());
    }
    if (asked.length === 1 && asked[0] === ALL_STATES && key !== 'DQ' && key !== 'RQ') return { states: [...NLETS_STATES], merged: true };
    const unknown = asked.filter((state) => !this.served.has(state));
    if (asked.length === 0 || unknown.length > 0) {
      const named = unknown.length > 0 ? unknown.map((state) => state.slice(0, 12) || '(NONE)').join(' ') : '(NONE)';
      throw new CletsError(
        'CLETS_ERR_UNKNOWN_DESTINATION',
        `NLETS REJECT - DESTINATION ${named} UNKNOWN - MESSAGE NOT DELIVERED. STATES ON THIS NETWORK: ${NLETS_STATES.join(' ')} (${ALL_STATES} FOR ALL)`,
        { field: key === 'DQ' ? 'OLS' : key === 'RQ' ? 'LIS' : 'DEST', system: SYSTEM },
      );
    }
    return { states: [...new Set(asked)], merged: false };
  }

  /** One state's answer: its records, or its no-record line. */
  private askState(state: string, request: Request): ResponseRecord[] {
    const { key, fields, transaction } = request;
    const files = this.files;
    const at: Origin = { system: SYSTEM, file: FILE_OF_KEY[key]?.file ?? key, prefix: state };
    const caveat = recordCaveat(key === 'RQ' ? 'REGISTRATION' : 'DRIVER LICENSE', `THE STATE OF RECORD (${state})`);
    let records: ResponseRecord[] = [];
    switch (key) {
      case 'DQ':
        records = licensesNamed(files, fields, state).map(([license, person]) => renderLicense(at, license, person, caveat, state));
        break;
      case 'RQ':
        records = findVehicles(files, fields, true)
          .filter((vehicle) => vehicle.plateState === state)
          .map((vehicle) => renderRegistration(at, vehicle, files.person(vehicle.ownerPersonId), caveat, state));
        break;
      case 'IQ': {
        const ofState = (history: CriminalHistory): boolean => history.state === state;
        const holder = `THE STATE OF RECORD (${state})`;
        const byNumber = historiesByNumber(files, fields).filter(ofState);
        records = byNumber.map((history) => renderHistoryCandidate(at, history, subjectOf(files, history.personId), true, holder, state));
        if (fields.has('NAM')) {
          for (const { history, person, exact } of searchHistoriesByName(files, fields, ofState)) {
            if (!byNumber.includes(history)) records.push(renderHistoryCandidate(at, history, person, exact, holder, state));
          }
        }
        break;
      }
      case 'FQ': {
        const routeTo = transaction.routeTo;
        const purpose = { code: routeTo?.purposeCode ?? '', attention: routeTo?.attention ?? '' };
        records = historiesByNumber(files, fields)
          .filter((history) => history.state === state)
          .map((history) => renderHistoryRecord(at, history, subjectOf(files, history.personId), `THE STATE OF RECORD (${state})`, state,
            (ori) => files.agencyName(ori), purpose));
        break;
      }
    }
    if (records.length > 0) return records;
    const echo: Field[] = echoFields(transaction);
    return [noRecord(SYSTEM, at.file ?? '', noRecordLine(`NO RECORD ${state} ${FILE_OF_KEY[key]?.words ?? key}`, echo), echo, state)];
  }
}
