import { describe, expect, it } from 'vitest';
import { LOG_REDACT_CENSOR, LOG_REDACT_PATHS, logRedaction, REDACT_DEPTH, SECRET_LOG_KEYS } from './log-redaction.js';

describe('log redaction list', () => {
  it('names every secret key at every depth down to the limit, and nothing twice', () => {
    for (const key of ['secret', 'password', 'totpSecret', 'totpCode', 'deviceSecret', 'token', 'authorization']) {
      expect(SECRET_LOG_KEYS).toContain(key);
      for (let depth = 0; depth <= REDACT_DEPTH; depth++) expect(LOG_REDACT_PATHS).toContain(`${'*.'.repeat(depth)}${key}`);
    }
    expect(new Set(LOG_REDACT_PATHS).size).toBe(LOG_REDACT_PATHS.length);
  });

  it('gives each logger its own copy of the paths', () => {
    const first = logRedaction();
    first.paths.length = 0;
    expect(logRedaction()).toEqual({ paths: [...LOG_REDACT_PATHS], censor: LOG_REDACT_CENSOR });
  });
});
