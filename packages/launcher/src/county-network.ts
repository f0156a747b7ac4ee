/**
 * Starts a network of this repository's services as child processes, on 127.0.0.1 with
 * ports chosen by the system: the mock backends (all four systems in one process) and one
 * county switch linked to them directly. The demo and the cross-process tests use it.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { SYSTEMS } from '@clets/protocol';
import { SERVICE_ENTRIES, startService, type ServiceProcess } from './launcher.js';

export interface CountyNetwork {
  readonly dir: string;
  readonly backends: ServiceProcess;
  readonly county: ServiceProcess;
  /** ws:// URL terminals connect to. */
  readonly terminalsUrl: string;
  readonly httpUrl: string;
  readonly controlUrl: string;
  readonly auditPath: string;
  /** Restarts the county switch on the same database files (after a stop or a kill). */
  restartCounty(): Promise<ServiceProcess>;
  stop(): Promise<void>;
}

export interface CountyNetworkOptions {
  readonly dir?: string;
  readonly switchId?: string;
  readonly counties?: readonly string[];
  /** Extra switch config, merged over the defaults. */
  readonly switchConfig?: Record<string, unknown>;
  readonly backendConfig?: Record<string, unknown>;
  readonly inheritStderr?: boolean;
}

export async function startCountyNetwork(options: CountyNetworkOptions = {}): Promise<CountyNetwork> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'clets-net-'));
  mkdirSync(dir, { recursive: true });
  const switchId = options.switchId ?? 'county-19';
  const secret = randomBytes(16).toString('hex');
  const logLevel = process.env['CLETS_LOG_LEVEL'] ?? 'warn';

  const backendConfigPath = join(dir, 'backends.json');
  writeFileSync(backendConfigPath, JSON.stringify({
    links: [{ peerId: switchId, secret }],
    updatesDbPath: join(dir, 'backends-updates.sqlite'),
    log: { level: logLevel },
    ...options.backendConfig,
  }, null, 2));
  const backends = await startService({
    name: 'backends', entry: SERVICE_ENTRIES.backends, args: ['--config', backendConfigPath],
    inheritStderr: options.inheritStderr ?? false,
  });
  const linkUrl = String(backends.info['link']);

  const auditPath = join(dir, `${switchId}-audit.db`);
  const switchConfigPath = join(dir, `${switchId}.json`);
  writeFileSync(switchConfigPath, JSON.stringify({
    switchId,
    role: 'county',
    counties: options.counties ?? ['19'],
    audit: { path: auditPath },
    messagesPath: join(dir, `${switchId}-messages.db`),
    // One link per system, each to that system's own path, so one system's outage drops its link only.
    links: SYSTEMS.map((system) => ({ name: system, url: `${linkUrl}/${system}`, secret })),
    log: { level: logLevel },
    ...options.switchConfig,
  }, null, 2));
  const startCounty = () => startService({
    name: switchId, entry: SERVICE_ENTRIES.switch, args: ['--config', switchConfigPath],
    inheritStderr: options.inheritStderr ?? false,
  });
  let county = await startCounty();

  const network: CountyNetwork = {
    dir, backends, auditPath,
    get county() { return county; },
    get terminalsUrl() { return String(county.info['terminals']); },
    get httpUrl() { return String(county.info['http']); },
    controlUrl: String(backends.info['control']),
    restartCounty: async () => {
      await county.stop('SIGKILL');
      county = await startCounty();
      return county;
    },
    stop: async () => {
      await county.stop();
      await backends.stop();
    },
  };
  return network;
}
