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
  writeFileSync(backendConfigPath, JSON.stringify({
    links: [{ peerId: 'state', secret: systemSecret }],
    updatesDbPath: join(dir, 'backends-updates.sqlite'),
    log: { level: logLevel },
    ...serve,
    ...options.backendConfig,
  }, null, 2));
  const backends = await startService({
    name: 'backends', entry: SERVICE_ENTRIES.backends, args: ['--config', backendConfigPath], inheritStderr,
  });
  const linkUrl = String(backends.info['link']);

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
      links: [{ name: 'state', url: peersUrl, secret: peerSecrets[name], role: 'switch', reconnect: { minDelayMs: 100, maxDelayMs: 1_000 }, ...trust }],
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
    stop: async () => {
      for (const name of ['county-19', 'county-37', 'state'] as const) await network.stopSwitch(name);
      await backends.stop();
    },
  };
  return network;
}
