import { describe, expect, it } from 'vitest';
import { REDACTED, SecretRedactor } from './redact.js';

describe('SecretRedactor', () => {
  it('replaces every occurrence of every secret, longest first', () => {
    const redactor = new SecretRedactor();
    redactor.add('hunter2');
    redactor.add('hunter2hunter2');
    redactor.add('');
    redactor.add(undefined);
    expect(redactor.redact('a hunter2hunter2 b hunter2 c')).toBe(`a ${REDACTED} b ${REDACTED} c`);
    expect(redactor.redact('nothing here')).toBe('nothing here');
  });
});
