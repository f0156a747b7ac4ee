/**
 * Terminal text: the fixed 80-column screen every CLETS terminal shows. Records are built
 * as tagged fields (`TAG/value`, for machines) and rendered here as the operator reads them.
 */
import type { Field } from '@clets/protocol';

/** Width of a CLETS terminal line. */
export const TERMINAL_WIDTH = 80;

/** The first words of every hit: a terminal may key on them, the structured flag is the truth. */
export const CAVEAT_PREFIX = 'WARNING - DO NOT ARREST OR DETAIN BASED SOLELY UPON THIS INFORMATION.';

/**
 * The caveat every hit opens with (NCIC practice: a hit is not probable cause by itself;
 * the record must be confirmed current, and the subject identified, before acting on it).
 * `confirmWith` names who confirms: the entering agency for hot files (by a YQ hit
 * confirmation), the DMV, the state that holds a criminal history.
 */
export function hitCaveat(confirmWith: string): string {
  return `${CAVEAT_PREFIX} CONFIRM WITH ${confirmWith} THAT THE RECORD IS CURRENT AND THAT IT IS THE SUBJECT'S BEFORE TAKING ACTION.`;
}

/**
 * The first words of a record that is not a want, warrant or stolen report (a driver licence,
 * a registration, a criminal history): it carries no arrest warning, since nothing in it asks
 * for one, and an officer must not learn to read a licence like a warrant.
 */
export const RECORD_CAVEAT_PREFIX = 'NOT A WANT OR WARRANT.';

/** The caveat of a licence, registration or criminal history: identify the subject, confirm the record is current. */
export function recordCaveat(what: string, confirmWith: string): string {
  return `${RECORD_CAVEAT_PREFIX} ${what}: CONFIRM WITH ${confirmWith} THAT THE RECORD IS CURRENT AND THAT IT IS THE SUBJECT'S.`;
}

/** The hot-file caveat: confirm with the entering agency by a hit confirmation (YQ). */
export function enteringAgencyCaveat(enteringOri: string): string {
  return hitCaveat(`THE ENTERING AGENCY (ORI ${enteringOri || 'UNKNOWN'}) BY HIT CONFIRMATION (YQ)`);
}

/**
 * Each file's own caveat: what a hit of that file asks the officer to confirm, and with whom.
 * Wants and stolen property open with the arrest warning; a missing person, a supervised
 * release and a registrant are not wants (NCIC: do not search, detain or arrest on them
 * alone), so they open with "NOT A WANT OR WARRANT." like licences and rap sheets.
 */
