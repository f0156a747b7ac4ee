#!/usr/bin/env node
// Regenerates the static protobuf code of @clets/protocol from proto/.
//   node scripts/gen-proto.mjs          write packages/protocol/generated/
//   node scripts/gen-proto.mjs --check  fail if the committed files differ from a fresh run
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const USAGE = `usage: node scripts/gen-proto.mjs [--check]   (pnpm gen, pnpm gen:check)

Regenerates the static protobuf code of @clets/protocol (packages/protocol/generated/) from
proto/ with protobufjs-cli.
  --check     write nothing; exit 1 if the committed files differ from a fresh generation
  -h, --help  this text
`;
let check = false;
try {
  const { values } = parseArgs({ options: { check: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  check = values.check === true;
} catch (error) {
  process.stderr.write(`gen-proto: ${error.message}\n\n${USAGE}`);
  process.exit(2);
}

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'packages/protocol/generated');
const protoFiles = readdirSync(join(root, 'proto/clets/v1'))
  .filter((name) => name.endsWith('.proto'))
  .sort()
  .map((name) => join('proto/clets/v1', name));
const bin = (name) => join(root, 'node_modules/.bin', name);
const header =
  '// GENERATED FILE - DO NOT EDIT.\n' +
  '// Source: ' + protoFiles.join(', ') + '\n' +
  '// Regenerate with `pnpm gen` (scripts/gen-proto.mjs); CI fails when this file is stale.\n';

const work = mkdtempSync(join(tmpdir(), 'clets-gen-'));
try {
  const js = join(work, 'clets.js');
  const dts = join(work, 'clets.d.ts');
  // --force-number: 64-bit fields (sequence numbers, epoch ms) decode as JS numbers, not Long.
  execFileSync(bin('pbjs'), [
    '-t', 'static-module', '-w', 'es6', '--force-number',
    '--no-delimited', '--no-typeurl', '-o', js, ...protoFiles,
  ], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  execFileSync(bin('pbts'), ['-o', dts, js], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });

  const generated = {
    'clets.js': header + readFileSync(js, 'utf8'),
    // With --force-number nothing refers to Long; the CommonJS-style import would not
    // compile in an ES module, so it is dropped.
    'clets.d.ts': header + readFileSync(dts, 'utf8').replace(/^import Long = require\("long"\);\n/m, ''),
  };

  let stale = [];
  for (const [name, text] of Object.entries(generated)) {
    const target = join(outDir, name);
    if (check) {
      let current = '';
      try { current = readFileSync(target, 'utf8'); } catch { /* missing counts as stale */ }
      if (current !== text) stale.push(name);
    } else {
      writeFileSync(target, text);
    }
  }
  if (check && stale.length > 0) {
    console.error(`generated protobuf code is stale: ${stale.join(', ')}; run \`pnpm gen\` and commit`);
    process.exit(1);
  }
  console.log(check ? 'generated protobuf code is up to date' : `wrote ${Object.keys(generated).join(', ')} to ${outDir}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
