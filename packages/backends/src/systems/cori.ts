/**
 * Mock CORI: the California DOJ state files behind the one CORI link: ACHS (criminal
 * history), WPS (wanted persons), SVS (stolen vehicles), AFS (firearms), APS (property),
 * ABS (boats), CARPOS (restraining and protective orders), CSAR (sex and arson registrants),
 * MPS (missing persons). The catalogue's route of each key says which of these files it
 * searches; every record names its file in Record.file, and a file searched without a hit
 * answers its own no-record line. Updates (EPO/MPO/XPO, EW/XW, EV/XV) are applied here.
 */
import type { CriminalHistory, Person } from '@clets/data-files';
import { CletsError, type ResponseRecord, type Target } from '@clets/protocol';
import { findPersons, historiesByNumber, searchHistoriesByName, type Fields } from '../data/matching.js';
import { renderHistoryCandidate, renderHistoryRecord } from '../render/history.js';
import type { Origin } from '../render/records.js';
import { buildResponse, echoFields, noRecord, noRecordLine, responsesAnswer } from '../render/response.js';
import type { SystemAnswer } from '../system.js';
import { BaseSystem, ncicToday, targetsServedBy, type Request, type SharedFiles } from './base.js';
import { recordsNeedingCare, renderValidationList, selectedBy } from '../render/validation-list.js';
import {
  searchArticles, searchBoats, searchGuns, searchMissingPersons, searchOrdersNamed, searchProtectionOrders, searchRegistrants,
  searchStolenVehicles, searchWarrants, searchWarrantsByNumber, subjectOf,
} from './search.js';

const SYSTEM = 'CORI';
/** Who confirms a California criminal history. */
const ACHS_HOLDER = 'CA DOJ BUREAU OF CRIMINAL INFORMATION AND ANALYSIS (ACHS)';

function origin(file: Target): Origin {
  return { system: SYSTEM, file, prefix: file };
}

/** ACHS holds California's own criminal histories. */
function inAchs(history: CriminalHistory): boolean {
  return history.state === 'CA';
}

export class CoriSystem extends BaseSystem {
  constructor(shared: SharedFiles) {
    super('CORI', shared);
  }

  protected answer(request: Request): SystemAnswer {
    const { key, fields, transaction, definition, context } = request;
    if (definition.action === 'update') {
      return this.shared.updates.apply({ system: SYSTEM, requestId: context.requestId, transaction, fields, atMs: context.now });
    }
    if (key === 'VL') return this.validationList(request);
    const echo = echoFields(transaction);
    // Persons are looked up once for every person file the key searches.
    let persons: Person[] | undefined;
    const personsNamed = (): Person[] => (persons ??= fields.has('NAM') && key !== 'ZW' ? findPersons(this.files, fields) : []);
    const records: ResponseRecord[] = [];
    for (const target of targetsServedBy(key, 'CORI')) {
      const found = this.searchFile(key, target, fields, personsNamed, request);
      if (found.length > 0) records.push(...found);
      else records.push(noRecord(SYSTEM, target, noRecordLine(`NO ${target} RECORD`, echo), echo));
    }
    return responsesAnswer(buildResponse(transaction.header, SYSTEM, key, records));
  }

  /**
   * VL: an agency's records needing action. An agency lists its own; the state control point
   * (DOJ) lists any agency's (VLO), and its list, acknowledged with that agency as the
   * record's ORI, goes on to the agency as an administrative notice (catalogue:
   * notifyEnteringAgency). Nothing to act on is a no-record answer: no notice.
   */
  private validationList(request: Request): SystemAnswer {
    const { key, fields, transaction, context } = request;
    const sender = transaction.header?.ori ?? '';
    const ori = fields.get('VLO') ?? sender;
    if (ori !== sender && this.files.agencies.get(sender)?.kind !== 'doj') {
      throw new CletsError('CLETS_ERR_VALIDATION_LIST_SCOPE', `ORI/${sender} lists its own records: VLO/${ori} is the state control point's to ask`, { field: 'VLO' });
    }
    const listed = recordsNeedingCare(this.files, ori, context.now, this.shared.recordCare).filter(selectedBy(fields.get('VLS') ?? 'A'));
    const record = listed.length === 0
      ? noRecord(SYSTEM, 'VALIDATION', `NO RECORDS OF ORI/${ori} NEED ACTION (VLS/${fields.get('VLS') ?? 'A'})`)
      : renderValidationList(SYSTEM, ori, context.now, listed);
    return responsesAnswer(buildResponse(transaction.header, SYSTEM, key, [record]));
  }

  private searchFile(key: string, target: Target, fields: Fields, personsNamed: () => Person[], request: Request): ResponseRecord[] {
    const files = this.files;
    const at = origin(target);
    const today = ncicToday(request.context.now);
    switch (target) {
      case 'WPS':
        return key === 'ZW' ? searchWarrantsByNumber(files, at, fields) : searchWarrants(files, at, personsNamed());
      case 'CARPOS':
        return key === 'QPO' ? searchOrdersNamed(files, at, fields, today, personsNamed()) : searchProtectionOrders(files, at, personsNamed(), today);
      case 'MPS':
        return searchMissingPersons(files, at, personsNamed());
      case 'CSAR':
        return searchRegistrants(files, at, personsNamed());
      case 'SVS':
        return searchStolenVehicles(files, at, fields);
      case 'AFS':
        return searchGuns(files, at, fields);
      case 'APS':
        return searchArticles(files, at, fields);
      case 'ABS':
        return searchBoats(files, at, fields);
      case 'ACHS':
        if (key === 'QR') {
          const routeTo = request.transaction.routeTo;
          const purpose = { code: routeTo?.purposeCode ?? '', attention: routeTo?.attention ?? '' };
          return historiesByNumber(files, fields).filter(inAchs).map((history) =>
            renderHistoryRecord(at, history, subjectOf(files, history.personId), ACHS_HOLDER, '', (ori) => files.agencyName(ori), purpose));
        }
        return searchHistoriesByName(files, fields, inAchs).map(({ history, person, exact }) =>
          renderHistoryCandidate(at, history, person, exact, ACHS_HOLDER, ''));
      default:
        return [];
    }
  }
}
