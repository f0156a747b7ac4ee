/**
 * The load generator's correctness check, pure (no sockets, no clock of its own): every
 * question is registered before it is sent, every answer frame is offered as it arrives, and
 * the checker says whether the answer belongs to a question of that connection, echoes its
 * header, comes in protocol order, and whether anything was lost or came twice.
 *
 * The rules are those of docs/protocol.md: answers are correlated by
 * `header.client_message_id` and echo `header.control` (and the message key); a Reject
 * before the Receipt is final; otherwise Receipt first, then queued notices, Responses (one
 * per system that answered) and system Rejects, and exactly one Completion, last, whose
 * `answered` list names the systems that sent a Response. As in a message-switch benchmark
 * that checks sequence numbers, speed without this check proves nothing.
 */
import { BoundedCache } from '@clets/protocol';

export type AnswerKind = 'receipt' | 'queuedNotice' | 'response' | 'reject' | 'completion';

/** The header fields of an answer the checker compares with its question. */
export interface EchoedHeader {
  readonly clientMessageId?: string | null;
  readonly control?: string | null;
  readonly messageKey?: string | null;
}

export interface Question {
  readonly clientMessageId: string;
  readonly control: string;
  readonly messageKey: string;
}

export type FaultKind =
  /** No question anywhere has this client message id. */
  | 'uncorrelated'
  /** The id is a question of another connection: the answer went to the wrong terminal. */
  | 'misrouted'
  /** The header echoes another control field or message key than the question's. */
  | 'header-mismatch'
  /** A second Receipt or Completion, or any answer after the question ended. */
  | 'duplicate'
  /** A Response, notice or Completion before the Receipt. */
  | 'out-of-order'
  /** The Completion names answering systems whose Responses did not all arrive (or more came). */
  | 'incomplete'
  /** No final answer (Completion, or Reject before the Receipt) within the deadline. */
  | 'lost';

export interface Fault {
  readonly kind: FaultKind;
  readonly connection: string;
  readonly clientMessageId: string;
  readonly detail: string;
}

export type Ending = 'completed' | 'rejected';

interface Open {
  readonly question: Question;
  readonly connection: string;
  readonly sentAt: number;
  receipt: boolean;
  responseSystems: string[];
  systemRejects: number;
}

export interface CheckerCounts {
  readonly questions: number;
  readonly completed: number;
  /** Refused before acceptance (a valid mix should have none). */
  readonly rejected: number;
  /** Systems that failed after acceptance (timeout, refusal), summed over transactions. */
  readonly systemRejects: number;
  readonly responses: number;
  readonly inFlight: number;
  readonly faults: Readonly<Record<FaultKind, number>>;
  readonly totalFaults: number;
}

/** How many faults are kept with their detail (all are counted). */
const KEPT_FAULTS = 50;

