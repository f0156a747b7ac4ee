import { describe, expect, it } from 'vitest';
import { BackendConfigError, parseBackendConfig } from './config.js';
import { configInputFromSources, parseCommandLine } from './config-sources.js';

const files: Record<string, string> = {
  'backends.json': JSON.stringify({ port: 7001, links: [{ peerId: 'county-19', secret: 'file-secret-19' }], log: { level: 'warn' } }),
  'array.json': '[]',
  'broken.json': '{ port: ',
};
const readFile = (path: string): string => {
  const text = files[path];
  if (text === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
  return text;
};

describe('parseCommandLine', () => {
  it('reads --system and --config, in either form', () => {
    expect(parseCommandLine(['--system', 'dmv', '--config=backends.json'])).toEqual({ configPath: 'backends.json', systems: ['DMV'], help: false });
    expect(parseCommandLine(['--system=all']).systems).toEqual(['NCIC', 'NLETS', 'DMV', 'CORI']);
    expect(parseCommandLine(['--system', 'ncic,cori']).systems).toEqual(['NCIC', 'CORI']);
    expect(parseCommandLine(['--help']).help).toBe(true);
  });

  it('lists every bad argument', () => {
    try {
      parseCommandLine(['--system', 'fbi', '--port', '1', '--config']);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BackendConfigError);
      expect((error as BackendConfigError).problems).toEqual([
        expect.stringContaining('--system: expected ncic|nlets|dmv|cori|all'),
        '--port: unknown argument',
        '1: unknown argument',
        '--config: needs a value',
      ]);
    }
  });
});

describe('configInputFromSources', () => {
  it('merges file < environment < command line', () => {
    const input = configInputFromSources({
      argv: ['--config', 'backends.json', '--system', 'nlets'],
      env: { CLETS_BACKEND_PORT: '7002', CLETS_BACKEND_SYSTEM: 'dmv', CLETS_BACKEND_LOG_LEVEL: 'debug', CLETS_BACKEND_SEED: '9' },
      readFile,
    });
    const config = parseBackendConfig(input);
    expect(config.port).toBe(7002);
    expect(config.systems).toEqual(['NLETS']);
    expect(config.log.level).toBe('debug');
    expect(config.seed).toBe(9);
    expect(config.links).toEqual([{ peerId: 'county-19', secret: 'file-secret-19' }]);
  });

  it('reads link peers from CLETS_BACKEND_LINKS and the file from CLETS_BACKEND_CONFIG', () => {
    const input = configInputFromSources({
      argv: [],
      env: { CLETS_BACKEND_CONFIG: 'backends.json', CLETS_BACKEND_LINKS: 'county-19=env-secret-19,state=env=secret=2' },
      readFile,
    });
    expect(parseBackendConfig(input).links).toEqual([
      { peerId: 'county-19', secret: 'env-secret-19' },
      { peerId: 'state', secret: 'env=secret=2' },
    ]);
  });

  it('passes a number that does not parse on, so the schema names the field', () => {
    const input = configInputFromSources({ argv: [], env: { CLETS_BACKEND_PORT: 'eighty', CLETS_BACKEND_LINKS: 'a=abcdefgh1' }, readFile });
    expect(() => parseBackendConfig(input)).toThrow(/port:/);
  });

  it('reports a missing, unparsable or non-object file, and a bad link list without its secret', () => {
    for (const [path, pattern] of [
      ['missing.json', /missing\.json: ENOENT/],
      ['broken.json', /broken\.json:/],
      ['array.json', /array\.json: must hold a JSON object/],
    ] as const) {
      expect(() => configInputFromSources({ argv: ['--config', path], env: {}, readFile })).toThrow(pattern);
    }
    try {
      configInputFromSources({ argv: [], env: { CLETS_BACKEND_LINKS: 'county-19=ok-secret-1,topsecretvalue' }, readFile });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toContain('CLETS_BACKEND_LINKS: entry 2 is not peerId=secret');
      expect(String(error)).not.toContain('topsecretvalue');
    }
  });
});
