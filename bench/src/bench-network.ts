/**
 * The county network (mock backends + county switch, child processes) as the scenarios start
 * it: files in a temporary folder, the switch's default security policy with a cheap scrypt
 * cost, optionally each process's inspector open so its CPU can be profiled under load.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCountyNetwork, type CountyNetwork } from './internals.js';
import { INSPECT_OPTION, inspectorUrlOf, RemoteProfiler } from './remote-profiler.js';
import { PROFILES_DIR } from './results.js';

/**
 * A scrypt cost for the bench's switches: the demo operators' passwords are hashed when the
 * switch starts and each login hashes one; at the OWASP default (0.5 s a hash here) a county
 * switch takes over 30 s to start on this machine. Transactions never hash.
 */
export const BENCH_SCRYPT = { cost: 2 ** 12, blockSize: 8 } as const;

export type PolicyName = 'cjis' | 'plain';

/** The switch config the bench adds to the network's: its files in `dir`, the policy, the scrypt cost. */
export function benchSwitchConfig(dir: string, policy: PolicyName): Record<string, unknown> {
  return {
    security: { policy, databasePath: join(dir, 'security.db'), settings: { passwords: { scrypt: BENCH_SCRYPT } } },
    log: { level: 'warn' },
  };
}

/** Waits until the switch says every link is up (GET /readyz 200), within a deadline. */
export async function waitReady(httpUrl: string, timeoutMs = 30_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < until) {
    try {
      const response = await fetch(`${httpUrl}/readyz`);
      last = await response.text();
      if (response.status === 200) return;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`switch not ready within ${timeoutMs} ms: ${last}`);
}

export interface ProfileTarget {
  readonly name: string;
  readonly profiler: RemoteProfiler;
  readonly path: string;
}

export interface BenchNetwork {
  readonly network: CountyNetwork;
  readonly dir: string;
  /** One per process whose inspector answered (empty when not profiling). */
  readonly profiles: readonly ProfileTarget[];
  /** Profiles every target while `work` runs; writes their .cpuprofile files. */
  profileDuring<T>(work: () => Promise<T>, delayMs?: number): Promise<T>;
  /** Stops the processes (their files stay, for checks: the audit database). */
  stop(): Promise<void>;
  /** Deletes the folder of the network's files. */
  removeFiles(): void;
}

export async function startBenchNetwork(options: { scenario: string; policy?: PolicyName; profile?: boolean; switchConfig?: Record<string, unknown> }): Promise<BenchNetwork> {
  const dir = mkdtempSync(join(tmpdir(), `clets-bench-${options.scenario}-`));
  const savedNodeOptions = process.env['NODE_OPTIONS'];
  if (options.profile === true) {
    mkdirSync(PROFILES_DIR, { recursive: true });
    // Inherited by the switch and backends processes only (NODE_OPTIONS is read at start).
    process.env['NODE_OPTIONS'] = `${savedNodeOptions ?? ''} ${INSPECT_OPTION}`.trim();
  }
  let network: CountyNetwork;
  try {
    network = await startCountyNetwork({ dir, switchConfig: { ...benchSwitchConfig(dir, options.policy ?? 'cjis'), ...options.switchConfig } });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  } finally {
    if (savedNodeOptions === undefined) delete process.env['NODE_OPTIONS'];
    else process.env['NODE_OPTIONS'] = savedNodeOptions;
  }
  const profiles: ProfileTarget[] = [];
  try {
    await waitReady(network.httpUrl);
    if (options.profile === true) {
      for (const [name, service] of [['county switch', network.county], ['backends', network.backends]] as const) {
        const url = inspectorUrlOf(service.stderrTail());
        if (url === undefined) continue;
        profiles.push({ name, profiler: await RemoteProfiler.connect(url), path: join(PROFILES_DIR, `${options.scenario}-${name.split(' ').at(-1)}.cpuprofile`) });
      }
    }
  } catch (error) {
    for (const target of profiles) target.profiler.close();
    await network.stop();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    network, dir, profiles,
    async profileDuring(work, delayMs = 0) {
      const started = Promise.all(profiles.map(async (target) => {
        if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
        await target.profiler.start();
      }));
      try {
        return await work();
      } finally {
        await started;
        await Promise.all(profiles.map((target) => target.profiler.stopTo(target.path)));
      }
    },
    async stop() {
      for (const target of profiles) target.profiler.close();
      await network.stop();
    },
    removeFiles() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
