import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './import-cycles.js';

const ROOT = join(import.meta.dirname, '..');

/**
 * What a deployable may not import outside its tests: the data generator (a service reads
 * the data files through @clets/data-files), the terminal client it serves, and the test and
 * launch tooling. Its `testing/` helpers count as production: they are compiled and exported.
 */
const FORBIDDEN: Readonly<Record<string, readonly string[]>> = {
  'packages/switch/src/': ['@clets/fixtures', '@clets/terminal', '@clets/e2e', '@clets/launcher'],
  'packages/backends/src/': ['@clets/fixtures', '@clets/terminal', '@clets/e2e', '@clets/launcher'],
  'scripts/': ['@clets/e2e'],
};

function importsOf(file: string): string[] {
  return ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles.map((imported) => imported.fileName);
}

describe('this workspace', () => {
  it('imports no generator, terminal client or test tooling into the switch and the backends, and no e2e into scripts', () => {
    const offences: string[] = [];
    for (const file of sourceFiles(ROOT)) {
      const path = relative(ROOT, file);
      if (path.endsWith('.test.ts')) continue;
      const rule = Object.entries(FORBIDDEN).find(([prefix]) => path.startsWith(prefix));
      if (rule === undefined) continue;
      for (const specifier of importsOf(file)) {
        if (rule[1].some((name) => specifier === name || specifier.startsWith(`${name}/`))) offences.push(`${path} imports ${specifier}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('lists no generator, terminal client or test tooling among the switch\'s and the backends\' dependencies', () => {
    for (const name of ['switch', 'backends']) {
      const manifest = JSON.parse(readFileSync(join(ROOT, 'packages', name, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
      const forbidden = Object.keys(manifest.dependencies ?? {}).filter((dependency) => FORBIDDEN['packages/switch/src/']!.includes(dependency));
      expect(forbidden, name).toEqual([]);
    }
  });
});
