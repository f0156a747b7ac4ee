import { describe, expect, it } from 'vitest';
import { committedFixtures } from '../systems/test-support.js';
import { AUDITED_FILES, auditSample, openAuditedFiles } from './audit-sample.js';

const NOW = Date.parse('2026-11-02T10:00:00Z');

describe('auditSample', () => {
  it('draws N records of each audited file, the same for the same seed, another for another seed', async () => {
    const opened = openAuditedFiles(await committedFixtures(), ':memory:');
    try {
      const sample = auditSample(opened.files, { perFile: 5, seed: 7, now: NOW });
      for (const file of AUDITED_FILES) expect(sample.filter((record) => record.file === file)).toHaveLength(5);
      expect(new Set(sample.map((record) => `${record.file}:${record.id}`)).size).toBe(sample.length);
      expect(auditSample(opened.files, { perFile: 5, seed: 7, now: NOW })).toEqual(sample);
      expect(auditSample(opened.files, { perFile: 5, seed: 8, now: NOW }).map((record) => record.id)).not.toEqual(sample.map((record) => record.id));
      expect(sample.find((record) => record.file === 'WPS')?.care?.check).toBe('CHECKED');
    } finally {
      opened.close();
    }
  });

  it('keeps to one agency when asked, and gives what there is when a file holds fewer', async () => {
    const opened = openAuditedFiles(await committedFixtures(), ':memory:');
    try {
      const sample = auditSample(opened.files, { perFile: 1000, seed: 1, ori: 'CA0190000', now: NOW });
      expect(sample.length).toBeGreaterThan(0);
      expect(sample.every((record) => record.ori === 'CA0190000')).toBe(true);
      const all = auditSample(opened.files, { perFile: 1000, seed: 1, now: NOW });
      expect(all.filter((record) => record.file === 'WPS').length).toBeLessThan(1000);
    } finally {
      opened.close();
    }
  });
});
