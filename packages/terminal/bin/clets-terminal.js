#!/usr/bin/env node
// The operator CLI (`clets-terminal --help`). Runs the compiled entry point, which
// `pnpm install` and `pnpm build` write to dist/; this file exists before the first build so
// the package manager can link the command.
import '../dist/cli.js';
