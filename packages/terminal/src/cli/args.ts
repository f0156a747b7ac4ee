/**
 * The CLI's settings: command-line flags, environment variables and a credentials file,
 * merged (a flag wins over the environment, which wins over the file) and checked once, with
 * every problem listed and named by where the value came from.
 *
 * Secrets (device secret, password, TOTP secret) come from the environment, the credentials
 * file or a prompt, never from a command-line argument: an argument is visible to every user
 * of the machine in `ps` and stays in shell history (CJIS: authenticators are protected and
 * never displayed). The credentials file must be readable by its owner only, as ssh demands
 * of a private key.
 */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';

/** A problem with the command line, the environment or the credentials file (exit status 2). */
export class UsageError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'UsageError';
  }
}

/** The environment variables the CLI reads. */
export const ENV = {
  url: 'CLETS_URL',
  terminal: 'CLETS_TERMINAL',
  deviceSecret: 'CLETS_DEVICE_SECRET',
  operator: 'CLETS_OPERATOR',
  password: 'CLETS_PASSWORD',
  totpSecret: 'CLETS_TOTP_SECRET',
  credentials: 'CLETS_CREDENTIALS',
  acceptBanner: 'CLETS_ACCEPT_BANNER',
} as const;

export interface CliSettings {
  /** The county switch's terminal endpoint, ws:// or wss://. */
  readonly url: string;
  /** Terminal mnemonic (LA01). */
  readonly terminal: string;
  /** Operator id; asked at the prompt when absent (interactive). */
  readonly operator: string | undefined;
  /** Transactions from --exec, in order. */
  readonly exec: readonly string[];
  /** --script FILE ('-' for standard input). */
  readonly script: string | undefined;
  readonly json: boolean;
  /** The operator acknowledged the login banner beforehand (required for --exec/--script). */
  readonly acceptBanner: boolean;
  /** Deadline of each transaction, and of each step of connecting and logging in. */
  readonly timeoutMs: number;
  /** For wss:// with a private CA: the CA certificate file (PEM). */
  readonly caFile: string | undefined;
}

/** Kept apart from the settings so nothing that prints settings can print a secret. */
export interface CliSecrets {
  readonly deviceSecret: string;
  /** Asked at the prompt (hidden) when absent. */
  readonly password: string | undefined;
  /** Base32; when absent the operator types the one-time code. */
  readonly totpSecret: string | undefined;
}

export type CliCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'run'; readonly mode: 'interactive' | 'batch'; readonly settings: CliSettings; readonly secrets: CliSecrets };

export interface CommandLineInput {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  /** For the credentials-file permission check (skipped on Windows, which has no mode bits). */
  readonly platform?: NodeJS.Platform;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** Flags that would put a secret on the command line: refused with the way to do it instead. */
const SECRET_FLAGS: Readonly<Record<string, string>> = {
  '--password': ENV.password,
  '--pass': ENV.password,
  '--totp-secret': ENV.totpSecret,
  '--totp': ENV.totpSecret,
  '--device-secret': ENV.deviceSecret,
  '--secret': ENV.deviceSecret,
};

const credentialsFileSchema = z.strictObject({
  url: z.string().min(1).optional(),
  terminal: z.string().min(1).optional(),
  deviceSecret: z.string().min(1).optional(),
  operator: z.string().min(1).optional(),
  password: z.string().min(1).optional(),
  totpSecret: z.string().min(1).optional(),
});
export type CredentialsFile = z.infer<typeof credentialsFileSchema>;

const urlSchema = z.string().regex(/^wss?:\/\/\S+$/, 'must be a ws:// or wss:// URL');
const terminalSchema = z.string().regex(/^[0-9A-Z]{1,16}$/, 'must be 1-16 letters or digits (a terminal mnemonic such as LA01)');
const operatorSchema = z.string().regex(/^[0-9A-Z._-]{1,32}$/, 'must be 1-32 letters, digits, period, underscore or hyphen');
const timeoutSchema = z.coerce.number().int('must be a whole number of milliseconds').min(100, 'must be at least 100 ms').max(600_000, 'must be at most 600000 ms (10 minutes)');
const totpSchema = z.string().regex(/^[A-Z2-7]+=*$/, 'must be a base32 TOTP secret (letters A-Z and digits 2-7)');

interface Sourced {
  readonly value: string;
  /** Where it came from, for messages: '--url', 'CLETS_URL', 'url in /path/creds.json'. */
  readonly source: string;
}

/**
 * Reads argv, the environment and the credentials file into a command. Throws UsageError
 * listing every problem; no message ever contains a secret's value.
 */
export function parseCommandLine(input: CommandLineInput): CliCommand {
  const { env } = input;
  const refused = refusedSecretFlags(input.argv);
  if (refused.length > 0) throw new UsageError(refused);

  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(input.argv);
  } catch (error) {
    throw new UsageError([`${error instanceof Error ? error.message : String(error)} (see --help)`]);
  }
  const flags = parsed.values;
  if (flags.help === true) return { kind: 'help' };

