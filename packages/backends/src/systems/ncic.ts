/**
 * Mock NCIC: the national hot files (wanted persons, protection orders, missing persons,
 * supervised release, vehicles, guns, articles, boats) and III, the Interstate
 * Identification Index (QH name search, QR record request). One inquiry searches every file
 * its key covers and every hit is its own Record (a QW can hit a warrant and an order).
 */
import type { CriminalHistory } from '@clets/data-files';
import { CletsError, type ResponseRecord } from '@clets/protocol';
import { findPersons, historiesByNumber, searchHistoriesByName } from '../data/matching.js';
import { renderHistoryCandidate, renderHistoryRecord } from '../render/history.js';
import type { Origin } from '../render/records.js';
import { buildResponse, echoFields, noRecord, noRecordLine, responsesAnswer } from '../render/response.js';
import type { SystemAnswer } from '../system.js';
import { BaseSystem, ncicToday, type Request, type SharedFiles } from './base.js';
import {
  searchArticles, searchBoats, searchGuns, searchMissingPersons, searchOrdersNamed, searchProtectionOrders, searchStolenVehicles,
  searchSupervisedReleases, searchWarrants, searchWarrantsByNumber, subjectOf,
} from './search.js';

const SYSTEM = 'NCIC';

function origin(file: string): Origin {
  return { system: SYSTEM, file, prefix: SYSTEM };
}

const WANTED = origin('WANTED PERSON');
const ORDER = origin('PROTECTION ORDER');
const MISSING = origin('MISSING PERSON');
const SUPERVISED = origin('SUPERVISED RELEASE');
const VEHICLE = origin('VEHICLE');
const GUN = origin('GUN');
const ARTICLE = origin('ARTICLE');
const BOAT = origin('BOAT');
const III = { system: SYSTEM, file: 'III', prefix: 'NCIC III' } as const satisfies Origin;
/** Where III answers come from: the FBI's index (the record itself is the state's). */
export const III_SOURCE = 'III/FBI';

/** Who confirms a III record: III is an index, the record itself is the state's. */
function stateOfRecord(history: CriminalHistory): string {
  return `THE STATE OF RECORD (${history.state})`;
}

/** III holds the subjects with an FBI number (fingerprint-based national index). */
function inIii(history: CriminalHistory): boolean {
  return history.fbi !== undefined && history.fbi !== '';
}

export class NcicSystem extends BaseSystem {
  constructor(shared: SharedFiles) {
    super('NCIC', shared);
  }

  protected answer(request: Request): SystemAnswer {
    const { key, fields, transaction } = request;
    const files = this.files;
    const today = ncicToday(request.context.now);
    let records: ResponseRecord[];
    /** The file a no-record line names, and its words (NCIC: "NO NCIC WANT"). */
    let none: { readonly file: string; readonly words: string; readonly source?: string };
    switch (key) {
      case 'QW': {
        const persons = findPersons(files, fields);
        records = [
          ...searchWarrants(files, WANTED, persons),
          ...searchProtectionOrders(files, ORDER, persons, today),
          ...searchMissingPersons(files, MISSING, persons),
          ...searchSupervisedReleases(files, SUPERVISED, persons),
        ];
        none = { file: WANTED.file, words: 'NO NCIC WANT' };
        break;
      }
      case 'ZW':
        records = searchWarrantsByNumber(files, WANTED, fields);
        none = { file: WANTED.file, words: 'NO NCIC WANT' };
        break;
      case 'QPO':
        records = searchOrdersNamed(files, ORDER, fields, today);
        none = { file: ORDER.file, words: 'NO NCIC PROTECTION ORDER' };
        break;
      case 'QV':
        records = searchStolenVehicles(files, VEHICLE, fields);
        none = { file: VEHICLE.file, words: 'NO NCIC WANT' };
        break;
      case 'QG':
        records = searchGuns(files, GUN, fields);
        none = { file: GUN.file, words: 'NO NCIC WANT' };
        break;
      case 'QA':
        records = searchArticles(files, ARTICLE, fields);
        none = { file: ARTICLE.file, words: 'NO NCIC WANT' };
        break;
      case 'QB':
        records = searchBoats(files, BOAT, fields);
        none = { file: BOAT.file, words: 'NO NCIC WANT' };
        break;
      case 'QH':
        records = searchHistoriesByName(files, fields, inIii).map(({ history, person, exact }) =>
          renderHistoryCandidate(III, history, person, exact, stateOfRecord(history), III_SOURCE));
        none = { file: III.file, words: 'NO III RECORD', source: III_SOURCE };
        break;
      case 'QR': {
        const purpose = { code: transaction.routeTo?.purposeCode ?? '', attention: transaction.routeTo?.attention ?? '' };
        records = historiesByNumber(files, fields).filter(inIii).map((history) =>
          renderHistoryRecord(III, history, subjectOf(files, history.personId), stateOfRecord(history), III_SOURCE, (ori) => files.agencyName(ori), purpose));
        none = { file: III.file, words: 'NO III RECORD', source: III_SOURCE };
        break;
      }
      default:
        // keysServedBy() lets through only the keys the catalogue routes here: a new row needs a case.
        throw new CletsError('CLETS_ERR_SYSTEM_NOT_ACCEPTING', `NCIC has no search for ${key}`, { field: 'MKE', system: SYSTEM });
    }
    if (records.length === 0) {
      const echo = echoFields(transaction);
      records = [noRecord(SYSTEM, none.file, noRecordLine(none.words, echo), echo, none.source)];
    }
    return responsesAnswer(buildResponse(transaction.header, SYSTEM, key, records));
  }
}