export const FILE_CAVEATS = {
  WANTED: (ori: string) => `${CAVEAT_PREFIX} WANTED PERSON: CONFIRM WITH THE ENTERING AGENCY (ORI ${ori}) BY HIT CONFIRMATION (YQ) THAT THE WARRANT IS OUTSTANDING AND WHAT EXTRADITION IT ALLOWS, AND IDENTIFY THE SUBJECT, BEFORE TAKING ACTION.`,
  ORDER: (ori: string) => `${CAVEAT_PREFIX} PROTECTION ORDER: CONFIRM WITH THE ENTERING AGENCY (ORI ${ori}) THAT THE ORDER IS IN FORCE, ITS TERMS AND WHETHER THE RESTRAINED PERSON WAS SERVED; A SUBJECT NOT SERVED IS TOLD OF THE ORDER AND ITS TERMS BEFORE IT IS ENFORCED.`,
  MISSING: (ori: string) => `${RECORD_CAVEAT_PREFIX} MISSING PERSON: CONFIRM WITH THE ENTERING AGENCY (ORI ${ori}) BY HIT CONFIRMATION (YQ) THAT THE PERSON IS STILL MISSING; SEE TO THE PERSON'S SAFETY (A JUVENILE OR ENDANGERED PERSON MAY BE TAKEN INTO PROTECTIVE CUSTODY) AND PLACE A LOCATE.`,
  SUPERVISED: (ori: string) => `${RECORD_CAVEAT_PREFIX} SUPERVISED RELEASE: DO NOT SEARCH, DETAIN OR ARREST ON THIS RECORD ALONE. CONTACT THE SUPERVISING AGENCY (ORI ${ori}) TO REPORT THE CONTACT AND CONFIRM THE TERMS OF RELEASE.`,
  REGISTRANT: (ori: string) => `${RECORD_CAVEAT_PREFIX} REGISTRANT: DO NOT SEARCH, DETAIN OR ARREST ON THIS RECORD ALONE. CONFIRM THE REGISTRATION STATUS WITH THE REGISTERING AGENCY (ORI ${ori}).`,
  VEHICLE: (ori: string) => `${CAVEAT_PREFIX} STOLEN VEHICLE: CONFIRM WITH THE ENTERING AGENCY (ORI ${ori}) BY HIT CONFIRMATION (YQ) THAT THE THEFT REPORT IS CURRENT, AND MATCH THE VIN ON THE VEHICLE TO THE RECORD, BEFORE TAKING ACTION.`,
  PROPERTY: (ori: string) => `${CAVEAT_PREFIX} STOLEN PROPERTY: CONFIRM WITH THE ENTERING AGENCY (ORI ${ori}) BY HIT CONFIRMATION (YQ) THAT THE REPORT IS CURRENT, AND MATCH THE SERIAL OR HULL NUMBER ON THE ITEM TO THE RECORD, BEFORE TAKING ACTION.`,
} as const;

/** Possible (near) matches carry their own caveat: they are candidates, not hits. */
export const POSSIBLE_CAVEAT =
  'POSSIBLE MATCH ONLY - NOT A HIT ON THE SEARCH KEYS. COMPARE EVERY IDENTIFIER ' +
  '(FINGERPRINTS, DOB, SCARS MARKS TATTOOS) BEFORE RELYING ON THIS RECORD.';

/**
 * Word-wraps one logical line at `width`, never splitting a word unless it is longer than a
 * line. A line's leading indentation is kept, on its continuation lines too (rap sheets).
 */
export function wrapLine(line: string, width = TERMINAL_WIDTH): string[] {
  if (line.length <= width) return [line];
  let indent = '';
  while (indent.length < line.length && line.charAt(indent.length) === ' ') indent += ' ';
  if (indent.length >= width / 2) indent = '';
  const room = width - indent.length;
  const out: string[] = [];
  let current = '';
  for (const word of line.slice(indent.length).split(' ')) {
    if (word === '') continue;
    let rest = word;
    while (rest.length > room) {
      if (current) {
        out.push(indent + current);
        current = '';
      }
      out.push(indent + rest.slice(0, room));
      rest = rest.slice(room);
    }
    if (!current) current = rest;
    else if (current.length + 1 + rest.length <= room) current += ' ' + rest;
    else {
      out.push(indent + current);
      current = rest;
    }
  }
  if (current) out.push(indent + current);
  return out;
}

/** Wraps every logical line and joins them with newlines. */
export function wrapText(lines: readonly string[], width = TERMINAL_WIDTH): string {
  const out: string[] = [];
  for (const line of lines) {
    if (line === '') out.push('');
    else for (const piece of wrapLine(line, width)) out.push(piece);
  }
  return out.join('\n');
}

/** `TAG/value` pairs separated by blanks (empty values left out), as one logical line. */
export function taggedLine(fields: readonly Field[]): string {
  const parts: string[] = [];
  for (const field of fields) {
    if (field.value) parts.push(`${field.tag}/${field.value}`);
  }
  return parts.join(' ');
}

/** A Field, leaving empty values out so records carry only what is known. */
export function field(tag: string, value: string | number | undefined | null): Field {
  return { tag, value: value === undefined || value === null ? '' : String(value) };
}

/** Drops fields whose value is empty. */
export function present(fields: readonly Field[]): Field[] {
  return fields.filter((f) => f.value !== undefined && f.value !== null && f.value !== '');
}
