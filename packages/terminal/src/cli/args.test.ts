import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUT_MS, parseCommandLine, readCredentialsFile, UsageError, USAGE, type CliCommand } from './args.js';

const ENV = { CLETS_URL: 'ws://127.0.0.1:7400', CLETS_TERMINAL: 'la01', CLETS_DEVICE_SECRET: 'device-secret' };
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'clets-cli-args-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function credentials(content: unknown, mode = 0o600): string {
  const path = join(dir, 'credentials.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  chmodSync(path, mode);
  return path;
}

function run(command: CliCommand): Extract<CliCommand, { kind: 'run' }> {
  if (command.kind !== 'run') throw new Error('expected a run command');
  return command;
}

function problems(argv: string[], env: Record<string, string> = ENV): string[] {
  try {
    parseCommandLine({ argv, env, platform: 'linux' });
  } catch (error) {
    if (error instanceof UsageError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a UsageError');
}

describe('parseCommandLine', () => {
  it('takes settings from the environment, upper-cases ids, and is interactive without --exec/--script', () => {
    const command = run(parseCommandLine({ argv: [], env: { ...ENV, CLETS_OPERATOR: 'op1001', CLETS_PASSWORD: 'pw', CLETS_TOTP_SECRET: 'jbsw y3dp' } }));
    expect(command.mode).toBe('interactive');
    expect(command.settings).toMatchObject({ url: 'ws://127.0.0.1:7400', terminal: 'LA01', operator: 'OP1001', timeoutMs: DEFAULT_TIMEOUT_MS, acceptBanner: false, json: false });
    expect(command.secrets).toEqual({ deviceSecret: 'device-secret', password: 'pw', totpSecret: 'JBSWY3DP' });
  });

  it('lets a flag win over the environment, which wins over the credentials file', () => {
    const path = credentials({ url: 'ws://file:1', terminal: 'SD01', operator: 'OP2001', deviceSecret: 'file-device', password: 'file-pw', totpSecret: 'JBSWY3DPEHPK3PXP' });
    const command = run(parseCommandLine({
      argv: ['--credentials', path, '--url', 'wss://flag:2', '-o', 'op9'],
      env: { CLETS_TERMINAL: 'LA02', CLETS_PASSWORD: 'env-pw' },
      platform: 'linux',
    }));
    expect(command.settings).toMatchObject({ url: 'wss://flag:2', terminal: 'LA02', operator: 'OP9' });
    expect(command.secrets).toEqual({ deviceSecret: 'file-device', password: 'env-pw', totpSecret: 'JBSWY3DPEHPK3PXP' });
  });

  it('finds the credentials file through CLETS_CREDENTIALS too', () => {
    const path = credentials({ url: 'ws://file:1', terminal: 'SD01', deviceSecret: 'd' });
    const command = run(parseCommandLine({ argv: [], env: { CLETS_CREDENTIALS: path }, platform: 'linux' }));
    expect(command.settings.terminal).toBe('SD01');
  });

  it('is batch with --exec (repeatable, in order) or --script, and needs --accept-banner there', () => {
    const command = run(parseCommandLine({ argv: ['-e', 'QW.A', '--exec', 'QV.B', '--accept-banner', '--json', '--timeout', '5000'], env: ENV }));
    expect(command.mode).toBe('batch');
    expect(command.settings).toMatchObject({ exec: ['QW.A', 'QV.B'], json: true, acceptBanner: true, timeoutMs: 5000 });
    expect(run(parseCommandLine({ argv: ['--script', 'x.txt'], env: { ...ENV, CLETS_ACCEPT_BANNER: 'yes' } })).mode).toBe('batch');
    expect(problems(['--exec', 'QW.A']).join()).toMatch(/--accept-banner/);
  });

  it('answers --help without needing any setting', () => {
    expect(parseCommandLine({ argv: ['--help'], env: {} })).toEqual({ kind: 'help' });
    expect(parseCommandLine({ argv: ['-h'], env: {} })).toEqual({ kind: 'help' });
  });

  it('lists every missing setting, naming the flag and the variable', () => {
    const found = problems([], {});
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/--url or CLETS_URL/);
    expect(found[1]).toMatch(/--terminal or CLETS_TERMINAL/);
    expect(found[2]).toMatch(/CLETS_DEVICE_SECRET/);
  });

  it('names the source of a bad value', () => {
    expect(problems([], { ...ENV, CLETS_URL: 'http://x' })).toEqual(['CLETS_URL: must be a ws:// or wss:// URL']);
    expect(problems(['--url', 'nope'])).toEqual(['--url: must be a ws:// or wss:// URL']);
    expect(problems(['--terminal', 'LA 01'])[0]).toMatch(/^--terminal: must be 1-16 letters or digits/);
    expect(problems(['--timeout', 'soon'])[0]).toMatch(/^--timeout: /);
    expect(problems(['--exec', ' ', '--accept-banner'])).toEqual(['--exec number 1 is empty: give a transaction line']);
    expect(problems(['--json'])).toEqual(['--json applies to --exec and --script only']);
  });

  it('reports a bad TOTP secret by where it came from, never by its value', () => {
    const [problem] = problems([], { ...ENV, CLETS_TOTP_SECRET: 'not-base32!' });
    expect(problem).toMatch(/^CLETS_TOTP_SECRET: must be a base32 TOTP secret/);
    expect(problem).not.toContain('not-base32');
  });

  it('refuses a secret on the command line and says where to put it, without echoing it', () => {
    const found = problems(['--password=hunter2', '--totp-secret', 'JBSWY3DP', '--device-secret', 'dev']);
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/^--password is not accepted: .*visible .* ps .*CLETS_PASSWORD or use --credentials FILE/);
    expect(found[1]).toMatch(/CLETS_TOTP_SECRET/);
    expect(found[2]).toMatch(/CLETS_DEVICE_SECRET/);
    expect(found.join('\n')).not.toMatch(/hunter2|JBSWY3DP/);
  });

  it('passes node:util parseArgs errors on, naming the option', () => {
    expect(problems(['--bogus'])[0]).toMatch(/--bogus/);
    expect(problems(['--url'])[0]).toMatch(/--url/);
    expect(problems(['positional'])[0]).toMatch(/positional/);
  });

  it('documents every flag and variable in --help', () => {
    for (const text of ['--url', '--terminal', '--operator', '--credentials', '--exec', '--script', '--json', '--accept-banner', '--timeout', '--ca', '--help',
      'CLETS_URL', 'CLETS_TERMINAL', 'CLETS_DEVICE_SECRET', 'CLETS_OPERATOR', 'CLETS_PASSWORD', 'CLETS_TOTP_SECRET', 'CLETS_CREDENTIALS', 'chmod 600']) {
      expect(USAGE).toContain(text);
    }
    expect(USAGE).toMatch(/Exit status:\n\s+0 [^]*\n\s+1 [^]*\n\s+2 [^]*\n\s+3 /);
  });
});

