/**
 * Field tags and their edits (NCIC/Nlets practice: every field is checked against its edit
 * before the message leaves the switch). Each edit returns undefined when the value passes,
 * else the reason, naming the tag, the value and what is wrong ("DOB 19801345: month 13 is
 * not a month").
 *
 * Values are compared as typed on the wire: upper case, no leading or trailing blanks (the
 * mnemonic parser upper-cases everything but TXT). Periods are refused everywhere but TXT:
 * the period separates fields in the mnemonic line (docs/mnemonic-format.md).
 *
 * Code lists are a simulation subset of the NCIC code manual, marked where unconfirmed in
 * docs/catalogue.md. Edits allocate nothing when the value passes: they are on the switch's
 * hot path.
 */
import type { FieldDefinition } from './catalogue-types.js';

// --- code lists -----------------------------------------------------------------------------

/** The 50 states and DC. */
const US_STATES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS',
  'KY', 'LA', 'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC',
  'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY',
] as const;
/** US territories: American Samoa, Guam, Northern Mariana Islands, Puerto Rico, Virgin Islands. */
const US_TERRITORIES = ['AS', 'GU', 'MP', 'PR', 'VI'] as const;
/**
 * Canadian provinces and territories as NCIC writes them (NF Newfoundland, PQ Quebec,
 * SN Saskatchewan). Deliberately not the postal `NL`: `NL` addresses every Nlets state.
 */
const CANADIAN_PROVINCES = ['AB', 'BC', 'MB', 'NB', 'NF', 'NS', 'NT', 'NU', 'ON', 'PE', 'PQ', 'SN', 'YT'] as const;

/** State, territory and province codes accepted in OLS, LIS and SID. */
export const STATE_CODES: ReadonlySet<string> = new Set<string>([...US_STATES, ...US_TERRITORIES, ...CANADIAN_PROVINCES]);

/** Codes Nlets addresses (IQ/FQ destinations): the states, DC and the territories. */
export const NLETS_STATE_CODES: ReadonlySet<string> = new Set<string>([...US_STATES, ...US_TERRITORIES]);

/** Nlets destination meaning "every state" (used by IQ). */
export const NLETS_ALL_STATES = 'NL';

