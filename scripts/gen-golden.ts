// Writes packages/protocol/golden/<kind>.json and <kind>.bin from GOLDEN_FRAMES.
// Run through `pnpm gen`; the codec tests compare the committed files both ways.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GOLDEN_FRAMES, encodeFrame, decodeFrame, frameToJson } from '@clets/protocol';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../packages/protocol/golden');
mkdirSync(dir, { recursive: true });
for (const [kind, frame] of Object.entries(GOLDEN_FRAMES)) {
  const bytes = encodeFrame(frame);
  writeFileSync(join(dir, `${kind}.bin`), bytes);
  writeFileSync(join(dir, `${kind}.json`), JSON.stringify(frameToJson(decodeFrame(bytes)), null, 2) + '\n');
}
console.log(`wrote ${Object.keys(GOLDEN_FRAMES).length} golden frames to ${dir}`);
