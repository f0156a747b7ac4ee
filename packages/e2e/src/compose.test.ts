/**
 * docker-compose.yml stays true to the workspace: each service's command names a file the
 * image contains, each config it passes parses with the service's own schema, and, where a
 * compose client is installed, the file validates.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSwitchConfig } from '@clets/switch';
import { REPO_ROOT } from './launcher.js';

const compose = readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8');

function composeClient(): string[] | undefined {
  for (const candidate of [['docker', 'compose'], ['docker-compose']]) {
    try {
      execFileSync(candidate[0]!, [...candidate.slice(1), 'version'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // not installed
    }
  }
  return undefined;
}

describe('docker-compose.yml', () => {
  it("runs only entry points that exist in the workspace the image copies", () => {
    const entries = [...compose.matchAll(/"(packages\/[^"]+\.ts)"/g)].map((match) => match[1]!);
    expect(new Set(entries)).toEqual(new Set([
      'packages/backends/src/main.ts', 'packages/switch/src/main.ts', 'packages/terminal/src/cli.ts',
    ]));
    for (const entry of entries) expect(existsSync(join(REPO_ROOT, entry)), entry).toBe(true);
    expect(readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8')).toMatch(/pnpm install --frozen-lockfile/);
  });

  it('gives every switch a config its schema accepts', () => {
    const configs = [...compose.matchAll(/CLETS_SWITCH_CONFIG: >-\n((?: {8}.*\n)+)/g)].map((match) => match[1]!.split('\n').map((line) => line.trim()).join(' '));
    expect(configs).toHaveLength(3);
    const ids = configs.map((text) => parseSwitchConfig(JSON.parse(text)).switchId);
    expect(ids).toEqual(['state', 'county-19', 'county-37']);
  });

  it('validates with the compose client, when one is installed', (context) => {
    const client = composeClient();
    if (client === undefined) {
      context.skip();
      return;
    }
    execFileSync(client[0]!, [...client.slice(1), '-f', join(REPO_ROOT, 'docker-compose.yml'), 'config', '-q'], { cwd: REPO_ROOT, stdio: 'pipe' });
  });
});
