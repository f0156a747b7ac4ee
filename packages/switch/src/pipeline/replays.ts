/**
 * Everything the switch answered to one transaction, kept in the duplicate window so a
 * resend in the same replay scope is answered again. A resend may come while the original
 * is still in flight: it gets the frames so far, then follows every later frame, so each
 * send gets a complete answer ending in exactly one Completion (or one final Reject).
 *
 * A finished record keeps its frames encoded, in one byte array (the journal's layout:
 * `encodeFrames`), and nothing else it needed only while in flight. The window holds tens of
 * thousands of records that live into the old generation: as decoded objects (headers,
 * records, fields, texts) an answer of 2.7 KB encoded held 9.6 KB of heap
 * (`bench-replays.ts`), and every major collection walks them; a byte array's contents are
 * never walked. They are decoded again only to answer a resend, which is rare.
 *
 * Each frame is encoded once, when it is added: those bytes are what the origin sends (a
 * terminal's writer sends them as they are) and what the finished record joins, so the
 * journal's copy is the wire's, byte for byte, and no frame is encoded a second time for it.
 */
import { createHash } from 'node:crypto';
import { encodeFrame, type Frame, type Transaction } from '@clets/protocol';
import { decodeFrames, joinFrames } from './journal.js';

const NO_LIMIT = { maxFrameBytes: Number.MAX_SAFE_INTEGER };

/** Sends a frame of the answer; `encoded` is its encoding when it has one. */
export type AnswerSend = (frame: Frame, encoded?: Uint8Array) => void;

/** An answer in flight: its frames as sent, and each one's bytes as `add` encoded them. */
interface Answering {
  readonly frames: Frame[];
  /** Undefined where a frame was restored rather than added, or did not encode. */
  readonly wire: (Uint8Array | undefined)[];
}

/** What only a record in flight needs: resends that follow it, and the promises they wait on. */
interface Waiters {
  readonly followers: Set<AnswerSend>;
  firstRow?: Deferred<number | undefined>;
  done?: Deferred<void>;
}

interface Deferred<T> {
  readonly promise: Promise<T>;
  readonly resolve: (value: T) => void;
}

function deferred<T>(): Deferred<T> {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((settle) => { resolve = settle; });
  return { promise, resolve };
}

const AUDITED = 1;
const FINISHED = 2;
const SUSPENDED = 4;

export class AnswerRecord {
  /** In flight: the frames so far, as sent, and their bytes; finished: all of them, encoded. */
  #answer: Answering | Uint8Array = { frames: [], wire: [] };
  /** AUDITED, FINISHED, SUSPENDED. */
  #state = 0;
  #firstRowSeq: number | undefined;
  /** Created when a resend waits on the record in flight; dropped when it finishes. */
  #waiters: Waiters | undefined;

