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
 * With a `ConfirmationKeeper` (the message store), each open confirmation is kept with its
 * deadline and with what is being sent for it, written before anything goes out: a restart
 * of the requesting switch takes every one up again (`restore`), its deadlines counted from
 * when each request was sent, not from the restart, and a follow-up or escalation the crash
 * interrupted is sent again (under the same request key, so a switch that already has it
 * answers it from memory).
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
  /** The deadline of request `requestNumber - 1` passed: send request `requestNumber`. Resolves once it went out (or is held). */
  followUp(confirmation: OpenConfirmation): Promise<void> | void;
  /** The deadline of the third request passed: tell the requester and the control point. Resolves once both are out. */
  escalate(confirmation: OpenConfirmation): Promise<void> | void;
}

/** What is being sent for a confirmation, and may not have gone out yet. */
export type ConfirmationSending = 'none' | 'follow-up' | 'escalation';

/** Where open confirmations are kept across restarts (the message store). */
export interface ConfirmationKeeper {
  save(confirmation: OpenConfirmation, sending: ConfirmationSending): void;
  remove(id: string): void;
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
    private readonly keeper?: ConfirmationKeeper,
    private readonly onError?: (error: unknown, id: string) => void,
  ) {}

  /**
   * Takes up the confirmations kept before a restart: each armed for its own deadline (one
   * already past fires at once), and a follow-up or escalation that was being sent is sent
   * again. Call once, before new ones are opened.
   */
  restore(kept: readonly (OpenConfirmation & { readonly sending: ConfirmationSending })[]): number {
    for (const { sending, ...confirmation } of kept) {
      if (sending === 'escalation') {
        this.#escalate(confirmation);
        continue;
      }
      this.#arm(confirmation);
      if (sending === 'follow-up') this.#followUp(confirmation);
    }
    return kept.length;
  }

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
    this.#keep(confirmation, 'none');
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
    this.#forget(found.id);
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
      this.#escalate(confirmation);
      return;
    }
    confirmation.requestNumber += 1;
    confirmation.dueAt = this.clock.now() + this.windowOf(confirmation.priority);
    this.#arm(confirmation);
    this.#followUp(confirmation);
  }

  /** Kept as being sent before it goes out; kept as sent once it has. */
  #followUp(confirmation: OpenConfirmation): void {
    this.#keep(confirmation, 'follow-up');
    void this.#settle(confirmation.id, () => this.hooks.followUp(confirmation), () => {
      if (this.#open.get(confirmation.id)?.confirmation === confirmation) this.#keep(confirmation, 'none');
    });
  }

  /** Kept as escalating until both notices are out; then forgotten. */
  #escalate(confirmation: OpenConfirmation): void {
    this.#keep(confirmation, 'escalation');
    void this.#settle(confirmation.id, () => this.hooks.escalate(confirmation), () => {
      if (!this.#open.has(confirmation.id)) this.#forget(confirmation.id);
    });
  }

  async #settle(id: string, send: () => Promise<void> | void, sent: () => void): Promise<void> {
    try {
      await send();
      sent();
    } catch (error) {
      // Left as being sent: the next start sends it again.
      this.onError?.(error, id);
    }
  }

  #keep(confirmation: OpenConfirmation, sending: ConfirmationSending): void {
    try {
      this.keeper?.save(confirmation, sending);
    } catch (error) {
      this.onError?.(error, confirmation.id);
    }
  }

  #forget(id: string): void {
    try {
      this.keeper?.remove(id);
    } catch (error) {
      this.onError?.(error, id);
    }
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
