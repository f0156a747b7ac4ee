/**
 * Compiles the workspace (`tsc -b tsconfig.build.json`) before any test runs, and again
 * before each rerun in watch mode. The tests that start real processes (packages/e2e, a
 * service's own entry point, the CLIs) run the compiled dist/ files, as production does;
 * building here makes them run what the sources say. Incremental: when nothing changed it
 * takes a fraction of a second.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const ROOT = dirname(fileURLToPath(import.meta.url));

function build(): void {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' });
  } catch (error) {
    const output = error as { stdout?: string; stderr?: string };
    throw new Error(`the workspace does not compile (tsc -b tsconfig.build.json):\n${output.stdout ?? ''}${output.stderr ?? ''}`);
  }
  // The console's page, which the switch serves and the browser tests load (skipped when current).
  execFileSync(process.execPath, ['packages/console/build.mjs'], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' });
}

export default function setup(project: TestProject): void {
  build();
  project.onTestsRerun(() => build());
}
