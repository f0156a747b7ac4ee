/**
 * One zod schema per data file, checked against the record types of model.ts by the compiler
 * (each is a `z.ZodType` of its record). The reader runs every record through its file's
 * schema: a file that is not what the services expect fails at start, naming the file, the
 * record and the field, instead of answering wrongly later. Objects are strict: a field the
 * format does not know is refused, not carried along unseen.
 */
import { z } from 'zod';
import { AWARENESS_LEVELS, EXAM_LEVELS, OPERATOR_ROLES, TERMINAL_CLASSES } from '@clets/protocol';
import {
  AGENCY_KINDS, AGREEMENT_KINDS, CERTIFICATION_STATES, OUT_OF_STATE_CODES, PERSONNEL_KINDS,
  type Agency, type AgencyDetails, type Personnel, type Article, type ArrestCycle, type Boat, type CollectionName, type CollectionRecord, type CriminalHistory,
  type DriverLicense, type Gun, type MissingPerson, type Operator, type Person, type ProtectionOrder, type Registrant,
  type StolenVehicle, type SupervisedRelease, type Terminal, type Vehicle, type Warrant, type WatchListEntry,
} from './model.js';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const ncicDate = z.string().regex(/^\d{8}$/, 'must be CCYYMMDD');
const ori = z.string().regex(/^[A-Z]{2}[0-9A-Z]{7}$/, 'must be a 9-character ORI');
const stateCode = z.enum(['CA', ...OUT_OF_STATE_CODES]);
const text = z.string().min(1);
const name = z.strictObject({ last: text, first: text });

export const agencySchema: z.ZodType<Agency> = z.strictObject({
  ori, name: text, county: z.string(), countyCode: z.string().regex(/^\d{2}$/, 'must be 2 digits'), state: stateCode,
  kind: z.enum(AGENCY_KINDS), active: z.boolean(), switchId: text,
});

export const terminalSchema: z.ZodType<Terminal> = z.strictObject({
  mnemonic: z.string().regex(/^[A-Z0-9]{4}$/, 'must be 4 upper-case letters or digits'), ori, class: z.enum(TERMINAL_CLASSES),
  deviceSecret: text, allowedKeys: z.array(z.string()).optional(),
});

export const operatorSchema: z.ZodType<Operator> = z.strictObject({
  id: text, name, ori, role: z.enum(OPERATOR_ROLES), password: text, totpSecret: text,
  appointedOn: isoDate, trainedOn: isoDate, examTakenOn: isoDate, examScore: z.number().min(0).max(100),
  employeeStatementSignedOn: isoDate, dmvStatementSignedOn: isoDate, backgroundCheck: z.enum(['cleared', 'pending', 'failed']),
  deactivated: z.boolean(), homeAddress: z.strictObject({ street: z.string(), city: z.string(), zip: z.string() }),
  relatives: z.array(z.strictObject({ last: text, first: text, dob: ncicDate })), personId: text.optional(),
  certificationState: z.enum(CERTIFICATION_STATES),
  examLevel: z.enum(EXAM_LEVELS).optional(),
  securityAwareness: z.strictObject({ level: z.enum(AWARENESS_LEVELS), completedOn: isoDate }),
  liabilitySignedOn: isoDate.optional(),
});

export const personnelSchema: z.ZodType<Personnel> = z.strictObject({
  id: text, name, ori, kind: z.enum(PERSONNEL_KINDS), access: z.enum(['unescorted', 'logical']),
  backgroundCheck: z.enum(['cleared', 'pending', 'failed']), employeeStatementSignedOn: isoDate,
  securityAwareness: z.strictObject({ level: z.enum(AWARENESS_LEVELS), completedOn: isoDate }),
});

const contact = z.strictObject({ name: text, title: text, phone: text, email: text, operatorId: text.optional() });

export const agencyDetailsSchema: z.ZodType<AgencyDetails> = z.strictObject({
  ori, head: contact, acc: contact, spoc: contact, telephone: text,
  address: z.strictObject({ street: text, city: text, zip: z.string().regex(/^\d{5}$/, 'must be 5 digits') }),
  agreements: z.array(z.strictObject({ kind: z.enum(AGREEMENT_KINDS), party: text, signedOn: isoDate, renewsOn: isoDate })),
});

