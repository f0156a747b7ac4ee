import { describe, expect, it } from 'vitest';
import type { MessageKeyDefinition, RouteRule } from '@clets/protocol';
import { chooseByRoute } from './system-choice.js';

function definition(key: string, route: RouteRule): MessageKeyDefinition {
  return {
    key,
    meaning: key,
    action: 'inquiry',
    fullAccessOnly: false,
    purposeCodeRequired: false,
    routeToRequired: true,
    required: [],
    anyOf: [],
    optional: [],
    exclusive: [],
    together: [],
    route,
    whenDown: 'refuse',
  };
}

const CATALOGUE = new Map<string, MessageKeyDefinition>([
  ['DQ', definition('DQ', { kind: 'by-state', field: 'OLS', homeState: 'CA', home: ['DMV'], other: ['NLETS'] })],
  ['QW', definition('QW', { kind: 'fanout', targets: ['NCIC', 'WPS'] })],
  ['IQ', definition('IQ', { kind: 'nlets-states' })],
  ['AM', definition('AM', { kind: 'destinations' })],
]);
const choose = chooseByRoute((key) => CATALOGUE.get(key));
const all = ['NCIC', 'NLETS', 'DMV', 'CORI'] as const;

function tx(key: string, fields: { tag: string; value: string }[] = []) {
  return { header: { messageKey: key }, fields };
}

describe('chooseByRoute', () => {
  it('sends a by-state key home or to Nlets by the state field', () => {
    expect(choose(tx('DQ', [{ tag: 'OLS', value: 'CA' }]), all)).toBe('DMV');
    expect(choose(tx('DQ'), all)).toBe('DMV');
    expect(choose(tx('DQ', [{ tag: 'OLS', value: 'nv' }]), all)).toBe('NLETS');
  });

  it('takes the first fan-out target hosted on the link', () => {
    expect(choose(tx('QW'), all)).toBe('NCIC');
    expect(choose(tx('QW'), ['CORI', 'DMV'])).toBe('CORI');
    expect(choose(tx('IQ'), all)).toBe('NLETS');
  });

  it('falls back to the first candidate for keys the route does not place, or unknown keys', () => {
    expect(choose(tx('AM'), ['DMV', 'CORI'])).toBe('DMV');
    expect(choose(tx('ZZ'), ['CORI'])).toBe('CORI');
    expect(choose(tx('ZZ'), [])).toBeUndefined();
  });
});
