/**
 * Scripted answers for the fake switch: what it sends back for a transaction, step by step,
 * with delays. A script is a list of steps, or a function of the transaction returning one.
 * The builders cover the shapes of docs/protocol.md (receipt, queued notices, responses,
 * system rejects, completion; or a refusal before acceptance); the `frame` step sends
 * anything at all, and `clientMessageId` on a step sends an answer under another id, for
 * tests of misrouted and stray answers.
 */
import { HitStatus, type ErrorCode, type Frame, type ResponseRecord, type Transaction } from '@clets/protocol';

interface StepBase {
  /** Wait this long (after the previous step) before sending. */
  readonly delayMs?: number;
  /** Send under this client message id instead of the transaction's own. */
  readonly clientMessageId?: string;
}

export type ScriptStep =
  | (StepBase & { readonly kind: 'receipt' })
  | (StepBase & { readonly kind: 'queued'; readonly system: string; readonly expiresAtMs?: number; readonly text?: string })
  | (StepBase & {
    readonly kind: 'response'; readonly system: string; readonly status?: HitStatus; readonly responseKey?: string;
    readonly text?: string; readonly records?: readonly ResponseRecord[];
  })
  | (StepBase & { readonly kind: 'reject'; readonly code: ErrorCode; readonly reason?: string; readonly system?: string; readonly field?: string })
  /** answered/failed default to the systems of the response and reject steps before it. */
  | (StepBase & { readonly kind: 'completion'; readonly answered?: readonly string[]; readonly failed?: readonly string[] })
  /** Sent as is (a push in the middle of a transaction, a frame with a wrong id). */
  | { readonly kind: 'frame'; readonly frame: Frame; readonly delayMs?: number };

export interface ScriptContext {
  /** The terminal that sent the transaction. */
  readonly mnemonic: string;
  /** The input sequence number the fake switch gave it. */
  readonly inputSeq: number;
}

export type TransactionScript =
  | readonly ScriptStep[]
  | ((transaction: Transaction, context: ScriptContext) => readonly ScriptStep[]);

type ResponseStep = Extract<ScriptStep, { kind: 'response' }>;
type RejectStep = Extract<ScriptStep, { kind: 'reject' }>;
type QueuedStep = Extract<ScriptStep, { kind: 'queued' }>;

/** An accepted transaction: Receipt, then queued notices, responses, system rejects, Completion. */
export function answer(parts: {
  readonly responses?: readonly ResponseStep[];
  readonly rejects?: readonly RejectStep[];
  readonly queued?: readonly QueuedStep[];
  /** Delay before the Completion. */
  readonly completionDelayMs?: number;
} = {}): ScriptStep[] {
  return [
    { kind: 'receipt' },
    ...(parts.queued ?? []),
    ...(parts.responses ?? []),
    ...(parts.rejects ?? []),
    { kind: 'completion', ...(parts.completionDelayMs !== undefined ? { delayMs: parts.completionDelayMs } : {}) },
  ];
}

/** A transaction refused before acceptance: one Reject, nothing else. */
export function refuse(code: ErrorCode, reason?: string, field?: string): ScriptStep[] {
  return [{ kind: 'reject', code, ...(reason !== undefined ? { reason } : {}), ...(field !== undefined ? { field } : {}) }];
}

export function noRecord(system: string, extra: Partial<ResponseStep> = {}): ResponseStep {
  return { kind: 'response', system, status: HitStatus.HIT_STATUS_NO_RECORD, text: `${system}: NO RECORD`, ...extra };
}

export function hit(system: string, text: string, extra: Partial<ResponseStep> = {}): ResponseStep {
  return { kind: 'response', system, status: HitStatus.HIT_STATUS_HIT, text, ...extra };
}

/** One system's failure after acceptance (timed out, refused, expired). */
export function systemReject(system: string, code: ErrorCode = 'CLETS_ERR_SYSTEM_TIMEOUT', extra: Partial<RejectStep> = {}): RejectStep {
  return { kind: 'reject', system, code, ...extra };
}

/** What the fake switch answers when no script matches: NCIC, no record. */
export const DEFAULT_SCRIPT: readonly ScriptStep[] = answer({ responses: [noRecord('NCIC')] });
