/**
 * The backend deployable's entry point, and the only file that reads process.env and argv.
 *
 *   tsx packages/backends/src/main.ts --system dmv --config backends.json
 *
 * Logs go to stderr (pino JSON); stdout carries one line a launcher can parse:
 *   {"event":"listening","link":"ws://127.0.0.1:PORT","control":"http://127.0.0.1:PORT","systems":[...]}
 * SIGINT/SIGTERM close in order and exit 0; a second signal exits at once (1).
 * Exit 2: invalid config (every problem listed on stderr); 1: failed to start.
 */
import { readFileSync } from 'node:fs';
import { defaultDataDir, readDataSet } from '@clets/data-files';
import { messageKey } from '@clets/protocol';
import { BackendConfigError, parseBackendConfig, type BackendConfig } from './config.js';
import { configInputFromSources, parseCommandLine, USAGE } from './config-sources.js';
import { openHostedSystems } from './hosted-systems.js';
import { buildBackendService, createBackendLogger, type BackendService } from './service.js';
import { chooseByRoute } from './system-choice.js';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let config: BackendConfig;
  try {
    if (parseCommandLine(argv).help) {
      process.stdout.write(USAGE);
      return;
    }
    config = parseBackendConfig(configInputFromSources({ argv, env: process.env, readFile: (path) => readFileSync(path, 'utf8') }));
  } catch (error) {
    if (!(error instanceof BackendConfigError)) throw error;
    process.stderr.write(`${error.message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }

  const logger = createBackendLogger(config, process.stderr);
  let service: BackendService | undefined;
  let signalled = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (signalled) {
      logger.warn({ signal }, 'second signal: exiting at once');
      process.exit(1);
    }
    signalled = true;
    logger.info({ signal }, 'signal: shutting down');
    void (service?.close() ?? Promise.resolve()).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.fatal({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  try {
    // The records the systems answer from: the data files of `fixturesDir` (default: the
    // repository's fixtures/), read once, each record checked against its file's schema.
    const data = await readDataSet(config.fixturesDir ?? defaultDataDir());
    // A request that names no system goes where its key's route sends it (DQ: DMV or NLETS).
    service = buildBackendService(config, { systems: openHostedSystems(config, data), logger, chooseSystem: chooseByRoute(messageKey) });
    const addresses = await service.listen();
    process.stdout.write(`${JSON.stringify({ event: 'listening', ...addresses })}\n`);
  } catch (error) {
    logger.fatal({ err: error }, 'backend failed to start');
    await service?.close().catch(() => undefined);
    process.exitCode = 1;
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

await main();
