/**
 * The pieces of the administration API's schemas that several resources share: the fields
 * (an ORI, an operator id, a calendar date, a role...), and how an operator and a terminal
 * are shown (never a password hash, TOTP secret or device secret digest).
 */
import { z } from 'zod';
import { OPERATOR_ROLES, TERMINAL_CLASSES } from '@clets/protocol';
import { accessLapse, dayOf, lapseDates } from '../../security/certification.js';
import type { CjisSecurity } from '../../security/cjis-security.js';
import type { OperatorRecord, TerminalRecord } from '../../security/operator-store.js';

/** 'YYYY-MM-DD', and a day of the calendar. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD').refine((value) => {
  try {
    return new Date(dayOf(value) * 86_400_000).toISOString().startsWith(value);
  } catch {
    return false;
  }
}, 'not a calendar date');
export const ori = z.string().regex(/^[A-Z]{2}[0-9A-Z]{7}$/, 'an ORI: 2 letters and 7 letters or digits');
export const operatorId = z.string().regex(/^[A-Z0-9]{2,16}$/, '2-16 upper-case letters or digits');
export const role = z.enum(OPERATOR_ROLES);
export const terminalClass = z.enum(TERMINAL_CLASSES);
/** Text kept upper case, as NCIC prints it. */
export const upperText = (max: number) => z.string().trim().min(1).max(max).transform((value) => value.toUpperCase());

/** An operator as the API shows it: no password hash, TOTP secret or step; lockout and certification status. */
export function operatorView(record: OperatorRecord, security: Pick<CjisSecurity, 'policy' | 'settings'>, now: number) {
  const { passwordHash, totpSecret, totpLastStep: _step, lockout: _lockout, ...rest } = record;
  const lapse = accessLapse(record, now, security.settings.certification);
  return {
    ...rest,
    passwordSet: passwordHash !== null,
    secondFactorEnrolled: totpSecret !== null,
    lockout: security.policy.lockoutStatus(record.id, now),
    certification: {
      current: lapse === undefined,
      lapse: lapse === undefined ? null : { code: lapse.code, detail: lapse.detail },
      lapsesOn: lapseDates(record, security.settings.certification),
    },
  };
}

const day = z.string().describe('YYYY-MM-DD');

export const operatorViewSchema = z.looseObject({
  id: z.string(), ori: z.string(), role, name: z.object({ last: z.string(), first: z.string() }), deactivated: z.boolean(),
  passwordSet: z.boolean(), secondFactorEnrolled: z.boolean(),
  lockout: z.object({ locked: z.boolean(), failures: z.number().int(), unlocksAt: z.number().optional().describe('epoch ms, while locked') }),
  certification: z.object({
    current: z.boolean(), lapse: z.object({ code: z.string(), detail: z.string() }).nullable(),
    lapsesOn: z.looseObject({ exam: day.nullable(), employeeStatement: day.nullable(), dmvStatement: day.nullable() }),
  }),
  backgroundCheck: z.enum(['cleared', 'pending', 'failed']),
  appointedOn: day, trainedOn: day.nullable(), examTakenOn: day.nullable(), examScore: z.number().nullable(),
  employeeStatementSignedOn: day.nullable(), dmvStatementSignedOn: day.nullable(),
  /** What the misuse checks compare an inquiry's subject with (security/misuse.ts). */
  personId: z.string().nullable(),
  homeAddress: z.looseObject({ street: z.string(), zip: z.string() }).nullable(),
  relatives: z.array(z.looseObject({ last: z.string(), first: z.string(), dob: z.string() })),
  passwordChangedAt: z.number().nullable().describe('epoch ms'), createdAt: z.number().describe('epoch ms'), updatedAt: z.number().describe('epoch ms'),
}).meta({ title: 'Operator', description: 'An operator as the administration API shows one: never a password hash, TOTP secret or step' });

export function terminalView(terminal: TerminalRecord) {
  const { secretDigest, ...rest } = terminal;
  return { ...rest, deviceSecretSet: secretDigest !== null };
}

export const terminalViewSchema = z.looseObject({
  mnemonic: z.string(), ori: z.string(), terminalClass, certificateSubject: z.string().nullable(),
  allowedKeys: z.array(z.string()).nullable().describe('null: every key'), active: z.boolean(), deviceSecretSet: z.boolean(),
  registeredAt: z.number().describe('epoch ms'),
}).meta({ title: 'Terminal', description: 'A terminal as the administration API shows one: never its device secret or digest' });

/** A TOTP secret given once, to whoever created or reset it. */
export const secondFactorSchema = z.object({ method: z.literal('TOTP'), secret: z.string(), uri: z.string() })
  .meta({ title: 'SecondFactor', description: 'A TOTP secret (RFC 6238, base32) and its otpauth URI, given this once' });
