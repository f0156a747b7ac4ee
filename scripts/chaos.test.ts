/**
 * The chaos run's checks on made-up records: each invariant holds for a run that kept its
 * promises and fails, naming what broke, for one that did not. (The run itself, `pnpm chaos`,
 * is a CI step of its own: it starts processes for a minute and more.)
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeliveryState } from '@clets/protocol';
import { everyMessageDelivered, everyTransactionEnds, noEntryAppliedTwice, type AuditTally, type DrivenTerminal } from './chaos/invariants.js';
import { SeededRandom } from './chaos/random.js';
import type { SentRecord, TrafficKind } from './chaos/terminals.js';

function record(id: string, kind: TrafficKind, overrides: Partial<SentRecord> = {}): SentRecord {
  return {
    id, terminal: 'LA01', kind, line: '', destinations: [], receipted: true, completions: ['NCIC|'], nonDelivery: new Set(),
    reports: new Map(), acknowledged: false, attempts: 1, ...overrides,
  };
}

const audit = (transactions: number[], completions: [number, number][], refused: number[] = []): AuditTally => ({
  switchId: 'county-19', transactions, completions: new Map(completions), refusedAfterRow: new Set(refused),
});

describe('every receipted transaction ends once', () => {
  it('holds when each has its Completion and each transaction row one completion row (or a refusal after its row)', () => {
    const result = everyTransactionEnds([record('A', 'inquiry'), record('B', 'entry', { completions: ['|CORI', '|CORI'], nonDelivery: new Set(['CORI']) })],
      [audit([1, 2, 3], [[1, 1], [2, 1]], [3])]);
    expect(result.ok).toBe(true);
    expect(result.detail).toContain('1 with a non-delivery');
  });

  it('fails for a receipt with no Completion, two different Completions, a row with none or with two', () => {
    const result = everyTransactionEnds([
      record('LOST', 'inquiry', { completions: [] }), record('SPLIT', 'inquiry', { completions: ['NCIC|', '|NCIC'] }),
    ], [audit([1, 2], [[2, 2]])]);
    expect(result.ok).toBe(false);
    expect(result.detail).toMatch(/1 receipted without a Completion \(LOST\)/);
    expect(result.detail).toMatch(/SPLIT/);
    expect(result.detail).toMatch(/1 transaction row\(s\) without a completion row/);
    expect(result.detail).toMatch(/1 transaction row\(s\) with two completion rows/);
  });
});

describe('every AM and YQ is delivered or reported, none twice', () => {
  const terminal = (mnemonic: string, ori: string, county: string, admin: [string, number][] = [], hits: [string, number][] = []): DrivenTerminal => ({
    mnemonic, ori, county, received: { adminMessages: new Map(admin), hitRequests: new Map(hits) },
  });
  const id = (sent: SentRecord): string => `county-19:${sent.terminal}:OP1001:${sent.id}`;

  it('holds when each destination got it once, or its sender was told it was not delivered', () => {
    const am = record('AM1', 'am', { destinations: ['SD01'] });
    const yq = record('YQ1', 'yq', { destinations: ['CA0370000'] });
    const broadcast = record('B1', 'broadcast', { destinations: ['C37'] });
    const expired = record('AM2', 'am', { destinations: ['SD02'], reports: new Map([['SD02', DeliveryState.DELIVERY_STATE_EXPIRED]]) });
    const result = everyMessageDelivered([am, yq, broadcast, expired], [
      terminal('SD01', 'CA0370000', '37', [[id(am), 1], [id(broadcast), 1]], [[`${id(yq)}#1`, 1]]),
      terminal('SD02', 'CA0370000', '37', [[id(broadcast), 1]], [[`${id(yq)}#1`, 1]]),
    ], id);
    expect(result).toMatchObject({ ok: true, detail: '4 destinations: 3 delivered once, 1 reported not delivered' });
  });

  it('fails for a message lost without a report, and for one given twice', () => {
    const lost = record('AM3', 'am', { destinations: ['SD01'], reports: new Map([['SD01', DeliveryState.DELIVERY_STATE_STORED]]) });
    const twice = record('AM4', 'am', { destinations: ['SD02'] });
    const result = everyMessageDelivered([lost, twice], [terminal('SD01', 'CA0370000', '37'), terminal('SD02', 'CA0370000', '37', [[id(twice), 2]])], id);
    expect(result.ok).toBe(false);
    expect(result.detail).toMatch(/1 neither delivered nor reported undeliverable \(AM3 -> SD01\)/);
    expect(result.detail).toMatch(/1 delivered twice \(AM4 -> SD02\)/);
  });

  it('does not count a message that was refused before its receipt', () => {
    const refused = record('AM5', 'am', { destinations: ['SD01'], receipted: false, completions: [], refused: 'CLETS_ERR_OVERLOADED' });
    expect(everyMessageDelivered([refused], [terminal('SD01', 'CA0370000', '37')], id).ok).toBe(true);
  });
});

describe('no entry applied twice', () => {
  it('fails when a system applied the same case number twice', () => {
    const entry = record('E1', 'entry', { oca: 'CHLA011' });
    expect(noEntryAppliedTwice([entry], [{ system: 'CORI', oca: 'CHLA011', applied: true }, { system: 'NCIC', oca: 'CHLA011', applied: true }]).ok).toBe(true);
    const twice = noEntryAppliedTwice([entry], [{ system: 'CORI', oca: 'CHLA011', applied: true }, { system: 'CORI', oca: 'CHLA011', applied: true }]);
    expect(twice).toMatchObject({ ok: false, detail: 'applied more than once: CORI:CHLA011' });
  });
});

describe('the seeded randomness', () => {
  it('makes the same choices for the same seed, and others for another', () => {
    const choices = (seed: number): number[] => {
      const random = new SeededRandom(seed);
      return Array.from({ length: 20 }, () => random.int(0, 1_000));
    };
    expect(choices(42)).toEqual(choices(42));
    expect(choices(42)).not.toEqual(choices(43));
    const random = new SeededRandom(1);
    const picks = Array.from({ length: 2_000 }, () => random.weighted({ a: 3, b: 1 }));
    expect(picks.filter((pick) => pick === 'a').length).toBeGreaterThan(1_300);
  });
});

describe('pnpm chaos', () => {
  const script = join(import.meta.dirname, 'dist/chaos.js');
  it('answers --help, and refuses an unknown flag or a bad number by name (exit 2)', () => {
    const help = spawnSync(process.execPath, [script, '--help'], { encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--rounds N/);
    const unknown = spawnSync(process.execPath, [script, '--faster'], { encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/--faster/);
    const bad = spawnSync(process.execPath, [script, '--rounds', 'many'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--rounds must be an integer/);
  });
});
