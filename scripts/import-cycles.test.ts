import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { workspaceImportCycles } from './import-cycles.js';

const made: string[] = [];

/** A workspace of the given files (path -> text) in a fresh temporary folder. */
function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'import-cycles-'));
  made.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

afterEach(() => {
  for (const root of made.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe('import cycles', () => {
  it('finds two files that import each other, through a type-only import too', () => {
    const root = workspace({
      'packages/a/src/switch.ts': "import { buildApi } from './http/api.js';\nexport const run = buildApi;\n",
      'packages/a/src/http/api.ts': "import type { Switch } from '../switch.js';\nexport function buildApi(sw?: Switch) { return sw; }\n",
      'packages/a/src/alone.ts': "import { run } from './switch.js';\nexport const again = run;\n",
    });
    expect(workspaceImportCycles(root)).toEqual([
      ['packages/a/src/http/api.ts', 'packages/a/src/switch.ts', 'packages/a/src/http/api.ts'],
    ]);
  });

  it('follows re-exports, index files and @clets packages to their source files', () => {
    const root = workspace({
      'packages/one/package.json': JSON.stringify({ name: '@clets/one', exports: { '.': { source: './src/index.ts' } } }),
      'packages/one/src/index.ts': "export { two } from '@clets/two';\n",
      'packages/two/package.json': JSON.stringify({ name: '@clets/two', exports: { '.': { source: './src/index.ts' }, './x': { source: './src/x/index.ts' } } }),
      'packages/two/src/index.ts': "export const two = 2;\nexport { x } from './x/index.js';\n",
      'packages/two/src/x/index.ts': "import('@clets/one');\nexport const x = 1;\n",
    });
    expect(workspaceImportCycles(root)).toEqual([
      ['packages/one/src/index.ts', 'packages/two/src/index.ts', 'packages/two/src/x/index.ts', 'packages/one/src/index.ts'],
    ]);
  });

  it('finds none where imports point one way', () => {
    const root = workspace({
      'packages/a/src/low.ts': 'export const low = 1;\n',
      'packages/a/src/high.ts': "import { low } from './low.js';\nexport const high = low;\n",
    });
    expect(workspaceImportCycles(root)).toEqual([]);
  });
});

describe('this workspace', () => {
  it('has no import cycle between its files', () => {
    const root = join(import.meta.dirname, '..');
    expect(workspaceImportCycles(root)).toEqual([]);
  });
});
