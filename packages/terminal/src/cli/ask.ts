/**
 * The contract between the flows that ask the operator something (login, route-to, forms)
 * and whatever asks: the readline console in a terminal, a list of answers in a test.
 */

export interface AskOptions {
  /** Do not echo what is typed, and keep it out of the history (passwords). */
  readonly hidden?: boolean;
  /** Returned when the operator just presses Enter; shown in brackets. */
  readonly defaultValue?: string;
}

/** Asks one question and resolves with the line typed (without the line break). */
export type Ask = (question: string, options?: AskOptions) => Promise<string>;

/** The operator pressed Ctrl-C during a question: whatever was being built is abandoned. */
export class InputCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'InputCancelled';
  }
}

/** The input ended (Ctrl-D, or the end of a piped stream) before the question was answered. */
export class InputClosed extends Error {
  constructor() {
    super('input closed');
    this.name = 'InputClosed';
  }
}
