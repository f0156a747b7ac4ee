// Writes packages/protocol/golden/<kind>.json and <kind>.bin from GOLDEN_FRAMES.
// Run through `pnpm gen`; the codec tests compare the committed files both ways.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { GOLDEN_FRAMES, encodeFrame, decodeFrame, frameToJson } from '@clets/protocol';

const USAGE = `usage: pnpm gen   (runs scripts/gen-proto.mjs, compiles, then this: node scripts/dist/gen-golden.js)

Writes packages/protocol/golden/<kind>.bin and <kind>.json from the protocol's golden frames.
  -h, --help  this text
`;

try {
  if (parseArgs({ options: { help: { type: 'boolean', short: 'h' } }, strict: true }).values.help === true) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
} catch (error) {
  process.stderr.write(`gen-golden: ${(error as Error).message}\n\n${USAGE}`);
  process.exit(2);
}

// This file runs compiled, from scripts/dist/.
const dir = fileURLToPath(new URL('../../packages/protocol/golden', import.meta.url));
mkdirSync(dir, { recursive: true });
for (const [kind, frame] of Object.entries(GOLDEN_FRAMES)) {
  const bytes = encodeFrame(frame);
  writeFileSync(join(dir, `${kind}.bin`), bytes);
  writeFileSync(join(dir, `${kind}.json`), JSON.stringify(frameToJson(decodeFrame(bytes)), null, 2) + '\n');
}
console.log(`wrote ${Object.keys(GOLDEN_FRAMES).length} golden frames to ${dir}`);
