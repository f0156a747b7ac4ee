/**
 * Terminals and operators from the fixtures, paired for load: terminals of the agencies a
 * switch serves that may send the whole mix (not receive-only, no key restriction), each
 * with its own operator of the same agency (the CJIS policy allows one session per operator)
 * who may use a terminal (FAO or LTFAO) and whose certification is current.
 */
import type { FixtureSet } from '@clets/fixtures';

export interface TerminalLogin {
  readonly mnemonic: string;
  readonly ori: string;
  readonly deviceSecret: string;
  readonly operatorId: string;
  readonly password: string;
  readonly totpSecret: string;
  readonly role: string;
}

export function fixtureLogins(fixtures: FixtureSet, switchId = 'county-19', options: { fullAccessOnly?: boolean } = {}): TerminalLogin[] {
  const served = new Set(fixtures.agencies.filter((agency) => agency.switchId === switchId && agency.active).map((agency) => agency.ori));
  const operators = fixtures.operators.filter((operator) => served.has(operator.ori) && !operator.deactivated
    && operator.certificationState === 'current'
    && (operator.role === 'FAO' || (operator.role === 'LTFAO' && options.fullAccessOnly !== true)));
  const byOri = new Map<string, typeof operators>();
  for (const operator of operators) byOri.set(operator.ori, [...(byOri.get(operator.ori) ?? []), operator]);
  const logins: TerminalLogin[] = [];
  for (const terminal of fixtures.terminals) {
    if (!served.has(terminal.ori) || terminal.class === 'receive_only' || terminal.allowedKeys !== undefined) continue;
    const operator = byOri.get(terminal.ori)?.shift();
    if (operator === undefined) continue;
    logins.push({
      mnemonic: terminal.mnemonic, ori: terminal.ori, deviceSecret: terminal.deviceSecret,
      operatorId: operator.id, password: operator.password, totpSecret: operator.totpSecret, role: operator.role,
    });
  }
  return logins;
}
