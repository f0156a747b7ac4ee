import { describe, expect, it } from 'vitest';
import { parseSwitchConfig } from './config.js';

describe('switch config: the network keys', () => {
  it('has the CLETS defaults: 10 and 60 minute confirmations, DOJ as control point, FAO broadcasts', () => {
    const config = parseSwitchConfig({});
    expect(config.hitConfirmation).toEqual({ urgentMs: 600_000, routineMs: 3_600_000, controlPointOri: 'CA0349400' });
    expect(config.broadcastRoles).toEqual(['FAO']);
    expect(config.peerPort).toBe(0);
    expect(config.messages.retentionMs).toBe(24 * 60 * 60_000);
  });

  it('lists every problem with peers: duplicate ids, an id that is also a link, a bad ORI', () => {
    const link = { name: 'county-19', url: 'ws://127.0.0.1:1', secret: 'a-link-secret' };
    const peer = { peerId: 'county-19', secret: 'a-peer-secret' };
    expect(() => parseSwitchConfig({ role: 'state', links: [link], peers: [peer, peer] })).toThrow(/peer ids must be unique[\s\S]*also the name of a link/);
    expect(() => parseSwitchConfig({ peers: [{ ...peer, oris: ['CA-019'] }] })).toThrow(/peers\.0\.oris\.0: must be a 9-character ORI/);
    expect(() => parseSwitchConfig({ peers: [{ ...peer, terminals: ['SD-1'] }] })).toThrow(/peers\.0\.terminals\.0: must be a terminal mnemonic or a prefix/);
  });

  it('refuses a county, an ORI or a terminal pattern given to two peers: ownership must be decidable', () => {
    const first = { peerId: 'county-19', secret: 'a-peer-secret', county: '19', oris: ['CA0340100'], terminals: ['LA'] };
    const second = { peerId: 'county-37', secret: 'b-peer-secret', county: '19', oris: ['CA0340100'], terminals: ['LA'] };
    expect(() => parseSwitchConfig({ role: 'state', peers: [first, second] }))
      .toThrow(/county '19' is given to more than one peer[\s\S]*ORI 'CA0340100'[\s\S]*terminal pattern 'LA'/);
  });
});