export const personSchema: z.ZodType<Person> = z.strictObject({
  id: text, last: text, first: text, middle: text.optional(), sex: z.enum(['M', 'F']), race: z.enum(['W', 'B', 'A', 'I', 'U']), dob: ncicDate,
  height: z.string(), weight: z.number(), eyes: z.enum(['BRO', 'BLU', 'GRN', 'HAZ', 'GRY', 'BLK']),
  hair: z.enum(['BRO', 'BLK', 'BLN', 'RED', 'GRY', 'WHI', 'BAL']), soc: z.string().optional(), fbi: z.string().optional(), sid: z.string().optional(),
  address: z.strictObject({ street: z.string(), city: z.string(), state: stateCode, zip: z.string() }), state: stateCode,
});

export const licenseSchema: z.ZodType<DriverLicense> = z.strictObject({
  oln: text, state: stateCode, personId: text, class: z.enum(['A', 'B', 'C', 'M1', 'M2']), status: z.enum(['VALID', 'SUSPENDED', 'REVOKED', 'EXPIRED']),
  issued: isoDate, expires: isoDate, restrictions: z.array(z.string()),
  suspensions: z.array(z.strictObject({ reason: text, from: isoDate, to: isoDate.optional() })),
});

export const vehicleSchema: z.ZodType<Vehicle> = z.strictObject({
  id: text, vin: z.string().length(17), plate: text, plateState: stateCode, plateType: z.enum(['PC', 'TK', 'MC', 'TL', 'CM']), year: z.number().int(),
  make: z.enum(['TOYT', 'HOND', 'FORD', 'CHEV', 'NISS', 'DODG', 'BMW', 'TESL', 'HMDE']), model: z.string(),
  style: z.enum(['4D', '2D', 'PK', 'SW', 'MC', 'VN', 'TL']), color: z.enum(['BLK', 'WHI', 'SIL', 'BLU', 'RED', 'GRY', 'GRN']),
  ownerPersonId: text, registrationExpires: isoDate, registrationStatus: z.enum(['CURRENT', 'EXPIRED']), stops: z.array(z.string()),
});

/** The fields every NCIC/state hot-file record has, and the file(s) it is in. */
const entryDetails = {
  enteredTime: z.string().regex(/^([01]\d|2[0-3])[0-5]\d$/, 'must be HHMM').optional(),
  identifiers: z.strictObject({ pob: z.string().regex(/^[A-Z]{2}$/), ctz: z.string().regex(/^[A-Z]{2}$/), skn: z.string().regex(/^[A-Z]{3}$/), smt: z.array(text) }).optional(),
};

const hotFile = <S extends string>(stateFile: S) => ({
  id: text, nic: z.string().regex(/^[A-Z]\d{9}$/, 'must be a file letter and 9 digits'), enteringOri: ori, oca: z.string(), enteredOn: isoDate,
  file: z.enum(['NCIC', stateFile, 'BOTH']), ...entryDetails,
});

export const warrantSchema: z.ZodType<Warrant> = z.strictObject({
  ...hotFile('WPS'), personId: text, offense: text, warrantType: z.enum(['FELONY', 'MISDEMEANOR']), extradition: z.enum(['FULL', 'LIMITED', 'IN-STATE ONLY']),
  issuedOn: isoDate, court: z.string(), bail: z.number().optional(), officerSafetyCaution: z.string().optional(),
});

export const stolenVehicleSchema: z.ZodType<StolenVehicle> = z.strictObject({ ...hotFile('SVS'), vehicleId: text, theftDate: isoDate });

export const gunSchema: z.ZodType<Gun> = z.strictObject({
  ...hotFile('AFS'), serial: text, make: z.string(), caliber: z.string(), model: z.string(),
  type: z.enum(['PISTOL', 'REVOLVER', 'RIFLE', 'SHOTGUN']), status: z.enum(['STOLEN', 'LOST', 'RECOVERED']),
});

