import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { linkAddress, MessageStore } from './message-store.js';

const T0 = 1_700_000_000_000;
const am = (text: string) => ({ adminMessage: { header: { terminal: 'LA01', clientMessageId: text }, text, messageId: `county-19:LA01:${text}` } });

describe('MessageStore', () => {
  it('keeps frames per address, oldest first, for a terminal and its ORI', () => {
    const store = new MessageStore(':memory:');
    store.put({ address: 'SD02', destination: 'SD02', frame: am('one'), storedAt: T0, expiresAt: T0 + 1000, reportToSender: true });
    store.put({ address: 'CA0370000', destination: 'CA0370000', frame: am('two'), storedAt: T0 + 1, expiresAt: T0 + 1000, reportToSender: true });
    store.put({ address: 'SD01', destination: 'SD01', frame: am('other'), storedAt: T0 + 2, expiresAt: T0 + 1000, reportToSender: false });
    const pending = store.pending(['SD02', 'CA0370000'], T0 + 10);
    expect(pending.map((message) => message.frame.adminMessage?.text)).toEqual(['one', 'two']);
    expect(pending[0]).toMatchObject({ destination: 'SD02', reportToSender: true, storedAt: T0 });
    expect(store.count(['SD02', 'CA0370000'], T0 + 10)).toBe(2);
    expect(store.remove(pending[0]!.id)).toBe(true);
    expect(store.remove(pending[0]!.id)).toBe(false);
    expect(store.size).toBe(2);
    store.close();
  });

  it('hands out expired rows once, and never as pending', () => {
    const store = new MessageStore(':memory:');
    store.put({ address: 'SD02', destination: 'SD02', frame: am('late'), storedAt: T0, expiresAt: T0 + 100, reportToSender: true });
    store.put({ address: linkAddress('state'), destination: 'LA01', frame: am('report'), storedAt: T0, expiresAt: T0 + 500, reportToSender: false });
    expect(store.pending(['SD02'], T0 + 100)).toEqual([]);
    expect(store.takeExpired(T0 + 100).map((message) => message.frame.adminMessage?.text)).toEqual(['late']);
    expect(store.takeExpired(T0 + 100)).toEqual([]);
    expect(store.pending([linkAddress('state')], T0 + 100)).toHaveLength(1);
    store.close();
  });

  it('keeps what it stored across a reopen of the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clets-store-'));
    const path = join(dir, 'messages.db');
    const first = new MessageStore(path);
    first.put({ address: 'SD02', destination: 'SD02', frame: am('durable'), storedAt: T0, expiresAt: T0 + 1000, reportToSender: true });
    first.close();
    const second = new MessageStore(path);
    expect(second.pending(['SD02'], T0).map((message) => message.frame.adminMessage?.text)).toEqual(['durable']);
    second.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('remembers what each county announced, the last announcement winning', () => {
    const store = new MessageStore(':memory:');
    store.savePeer({ peer: 'county-37', oris: ['CA0370000'], terminals: ['SD01'], announcedAt: T0 });
    store.savePeer({ peer: 'county-37', oris: ['CA0370000', 'CA0370100'], terminals: ['SD01', 'SD09'], announcedAt: T0 + 1 });
    expect(store.peers()).toEqual([{ peer: 'county-37', oris: ['CA0370000', 'CA0370100'], terminals: ['SD01', 'SD09'], announcedAt: T0 + 1 }]);
    store.close();
  });
});
