import { describe, expect, it } from 'vitest';
import { CletsError } from '@clets/protocol';
import { parsePasswordHash, PasswordHasher } from './password.js';
import { testSettings } from '../testing/security.js';

const cost = testSettings().passwords.scrypt;

describe('PasswordHasher', () => {
  it('stores a salted, self-describing scrypt hash and verifies it', async () => {
    const hasher = new PasswordHasher({ cost, maxConcurrent: 2, maxQueued: 10 });
    const first = await hasher.hash('Correct-Horse-9');
    const second = await hasher.hash('Correct-Horse-9');
    expect(first).toMatch(/^\$scrypt\$ln=4,r=1,p=1\$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('Correct-Horse-9');
    expect(await hasher.verify('Correct-Horse-9', first)).toBe(true);
    expect(await hasher.verify('Correct-Horse-8', first)).toBe(false);
    expect(parsePasswordHash(first)).toMatchObject({ cost: 16, blockSize: 1, parallelization: 1 });
  });

  it('answers false for a missing or foreign hash after doing the same work', async () => {
    const hasher = new PasswordHasher({ cost, maxConcurrent: 2, maxQueued: 10 });
    expect(await hasher.verify('anything', null)).toBe(false);
    expect(await hasher.verify('anything', 'plain-text-password')).toBe(false);
  });

  it('keeps verifying a hash made with another cost, and says it needs a rehash', async () => {
    const old = new PasswordHasher({ cost: { ...cost, cost: 32 }, maxConcurrent: 1, maxQueued: 10 });
    const hash = await old.hash('Correct-Horse-9');
    const hasher = new PasswordHasher({ cost, maxConcurrent: 2, maxQueued: 10 });
    expect(await hasher.verify('Correct-Horse-9', hash)).toBe(true);
    expect(hasher.needsRehash(hash)).toBe(true);
    expect(hasher.needsRehash(await hasher.hash('x'))).toBe(false);
  });

  it('caps concurrent hashes and refuses beyond the queue limit', async () => {
    const hasher = new PasswordHasher({ cost, maxConcurrent: 1, maxQueued: 2 });
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => hasher.hash('Correct-Horse-9')));
    const refused = results.filter((result) => result.status === 'rejected');
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(3);
    expect(refused.map((result) => ((result as PromiseRejectedResult).reason as CletsError).code)).toEqual(['CLETS_ERR_OVERLOADED', 'CLETS_ERR_OVERLOADED']);
    expect(hasher.queued).toBe(0);
  });

  it('hashes each demo password once, and seeds any number of them past the login queue limit', async () => {
    const hasher = new PasswordHasher({ cost, maxConcurrent: 1, maxQueued: 0 });
    expect(await hasher.hashDemo('Demo-Pass-1001!')).toBe(await hasher.hashDemo('Demo-Pass-1001!'));
    const hashes = await Promise.all(Array.from({ length: 20 }, (_, index) => hasher.hashDemo(`Demo-Pass-${2000 + index}!`)));
    expect(new Set(hashes).size).toBe(20);
  });
});
