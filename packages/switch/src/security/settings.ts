/**
 * Every rule of the CJIS security policy as one setting, with the CJIS value as its default
 * (docs/domain.md sections 2, 3 and 6). One strict schema, parsed once and frozen: an agency that
 * runs a stricter or a documented looser rule changes a value here, not code.
 *
 * Durations are milliseconds, certificate periods whole years or months (they are calendar
 * rules: "valid through the same date two years later").
 */
import { z } from 'zod';
import { AWARENESS_LEVELS, OPERATOR_ROLES, TERMINAL_CLASSES } from '@clets/protocol';

const terminalClass = z.enum(TERMINAL_CLASSES);
const role = z.enum(OPERATOR_ROLES);
/** What a role may do at a terminal: update and inquire, inquire only, or nothing. */
const terminalAccess = z.enum(['full', 'inquiry', 'none']);
const positiveMs = z.number().int().positive();
const awarenessLevel = z.enum(AWARENESS_LEVELS);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Reasons that say nothing about why this inquiry was needed (docs/domain.md section 3: a route-to that does not say why is not compliant). */
export const DEFAULT_VAGUE_REASONS = [
  'INVESTIGATION', 'INVESTIGATE', 'CHECK', 'CHECKING', 'INFO', 'INFORMATION', 'INQUIRY', 'INQ', 'ROUTINE',
  'RANDOM', 'QUERY', 'LOOKUP', 'LOOK UP', 'REQUEST', 'GENERAL', 'MISC', 'OTHER', 'NA', 'N/A', 'NONE', 'UNKNOWN',
  'OFFICIAL BUSINESS', 'LAW ENFORCEMENT', 'LE', 'WORK', 'JOB',
] as const;

/** Words that add nothing to a reason; a reason made only of these and vague words is vague. */
export const DEFAULT_FILLER_WORDS = ['A', 'AN', 'THE', 'FOR', 'OF', 'ON', 'TO', 'AND', 'PER', 'RE', 'REQ', 'SUBJ', 'SUBJECT', 'PERSON'] as const;

/**
 * Words of a route-to reason that say it is for licensing, a permit or employment: with a
 * criminal-justice purpose code they are flagged (misuse.ts, `purposeMismatch`). Whole words;
 * LICENSE alone is left out, since "DRIVING ON A SUSPENDED LICENSE" is a criminal-justice reason.
 */
export const DEFAULT_LICENSING_WORDS = [
  'LICENSING', 'PERMIT', 'PERMITS', 'CCW', 'APPLICANT', 'APPLICANTS', 'APPLICATION', 'EMPLOYMENT', 'PREEMPLOYMENT',
  'HIRING', 'HIRE', 'CERTIFICATION', 'ADOPTION',
] as const;

/** A short banned-password list; the full rules are in banned-passwords.ts. */
export const DEFAULT_BANNED_PASSWORDS = [
  'password', 'password1', 'password123', 'passw0rd', 'p@ssw0rd', 'p@ssword', '12345678', '123456789', '1234567890',
  '87654321', 'qwertyui', 'qwerty123', 'qwertyuiop', 'iloveyou', 'letmein1', 'welcome1', 'welcome123', 'changeme',
  'changeme1', 'abc12345', 'abcd1234', 'admin123', 'administrator', 'football', 'baseball', 'sunshine', 'trustno1',
  'monkey123', 'dragon123', 'superman', 'starwars', 'whatever', 'princess', 'computer', 'michael1', 'shadow12',
  'clets123', 'cletspass', 'cletsuser', 'sheriff1', 'police123', 'police01', 'dispatch1', 'deputy123', 'officer1',
  'california', 'calif123', 'justice1', 'ncic1234', 'badge123', 'summer2026', 'winter2026', 'spring2026', 'autumn2026',
] as const;

