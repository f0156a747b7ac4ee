/**
 * Where the time goes: reads a V8 CPU profile (`node --cpu-prof`, a .cpuprofile file) and
 * sums self time per function and per category (the switch's own code, protobufjs, ws,
 * SQLite, node internals, GC, idle), for the RESULTS.md note of a missed target.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT, type ProfileSummary } from './results.js';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

interface CpuProfile {
  readonly startTime: number;
  readonly endTime: number;
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** The category of a frame, from its URL or V8's pseudo-frames. */
export function categoryOf(functionName: string, url: string): string {
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(program)') return 'V8/native (program)';
  if (url === '') return 'native';
  if (url.startsWith('node:')) return 'node internals';
  // The last node_modules segment names the package (pnpm nests them under .pnpm/<name@version>/).
  const modules = [...url.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)\//g)];
  const module = modules.at(-1)?.[1];
  if (module !== undefined && module !== '.pnpm') return module;
  const local = /\/packages\/([^/]+)\/src\/(?:([^/]+)\/)?/.exec(url);
  if (local !== null) return `@clets/${local[1]}${local[2] !== undefined && !local[2].includes('.') ? `/${local[2]}` : ''}`;
  if (url.includes('/bench/src/')) return '@clets/bench';
  if (url.startsWith('wasm://')) return 'wasm';
  return 'other';
}

/** Now on the clock V8 stamps profiles with (CLOCK_MONOTONIC, microseconds), in any process. */
export function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/**
 * Self time per function and category. `window` ([from, to] in monotonicUs() of any process on
 * this machine: V8 and libuv read the same monotonic clock) keeps only the samples taken under
 * load, leaving out start-up and shutdown.
 */
export function summarizeProfile(path: string, processName: string, options: { window?: readonly [number, number]; top?: number } = {}): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  const [from, to] = options.window ?? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  let at = profile.startTime;
  let total = 0;
  for (let index = 0; index < profile.samples.length; index++) {
    const delta = profile.timeDeltas[index] ?? 0;
    at += delta;
    if (at < from || at > to) continue;
    const id = profile.samples[index]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + delta);
    total += delta;
  }
  const parents = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
  /** The nearest caller with a script URL: names what a native frame (a syscall, SQLite) worked for. */
  const callerOf = (id: number): ProfileNode | undefined => {
    for (let parent = parents.get(id); parent !== undefined; parent = parents.get(parent)) {
      const node = byId.get(parent);
      if (node !== undefined && node.callFrame.url !== '') return node;
    }
    return undefined;
  };
  const functions = new Map<string, { fn: string; where: string; us: number }>();
  const categories = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (node === undefined) continue;
    const { functionName, lineNumber } = node.callFrame;
    let url = node.callFrame.url;
    let category = categoryOf(functionName, url);
    if (category === 'native') {
      // Native code (better-sqlite3's statements, libuv writes) counts for its JS caller.
      const caller = callerOf(id);
      if (caller !== undefined) {
        url = caller.callFrame.url;
        category = `${categoryOf(caller.callFrame.functionName, url)} (native)`;
      }
    }
    categories.set(category, (categories.get(category) ?? 0) + us);
    // Files run through tsx are transpiled: their line numbers are not the source's.
    const native = node.callFrame.url === '' && url !== '';
    const where = url === '' ? '' : `${native ? 'native, called from ' : ''}${url.endsWith('.ts') || native ? shorten(url) : `${shorten(url)}:${lineNumber + 1}`}`;
    const key = `${functionName}@${where}`;
    const entry = functions.get(key) ?? { fn: functionName || '(anonymous)', where, us: 0 };
    entry.us += us;
    functions.set(key, entry);
  }
  const percent = (us: number): number => Math.round((us / Math.max(1, total)) * 1000) / 10;
  return {
    path: relative(REPO_ROOT, path),
    process: processName,
    totalMs: Math.round(total / 1000),
    ...(options.window !== undefined ? { window: 'under load only' } : {}),
    categories: [...categories].sort((a, b) => b[1] - a[1]).map(([category, us]) => ({ category, percent: percent(us) })),
    top: [...functions.values()].sort((a, b) => b.us - a.us).slice(0, options.top ?? 15).map((entry) => ({ fn: entry.fn, where: entry.where, percent: percent(entry.us) })),
  };
}

function shorten(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const module = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+\/.*)$/.exec(path);
  if (module !== null) return module[1]!;
  return path.startsWith(REPO_ROOT) ? relative(REPO_ROOT, path) : path;
}

/** The profiles a process with this pid wrote into `dir` (names end in .<pid>.<tid>.<seq>.cpuprofile). */
export function profilesOf(dir: string, pid: number): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.cpuprofile') && name.includes(`.${pid}.`))
      .map((name) => join(dir, name))
      .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs);
  } catch {
    return [];
  }
}

/** One line: the biggest categories and functions. */
export function describeProfile(summary: ProfileSummary): string {
  const categories = summary.categories.filter((entry) => entry.category !== 'idle').slice(0, 6).map((entry) => `${entry.category} ${entry.percent}%`).join(', ');
  const idle = summary.categories.find((entry) => entry.category === 'idle')?.percent ?? 0;
  const top = summary.top.filter((entry) => entry.fn !== '(idle)').slice(0, 6).map((entry) => `${entry.fn} (${entry.where || 'native'}) ${entry.percent}%`).join('; ');
  return `${summary.process}: idle ${idle}%; by category: ${categories}; top functions: ${top}`;
}