  get finished(): boolean {
    return (this.#state & FINISHED) !== 0;
  }

  /** The seq of the original's first audit row, once known. */
  get firstRowSeq(): number | undefined {
    return this.#firstRowSeq;
  }

  /** The seq of the original's first audit row (its transaction row, or its reject row). */
  get firstRow(): Promise<number | undefined> {
    if ((this.#state & (AUDITED | FINISHED)) !== 0) return Promise.resolve(this.#firstRowSeq);
    const waiters = this.#waiting();
    waiters.firstRow ??= deferred();
    return waiters.firstRow.promise;
  }

  /** Resolves when the original has sent its last frame. */
  get done(): Promise<void> {
    if (this.finished) return Promise.resolve();
    const waiters = this.#waiting();
    waiters.done ??= deferred();
    return waiters.done.promise;
  }

  /**
   * Every frame of the answer so far, in order. Once finished, decoded afresh from the bytes
   * at each call: read it once per resend.
   */
  get frames(): readonly Frame[] {
    return this.#answer instanceof Uint8Array ? decodeFrames(this.#answer) : this.#answer.frames;
  }

  /** How many frames the answer has so far (without decoding them). */
  get frameCount(): number {
    if (!(this.#answer instanceof Uint8Array)) return this.#answer.frames.length;
    const view = new DataView(this.#answer.buffer, this.#answer.byteOffset, this.#answer.byteLength);
    let count = 0;
    for (let offset = 0; offset + 4 <= view.byteLength; offset += 4 + view.getUint32(offset)) count += 1;
    return count;
  }

  /**
   * The finished answer as the journal stores it (`encodeFrames`), undefined in flight. The
   * record keeps these bytes: they must not be written to.
   */
  get encoded(): Uint8Array | undefined {
    return this.#answer instanceof Uint8Array ? this.#answer : undefined;
  }

  /**
   * A record read back from the journal after a restart: the frames answered before it, and
   * its first audit row. A finished one answers resends from here on; an open one (resumed)
   * gets the rest of its frames as the resumed transaction sends them.
   */
  static restored(frames: readonly Frame[], firstRow: number | undefined, finished: boolean): AnswerRecord {
    const record = new AnswerRecord();
    (record.#answer as Answering).frames.push(...frames);
    record.audited(firstRow);
    if (finished) record.finish();
    return record;
  }

  /**
   * Keeps a frame of the original's answer, passes it to every resend waiting on it, and
   * returns its encoding: the bytes to send for it, which the record keeps as they are
   * (nobody may write to them). Undefined after the end, or for a frame that does not encode.
   */
  add(frame: Frame): Uint8Array | undefined {
    // Nothing is added after the end: the journal's copy of the answer ends there too.
    if (this.#answer instanceof Uint8Array) return undefined;
    let encoded: Uint8Array | undefined;
    try {
      encoded = ownBytes(encodeFrame(frame, NO_LIMIT));
    } catch {
      // Sent without bytes: the writer that encodes it meets the same error and reports it.
      encoded = undefined;
    }
    const { frames, wire } = this.#answer;
    wire[frames.length] = encoded;
    frames.push(frame);
    if (this.#waiters !== undefined) for (const follower of this.#waiters.followers) follower(frame, encoded);
    return encoded;
  }

  /** The original's first audit row is committed (or could not be: undefined). */
  audited(seq: number | undefined): void {
    if (this.#firstRowSeq !== undefined) return;
    this.#firstRowSeq = seq;
    this.#state |= AUDITED;
    this.#waiters?.firstRow?.resolve(seq);
  }

  /** Sends every later frame to `send` as well, until the original finishes. */
  follow(send: AnswerSend): void {
    if (!this.finished) this.#waiting().followers.add(send);
  }

  /** The original ended without its answer: the switch shut down under it (resumed at the next start). */
  get suspended(): boolean {
    return (this.#state & SUSPENDED) !== 0;
  }

  /** The answer is complete: its frames are encoded and what waited on it is released. */
  finish(suspended = false): void {
    if (this.finished) return;
    this.#state |= FINISHED | (suspended ? SUSPENDED : 0);
    const waiters = this.#waiters;
    this.#waiters = undefined;
    waiters?.firstRow?.resolve(this.#firstRowSeq);
    waiters?.done?.resolve();
    const { frames, wire } = this.#answer as Answering;
    try {
      this.#answer = joinFrames(frames.map((frame, index) => wire[index] ?? encodeFrame(frame, NO_LIMIT)));
    } catch {
      // A frame that does not encode was not sent either (every writer encodes): the record
      // keeps the objects, and the journal, encoding them, reports the error.
    }
  }

  #waiting(): Waiters {
    this.#waiters ??= { followers: new Set() };
    return this.#waiters;
  }
}

/**
 * Bytes in an array buffer of their own. The encoder cuts small frames from Node's shared 8 KiB
 * pool: a record kept in flight for hours (a transaction held for a system that is down, up to
 * `limits.queueMaxPerLink` of them) would pin a slab for each receipt of a few dozen bytes.
 */
function ownBytes(bytes: Uint8Array): Uint8Array {
  return bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes);
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