  const problems: string[] = [];
  const credentialsPath = flags.credentials ?? nonEmpty(env[ENV.credentials]);
  let file: CredentialsFile = {};
  if (credentialsPath !== undefined) {
    try {
      file = readCredentialsFile(credentialsPath, input.platform ?? process.platform);
    } catch (error) {
      problems.push(error instanceof Error ? error.message : String(error));
    }
  }
  const fileSource = (key: string): string => `${key} in ${credentialsPath ?? 'the credentials file'}`;
  const pick = (flag: string | undefined, flagName: string | undefined, envName: string | undefined, fileKey: keyof CredentialsFile): Sourced | undefined => {
    if (flag !== undefined && flagName !== undefined) return { value: flag, source: flagName };
    const fromEnv = envName === undefined ? undefined : nonEmpty(env[envName]);
    if (fromEnv !== undefined && envName !== undefined) return { value: fromEnv, source: envName };
    const fromFile = file[fileKey];
    return fromFile === undefined ? undefined : { value: fromFile, source: fileSource(fileKey) };
  };

  const check = <T>(sourced: Sourced | undefined, schema: z.ZodType<T>): T | undefined => {
    if (sourced === undefined) return undefined;
    const result = schema.safeParse(sourced.value);
    if (result.success) return result.data;
    // The message names the source, never the value (it may be a secret typed in the wrong place).
    problems.push(`${sourced.source}: ${result.error.issues[0]?.message ?? 'invalid'}`);
    return undefined;
  };

  const urlSourced = pick(flags.url, '--url', ENV.url, 'url');
  const url = check(urlSourced, urlSchema);
  if (urlSourced === undefined) problems.push(`no switch URL: give --url or ${ENV.url} (or "url" in the credentials file)`);

  const terminalSourced = upper(pick(flags.terminal, '--terminal', ENV.terminal, 'terminal'));
  const terminal = check(terminalSourced, terminalSchema);
  if (terminalSourced === undefined) problems.push(`no terminal mnemonic: give --terminal or ${ENV.terminal} (or "terminal" in the credentials file)`);

  const operator = check(upper(pick(flags.operator, '--operator', ENV.operator, 'operator')), operatorSchema);

  const deviceSecret = pick(undefined, undefined, ENV.deviceSecret, 'deviceSecret');
  if (deviceSecret === undefined) problems.push(`no device secret: set ${ENV.deviceSecret} or "deviceSecret" in the credentials file`);
  const password = pick(undefined, undefined, ENV.password, 'password');
  const totpSourced = pick(undefined, undefined, ENV.totpSecret, 'totpSecret');
  const totpSecret = check(totpSourced === undefined ? undefined : { ...totpSourced, value: totpSourced.value.replace(/\s+/g, '').toUpperCase() }, totpSchema);

  const timeoutMs = flags.timeout === undefined ? DEFAULT_TIMEOUT_MS : check({ value: flags.timeout, source: '--timeout' }, timeoutSchema);

  const exec = flags.exec ?? [];
  exec.forEach((line, index) => {
    if (line.trim() === '') problems.push(`--exec number ${index + 1} is empty: give a transaction line`);
  });
  const script = flags.script;
  const batch = exec.length > 0 || script !== undefined;
  if (flags.json === true && !batch) problems.push('--json applies to --exec and --script only');
  const acceptBanner = flags['accept-banner'] === true || isYes(env[ENV.acceptBanner]);
  if (batch && !acceptBanner) {
    problems.push(`--exec and --script log in without a person at the keyboard: read the login banner once (run interactively) and give --accept-banner (or ${ENV.acceptBanner}=yes)`);
  }

  if (problems.length > 0) throw new UsageError(problems);
  const settings: CliSettings = Object.freeze({
    url: url ?? '',
    terminal: terminal ?? '',
    operator,
    exec: Object.freeze([...exec]),
    script,
    json: flags.json === true,
    acceptBanner,
    timeoutMs: timeoutMs ?? DEFAULT_TIMEOUT_MS,
    caFile: flags.ca,
  });
  const secrets: CliSecrets = Object.freeze({ deviceSecret: deviceSecret?.value ?? '', password: password?.value, totpSecret });
  return { kind: 'run', mode: batch ? 'batch' : 'interactive', settings, secrets };
}

function parseFlags(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      url: { type: 'string', short: 'u' },
      terminal: { type: 'string', short: 't' },
      operator: { type: 'string', short: 'o' },
      credentials: { type: 'string', short: 'c' },
      exec: { type: 'string', short: 'e', multiple: true },
      script: { type: 'string', short: 's' },
      json: { type: 'boolean' },
      'accept-banner': { type: 'boolean' },
      timeout: { type: 'string' },
      ca: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}

/** `--password x` or `--password=x`: named, with the safe way, and the value never echoed. */
function refusedSecretFlags(argv: readonly string[]): string[] {
  const problems: string[] = [];
  for (const argument of argv) {
    if (argument === '--') break;
    const name = argument.split('=')[0] ?? '';
    const instead = SECRET_FLAGS[name];
    if (instead !== undefined) {
      problems.push(`${name} is not accepted: a command-line argument is visible to every user in ps and stays in shell history; set ${instead} or use --credentials FILE (or type it at the prompt)`);
    }
  }
  return problems;
}

