#!/usr/bin/env tsx
/**
 * clets-terminal, the operator CLI (`pnpm terminal` from the repository root). The only
 * module that reads process.argv, process.env and the process's streams; cli/main.ts does
 * the work with whatever it is given. `clets-terminal --help` documents the options.
 */
import { runCli } from './cli/main.js';

/** An exit status outside the documented ones: a bug, not a usage or network problem. */
const INTERNAL_ERROR = 70;

try {
  process.exitCode = await runCli({
    argv: process.argv.slice(2),
    env: process.env,
    stdin: process.stdin,
    stdout: process.stdout,
    stderr: process.stderr,
  });
} catch (error) {
  process.stderr.write(`clets-terminal: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = INTERNAL_ERROR;
}
