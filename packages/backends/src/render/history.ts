/**
 * Criminal histories: the name-search candidate (III QH, ACHS QH, Nlets IR) and the full
 * record, printed as a rap sheet: one block per arrest cycle (arrest, charges, court
 * disposition, custody, probation, parole), oldest first, as state repositories print them.
 */
import type { ArrestCycle, CriminalHistory, Person } from '@clets/data-files';
import { HitStatus, type ResponseRecord } from '@clets/protocol';
import { buildRecord } from './response.js';
import { personLines, ncicDate, type Origin } from './records.js';
import { RECORD_CAVEAT_PREFIX, field } from './text.js';

/** The criminal-history caveat: a name match is not an identification (fingerprints are). */
export function historyCaveat(holder: string): string {
  return `${RECORD_CAVEAT_PREFIX} CRIMINAL HISTORY: A NAME-BASED MATCH IS NOT A POSITIVE IDENTIFICATION: COMPARE FINGERPRINTS, AND CONFIRM WITH ${holder} THAT THE RECORD IS CURRENT. USE ONLY FOR THE PURPOSE STATED.`;
}

const LEVEL = { F: 'FELONY', M: 'MISDEMEANOR', I: 'INFRACTION' } as const;

/** Looks up an agency's name for the rap sheet ('LOS ANGELES CO SO'). */
export type AgencyNamer = (ori: string) => string | undefined;

function agencyLabel(ori: string, names: AgencyNamer): string {
  const name = names(ori);
  return name ? `${ori} ${name}` : ori;
}

/** One arrest cycle as rap-sheet lines. */
export function cycleLines(cycle: ArrestCycle, number: number, names: AgencyNamer): string[] {
  const lines = ['* * * *', `CYCLE ${String(number).padStart(2, '0')} ARR/DET/CITE: ${ncicDate(cycle.arrestDate)} ${agencyLabel(cycle.arrestingAgencyOri, names)}`];
  cycle.charges.forEach((charge, index) => {
    lines.push(`  CNT:${String(index + 1).padStart(2, '0')} ${charge.code} ${charge.description} - ${LEVEL[charge.level]}`);
  });
  if (cycle.disposition) {
    const sentence = cycle.disposition.sentence ? ` SEN: ${cycle.disposition.sentence}` : '';
    lines.push(`  COURT: ${ncicDate(cycle.disposition.date)} DISPO: ${cycle.disposition.result}${sentence}`);
  } else {
    lines.push('  COURT: NO DISPOSITION REPORTED');
  }
  if (cycle.custody) {
    const until = cycle.custody.to ? ncicDate(cycle.custody.to) : 'IN CUSTODY';
    lines.push(`  CUSTODY: ${ncicDate(cycle.custody.from)} TO ${until} ${cycle.custody.facility}`);
  }
  if (cycle.probation) {
    lines.push(`  PROBATION: ${ncicDate(cycle.probation.from)} TO ${ncicDate(cycle.probation.to)} ${agencyLabel(cycle.probation.agency, names)}`);
  }
  if (cycle.parole) {
    lines.push(`  PAROLE: ${ncicDate(cycle.parole.from)} TO ${ncicDate(cycle.parole.to)} ${agencyLabel(cycle.parole.agency, names)}`);
  }
  return lines;
}

/** The state number's tag: California calls it the CII number. */
function stateNumberTag(history: CriminalHistory): string {
  return history.state === 'CA' ? 'CII' : 'SID';
}

/** A name-search candidate: identification only, HIT when exact, POSSIBLE otherwise. */
export function renderHistoryCandidate(
  origin: Origin, history: CriminalHistory, person: Person, exact: boolean, holder: string, source: string,
): ResponseRecord {
  return buildRecord({
    status: exact ? HitStatus.HIT_STATUS_HIT : HitStatus.HIT_STATUS_POSSIBLE,
    system: origin.system,
    file: origin.file,
    heading: `${origin.prefix} CRIMINAL HISTORY - NAME SEARCH ${exact ? 'IDENTIFICATION' : 'CANDIDATE'} - REQUEST FULL RECORD BY ${history.fbi && origin.system === 'NCIC' ? 'FBI' : 'SID'}`,
    recordId: origin.system === 'NCIC' ? (history.fbi ?? history.sid) : history.sid,
    caveat: historyCaveat(holder),
    body: [
      personLines(person)[0] ?? [],
      [field('FBI', history.fbi), field(stateNumberTag(history), history.sid), field('STA', history.state), field('CYC', history.cycles.length)],
    ],
    source,
  });
}

/** The full record (QR, FQ): identification, then every cycle. */
export function renderHistoryRecord(
  origin: Origin, history: CriminalHistory, person: Person, holder: string, source: string, names: AgencyNamer,
  purpose: { readonly code: string; readonly attention: string },
): ResponseRecord {
  const lines: string[] = [];
  history.cycles.forEach((cycle, index) => lines.push(...cycleLines(cycle, index + 1, names)));
  lines.push('* * * END OF RECORD * * *');
  return buildRecord({
    status: HitStatus.HIT_STATUS_HIT,
    system: origin.system,
    file: origin.file,
    heading: `${origin.prefix} CRIMINAL HISTORY RECORD`,
    recordId: origin.system === 'NCIC' ? (history.fbi ?? history.sid) : history.sid,
    caveat: historyCaveat(holder),
    body: [
      personLines(person)[0] ?? [],
      [
        field('SOC', person.soc), field('FBI', history.fbi), field(stateNumberTag(history), history.sid), field('STA', history.state),
        field('CYC', history.cycles.length),
      ],
      [field('PUR', purpose.code), field('ATN', purpose.attention)],
    ],
    lines,
    source,
  });
}
