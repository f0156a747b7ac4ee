/**
 * The password policy applied when a password is set (CJIS: at least 8 characters if
 * user-chosen, checked against a list of banned passwords; NIST 800-63B: no composition
 * rules, no periodic change, but refuse known-bad and context-specific passwords).
 *
 * Returns every problem rather than the first, so the administrator sees them all at once.
 */
import { CletsError } from '@clets/protocol';
import type { CjisSettings } from './settings.js';

/** Who the password is for: context words it must not contain. */
export interface PasswordContext {
  readonly operatorId: string;
  readonly lastName?: string;
  readonly firstName?: string;
}

const SUBSTITUTIONS: Readonly<Record<string, string>> = { '0': 'o', '1': 'l', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', '$': 's', '!': 'i' };

/** Lower case, look-alike digits and symbols undone, trailing digits and symbols dropped: "P@ssw0rd123!" -> "password". */
function skeleton(password: string): string {
  const lower = password.toLowerCase().replace(/[^a-z0-9@$!]+$/g, '').replace(/[0-9!@$]+$/, '');
  return [...lower].map((char) => SUBSTITUTIONS[char] ?? char).join('');
}

function isOneRepeatedCharacter(password: string): boolean {
  return password.length > 0 && [...password].every((char) => char === password[0]);
}

/** 'abcdefgh', '12345678', '87654321': every character one step from the previous. */
function isSequence(password: string): boolean {
  if (password.length < 3) return false;
  const step = password.charCodeAt(1) - password.charCodeAt(0);
  if (Math.abs(step) !== 1) return false;
  for (let index = 2; index < password.length; index++) {
    if (password.charCodeAt(index) - password.charCodeAt(index - 1) !== step) return false;
  }
  return true;
}

/** The problems with a proposed password; empty when it may be used. */
export function passwordProblems(password: string, context: PasswordContext, settings: CjisSettings['passwords']): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < settings.minLength) problems.push(`at least ${settings.minLength} characters`);
  if (length > settings.maxLength) problems.push(`at most ${settings.maxLength} characters`);
  const lower = password.toLowerCase();
  const banned = new Set(settings.banned.map((entry) => entry.toLowerCase()));
  if (banned.has(lower) || banned.has(skeleton(password))) problems.push('on the list of banned passwords');
  if (isOneRepeatedCharacter(password) || isSequence(lower)) problems.push('a repeated character or a simple sequence');
  const id = context.operatorId.toLowerCase();
  if (id.length > 0 && lower.includes(id)) problems.push('contains the operator id');
  for (const name of [context.lastName, context.firstName]) {
    if (name !== undefined && name.length >= 3 && lower.includes(name.toLowerCase())) {
      problems.push('contains the operator\'s name');
      break;
    }
  }
  return problems;
}

/** Throws CLETS_ERR_PASSWORD_POLICY naming every problem (never the password itself). */
export function checkPasswordPolicy(password: string, context: PasswordContext, settings: CjisSettings['passwords']): void {
  const problems = passwordProblems(password, context, settings);
  if (problems.length > 0) throw new CletsError('CLETS_ERR_PASSWORD_POLICY', problems.join('; '), { field: 'password' });
}
