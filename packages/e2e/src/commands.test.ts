/**
 * Every command of the repository answers `--help` with its usage on stdout and exit 0, and
 * refuses an unknown flag with exit 2 and an error that names the flag, before doing any
 * work: the bins (compiled, run as the package manager links them), the root scripts
 * (compiled, under node) and the bench scripts (from source, through tsx).
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '@clets/launcher';

interface Outcome { readonly code: number; readonly stdout: string; readonly stderr: string }

function run(command: readonly string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(command[0]!, command.slice(1), { cwd: REPO_ROOT, timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } }, (error, stdout, stderr) => {
      const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

const bin = (name: string): string[] => [join(REPO_ROOT, 'node_modules', '.bin', name)];
const node = (path: string): string[] => [process.execPath, join(REPO_ROOT, path)];
const fromSource = (path: string): string[] => [process.execPath, '--conditions=source', '--import', 'tsx', join(REPO_ROOT, path)];

const COMMANDS: Readonly<Record<string, readonly string[]>> = {
  'clets-switch': bin('clets-switch'),
  'clets-backends': bin('clets-backends'),
  'clets-terminal': bin('clets-terminal'),
  'clets-audit': bin('clets-audit'),
  'clets-reports': bin('clets-reports'),
  'pnpm demo': node('scripts/dist/demo.js'),
  'pnpm fixtures': node('scripts/dist/gen-fixtures.js'),
  'pnpm gen (golden frames)': node('scripts/dist/gen-golden.js'),
  'pnpm gen (protobuf code)': node('scripts/gen-proto.mjs'),
  'pnpm check:cycles': node('scripts/dist/import-cycles.js'),
  'pnpm openapi': node('scripts/dist/gen-openapi.js'),
  'pnpm bench': fromSource('bench/src/run-all.ts'),
  // The scenario scripts share one flag reader (bench/src/command-line.ts): one stands for all.
  'bench switch-e2e': fromSource('bench/src/switch-e2e.ts'),
  'bench load-generator': fromSource('bench/src/load-generator.ts'),
  'bench measure-corking': fromSource('bench/src/measure-corking.ts'),
  'bench query-1m': fromSource('packages/backends/bench/query-1m.ts'),
  'bench audit appends': fromSource('packages/switch/src/audit/bench-audit.ts'),
};

describe.concurrent('every command', () => {
  it.each(Object.entries(COMMANDS))('%s: --help prints the usage and exits 0', async (_name, command) => {
    const outcome = await run([...command, '--help']);
    expect(outcome.stderr).toBe('');
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/usage:/i);
  }, 60_000);

  it.each(Object.entries(COMMANDS))('%s: an unknown flag exits 2 and is named', async (_name, command) => {
    const outcome = await run([...command, '--no-such-flag']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toContain('--no-such-flag');
    expect(outcome.stdout).toBe('');
  }, 60_000);
});
