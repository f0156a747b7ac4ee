import { describe, expect, it } from 'vitest';
import { routeToComplete, VagueReasonRule } from './route-to-rules.js';
import { CJIS_DEFAULT_SETTINGS } from './settings.js';

const vague = new VagueReasonRule(CJIS_DEFAULT_SETTINGS.routeTo);

describe('vague reasons', () => {
  it.each(['INVESTIGATION', 'check', 'Routine Check', 'INFO REQUEST', 'RANDOM', 'N/A', '  INQUIRY  ', '----', 'LAW ENFORCEMENT'])('%s is vague', (reason) => {
    expect(vague.isVague(reason)).toBe(true);
  });

  it.each(['TRAFFIC STOP SUSPECT VEH', 'BURGLARY INVESTIGATION 26-0412', 'DOMESTIC VIOLENCE CALL', 'WARRANT CHECK ON ARRESTEE', 'FIELD CONTACT'])('%s is specific', (reason) => {
    expect(vague.isVague(reason)).toBe(false);
  });

  it('judges an audited route-to complete only with requester, specific reason and a case number or documented absence', () => {
    expect(routeToComplete({ requester: 'DEP VALE', reason: 'TRAFFIC STOP', caseNumber: '26-1' }, vague)).toBe(true);
    expect(routeToComplete({ requester: 'DEP VALE', reason: 'TRAFFIC STOP', noCaseReason: 'FIELD CONTACT' }, vague)).toBe(true);
    expect(routeToComplete({ requester: 'DEP VALE', reason: 'CHECK', caseNumber: '26-1' }, vague)).toBe(false);
    expect(routeToComplete({ reason: 'TRAFFIC STOP', caseNumber: '26-1' }, vague)).toBe(false);
    expect(routeToComplete({ requester: 'DEP VALE', reason: 'TRAFFIC STOP' }, vague)).toBe(false);
    expect(routeToComplete(undefined, vague)).toBe(false);
  });
});
