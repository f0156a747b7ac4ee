/**
 * The committed OpenAPI documents (docs/openapi.json, docs/openapi-backends.json) and what
 * the routes give now: each service is built in this process, not listening, and asked for its
 * `GET /openapi.json`, the document it serves. The switch is a county switch under the CJIS
 * security policy (the policy whose routes are a superset: `plain` has no administration),
 * on the committed demo data; nothing is written to disk.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { buildBackendService, parseBackendConfig } from '@clets/backends';
import { createFakeSystems } from '@clets/backends/testing';
import { readDataSet } from '@clets/data-files';
import { SYSTEMS } from '@clets/protocol';
import { buildSwitch } from '@clets/switch';
import { MemoryAuditStore } from '@clets/switch/audit';

export interface OpenApiFile {
  /** Relative to the repository root. */
  readonly path: string;
  /** The document the routes give now, as served. */
  make(): Promise<string>;
}

/** The folder holding pnpm-workspace.yaml, above this file (its source or its compiled copy). */
export function repositoryRoot(from: string = import.meta.dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
    dir = parent;
  }
  return dir;
}

/** A minimal scrypt cost: the document does not depend on it, and the demo passwords are hashed at start. */
const QUICK_SCRYPT = { cost: 16, blockSize: 1, parallelization: 1 };

async function switchDocument(): Promise<string> {
  const sw = await buildSwitch({
    switchId: 'county-19', messagesPath: ':memory:',
    security: { databasePath: ':memory:', settings: { passwords: { scrypt: QUICK_SCRYPT } } },
    log: { level: 'silent' },
  }, { audit: new MemoryAuditStore(), data: await readDataSet(join(repositoryRoot(), 'fixtures')) });
  try {
    return (await sw.http.inject({ url: '/openapi.json' })).body;
  } finally {
    await sw.close();
  }
}

async function backendsDocument(): Promise<string> {
  const config = parseBackendConfig({ links: [{ peerId: 'county-19', secret: 'document-only' }], updatesDbPath: ':memory:', log: { level: 'silent' } });
  const service = buildBackendService(config, { systems: createFakeSystems([...SYSTEMS]) });
  try {
    return (await service.control.inject({ url: '/openapi.json' })).body;
  } finally {
    await service.close();
  }
}

export const OPENAPI_FILES: readonly OpenApiFile[] = [
  { path: 'docs/openapi.json', make: switchDocument },
  { path: 'docs/openapi-backends.json', make: backendsDocument },
];
