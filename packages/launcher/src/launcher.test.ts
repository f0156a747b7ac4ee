import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeArguments, REPO_ROOT, SERVICE_ENTRIES } from './launcher.js';

describe('how a service is started', () => {
  it('runs every service compiled, under plain node', () => {
    for (const entry of Object.values(SERVICE_ENTRIES)) expect(nodeArguments(entry)).toEqual([join(REPO_ROOT, entry)]);
  });

  it('runs a TypeScript entry (the bench\'s own processes) from source through tsx', () => {
    expect(nodeArguments('bench/src/processes/relay.ts')).toEqual(['--conditions=source', '--import', 'tsx', join(REPO_ROOT, 'bench/src/processes/relay.ts')]);
  });

  it('refuses an entry that was never compiled, saying how to compile it', () => {
    expect(() => nodeArguments('packages/nothing/dist/main.js')).toThrow(/does not exist: compile the workspace first \(pnpm build\)/);
  });
});