export const SEX_CODES = { M: 'MALE', F: 'FEMALE', X: 'NON-BINARY', U: 'UNKNOWN' } as const;
export const RACE_CODES = { W: 'WHITE', B: 'BLACK', I: 'AMERICAN INDIAN OR ALASKA NATIVE', A: 'ASIAN OR PACIFIC ISLANDER', U: 'UNKNOWN' } as const;
export const EYE_CODES = {
  BLK: 'BLACK', BLU: 'BLUE', BRO: 'BROWN', GRN: 'GREEN', GRY: 'GRAY', HAZ: 'HAZEL', MAR: 'MAROON',
  MUL: 'MULTICOLORED', PNK: 'PINK', XXX: 'UNKNOWN',
} as const;
export const HAIR_CODES = {
  BAL: 'BALD', BLK: 'BLACK', BLN: 'BLOND', BLU: 'BLUE', BRO: 'BROWN', GRN: 'GREEN', GRY: 'GRAY',
  ONG: 'ORANGE', PLE: 'PURPLE', PNK: 'PINK', RED: 'RED OR AUBURN', SDY: 'SANDY', WHI: 'WHITE', XXX: 'UNKNOWN',
} as const;
export const VEHICLE_COLOR_CODES = {
  BGE: 'BEIGE', BLK: 'BLACK', BLU: 'BLUE', BRO: 'BROWN', BRZ: 'BRONZE', CAM: 'CAMOUFLAGE', CPR: 'COPPER',
  CRM: 'CREAM', DBL: 'DARK BLUE', DGR: 'DARK GREEN', GLD: 'GOLD', GRN: 'GREEN', GRY: 'GRAY', LAV: 'LAVENDER',
  LBL: 'LIGHT BLUE', LGR: 'LIGHT GREEN', MAR: 'MAROON', MVE: 'MAUVE', ONG: 'ORANGE', PLE: 'PURPLE',
  PNK: 'PINK', RED: 'RED', SIL: 'SILVER', TAN: 'TAN', TEA: 'TEAL', TPE: 'TAUPE', TRQ: 'TURQUOISE',
  WHI: 'WHITE', YEL: 'YELLOW',
} as const;
export const PLATE_TYPE_CODES = {
  PC: 'PASSENGER', TK: 'TRUCK', MC: 'MOTORCYCLE', TL: 'TRAILER', CM: 'COMMERCIAL', AP: 'APPORTIONED',
  BU: 'BUS', DL: 'DEALER', DV: 'DISABLED VETERAN', PE: 'PERSONALIZED', RV: 'RECREATIONAL VEHICLE',
  TX: 'TAXI', US: 'US GOVERNMENT', ST: 'STATE GOVERNMENT', OF: 'OFFICIAL',
} as const;
/** California protective and restraining order types (CARPOS). */
export const ORDER_TYPE_CODES = {
  DVRO: 'DOMESTIC VIOLENCE RESTRAINING ORDER', CHRO: 'CIVIL HARASSMENT RESTRAINING ORDER',
  EARO: 'ELDER OR DEPENDENT ADULT ABUSE RESTRAINING ORDER', WVRO: 'WORKPLACE VIOLENCE RESTRAINING ORDER',
  CPO: 'CRIMINAL PROTECTIVE ORDER', EPO: 'EMERGENCY PROTECTIVE ORDER', GVRO: 'GUN VIOLENCE RESTRAINING ORDER',
} as const;
export const WARRANT_TYPE_CODES = { F: 'FELONY', M: 'MISDEMEANOR' } as const;
/** Extradition limits (simulation's reading of the NCIC EXL codes; unconfirmed). */
export const EXTRADITION_CODES = {
  1: 'FULL EXTRADITION', 2: 'LIMITED EXTRADITION - SEE MIS', 3: 'SURROUNDING STATES ONLY',
  4: 'NO EXTRADITION', 5: 'PENDING EXTRADITION DETERMINATION', 6: 'IN-STATE ONLY',
} as const;
export const PRIORITY_CODES = { U: 'URGENT - ANSWER WITHIN 10 MINUTES', R: 'ROUTINE - ANSWER WITHIN 1 HOUR' } as const;
export const CONFIRMATION_CODES = { Y: 'CONFIRMED', N: 'NOT CONFIRMED', T: 'WILL ANSWER BY THE TIME IN ABY' } as const;
export const YES_NO_CODES = { Y: 'YES', N: 'NO' } as const;
/** What a validation list (VL) lists of the agency's records. */
export const VALIDATION_LIST_CODES = {
  A: 'EVERY RECORD NEEDING ACTION', U: 'NOT SECOND-PARTY CHECKED', D: 'DUE OR OVERDUE FOR VALIDATION', O: 'OVERDUE FOR VALIDATION',
} as const;
/**
 * Missing-person categories. NCIC writes the category as the last letter of the entry key
 * (EMD, EME, EMI, EMJ, EMV); the simulation keeps one key, EM, and carries that letter in MNP
 * (docs/catalogue.md).
 */
export const MISSING_CATEGORY_CODES = {
  D: 'DISABILITY', E: 'ENDANGERED', I: 'INVOLUNTARY', J: 'JUVENILE', V: 'CATASTROPHE', O: 'OTHER',
} as const;
/** Skin tone (NCIC SKN codes). */
export const SKIN_TONE_CODES = {
  ALB: 'ALBINO', BLK: 'BLACK', DBR: 'DARK BROWN', DRK: 'DARK', FAR: 'FAIR', LBR: 'LIGHT BROWN', LGT: 'LIGHT',
  MBR: 'MEDIUM BROWN', MED: 'MEDIUM', OLV: 'OLIVE', RUD: 'RUDDY', SAL: 'SALLOW', YEL: 'YELLOW',
} as const;
/**
 * Protection-order conditions, coded as NCIC codes them (the PCO code list published with
 * NIEM's justice domain, ncic:PCOCodeSimpleType); the words are the simulation's short form.
 */
