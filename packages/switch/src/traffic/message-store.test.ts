import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
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

  it('remembers when each schedule last ran, across a reopen of the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clets-store-'));
    const path = join(dir, 'messages.db');
    const first = new MessageStore(path);
    expect(first.lastRun('validation-reports')).toBeUndefined();
    first.saveRun('validation-reports', T0);
    first.saveRun('validation-reports', T0 + 5);
    first.close();
    const second = new MessageStore(path);
    expect(second.lastRun('validation-reports')).toBe(T0 + 5);
    expect(second.lastRun('another schedule')).toBeUndefined();
    second.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives an answer kept for one operator to that operator only', () => {
    const store = new MessageStore(':memory:');
    store.put({ address: 'LA01', destination: 'LA01', frame: am('answer'), storedAt: T0, expiresAt: T0 + 1000, reportToSender: false, operatorId: 'OP1' });
    store.put({ address: 'LA01', destination: 'LA01', frame: am('for all'), storedAt: T0, expiresAt: T0 + 1000, reportToSender: false });
    expect(store.pending(['LA01'], T0, 'OP2').map((message) => message.frame.adminMessage?.text)).toEqual(['for all']);
    expect(store.count(['LA01'], T0, 'OP2')).toBe(1);
    expect(store.pending(['LA01'], T0, 'OP1').map((message) => message.operatorId)).toEqual(['OP1', undefined]);
    store.close();
  });

  it('stores a message with the same key once, however often it is stored', () => {
    const store = new MessageStore(':memory:');
    const message = { address: 'SD02', destination: 'SD02', frame: am('once'), storedAt: T0, expiresAt: T0 + 1000, reportToSender: true, dedupeKey: 'm1:SD02' };
    expect(store.put(message)).toBeGreaterThan(0);
    expect(store.put(message)).toBe(0);
    expect(store.size).toBe(1);
    store.close();
  });

  it('stores a broadcast\'s copies in one go and trims each terminal to its share, oldest first', () => {
    const store = new MessageStore(':memory:');
    const copy = (text: string, address: string) => ({
      address, destination: 'C19', frame: am(text), storedAt: T0, expiresAt: T0 + 1000, reportToSender: false, broadcast: true, dedupeKey: `${text}:${address}`,
    });
    store.put({ address: 'LA02', destination: 'LA02', frame: am('direct'), storedAt: T0, expiresAt: T0 + 1000, reportToSender: true });
    for (const text of ['b1', 'b2', 'b3']) store.putMany([copy(text, 'LA02'), copy(text, 'LA03')], 2);
    const { trimmed } = store.putMany([copy('b4', 'LA02')], 2);
    expect(trimmed.map((message) => message.frame.adminMessage?.text)).toEqual(['b2']);
    expect(store.pending(['LA02'], T0).map((message) => message.frame.adminMessage?.text)).toEqual(['direct', 'b3', 'b4']);
    expect(store.pending(['LA03'], T0).map((message) => message.frame.adminMessage?.text)).toEqual(['b2', 'b3']);
    store.close();
  });

  it('keeps open hit confirmations across a reopen', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clets-store-'));
    const path = join(dir, 'messages.db');
    const first = new MessageStore(path);
    first.saveConfirmation({
      id: 'county-19:LA01:OP1:7', recordId: 'W297823148', priority: 'U', requestingOri: 'CA0190000', requestingTerminal: 'LA01',
      enteringOri: 'CA0370000', requestNumber: 2, dueAt: T0 + 600_000, sending: true, escalating: false, context: new Uint8Array([1, 2, 3]),
    });
    first.close();
    const second = new MessageStore(path);
    expect(second.confirmations()).toMatchObject([{ id: 'county-19:LA01:OP1:7', requestNumber: 2, dueAt: T0 + 600_000, sending: true, escalating: false }]);
    second.removeConfirmation('county-19:LA01:OP1:7');
    expect(second.confirmations()).toEqual([]);
    second.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens a file an older version wrote, adding the columns it lacks and keeping its rows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clets-store-'));
    const path = join(dir, 'messages.db');
    const old = new Database(path);
    old.exec(`CREATE TABLE stored_messages (id INTEGER PRIMARY KEY AUTOINCREMENT, address TEXT NOT NULL, destination TEXT NOT NULL,
      frame BLOB NOT NULL, stored_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, report_to_sender INTEGER NOT NULL) STRICT`);
    old.close();
    const store = new MessageStore(path);
    store.put({ address: 'SD02', destination: 'SD02', frame: am('after'), storedAt: T0, expiresAt: T0 + 1000, reportToSender: true, operatorId: 'OP2' });
    expect(store.pending(['SD02'], T0, 'OP2')).toHaveLength(1);
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
