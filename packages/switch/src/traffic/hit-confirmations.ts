/**
 * Hit confirmations (YQ/YR) the agencies of this switch asked for, tracked at the requesting
 * switch. docs/domain.md section 5: an agency that gets a hit on another agency's record sends
 * YQ to the entering ORI with priority U (answer within 10 minutes) or R (1 hour);
 * unanswered, a second and a third request follow (RNO 2, 3); after the third the state
 * control point is told. A YR closes it: confirmed, not confirmed, or "will answer by".
 *
 * This class keeps the open confirmations and their deadlines and decides what is due; the
 * switch does the sending (`followUp`, `escalate`). Time comes from an injected clock, so a
 * test moves through 30 minutes of deadlines without waiting.
 *
 * Open confirmations live in memory: a restart of the requesting switch forgets them (the
 * YQ and its deliveries stay in the audit log, and the operator can send RNO 2 by hand).
 */
import type { LinkClock } from '@clets/protocol';

export type ConfirmationPriorityCode = 'U' | 'R';

/** The last request number; after its deadline the confirmation is escalated. */
export const FINAL_REQUEST_NUMBER = 3;

export interface OpenConfirmation {
  /** Same across RNO 1, 2 and 3 (see `confirmationIdOf` in deliveries.ts). */
  readonly id: string;
  /** NCIC number of the record that hit. */
  readonly recordId: string;
  readonly priority: ConfirmationPriorityCode;
  readonly requestingOri: string;
  readonly requestingTerminal: string;
  readonly enteringOri: string;
  /** The request number last sent. */
  requestNumber: number;
  /** When the answer to the last request is due. */
  dueAt: number;
  /** Opaque for the tracker: what the switch needs to send a follow-up (the YQ as first sent). */
  readonly context: unknown;
}

export interface ConfirmationWindows {
  /** Priority U: 10 minutes. */
  readonly urgentMs: number;
  /** Priority R: 60 minutes. */
  readonly routineMs: number;
}

export interface HitConfirmationHooks {
  /** The deadline of request `requestNumber - 1` passed: send request `requestNumber`. */
  followUp(confirmation: OpenConfirmation): void;
  /** The deadline of the third request passed: tell the requester and the control point. */
  escalate(confirmation: OpenConfirmation): void;
}

export interface OpenRequest {
  readonly id: string;
  readonly recordId: string;
  readonly priority: ConfirmationPriorityCode;
  readonly requestNumber: number;
  readonly requestingOri: string;
  readonly requestingTerminal: string;
  readonly enteringOri: string;
  readonly context: unknown;
}

export class HitConfirmationTracker {
  readonly #open = new Map<string, { confirmation: OpenConfirmation; timer: unknown }>();

  constructor(
    private readonly clock: LinkClock,
    private readonly windows: ConfirmationWindows,
    private readonly hooks: HitConfirmationHooks,
  ) {}

  windowOf(priority: ConfirmationPriorityCode): number {
    return priority === 'U' ? this.windows.urgentMs : this.windows.routineMs;
  }

  /**
   * A YQ left for the entering agency. A new confirmation starts its clock; a request for a
   * record already being confirmed by this ORI (the operator sent RNO 2 by hand) takes the
   * open one over, with the new request number and a new deadline.
   */
  open(request: OpenRequest): OpenConfirmation {
    const existing = this.#findOpen(request.requestingOri, request.recordId, request.enteringOri);
    if (existing !== undefined) this.#drop(existing.id);
    const confirmation: OpenConfirmation = {
      id: existing?.id ?? request.id,
      recordId: request.recordId,
      priority: request.priority,
      requestingOri: request.requestingOri,
      requestingTerminal: request.requestingTerminal,
      enteringOri: request.enteringOri,
      requestNumber: Math.max(request.requestNumber, existing?.requestNumber ?? 0),
      dueAt: this.clock.now() + this.windowOf(request.priority),
      context: existing?.context ?? request.context,
    };
    this.#arm(confirmation);
    return confirmation;
  }

  /**
   * A YR came back to `requestingOri` for `recordId`: the open confirmation closes (whatever
   * the answer: confirmed, not confirmed, or answer-by, which is the entering agency's
   * commitment and no longer a silence to escalate). Undefined when none was open.
   */
  answer(requestingOri: string, recordId: string, respondingOri: string): OpenConfirmation | undefined {
    const found = this.#findOpen(requestingOri, recordId, respondingOri) ?? this.#findOpen(requestingOri, recordId, undefined);
    if (found === undefined) return undefined;
    this.#drop(found.id);
    return found;
  }

  get(id: string): OpenConfirmation | undefined {
    return this.#open.get(id)?.confirmation;
  }

  get size(): number {
    return this.#open.size;
  }

  /** Stops every timer (shutdown). */
  close(): void {
    for (const { timer } of this.#open.values()) this.clock.clearTimeout(timer);
    this.#open.clear();
  }

  #arm(confirmation: OpenConfirmation): void {
    const timer = this.clock.setTimeout(() => this.#due(confirmation.id), Math.max(0, confirmation.dueAt - this.clock.now()));
    this.#open.set(confirmation.id, { confirmation, timer });
  }

  #due(id: string): void {
    const entry = this.#open.get(id);
    if (entry === undefined) return;
    const { confirmation } = entry;
    if (confirmation.requestNumber >= FINAL_REQUEST_NUMBER) {
      this.#open.delete(id);
      this.hooks.escalate(confirmation);
      return;
    }
    confirmation.requestNumber += 1;
    confirmation.dueAt = this.clock.now() + this.windowOf(confirmation.priority);
    this.#arm(confirmation);
    this.hooks.followUp(confirmation);
  }

  #drop(id: string): void {
    const entry = this.#open.get(id);
    if (entry === undefined) return;
    this.clock.clearTimeout(entry.timer);
    this.#open.delete(id);
  }

  #findOpen(requestingOri: string, recordId: string, enteringOri: string | undefined): OpenConfirmation | undefined {
    for (const { confirmation } of this.#open.values()) {
      if (confirmation.requestingOri !== requestingOri || confirmation.recordId !== recordId) continue;
      if (enteringOri === undefined || confirmation.enteringOri === enteringOri) return confirmation;
    }
    return undefined;
  }
}
