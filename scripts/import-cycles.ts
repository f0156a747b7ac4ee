/**
 * Finds import cycles between the workspace's TypeScript files: two files (or more) that
 * reach each other through their imports, type-only imports and re-exports included. A cycle
 * is a knot: neither file can be read, tested or moved without the other, and a value one of
 * them exports may be undefined while the other is still loading. The workspace has none, and
 * `import-cycles.test.ts` keeps it so.
 *
 *   node scripts/dist/import-cycles.js [DIR]     (exit 1 and one line per cycle when any)
 *
 * Imports of `@clets/*` packages are followed to the file their `source` export names, so a
 * cycle through two packages counts too; every other package is outside the workspace.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

/** Folders never read: installed, compiled and generated code. */
const SKIPPED = new Set(['node_modules', 'dist', 'generated', '.git']);
/** Where the workspace's own sources are, relative to its root. */
const SOURCE_ROOTS = ['packages', 'scripts', 'bench'];

export interface ImportGraph {
  /** File -> the workspace files it imports (absolute paths). */
  readonly edges: ReadonlyMap<string, readonly string[]>;
}

/** Every `.ts` file below the source roots of `root`, tests included. */
export function sourceFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (SKIPPED.has(entry.name)) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) found.push(path);
    }
  };
  for (const sub of SOURCE_ROOTS) if (existsSync(join(root, sub))) walk(join(root, sub));
  return found.sort();
}

/** `@clets/<name>[/<sub>]` -> the source file its package's `exports` name. */
function packageExports(root: string): Map<string, string> {
  const entries = new Map<string, string>();
  const packages = join(root, 'packages');
  if (!existsSync(packages)) return entries;
  for (const name of readdirSync(packages)) {
    const manifestPath = join(packages, name, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { name?: string; exports?: Record<string, unknown> };
    if (manifest.name === undefined || manifest.exports === undefined) continue;
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      const source = typeof target === 'object' && target !== null ? (target as { source?: unknown }).source : undefined;
      if (typeof source !== 'string') continue;
      entries.set(subpath === '.' ? manifest.name : `${manifest.name}/${subpath.replace(/^\.\//, '')}`, resolve(packages, name, source));
    }
  }
  return entries;
}

/** The workspace file an import specifier names, or undefined for anything outside it. */
function resolveSpecifier(from: string, specifier: string, exported: ReadonlyMap<string, string>): string | undefined {
  if (specifier.startsWith('@clets/')) return exported.get(specifier);
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  const candidates = [
    base.replace(/\.(m?js)$/, (_match, ext: string) => (ext === 'mjs' ? '.mts' : '.ts')),
    `${base}.ts`,
    join(base, 'index.ts'),
  ];
  return candidates.find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

/** The import graph of the files (static imports, `export ... from`, `import()`, type-only ones too). */
export function importGraph(root: string, files: readonly string[] = sourceFiles(root)): ImportGraph {
  const exported = packageExports(root);
  const edges = new Map<string, string[]>();
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = new Set<string>();
    for (const imported of info.importedFiles) {
      const target = resolveSpecifier(file, imported.fileName, exported);
      if (target !== undefined) targets.add(target);
    }
    edges.set(file, [...targets]);
  }
  return { edges };
}

/**
 * The cycles of a graph: one per strongly connected component of two files or more (or a
 * file that imports itself), each given as a closed path through it, first file repeated last.
 */
export function findCycles(graph: ImportGraph): string[][] {
  const { edges } = graph;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let counter = 0;

  // Tarjan's algorithm, with an explicit stack: a long import chain must not overflow the call stack.
  for (const start of edges.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    low.set(start, counter);
    counter += 1;
    stack.push(start);
    onStack.add(start);
    while (work.length > 0) {
      const frame = work[work.length - 1]!;
      const targets = edges.get(frame.node) ?? [];
      if (frame.next < targets.length) {
        const target = targets[frame.next]!;
        frame.next += 1;
        if (!index.has(target)) {
          index.set(target, counter);
          low.set(target, counter);
          counter += 1;
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent !== undefined) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const component: string[] = [];
      for (;;) {
        const member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
        if (member === frame.node) break;
      }
      const selfImport = component.length === 1 && (edges.get(frame.node) ?? []).includes(frame.node);
      if (component.length > 1 || selfImport) components.push(component);
    }
  }
  return components.map((component) => cyclePath(component, edges));
}

/** One closed path through a strongly connected component, from its first file in sort order. */
function cyclePath(component: readonly string[], edges: ReadonlyMap<string, readonly string[]>): string[] {
  const members = new Set(component);
  const start = [...component].sort()[0]!;
  // Breadth-first from the start back to itself, inside the component: the shortest cycle through it.
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const target of edges.get(node) ?? []) {
      if (!members.has(target)) continue;
      if (target === start) {
        const path = [node];
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!);
        return [...path, start];
      }
      if (!previous.has(target)) {
        previous.set(target, node);
        queue.push(target);
      }
    }
  }
  return [start, start];
}

/** The cycles of the workspace at `root`, each as paths relative to it. */
export function workspaceImportCycles(root: string): string[][] {
  return findCycles(importGraph(root)).map((cycle) => cycle.map((file) => relative(root, file)));
}

const USAGE = `usage: node scripts/dist/import-cycles.js [DIR]

Lists the import cycles between the TypeScript files of the workspace at DIR (default: this
repository): one line per cycle, its files in import order. Exit 0 when there are none, 1
when there are, 2 for a bad command line.
`;

function main(argv: readonly string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const unknown = argv.find((arg) => arg.startsWith('-'));
  if (unknown !== undefined || argv.length > 1) {
    process.stderr.write(`import-cycles: unknown argument '${unknown ?? argv[1]}'\n\n${USAGE}`);
    return 2;
  }
  const root = resolve(argv[0] ?? join(dirname(fileURLToPath(import.meta.url)), '..', '..'));
  const cycles = workspaceImportCycles(root);
  for (const cycle of cycles) process.stdout.write(`cycle: ${cycle.join(' -> ')}\n`);
  process.stdout.write(cycles.length === 0 ? 'no import cycles\n' : `${cycles.length} import cycle(s)\n`);
  return cycles.length === 0 ? 0 : 1;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
