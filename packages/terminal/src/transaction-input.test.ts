import { describe, expect, it } from 'vitest';
import { CletsError } from '@clets/protocol';
import { MessageIdSource, prepareTransaction, transactionFromText } from './transaction-input.js';

describe('transaction input', () => {
  it('gives every transaction a unique id, distinct between client instances', () => {
    const one = new MessageIdSource('T001');
    const two = new MessageIdSource('T001');
    const ids = [one.next(), one.next(), two.next()].map((next) => next.clientMessageId);
    expect(new Set(ids).size).toBe(3);
    expect(ids[0]).toMatch(/^T001-[0-9a-f]{8}-1$/);
    expect(ids[1]).toMatch(/-2$/);
  });

  it('fills the control field when absent, and keeps one given by the caller or the line', () => {
    const ids = new MessageIdSource('T001', 'abcd');
    expect(prepareTransaction({ header: { messageKey: 'QW' } }, ids).header).toEqual({ messageKey: 'QW', clientMessageId: 'T001-abcd-1', control: '000001' });
    expect(prepareTransaction({ header: { control: 'MINE' } }, ids).header?.control).toBe('MINE');
    expect(prepareTransaction({}, ids, { control: 'OPT', clientMessageId: 'resend-7' }).header).toEqual({ clientMessageId: 'resend-7', control: 'OPT' });
    expect(prepareTransaction('QW.CA0194200.CTL/A1B2.NAM/DOE,JOHN', ids).header?.control).toBe('A1B2');
  });

  it('parses a typed line, keeping the line as typed for the audit row and echo', () => {
    const ids = new MessageIdSource('T001', 'abcd');
    const transaction = prepareTransaction('  qw.ca0194200.nam/doe,john.dob/19800115 ', ids);
    expect(transaction.header).toMatchObject({ messageKey: 'QW', ori: 'CA0194200', clientMessageId: 'T001-abcd-1', control: '000001' });
    expect(transaction.fields).toEqual([{ tag: 'NAM', value: 'DOE,JOHN' }, { tag: 'DOB', value: '19800115' }]);
    expect(transaction.text).toBe('qw.ca0194200.nam/doe,john.dob/19800115');
  });

  it('refuses a malformed line with the field and column at fault', () => {
    expect(() => transactionFromText('   ')).toThrow(CletsError);
    let caught: unknown;
    try {
      transactionFromText('QW.CA0194200.NAM/DOE,JOHN.DOB19800115');
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ code: 'CLETS_ERR_TEXT_SYNTAX', position: 27 });
  });
});
