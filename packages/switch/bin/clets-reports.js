#!/usr/bin/env node
// The Agency CLETS Coordinator's reports from a switch's databases (`clets-reports --help`).
// Runs the compiled command, which `pnpm install` and `pnpm build` write to dist/.
import { runReports } from '../dist/cli/reports.js';

process.exitCode = runReports(process.argv.slice(2));
