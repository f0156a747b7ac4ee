/**
 * The state network as child processes on 127.0.0.1: the mock systems, the state switch
 * linked to them, and the county switches of counties 19 and 37 linked to the state switch
 * (the fixture agencies name these switch ids). Each county reaches every system through
 * the state; the state learns which county serves which ORI and terminal from what each
 * announces when it links. The state's peer port is fixed after its first start, so the
 * counties find it again after a restart of the state switch.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { SYSTEMS } from '@clets/protocol';
import { SERVICE_ENTRIES, startService, type ServiceProcess } from './launcher.js';

/** The switches of a state network, by switch id. */
export type StateNetworkSwitch = 'state' | 'county-19' | 'county-37';

export const STATE_NETWORK_SWITCHES: readonly StateNetworkSwitch[] = ['state', 'county-19', 'county-37'];

export interface StateNetwork {
  readonly dir: string;
  readonly backends: ServiceProcess;
  /** The running process of a switch (a new one after a restart). */
  switch(name: StateNetworkSwitch): ServiceProcess;
  /** ws:// URL the terminals of a switch connect to (changes when it restarts). */
  terminalsUrl(name: StateNetworkSwitch): string;
  httpUrl(name: StateNetworkSwitch): string;
  /** Where the county switches link to: the same across restarts of the state switch. */
  readonly peersUrl: string;
  readonly controlUrl: string;
  auditPath(name: StateNetworkSwitch): string;
  /** Stops a switch (SIGTERM: in order; SIGKILL: a crash). Its database files stay. */
  stopSwitch(name: StateNetworkSwitch, signal?: NodeJS.Signals): Promise<void>;
  /** Starts a stopped switch again on the same config and database files. */
  startSwitch(name: StateNetworkSwitch): Promise<ServiceProcess>;
  /** stopSwitch, then startSwitch. */
  restartSwitch(name: StateNetworkSwitch, signal?: NodeJS.Signals): Promise<ServiceProcess>;
  stop(): Promise<void>;
}

export interface StateNetworkOptions {
  readonly dir?: string;
  /** Extra config of every switch, merged over the defaults (limits, security...). */
  readonly switchConfig?: Record<string, unknown>;
  /** Extra config of one switch, merged last. */
  readonly perSwitch?: Partial<Record<StateNetworkSwitch, Record<string, unknown>>>;
  readonly backendConfig?: Record<string, unknown>;
  readonly inheritStderr?: boolean;
}

export async function startStateNetwork(options: StateNetworkOptions = {}): Promise<StateNetwork> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'clets-state-net-'));
  mkdirSync(dir, { recursive: true });
  const logLevel = process.env['CLETS_LOG_LEVEL'] ?? 'warn';
  const systemSecret = randomBytes(16).toString('hex');
  const peerSecrets = { 'county-19': randomBytes(16).toString('hex'), 'county-37': randomBytes(16).toString('hex') } as const;
  const inheritStderr = options.inheritStderr ?? false;

  const backendConfigPath = join(dir, 'backends.json');
  writeFileSync(backendConfigPath, JSON.stringify({
    links: [{ peerId: 'state', secret: systemSecret }],
    updatesDbPath: join(dir, 'backends-updates.sqlite'),
    log: { level: logLevel },
    ...options.backendConfig,
  }, null, 2));
  const backends = await startService({
    name: 'backends', entry: SERVICE_ENTRIES.backends, args: ['--config', backendConfigPath], inheritStderr,
  });
  const linkUrl = String(backends.info['link']);

  const auditPath = (name: StateNetworkSwitch): string => join(dir, `${name}-audit.db`);
  const configPath = (name: StateNetworkSwitch): string => join(dir, `${name}.json`);
  const base = (name: StateNetworkSwitch): Record<string, unknown> => ({
    switchId: name,
    audit: { path: auditPath(name) },
    messagesPath: join(dir, `${name}-messages.db`),
    security: { databasePath: join(dir, `${name}-security.db`) },
    log: { level: logLevel },
  });
  const writeConfig = (name: StateNetworkSwitch, config: Record<string, unknown>): void => {
    writeFileSync(configPath(name), JSON.stringify({ ...config, ...options.switchConfig, ...options.perSwitch?.[name] }, null, 2));
  };
  const launch = (name: StateNetworkSwitch): Promise<ServiceProcess> => startService({
    name, entry: SERVICE_ENTRIES.switch, args: ['--config', configPath(name)], inheritStderr,
  });

  const stateConfig = (peerPort: number): Record<string, unknown> => ({
    ...base('state'),
    role: 'state',
    counties: [],
    // One link per system, each to that system's own path, so one system's outage drops its link only.
    links: SYSTEMS.map((system) => ({ name: system, url: `${linkUrl}/${system}`, secret: systemSecret })),
    peers: [
      { peerId: 'county-19', secret: peerSecrets['county-19'], county: '19' },
      { peerId: 'county-37', secret: peerSecrets['county-37'], county: '37' },
    ],
    peerPort,
  });
  writeConfig('state', stateConfig(0));
  const processes = new Map<StateNetworkSwitch, ServiceProcess>();
  const state = await launch('state');
  processes.set('state', state);
  const peersUrl = String(state.info['peers']);
  writeConfig('state', stateConfig(Number(new URL(peersUrl).port)));

  for (const [name, county] of [['county-19', '19'], ['county-37', '37']] as const) {
    writeConfig(name, {
      ...base(name),
      role: 'county',
      counties: [county],
      links: [{ name: 'state', url: peersUrl, secret: peerSecrets[name], role: 'switch', reconnect: { minDelayMs: 100, maxDelayMs: 1_000 } }],
      upstreamLink: 'state',
    });
    processes.set(name, await launch(name));
  }

  const running = (name: StateNetworkSwitch): ServiceProcess => {
    const service = processes.get(name);
    if (service === undefined) throw new Error(`${name} is not running`);
    return service;
  };
  const network: StateNetwork = {
    dir, backends, peersUrl,
    controlUrl: String(backends.info['control']),
    switch: running,
    terminalsUrl: (name) => String(running(name).info['terminals']),
    httpUrl: (name) => String(running(name).info['http']),
    auditPath,
    stopSwitch: async (name, signal = 'SIGTERM') => {
      const service = processes.get(name);
      processes.delete(name);
      await service?.stop(signal);
    },
    startSwitch: async (name) => {
      if (processes.has(name)) throw new Error(`${name} is already running`);
      const service = await launch(name);
      processes.set(name, service);
      return service;
    },
    restartSwitch: async (name, signal = 'SIGTERM') => {
      await network.stopSwitch(name, signal);
      return network.startSwitch(name);
    },
    stop: async () => {
      for (const name of ['county-19', 'county-37', 'state'] as const) await network.stopSwitch(name);
      await backends.stop();
    },
  };
  return network;
}
