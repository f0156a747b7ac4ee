/**
 * The folders of the switch are floors (README.md, "Files"): a folder imports only the
 * folders below it, and the shared files at the top of src/ (config, metrics, logger); the
 * top files (switch.ts composes it all), the commands and the test support use everything.
 * A file that needs something from a higher floor is a sign that thing belongs lower.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Top to bottom. */
const FLOORS = ['cli', 'testing', 'http', 'reports', 'peers', 'traffic', 'terminals', 'pipeline', 'security', 'links', 'audit'] as const;
/** The commands and the test support stand over the whole switch, top files included. */
const TOOLS = new Set(['cli', 'testing']);
/** The files at the top of src/ that every floor may use. */
const SHARED_TOP_FILES = new Set(['config.ts', 'metrics.ts', 'logger.ts']);

const SRC = import.meta.dirname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the switch\'s folders', () => {
  it('import only the folders below them and the shared files at the top', () => {
    const upward: string[] = [];
    for (const file of sources(SRC)) {
      const from = relative(SRC, file).split('/');
      if (from.length === 1 || TOOLS.has(from[0]!)) continue; // the top files and the tools use everything
      const floor = FLOORS.indexOf(from[0] as (typeof FLOORS)[number]);
      expect(floor, `${from[0]} is not a floor of README.md`).toBeGreaterThanOrEqual(0);
      for (const match of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
        const target = relative(SRC, normalize(join(dirname(file), match[1]!))).split('/');
        if (target.length === 1) {
          if (!SHARED_TOP_FILES.has(target[0]!.replace(/\.js$/, '.ts'))) upward.push(`${from.join('/')} imports ${target.join('/')}`);
          continue;
        }
        const targetFloor = FLOORS.indexOf(target[0] as (typeof FLOORS)[number]);
        if (targetFloor < floor) upward.push(`${from.join('/')} imports ${target.join('/')}`);
      }
    }
    expect(upward).toEqual([]);
  });
});
