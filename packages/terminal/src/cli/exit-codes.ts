/**
 * The operator CLI's exit statuses (documented in `clets-terminal --help` and the README).
 * A script tells "the switch said no" (1) from "fix the command" (2) from "could not get in
 * or lost the switch" (3).
 */
export const EXIT = {
  /** Every transaction was answered (a no-record is an answer), or the interactive session ended normally. */
  OK: 0,
  /** At least one transaction was refused (by the local check or the switch), failed in one of its systems, or timed out. */
  REJECTED: 1,
  /** Bad option, environment variable or credentials file; unreadable script. Nothing was sent. */
  USAGE: 2,
  /** Could not connect or log in, or the connection was lost. */
  CONNECTION: 3,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
