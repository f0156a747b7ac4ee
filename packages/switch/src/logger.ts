/**
 * The switch's root logger: pino, one per process (a child per link, peer and connection),
 * with the redact list every service shares (`logRedaction` in the protocol package). The
 * switch's config holds link and peer secrets and the configured administrators' password
 * hashes and TOTP secrets; none of them may reach a log line, whoever logs what.
 */
import pino, { type Logger } from 'pino';
import { logRedaction } from '@clets/protocol';
import type { SwitchConfig } from './config.js';

export function createSwitchLogger(config: Pick<SwitchConfig, 'switchId' | 'log'>, destination?: pino.DestinationStream): Logger {
  const options = { level: config.log.level, base: { switch: config.switchId }, redact: logRedaction() };
  return destination === undefined ? pino(options) : pino(options, destination);
}
