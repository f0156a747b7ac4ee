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
import { HitStatus, messageKey, type Response, type Transaction } from '@clets/protocol';

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
    out.push({
      header: {
        messageKey: 'AM', ori: locatingOri, destinations: [enteringOri],
        clientMessageId: `${header.clientMessageId ?? ''}-LOCATE-${record.recordId ?? ''}`,
        control: header.control ?? '', terminal: header.terminal ?? '', operatorId: header.operatorId ?? '',
        ...(header.inputSeq ? { inputSeq: header.inputSeq } : {}),
        ...(header.receivedAtMs ? { receivedAtMs: header.receivedAtMs } : {}),
      },
      fields: [{ tag: 'TXT', value: text.slice(0, 4000) }],
    });
  }
  return out;
}