export const ORDER_CONDITION_CODES = {
  '01': 'RESTRAINED FROM ASSAULTING, THREATENING, HARASSING, FOLLOWING OR STALKING THE PROTECTED PERSON OR THEIR CHILD',
  '02': 'MAY NOT THREATEN A MEMBER OF THE PROTECTED PERSON\'S FAMILY OR HOUSEHOLD',
  '03': 'PROTECTED PERSON GRANTED EXCLUSIVE POSSESSION OF THE RESIDENCE',
  '04': 'STAY AWAY FROM THE PROTECTED PERSON\'S RESIDENCE, PROPERTY, SCHOOL OR WORK',
  '05': 'NO COMMUNICATION WITH THE PROTECTED PERSON (PERSONAL, WRITTEN, TELEPHONE, THROUGH OTHERS)',
  '06': 'SUBJECT HAS VISITATION OR CUSTODY RIGHTS OF THE CHILDREN NAMED',
  '07': 'PROHIBITED FROM POSSESSING OR PURCHASING A FIREARM OR OTHER WEAPON',
  '08': 'SEE MIS FOR OTHER TERMS AND CONDITIONS',
  '09': 'PROTECTED PERSON AWARDED TEMPORARY EXCLUSIVE CUSTODY OF THE CHILDREN NAMED',
} as const;
/** Gun types as entered (NCIC two-letter codes) and the word the files keep. */
export const GUN_TYPE_CODES = { PI: 'PISTOL', RV: 'REVOLVER', RI: 'RIFLE', SG: 'SHOTGUN' } as const;

/**
 * How released information was transmitted (the third-party release log records it): the
 * simulation's two-letter codes; the release log stores the word.
 */
export const TRANSMISSION_CODES = {
  IP: 'IN-PERSON', ML: 'MAIL', FX: 'FAX', EM: 'EMAIL', TL: 'TELEPHONE', EL: 'ELECTRONIC', OT: 'OTHER',
} as const;

// --- edit building blocks -------------------------------------------------------------------

type Check = (value: string) => string | undefined;

/** A value as quoted in a reason: long free text is cut short. */
function quote(value: string): string {
  return value.length <= 24 ? value : `${value.slice(0, 21)}...`;
}

/** Every field edit starts with the length rule, then its own check. */
function define(tag: string, name: string, maxLength: number, example: string, check: Check): FieldDefinition {
  return {
    tag,
    name,
    maxLength,
    example,
    edit(value: string): string | undefined {
      if (value.length === 0) return `${tag} is empty`;
      if (value.length > maxLength) return `${tag} ${quote(value)}: ${value.length} characters, at most ${maxLength}`;
      const problem = check(value);
      return problem === undefined ? undefined : `${tag} ${quote(value)}: ${problem}`;
    },
  };
}

function pattern(regex: RegExp, expected: string): Check {
  return (value) => (regex.test(value) ? undefined : `must be ${expected}`);
}

function codes(table: Readonly<Record<string, string>>, what: string): Check {
  const known = new Set(Object.keys(table));
  return (value) => (known.has(value) ? undefined : `not ${what}: one of ${[...known].join(' ')}`);
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The number in `value[start, end)`, all digits (checked by the caller). */
function digitsAt(value: string, start: number, end: number): number {
  let result = 0;
  for (let index = start; index < end; index++) result = result * 10 + (value.charCodeAt(index) - 48);
  return result;
}

function allDigits(value: string): boolean {
  for (let index = 0; index < value.length; index++) if (!isDigit(value.charCodeAt(index))) return false;
  return true;
}

const MONTH_NAMES = [
  'JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER',
] as const;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const FIRST_YEAR = 1900;
const LAST_YEAR = 2099;

function yearProblem(year: number): string | undefined {
  return year < FIRST_YEAR || year > LAST_YEAR ? `year ${year} is outside ${FIRST_YEAR}-${LAST_YEAR}` : undefined;
}

/** CCYYMMDD: a real calendar date between 1900 and 2099 (no clock here: the future is allowed). */
function checkDate(value: string): string | undefined {
  if (value.length !== 8 || !allDigits(value)) return 'write the date as CCYYMMDD (8 digits)';
  const year = digitsAt(value, 0, 4);
  const month = digitsAt(value, 4, 6);
  const day = digitsAt(value, 6, 8);
  const badYear = yearProblem(year);
  if (badYear !== undefined) return badYear;
  if (month < 1 || month > 12) return `month ${value.slice(4, 6)} is not a month`;
  const days = month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 31);
  if (day < 1 || day > days) {
    if (month === 2 && day === 29) return `${year} is not a leap year: FEBRUARY has 28 days`;
    return `day ${value.slice(6, 8)} is not a day of ${MONTH_NAMES[month - 1]} (${days} days)`;
  }
  return undefined;
}

function checkYear(value: string): string | undefined {
  if (value.length !== 4 || !allDigits(value)) return 'write the year as CCYY (4 digits)';
  return yearProblem(digitsAt(value, 0, 4));
}

