import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, exampleTransaction, fieldsOfKey, HOME_STATE, messageKey } from './catalogue.js';
import { TARGETS } from './catalogue-types.js';
import { FIELDS } from './fields.js';
import { validateTransaction } from './validate.js';

/** Every key of docs/domain.md section 4 (ZW from its action-letter list). */
const DOMAIN_KEYS = [
  'QW', 'ZW', 'QV', 'QG', 'QA', 'QB', 'QPO', 'EPO', 'MPO', 'XPO', 'EW', 'XW', 'EV', 'XV', 'QH', 'QR',
  'DQ', 'DR', 'RQ', 'RR', 'IQ', 'FQ', 'IR', 'FR', 'YQ', 'YR', 'AM', 'SM', 'ER',
];

const definitions = [...CATALOGUE.values()];
const routable = definitions.filter((definition) => definition.action !== 'switch');

/** Every tag a row names anywhere: field lists, rules and its route. */
function tagsNamedBy(key: string): string[] {
  const definition = messageKey(key);
  if (definition === undefined) return [];
  const tags = [...definition.required, ...definition.anyOf.flat(), ...definition.optional, ...definition.exclusive.flat(), ...definition.together.flat()];
  for (const rule of definition.requiredWhen ?? []) tags.push(rule.field, ...rule.requires);
  if (definition.route.kind === 'by-state') tags.push(definition.route.field);
  return tags;
}

