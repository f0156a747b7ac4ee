import { describe, expect, it } from 'vitest';
import { parseSwitchConfig } from '../config.js';
import { describeRefusal, PeerOwnership } from './peer-ownership.js';

const LOCAL = { localOris: new Set(['CA0349400']), localTerminals: new Set(['DJ01']) };

function ownership(peers: { peerId: string; county?: string; oris?: string[]; terminals?: string[] }[]): PeerOwnership {
  const config = parseSwitchConfig({ role: 'state', peers: peers.map((peer) => ({ secret: `${peer.peerId}-secret`, ...peer })) });
  return new PeerOwnership(config.peers, () => LOCAL);
}

describe('PeerOwnership', () => {
  it('holds what a county was accepted for: another county claiming it later is refused, until the holder lets it go', () => {
    const peers = ownership([{ peerId: 'county-19', county: '19' }, { peerId: 'county-37', county: '37' }]);
    expect(peers.accept('county-37', { oris: ['CA0370000'], terminals: ['SD01', 'SD02'] }).refused).toEqual([]);
    const impostor = peers.accept('county-19', { oris: ['CA0190000', 'CA0370000'], terminals: ['LA01', 'SD01'] });
    expect(impostor.oris).toEqual(['CA0190000']);
    expect(impostor.terminals).toEqual(['LA01']);
    expect(impostor.refused.map(describeRefusal)).toEqual(['ORI CA0370000: belongs to county-37', 'terminal SD01: belongs to county-37']);
    // County 37 relinks without SD02: it is free again.
    peers.accept('county-37', { oris: ['CA0370000'], terminals: ['SD01'] });
    expect(peers.accept('county-19', { oris: [], terminals: ['SD02'] }).terminals).toEqual(['SD02']);
  });

  it('restores remembered announcements oldest first: a terminal two of them claim stays with the first', () => {
    const peers = ownership([{ peerId: 'county-19', county: '19' }, { peerId: 'county-37', county: '37' }]);
    const restored = peers.restore([
      { peer: 'county-19', oris: ['CA0190000'], terminals: ['LA01', 'SD01'], announcedAt: 2_000 },
      { peer: 'county-37', oris: ['CA0370000'], terminals: ['SD01'], announcedAt: 1_000 },
      { peer: 'county-99', oris: [], terminals: ['ZZ01'], announcedAt: 500 },
    ]);
    expect(restored.get('county-37')?.terminals).toEqual(['SD01']);
    expect(restored.get('county-19')?.terminals).toEqual(['LA01']);
    expect(restored.get('county-19')?.refused).toEqual([{ kind: 'terminal', value: 'SD01', reason: 'other_peer', owner: 'county-37' }]);
    expect(restored.has('county-99')).toBe(false);
  });

  it('judges a remembered claim against today\'s config: configured terminals win over what was remembered', () => {
    const peers = ownership([{ peerId: 'county-19', county: '19', terminals: ['LA'] }, { peerId: 'county-37', county: '37', terminals: ['SD'] }]);
    const restored = peers.restore([{ peer: 'county-19', oris: ['CA0190000', 'CA0370000'], terminals: ['LA01', 'SD01'], announcedAt: 1 }]);
    expect(restored.get('county-19')).toMatchObject({ oris: ['CA0190000'], terminals: ['LA01'] });
    expect(restored.get('county-19')?.refused.map(describeRefusal)).toEqual(['ORI CA0370000: belongs to county-37', 'terminal SD01: belongs to county-37']);
    expect(peers.configuredTerminals('county-37')).toEqual([]);
  });

  it('never gives a county what the state serves itself, and names a long claimed value only in part', () => {
    const peers = ownership([{ peerId: 'county-19', county: '19' }]);
    const judged = peers.accept('county-19', { oris: ['CA0349400'], terminals: ['DJ01', 'X'.repeat(5_000)] });
    expect(judged.refused.map(describeRefusal)).toEqual([
      'ORI CA0349400: served by this switch', 'terminal DJ01: served by this switch', `terminal ${'X'.repeat(64)}...: malformed`,
    ]);
  });

  it('accepts a request header only when it names an ORI and a terminal of that county', () => {
    const peers = ownership([{ peerId: 'county-19', county: '19', terminals: ['LA'] }, { peerId: 'county-37', county: '37' }]);
    peers.accept('county-37', { oris: [], terminals: ['SD01'] });
    expect(peers.checkHeader('county-19', { ori: 'CA0190100', terminal: 'LA08', operatorId: 'OP1101' })).toBeUndefined();
    expect(peers.checkHeader('county-37', { ori: 'CA0370000', terminal: 'SD01' })).toBeUndefined();
    const refused = (peer: string, header: object): string | undefined => peers.checkHeader(peer, header)?.message;
    expect(refused('county-19', { ori: 'CA0370000', terminal: 'LA01' })).toMatch(/header ORI 'CA0370000' is not an ORI of county-19$/);
    expect(refused('county-19', { ori: 'CA0190000', terminal: 'SD01' })).toMatch(/header terminal 'SD01' is not a terminal of county-19$/);
    expect(refused('county-19', { ori: 'CA0349400', terminal: 'LA01' })).toMatch(/ORI 'CA0349400'/);
    expect(refused('county-19', { ori: 'CA0190000', terminal: 'DJ01' })).toMatch(/terminal 'DJ01'/);
    expect(refused('county-19', {})).toMatch(/ORI ''/);
    expect(refused('county-19', { ori: 'CA0190000' })).toMatch(/terminal ''/);
    // County 37 has no patterns: a terminal it never announced is not its own.
    expect(refused('county-37', { ori: 'CA0370000', terminal: 'SD02' })).toMatch(/terminal 'SD02'/);
    expect(peers.checkHeader('county-19', { ori: 'CA0370000' })?.code).toBe('CLETS_ERR_HEADER_MISMATCH');
  });
});
