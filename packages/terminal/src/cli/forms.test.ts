import { describe, expect, it } from 'vitest';
import { CATALOGUE, FIELDS, validateTransaction } from '@clets/protocol';
import { fieldExplanation, fieldQuestion, runForm } from './forms.js';
import { scriptedAsk } from './testing/scripted-ask.js';

const context = (say: (text: string) => void) => ({ ori: 'CA0190000', operatorId: 'OP1001', say });

describe('runForm', () => {
  it('builds a QW field by field: required, one of a group, optional until "-", then the route-to', async () => {
    const script = scriptedAsk([
      '', // ORI: the session's
      'doe,john', // NAM
      '19800115', // DOB (first of DOB/SOC/OLN/FBI/SID: one is enough)
      'm', // SEX
      '', // RAC skipped
      '-', // the rest of the optional fields skipped
      'DEP R VALE 4411', 'TRAFFIC STOP SUSPECT VEH', '26-001234',
    ]);
    const { line, transaction } = await runForm('qw', script.ask, context(script.say));
    expect(line).toBe('QW.CA0190000.NAM/DOE,JOHN.DOB/19800115.SEX/M.RTE/REQ:DEP R VALE 4411;RSN:TRAFFIC STOP SUSPECT VEH;CASE:26-001234');
    expect(() => validateTransaction(transaction)).not.toThrow();
    expect(script.remaining()).toEqual([]);
    const questions = script.questions.map((q) => q.question);
    expect(questions[0]).toBe('ORI originating agency identifier');
    expect(questions[1]).toBe('NAM name (LAST,FIRST MIDDLE) (e.g. QUILLAN,ORREN J)');
    expect(questions[3]).toBe('SEX sex [M F X U] - optional');
    expect(script.said[0]).toBe('FORM QW - WANTED PERSON INQUIRY');
    expect(script.said).toContain('At least one of: DOB date of birth (CCYYMMDD) | SOC social security number | OLN operator\'s licence number | FBI FBI number | SID state identification number');
  });

  it('re-asks a value its edit refuses, explains a field on ?, and insists on required fields', async () => {
    const script = scriptedAsk(['', '', 'DOE,JOHN', '19801345', '?', '19800115', '-', 'A', 'B', 'C1']);
    const { line } = await runForm('QW', script.ask, context(script.say));
    expect(line).toBe('QW.CA0190000.NAM/DOE,JOHN.DOB/19800115.RTE/REQ:A;RSN:B;CASE:C1');
    expect(script.said).toContain('NAM is required');
    expect(script.said).toContain('DOB 19801345: month 13 is not a month');
    expect(script.said).toContain('DOB date of birth (CCYYMMDD): at most 8 characters, e.g. 19800115');
  });

  it('asks what a field brings with it (LIC needs LIS), and skips the rest of a one-of group', async () => {
    const script = scriptedAsk(['', '8abc123', 'ca', '-', 'A', 'B', 'C1']);
    const { line } = await runForm('QV', script.ask, context(script.say));
    expect(line).toBe('QV.CA0190000.LIC/8ABC123.LIS/CA.RTE/REQ:A;RSN:B;CASE:C1');
    expect(script.questions.map((q) => q.question.split(' ')[0])).toEqual(['ORI', 'LIC', 'LIS', 'LIY', 'Requester', 'Reason', 'Case']);
  });

  it('goes round a one-of group again when none was given', async () => {
    const script = scriptedAsk(['', '', '', '', 'WCA1234', '-', 'A', 'B', 'C1']);
    const { line } = await runForm('QB', script.ask, context(script.say));
    expect(line).toBe('QB.CA0190000.REG/WCA1234.RTE/REQ:A;RSN:B;CASE:C1');
    expect(script.said).toContain('QB needs at least one of BHN, REG');
  });

  it('asks an AM its destinations and keeps the free text as typed', async () => {
    const script = scriptedAsk(['', 'CA0370000 sd01, c19', 'Attempt to locate gray sedan. Plate 8ABC123.', 'subject known to carry a knife']);
    const { line, transaction } = await runForm('AM', script.ask, context(script.say));
    expect(line).toBe('AM.CA0190000.CA0370000.SD01.C19.CAU/SUBJECT KNOWN TO CARRY A KNIFE.TXT/Attempt to locate gray sedan. Plate 8ABC123.');
    expect(transaction.header?.destinations).toEqual(['CA0370000', 'SD01', 'C19']);
  });

  it('sends the operator back to the destinations the catalogue refuses', async () => {
    const script = scriptedAsk(['', 'CA0370000 CA0010000 CA0190100 CA0190200', 'W123456789', 'U', '1', '-', 'KORVALE,DESMIN', 'CA0370000']);
    const { line } = await runForm('YQ', script.ask, context(script.say));
    expect(line).toBe('YQ.CA0190000.CA0370000.NIC/W123456789.PRI/U.RNO/1.NAM/KORVALE,DESMIN');
    expect(script.said.join('\n')).toMatch(/YQ goes to at most 3 destinations$/m);
    expect(script.said.join('\n')).toMatch(/a WANTED PERSON record\) needs NAM/);
  });

  it('follows value rules (CNF/T needs ABY) and exclusive groups (QR: SID or FBI)', async () => {
    const yr = scriptedAsk(['', 'CA0370000', 'W123456789', 't', '1430', '-']);
    expect((await runForm('YR', yr.ask, context(yr.say))).line).toBe('YR.CA0190000.CA0370000.NIC/W123456789.CNF/T.ABY/1430');
    const qr = scriptedAsk(['', 'A47301233', 'A', 'B', 'C1', 'C', '']);
    expect((await runForm('QR', qr.ask, context(qr.say))).line).toBe('QR.CA0190000.SID/A47301233.RTE/REQ:A;RSN:B;CASE:C1;PUR:C');
    expect(qr.questions.some((q) => q.question.startsWith('FBI'))).toBe(false);
  });

  it('has a form for every key a terminal may send, and none for switch-only keys', async () => {
    await expect(runForm('QZ', scriptedAsk([]).ask, context(() => undefined))).rejects.toMatchObject({ code: 'CLETS_ERR_UNKNOWN_MESSAGE_KEY' });
    await expect(runForm('SM', scriptedAsk([]).ask, context(() => undefined))).rejects.toMatchObject({ code: 'CLETS_ERR_KEY_NOT_FROM_TERMINAL' });
    const sendable = [...CATALOGUE.values()].filter((definition) => definition.action !== 'switch');
    expect(sendable.length).toBeGreaterThan(15);
  });
});

describe('field questions', () => {
  it('shows short code lists inline and long ones on ?', () => {
    expect(fieldQuestion(FIELDS.get('EYE')!, 'optional')).toBe('EYE eye colour (e.g. BRO; ? lists the codes) - optional');
    expect(fieldExplanation(FIELDS.get('SEX')!)).toBe('SEX codes: M MALE; F FEMALE; X NON-BINARY; U UNKNOWN');
  });
});
