/**
 * The database audit's sample: N records drawn at random from each audited file (the seeds:
 * DOJ's database audits select about 50 records of each of ABS, AFS, APS, CARPOS, CSAR, MPS,
 * SVS and WPS), optionally of one agency, each with where it stands on second-party check and
 * validation. Seeded: the same seed over the same files draws the same sample, so an audit
 * can be repeated and its findings checked.
 */
import type { FixtureSet } from '@clets/data-files';
import { buildIndexes, type Files } from './indexes.js';
import { careOf, DEFAULT_RECORD_CARE, type RecordCare, type RecordCarePolicy } from './record-care.js';
import { hotFileOf, type StateFile } from './record-updates.js';
import { UpdateStore } from './update-store.js';

/** The audited files this sample draws from (CSAR, the registry, is sampled by registrant id). */
export const AUDITED_FILES = ['ABS', 'AFS', 'APS', 'CARPOS', 'CSAR', 'MPS', 'SVS', 'WPS'] as const;
export type AuditedFile = (typeof AUDITED_FILES)[number];

export interface AuditSampleOptions {
  /** Records per file (the seeds: about 50). */
  readonly perFile: number;
  readonly seed: number;
  /** Only this agency's records; all agencies when absent. */
  readonly ori?: string;
  /** The time the states are computed at (epoch ms). */
  readonly now: number;
  readonly policy?: RecordCarePolicy;
}

export interface SampledRecord {
  readonly file: AuditedFile;
  /** NIC, or the registrant id for CSAR. */
  readonly id: string;
  readonly ori: string;
  readonly oca: string;
  readonly enteredOn: string;
  /** Absent for CSAR (a registry: no second-party check or validation here). */
  readonly care?: RecordCare;
}

/** mulberry32: a small seeded generator, so a sample never depends on Math.random. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The first `count` of a seeded shuffle (Fisher-Yates, stopped early). */
function pick<T>(items: T[], count: number, random: () => number): T[] {
  const n = Math.min(count, items.length);
  for (let index = 0; index < n; index++) {
    const other = index + Math.floor(random() * (items.length - index));
    [items[index], items[other]] = [items[other] as T, items[index] as T];
  }
  return items.slice(0, n);
}

/** N random active records of each audited file, in file order, each file sorted by id. */
export function auditSample(files: Files, options: AuditSampleOptions): SampledRecord[] {
  const random = seeded(options.seed);
  const policy = options.policy ?? DEFAULT_RECORD_CARE;
  const out: SampledRecord[] = [];
  for (const audited of AUDITED_FILES) {
    const candidates: SampledRecord[] = [];
    if (audited === 'CSAR') {
      for (const registrant of files.registrants) {
        if (options.ori !== undefined && registrant.registeringOri !== options.ori) continue;
        candidates.push({ file: audited, id: registrant.id, ori: registrant.registeringOri, oca: '', enteredOn: registrant.registeredOn });
      }
    } else {
      const stateFile: StateFile = audited;
      const file = hotFileOf(files, stateFile);
      for (let index = 0; index < file.size; index++) {
        const record = file.record(index);
        if (record === undefined || !file.isActive(index) || (record.file !== stateFile && record.file !== 'BOTH')) continue;
        if (options.ori !== undefined && record.enteringOri !== options.ori) continue;
        candidates.push({
          file: audited, id: record.nic, ori: record.enteringOri, oca: record.oca, enteredOn: record.enteredOn,
          care: careOf(record, options.now, policy, files.meta.referenceDate),
        });
      }
    }
    out.push(...pick(candidates, options.perFile, random).sort((a, b) => a.id.localeCompare(b.id)));
  }
  return out;
}

/** The files as the backends hold them: the data, with every stored update applied again. */
export function openAuditedFiles(data: FixtureSet, updatesDbPath: string): { readonly files: Files; close(): void } {
  const files = buildIndexes(data);
  const store = new UpdateStore(updatesDbPath, files);
  return { files, close: () => store.close() };
}
