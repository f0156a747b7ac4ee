// Builds the console's page (src/page, index.html) with Vite into dist/page, which the switch
// serves at /console/. Skipped when nothing it is built from changed since the last build,
// so `pnpm build` stays fast; `--force` builds anyway.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(fileURLToPath(import.meta.url));
const outDir = join(root, 'dist', 'page');
const stamp = join(root, 'dist', '.page-built');

function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))));
}

const inputs = ['src/page', 'index.html', 'build.mjs', 'package.json'].map((name) => join(root, name));
const force = process.argv.includes('--force');
if (!force && existsSync(stamp) && existsSync(join(outDir, 'index.html')) && statSync(stamp).mtimeMs >= Math.max(...inputs.map(newest))) {
  process.exit(0);
}

const { build } = await import('vite');
await build({
  root,
  base: './',
  logLevel: 'warn',
  configFile: false,
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  resolve: { alias: { react: 'preact/compat' } },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    // One script and one style sheet: the page is small, and a single request loads it.
    cssCodeSplit: false,
    modulePreload: false,
    rollupOptions: { output: { entryFileNames: 'assets/console-[hash].js', assetFileNames: 'assets/console-[hash][extname]' } },
  },
});
writeFileSync(stamp, new Date().toISOString());
console.log(`console page built in ${outDir}`);