/** HHMM on a 24-hour clock. */
function timeProblem(value: string, start: number): string | undefined {
  const hours = digitsAt(value, start, start + 2);
  const minutes = digitsAt(value, start + 2, start + 4);
  if (hours > 23) return `hour ${value.slice(start, start + 2)} is not 00-23`;
  if (minutes > 59) return `minute ${value.slice(start + 2, start + 4)} is not 00-59`;
  return undefined;
}

/** Upper-case letters, digits and the punctuation of names and short labels; no period. */
function isShortTextChar(code: number): boolean {
  return (
    (code >= 65 && code <= 90) || isDigit(code) || code === 32 /* space */ || code === 45 /* - */ ||
    code === 39 /* ' */ || code === 38 /* & */ || code === 47 /* / */ || code === 44 /* , */ ||
    code === 35 /* # */ || code === 40 /* ( */ || code === 41 /* ) */
  );
}

/** A short label (offense, court, make, model): starts and ends with a letter or digit or ')'. */
function checkShortText(value: string): string | undefined {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (!isShortTextChar(code)) return `character '${value[index]}' at ${index + 1} not allowed: letters, digits, space and - ' & / , # ( )`;
  }
  if (value.charCodeAt(0) === 32 || value.charCodeAt(value.length - 1) === 32) return 'leading or trailing blank';
  return undefined;
}

