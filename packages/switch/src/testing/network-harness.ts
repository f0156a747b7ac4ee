/**
 * An in-process network for tests: one state switch (its systems are FakeLinks) and two
 * county switches linked to it over real sockets on 127.0.0.1, with terminals logged in
 * through the client the test brings (the tests bring the real TerminalClient; the switch
 * itself never depends on a terminal client). Time-dependent parts (hit-confirmation
 * deadlines) take a ManualClock per switch. The state's systems are FakeLinks, or real links
 * to a mock systems service (`systemsLink`: `@clets/backends`, one link per system's path)
 * for a test that runs the whole path in one process (packages/e2e).
 */
import { HitStatus, SYSTEMS, type LinkClock, type LinkReply, type Response } from '@clets/protocol';
import { MemoryAuditStore } from '../audit/index.js';
import { buildRegistry, type Registry } from '../security/registry.js';
import { buildSwitch, type CletsSwitch, type SwitchAddresses } from '../switch.js';
import type { SwitchConfigInput } from '../config.js';
import { FakeLink, type FakeAnswer, type FakeRequest } from './fake-link.js';

export const ORI_19 = 'CA0190000';
export const ORI_19_PD = 'CA0190100';
export const ORI_37 = 'CA0370000';
export const ORI_DOJ = 'CA0349400';
/** Each county's peer secret at the state switch (a test may link as a county with it). */
export const PEER_SECRETS = { 'county-19': 'county-19-link-secret', 'county-37': 'county-37-link-secret' } as const;
const SECRETS = PEER_SECRETS;

interface TerminalSpec { mnemonic: string; ori: string; operator: string; role: 'FAO' | 'LTFAO' }

/** Terminals and operators of each switch: `LA..` county 19, `SD..` county 37, `DJ01` DOJ. */
export const TERMINALS: Readonly<Record<'state' | 'county-19' | 'county-37', readonly TerminalSpec[]>> = {
  state: [{ mnemonic: 'DJ01', ori: ORI_DOJ, operator: 'OP4001', role: 'FAO' }],
  'county-19': [
    { mnemonic: 'LA01', ori: ORI_19, operator: 'OP1001', role: 'FAO' },
    { mnemonic: 'LA02', ori: ORI_19, operator: 'OP1005', role: 'LTFAO' },
    { mnemonic: 'LA08', ori: ORI_19_PD, operator: 'OP1101', role: 'FAO' },
  ],
  'county-37': [
    { mnemonic: 'SD01', ori: ORI_37, operator: 'OP2001', role: 'FAO' },
    { mnemonic: 'SD02', ori: ORI_37, operator: 'OP2002', role: 'FAO' },
    { mnemonic: 'SD03', ori: ORI_37, operator: 'OP2003', role: 'LTFAO' },
  ],
};

function registryOf(name: keyof typeof TERMINALS, county: string): Registry {
  const specs = TERMINALS[name];
  const oris = [...new Set(specs.map((spec) => spec.ori))];
  return buildRegistry({
    agencies: oris.map((ori) => ({ ori, name: `AGENCY ${ori}`, countyCode: county, active: true })),
    terminals: specs.map((spec) => ({ mnemonic: spec.mnemonic, ori: spec.ori, class: 'desk' as const, deviceSecret: `device-${spec.mnemonic}` })),
    operators: specs.map((spec) => ({ id: spec.operator, ori: spec.ori, role: spec.role, password: `password-${spec.operator}`, deactivated: false })),
  });
}

/** A system that answers every request with one response echoing the header (and its hops). */
export function echoingSystem(system: string, status: HitStatus = HitStatus.HIT_STATUS_NO_RECORD) {
  return (request: FakeRequest): LinkReply => ({
    requestId: request.requestId,
    final: true,
    responses: [{
      header: request.transaction.header ?? null, system, responseKey: request.transaction.header?.messageKey ?? '', status,
      text: `${system} ANSWER`, records: [{ status, system, file: system, recordId: 'R000000001', text: `${system} RECORD` }],
    } satisfies Response],
  });
}

/** What the harness needs of a terminal client: connect, log in, close. */
export interface HarnessTerminal {
  connect(): Promise<unknown>;
  login(credentials: { operatorId: string; password: string }): Promise<unknown>;
  close(): Promise<unknown>;
}

/** Makes a terminal client for a switch's terminal address and a terminal's device secret. */
export type TerminalClientFactory<C extends HarnessTerminal> = (options: { url: string; mnemonic: string; deviceSecret: string }) => C;

export interface NetworkHarness<C extends HarnessTerminal> {
  state: CletsSwitch;
  county19: CletsSwitch;
  county37: CletsSwitch;
  systems: Map<string, FakeLink>;
  peersUrl: string;
  /** Logs a terminal in on its switch (the listener runs before login, for stored traffic). */
  terminal(mnemonic: string, before?: (client: C) => void): Promise<C>;
  /** Stops and starts a county switch again on the same config (its message store file survives). */
  restartCounty(name: 'county-19' | 'county-37'): Promise<CletsSwitch>;
  /** Stops a county switch (the state loses that peer); `restartCounty` brings it back. */
  stopCounty(name: 'county-19' | 'county-37'): Promise<void>;
  /** Stops the state switch (counties lose their upstream). */
  stopState(): Promise<void>;
  /** Starts the state switch again on the same peer port. */
  startState(): Promise<CletsSwitch>;
  close(): Promise<void>;
}

