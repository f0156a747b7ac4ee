import { describe, expect, it } from 'vitest';
import { CletsError } from '@clets/protocol';
import { checkPasswordPolicy, passwordProblems } from './banned-passwords.js';
import { CJIS_DEFAULT_SETTINGS } from './settings.js';

const rules = CJIS_DEFAULT_SETTINGS.passwords;
const context = { operatorId: 'OP1001', lastName: 'CASTELLEN', firstName: 'MIREN' };

describe('password policy', () => {
  it('accepts a long, unlisted password', () => {
    expect(passwordProblems('Gravel-Lantern-Orbit', context, rules)).toEqual([]);
    expect(passwordProblems('Demo-Pass-1001!', context, rules)).toEqual([]);
  });

  it.each([
    ['short7!', 'at least 8 characters'],
    ['password', 'on the list of banned passwords'],
    ['P@ssw0rd123!', 'on the list of banned passwords'],
    ['Clets123', 'on the list of banned passwords'],
    ['aaaaaaaaaa', 'a repeated character or a simple sequence'],
    ['12345678', 'on the list of banned passwords'],
    ['abcdefghij', 'a repeated character or a simple sequence'],
    ['my-op1001-secret', 'contains the operator id'],
    ['Castellen-2026-xyz', 'contains the operator\'s name'],
  ])('refuses %s: %s', (password, problem) => {
    expect(passwordProblems(password, context, rules)).toContain(problem);
  });

  it('throws CLETS_ERR_PASSWORD_POLICY naming the problems, never the password', () => {
    try {
      checkPasswordPolicy('op1001', context, rules);
      expect.unreachable();
    } catch (error) {
      expect((error as CletsError).code).toBe('CLETS_ERR_PASSWORD_POLICY');
      expect((error as Error).message).toMatch(/at least 8 characters; contains the operator id/);
      expect((error as Error).message).not.toMatch(/op1001(?! )/i);
    }
  });
});
