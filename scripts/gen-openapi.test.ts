import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPENAPI_FILES, repositoryRoot } from './openapi-documents.js';

// The committed documents are what integrators read: a route or schema changed without
// `pnpm openapi` leaves them describing an API that no longer exists.
describe('the committed OpenAPI documents', () => {
  for (const file of OPENAPI_FILES) {
    it(`${file.path} is what the routes give (pnpm openapi writes it)`, async () => {
      const committed = readFileSync(join(repositoryRoot(), file.path), 'utf8');
      expect(committed === await file.make(), `${file.path} differs from the routes: run pnpm openapi`).toBe(true);
    });
  }
});
