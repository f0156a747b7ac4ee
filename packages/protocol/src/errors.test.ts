import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CletsError, ERROR_CODES, isErrorCode, toCletsError, type ErrorCode } from './errors.js';

const docs = readFileSync(new URL('../../../docs/errors.md', import.meta.url), 'utf8');
const documentedCodes = [...docs.matchAll(/^\| `(CLETS_ERR_[A-Z0-9_]+)` \| (\d+) \| (\d+) \|/gm)];

describe('error table', () => {
  it('documents every code with its wire and HTTP numbers, and nothing else', () => {
    const documented = new Map(documentedCodes.map((m) => [m[1], { wire: Number(m[2]), http: Number(m[3]) }]));
    for (const [code, definition] of Object.entries(ERROR_CODES)) {
      expect(documented.get(code), `${code} missing from docs/errors.md`).toEqual({ wire: definition.wire, http: definition.http });
    }
    expect([...documented.keys()].filter((code) => code === undefined || !isErrorCode(code))).toEqual([]);
  });

  it('lists every close code of the table in docs/protocol.md, with the error it stands for', () => {
    const protocol = readFileSync(new URL('../../../docs/protocol.md', import.meta.url), 'utf8');
    const section = protocol.slice(protocol.indexOf('\n## Close codes'), protocol.indexOf('\n## ', protocol.indexOf('\n## Close codes') + 1));
    const rows = new Map([...section.matchAll(/^\| (\d{4}) \| ([^|]*) \|/gm)].map((m) => [Number(m[1]), m[2]!]));
    for (const [code, definition] of Object.entries(ERROR_CODES) as [ErrorCode, { close?: number }][]) {
      if (definition.close === undefined) continue;
      expect(rows.get(definition.close), `close ${definition.close} (${code}) missing from docs/protocol.md`).toContain(`\`${code}\``);
    }
  });

  it('never reuses a wire code', () => {
    const wires = Object.values(ERROR_CODES).map((definition) => definition.wire);
    expect(new Set(wires).size).toBe(wires.length);
  });

  it('keeps each code in the range of its family', () => {
    for (const definition of Object.values(ERROR_CODES)) {
      expect(definition.wire).toBeGreaterThanOrEqual(100);
      expect(definition.wire).toBeLessThan(1000);
      expect(definition.http).toBeGreaterThanOrEqual(400);
      expect(definition.http).toBeLessThan(600);
    }
  });

  it('builds errors that carry their code, numbers and detail', () => {
    const error = new CletsError('CLETS_ERR_FIELD_INVALID', 'DOB 19801345: month 13', { field: 'DOB', position: 31 });
    expect(error.code).toBe('CLETS_ERR_FIELD_INVALID');
    expect(error.wireCode).toBe(204);
    expect(error.httpStatus).toBe(400);
    expect(error.message).toContain('month 13');
    expect(error.field).toBe('DOB');
    expect(error.position).toBe(31);
  });

  it('turns unknown errors into an internal error without leaking the detail', () => {
    const error = toCletsError(new Error('SQLITE_CORRUPT at /var/lib/secret.db'));
    expect(error.code).toBe<ErrorCode>('CLETS_ERR_INTERNAL');
    expect(error.message).not.toContain('secret');
    expect(error.closeCode).toBe(1011);
  });
});
