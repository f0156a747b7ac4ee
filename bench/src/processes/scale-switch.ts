#!/usr/bin/env node
/**
 * A county switch for the scale scenario, in a process of its own so its resident memory is
 * its own: built in-process (`buildSwitch`) with a generated registry of `terminals`
 * terminals (the fixtures register 26), one full-access operator each, spread over the
 * county's real agencies, and the plain security policy (the CJIS policy would hash one
 * scrypt password per operator at start). Its links go to the mock backends at `backendUrl`,
 * its audit log is SQLite at synchronous FULL (the defaults).
 *
 * Argument: JSON {terminals, duplicateMaxEntries, dir, backendUrl, secret}. Prints {"event":"listening",...}.
 * Answers IPC messages: {type:'memory'} -> process.memoryUsage() after a full GC (it runs
 * with --expose-gc), {type:'stats'} -> terminals connected and logged in.
 */
import { join } from 'node:path';
import { SYSTEMS } from '@clets/protocol';
import { buildRegistry, buildSwitch } from '@clets/switch';
import { SCALE_ORIS, scaleTerminal } from '../scale-registry.js';

interface ScaleConfig {
  readonly terminals: number;
  /** The duplicate window's cap (limits.duplicateMaxEntries). */
  readonly duplicateMaxEntries: number;
  readonly dir: string;
  readonly backendUrl: string;
  readonly secret: string;
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as ScaleConfig;
  const generated = Array.from({ length: config.terminals }, (_, index) => scaleTerminal(index));
  const registry = buildRegistry({
    agencies: SCALE_ORIS.map((ori) => ({ ori, name: `AGENCY ${ori}`, countyCode: '19', active: true })),
    terminals: generated.map((terminal) => ({ mnemonic: terminal.mnemonic, ori: terminal.ori, class: 'dispatch' as const, deviceSecret: terminal.deviceSecret })),
    operators: generated.map((terminal) => ({ id: terminal.operatorId, ori: terminal.ori, role: 'FAO' as const, password: terminal.password, deactivated: false })),
  });
  const sw = await buildSwitch({
    switchId: 'county-19', role: 'county', counties: ['19'],
    audit: { path: join(config.dir, 'audit.db') },
    messagesPath: join(config.dir, 'messages.db'),
    security: { policy: 'plain', databasePath: join(config.dir, 'security.db') },
    links: SYSTEMS.map((system) => ({ name: system, url: `${config.backendUrl}/${system}`, secret: config.secret })),
    // Thousands of terminals connect and log in from this one address: no per-source login
    // budget or connection cap here.
    limits: { authTimeoutMs: 600_000, duplicateMaxEntries: config.duplicateMaxEntries, loginRate: { burst: 1_000_000 } },
    connections: { terminal: { maxPerSource: config.terminals + 100, maxTotal: config.terminals + 100 } },
    log: { level: 'warn' },
  }, { registry });
  const addresses = await sw.listen();
  process.stdout.write(`${JSON.stringify({ event: 'listening', ...addresses })}\n`);

  const gc = (globalThis as { gc?: () => void }).gc;
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'memory') {
      gc?.();
      process.send?.({ type: 'memory', memory: process.memoryUsage() });
    } else if (message.type === 'stats') {
      process.send?.({ type: 'stats', connected: sw.directory.size, loggedIn: sw.directory.loggedIn().length });
    }
  });
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    sw.close().then(() => process.exit(0), () => process.exit(1));
    setTimeout(() => process.exit(1), 15_000).unref();
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('disconnect', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
