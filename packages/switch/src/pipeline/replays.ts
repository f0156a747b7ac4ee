/**
 * Everything the switch answered to one transaction, kept in the duplicate window so a
 * resend in the same replay scope is answered again. A resend may come while the original
 * is still in flight: it gets the frames so far, then follows every later frame, so each
 * send gets a complete answer ending in exactly one Completion (or one final Reject).
 */
import { createHash } from 'node:crypto';
import { encodeFrame, type Frame, type Transaction } from '@clets/protocol';

export class AnswerRecord {
  readonly frames: Frame[] = [];
  readonly #followers = new Set<(frame: Frame) => void>();
  #finished = false;
  #suspended = false;
  #firstRowSeq: number | undefined;
  #resolveFirstRow: (seq: number | undefined) => void = () => {};
  #resolveDone: () => void = () => {};
  /** The seq of the original's first audit row (its transaction row, or its reject row). */
  readonly firstRow: Promise<number | undefined>;
  /** Resolves when the original has sent its last frame. */
  readonly done: Promise<void>;

  constructor() {
    this.firstRow = new Promise((resolve) => { this.#resolveFirstRow = resolve; });
    this.done = new Promise((resolve) => { this.#resolveDone = resolve; });
  }

  get finished(): boolean {
    return this.#finished;
  }

  /** The seq of the original's first audit row, once known. */
  get firstRowSeq(): number | undefined {
    return this.#firstRowSeq;
  }

  /**
   * A record read back from the journal after a restart: the frames answered before it, and
   * its first audit row. A finished one answers resends from here on; an open one (resumed)
   * gets the rest of its frames as the resumed transaction sends them.
   */
  static restored(frames: readonly Frame[], firstRow: number | undefined, finished: boolean): AnswerRecord {
    const record = new AnswerRecord();
    record.frames.push(...frames);
    record.audited(firstRow);
    if (finished) record.finish();
    return record;
  }

  /** Keeps a frame of the original's answer and passes it to every resend waiting on it. */
  add(frame: Frame): void {
    this.frames.push(frame);
    for (const follower of this.#followers) follower(frame);
  }

  /** The original's first audit row is committed (or could not be: undefined). */
  audited(seq: number | undefined): void {
    if (this.#firstRowSeq !== undefined) return;
    this.#firstRowSeq = seq;
    this.#resolveFirstRow(seq);
  }

  /** Sends every later frame to `send` as well, until the original finishes. */
  follow(send: (frame: Frame) => void): void {
    if (!this.#finished) this.#followers.add(send);
  }

  /** The original ended without its answer: the switch shut down under it (resumed at the next start). */
  get suspended(): boolean {
    return this.#suspended;
  }

  finish(suspended = false): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#suspended = suspended;
    this.#followers.clear();
    this.#resolveFirstRow(this.#firstRowSeq);
    this.#resolveDone();
  }
}

/**
 * A digest of a transaction as the client sent it, before the switch fills or clears
 * anything: a resend has the same one; another transaction under the same id does not.
 * The control field is left out: it only helps the terminal match answers (they are echoed
 * with the original's), and a terminal may number it afresh when it resends.
 */
export function transactionDigest(transaction: Transaction): string {
  const header = transaction.header == null ? transaction.header : { ...transaction.header, control: '' };
  const bytes = encodeFrame({ transaction: { ...transaction, header } }, { maxFrameBytes: Number.MAX_SAFE_INTEGER });
  return createHash('sha256').update(bytes).digest('base64url');
}