describe('readCredentialsFile', () => {
  it('reads the known keys', () => {
    expect(readCredentialsFile(credentials({ terminal: 'LA01', password: 'pw' }), 'linux')).toEqual({ terminal: 'LA01', password: 'pw' });
    expect(readCredentialsFile(credentials({ terminal: 'LA01' }, 0o400), 'linux')).toEqual({ terminal: 'LA01' });
  });

  it('refuses a file open to group or others, unless on Windows', () => {
    const path = credentials({ password: 'pw' }, 0o644);
    expect(() => readCredentialsFile(path, 'linux')).toThrow(/open to group or others \(mode 644\): run chmod 600/);
    expect(() => readCredentialsFile(credentials({ password: 'pw' }, 0o660), 'linux')).toThrow(/mode 660/);
    expect(readCredentialsFile(path, 'win32')).toEqual({ password: 'pw' });
  });

  it('names a missing file, bad JSON and unknown keys without quoting values', () => {
    expect(() => readCredentialsFile(join(dir, 'absent.json'), 'linux')).toThrow(/absent\.json: no such file/);
    const bad = credentials('{"password": "hunter2",');
    expect(() => readCredentialsFile(bad, 'linux')).toThrow(/not valid JSON$/);
    let message = '';
    try {
      readCredentialsFile(credentials({ pasword: 'hunter2', terminal: 5 }), 'linux');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/pasword/);
    expect(message).toMatch(/terminal/);
    expect(message).not.toContain('hunter2');
  });

  it('is refused through parseCommandLine with the same reason', () => {
    const path = credentials({ password: 'pw' }, 0o604);
    expect(problems(['--credentials', path])[0]).toMatch(/chmod 600/);
  });
});
