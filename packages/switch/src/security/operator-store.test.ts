import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { deviceSecretMatches, OperatorStore } from './operator-store.js';
import { openSecurityDatabase } from './security-database.js';
import { demoFixtures, testHasher } from '../testing/security.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('OperatorStore', () => {
  it('seeds once from the fixtures, hashes demo passwords, and keeps administrative changes across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clets-security-'));
    dirs.push(dir);
    const path = join(dir, 'security.db');
    const fixtures = await demoFixtures();
    const seed = {
      agencies: fixtures.agencies.filter((agency) => agency.switchId === 'county-19'),
      terminals: fixtures.terminals.filter((terminal) => terminal.ori.startsWith('CA019')),
      operators: fixtures.operators.filter((operator) => operator.ori.startsWith('CA019')),
    };
    const db = openSecurityDatabase(path);
    const store = new OperatorStore(db, () => 1_000);
    expect(await store.seed(seed, testHasher())).toEqual({ operators: 42, terminals: seed.terminals.length, agencies: 7 });
    const op = store.operator('OP1001')!;
    expect(op.passwordHash).toMatch(/^\$scrypt\$/);
    expect(JSON.stringify(store.operators())).not.toContain('Demo-Pass-');
    expect(deviceSecretMatches(seed.terminals[0]!.deviceSecret, store.terminal(seed.terminals[0]!.mnemonic)!.secretDigest)).toBe(true);
    expect(deviceSecretMatches('nope', store.terminal(seed.terminals[0]!.mnemonic)!.secretDigest)).toBe(false);
    store.updateOperator('OP1001', { role: 'LTFAO', examScore: 71 });
    db.close();

    const reopened = openSecurityDatabase(path);
    const again = new OperatorStore(reopened, () => 2_000);
    const hash = vi.spyOn(testHasher(), 'hashDemo');
    expect(await again.seed(seed, testHasher())).toEqual({ operators: 0, terminals: 0, agencies: 0 });
    expect(hash).not.toHaveBeenCalled();
    expect(again.operator('OP1001')).toMatchObject({ role: 'LTFAO', examScore: 71, updatedAt: 1_000 });
    hash.mockRestore();
    reopened.close();
  });

  it('refuses a second operator with the same id', async () => {
    const store = new OperatorStore(openSecurityDatabase(':memory:'));
    const record = {
      id: 'OP9001', ori: 'CA0190000', role: 'FAO' as const, name: { last: 'A', first: 'B' }, passwordHash: null, passwordChangedAt: null,
      totpSecret: null, totpLastStep: null, lockout: { failures: [], lockedAt: null }, deactivated: false, backgroundCheck: 'cleared' as const,
      appointedOn: '2020-01-01', trainedOn: null, examTakenOn: null, examScore: null, employeeStatementSignedOn: null, dmvStatementSignedOn: null,
      examLevel: null, securityAwareness: null, liabilitySignedOn: null, personId: null, homeAddress: null, relatives: [],
    };
    expect(store.createOperator(record)?.id).toBe('OP9001');
    expect(store.createOperator(record)).toBeUndefined();
    expect(store.updateOperator('OP0000', { role: 'FAO' })).toBeUndefined();
  });
});
