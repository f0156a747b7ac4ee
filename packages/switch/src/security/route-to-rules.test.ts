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

  it.each(['X', 'Y', 'AB', 'DUI', 'X Y Z Q R S', '10-15 415', 'A/B/C/D/E/F', 'XXXXXX', 'ZZZ ZZZ ZZZ'])('%s says nothing: too short, or no word that is not filler', (reason) => {
    expect(vague.isVague(reason)).toBe(true);
  });

  it.each(['STOLEN', 'DUI STOP', 'BOOKING 10-15 ARREST', 'DUI CHECKPOINT 23152', 'HOMICIDE SUSPECT'])('%s is long enough and has a word of its own', (reason) => {
    expect(vague.isVague(reason)).toBe(false);
  });

  it('gives a reason asked about again the same verdict', () => {
    const rule = new VagueReasonRule(CJIS_DEFAULT_SETTINGS.routeTo);
    for (let round = 0; round < 3; round++) {
      expect(rule.isVague('ROUTINE CHECK')).toBe(true);
      expect(rule.isVague('TRAFFIC STOP SUSPECT VEH')).toBe(false);
    }
  });

  it('takes the length and the word length from its settings', () => {
    const lenient = new VagueReasonRule({ ...CJIS_DEFAULT_SETTINGS.routeTo, minReasonLetters: 3, minWordLetters: 3 });
    expect(lenient.isVague('DUI')).toBe(false);
    expect(lenient.isVague('X')).toBe(true);
    const strict = new VagueReasonRule({ ...CJIS_DEFAULT_SETTINGS.routeTo, minReasonLetters: 12 });
    expect(strict.isVague('TRAFFIC STOP')).toBe(true);
    expect(strict.isVague('TRAFFIC STOP SUSPECT')).toBe(false);
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