export interface NetworkHarnessOptions<C extends HarnessTerminal> {
  /** The terminal clients `terminal()` logs in with. */
  terminalClient: TerminalClientFactory<C>;
  /** Timers of each switch's hit-confirmation deadlines. */
  timers?: Partial<Record<'state' | 'county-19' | 'county-37', LinkClock>>;
  /** Message store files (default ':memory:'). */
  messagesPaths?: Partial<Record<'state' | 'county-19' | 'county-37', string>>;
  systems?: Partial<Record<string, (request: FakeRequest) => FakeAnswer>>;
  /**
   * Real links from the state to a mock systems service instead of FakeLinks (`systems` and
   * `down` then do nothing): its link URL (each system at `<url>/<SYSTEM>`) and the secret it
   * knows the state by (peer id `state`).
   */
  systemsLink?: { readonly url: string; readonly secret: string };
  /** The state's systems that are down when it starts (each start). */
  down?: readonly string[];
  config?: Partial<SwitchConfigInput>;
}

export async function startNetworkHarness<C extends HarnessTerminal>(options: NetworkHarnessOptions<C>): Promise<NetworkHarness<C>> {
  const clients: C[] = [];
  const addresses = new Map<CletsSwitch, SwitchAddresses>();
  const systems = new Map<string, FakeLink>();
  // The control point's scheduled validation reports are off unless a test turns them on.
  const common = { log: { level: 'silent' as const }, limits: { requestDeadlineMs: 3_000, authTimeoutMs: 5_000 }, validationReports: { enabled: false }, ...options.config };

  const startState = async (peerPort: number): Promise<CletsSwitch> => {
    const sw = await buildSwitch({
      ...common, switchId: 'state', role: 'state', counties: [], peerPort,
      messagesPath: options.messagesPaths?.state ?? ':memory:',
      links: SYSTEMS.map((name) => (options.systemsLink === undefined
        ? { name, url: 'ws://127.0.0.1:1', secret: 'system-secret' }
        : { name, url: `${options.systemsLink.url}/${name}`, secret: options.systemsLink.secret })),
      peers: [
        { peerId: 'county-19', secret: SECRETS['county-19'], county: '19' },
        { peerId: 'county-37', secret: SECRETS['county-37'], county: '37' },
      ],
    }, {
      audit: new MemoryAuditStore(), registry: registryOf('state', '34'),
      // The state's clock follows its timers: its peer links time requests out by them.
      ...(options.timers?.state !== undefined ? { timers: options.timers.state, clock: () => options.timers?.state?.now() ?? Date.now() } : {}),
      ...(options.systemsLink === undefined ? {
        linkFactory: (link: { name: string }) => {
          const fake = new FakeLink(link.name, options.systems?.[link.name] ?? echoingSystem(link.name), { up: !options.down?.includes(link.name) });
          systems.set(link.name, fake);
          return fake;
        },
      } : {}),
    });
    addresses.set(sw, await sw.listen());
    return sw;
  };
  let state = await startState(0);
  const peersPort = Number(new URL(addresses.get(state)?.peers ?? '').port);
  const peersUrl = `ws://127.0.0.1:${peersPort}`;

  const startCounty = async (name: 'county-19' | 'county-37'): Promise<CletsSwitch> => {
    const county = name === 'county-19' ? '19' : '37';
    const sw = await buildSwitch({
      ...common, switchId: name, role: 'county', counties: [county],
      messagesPath: options.messagesPaths?.[name] ?? ':memory:',
      links: [{ name: 'state', url: peersUrl, secret: SECRETS[name], role: 'switch', reconnect: { minDelayMs: 20, maxDelayMs: 100 } }],
      upstreamLink: 'state',
    }, {
      audit: new MemoryAuditStore(), registry: registryOf(name, county),
      ...(options.timers?.[name] !== undefined ? { timers: options.timers[name] } : {}),
    });
    addresses.set(sw, await sw.listen());
    return sw;
  };
  let county19 = await startCounty('county-19');
  let county37 = await startCounty('county-37');
  await waitFor(() => county19.links.get('state')?.state === 'up' && county37.links.get('state')?.state === 'up');

  const switchOf = (mnemonic: string): CletsSwitch => {
    if (TERMINALS['county-19'].some((spec) => spec.mnemonic === mnemonic)) return county19;
    if (TERMINALS['county-37'].some((spec) => spec.mnemonic === mnemonic)) return county37;
    return state;
  };

  const harness: NetworkHarness<C> = {
    get state() { return state; },
    get county19() { return county19; },
    get county37() { return county37; },
    systems, peersUrl,
    terminal: async (mnemonic, before) => {
      const spec = Object.values(TERMINALS).flat().find((candidate) => candidate.mnemonic === mnemonic);
      if (spec === undefined) throw new Error(`no terminal ${mnemonic}`);
      const sw = switchOf(mnemonic);
      const url = addresses.get(sw)?.terminals ?? '';
      const client = options.terminalClient({ url, mnemonic, deviceSecret: `device-${mnemonic}` });
      clients.push(client);
      before?.(client);
      await client.connect();
      await client.login({ operatorId: spec.operator, password: `password-${spec.operator}` });
      return client;
    },
    stopCounty: async (name) => {
      await (name === 'county-19' ? county19 : county37).close();
    },
    restartCounty: async (name) => {
      const old = name === 'county-19' ? county19 : county37;
      await old.close();
      const fresh = await startCounty(name);
      if (name === 'county-19') county19 = fresh;
      else county37 = fresh;
      await waitFor(() => fresh.links.get('state')?.state === 'up');
      return fresh;
    },
    stopState: async () => {
      await state.close();
    },
    startState: async () => {
      state = await startState(peersPort);
      return state;
    },
    close: async () => {
      for (const client of clients) await client.close();
      await Promise.allSettled([county19.close(), county37.close()]);
      await state.close();
    },
  };
  return harness;
}

export async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
