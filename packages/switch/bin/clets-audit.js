#!/usr/bin/env node
// The audit log from the host: search, verify, archive (`clets-audit --help`). Runs the
// compiled command, which `pnpm install` and `pnpm build` write to dist/.
import { runCletsAudit } from '../dist/cli/clets-audit.js';

process.exitCode = await runCletsAudit(process.argv.slice(2));
