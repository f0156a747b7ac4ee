/**
 * docker-compose.yml and the Dockerfile stay true to the workspace: each service runs a
 * command the image provides (a bin of a package the image carries), each config it passes
 * parses with the service's own schema, the image is built once and runs unprivileged, no
 * port is published beyond 127.0.0.1, and, where a compose client is installed, the file
 * validates.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSwitchConfig } from '@clets/switch';
import { REPO_ROOT } from '@clets/launcher';

const compose = readFileSync(join(REPO_ROOT, 'docker-compose.yml'), 'utf8');
const dockerfile = readFileSync(join(REPO_ROOT, 'Dockerfile'), 'utf8');

/** The packages whose compiled dist/ and bins the final stage copies. */
const IMAGE_PACKAGES = ['switch', 'backends', 'terminal'] as const;

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

/** Every bin the image links onto the PATH: name -> file, from the packages' manifests. */
function imageBins(): Map<string, string> {
  const bins = new Map<string, string>();
  for (const name of IMAGE_PACKAGES) {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'packages', name, 'package.json'), 'utf8')) as { bin?: Record<string, string> };
    for (const [bin, file] of Object.entries(manifest.bin ?? {})) bins.set(bin, join(REPO_ROOT, 'packages', name, file));
  }
  return bins;
}

describe('docker-compose.yml', () => {
  it('runs only commands the image provides, under node, never through tsx', () => {
    const commands = [...compose.matchAll(/^ {4}command: \[([^\]]*)\]$/gm)].map((match) => JSON.parse(`[${match[1]!}]`) as string[]);
    expect(commands.map((command) => command[0])).toEqual(['clets-backends', 'clets-switch', 'clets-switch', 'clets-switch', 'clets-terminal']);
    const bins = imageBins();
    for (const [bin] of commands) {
      const file = bins.get(bin!);
      expect(file, `${bin} is no package's bin`).toBeDefined();
      expect(existsSync(file!), file).toBe(true);
      expect(readFileSync(file!, 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n[\s\S]*import '?.*\.\.\/dist\//);
    }
    expect(compose).not.toMatch(/tsx/);
    expect(dockerfile).toMatch(/ln -s "\$bin" "\/usr\/local\/bin\/\$\(basename "\$bin" \.js\)"/);
  });

  it('gives every switch a config its schema accepts', () => {
    const configs = [...compose.matchAll(/CLETS_SWITCH_CONFIG: >-\n((?: {8}.*\n)+)/g)].map((match) => match[1]!.split('\n').map((line) => line.trim()).join(' '));
    expect(configs).toHaveLength(3);
    const ids = configs.map((text) => parseSwitchConfig(JSON.parse(text)).switchId);
    expect(ids).toEqual(['state', 'county-19', 'county-37']);
  });

  it('builds the image once and publishes ports on 127.0.0.1 only', () => {
    expect([...compose.matchAll(/^ {4}build: /gm)]).toHaveLength(1);
    const ports = [...compose.matchAll(/^ {4}ports: \[([^\]]*)\]$/gm)].flatMap((match) => JSON.parse(`[${match[1]!}]`) as string[]);
    expect(ports.length).toBeGreaterThan(0);
    for (const port of ports) expect(port).toMatch(/^127\.0\.0\.1:\d+:\d+$/);
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

describe('Dockerfile', () => {
  const stages = dockerfile.split(/^FROM /m).slice(1);

  it('installs from the manifests and the lockfile before it copies the sources', () => {
    const build = stages[0]!;
    const install = build.indexOf('pnpm install --frozen-lockfile');
    expect(install).toBeGreaterThan(build.indexOf('COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./'));
    expect(build.indexOf('COPY . .')).toBeGreaterThan(install);
    for (const manifest of ['packages/protocol', 'packages/routing', 'packages/data-files', 'packages/openapi', 'packages/fixtures', 'packages/switch', 'packages/backends', 'packages/terminal', 'packages/launcher', 'packages/e2e', 'bench']) {
      expect(build.slice(0, install)).toContain(`COPY ${manifest}/package.json ${manifest}/`);
    }
  });

  it('runs the final stage without the toolchain, as the node user, with /data its own', () => {
    expect(stages).toHaveLength(2);
    const final = stages[1]!;
    expect(final).not.toMatch(/apt-get|g\+\+|python3|pnpm install/);
    expect(final).toMatch(/COPY --from=build \/app \/app/);
    expect(final).toMatch(/chown node:node \/data/);
    expect(final.trim().split('\n').filter((line) => line.startsWith('USER '))).toEqual(['USER node']);
  });

  it('keeps out of the build context what the image does not build from', () => {
    const ignored = readFileSync(join(REPO_ROOT, '.dockerignore'), 'utf8').split('\n').map((line) => line.trim());
    for (const entry of ['.git', '**/node_modules', '**/dist', '**/*.test.ts', 'fixtures/large']) expect(ignored).toContain(entry);
  });
});
