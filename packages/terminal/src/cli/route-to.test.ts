import { describe, expect, it } from 'vitest';
import { parseMnemonic, validateTransaction } from '@clets/protocol';
import { completeRouteTo } from './route-to.js';
import { scriptedAsk } from './testing/scripted-ask.js';

describe('completeRouteTo', () => {
  it('asks requester (the operator by default), reason and case number, and writes them into the line', async () => {
    const script = scriptedAsk(['', 'traffic stop suspect veh', '26-001234']);
    const { line, transaction } = await completeRouteTo(parseMnemonic('QW.CA0190000.NAM/DOE,JOHN.DOB/19800115'), script.ask, { operatorId: 'OP1001', say: script.say });
    expect(line).toBe('QW.CA0190000.NAM/DOE,JOHN.DOB/19800115.RTE/REQ:OP1001;RSN:TRAFFIC STOP SUSPECT VEH;CASE:26-001234');
    expect(transaction.text).toBe(line);
    expect(() => validateTransaction(transaction)).not.toThrow();
    expect(script.questions.map((q) => q.question)).toEqual(['Requester (name and badge/ID)', 'Reason (the specific reason for this inquiry)', 'Case number (Enter if there is none)']);
    expect(script.questions[0]?.options.defaultValue).toBe('OP1001');
  });

  it('asks why there is no case number when none is given', async () => {
    const script = scriptedAsk(['DEP R VALE 4411', 'FIELD CONTACT', '', 'no case yet']);
    const { line } = await completeRouteTo(parseMnemonic('QV.CA0190000.LIC/8ABC123.LIS/CA'), script.ask, { say: script.say });
    expect(line).toBe('QV.CA0190000.LIC/8ABC123.LIS/CA.RTE/REQ:DEP R VALE 4411;RSN:FIELD CONTACT;NOCASE:NO CASE YET');
  });

  it('asks only for what is missing, and re-asks an answer the catalogue refuses', async () => {
    const script = scriptedAsk(['TRAFFIC STOP. SUSPECT', 'TRAFFIC STOP']);
    const { line } = await completeRouteTo(parseMnemonic('QW.CA0190000.NAM/DOE,JOHN.DOB/19800115.RTE/REQ:A;CASE:C1'), script.ask, { say: script.say });
    expect(line).toBe('QW.CA0190000.NAM/DOE,JOHN.DOB/19800115.RTE/REQ:A;RSN:TRAFFIC STOP;CASE:C1');
    expect(script.questions).toHaveLength(2);
    expect(script.said.some((text) => /RSN .*'\.' at 13 cannot be written in the route-to/.test(text))).toBe(true);
  });

  it('asks the purpose code (listing the codes) and attention for criminal-history keys', async () => {
    const script = scriptedAsk(['DET L KRAMER 201', 'ROBBERY SUSPECT ID', '26-000877', 'Q', 'c', 'det l kramer']);
    const { line } = await completeRouteTo(parseMnemonic('QH.CA0190000.NAM/DOE,JOHN.SEX/M.DOB/19800115'), script.ask, { say: script.say });
    expect(line).toBe('QH.CA0190000.NAM/DOE,JOHN.SEX/M.DOB/19800115.RTE/REQ:DET L KRAMER 201;RSN:ROBBERY SUSPECT ID;CASE:26-000877;ATN:DET L KRAMER;PUR:C');
    expect(script.said.join('\n')).toMatch(/Purpose codes: C CRIMINAL JUSTICE; J .*A ADMINISTRATIVE FILE MAINTENANCE/);
    expect(script.said.join('\n')).toMatch(/PUR Q is not one of/);
  });

  it('insists on a required answer', async () => {
    const script = scriptedAsk(['', 'A', 'B', 'C1']);
    await completeRouteTo(parseMnemonic('QW.CA0190000.NAM/DOE,JOHN.DOB/19800115'), script.ask, { say: script.say });
    expect(script.said).toContain('an answer is needed here (Ctrl-C abandons the transaction)');
  });
});
