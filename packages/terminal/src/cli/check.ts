/**
 * The local check of a typed line, before anything is sent: the mnemonic syntax
 * (parseMnemonic) and the catalogue's rules and field edits (validateTransaction), the same
 * checks the switch makes. A mistake is shown at once, naming the field and the column with a
 * caret under it, instead of travelling to the switch and back as a reject.
 */
import {
  parseMnemonic, toCletsError, validateTransaction,
  type CletsError, type ErrorCode, type Transaction,
} from '@clets/protocol';

export type LineCheck =
  | { readonly ok: true; readonly transaction: Transaction }
  /** `transaction` is set when the line parsed and only the catalogue check failed. */
  | { readonly ok: false; readonly error: CletsError; readonly transaction: Transaction | undefined };

/** Parses and validates one line (leading and trailing blanks are the parser's to drop). */
export function checkLine(line: string): LineCheck {
  let transaction: Transaction;
  try {
    transaction = parseMnemonic(line);
  } catch (error) {
    return { ok: false, error: toCletsError(error), transaction: undefined };
  }
  try {
    validateTransaction(transaction);
  } catch (error) {
    return { ok: false, error: toCletsError(error), transaction };
  }
  return { ok: true, transaction };
}

/** Route-to gaps the interactive terminal fills by asking (docs/domain.md section 3). */
const ROUTE_TO_GAPS: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'CLETS_ERR_ROUTE_TO_MISSING', 'CLETS_ERR_ROUTE_TO_INCOMPLETE', 'CLETS_ERR_PURPOSE_CODE_MISSING',
]);

export function isRouteToGap(error: CletsError): boolean {
  return ROUTE_TO_GAPS.has(error.code);
}

/**
 * The refusal as the operator sees it, shaped like the switch's ER line: reason, field and
 * column, then the line with a caret under the column.
 *
 *   NOT SENT 204 FIELD VALUE FAILS ITS EDIT: DOB 19801345: MONTH 13 IS NOT A MONTH FIELD/DOB COLUMN/27
 *   QW.CA0190000.NAM/DOE,JOHN.DOB/19801345
 *                             ^
 */
export function formatLocalError(line: string, error: CletsError): string {
  let head = `NOT SENT ${error.wireCode} ${error.message.toUpperCase()}`;
  if (error.field) head += ` FIELD/${error.field}`;
  if (error.position !== undefined && error.position > 0) head += ` COLUMN/${error.position}`;
  // A tab is one column to the parser: shown as one blank so the caret stays under its column.
  const shown = line.replace(/[\t\r\n]/g, ' ');
  const lines = [head, shown];
  const position = error.position ?? 0;
  if (position > 0 && position <= shown.length + 1) lines.push(`${' '.repeat(position - 1)}^`);
  const hint = hintFor(error, line);
  if (hint !== undefined) lines.push(hint);
  return lines.join('\n');
}

/** What to type next, for the mistakes where a command helps. */
function hintFor(error: CletsError, line: string): string | undefined {
  const key = /^\s*([A-Za-z][A-Za-z0-9]{1,3})\./.exec(line)?.[1]?.toUpperCase();
  switch (error.code) {
    case 'CLETS_ERR_UNKNOWN_MESSAGE_KEY':
      return 'type help for the message keys';
    case 'CLETS_ERR_FIELD_UNKNOWN':
    case 'CLETS_ERR_FIELD_MISSING':
    case 'CLETS_ERR_FIELD_CONFLICT':
      return key === undefined ? undefined : `type help ${key} for its fields, or form ${key} to be asked field by field`;
    default:
      return undefined;
  }
}