export const articleSchema: z.ZodType<Article> = z.strictObject({
  ...hotFile('APS'), serial: text, type: z.string(), brand: z.string(), description: z.string(), theftDate: isoDate,
});

export const boatSchema: z.ZodType<Boat> = z.strictObject({
  ...hotFile('ABS'), hullNumber: text, registration: text, make: z.string(), length: z.number(), theftDate: isoDate,
});

export const protectionOrderSchema: z.ZodType<ProtectionOrder> = z.strictObject({
  ...hotFile('CARPOS'), restrainedPersonId: text, protectedPersons: z.array(z.strictObject({ last: text, first: text, dob: ncicDate })),
  orderType: z.enum(['DVRO', 'CHRO', 'EARO', 'WVRO', 'CPO', 'EPO']), issuedOn: isoDate, expiresOn: isoDate, court: z.string(),
  conditions: z.array(z.string()), served: z.boolean(),
});

const supervision = z.strictObject({ from: isoDate, to: isoDate, agency: ori });

const arrestCycleSchema: z.ZodType<ArrestCycle> = z.strictObject({
  arrestDate: isoDate, arrestingAgencyOri: ori,
  charges: z.array(z.strictObject({ code: text, description: text, level: z.enum(['F', 'M', 'I']) })),
  disposition: z.strictObject({ date: isoDate, result: z.enum(['CONVICTED', 'DISMISSED', 'ACQUITTED', 'PENDING']), sentence: z.string().optional() }).optional(),
  custody: z.strictObject({ facility: z.string(), from: isoDate, to: isoDate.optional() }).optional(),
  probation: supervision.optional(),
  parole: supervision.optional(),
});

export const criminalHistorySchema: z.ZodType<CriminalHistory> = z.strictObject({
  id: text, personId: text, sid: text, fbi: z.string().optional(), state: stateCode, cycles: z.array(arrestCycleSchema),
});

export const registrantSchema: z.ZodType<Registrant> = z.strictObject({
  id: text, personId: text, type: z.enum(['SEX', 'ARSON']), registeredOn: isoDate, lastUpdate: isoDate,
  status: z.enum(['COMPLIANT', 'IN VIOLATION']), registeringOri: ori,
});

export const missingPersonSchema: z.ZodType<MissingPerson> = z.strictObject({
  ...hotFile('MPS'), personId: text, category: z.enum(['JUVENILE', 'ENDANGERED', 'INVOLUNTARY', 'DISABILITY', 'CATASTROPHE', 'OTHER']), missingSince: isoDate,
});

export const supervisedReleaseSchema: z.ZodType<SupervisedRelease> = z.strictObject({
  id: text, nic: z.string().regex(/^[A-Z]\d{9}$/, 'must be a file letter and 9 digits'), enteringOri: ori, oca: z.string(), enteredOn: isoDate,
  personId: text, type: z.enum(['PROBATION', 'PAROLE', 'PRETRIAL']), agency: ori, officer: z.string(), until: isoDate, ...entryDetails,
});

export const watchListEntrySchema: z.ZodType<WatchListEntry> = z.strictObject({
  personId: text, reason: z.enum(['PUBLIC OFFICIAL', 'MEDIA FIGURE', 'ATHLETE', 'ENTERTAINER', 'BUSINESS LEADER']),
});

/** The schema of each collection's records. */
export const RECORD_SCHEMAS: { readonly [N in CollectionName]: z.ZodType<CollectionRecord<N>> } = {
  agencies: agencySchema,
  terminals: terminalSchema,
  operators: operatorSchema,
  persons: personSchema,
  licenses: licenseSchema,
  vehicles: vehicleSchema,
  warrants: warrantSchema,
  stolenVehicles: stolenVehicleSchema,
  guns: gunSchema,
  articles: articleSchema,
  boats: boatSchema,
  protectionOrders: protectionOrderSchema,
  criminalHistories: criminalHistorySchema,
  registrants: registrantSchema,
  missingPersons: missingPersonSchema,
  supervisedReleases: supervisedReleaseSchema,
  watchlist: watchListEntrySchema,
  personnel: personnelSchema,
  agencyRecords: agencyDetailsSchema,
};
