import { describe, expect, it } from 'vitest';
import { ConfirmationPriority, ConfirmationState, DeliveryState, HitStatus, LinkState, type Response } from '@clets/protocol';
import { formatResult, type TransactionResult } from '../index.js';
import {
  hitBanner, renderAdminMessage, renderBanner, renderDeliveryReport, renderHitConfirmationRequest, renderHitConfirmationResponse,
  renderLogin, renderProgress, renderResult, renderStatusMessage,
} from './render.js';

const AT = Date.UTC(2026, 10, 1, 14, 32, 5);
const base = { clientMessageId: 'T001-ab-1', control: '000001', transaction: {}, durationMs: 12.4, rejects: [], queued: [] };
const noRecord: Response = { system: 'NCIC', responseKey: 'QW', status: HitStatus.HIT_STATUS_NO_RECORD, text: 'NO NCIC WANT' };
const hit: Response = { system: 'CORI', responseKey: 'QW', status: HitStatus.HIT_STATUS_HIT, text: 'WARNING - DO NOT ARREST OR DETAIN BASED SOLELY UPON THIS INFORMATION' };

describe('transaction text', () => {
  it('matches the client library\'s formatResult when there is no hit', () => {
    const result: TransactionResult = {
      ...base, outcome: 'completed', hit: false, responses: [noRecord],
      receipt: { header: { messageKey: 'QW', inputSeq: 42 } }, completion: { answered: ['NCIC'], inputSeq: 42 },
    };
    expect(renderResult(result)).toBe(formatResult(result));
  });

  it('puts the alert banner, with one bell, before a response flagged HIT (the flag, not the text)', () => {
    const result: TransactionResult = {
      ...base, outcome: 'completed', hit: true, responses: [noRecord, hit, { ...hit, system: 'NCIC' }],
      receipt: { header: { messageKey: 'QW', inputSeq: 42 } }, completion: { answered: ['NCIC', 'CORI'], inputSeq: 42 },
    };
    const text = renderResult(result, { bell: true });
    expect(text.split('\x07')).toHaveLength(2);
    expect(text).toContain(`${hitBanner('CORI')}\nCORI QW WANTED PERSON INQUIRY - 1 HIT`);
    expect(text).toMatch(/END ISN\/42 ANSWERED\/NCIC,CORI FAILED\/- \*\*\* HIT \*\*\* \(12 MS\)$/);
    expect(renderResult({ ...result, hit: false, responses: [{ ...noRecord, text: 'HIT HIT HIT' }] })).not.toContain('*** HIT ***');
  });

  it('shows progress pieces as they come: receipt with the echoed control field, and responses', () => {
    expect(renderProgress({ kind: 'receipt', receipt: { header: { messageKey: 'QW', inputSeq: 7, control: 'A1B2', clientMessageId: 'T001-x-3' } } }))
      .toBe('ACK QW ISN/7 CTL/A1B2 MID/T001-x-3');
    expect(renderProgress({ kind: 'response', response: hit }, { bell: true }).startsWith('\x07*****')).toBe(true);
    expect(renderProgress({ kind: 'queued', notice: { system: 'NLETS', expiresAtMs: AT } })).toBe('.02. NLETS OUT OF SERVICE, MESSAGE QUEUED UNTIL 2026-11-01 14:32:05Z');
  });
});

describe('session and unsolicited traffic', () => {
  it('shows the banner with every statement, and who logged in', () => {
    const banner = renderBanner({ bannerId: 'b', text: 'RESTRICTED SYSTEM', statements: ['Use is monitored and audited.', 'Use means consent.'] });
    expect(banner.split('\n').slice(1, 5)).toEqual(['SYSTEM USE NOTIFICATION', 'RESTRICTED SYSTEM', ' - Use is monitored and audited.', ' - Use means consent.']);
    const whole = renderBanner({ text: 'RESTRICTED.\nUSE IS AUDITED.', statements: ['RESTRICTED.', 'USE IS AUDITED.'] });
    expect(whole.split('\n').slice(1, -1)).toEqual(['SYSTEM USE NOTIFICATION', 'RESTRICTED.', 'USE IS AUDITED.']);
    expect(renderLogin({ operatorId: 'OP1001', role: 'FAO', terminal: 'LA01', ori: 'CA0190000', sessionId: 's1', reauthenticateAtMs: AT }))
      .toBe('LOGGED IN OP1001 (FAO) AT LA01 ORI/CA0190000 SESSION/s1, LOG IN AGAIN BY 2026-11-01 14:32:05Z');
  });

  it('puts an AM\'s officer-safety caution before its text', () => {
    expect(renderAdminMessage({
      header: { ori: 'CA0370000', terminal: 'SD01', operatorId: 'OP2001', inputSeq: 12, receivedAtMs: AT, control: 'ATL1' },
      officerSafety: 'SUBJECT KNOWN TO CARRY A KNIFE', text: 'Attempt to locate gray sedan.', broadcast: true, messageId: 'm-1',
    }).split('\n')).toEqual([
      'AM FROM CA0370000/SD01 OP2001 BROADCAST ISN/12 AT 2026-11-01 14:32:05Z CTL/ATL1 MSG/m-1',
      '*** OFFICER SAFETY: SUBJECT KNOWN TO CARRY A KNIFE ***',
      'Attempt to locate gray sedan.',
    ]);
  });

  it('shows a YQ with its deadline, a bell when urgent, and the YR line to answer it with', () => {
    const text = renderHitConfirmationRequest({
      recordId: 'W123456789', priority: ConfirmationPriority.CONFIRMATION_PRIORITY_URGENT, requestNumber: 2,
      requestingOri: 'CA0190000', enteringOri: 'CA0370000', answerDueMs: AT, confirmationId: 'c-9', text: 'QUILLAN,ORREN',
    }, { bell: true });
    expect(text.split('\n')).toEqual([
      '\x07YQ HIT CONFIRMATION REQUEST - URGENT ANSWER BY 2026-11-01 14:32:05Z RNO/2',
      'FROM CA0190000 TO CA0370000 NIC/W123456789 CONF/c-9',
      'QUILLAN,ORREN',
      'ANSWER: YR.CA0370000.CA0190000.NIC/W123456789.CNF/Y  (CNF/N not confirmed; CNF/T.ABY/HHMM answer by a time)',
    ]);
  });

  it('shows YR, SM and delivery reports in words', () => {
    expect(renderHitConfirmationResponse({ respondingOri: 'CA0370000', recordId: 'W123456789', state: ConfirmationState.CONFIRMATION_STATE_ANSWER_BY, answerByMs: AT }))
      .toBe('YR HIT CONFIRMATION RESPONSE FROM CA0370000 NIC/W123456789: WILL ANSWER BY 2026-11-01 14:32:05Z');
    expect(renderStatusMessage({ system: 'NCIC', state: LinkState.LINK_STATE_DOWN, atMs: AT, reportedBy: 'state', text: 'NCIC LINK DOWN' }))
      .toBe('SM NCIC DOWN AT 2026-11-01 14:32:05Z (REPORTED BY state)\nNCIC LINK DOWN');
    expect(renderStatusMessage({ system: 'NCIC', state: LinkState.LINK_STATE_UP })).toBe('SM NCIC BACK UP');
    expect(renderDeliveryReport({ messageId: 'm-1', destination: 'SD01', state: DeliveryState.DELIVERY_STATE_STORED, header: { control: 'ATL1' } }))
      .toBe('DELIVERY MSG/m-1 TO SD01: STORED (TERMINAL OFFLINE, DELIVERED AT ITS NEXT LOGIN) CTL/ATL1');
  });
});
