import { describe, expect, it } from 'vitest';
import { judgeOri, judgePeerClaims, judgeTerminal, peerOwnsTerminal, type OwnershipView, type PeerOwnershipRule } from './peer-claims.js';

const RULES: PeerOwnershipRule[] = [
  { peer: 'county-19', county: '19', oris: [], terminals: [] },
  { peer: 'county-37', county: '37', oris: [], terminals: [] },
];

function view(overrides: Partial<OwnershipView> = {}): OwnershipView {
  return {
    rules: RULES,
    localOris: new Set(['CA0349400']),
    localTerminals: new Set(['DJ01']),
    held: new Map([['county-37', new Set(['SD01', 'SD02'])]]),
    ...overrides,
  };
}

describe('judgePeerClaims', () => {
  it('accepts the ORIs of a county\'s own code and refuses another county\'s, the state\'s own and malformed ones', () => {
    const judged = judgePeerClaims('county-19', { oris: ['CA0190000', 'CA0190100', 'CA0370000', 'CA0349400', 'CA-19', 'NV0130000'], terminals: [] }, view());
    expect(judged.oris).toEqual(['CA0190000', 'CA0190100']);
    expect(judged.refused).toEqual([
      { kind: 'ori', value: 'CA0370000', reason: 'other_peer', owner: 'county-37' },
      { kind: 'ori', value: 'CA0349400', reason: 'local' },
      { kind: 'ori', value: 'CA-19', reason: 'malformed' },
      { kind: 'ori', value: 'NV0130000', reason: 'not_its_county' },
    ]);
  });

  it('refuses terminals another county holds, the state\'s own and malformed ones; accepts free ones', () => {
    const judged = judgePeerClaims('county-19', { oris: [], terminals: ['LA01', 'SD01', 'SD02', 'DJ01', 'la01', 'LA01'] }, view());
    expect(judged.terminals).toEqual(['LA01']);
    expect(judged.refused.map((refusal) => [refusal.value, refusal.reason, refusal.owner])).toEqual([
      ['SD01', 'other_peer', 'county-37'], ['SD02', 'other_peer', 'county-37'], ['DJ01', 'local', undefined], ['la01', 'malformed', undefined],
    ]);
  });

  it('an ORI listed for one county belongs to it even inside another county\'s code', () => {
    const rules = [{ ...RULES[0]!, oris: ['CA0370500'] }, RULES[1]!];
    expect(judgeOri('county-19', 'CA0370500', view({ rules }))).toBeUndefined();
    expect(judgeOri('county-37', 'CA0370500', view({ rules }))).toEqual({ kind: 'ori', value: 'CA0370500', reason: 'other_peer', owner: 'county-19' });
  });

  it('a county without a code or a list owns no ORI', () => {
    const rules = [{ peer: 'county-01', oris: [], terminals: [] }];
    expect(judgeOri('county-01', 'CA0010000', view({ rules }))?.reason).toBe('not_its_county');
  });

  it('configured terminal patterns decide before anyone linked, the longest pattern winning', () => {
    const rules = [{ ...RULES[0]!, terminals: ['LA', 'SD09'] }, { ...RULES[1]!, terminals: ['SD'] }];
    const nobodyHeld = view({ rules, held: new Map() });
    expect(judgeTerminal('county-19', 'SD01', nobodyHeld)).toEqual({ kind: 'terminal', value: 'SD01', reason: 'other_peer', owner: 'county-37' });
    expect(judgeTerminal('county-19', 'SD09', nobodyHeld)).toBeUndefined();
    expect(judgeTerminal('county-37', 'SD09', nobodyHeld)?.owner).toBe('county-19');
    // A county with patterns may claim only what they match.
    expect(judgeTerminal('county-19', 'XX01', nobodyHeld)).toEqual({ kind: 'terminal', value: 'XX01', reason: 'not_configured' });
    // A held terminal does not beat the config.
    expect(judgeTerminal('county-37', 'SD09', view({ rules, held: new Map([['county-37', new Set(['SD09'])]]) }))?.reason).toBe('other_peer');
  });
});

describe('peerOwnsTerminal', () => {
  it('is true for a terminal configured for the county or held by it, false for a free one or another\'s', () => {
    expect(peerOwnsTerminal('county-37', 'SD01', view())).toBe(true);
    expect(peerOwnsTerminal('county-19', 'SD01', view())).toBe(false);
    expect(peerOwnsTerminal('county-19', 'LA01', view())).toBe(false);
    const rules = [{ ...RULES[0]!, terminals: ['LA'] }, RULES[1]!];
    expect(peerOwnsTerminal('county-19', 'LA01', view({ rules }))).toBe(true);
    expect(peerOwnsTerminal('county-19', 'DJ01', view({ rules: [{ ...RULES[0]!, terminals: ['DJ'] }] }))).toBe(false);
  });
});
