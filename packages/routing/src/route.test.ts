import { describe, expect, it } from 'vitest';
import type { MessageKeyDefinition, Transaction } from '@clets/protocol';
import { buildRoutingTable, withPeer } from './routing-table.js';
import { isBroadcastDestination, resolveDeliveries, routeToTerminal, routeTransaction, type RoutableTransaction } from './route.js';

function definition(partial: Partial<MessageKeyDefinition> & Pick<MessageKeyDefinition, 'key' | 'route'>): MessageKeyDefinition {
  return {
    meaning: partial.key, action: 'inquiry', fullAccessOnly: false, purposeCodeRequired: false, routeToRequired: true,
    required: [], anyOf: [], optional: [], exclusive: [], together: [], whenDown: 'refuse', ...partial,
  };
}

function routable(def: MessageKeyDefinition, fields: Record<string, string> = {}, destinations: string[] = []): RoutableTransaction {
  const transaction: Transaction = { header: { messageKey: def.key, destinations } };
  return { definition: def, fields: new Map(Object.entries(fields)), transaction };
}

const QW = definition({ key: 'QW', route: { kind: 'fanout', targets: ['NCIC', 'WPS', 'CARPOS', 'MPS', 'CSAR'] } });
const DQ = definition({ key: 'DQ', route: { kind: 'by-state', field: 'OLS', homeState: 'CA', home: ['DMV'], other: ['NLETS'] } });
const IQ = definition({ key: 'IQ', route: { kind: 'nlets-states' }, whenDown: 'queue' });
const AM = definition({ key: 'AM', action: 'admin', route: { kind: 'destinations' }, whenDown: 'queue' });

const county = buildRoutingTable({
  switchId: 'county-19',
  localOris: ['CA0190000', 'CA0190100'],
  localTerminals: [['SD01', 'CA0190000'], ['SD02', 'CA0190000'], ['PD01', 'CA0190100']],
  localCounties: ['19'],
});

