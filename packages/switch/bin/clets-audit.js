#!/usr/bin/env node
// Verifies an audit database's hash chain from outside the switch (`clets-audit --help`).
// Runs the compiled command, which `pnpm install` and `pnpm build` write to dist/.
import { runAuditVerify } from '../dist/cli/audit-verify.js';

process.exitCode = runAuditVerify(process.argv.slice(2));
