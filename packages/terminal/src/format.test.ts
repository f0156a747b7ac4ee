import { describe, expect, it } from 'vitest';
import { formatReject, formatResponse, HitStatus, type Reject, type Response } from '@clets/protocol';
import { formatResult } from './format.js';
import type { TransactionResult } from './transaction-result.js';

const base = { clientMessageId: 'T001-ab-1', control: '000001', transaction: {}, durationMs: 12.4 };

describe('formatResult', () => {
  it('writes receipt, queued notices, responses, system rejects and the completion line', () => {
    const responses: Response[] = [
      { system: 'NCIC', responseKey: 'QW', status: HitStatus.HIT_STATUS_NO_RECORD, text: 'NO NCIC WANT' },
      { system: 'CORI', responseKey: 'QW', status: HitStatus.HIT_STATUS_HIT, records: [{ status: HitStatus.HIT_STATUS_HIT, text: 'WARNING - DO NOT ARREST...' }] },
    ];
    const rejects: Reject[] = [{ system: 'NLETS', code: 'CLETS_ERR_SYSTEM_TIMEOUT', wireCode: 504, reason: 'system did not answer in time' }];
    const result: TransactionResult = {
      ...base, outcome: 'completed', hit: true, responses, rejects,
      queued: [{ system: 'DMV', expiresAtMs: Date.UTC(2025, 0, 1, 13) }],
      receipt: { header: { messageKey: 'QW', inputSeq: 42 } },
      completion: { answered: ['NCIC', 'CORI'], failed: ['NLETS'], inputSeq: 42 },
    };
    expect(formatResult(result).split('\n')).toEqual([
      'ACK QW ISN/42 CTL/000001 MID/T001-ab-1',
      '.02. DMV OUT OF SERVICE, MESSAGE QUEUED UNTIL 2025-01-01T13:00:00.000Z',
      ...formatResponse(responses[0]!).split('\n'),
      ...formatResponse(responses[1]!).split('\n'),
      ...formatReject(rejects[0]!).split('\n'),
      'END ISN/42 ANSWERED/NCIC,CORI FAILED/NLETS *** HIT *** (12 MS)',
    ]);
  });

  it('marks a hit from the flag only', () => {
    const result: TransactionResult = {
      ...base, outcome: 'completed', hit: false, rejects: [], queued: [], receipt: undefined,
      responses: [{ system: 'NCIC', status: HitStatus.HIT_STATUS_NO_RECORD, text: 'HIT HIT HIT' }],
      completion: { answered: ['NCIC'] },
    };
    expect(formatResult(result)).not.toContain('*** HIT ***');
  });

  it('writes a refusal as its ER line and echo', () => {
    const rejected: Reject = { code: 'CLETS_ERR_FIELD_INVALID', wireCode: 204, reason: 'DOB must be CCYYMMDD', field: 'DOB', position: 27, echo: 'QW.CA0194200.NAM/DOE,JOHN.DOB/1980' };
    const result: TransactionResult = { ...base, outcome: 'rejected', hit: false, responses: [], rejects: [], queued: [], rejected };
    expect(formatResult(result)).toBe(formatReject(rejected));
    expect(formatResult(result)).toMatch(/^ER 204 DOB MUST BE CCYYMMDD FIELD\/DOB COLUMN\/27\nECHO\//);
  });
});