/** Printable ASCII but lower case and period; no blank at either end. */
const REMARKS = /^[!-\-/-`{-~](?:[ -\-/-`{-~]*[!-\-/-`{-~])?$/;

/**
 * Free-text remarks (MIS, CND, CAU): printable ASCII in upper case, no period (it would end
 * the field in the mnemonic line), no leading or trailing blank.
 */
function checkRemarks(value: string): string | undefined {
  if (REMARKS.test(value)) return undefined; // compiled fast path; the loop below explains a failure
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code === 46) return `period at ${index + 1}: a period ends the field; use TXT for text with periods`;
    if (code < 32 || code > 126) return `character at ${index + 1} is not printable ASCII`;
    if (code >= 97 && code <= 122) return `lower-case '${value[index]}' at ${index + 1}: write upper case`;
  }
  if (value.charCodeAt(0) === 32 || value.charCodeAt(value.length - 1) === 32) return 'leading or trailing blank';
  return undefined;
}

/**
 * TXT, the free text of an administrative message: printable ASCII and line breaks, any case,
 * periods allowed (TXT is last in the mnemonic line and takes the rest of it).
 */
function checkMessageText(value: string): string | undefined {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if ((code < 32 && code !== 10) || code > 126) return `character at ${index + 1} is not printable ASCII`;
  }
  const first = value.charCodeAt(0);
  const last = value.charCodeAt(value.length - 1);
  if (first === 32 || first === 10 || last === 32 || last === 10) return 'leading or trailing blank';
  return undefined;
}

function isLetter(code: number): boolean {
  return code >= 65 && code <= 90;
}

/** One side of the comma: begins and ends with a letter, letters, space, hyphen or apostrophe between. */
function isNamePart(value: string, start: number, end: number): boolean {
  if (end <= start || !isLetter(value.charCodeAt(start)) || !isLetter(value.charCodeAt(end - 1))) return false;
  for (let index = start + 1; index < end - 1; index++) {
    const code = value.charCodeAt(index);
    if (!isLetter(code) && code !== 32 && code !== 45 && code !== 39) return false;
  }
  return true;
}

/**
 * LAST,FIRST MIDDLE. A scan rather than a regular expression: every inquiry about a person
 * passes here on the switch's path, and the scan costs a fraction of the match.
 */
function isName(value: string): boolean {
  const comma = value.indexOf(',');
  return comma > 0 && isNamePart(value, 0, comma) && isNamePart(value, comma + 1, value.length);
}

/** LAST,FIRST MIDDLE: letters, space, hyphen, apostrophe; exactly one comma (NCIC NAM). */
function checkName(value: string): string | undefined {
  if (isName(value)) return undefined;
  const comma = value.indexOf(',');
  if (comma < 0) return 'no comma: write LAST,FIRST MIDDLE';
  if (value.indexOf(',', comma + 1) >= 0) return 'more than one comma: write LAST,FIRST MIDDLE';
  if (comma === 0) return 'no last name before the comma';
  if (comma === value.length - 1) return 'no first name after the comma';
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (!isLetter(code) && code !== 32 && code !== 45 && code !== 39 && code !== 44) {
      return `character '${value[index]}' at ${index + 1} not allowed: letters, space, hyphen, apostrophe`;
    }
  }
  return 'each part must begin and end with a letter: write LAST,FIRST MIDDLE';
}

function checkHeight(value: string): string | undefined {
  if (value.length !== 3 || !allDigits(value)) return "write 3 digits, feet then inches (510 = 5'10\")";
  const feet = digitsAt(value, 0, 1);
  const inches = digitsAt(value, 1, 3);
  if (feet < 1 || feet > 8) return `feet ${feet} is not 1-8`;
  if (inches > 11) return `inches ${value.slice(1, 3)} is not 00-11`;
  return undefined;
}

function checkWeight(value: string): string | undefined {
  if (!allDigits(value)) return 'write the weight in pounds, 1-3 digits';
  return digitsAt(value, 0, value.length) === 0 ? 'weight 0 is not 1-999' : undefined;
}

/**
 * Nine digits; areas 000 and 666 are never issued. Area 9xx is allowed: the synthetic data
 * draws from it precisely because no real person holds such a number.
 */
function checkSocial(value: string): string | undefined {
  if (value.length !== 9 || !allDigits(value)) return 'write 9 digits, no hyphens';
  const area = digitsAt(value, 0, 3);
  if (area === 0 || area === 666) return `area ${value.slice(0, 3)} is never issued`;
  return undefined;
}

function checkStateCode(value: string): string | undefined {
  return STATE_CODES.has(value) ? undefined : 'not a state, territory or province code';
}

/** California's own number (CII: a letter and 8 digits, A12345678), or a state code then its number (NV12345678). */
function checkStateIdentifier(value: string): string | undefined {
  if (/^[A-Z][0-9]{8}$/.test(value)) return undefined;
  if (!/^[A-Z]{2}[0-9A-Z]{1,8}$/.test(value)) return 'write a California number (A12345678) or the state code then the number (NV12345678)';
  return STATE_CODES.has(value.slice(0, 2)) ? undefined : `${value.slice(0, 2)} is not a state code`;
}

function checkColor(value: string): string | undefined {
  const known = VEHICLE_COLOR_CODES as Readonly<Record<string, string>>;
  if (!/^[A-Z]{3}(?:\/[A-Z]{3})?$/.test(value)) return 'write a colour code, or top/bottom (WHI/BLU)';
  const top = value.slice(0, 3);
  if (known[top] === undefined) return `${top} is not a vehicle colour code`;
  if (value.length === 7 && known[value.slice(4)] === undefined) return `${value.slice(4)} is not a vehicle colour code`;
  return undefined;
}

function checkAnswerBy(value: string): string | undefined {
  if (!allDigits(value) || (value.length !== 4 && value.length !== 12)) return 'write HHMM or CCYYMMDDHHMM';
  if (value.length === 4) return timeProblem(value, 0);
  return checkDate(value.slice(0, 8)) ?? timeProblem(value, 8);
}

/** Two-digit PCO codes separated by one blank, each once (`01 05 07`). */
function checkConditionCodes(value: string): string | undefined {
  const known = ORDER_CONDITION_CODES as Readonly<Record<string, string>>;
  const seen = new Set<string>();
  for (const code of value.split(' ')) {
    if (known[code] === undefined) return `'${code}' is not a condition code: two digits 01-09, separated by one blank (01 05 07)`;
    if (seen.has(code)) return `condition ${code} given twice`;
    seen.add(code);
  }
  return undefined;
}

// --- VIN ------------------------------------------------------------------------------------

/** ISO 3779 / 49 CFR 565 transliteration: letter -> value (I, O, Q are never used). */
const VIN_VALUES: Int8Array = (() => {
  const table = new Int8Array(128).fill(-1);
  for (let digit = 0; digit <= 9; digit++) table[48 + digit] = digit;
  const letters: Readonly<Record<string, number>> = {
    A: 1, B: 2, C: 3, D: 4, E: 5, F: 6, G: 7, H: 8, J: 1, K: 2, L: 3, M: 4, N: 5, P: 7, R: 9,
    S: 2, T: 3, U: 4, V: 5, W: 6, X: 7, Y: 8, Z: 9,
  };
  for (const [letter, value] of Object.entries(letters)) table[letter.charCodeAt(0)] = value;
  return table;
})();
const VIN_WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2] as const;
const VIN_CHECK_POSITION = 8; // 0-based: the ninth character

/**
 * The North-American VIN check digit (49 CFR 565.15): the weighted sum of the transliterated
 * characters modulo 11, `X` for 10. Position 9 itself has weight 0, so any character may
 * stand there. Returns undefined when `vin` is not 17 VIN characters.
 */
export function vinCheckDigit(vin: string): string | undefined {
  if (vin.length !== 17) return undefined;
  let sum = 0;
  for (let index = 0; index < 17; index++) {
    const code = vin.charCodeAt(index);
    const value = code < 128 ? (VIN_VALUES[code] ?? -1) : -1;
    if (value < 0) return undefined;
    sum += value * (VIN_WEIGHTS[index] ?? 0);
  }
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

/** 1-17 characters without I, O, Q; a 17-character VIN must carry its check digit. */
function checkVin(value: string): string | undefined {
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (code === 73 || code === 79 || code === 81) return `letter ${value[index]} at ${index + 1}: I, O and Q never appear in a VIN`;
    if (code >= 128 || (VIN_VALUES[code] ?? -1) < 0) return `character '${value[index]}' at ${index + 1}: only letters and digits`;
  }
  if (value.length !== 17) return undefined; // pre-1981 VINs are shorter and carry no check digit
  const expected = vinCheckDigit(value);
  const given = value[VIN_CHECK_POSITION];
  return given === expected ? undefined : `check digit (position 9) is ${given}, should be ${expected}`;
}

// --- the table ------------------------------------------------------------------------------

const DATE = 'CCYYMMDD';

const DEFINITIONS: readonly FieldDefinition[] = [
  // agency and case
  define('ORI', 'originating agency identifier', 9, 'CA0190000', pattern(/^[A-Z]{2}[0-9A-Z]{7}$/, 'a 2-letter state code and 7 letters or digits (CA0194200)')),
  define('OCA', 'originating agency case number', 20, '26-001234', pattern(/^[0-9A-Z](?:[0-9A-Z-]*[0-9A-Z])?$/, 'letters, digits and inner hyphens')),
  define('NIC', 'NCIC record number', 10, 'W123456789', pattern(/^[A-Z][0-9]{9}$/, 'one letter and 9 digits (W123456789)')),
  // person
  define('NAM', 'name (LAST,FIRST MIDDLE)', 30, 'QUILLAN,ORREN J', checkName),
  define('SEX', 'sex', 1, 'M', codes(SEX_CODES, 'a sex code')),
  define('RAC', 'race', 1, 'W', codes(RACE_CODES, 'a race code')),
  define('DOB', `date of birth (${DATE})`, 8, '19800115', checkDate),
  define('HGT', "height (510 = 5'10\")", 3, '510', checkHeight),
  define('WGT', 'weight in pounds', 3, '175', checkWeight),
  define('EYE', 'eye colour', 3, 'BRO', codes(EYE_CODES, 'an eye colour code')),
  define('HAI', 'hair colour', 3, 'BLK', codes(HAIR_CODES, 'a hair colour code')),
  define('SOC', 'social security number', 9, '123456789', checkSocial),
  define('FBI', 'FBI number', 9, '123456AB1', pattern(/^[0-9A-Z]{1,9}$/, '1-9 letters or digits')),
  define('SID', 'state identification number', 10, 'A12345678', checkStateIdentifier),
  define('OLN', "operator's licence number", 20, 'D1234567', pattern(/^[0-9A-Z]{1,20}$/, '1-20 letters or digits')),
  define('OLS', "operator's licence state", 2, 'CA', checkStateCode),
  define('MIS', 'miscellaneous remarks', 200, 'SUBJECT MAY BE ARMED', checkRemarks),
  // vehicle
  define('LIC', 'licence plate number', 10, '8ABC123', pattern(/^[0-9A-Z]{1,10}$/, '1-10 letters or digits')),
  define('LIS', 'licence plate state', 2, 'CA', checkStateCode),
  define('LIY', 'licence plate year of expiry', 4, '2027', checkYear),
  define('LIT', 'licence plate type', 2, 'PC', codes(PLATE_TYPE_CODES, 'a plate type code')),
  define('VIN', 'vehicle identification number', 17, '1M8GDM9AXKP042788', checkVin),
  define('VYR', 'vehicle model year', 4, '2019', checkYear),
  define('VMA', 'vehicle make', 4, 'TOYT', pattern(/^[A-Z]{2,4}$/, 'a 2-4 letter make code (TOYT)')),
  define('VMO', 'vehicle model', 3, 'CAM', pattern(/^[0-9A-Z]{1,3}$/, 'a 1-3 character model code (CAM)')),
  define('VST', 'vehicle style', 2, '4D', pattern(/^[0-9A-Z]{2}$/, 'a 2-character style code (4D)')),
  define('VCO', 'vehicle colour (top/bottom)', 7, 'SIL', checkColor),
  define('DOT', `date of theft (${DATE})`, 8, '20260310', checkDate),
  // gun, article, boat
  define('SER', 'serial number', 20, 'TX12345', pattern(/^[0-9A-Z](?:[0-9A-Z-]*[0-9A-Z])?$/, 'letters, digits and inner hyphens')),
  define('MAK', 'make', 23, 'SMITH & WESSON', checkShortText),
  define('CAL', 'calibre or gauge', 5, '357', pattern(/^[0-9]{1,3}(?:MM|GA)?$/, 'digits, optionally MM or GA (38, 357, 9MM, 12GA)')),
  define('MOD', 'model', 20, 'M686', checkShortText),
  define('TYP', 'type code', 7, 'RV', pattern(/^[0-9A-Z]{2,7}$/, 'a 2-7 character type code')),
  define('BHN', 'boat hull number', 20, 'ABC12345D607', pattern(/^[0-9A-Z]{1,20}$/, '1-20 letters or digits')),
  define('REG', 'boat registration number', 10, 'CF1234AB', pattern(/^[A-Z]{2}[0-9A-Z]{1,8}$/, 'two letters then up to 8 letters or digits (CF1234AB)')),
  // protection orders
  define('PNO', 'protected person name (LAST,FIRST MIDDLE)', 30, 'MARLOWE,TESSA', checkName),
  define('PDB', `protected person date of birth (${DATE})`, 8, '19850704', checkDate),
  define('POT', 'protection order type', 4, 'DVRO', codes(ORDER_TYPE_CODES, 'an order type')),
  define('ISD', `date the order was issued (${DATE})`, 8, '20260102', checkDate),
  define('EXP', `date the order expires (${DATE})`, 8, '20290102', checkDate),
  define('CRT', 'issuing court', 60, 'SAN DIEGO SUPERIOR COURT', checkShortText),
  define('CND', 'order conditions', 200, 'STAY AWAY 100 YARDS NO CONTACT', checkRemarks),
  define('BRD', 'firearm prohibition (Brady) indicator', 1, 'Y', codes(YES_NO_CODES, 'Y or N')),
  define('PCO', 'protection order conditions (NCIC PCO codes, blank-separated)', 26, '01 05 07', checkConditionCodes),
  define('SRV', `date the order was served on the restrained person (${DATE})`, 8, '20261105', checkDate),
  // locate, clear, validation
  define('DOL', `date of locate (${DATE})`, 8, '20261101', checkDate),
  define('LCA', "locating agency's case number", 20, '26-DSD-0042', pattern(/^[0-9A-Z](?:[0-9A-Z-]*[0-9A-Z])?$/, 'letters, digits and inner hyphens')),
  define('DCL', `date of clear (${DATE})`, 8, '20261102', checkDate),
  define('VLN', 'name of the person who validated the record (LAST,FIRST MIDDLE)', 30, 'OSTRANDER,PELL', checkName),
  define('VLO', 'ORI whose records a validation list lists (the state control point only)', 9, 'CA0190000', pattern(/^[A-Z]{2}[0-9A-Z]{7}$/, 'a 2-letter state code and 7 letters or digits (CA0194200)')),
  define('VLS', 'validation list selection (A all needing action, U not checked, D due, O overdue)', 1, 'A', codes(VALIDATION_LIST_CODES, 'a list selection')),
  // missing persons and supplemental identifiers
  define('MNP', 'missing person category', 1, 'J', codes(MISSING_CATEGORY_CODES, 'a missing person category')),
  define('DLC', `date of last contact (${DATE})`, 8, '20261030', checkDate),
  define('AKA', 'alias (LAST,FIRST MIDDLE)', 30, 'QUILL,OREN', checkName),
  define('POB', 'place of birth (state or country code)', 2, 'CA', pattern(/^[A-Z]{2}$/, 'a 2-letter state or country code')),
  define('CTZ', 'citizenship (country code)', 2, 'US', pattern(/^[A-Z]{2}$/, 'a 2-letter country code')),
  define('SKN', 'skin tone', 3, 'MED', codes(SKIN_TONE_CODES, 'a skin tone code')),
  define('SMT', 'scars, marks and tattoos (codes, comma-separated)', 60, 'TAT R ARM,SC L CHK', checkShortText),
  define('MNU', 'other identifying number (2-letter type, hyphen, number)', 15, 'AS-12345678', pattern(/^[A-Z]{2}-[0-9A-Z]{1,12}$/, 'a 2-letter type, a hyphen and the number (AS-12345678)')),
  // boats
  define('BLE', 'boat length in feet', 3, '21', pattern(/^[1-9][0-9]{0,2}$/, '1-3 digits, not starting with 0')),
  // warrants
  define('OFF', 'offense', 40, 'BURGLARY', checkShortText),
  define('WTY', 'warrant type', 1, 'F', codes(WARRANT_TYPE_CODES, 'a warrant type')),
  define('DOW', `date of warrant (${DATE})`, 8, '20260215', checkDate),
  define('EXL', 'extradition limit', 1, '1', codes(EXTRADITION_CODES, 'an extradition code')),
  // hit confirmation
  define('PRI', 'confirmation priority', 1, 'U', codes(PRIORITY_CODES, 'a priority')),
  define('RNO', 'request number (1 first, 2 and 3 follow-ups)', 1, '1', pattern(/^[1-3]$/, '1, 2 or 3')),
  define('CNF', 'confirmation status', 1, 'Y', codes(CONFIRMATION_CODES, 'a confirmation status')),
  define('ABY', 'answer by (HHMM or CCYYMMDDHHMM)', 12, '1430', checkAnswerBy),
  define('AGN', "the sending agency's name (filled by its switch)", 60, 'LOS ANGELES COUNTY SHERIFF', checkShortText),
  define('TEL', "the sending agency's telephone (filled by its switch)", 20, '(213) 555-0161', pattern(/^[0-9()+ -]{7,20}$/, 'digits, spaces, ( ) + -')),
  // third-party release log (RL)
  define('ISN', 'input sequence number of one of your transactions (RL: today, this terminal)', 9, '12', pattern(/^[1-9][0-9]{0,8}$/, '1 to 9 digits, not starting with 0')),
  define('RQN', 'name of the person the information was given to', 60, 'JUDGE A MERCER', checkShortText),
  define('RQA', 'agency the information was given to (name or ORI)', 60, 'SUPERIOR COURT OF LOS ANGELES', checkShortText),
  define('HOW', 'how it was transmitted', 2, 'FX', codes(TRANSMISSION_CODES, 'a transmission code')),
  define('INF', 'what was given, when not every record of the answer', 200, 'CORI SUMMARY ONLY', checkRemarks),
  // the operator's message log (LOG)
  define('LNO', 'message log entry number', 12, '345', pattern(/^[1-9][0-9]{0,11}$/, '1 to 12 digits, not starting with 0')),
  define('FND', 'text to find in the message log', 60, 'KORVALE', checkRemarks),
  define('PAG', 'page of the message log listing', 4, '2', pattern(/^[1-9][0-9]{0,3}$/, '1 to 4 digits, not starting with 0')),
  // administrative messages
  define('CAU', 'officer-safety caution, shown first', 200, 'SUBJECT KNOWN TO CARRY A KNIFE', checkRemarks),
  define('TXT', 'message text (last; periods allowed)', 4000, 'ATTEMPT TO LOCATE GRAY SEDAN. PLATE 8ABC123.', checkMessageText),
];

/** Every field tag the catalogue uses, with its edit. */
export const FIELDS: ReadonlyMap<string, FieldDefinition> = new Map(DEFINITIONS.map((definition) => [definition.tag, definition]));

/** The tag of the free-text field that ends a mnemonic line (it may contain periods). */
export const TEXT_TAG = 'TXT';

/** The field definition of a tag, or undefined. */
export function fieldDefinition(tag: string): FieldDefinition | undefined {
  return FIELDS.get(tag);
}
