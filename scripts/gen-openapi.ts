/**
 * Writes the committed OpenAPI documents from the routes (`pnpm openapi`), or checks them
 * (`pnpm openapi --check`: exit 1 when a committed copy differs from what the routes give).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { OPENAPI_FILES, repositoryRoot } from './openapi-documents.js';

const USAGE = `usage: pnpm openapi [--check]

Makes the OpenAPI 3.1 documents from the services' routes and their zod schemas, as the
services serve them at GET /openapi.json, and writes the committed copies:
${OPENAPI_FILES.map((file) => `  ${file.path}`).join('\n')}

  --check      write nothing; exit 1 when a committed copy differs from what the routes give
  -h, --help   this text
`;

function readOptions(): { check: boolean } {
  try {
    const { values } = parseArgs({ options: { check: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false });
    if (values.help === true) {
      process.stdout.write(USAGE);
      process.exit(0);
    }
    return { check: values.check === true };
  } catch (error) {
    process.stderr.write(`openapi: ${(error as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}

function committed(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const { check } = readOptions();
  const root = repositoryRoot();
  const stale: string[] = [];
  for (const file of OPENAPI_FILES) {
    const path = join(root, file.path);
    const made = await file.make();
    const same = committed(path) === made;
    if (check) {
      if (!same) stale.push(file.path);
      process.stdout.write(`${file.path}: ${same ? 'current' : 'differs from the routes'}\n`);
    } else {
      if (!same) writeFileSync(path, made);
      process.stdout.write(`${file.path}: ${same ? 'unchanged' : 'written'} (${Buffer.byteLength(made)} bytes)\n`);
    }
  }
  if (stale.length > 0) {
    process.stderr.write(`openapi: ${stale.join(', ')} ${stale.length === 1 ? 'differs' : 'differ'} from what the routes give: run pnpm openapi and commit the result\n`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`openapi: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