export const cjisSettingsSchema = z.strictObject({
  roles: z.strictObject({
    /**
     * docs/domain.md section 2: FAO inquiries and updates, LTFAO inquiries only; practitioners see CLETS
     * information but operate no terminal; administrators, ACCs and SPOCs manage and are not
     * operators by default. An agency whose coordinator also types inquiries sets `ACC: 'inquiry'`.
     */
    terminalAccess: z.strictObject({
      FAO: terminalAccess.default('full'),
      LTFAO: terminalAccess.default('inquiry'),
      PRACTITIONER: terminalAccess.default('none'),
      ADMINISTRATOR: terminalAccess.default('none'),
      ACC: terminalAccess.default('none'),
      SPOC: terminalAccess.default('none'),
    }).prefault({}),
    /**
     * Who may use the administration API (ACCs and SPOCs only for their own agency; a SPOC only
     * the routes that name the role: security incidents, the audit reads).
     */
    administrators: z.array(role).default(['ADMINISTRATOR', 'ACC', 'SPOC']),
    /** Sending an AM to ALL or to a whole county needs this access (the sources are silent: documented choice). */
    broadcastAccess: z.enum(['full', 'inquiry']).default('full'),
  }).prefault({}),

  terminals: z.strictObject({
    /** CJIS session lock: patrol-car devices, dispatch terminals in a secure location and receive-only terminals are exempt. */
    idleLockExempt: z.array(terminalClass).default(['mobile', 'dispatch', 'receive_only']),
    /** Classes on which the operator's second factor is asked (CJIS AAL2: all). */
    secondFactorRequired: z.array(terminalClass).default([...TERMINAL_CLASSES]),
    /** A verified client certificate whose subject is the terminal's registered one replaces the device secret. */
    acceptCertificateSubject: z.boolean().default(true),
  }).prefault({}),

  passwords: z.strictObject({
    /** CJIS: at least 8 characters when user-chosen. */
    minLength: z.number().int().min(8).default(8),
    /** NIST 800-63B: allow at least 64. */
    maxLength: z.number().int().min(64).default(128),
    banned: z.array(z.string().min(1)).default([...DEFAULT_BANNED_PASSWORDS]),
    /**
     * scrypt cost (OWASP: N=2^17, r=8, p=1, about 0.5 s and 128 MiB a hash here). Tests use a
     * tiny cost. A stored hash carries its own cost, so changing these only affects new hashes.
     */
    scrypt: z.strictObject({
      cost: z.number().int().min(2).refine((n) => (n & (n - 1)) === 0, 'must be a power of two').default(2 ** 17),
      blockSize: z.number().int().min(1).default(8),
      parallelization: z.number().int().min(1).default(1),
      /** Bytes scrypt may use; must exceed 128 * cost * blockSize. */
      maxmem: z.number().int().positive().default(256 * 1024 * 1024),
      keyLength: z.number().int().min(32).default(64),
      saltLength: z.number().int().min(16).default(16),
    }).prefault({}),
    /** Hashes computed at once (each holds `maxmem` and a libuv thread). */
    maxConcurrentHashes: z.number().int().min(1).default(2),
    /** Logins waiting for a hash slot beyond this are refused (CLETS_ERR_OVERLOADED). */
    maxQueuedHashes: z.number().int().min(0).default(64),
  }).prefault({}),

  lockout: z.strictObject({
    /** CJIS: 5 consecutive invalid attempts... */
    maxFailures: z.number().int().min(1).default(5),
    /** ...within 15 minutes lock the account. */
    windowMs: positiveMs.default(15 * MINUTE),
    /**
     * v5.8: locked for 10 minutes; v5.9.5: until an administrator releases it. Default: the
     * current policy (v5.9.5).
     */
    unlock: z.enum(['auto-after-10-minutes', 'administrator-only']).default('administrator-only'),
    /** How long an automatic lock lasts. */
    autoUnlockAfterMs: positiveMs.default(10 * MINUTE),
    /** Unknown operator ids tracked for lockout (so they answer as known ones do), at most. */
    unknownIdsTracked: z.number().int().min(0).default(10_000),
  }).prefault({}),

  secondFactor: z.strictObject({
    /** TOTP steps accepted either side of now (clock drift). */
    windowSteps: z.number().int().min(0).max(4).default(1),
    /** A login waiting for its second factor expires after this. */
    pendingTimeoutMs: positiveMs.default(2 * MINUTE),
  }).prefault({}),

  sessions: z.strictObject({
    /** CJIS session lock after 30 minutes idle. */
    idleLockMs: positiveMs.default(30 * MINUTE),
    /** CJIS: network connection dropped after 1 hour idle (non-exempt classes). */
    idleDisconnectMs: positiveMs.default(HOUR),
    /** CJIS: re-authenticate at least every 12 hours. */
    reauthenticateAfterMs: positiveMs.default(12 * HOUR),
    /**
     * CJIS: one active session per user "unless a documented need". 'refuse-new' refuses a
     * second login; 'end-old' ends the first; 'allow' is the documented need (load tests).
     */
    concurrent: z.enum(['refuse-new', 'end-old', 'allow']).default('refuse-new'),
  }).prefault({}),

  certification: z.strictObject({
    /** Proficiency/recertification exam every 2 years... */
    examValidYears: z.number().int().min(1).default(2),
    /** ...with at least 70 percent. */
    examPassMark: z.number().min(0).max(100).default(70),
    /** DMV confidentiality statement: annual. */
    dmvStatementValidYears: z.number().int().min(1).default(1),
    /** Employee/volunteer statement: biennial. */
    employeeStatementValidYears: z.number().int().min(1).default(2),
    /** Trained within 6 months of appointment. */
    trainingWithinMonths: z.number().int().min(1).default(6),
    /** Security awareness training for everyone with access (CJIS 5.2), checked on every message and at administration login. */
    securityAwarenessRequired: z.boolean().default(true),
    /** CJIS v5.9.5 AT-2: before access and annually; v5.8 said biennially (2). */
    securityAwarenessValidYears: z.number().int().min(1).default(1),
    /** The level each role trains at (CJIS 5.2 AT-3; the CLETS training: "test at appropriate level for access"). */
    securityAwarenessLevels: z.strictObject({
      FAO: awarenessLevel.default('general'),
      LTFAO: awarenessLevel.default('general'),
      PRACTITIONER: awarenessLevel.default('general'),
      ADMINISTRATOR: awarenessLevel.default('privileged'),
      ACC: awarenessLevel.default('privileged'),
      SPOC: awarenessLevel.default('security'),
    }).prefault({}),
    /** Roles that sign the NCIC "Areas of Liability" packet (seed 001: administrators), checked at administration login. */
    liabilitySignOffRoles: z.array(role).default(['ADMINISTRATOR']),
    /** Sources silent: renewed with the biennial recertification, as the operators' exam is. */
    liabilitySignOffValidYears: z.number().int().min(1).default(2),
  }).prefault({}),

  routeTo: z.strictObject({
    /** Reasons refused as too vague (compared upper case, blanks collapsed). */
    vagueReasons: z.array(z.string().min(1)).default([...DEFAULT_VAGUE_REASONS]),
    fillerWords: z.array(z.string().min(1)).default([...DEFAULT_FILLER_WORDS]),
    /**
     * A reason with fewer letters than this says nothing ("X", "DUI"): CORI audits find the
     * route-to not compliant when it does not state why (docs/domain.md section 3). Six letters let one
     * specific word through ("STOLEN"), not an initial or an abbreviation alone.
     */
    minReasonLetters: z.number().int().min(1).default(6),
    /**
     * A reason needs one word of at least this many letters that is neither filler nor a
     * vague word: "X Y Z Q R S" has six letters and no word.
     */
    minWordLetters: z.number().int().min(1).default(3),
    /** "Case number is best": a case number or a documented reason there is none. */
    caseNumberRequired: z.boolean().default(true),
  }).prefault({}),

  purposeCodes: z.strictObject({
    /** Federal-only criminal-history purpose codes: a state or local agency using one is refused. */
    federalOnly: z.array(z.string().length(1)).default(['S', 'V', 'X', 'R']),
    known: z.array(z.string().length(1)).default(['C', 'J', 'D', 'F', 'H', 'I', 'A', 'S', 'V', 'X', 'R']),
  }).prefault({}),

  misuse: z.strictObject({
    /** Transactions by one operator in one clock hour beyond which the hour is flagged (sources silent). */
    unusualVolumePerHour: z.number().int().min(1).default(150),
    watchList: z.boolean().default(true),
    relatives: z.boolean().default(true),
    homeAddress: z.boolean().default(true),
    /** Vehicles registered to the operator count as a self-query (a DMV look-up for personal reasons). */
    ownVehicleIsSelfQuery: z.boolean().default(true),
    /** A subject who is an employee of the operator's own agency (a colleague asked to be looked up). */
    colleague: z.boolean().default(true),
    /**
     * Seed 001: criminal history for licensing, employment or certification (CCW permits) is
     * prohibited under a criminal-justice purpose. A purpose code of `codes` with a reason
     * holding one of `licensingWords` is flagged.
     */
    purposeMismatch: z.strictObject({
      enabled: z.boolean().default(true),
      codes: z.array(z.string().length(1)).default(['C']),
      licensingWords: z.array(z.string().min(1)).default([...DEFAULT_LICENSING_WORDS]),
    }).prefault({}),
    /** One operator acting from two source addresses at two terminals within `twoAddressesWindowMs` (sources silent). */
    twoAddresses: z.boolean().default(true),
    twoAddressesWindowMs: positiveMs.default(10 * MINUTE),
    /** An operator working a terminal of another agency (allowed: both agencies active), flagged once per session. */
    otherAgencyTerminal: z.boolean().default(true),
  }).prefault({}),

  misuseReport: z.strictObject({
    /** Seed 002: the annual misuse report is due every February 1; coordinators are reminded from this many days before, daily. */
    reminderDays: z.number().int().min(1).max(366).default(30),
    /** How often the switch looks for reminders to send (one per agency per day at most). */
    checkIntervalMs: positiveMs.default(HOUR),
  }).prefault({}),

  releaseLog: z.strictObject({
    /** Third-party release log kept at least 3 years. */
    retentionYears: z.number().int().min(3).default(3),
  }).prefault({}),
});

export type CjisSettings = z.infer<typeof cjisSettingsSchema>;
export type CjisSettingsInput = z.input<typeof cjisSettingsSchema>;

/** Parses settings, throwing one error that lists every problem with its path; the result is deep-frozen. */
export function parseCjisSettings(input: unknown = {}): CjisSettings {
  const result = cjisSettingsSchema.safeParse(input ?? {});
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`invalid security settings:\n${problems.join('\n')}`);
  }
  const settings = result.data;
  const memoryNeeded = 128 * settings.passwords.scrypt.cost * settings.passwords.scrypt.blockSize;
  if (settings.passwords.scrypt.maxmem <= memoryNeeded) {
    throw new Error(`invalid security settings:\n  passwords.scrypt.maxmem: must exceed 128 * cost * blockSize = ${memoryNeeded}`);
  }
  return deepFreeze(settings);
}

/** The CJIS defaults. */
export const CJIS_DEFAULT_SETTINGS: CjisSettings = parseCjisSettings({});

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
}
