/**
 * One representative frame of every kind, the source of the golden wire fixtures in
 * packages/protocol/golden/ (`pnpm gen` writes them; the codec tests compare both ways).
 * Values are synthetic.
 */
import { ERROR_CODES } from './errors.js';
import type { Frame, FrameKind } from './types.js';
import { ConfirmationPriority, ConfirmationState, DeliveryState, HitStatus, LinkState } from './types.js';

const T0 = 1793750400000; // 2026-11-04T00:00:00Z
const header = {
  clientMessageId: 'MDT1-000042',
  control: 'A1B2',
  messageKey: 'QW',
  ori: 'CA0190000',
  terminal: 'SD01',
  operatorId: 'OP1001',
  inputSeq: 1042,
  receivedAtMs: T0,
};

export const GOLDEN_FRAMES: Readonly<Record<FrameKind, Frame>> = {
  terminalHello: { terminalHello: { mnemonic: 'SD01', deviceSecret: '9f3c1a7e', client: 'clets-terminal/0.1.0', protocolVersion: 1 } },
  loginBanner: {
    loginBanner: {
      bannerId: 'cjis-2026-1',
      statements: ['This is a restricted system.', 'Use is monitored and audited.'],
      text: 'This is a restricted system.\nUse is monitored and audited.',
    },
  },
  bannerAck: { bannerAck: { bannerId: 'cjis-2026-1' } },
  operatorLogin: { operatorLogin: { operatorId: 'OP1001', password: 'example-only' } },
  secondFactorChallenge: { secondFactorChallenge: { method: 'TOTP' } },
  secondFactorAnswer: { secondFactorAnswer: { code: '492039' } },
  loginResult: {
    loginResult: {
      ok: true, operatorId: 'OP1001', ori: 'CA0190000', terminal: 'SD01', role: 'FAO',
      sessionId: 's-7f2a', reauthenticateAtMs: T0 + 12 * 3600_000, messagesWaiting: 2,
    },
  },
  logout: { logout: { reason: 'END OF SHIFT' } },
  heartbeat: { linkSeq: 7, heartbeat: { nonce: 99, sentAtMs: T0, reply: false } },
  transaction: {
    transaction: {
      header: { ...header, inputSeq: 0, receivedAtMs: 0 },
      routeTo: { requester: 'DEP R VALE 4411', reason: 'TRAFFIC STOP SUSPECT VEH', caseNumber: '26-001234' },
      fields: [{ tag: 'NAM', value: 'QUILLAN,ORREN' }, { tag: 'SEX', value: 'M' }, { tag: 'DOB', value: '19800115' }],
      text: 'QW.CA0190000.NAM/QUILLAN,ORREN.SEX/M.DOB/19800115',
    },
  },
  receipt: { receipt: { header } },
  response: {
    response: {
      header: { ...header, hops: [{ switchId: 'county-19', inputSeq: 1042, outputSeq: 88, receivedAtMs: T0, sentAtMs: T0 + 3 }] },
      system: 'NCIC',
      responseKey: 'QW',
      status: HitStatus.HIT_STATUS_HIT,
      records: [{
        status: HitStatus.HIT_STATUS_HIT, system: 'NCIC', file: 'WANTED PERSON', recordId: 'W123456789',
        enteringOri: 'CA0370000', fields: [{ tag: 'NAM', value: 'QUILLAN,ORREN' }, { tag: 'OFF', value: 'BURGLARY' }],
        text: 'WARNING - DO NOT ARREST OR DETAIN BASED SOLELY UPON THIS INFORMATION\nWANTED PERSON\nNAM/QUILLAN,ORREN.OFF/BURGLARY',
      }],
      text: 'NCIC: 1 HIT',
    },
  },
  completion: { completion: { header, answered: ['NCIC', 'CORI'], failed: [], inputSeq: 1042 } },
  reject: {
    reject: {
      header, code: 'CLETS_ERR_ROUTE_TO_MISSING', wireCode: ERROR_CODES.CLETS_ERR_ROUTE_TO_MISSING.wire, reason: 'route-to field (RTE) missing',
      field: 'RTE', position: 0, echo: 'QW.CA0190000.NAM/QUILLAN,ORREN.SEX/M.DOB/19800115',
    },
  },
  queuedNotice: { queuedNotice: { header: { ...header, messageKey: 'IQ' }, system: 'NLETS', expiresAtMs: T0 + 900_000, text: '.02. NLETS OUT OF SERVICE - MESSAGE QUEUED' } },
  adminMessage: {
    adminMessage: {
      header: { ...header, messageKey: 'AM', destinations: ['CA0370000'] },
      officerSafety: 'SUBJECT KNOWN TO CARRY A KNIFE', text: 'ATTEMPT TO LOCATE GRAY SEDAN PLATE 8ABC123', broadcast: false, messageId: 'AM-19-000311',
    },
  },
  deliveryReport: { deliveryReport: { header: { ...header, messageKey: 'AM' }, messageId: 'AM-19-000311', destination: 'CA0370000', state: DeliveryState.DELIVERY_STATE_DELIVERED, atMs: T0 + 40 } },
  hitConfirmationRequest: {
    hitConfirmationRequest: {
      header: { ...header, messageKey: 'YQ', destinations: ['CA0370000'] }, confirmationId: 'YQ-19-000007', recordId: 'W123456789',
      priority: ConfirmationPriority.CONFIRMATION_PRIORITY_URGENT, requestNumber: 1, requestingOri: 'CA0190000', enteringOri: 'CA0370000',
      answerDueMs: T0 + 600_000, text: 'SUBJECT IN CUSTODY - CONFIRM WARRANT',
    },
  },
  hitConfirmationResponse: {
    hitConfirmationResponse: {
      header: { ...header, messageKey: 'YR', ori: 'CA0370000', destinations: ['CA0190000'] }, confirmationId: 'YQ-19-000007', recordId: 'W123456789',
      state: ConfirmationState.CONFIRMATION_STATE_CONFIRMED, respondingOri: 'CA0370000', text: 'WARRANT CONFIRMED - EXTRADITE',
    },
  },
  statusMessage: { statusMessage: { system: 'DMV', state: LinkState.LINK_STATE_DOWN, atMs: T0, text: 'DMV OUT OF SERVICE', reportedBy: 'county-19' } },
  linkHello: { linkHello: { peerId: 'county-19', secret: 'link-secret-example', role: 'switch', servedOris: ['CA0190000'], servedTerminals: ['SD01'], protocolVersion: 1 } },
  linkWelcome: { linkWelcome: { ok: true, systems: ['NCIC', 'NLETS', 'DMV', 'CORI'], peerId: 'state' } },
  linkRequest: {
    linkSeq: 12,
    linkRequest: {
      requestId: 'county-19:1042:NCIC', system: 'NCIC', deadlineMs: T0 + 5000,
      transaction: { header, routeTo: { requester: 'DEP R VALE 4411', reason: 'TRAFFIC STOP SUSPECT VEH', caseNumber: '26-001234' }, fields: [{ tag: 'NAM', value: 'QUILLAN,ORREN' }] },
    },
  },
  linkReply: {
    linkSeq: 13,
    linkReply: {
      requestId: 'county-19:1042:NCIC', final: true,
      responses: [{ header, system: 'NCIC', responseKey: 'QW', status: HitStatus.HIT_STATUS_NO_RECORD, text: 'NO NCIC WANT NAM/QUILLAN,ORREN DOB/19800115' }],
    },
  },
};
