import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceFiles } from './import-cycles.js';

// A package offers what its index names: `export *` would offer whatever a module happens to
// export, and hide from a reader (and from a change to that module) what the package promises.
describe('this workspace', () => {
  it('re-exports by name only: no `export *` in any source file', () => {
    const root = join(import.meta.dirname, '..');
    const offenders = sourceFiles(root)
      .filter((file) => /^\s*export\s+\*/m.test(readFileSync(file, 'utf8')))
      .map((file) => relative(root, file));
    expect(offenders).toEqual([]);
  });
});
