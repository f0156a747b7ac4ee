#!/usr/bin/env node
// One switch, county or state (`clets-switch --help`). Runs the compiled entry point, which
// `pnpm install` and `pnpm build` write to dist/; this file exists before the first build so
// the package manager can link the command.
import '../dist/main.js';