describe('routeTransaction', () => {
  it('fans a person query out to NCIC and one request to CORI for all the state files', () => {
    const decision = routeTransaction(routable(QW), county);
    expect(decision).toEqual({
      kind: 'systems',
      whenDown: 'refuse',
      legs: [
        { link: 'NCIC', system: 'NCIC', targets: ['NCIC'], destinations: [] },
        { link: 'CORI', system: 'CORI', targets: ['WPS', 'CARPOS', 'MPS', 'CSAR'], destinations: [] },
      ],
    });
  });

  it('sends everything upstream from a county switch without direct links', () => {
    const table = buildRoutingTable({ switchId: 'county-37', upstream: 'upstream', defaultToUpstream: true });
    const decision = routeTransaction(routable(QW), table);
    expect(decision.kind === 'systems' && decision.legs.map((leg) => [leg.link, leg.system])).toEqual([['upstream', 'NCIC'], ['upstream', 'CORI']]);
  });

  it('honours an explicit route over the default link', () => {
    const table = buildRoutingTable({ switchId: 'x', targetLinks: { DMV: 'dmv-backup' } });
    const decision = routeTransaction(routable(DQ, { OLS: 'CA' }), table);
    expect(decision.kind === 'systems' && decision.legs[0]?.link).toBe('dmv-backup');
  });

  it('routes a licence query by its state: California to DMV, others to Nlets addressed to the state', () => {
    const home = routeTransaction(routable(DQ, { OLS: 'CA' }), county);
    const away = routeTransaction(routable(DQ, { OLS: 'NV' }), county);
    expect(home.kind === 'systems' && home.legs).toEqual([{ link: 'DMV', system: 'DMV', targets: ['DMV'], destinations: [] }]);
    expect(away.kind === 'systems' && away.legs).toEqual([{ link: 'NLETS', system: 'NLETS', targets: ['NLETS'], destinations: ['NV'] }]);
  });


  it('shares one frozen fan-out per key and table, and a new table routes by its own links', () => {
    const first = routeTransaction(routable(QW), county);
    expect(routeTransaction(routable(QW), county)).toBe(first);
    expect(first.kind === 'systems' && Object.isFrozen(first.legs[1]?.targets)).toBe(true);
    expect(() => first.kind === 'systems' && (first.legs[1]?.targets as string[]).push('NCIC')).toThrow(TypeError);
    const away = routeTransaction(routable(DQ, { OLS: 'NV' }), county);
    expect(routeTransaction(routable(DQ, { OLS: 'NV' }), county)).toBe(away);
    expect(routeTransaction(routable(DQ, { OLS: 'AZ' }), county)).toEqual({
      kind: 'systems', whenDown: 'refuse', legs: [{ link: 'NLETS', system: 'NLETS', targets: ['NLETS'], destinations: ['AZ'] }],
    });
    const rerouted = buildRoutingTable({ switchId: 'county-19', targetLinks: { NCIC: 'ncic-backup' } });
    const again = routeTransaction(routable(QW), rerouted);
    expect(again.kind === 'systems' && again.legs.map((leg) => [leg.link, leg.targets])).toEqual([
      ['ncic-backup', ['NCIC']], ['CORI', ['WPS', 'CARPOS', 'MPS', 'CSAR']],
    ]);
  });
  it('refuses a by-state key without its state field, naming the field', () => {
    expect(() => routeTransaction(routable(DQ), county)).toThrow(expect.objectContaining({ code: 'CLETS_ERR_FIELD_MISSING', field: 'OLS' }));
  });

  it('needs destination states for an Nlets-addressed key', () => {
    expect(() => routeTransaction(routable(IQ), county)).toThrow(expect.objectContaining({ code: 'CLETS_ERR_DESTINATION_INVALID' }));
    const decision = routeTransaction(routable(IQ, {}, ['NV', 'AZ']), county);
    expect(decision).toMatchObject({ kind: 'systems', whenDown: 'queue', legs: [{ system: 'NLETS', destinations: ['NV', 'AZ'] }] });
  });

  it('refuses a switch-only key', () => {
    const ER = definition({ key: 'ER', action: 'switch', route: { kind: 'none' } });
    expect(() => routeTransaction(routable(ER), county)).toThrow(expect.objectContaining({ code: 'CLETS_ERR_KEY_NOT_FROM_TERMINAL' }));
  });

  it('keeps a key the switch answers itself here, even on a county switch that sends everything else upstream', () => {
    const RL = definition({ key: 'RL', action: 'record', routeToRequired: false, route: { kind: 'local' } });
    const table = buildRoutingTable({ switchId: 'county-37', upstream: 'upstream', defaultToUpstream: true });
    expect(routeTransaction(routable(RL), table)).toEqual({ kind: 'local' });
  });

  it('turns agency-to-agency traffic into deliveries', () => {
    const decision = routeTransaction(routable(AM, {}, ['PD01']), county);
    expect(decision).toEqual({ kind: 'deliver', whenDown: 'queue', deliveries: { local: [{ terminal: 'PD01', destination: 'PD01' }], remote: new Map(), unknown: [] } });
  });
});

