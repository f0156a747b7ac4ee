/**
 * clets-conformance: runs the protocol conformance checks against a switch and prints one
 * line per check. Exit 0 when every check passed, 1 when one failed, 2 on bad arguments.
 *
 *   clets-conformance --url wss://127.0.0.1:7200 --terminal LA03 --device-secret ... \
 *     --operator OP1003 --password ... --totp-secret ... [--ca demo-ca.pem]
 *
 * Every option may come from the environment instead (CLETS_URL, CLETS_TERMINAL,
 * CLETS_DEVICE_SECRET, CLETS_OPERATOR, CLETS_PASSWORD, CLETS_TOTP_SECRET, CLETS_CA_FILE), so
 * secrets need not appear on a command line.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CHECKS, runConformance, type CheckResult } from './checks.js';

const USAGE = `usage: clets-conformance --url URL --terminal MNEMONIC --device-secret SECRET
                         --operator ID --password PASSWORD [--totp-secret BASE32]
                         [--ca PEM_FILE] [--line MNEMONIC_LINE] [--max-malformed N]
                         [--max-frame-bytes N] [--timeout-ms N] [--json] [--list]

Checks a CLETS switch's terminal protocol from outside (docs/protocol.md), one line per check.
Options may also come from CLETS_URL, CLETS_TERMINAL, CLETS_DEVICE_SECRET, CLETS_OPERATOR,
CLETS_PASSWORD, CLETS_TOTP_SECRET and CLETS_CA_FILE. The run logs the operator in once: a
TOTP code is accepted once per 30 s, so wait that long between two runs for one operator.

  --line         the inquiry to send ({ORI} is replaced by the operator's ORI); default a
                 no-record QW on a name no record holds
  --list         print the checks and exit
  --json         print the results as JSON
Exit: 0 every check passed, 1 a check failed or was skipped, 2 bad arguments.`;

function main(argv: string[]): Promise<number> | number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        url: { type: 'string' }, terminal: { type: 'string' }, 'device-secret': { type: 'string' },
        operator: { type: 'string' }, password: { type: 'string' }, 'totp-secret': { type: 'string' },
        ca: { type: 'string' }, line: { type: 'string' }, 'max-malformed': { type: 'string' },
        'max-frame-bytes': { type: 'string' }, 'timeout-ms': { type: 'string' },
        json: { type: 'boolean', default: false }, list: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true, allowPositionals: false,
    });
  } catch (error) {
    process.stderr.write(`clets-conformance: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  const { values } = parsed;
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (values.list) {
    for (const check of CHECKS) process.stdout.write(`${check.id.padEnd(28)} ${check.title}\n`);
    return 0;
  }
  const env = process.env;
  const option = (name: string, envName: string): string | undefined => (values as Record<string, unknown>)[name] as string | undefined ?? env[envName];
  const required = { url: option('url', 'CLETS_URL'), terminal: option('terminal', 'CLETS_TERMINAL'), deviceSecret: option('device-secret', 'CLETS_DEVICE_SECRET'), operatorId: option('operator', 'CLETS_OPERATOR'), password: option('password', 'CLETS_PASSWORD') };
  const missing = Object.entries({ '--url': required.url, '--terminal': required.terminal, '--device-secret': required.deviceSecret, '--operator': required.operatorId, '--password': required.password })
    .filter(([, value]) => value === undefined || value === '').map(([name]) => name);
  if (missing.length > 0) {
    process.stderr.write(`clets-conformance: missing ${missing.join(', ')}\n${USAGE}\n`);
    return 2;
  }
  const numbers: Record<string, number> = {};
  for (const name of ['max-malformed', 'max-frame-bytes', 'timeout-ms'] as const) {
    const text = values[name];
    if (text === undefined) continue;
    const value = Number(text);
    if (!Number.isInteger(value) || value <= 0) {
      process.stderr.write(`clets-conformance: --${name} must be a positive whole number, got '${text}'\n`);
      return 2;
    }
    numbers[name] = value;
  }
  const caFile = option('ca', 'CLETS_CA_FILE');
  let ca: Buffer | undefined;
  if (caFile !== undefined) {
    try {
      ca = readFileSync(caFile);
    } catch (error) {
      process.stderr.write(`clets-conformance: cannot read --ca ${caFile}: ${error instanceof Error ? error.message : String(error)}\n`);
      return 2;
    }
  }
  const line = values.line;
  const totpSecret = option('totp-secret', 'CLETS_TOTP_SECRET');
  const print = (result: CheckResult): void => {
    if (values.json) return;
    const mark = result.outcome === 'pass' ? 'PASS' : result.outcome === 'skip' ? 'SKIP' : 'FAIL';
    process.stdout.write(`${mark} ${result.id.padEnd(28)} ${result.detail} (${result.ms} ms)\n`);
  };
  return runConformance({
    url: required.url!, terminal: required.terminal!, deviceSecret: required.deviceSecret!, operatorId: required.operatorId!, password: required.password!,
    ...(totpSecret !== undefined && totpSecret !== '' ? { totpSecret } : {}),
    ...(ca !== undefined ? { ca } : {}),
    ...(line !== undefined ? { inquiry: (ori: string) => line.replaceAll('{ORI}', ori) } : {}),
    ...(numbers['max-malformed'] !== undefined ? { maxMalformedFrames: numbers['max-malformed'] } : {}),
    ...(numbers['max-frame-bytes'] !== undefined ? { maxFrameBytes: numbers['max-frame-bytes'] } : {}),
    ...(numbers['timeout-ms'] !== undefined ? { timeoutMs: numbers['timeout-ms'] } : {}),
  }, print).then((results) => {
    const passed = results.filter((result) => result.outcome === 'pass').length;
    if (values.json) process.stdout.write(`${JSON.stringify({ url: required.url, results }, null, 2)}\n`);
    else process.stdout.write(`conformance: ${passed} of ${results.length} checks passed\n`);
    return passed === results.length ? 0 : 1;
  });
}

// exitCode rather than exit(): output to a pipe is written asynchronously and must drain.
Promise.resolve(main(process.argv.slice(2))).then((code) => { process.exitCode = code; }, (error: unknown) => {
  process.stderr.write(`clets-conformance: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
