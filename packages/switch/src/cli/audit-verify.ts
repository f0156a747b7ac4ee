/**
 * audit-verify: recomputes the audit log's hash chain from outside the switch.
 *
 *   clets-audit --db PATH [--anchor-seq N --anchor-hash HEX] [--json]
 *
 * Prints `ok: N rows, chain verified` (exit 0) or `FAILED at seq N: reason` (exit 1); a file
 * that cannot be opened is a failure too. Bad arguments exit 2. The database is opened
 * read-only, so this command cannot be audited in the log it checks: its use on the host is
 * recorded by the host's own logs. CJIS: audit records reviewed, protected from change.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { verifyAuditDatabase } from '../audit/verify-database.js';
import type { ChainHead, VerifyResult } from '../audit/types.js';

export { verifyAuditDatabase };

export interface VerifyCommandOutput {
  out: (line: string) => void;
  err: (line: string) => void;
}

const USAGE = `usage: clets-audit --db PATH [--anchor-seq N --anchor-hash HEX] [--json]

Recomputes the hash chain of a switch's audit database, opened read-only.

  --db PATH          the audit database (SQLite)
  --anchor-seq N     a row whose hash was recorded elsewhere: the chain must pass through it
  --anchor-hash HEX  that row's hash (64 hex digits)
  --json             print the result as one JSON object
  -h, --help         this text

exit 0: chain verified; 1: broken chain or unreadable file; 2: bad arguments`;

/** The one-line verdict the command prints. */
export function formatVerifyResult(result: VerifyResult): string {
  return result.ok
    ? `ok: ${result.rows} rows, chain verified`
    : `FAILED at seq ${result.firstBadSeq ?? '?'}: ${result.reason ?? 'unknown reason'}`;
}

/** Runs the command; returns the exit code (0 verified, 1 failed, 2 usage). */
export function runAuditVerify(argv: readonly string[], output: VerifyCommandOutput = defaultOutput): number {
  let values: { db?: string | undefined; 'anchor-seq'?: string | undefined; 'anchor-hash'?: string | undefined; json?: boolean | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        db: { type: 'string' },
        'anchor-seq': { type: 'string' },
        'anchor-hash': { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    output.err(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help === true) {
    output.out(USAGE);
    return 0;
  }
  if (values.db === undefined || values.db.length === 0) {
    output.err(USAGE);
    return 2;
  }
  let anchor: ChainHead | undefined;
  if (values['anchor-seq'] !== undefined || values['anchor-hash'] !== undefined) {
    const seq = Number(values['anchor-seq']);
    const hash = values['anchor-hash'];
    if (!Number.isSafeInteger(seq) || seq < 1 || hash === undefined || !/^[0-9a-f]{64}$/.test(hash)) {
      output.err(`--anchor-seq needs a positive integer and --anchor-hash 64 hex digits\n${USAGE}`);
      return 2;
    }
    anchor = { seq, hash };
  }

  let result: VerifyResult;
  try {
    result = verifyAuditDatabase(values.db, anchor === undefined ? {} : { anchor });
  } catch (error) {
    const reason = `cannot read audit database ${values.db}: ${(error as Error).message}`;
    output.out(values.json === true ? JSON.stringify({ ok: false, rows: 0, reason }) : `FAILED: ${reason}`);
    return 1;
  }
  output.out(values.json === true ? JSON.stringify(result) : formatVerifyResult(result));
  return result.ok ? 0 : 1;
}

const defaultOutput: VerifyCommandOutput = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = runAuditVerify(process.argv.slice(2));
}