describe('resolveDeliveries', () => {
  it('delivers to every terminal of a local ORI, once each', () => {
    const result = resolveDeliveries(['CA0190000', 'SD01'], county);
    expect(result.local).toEqual([{ terminal: 'SD01', destination: 'CA0190000' }, { terminal: 'SD02', destination: 'CA0190000' }]);
  });

  it('sends what a county does not serve upstream, and knows nothing upstream of the state', () => {
    const withUpstream = buildRoutingTable({ switchId: 'county-19', upstream: 'upstream', localOris: ['CA0190000'], localTerminals: [['SD01', 'CA0190000']] });
    expect(resolveDeliveries(['CA0370000', 'XX99'], withUpstream).remote).toEqual(new Map([['upstream', ['CA0370000', 'XX99']]]));
    expect(resolveDeliveries(['CA0370000'], buildRoutingTable({ switchId: 'state' })).unknown).toEqual(['CA0370000']);
  });

  it('at the state switch, sends a destination to the county that serves it, learned when it linked', () => {
    let state = buildRoutingTable({ switchId: 'state' });
    state = withPeer(state, { link: 'peer:county-37', oris: ['CA0370000'], terminals: ['SA01'], counties: ['37'] });
    state = withPeer(state, { link: 'peer:county-19', oris: ['CA0190000'], terminals: ['SD01'], counties: ['19'] });
    const result = resolveDeliveries(['CA0370000', 'SD01', 'C37'], state);
    expect(result.remote).toEqual(new Map([['peer:county-37', ['CA0370000', 'C37']], ['peer:county-19', ['SD01']]]));
  });

  it('re-announcing a peer replaces what it served before', () => {
    let state = withPeer(buildRoutingTable({ switchId: 'state' }), { link: 'p1', oris: ['CA0370000'], terminals: [] });
    state = withPeer(state, { link: 'p1', oris: ['CA0370100'], terminals: [] });
    expect([...state.peerOris]).toEqual([['CA0370100', 'p1']]);
  });

  it('a peer never displaces another peer\'s entry, and keeps its own when it relinks', () => {
    let state = withPeer(buildRoutingTable({ switchId: 'state' }), { link: 'p37', oris: ['CA0370000'], terminals: ['SD01'], counties: ['37'] });
    state = withPeer(state, { link: 'p19', oris: ['CA0190000', 'CA0370000'], terminals: ['LA01', 'SD01'], counties: ['19', '37'] });
    expect(state.peerOris.get('CA0370000')).toBe('p37');
    expect(state.peerTerminals.get('SD01')).toBe('p37');
    expect(state.peerCounties.get('37')).toBe('p37');
    state = withPeer(state, { link: 'p19', oris: ['CA0190000'], terminals: ['LA01'], counties: ['19'] });
    expect(resolveDeliveries(['SD01', 'LA01'], state).remote).toEqual(new Map([['p37', ['SD01']], ['p19', ['LA01']]]));
  });

  it('broadcasts to every local terminal and every other switch, never back where it came from', () => {
    let state = buildRoutingTable({ switchId: 'state' });
    state = withPeer(state, { link: 'p19', oris: ['CA0190000'], terminals: [], counties: ['19'] });
    state = withPeer(state, { link: 'p37', oris: ['CA0370000'], terminals: [], counties: ['37'] });
    expect([...resolveDeliveries(['ALL'], state, { fromLink: 'p19' }).remote.keys()]).toEqual(['p37']);
    const fromTerminal = resolveDeliveries(['ALL'], buildRoutingTable({ ...{ switchId: 'c' }, upstream: 'upstream', localTerminals: [['SD01', 'CA0190000']] }));
    expect(fromTerminal.local.map((entry) => entry.terminal)).toEqual(['SD01']);
    expect([...fromTerminal.remote.keys()]).toEqual(['upstream']);
  });

  it('a county broadcast reaches the terminals of that county', () => {
    expect(resolveDeliveries(['C19'], county).local.map((entry) => entry.terminal)).toEqual(['SD01', 'SD02', 'PD01']);
  });
});

describe('routeToTerminal', () => {
  it('delivers a terminal of this switch here, a peer county\'s terminal to that county, anything else upstream', () => {
    const withUpstream = buildRoutingTable({ switchId: 'county-19', upstream: 'state', localTerminals: [['LA01', 'CA0190000']] });
    expect(routeToTerminal('LA01', withUpstream)).toEqual({ kind: 'local' });
    expect(routeToTerminal('SD05', withUpstream)).toEqual({ kind: 'link', link: 'state' });
    const state = withPeer(buildRoutingTable({ switchId: 'state' }), { link: 'county-37', oris: [], terminals: ['SD05'] });
    expect(routeToTerminal('SD05', state)).toEqual({ kind: 'link', link: 'county-37' });
    expect(routeToTerminal('ZZ99', state)).toEqual({ kind: 'unknown' });
  });

  it('never sends a frame back on the link it came from', () => {
    const withUpstream = buildRoutingTable({ switchId: 'county-19', upstream: 'state' });
    expect(routeToTerminal('SD05', withUpstream, { fromLink: 'state' })).toEqual({ kind: 'unknown' });
  });
});

describe('isBroadcastDestination', () => {
  it('knows ALL and county codes from ORIs and terminals', () => {
    expect(['ALL', 'C19', 'CA0190000', 'LA01', 'C1'].map(isBroadcastDestination)).toEqual([true, true, false, false, false]);
  });
});
