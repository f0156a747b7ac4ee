/**
 * The state network as child processes on 127.0.0.1: the mock systems, the state switch
 * linked to them, and the county switches of counties 19 and 37 linked to the state switch
 * (the fixture agencies name these switch ids). Each county reaches every system through
 * the state; the state learns which county serves which ORI and terminal from what each
 * announces when it links. The state's peer port is fixed after its first start, so the
 * counties find it again after a restart of the state switch.
 *
 * With `tls`, every service serves TLS with that certificate (terminals, HTTP API, the
 * state's peer port, the backends' link port) and every link trusts it: no link secret
 * travels in clear. Without it, plain ws:// and http:// (tests that do not need TLS).
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
  /** The mock systems' running process (a new one after a restart). */
  readonly backends: ServiceProcess;
  /** The running process of a switch (a new one after a restart). */
  switch(name: StateNetworkSwitch): ServiceProcess;
  /** ws:// URL the terminals of a switch connect to (changes when it restarts). */
  terminalsUrl(name: StateNetworkSwitch): string;
  httpUrl(name: StateNetworkSwitch): string;
  /** Where the county switches link to: the same across restarts of the state switch. */
  readonly peersUrl: string;
  readonly controlUrl: string;
  /** The secret a county switch links to the state with (a test may play a county with it). */
  peerSecret(name: 'county-19' | 'county-37'): string;
  auditPath(name: StateNetworkSwitch): string;
  /** The state's message store: stored traffic and what each county announced. */
  messagesPath(name: StateNetworkSwitch): string;
  /** Stops a switch (SIGTERM: in order; SIGKILL: a crash). Its database files stay. */
  stopSwitch(name: StateNetworkSwitch, signal?: NodeJS.Signals): Promise<void>;
  /** Starts a stopped switch again on the same config and database files. */
  startSwitch(name: StateNetworkSwitch): Promise<ServiceProcess>;
  /** stopSwitch, then startSwitch. */
  restartSwitch(name: StateNetworkSwitch, signal?: NodeJS.Signals): Promise<ServiceProcess>;
  /** Stops the mock systems (their updates database stays); the state's links to them go down. */
  stopBackends(signal?: NodeJS.Signals): Promise<void>;
  /** Starts them again on the same ports and updates database. */
  startBackends(): Promise<ServiceProcess>;
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
  /**
   * The certificate (PEM files) every service serves TLS with, and the CA the links trust
   * (default: the certificate itself, when it is self-signed).
   */
  readonly tls?: { readonly certFile: string; readonly keyFile: string; readonly caFile?: string };
  /**
   * Keep every port a service got at its first start (terminal and HTTP ports of the
   * switches, the backends' link and control ports), so clients find a restarted service
   * where it was.
   */
  readonly keepPorts?: boolean;
  /** Where each county links to (default: the state's peer port): a proxy in front of it, say. */
  readonly countyLinkUrl?: (county: 'county-19' | 'county-37', peersUrl: string) => string;
}

