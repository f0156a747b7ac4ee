/**
 * The shape every scenario returns and writes to `bench/results/<scenario>.json`: figures,
 * each with the ceiling it is compared to (measured in the same run) and its target,
 * the correctness checks, the parameters, the git commit and the machine it ran on.
 * Absolute figures drift on a shared machine; the ratios are what a run says.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (bench/src/ -> ../..). */
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const RESULTS_DIR = join(REPO_ROOT, 'bench/results');
export const PROFILES_DIR = join(RESULTS_DIR, 'profiles');

export type RunMode = 'short' | 'full';

/** Options every scenario's `run()` takes. */
export interface ScenarioOptions {
  readonly mode: RunMode;
  /** Take a CPU profile of the measured service (switch) under load. */
  readonly profile?: boolean;
  /** Progress lines on stderr. */
  readonly log?: (line: string) => void;
}

export interface Target {
  /** The target's wording, e.g. ">= 60% of the relay with the switch's frame shape". */
  readonly description: string;
  /** Which number the target applies to. */
  readonly on: 'value' | 'ratio';
  readonly kind: 'min' | 'max';
  readonly threshold: number;
  readonly met: boolean;
  /** The run cannot tell (e.g. a trend whose error bars straddle the threshold): `met` is false. */
  readonly inconclusive?: boolean;
}

export interface Figure {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The ceiling of the same stack on this machine, measured in the same run. */
  readonly ceiling?: { readonly name: string; readonly value: number; readonly unit: string };
  /** value / ceiling. */
  readonly ratio?: number;
  readonly target?: Target;
  /** How it was measured, one line. */
  readonly note?: string;
}

export interface Check {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
}

export interface ProfileSummary {
  readonly path: string;
  readonly process: string;
  readonly totalMs: number;
  /** Set when only the samples taken under load were counted. */
  readonly window?: string;
  /** Share of samples per category (switch code, protobufjs, ws, sqlite, GC, idle...). */
  readonly categories: readonly { readonly category: string; readonly percent: number }[];
  /** Functions with the most self time. */
  readonly top: readonly { readonly fn: string; readonly where: string; readonly percent: number }[];
}

export interface MachineInfo {
  readonly cores: number;
  readonly cpuModel: string;
  readonly node: string;
  readonly platform: string;
  readonly totalMemoryGiB: number;
  readonly loadAverageStart: readonly number[];
  readonly loadAverageEnd: readonly number[];
}

export interface ScenarioResult {
  readonly scenario: string;
  readonly title: string;
  readonly mode: RunMode;
  readonly startedAt: string;
  readonly durationS: number;
  readonly commit: string;
  readonly machine: MachineInfo;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly figures: readonly Figure[];
  readonly checks: readonly Check[];
  /** Where the time goes, for a missed target; caveats of the method. */
  readonly notes: readonly string[];
  readonly profiles: readonly ProfileSummary[];
  /** The detailed measurements the figures come from. */
  readonly details?: unknown;
}

export function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
}

/** Whether the working tree has changes the commit does not hold (the figures are of those). */
export function gitDirty(): boolean {
  try {
    // The run's own outputs do not count: they change as the run goes.
    const pathspec = ['--', '.', ':(exclude)bench/results', ':(exclude)bench/RESULTS.md'];
    return execFileSync('git', ['status', '--porcelain', ...pathspec], { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() !== '';
  } catch {
    return false;
  }
}

function roundLoad(values: number[]): number[] {
  return values.map((value) => Math.round(value * 100) / 100);
}

/** Records the start of a scenario: time and load average. `finish` completes the result. */
export function startScenario(scenario: string, title: string, options: ScenarioOptions): {
  finish(parts: Pick<ScenarioResult, 'parameters' | 'figures' | 'checks' | 'notes'> & { profiles?: readonly ProfileSummary[]; details?: unknown }): ScenarioResult;
} {
  const started = Date.now();
  const loadAverageStart = roundLoad(loadavg());
  return {
    finish(parts) {
      return {
        scenario, title, mode: options.mode,
        startedAt: new Date(started).toISOString(),
        durationS: Math.round((Date.now() - started) / 100) / 10,
        commit: gitCommit() + (gitDirty() ? '+uncommitted' : ''),
        machine: {
          cores: cpus().length,
          cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
          node: process.version,
          platform: `${process.platform}-${process.arch}`,
          totalMemoryGiB: Math.round(totalmem() / 2 ** 30 * 10) / 10,
          loadAverageStart,
          loadAverageEnd: roundLoad(loadavg()),
        },
        parameters: parts.parameters,
        figures: parts.figures,
        checks: parts.checks,
        notes: parts.notes,
        profiles: parts.profiles ?? [],
        ...(parts.details !== undefined ? { details: parts.details } : {}),
      };
    },
  };
}

export function writeResult(result: ScenarioResult): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${result.scenario}.json`);
  writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  return path;
}

/** A figure compared to its ceiling, with the target evaluated on the ratio or the value. */
export function figure(input: {
  name: string; value: number; unit: string; note?: string;
  ceiling?: { name: string; value: number; unit: string };
  target?: Omit<Target, 'met' | 'inconclusive'>;
  /** The measurement cannot decide the target (see Target.inconclusive). */
  inconclusive?: boolean;
}): Figure {
  const ratio = input.ceiling !== undefined && input.ceiling.value > 0 ? input.value / input.ceiling.value : undefined;
  let target: Target | undefined;
  if (input.target !== undefined) {
    const measured = input.target.on === 'ratio' ? ratio : input.value;
    const met = measured !== undefined && Number.isFinite(measured)
      && (input.target.kind === 'min' ? measured >= input.target.threshold : measured < input.target.threshold);
    target = input.inconclusive === true ? { ...input.target, met: false, inconclusive: true } : { ...input.target, met };
  }
  return {
    name: input.name, value: input.value, unit: input.unit,
    ...(input.ceiling !== undefined ? { ceiling: input.ceiling } : {}),
    ...(ratio !== undefined ? { ratio: Math.round(ratio * 1000) / 1000 } : {}),
    ...(target !== undefined ? { target } : {}),
    ...(input.note !== undefined ? { note: input.note } : {}),
  };
}

export function round(value: number, digits = 0): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Progress on stderr: stdout stays free for a scenario's JSON. */
export function stderrLog(prefix: string): (line: string) => void {
  return (line) => process.stderr.write(`[${prefix} ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}