describe('CATALOGUE', () => {
  it('has every key of docs/domain.md section 4', () => {
    for (const key of DOMAIN_KEYS) expect(messageKey(key), key).toBeDefined();
  });

  it('keys each row by its own key, and answers undefined for an unknown key', () => {
    for (const [key, definition] of CATALOGUE) expect(definition.key).toBe(key);
    expect(messageKey('QZ')).toBeUndefined();
    expect(messageKey('qw')).toBeUndefined();
  });

  it('has a definition for every field any row names', () => {
    for (const definition of definitions) {
      for (const tag of tagsNamedBy(definition.key)) expect(FIELDS.has(tag), `${definition.key} names ${tag}`).toBe(true);
    }
  });

  it('names in its rules only fields the key accepts, and lists no field twice', () => {
    for (const definition of definitions) {
      const accepted = fieldsOfKey(definition);
      const listed = [...definition.required, ...definition.anyOf.flat(), ...definition.optional];
      expect(new Set(listed).size, definition.key).toBe(listed.length);
      for (const tag of tagsNamedBy(definition.key)) expect(accepted, `${definition.key} rule names ${tag}`).toContain(tag);
      for (const group of [...definition.anyOf, ...definition.exclusive, ...definition.together]) expect(group.length).toBeGreaterThan(0);
    }
  });

  it('routes only to known targets, and gives switch-only keys no route', () => {
    for (const definition of definitions) {
      const rule = definition.route;
      if (rule.kind === 'fanout') for (const target of rule.targets) expect(TARGETS).toContain(target);
      if (rule.kind === 'by-state') for (const target of [...rule.home, ...rule.other]) expect(TARGETS).toContain(target);
      expect(rule.kind === 'none').toBe(definition.action === 'switch');
    }
  });

  it('makes every update full-access only, route-to required and queued when down', () => {
    for (const definition of definitions) {
      expect(definition.fullAccessOnly, definition.key).toBe(definition.action === 'update');
      if (definition.action === 'update') {
        expect(definition.routeToRequired).toBe(true);
        expect(definition.whenDown).toBe('queue');
      }
      if (definition.action === 'inquiry') expect(definition.routeToRequired, definition.key).toBe(true);
    }
  });

  it('asks a purpose code of the criminal-history keys only', () => {
    expect(definitions.filter((definition) => definition.purposeCodeRequired).map((definition) => definition.key).sort()).toEqual(['FQ', 'IQ', 'QH', 'QR']);
  });

  it('points every response key at a switch-only row', () => {
    for (const definition of definitions) {
      if (definition.responseKey === undefined) continue;
      expect(messageKey(definition.responseKey)?.action, definition.key).toBe('switch');
    }
  });

  it('keeps the documented routing decisions', () => {
    const fanout = (key: string) => {
      const rule = messageKey(key)?.route;
      return rule?.kind === 'fanout' ? [...rule.targets] : rule?.kind;
    };
    expect(fanout('QW')).toEqual(['NCIC', 'WPS', 'CARPOS', 'MPS', 'CSAR']);
    expect(fanout('ZW')).toEqual(['NCIC', 'WPS']);
    expect(fanout('QV')).toEqual(['NCIC', 'SVS']);
    expect(fanout('QG')).toEqual(['NCIC', 'AFS']);
    expect(fanout('QA')).toEqual(['NCIC', 'APS']);
    expect(fanout('QB')).toEqual(['NCIC', 'ABS']);
    expect(fanout('QPO')).toEqual(['NCIC', 'CARPOS']);
    for (const key of ['EPO', 'MPO', 'XPO']) expect(fanout(key)).toEqual(['CARPOS']);
    for (const key of ['EW', 'XW']) expect(fanout(key)).toEqual(['WPS']);
    for (const key of ['EV', 'XV']) expect(fanout(key)).toEqual(['SVS']);
    for (const key of ['QH', 'QR']) expect(fanout(key)).toEqual(['NCIC', 'ACHS']);
    expect(messageKey('DQ')).toMatchObject({ responseKey: 'DR', route: { kind: 'by-state', field: 'OLS', homeState: HOME_STATE, home: ['DMV'], other: ['NLETS'] } });
    expect(messageKey('RQ')).toMatchObject({ responseKey: 'RR', route: { kind: 'by-state', field: 'LIS', home: ['DMV'], other: ['NLETS'] } });
    expect(messageKey('IQ')).toMatchObject({ responseKey: 'IR', route: { kind: 'nlets-states' }, whenDown: 'queue' });
    expect(messageKey('FQ')).toMatchObject({ responseKey: 'FR', route: { kind: 'nlets-states' }, whenDown: 'queue' });
    for (const key of ['YQ', 'YR', 'AM']) {
      expect(messageKey(key)).toMatchObject({ action: 'admin', route: { kind: 'destinations' }, whenDown: 'queue', routeToRequired: false });
    }
    expect(messageKey('AM')?.required).toContain('TXT');
    for (const key of ['DR', 'RR', 'IR', 'FR', 'SM', 'ER']) expect(messageKey(key)).toMatchObject({ action: 'switch', route: { kind: 'none' } });
    expect(messageKey('RL')).toMatchObject({ action: 'record', route: { kind: 'local' }, routeToRequired: false, fullAccessOnly: false, required: ['ISN', 'RQN', 'RQA', 'HOW'] });
  });

  it('refuses inquiries to NCIC, DMV and the state files when down, and queues the rest', () => {
    for (const definition of routable) {
      // A key the switch answers itself has no system to be down.
      if (definition.route.kind === 'local') continue;
      const nlets = definition.route.kind === 'nlets-states';
      const expected = definition.action === 'inquiry' && !nlets ? 'refuse' : 'queue';
      expect(definition.whenDown, definition.key).toBe(expected);
    }
  });

  it('builds a valid example transaction for every key a terminal may send', () => {
    for (const definition of routable) {
      const example = exampleTransaction(definition);
      expect(() => validateTransaction(example), definition.key).not.toThrow();
    }
  });

  it('is documented: docs/catalogue.md has a row for every key and a row for every field', () => {
    const text = readFileSync(new URL('../../../docs/catalogue.md', import.meta.url), 'utf8');
    const doc = text.slice(text.indexOf('## Message keys'), text.indexOf('## Decisions'));
    const documented = new Set([...doc.matchAll(/^\| `([A-Z]{2,4})` \|/gm)].map((match) => match[1]));
    expect([...documented].sort()).toEqual([...CATALOGUE.keys()].sort());
    const fieldSection = text.slice(text.indexOf('## Fields'));
    const fieldRows = new Set([...fieldSection.matchAll(/^\| `([A-Z]{2,4})` \|/gm)].map((match) => match[1]));
    expect([...fieldRows].sort()).toEqual([...FIELDS.keys()].sort());
  });
});
