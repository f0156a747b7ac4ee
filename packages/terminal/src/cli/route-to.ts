/**
 * Filling in a missing route-to by asking, instead of refusing the line. Every inquiry and
 * update must say who asks, why, and for which case (right to know, need to know: docs/domain.md
 * section 3; missing route-to and case numbers are what CORI audits find most often), and a
 * criminal-history inquiry its purpose code. The operator who left it out of the line is
 * asked for each missing member; each answer is checked by the catalogue's own validation
 * before the next question, and the completed line is what is sent.
 */
import {
  CletsError, formatTransaction, messageKey, parseMnemonic, PURPOSE_CODES, toCletsError, validateTransaction,
  type MessageKeyDefinition, type RouteTo, type Transaction,
} from '@clets/protocol';
import type { Ask } from './ask.js';

export interface RouteToContext {
  /** Offered as the requester (Enter accepts it): the operator asking for themselves. */
  readonly operatorId?: string | undefined;
  /** Shows a line of explanation or a refused answer. */
  readonly say: (text: string) => void;
}

/** The purpose codes a state or local agency may use, in words (S V X R are federal only). */
export const PURPOSE_CODE_CHOICES = Object.entries(PURPOSE_CODES)
  .filter(([, meaning]) => meaning !== 'FEDERAL ONLY')
  .map(([code, meaning]) => `${code} ${meaning}`);

type Member = 'requester' | 'reason' | 'caseNumber' | 'noCaseReason' | 'purposeCode' | 'attention';

/**
 * Asks for the route-to members the transaction lacks and returns the completed line and its
 * transaction (parsed again, so `text` is the line as sent). Rejects with InputCancelled when
 * the operator presses Ctrl-C.
 */
export async function completeRouteTo(transaction: Transaction, ask: Ask, context: RouteToContext): Promise<{ line: string; transaction: Transaction }> {
  const key = transaction.header?.messageKey ?? '';
  const definition = messageKey(key);
  if (definition === undefined) throw new CletsError('CLETS_ERR_UNKNOWN_MESSAGE_KEY', `'${key}' is not a message key`, { field: 'MKE' });
  const routeTo: RouteTo = { ...(transaction.routeTo ?? {}) };
  const missing = (member: Member): boolean => (routeTo[member] ?? '') === '';

  const askMember = async (member: Member, question: string, options: { optional?: boolean; defaultValue?: string | undefined } = {}): Promise<string> => {
    for (;;) {
      const answer = (await ask(question, options.defaultValue === undefined ? {} : { defaultValue: options.defaultValue })).trim().toUpperCase();
      if (answer === '') {
        if (options.optional === true) return '';
        context.say('an answer is needed here (Ctrl-C abandons the transaction)');
        continue;
      }
      const problem = memberProblem(transaction, definition, { ...routeTo, [member]: answer });
      if (problem === undefined) return answer;
      context.say(problem);
    }
  };

  context.say(`${key} needs a route-to: who is asking, the specific reason, and the case number${definition.purposeCodeRequired ? ', and a purpose code' : ''}.`);
  if (missing('requester')) routeTo.requester = await askMember('requester', 'Requester (name and badge/ID)', { defaultValue: context.operatorId });
  if (missing('reason')) routeTo.reason = await askMember('reason', 'Reason (the specific reason for this inquiry)');
  if (missing('caseNumber') && missing('noCaseReason')) {
    const caseNumber = await askMember('caseNumber', 'Case number (Enter if there is none)', { optional: true });
    if (caseNumber !== '') routeTo.caseNumber = caseNumber;
    else routeTo.noCaseReason = await askMember('noCaseReason', 'Why there is no case number');
  }
  if (definition.purposeCodeRequired && missing('purposeCode')) {
    context.say(`Purpose codes: ${PURPOSE_CODE_CHOICES.join('; ')}`);
    routeTo.purposeCode = await askMember('purposeCode', 'Purpose code');
    if (missing('attention')) {
      const attention = await askMember('attention', 'Attention (who the record is for; Enter to skip)', { optional: true });
      if (attention !== '') routeTo.attention = attention;
    }
  }
  const line = formatTransaction({ ...transaction, routeTo });
  return { line, transaction: parseMnemonic(line) };
}

/**
 * Whether the route-to with this answer passes the catalogue's checks, the members not asked
 * yet standing in as valid placeholders: any route-to problem left is the answer's.
 */
function memberProblem(transaction: Transaction, definition: MessageKeyDefinition, routeTo: RouteTo): string | undefined {
  const given = Object.fromEntries(Object.entries(routeTo).filter(([, value]) => value !== undefined && value !== null && value !== '')) as RouteTo;
  const probe: RouteTo = {
    requester: 'X',
    reason: 'X',
    ...((given.noCaseReason ?? '') === '' ? { caseNumber: 'X' } : {}),
    ...(definition.purposeCodeRequired ? { purposeCode: 'C' } : {}),
    ...given,
  };
  try {
    validateTransaction({ header: transaction.header, fields: transaction.fields, routeTo: probe });
  } catch (error) {
    const failure = toCletsError(error);
    if (failure.field === 'RTE' || failure.field === 'PUR' || failure.field === 'ATN') return failure.message;
  }
  return undefined;
}
