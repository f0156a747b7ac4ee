import { describe, expect, it } from 'vitest';
import { CletsError } from '@clets/protocol';
import { MisuseCases } from './misuse-cases.js';
import { ReviewQueue } from './review-queue.js';
import { openSecurityDatabase } from './security-database.js';

const ORI = 'CA0190000';
const evidence = { seq: 12, at: '2026-11-01T16:00:01.000Z', type: 'transaction', operatorId: 'OP1005', terminal: 'LA02', ori: ORI, messageKey: 'DQ', outcome: 'accepted', hash: 'a'.repeat(64) };

describe('MisuseCases', () => {
  it('keeps a case\'s life as its steps: opened, worked, closed with a finding and a sanction', () => {
    const cases = new MisuseCases(openSecurityDatabase(':memory:'));
    const opened = cases.open({ ori: ORI, operatorId: null, subject: 'KORVALE, DESMIN 19860412', source: 'complaint', allegation: 'SUBJECT SAYS A DEPUTY LOOKED HIM UP', by: 'OP1008', at: 1_000, auditSeq: 20 });
    expect(opened).toMatchObject({ id: 1, status: 'open', operatorId: null, finding: null, steps: [{ kind: 'opened', by: 'OP1008', auditSeq: 20 }] });
    cases.change(1, { operatorId: 'OP1005' }, { at: 2_000, by: 'OP1008', text: 'IDENTIFIED BY AUDIT SEARCH', auditSeq: 21 });
    cases.addStep(1, { at: 3_000, by: 'OP1008', kind: 'evidence', text: 'THE LOOK-UP', evidence: [evidence], reviewItemIds: [], auditSeq: 22 });
    const closed = cases.close(1, { finding: 'unfounded', sanction: 'none', summary: 'CASE DETECTIVE ASKED FOR IT', deactivation: null, by: 'OP1008', at: 4_000, auditSeq: 23 });
    expect(closed).toMatchObject({ status: 'closed', operatorId: 'OP1005', finding: 'unfounded', sanction: 'none', closedBy: 'OP1008', closedAt: 4_000, auditSeqs: [12] });
    expect(closed.steps.map((step) => step.kind)).toEqual(['opened', 'changed', 'evidence', 'closed']);
    expect(closed.steps.at(-1)?.text).toBe('UNFOUNDED; SANCTION NONE; CASE DETECTIVE ASKED FOR IT');
    // A closed case takes no more steps, changes or closings.
    for (const attempt of [
      () => cases.addStep(1, { at: 5_000, by: 'OP1008', kind: 'note', text: 'LATE', evidence: [], reviewItemIds: [], auditSeq: null }),
      () => cases.change(1, { subject: 'X' }, { at: 5_000, by: 'OP1008', text: 'LATE', auditSeq: null }),
      () => cases.close(1, { finding: 'substantiated', sanction: 'termination', summary: 'X', deactivation: null, by: 'OP1008', at: 5_000 }),
    ]) expect(attempt).toThrow(expect.objectContaining({ code: 'CLETS_ERR_RESOURCE_CONFLICT' }));
    expect(() => cases.addStep(9, { at: 5_000, by: 'OP1008', kind: 'note', text: 'X', evidence: [], reviewItemIds: [], auditSeq: null })).toThrow(CletsError);
  });

  it('never deletes a case or a step, and never changes a step', () => {
    const db = openSecurityDatabase(':memory:');
    const cases = new MisuseCases(db);
    cases.open({ ori: ORI, operatorId: 'OP1005', subject: 'X', source: 'complaint', allegation: 'Y', by: 'OP1008', at: 1 });
    expect(() => db.prepare('DELETE FROM misuse_cases').run()).toThrow(/never deleted/);
    expect(() => db.prepare('DELETE FROM misuse_case_steps').run()).toThrow(/never deleted/);
    expect(() => db.prepare("UPDATE misuse_case_steps SET text = 'ERASED'").run()).toThrow(/never changed/);
    expect(cases.get(1)?.steps[0]?.text).toBe('FROM A COMPLAINT: Y');
  });

  it('lists cases by agency, status, operator and year', () => {
    const cases = new MisuseCases(openSecurityDatabase(':memory:'));
    const open = (ori: string, operatorId: string, at: number) => cases.open({ ori, operatorId, subject: 'S', source: 'audit', allegation: 'A', by: 'OP1008', at });
    open(ORI, 'OP1005', Date.UTC(2025, 11, 31));
    open(ORI, 'OP1003', Date.UTC(2026, 0, 1));
    open('CA0190100', 'OP1030', Date.UTC(2026, 5, 1));
    expect(cases.list({ ori: ORI }).map((found) => found.id)).toEqual([1, 2]);
    expect(cases.list({ from: Date.UTC(2026, 0, 1), to: Date.UTC(2027, 0, 1) }).map((found) => found.id)).toEqual([2, 3]);
    expect(cases.list({ operatorId: 'OP1030', status: 'open' }).map((found) => found.id)).toEqual([3]);
  });

  it('attaches a review item to one case only, closing it with the case as its finding', () => {
    const db = openSecurityDatabase(':memory:');
    const queue = new ReviewQueue(db);
    const item = queue.add({ at: 1, operatorId: 'OP1005', ori: ORI, kind: 'colleague', detail: 'x' });
    const reviewed = queue.add({ at: 2, operatorId: 'OP1005', ori: ORI, kind: 'relative', detail: 'y' });
    queue.close(reviewed.id, 'NOT SUSTAINED', 'OP1008', 3);
    expect(queue.attachToCase(item.id, 4, 'OP1008', 5)).toMatchObject({ status: 'closed', caseId: 4, finding: 'ATTACHED TO MISUSE CASE 4', closedBy: 'OP1008' });
    expect(queue.attachToCase(reviewed.id, 4, 'OP1009', 6)).toMatchObject({ caseId: 4, finding: 'NOT SUSTAINED', closedBy: 'OP1008' });
    expect(() => queue.attachToCase(item.id, 5, 'OP1008', 7)).toThrow(expect.objectContaining({ code: 'CLETS_ERR_RESOURCE_CONFLICT' }));
  });
});