export class AnswerChecker {
  readonly #open = new Map<string, Open>();
  /** Ids that ended, per connection, to tell a duplicate from a stray. Bounded. */
  /** The oldest ended ones forgotten first. */
  readonly #ended: BoundedCache<string, string>;
  readonly #faultCounts: Record<FaultKind, number> = {
    uncorrelated: 0, misrouted: 0, 'header-mismatch': 0, duplicate: 0, 'out-of-order': 0, incomplete: 0, lost: 0,
  };
  readonly faults: Fault[] = [];
  #questions = 0;
  #completed = 0;
  #rejected = 0;
  #systemRejects = 0;
  #responses = 0;

  /** `rememberEnded`: how many ended ids are kept to recognise late duplicates. */
  constructor(options: { rememberEnded?: number } = {}) {
    this.#ended = new BoundedCache({ capacity: options.rememberEnded ?? 200_000 });
  }

  /** Registers a question about to be sent on `connection`. */
  expect(connection: string, question: Question, sentAt: number): void {
    if (this.#open.has(question.clientMessageId) || this.#ended.has(question.clientMessageId)) {
      throw new Error(`client message id ${question.clientMessageId} used twice by the generator`);
    }
    this.#questions += 1;
    this.#open.set(question.clientMessageId, {
      question, connection, sentAt, receipt: false, responseSystems: [], systemRejects: 0,
    });
  }

  /**
   * Offers one answer frame received on `connection`. Returns how the question ended when
   * this answer ended it (with its send time), undefined otherwise.
   */
  answer(
    connection: string,
    kind: AnswerKind,
    header: EchoedHeader | null | undefined,
    extra: { readonly system?: string | null; readonly answered?: readonly string[] | null } = {},
  ): { ending: Ending; sentAt: number; question: Question } | undefined {
    const id = header?.clientMessageId ?? '';
    const open = this.#open.get(id);
    if (open === undefined) {
      const endedOn = this.#ended.peek(id);
      if (endedOn === undefined) this.#fault('uncorrelated', connection, id, `${kind} for an id no question has`);
      else if (endedOn !== connection) this.#fault('misrouted', connection, id, `${kind} for a question of ${endedOn}`);
      else this.#fault('duplicate', connection, id, `${kind} after the question ended`);
      return undefined;
    }
    if (open.connection !== connection) {
      this.#fault('misrouted', connection, id, `${kind} for a question of ${open.connection}`);
      return undefined;
    }
    const control = header?.control ?? '';
    const messageKey = header?.messageKey ?? '';
    if (control !== open.question.control || (messageKey !== '' && messageKey !== open.question.messageKey)) {
      this.#fault('header-mismatch', connection, id,
        `${kind} echoes control '${control}' key '${messageKey}', the question has '${open.question.control}' '${open.question.messageKey}'`);
    }
    switch (kind) {
      case 'receipt':
        if (open.receipt) this.#fault('duplicate', connection, id, 'second receipt');
        open.receipt = true;
        return undefined;
      case 'queuedNotice':
        if (!open.receipt) this.#fault('out-of-order', connection, id, 'queued notice before the receipt');
        return undefined;
      case 'response':
        if (!open.receipt) this.#fault('out-of-order', connection, id, 'response before the receipt');
        open.responseSystems.push(extra.system ?? '');
        this.#responses += 1;
        return undefined;
      case 'reject':
        if (open.receipt) {
          open.systemRejects += 1;
          this.#systemRejects += 1;
          return undefined;
        }
        this.#rejected += 1;
        return this.#end(open, 'rejected');
      case 'completion': {
        if (!open.receipt) this.#fault('out-of-order', connection, id, 'completion before the receipt');
        // Every system the Completion says answered sent a Response, and no other did.
        const answered = extra.answered ?? [];
        const missing = answered.filter((system) => !open.responseSystems.includes(system));
        const extraSystems = open.responseSystems.filter((system) => !answered.includes(system));
        if (missing.length > 0 || extraSystems.length > 0) {
          this.#fault('incomplete', connection, id,
            `completion names ${answered.join(' ') || 'no system'} as answered; responses came from ${open.responseSystems.join(' ') || 'none'}`);
        }
        this.#completed += 1;
        return this.#end(open, 'completed');
      }
    }
  }

  /** Questions still open that were sent before `sentBefore`: declared lost and closed. */
  expireOlderThan(sentBefore: number): { question: Question; connection: string }[] {
    const lost: { question: Question; connection: string }[] = [];
    for (const open of this.#open.values()) {
      if (open.sentAt >= sentBefore) continue;
      lost.push({ question: open.question, connection: open.connection });
      this.#fault('lost', open.connection, open.question.clientMessageId,
        open.receipt ? `receipt and ${open.responseSystems.length} response(s), no completion` : 'no answer at all');
      this.#end(open, undefined);
    }
    return lost;
  }

  /** Ends the run: every open question is lost. */
  finish(): CheckerCounts {
    this.expireOlderThan(Number.POSITIVE_INFINITY);
    return this.counts();
  }

  /** Whether a question of this id is waiting for its final answer. */
  isOpen(clientMessageId: string): boolean {
    return this.#open.has(clientMessageId);
  }

  get inFlight(): number {
    return this.#open.size;
  }

  counts(): CheckerCounts {
    let totalFaults = 0;
    for (const count of Object.values(this.#faultCounts)) totalFaults += count;
    return {
      questions: this.#questions,
      completed: this.#completed,
      rejected: this.#rejected,
      systemRejects: this.#systemRejects,
      responses: this.#responses,
      inFlight: this.#open.size,
      faults: { ...this.#faultCounts },
      totalFaults,
    };
  }

  #end(open: Open, ending: Ending | undefined): { ending: Ending; sentAt: number; question: Question } | undefined {
    const id = open.question.clientMessageId;
    this.#open.delete(id);
    this.#ended.set(id, open.connection);
    return ending === undefined ? undefined : { ending, sentAt: open.sentAt, question: open.question };
  }

  #fault(kind: FaultKind, connection: string, clientMessageId: string, detail: string): void {
    this.#faultCounts[kind] += 1;
    if (this.faults.length < KEPT_FAULTS) this.faults.push({ kind, connection, clientMessageId, detail });
  }
}
