import { describe, expect, it } from 'vitest';
import { BackendConfigError, parseBackendConfig } from './config.js';

const links = [{ peerId: 'county-19', secret: 'link-secret-19' }];

function problemsOf(input: unknown): readonly string[] {
  try {
    parseBackendConfig(input);
  } catch (error) {
    if (error instanceof BackendConfigError) return error.problems;
    throw error;
  }
  throw new Error('config was accepted');
}

describe('parseBackendConfig', () => {
  it('fills every default from a config that names only the link peers', () => {
    const config = parseBackendConfig({ links });
    expect(config).toMatchObject({
      id: 'backends',
      host: '127.0.0.1',
      port: 0,
      controlPort: 0,
      systems: ['NCIC', 'NLETS', 'DMV', 'CORI'],
      updatesDbPath: './var/backends-updates.sqlite',
      seed: 1,
      limits: { maxFrameBytes: 1024 * 1024, helloTimeoutMs: 5_000, maxMalformedFrames: 10, idempotencyEntries: 10_000 },
      log: { level: 'info' },
    });
    expect(config.behaviour.DMV).toEqual({ latency: { kind: 'fixed', ms: 0 }, errorRate: 0, outage: 'none' });
    expect(config.fixturesDir).toBeUndefined();
  });

  it('keeps given knobs and freezes the result', () => {
    const config = parseBackendConfig({
      links,
      systems: ['DMV'],
      behaviour: { DMV: { latency: { kind: 'lognormal', medianMs: 40, p99Ms: 400 }, outage: 'queued' } },
    });
    expect(config.behaviour.DMV).toEqual({ latency: { kind: 'lognormal', medianMs: 40, p99Ms: 400 }, errorRate: 0, outage: 'queued' });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.behaviour.DMV.latency)).toBe(true);
  });

  it('lists every problem at once, each naming its field', () => {
    const problems = problemsOf({
      port: 70_000,
      systems: ['NCIC', 'FBI'],
      links: [{ peerId: 'a', secret: 'short' }],
      limits: { maxMalformedFrames: 0, bogus: 1 },
      behaviour: { DMV: { errorRate: 2, latency: { kind: 'uniform', minMs: 50, maxMs: 10 } }, XYZ: {} },
      extra: true,
    });
    const text = problems.join('\n');
    expect(text).toContain('port:');
    expect(text).toContain('systems.1:');
    expect(text).toContain('links.0.secret:');
    expect(text).toContain('limits.maxMalformedFrames:');
    expect(text).toContain('limits.bogus: unknown key');
    expect(text).toContain('behaviour.DMV.errorRate:');
    expect(text).toContain('behaviour.DMV.latency.maxMs:');
    expect(text).toContain('behaviour.XYZ: unknown key');
    expect(text).toContain('extra: unknown key');
    expect(problems.length).toBeGreaterThanOrEqual(9);
  });

  it('requires at least one link peer, each listed once', () => {
    expect(problemsOf({}).join('\n')).toContain('links:');
    expect(problemsOf({ links: [] }).join('\n')).toContain('at least one link peer');
    expect(problemsOf({ links: [...links, ...links] }).join('\n')).toContain('each peerId may be listed once');
  });

  it('refuses a system listed twice and a p99 under the median', () => {
    expect(problemsOf({ links, systems: ['DMV', 'DMV'] }).join('\n')).toContain('systems: each system may be listed once');
    expect(problemsOf({ links, behaviour: { NCIC: { latency: { kind: 'lognormal', medianMs: 50, p99Ms: 10 } } } }).join('\n')).toContain(
      'behaviour.NCIC.latency.p99Ms',
    );
  });

  it('never puts a secret in its error message', () => {
    const problems = problemsOf({ links: [{ peerId: 'x', secret: 'sev7en!' }] });
    expect(problems.join('\n')).not.toContain('sev7en!');
  });
});
