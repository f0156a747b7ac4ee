/**
 * What `send()` accepts (a structured Transaction or a mnemonic line) and how it becomes the
 * Transaction on the wire: a unique client message id, and a control field when absent.
 */
import { randomBytes } from 'node:crypto';
import { parseMnemonic, type Transaction } from '@clets/protocol';

/** A Transaction, or a line as an operator types it: `QW.CA0194200.NAM/DOE,JOHN.DOB/19800115`. */
export type TransactionInput = Transaction | string;

/**
 * A mnemonic line as a Transaction, parsed here (syntax only: the catalogue's edits stay the
 * switch's), so a malformed line is refused before it travels, with the field and column at
 * fault. The line itself goes along as `text`, for the switch's audit row and reject echo.
 * Throws CLETS_ERR_TEXT_SYNTAX or CLETS_ERR_FIELD_DUPLICATE.
 */
export function transactionFromText(line: string): Transaction {
  return parseMnemonic(line.trim());
}

/**
 * Client message ids: `<mnemonic>-<instance>-<n>`. The switch answers a repeated id from its
 * duplicate window instead of forwarding it, and that window outlives a client process; the
 * random instance tag keeps a restarted client from reusing its predecessor's ids.
 */
export class MessageIdSource {
  #counter = 0;
  readonly instance: string;

  constructor(private readonly mnemonic: string, instance: string = randomBytes(4).toString('hex')) {
    this.instance = instance;
  }

  next(): { clientMessageId: string; sequence: number } {
    this.#counter += 1;
    return { clientMessageId: `${this.mnemonic}-${this.instance}-${this.#counter}`, sequence: this.#counter };
  }
}

export interface PrepareOptions {
  /** Use this id (a resend after a dropped connection: the switch answers it from memory). */
  readonly clientMessageId?: string | undefined;
  /** The operator's control field, echoed in every reply. */
  readonly control?: string | undefined;
}

/**
 * The Transaction to send: fills `header.clientMessageId`, and `header.control` when neither
 * the caller nor the line (`CTL/`) gave one.
 */
export function prepareTransaction(input: TransactionInput, ids: MessageIdSource, options: PrepareOptions = {}): Transaction {
  const transaction = typeof input === 'string' ? transactionFromText(input) : input;
  const header = transaction.header ?? {};
  const { clientMessageId: generated, sequence } = ids.next();
  const clientMessageId = options.clientMessageId || header.clientMessageId || generated;
  const control = options.control || header.control || controlField(sequence);
  return { ...transaction, header: { ...header, clientMessageId, control } };
}

/** A control field from the sequence: six digits, wrapping (it is echoed, not unique). */
function controlField(sequence: number): string {
  return String(sequence % 1_000_000).padStart(6, '0');
}