export async function startStateNetwork(options: StateNetworkOptions = {}): Promise<StateNetwork> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'clets-state-net-'));
  mkdirSync(dir, { recursive: true });
  const logLevel = process.env['CLETS_LOG_LEVEL'] ?? 'warn';
  const systemSecret = randomBytes(16).toString('hex');
  const peerSecrets = { 'county-19': randomBytes(16).toString('hex'), 'county-37': randomBytes(16).toString('hex') } as const;
  const inheritStderr = options.inheritStderr ?? false;
  const tls = options.tls;
  const serve = tls === undefined ? {} : { tls: { certFile: tls.certFile, keyFile: tls.keyFile } };
  const trust = tls === undefined ? {} : { tls: { caFile: tls.caFile ?? tls.certFile } };

  const backendConfigPath = join(dir, 'backends.json');
  const writeBackendConfig = (ports: Record<string, number>): void => {
    writeFileSync(backendConfigPath, JSON.stringify({
      links: [{ peerId: 'state', secret: systemSecret }],
      updatesDbPath: join(dir, 'backends-updates.sqlite'),
      log: { level: logLevel },
      ...serve,
      ...ports,
      ...options.backendConfig,
    }, null, 2));
  };
  writeBackendConfig({});
  const launchBackends = (): Promise<ServiceProcess> => startService({
    name: 'backends', entry: SERVICE_ENTRIES.backends, args: ['--config', backendConfigPath], inheritStderr,
  });
  let backends: ServiceProcess | undefined = await launchBackends();
  const linkUrl = String(backends.info['link']);
  if (options.keepPorts) writeBackendConfig({ port: portOf(linkUrl), controlPort: portOf(String(backends.info['control'])) });

  const auditPath = (name: StateNetworkSwitch): string => join(dir, `${name}-audit.db`);
  const messagesPath = (name: StateNetworkSwitch): string => join(dir, `${name}-messages.db`);
  const configPath = (name: StateNetworkSwitch): string => join(dir, `${name}.json`);
  const base = (name: StateNetworkSwitch): Record<string, unknown> => ({
    switchId: name,
    audit: { path: auditPath(name) },
    messagesPath: messagesPath(name),
    security: { databasePath: join(dir, `${name}-security.db`) },
    log: { level: logLevel },
    ...serve,
  });
  const configs = new Map<StateNetworkSwitch, Record<string, unknown>>();
  /** The ports each switch got at its first start (keepPorts). */
  const kept = new Map<StateNetworkSwitch, { port: number; httpPort: number }>();
  const writeConfig = (name: StateNetworkSwitch, config: Record<string, unknown>): void => {
    configs.set(name, config);
    writeFileSync(configPath(name), JSON.stringify({ ...config, ...kept.get(name), ...options.switchConfig, ...options.perSwitch?.[name] }, null, 2));
  };
  const launch = async (name: StateNetworkSwitch): Promise<ServiceProcess> => {
    const service = await startService({ name, entry: SERVICE_ENTRIES.switch, args: ['--config', configPath(name)], inheritStderr });
    if (options.keepPorts && !kept.has(name)) {
      kept.set(name, { port: portOf(String(service.info['terminals'])), httpPort: portOf(String(service.info['http'])) });
      writeConfig(name, configs.get(name) ?? {});
    }
    return service;
  };

  const stateConfig = (peerPort: number): Record<string, unknown> => ({
    ...base('state'),
    role: 'state',
    counties: [],
    // One link per system, each to that system's own path, so one system's outage drops its link only.
    links: SYSTEMS.map((system) => ({ name: system, url: `${linkUrl}/${system}`, secret: systemSecret, ...trust })),
    // Each county owns the ORIs of its code and the terminals of its prefix (the fixtures
    // name LA.. terminals for county 19, SD.. for county 37), decided before either links.
    peers: [
      { peerId: 'county-19', secret: peerSecrets['county-19'], county: '19', terminals: ['LA'] },
      { peerId: 'county-37', secret: peerSecrets['county-37'], county: '37', terminals: ['SD'] },
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
      links: [{
        name: 'state', url: options.countyLinkUrl?.(name, peersUrl) ?? peersUrl, secret: peerSecrets[name], role: 'switch',
        reconnect: { minDelayMs: 100, maxDelayMs: 1_000 }, ...trust,
      }],
      upstreamLink: 'state',
    });
    processes.set(name, await launch(name));
  }

  const running = (name: StateNetworkSwitch): ServiceProcess => {
    const service = processes.get(name);
    if (service === undefined) throw new Error(`${name} is not running`);
    return service;
  };
  const controlUrl = String(backends.info['control']);
  const network: StateNetwork = {
    dir, peersUrl, controlUrl,
    get backends(): ServiceProcess {
      if (backends === undefined) throw new Error('the backends are not running');
      return backends;
    },
    switch: running,
    terminalsUrl: (name) => String(running(name).info['terminals']),
    httpUrl: (name) => String(running(name).info['http']),
    auditPath,
    messagesPath,
    peerSecret: (name) => peerSecrets[name],
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
    stopBackends: async (signal = 'SIGTERM') => {
      const running = backends;
      backends = undefined;
      await running?.stop(signal);
    },
    startBackends: async () => {
      if (backends !== undefined) throw new Error('the backends are already running');
      if (!options.keepPorts) throw new Error('the backends start again on their ports only with keepPorts');
      backends = await launchBackends();
      return backends;
    },
    stop: async () => {
      for (const name of ['county-19', 'county-37', 'state'] as const) await network.stopSwitch(name);
      await network.stopBackends();
    },
  };
  return network;
}

function portOf(url: string): number {
  return Number(new URL(url).port);
}