/**
 * Reads and checks a credentials file: a regular file, readable and writable by its owner
 * only (mode 600 or 400), JSON with the known keys. Throws with the reason; the message
 * names keys, never values.
 */
export function readCredentialsFile(path: string, platform: NodeJS.Platform = process.platform): CredentialsFile {
  let mode: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw new Error('not a regular file');
    mode = stats.mode;
  } catch (error) {
    throw new Error(`credentials file ${path}: ${describeFsError(error)}`);
  }
  if (platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new Error(`credentials file ${path} is open to group or others (mode ${(mode & 0o777).toString(8).padStart(3, '0')}): run chmod 600 ${path}`);
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`credentials file ${path}: ${describeFsError(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the text around the fault: it could be a password.
    throw new Error(`credentials file ${path}: not valid JSON`);
  }
  const result = credentialsFileSchema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join('.') || 'file'}: ${issue.message}`);
    throw new Error(`credentials file ${path}: ${issues.join('; ')} (keys: url, terminal, deviceSecret, operator, password, totpSecret)`);
  }
  return result.data;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function upper(sourced: Sourced | undefined): Sourced | undefined {
  return sourced === undefined ? undefined : { ...sourced, value: sourced.value.trim().toUpperCase() };
}

function isYes(value: string | undefined): boolean {
  return value !== undefined && /^(1|y|yes|true)$/i.test(value.trim());
}

/** `clets-terminal --help`. */
export const USAGE = `clets-terminal: the operator's terminal for the simulated CLETS network

Usage:
  clets-terminal [options]                                   interactive session
  clets-terminal [options] --accept-banner --exec LINE [--exec LINE...] [--json]
  clets-terminal [options] --accept-banner --script FILE [--json]

Options (in brackets: the environment variable that may give the same):
  -u, --url URL           the county switch's terminal endpoint, ws:// or wss://  [${ENV.url}]
  -t, --terminal ID       this terminal's mnemonic, e.g. LA01  [${ENV.terminal}]
  -o, --operator ID       operator id, e.g. OP1001; asked when absent  [${ENV.operator}]
  -c, --credentials FILE  credentials file, JSON, mode 600 (below)  [${ENV.credentials}]
  -e, --exec LINE         send one transaction line; repeat for more, sent in order
  -s, --script FILE       send each line of FILE ('-': standard input); blank lines
                          and lines starting with # are skipped
      --json              with --exec/--script: one JSON object per transaction on
                          standard output (index, source, line, outcome, messageKey,
                          hit, clientMessageId, control, inputSeq, receivedAt, queued,
                          responses, rejects, rejected, completion, error, durationMs);
                          banner, login and unsolicited traffic go to standard error
      --accept-banner     acknowledge the login banner without being asked; required
                          with --exec/--script (the banner is still printed)
                          [${ENV.acceptBanner}=yes]
      --timeout MS        deadline of each transaction and login step (default ${DEFAULT_TIMEOUT_MS})
      --ca FILE           CA certificate (PEM) of a wss:// switch with a private CA
  -h, --help              this text

Secrets are never taken from the command line (arguments show in ps and shell history):
  ${ENV.deviceSecret}   the terminal's device secret (required)
  ${ENV.password}        the operator's password; asked with hidden input when absent
                        (--exec/--script ask only when standard input is a terminal)
  ${ENV.totpSecret}     base32 TOTP secret: the one-time code is computed (demo use);
                        when absent the operator types the code
A flag wins over the environment, which wins over the credentials file. The file is JSON
with any of the keys url, terminal, deviceSecret, operator, password, totpSecret, and is
refused unless only its owner may read and write it (chmod 600; not checked on Windows).

Interactive commands:
  KEY.ORI[.DEST...].TAG/VALUE...  a transaction, checked against the catalogue before it
                       is sent; without a route-to you are asked for requester, reason
                       and case number (and the purpose code for criminal history)
  help                 every message key;  help KEY: its fields, rules and an example
  form KEY             build a transaction field by field (form QW)
  msgs                 show held administrative messages (their count is in the prompt)
  hold on|off          hold incoming AMs instead of printing them at once
  history              transaction lines sent this session (Up/Down recall them)
  log [TEXT]           your message log, kept by the switch across sessions, newest
                       first (log more: the next page; with TEXT: what holds it)
  log ISN, log #N      recall a transaction and its answers, or entry N of the log
  print ISN|#N         a recalled message laid out for printing
  save ISN|#N FILE     put it in a case file (--force replaces an existing file)
  yq ISN|#N            a hit confirmation (YQ) pre-filled from a hit of that answer
  status               session details
  exit, logout, Ctrl-D log out and leave (transactions in flight are answered first)

Exit status:
  0  every transaction was answered (a no-record is an answer, a queued one too);
     or the interactive session ended normally
  1  a transaction was refused (local check or switch), a system failed, or it timed out
  2  usage error: bad option, environment variable, credentials file or script; nothing sent
  3  could not connect or log in, or the connection was lost
`;
