/**
 * Who is registered with this switch: agencies, terminals and operators. Built from the
 * switch's data (the demo's "state registration", read from the data files by main.ts) and,
 * with the full security policy, updated by the administration API.
 */
import type { OperatorRole, TerminalClass } from './policy.js';

export interface RegisteredAgency {
  readonly ori: string;
  readonly name: string;
  readonly countyCode: string;
  readonly active: boolean;
}

export interface RegisteredTerminal {
  readonly mnemonic: string;
  readonly ori: string;
  readonly class: TerminalClass;
  readonly deviceSecret: string;
  readonly allowedKeys?: readonly string[] | undefined;
}

export interface RegisteredOperator {
  readonly id: string;
  readonly ori: string;
  readonly role: OperatorRole;
  /** Demo fixtures carry the plain password; the CJIS policy stores only a scrypt hash of it. */
  readonly password: string;
  readonly totpSecret?: string | undefined;
  readonly deactivated: boolean;
}

export interface Registry {
  readonly agencies: ReadonlyMap<string, RegisteredAgency>;
  readonly terminals: ReadonlyMap<string, RegisteredTerminal>;
  readonly operators: ReadonlyMap<string, RegisteredOperator>;
}

export function buildRegistry(input: {
  agencies: readonly RegisteredAgency[];
  terminals: readonly RegisteredTerminal[];
  operators: readonly RegisteredOperator[];
}, filter: { countyCodes?: readonly string[] } = {}): Registry {
  const counties = filter.countyCodes === undefined ? undefined : new Set(filter.countyCodes);
  const agencies = new Map(input.agencies.filter((agency) => counties === undefined || counties.has(agency.countyCode)).map((agency) => [agency.ori, agency]));
  const terminals = new Map(input.terminals.filter((terminal) => agencies.has(terminal.ori)).map((terminal) => [terminal.mnemonic, terminal]));
  const operators = new Map(input.operators.filter((operator) => agencies.has(operator.ori)).map((operator) => [operator.id, operator]));
  return { agencies, terminals, operators };
}

/** The registry of one switch: the agencies of the network that name it, their terminals and operators. */
export function registryOf(
  data: { readonly agencies: readonly (RegisteredAgency & { readonly switchId?: string })[]; readonly terminals: readonly RegisteredTerminal[]; readonly operators: readonly RegisteredOperator[] },
  switchId: string,
): Registry {
  const agencies = data.agencies.filter((agency) => agency.switchId === switchId);
  return buildRegistry({
    agencies: agencies.map((agency) => ({ ori: agency.ori, name: agency.name, countyCode: agency.countyCode, active: agency.active })),
    terminals: data.terminals,
    operators: data.operators,
  });
}
