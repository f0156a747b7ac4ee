/**
 * Locate notifications. NCIC practice: when an agency places a locate on another agency's
 * record, the entering agency is told at once, so that it confirms, arranges extradition or
 * recovery, and clears its record. A system acknowledges the locate (the acknowledgement's
 * record names the entering ORI); the switch the locating terminal works at then sends the
 * entering agency an administrative message (AM) through the ordinary delivery path: to its
 * logged-in terminals, across counties through the state, stored for a terminal that is not
 * logged in, with delivery reports back to the locating terminal (docs/protocol.md, "Locate
 * notification").
 */
import { fieldDefinition, HitStatus, messageKey, TEXT_TAG, type Response, type Transaction } from '@clets/protocol';

/** An AM's text holds at most this much (the TXT field's edit); a longer notice goes in parts. */
const TEXT_LIMIT = fieldDefinition(TEXT_TAG)?.maxLength ?? 4000;
/** Room kept in each part for its `PART n OF m` line. */
const PART_LINE_ROOM = 24;

/**
 * A notice cut into texts the TXT field takes, at line ends where it can (a line longer than a
 * part is cut where it must): an agency's validation list of hundreds of records arrives whole,
 * in numbered parts, rather than cut off.
 */
export function noticeParts(text: string, limit = TEXT_LIMIT): string[] {
  if (text.length <= limit) return [text];
  const room = limit - PART_LINE_ROOM;
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    for (let start = 0; start === 0 || start < line.length; start += room) {
      const piece = line.slice(start, start + room);
      if (current !== '' && current.length + 1 + piece.length > room) {
        chunks.push(current);
        current = '';
      }
      current = current === '' ? piece : `${current}\n${piece}`;
      if (line.length === 0) break;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks.map((chunk, index) => `PART ${index + 1} OF ${chunks.length}\n${chunk}`);
}

/**
 * The AM transactions a system's answer to `transaction` calls for: one per acknowledged
 * record of a locate key (catalogue: `notifyEnteringAgency`) entered by another ORI. Pure.
 */
export function locateNotifications(response: Response, transaction: Transaction): Transaction[] {
  const header = transaction.header ?? {};
  const definition = messageKey(header.messageKey ?? '');
  if (definition?.notifyEnteringAgency !== true) return [];
  const locatingOri = header.ori ?? '';
  const out: Transaction[] = [];
  for (const record of response.records ?? []) {
    const enteringOri = record.enteringOri ?? '';
    if (record.status !== HitStatus.HIT_STATUS_ACKNOWLEDGED || enteringOri === '' || enteringOri === locatingOri) continue;
    // A locate names the record; a validation list (the state control point's) is the agency's.
    const locate = definition.action === 'update';
    const text = [
      locate ? `LOCATE NOTIFICATION - ${definition.meaning} PLACED ON YOUR RECORD NIC/${record.recordId ?? ''}` : `ADMINISTRATIVE NOTICE - ${definition.meaning} FOR ORI/${enteringOri}`,
      `BY ORI/${locatingOri} TERMINAL/${header.terminal ?? ''} OPERATOR/${header.operatorId ?? ''}.`,
      locate ? 'CONFIRM, THEN CLEAR OR CANCEL YOUR RECORD.' : 'VALIDATE, CORRECT OR CANCEL EACH RECORD LISTED, AND SECOND-PARTY CHECK EACH ENTRY.',
      record.text ?? '',
    ].join('\n').trim();
    noticeParts(text).forEach((part, index) => {
      out.push({
        header: {
          messageKey: 'AM', ori: locatingOri, destinations: [enteringOri],
          // The first part keeps the id a single notice has always had (journaled notices are matched by it).
          clientMessageId: `${header.clientMessageId ?? ''}-LOCATE-${record.recordId ?? ''}${index === 0 ? '' : `-P${index + 1}`}`,
          control: header.control ?? '', terminal: header.terminal ?? '', operatorId: header.operatorId ?? '',
          ...(header.inputSeq ? { inputSeq: header.inputSeq } : {}),
          ...(header.receivedAtMs ? { receivedAtMs: header.receivedAtMs } : {}),
        },
        fields: [{ tag: TEXT_TAG, value: part }],
      });
    });
  }
  return out;
}
