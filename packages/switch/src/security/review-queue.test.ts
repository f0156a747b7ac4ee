import { describe, expect, it } from 'vitest';
import { CletsError } from '@clets/protocol';
import { ReviewQueue } from './review-queue.js';
import { openSecurityDatabase } from './security-database.js';

describe('ReviewQueue', () => {
  it('adds, lists by filter and closes items once', () => {
    const queue = new ReviewQueue(openSecurityDatabase(':memory:'));
    const first = queue.add({ at: 1_000, operatorId: 'OP1002', ori: 'CA0190000', kind: 'self-query', detail: 'own record', auditSeq: 7, refused: true });
    queue.add({ at: 2_000, operatorId: 'OP1001', ori: 'CA0190000', kind: 'watch-list', detail: 'P0000011', auditSeq: 9 });
    queue.add({ at: 3_000, operatorId: 'OP2001', ori: 'CA0370000', kind: 'relative', detail: 'x' });
    expect(first).toMatchObject({ id: 1, status: 'open', refused: true, finding: null, auditSeq: 7 });
    expect(queue.list({ ori: 'CA0190000' }).map((item) => item.kind)).toEqual(['self-query', 'watch-list']);
    expect(queue.list({ from: 2_000, to: 3_000 }).map((item) => item.id)).toEqual([2]);
    const closed = queue.close(1, 'SUSTAINED: PERSONAL USE, COUNSELED', 'OP1010', 5_000);
    expect(closed).toMatchObject({ status: 'closed', finding: 'SUSTAINED: PERSONAL USE, COUNSELED', closedBy: 'OP1010', closedAt: 5_000 });
    expect(queue.list({ status: 'open' }).map((item) => item.id)).toEqual([2, 3]);
    expect(() => queue.close(1, 'again', 'OP1010', 6_000)).toThrow(CletsError);
    expect(() => queue.close(99, 'x', 'OP1010', 6_000)).toThrowError(/no such resource/);
  });
});
