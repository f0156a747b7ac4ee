/**
 * Where the backend's config comes from, merged into one input for the schema: the JSON
 * file, then `CLETS_BACKEND_*` environment variables, then the command line, each later
 * source winning. Pure: main.ts hands in argv, the environment and a file reader.
 */
import { SYSTEMS, type SystemName } from '@clets/protocol';
import { BackendConfigError } from './config.js';

export interface ConfigSources {
  /** Arguments after the script name. */
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly readFile: (path: string) => string;
}

export interface CommandLine {
  readonly configPath?: string;
  readonly systems?: readonly SystemName[];
  readonly help: boolean;
}

export const USAGE = `usage: clets-backends [--system ncic|nlets|dmv|cori|all] [--config file.json]

  --system  the mock system(s) to host: one name, a comma list, or "all" (default all)
  --config  JSON config file (see packages/backends/README.md)

environment (the command line wins over it, it wins over the file):
  CLETS_BACKEND_CONFIG        config file, as --config
  CLETS_BACKEND_SYSTEM        as --system
  CLETS_BACKEND_ID            host id sent in LinkWelcome
  CLETS_BACKEND_HOST          bind address (default 127.0.0.1)
  CLETS_BACKEND_PORT          link WebSocket port (default 0: any free port)
  CLETS_BACKEND_CONTROL_PORT  control HTTP port (default 0)
  CLETS_BACKEND_LINKS         link peers: "peerId=secret,peerId=secret"
  CLETS_BACKEND_FIXTURES_DIR  fixtures directory
  CLETS_BACKEND_UPDATES_DB    SQLite file of updates (default ./var/backends-updates.sqlite)
  CLETS_BACKEND_SEED          PRNG seed for latency and injected errors
  CLETS_BACKEND_LOG_LEVEL     fatal|error|warn|info|debug|trace|silent
`;

/** Reads `--system` and `--config` (also as `--flag=value`). Throws on anything else. */
export function parseCommandLine(argv: readonly string[]): CommandLine {
  const problems: string[] = [];
  let configPath: string | undefined;
  let systems: readonly SystemName[] | undefined;
  let help = false;
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index] ?? '';
    if (argument === '--help' || argument === '-h') {
      help = true;
      continue;
    }
    const [flag, inline] = argument.startsWith('--') && argument.includes('=') ? splitOnce(argument, '=') : [argument, undefined];
    if (flag !== '--system' && flag !== '--config') {
      problems.push(`${argument}: unknown argument`);
      continue;
    }
    const value = inline ?? argv[(index += 1)];
    if (value === undefined || value === '') {
      problems.push(`${flag}: needs a value`);
      continue;
    }
    if (flag === '--config') configPath = value;
    else {
      const parsed = parseSystemList(value);
      if (typeof parsed === 'string') problems.push(`--system: ${parsed}`);
      else systems = parsed;
    }
  }
  if (problems.length > 0) throw new BackendConfigError(problems);
  return { configPath, systems, help };
}

/** The merged config input (not yet validated: parseBackendConfig does that). */
export function configInputFromSources(sources: ConfigSources): Record<string, unknown> {
  const commandLine = parseCommandLine(sources.argv);
  const { env } = sources;
  const problems: string[] = [];

  let input: Record<string, unknown> = {};
  const configPath = commandLine.configPath ?? nonEmpty(env.CLETS_BACKEND_CONFIG);
  if (configPath) {
    try {
      const parsed: unknown = JSON.parse(sources.readFile(configPath));
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) problems.push(`${configPath}: must hold a JSON object`);
      else input = { ...(parsed as Record<string, unknown>) };
    } catch (error) {
      problems.push(`${configPath}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  const setString = (key: string, value: string | undefined): void => {
    if (nonEmpty(value) !== undefined) input[key] = value;
  };
  // A number that does not parse is passed on as text, so the schema names the field.
  const setNumber = (key: string, value: string | undefined): void => {
    if (nonEmpty(value) === undefined) return;
    const number = Number(value);
    input[key] = Number.isFinite(number) ? number : value;
  };
  setString('id', env.CLETS_BACKEND_ID);
  setString('host', env.CLETS_BACKEND_HOST);
  setNumber('port', env.CLETS_BACKEND_PORT);
  setNumber('controlPort', env.CLETS_BACKEND_CONTROL_PORT);
  setString('fixturesDir', env.CLETS_BACKEND_FIXTURES_DIR);
  setString('updatesDbPath', env.CLETS_BACKEND_UPDATES_DB);
  setNumber('seed', env.CLETS_BACKEND_SEED);
  if (nonEmpty(env.CLETS_BACKEND_LOG_LEVEL)) {
    input.log = { ...(asObject(input.log) ?? {}), level: env.CLETS_BACKEND_LOG_LEVEL };
  }
  const links = nonEmpty(env.CLETS_BACKEND_LINKS);
  if (links) {
    const parsed = parseLinks(links);
    if (typeof parsed === 'string') problems.push(`CLETS_BACKEND_LINKS: ${parsed}`);
    else input.links = parsed;
  }
  const envSystems = nonEmpty(env.CLETS_BACKEND_SYSTEM);
  if (envSystems) {
    const parsed = parseSystemList(envSystems);
    if (typeof parsed === 'string') problems.push(`CLETS_BACKEND_SYSTEM: ${parsed}`);
    else input.systems = parsed;
  }
  if (commandLine.systems) input.systems = [...commandLine.systems];

  if (problems.length > 0) throw new BackendConfigError(problems);
  return input;
}

/** "all", one name or a comma list, any case. Returns the problem as text. */
function parseSystemList(value: string): SystemName[] | string {
  const names = value.split(',').map((name) => name.trim().toUpperCase()).filter(Boolean);
  if (names.length === 1 && names[0] === 'ALL') return [...SYSTEMS];
  const unknown = names.filter((name) => !(SYSTEMS as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) {
    return `expected ${SYSTEMS.map((name) => name.toLowerCase()).join('|')}|all, got "${value}"`;
  }
  return names as SystemName[];
}

/** "peer=secret,peer=secret". The problem text never repeats a secret. */
function parseLinks(value: string): { peerId: string; secret: string }[] | string {
  const links: { peerId: string; secret: string }[] = [];
  for (const [index, entry] of value.split(',').entries()) {
    const at = entry.indexOf('=');
    if (at <= 0) return `entry ${index + 1} is not peerId=secret`;
    links.push({ peerId: entry.slice(0, at).trim(), secret: entry.slice(at + 1) });
  }
  return links;
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator);
  return [text.slice(0, at), text.slice(at + 1)];
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
