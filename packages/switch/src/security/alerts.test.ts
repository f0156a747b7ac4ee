import { describe, expect, it } from 'vitest';
import { MemoryAuditStore } from '../audit/index.js';
import { Metrics } from '../metrics.js';
import { createSecurityAlerts, SECURITY_ALERTS_METRIC } from './alerts.js';

describe('security alerts', () => {
  it('raise an audit row, an error log line and a counter together', async () => {
    const audit = new MemoryAuditStore();
    const metrics = new Metrics();
    const lines: object[] = [];
    const alerts = createSecurityAlerts({ switchId: 'state', clock: () => 1_000, audit, metrics, logger: { error: (object) => { lines.push(object); } } });
    await alerts.raise({ kind: 'link_violation', code: 'CLETS_ERR_HEADER_MISMATCH', terminal: 'county-19', sourceAddress: '127.0.0.1', detail: { claimed: 'SD01' } });
    await alerts.raise({ kind: 'link_violation', detail: {} });
    await audit.flush();
    expect(audit.query({ type: 'security_alert' })[0]).toMatchObject({
      outcome: 'link_violation', code: 'CLETS_ERR_HEADER_MISMATCH', terminal: 'county-19', sourceAddress: '127.0.0.1', switchId: 'state', detail: { claimed: 'SD01' },
    });
    expect(lines[0]).toMatchObject({ alert: 'link_violation', terminal: 'county-19', detail: { claimed: 'SD01' } });
    expect(await metrics.counterValue(SECURITY_ALERTS_METRIC, { kind: 'link_violation' })).toBe(2);
    expect(await metrics.render()).toContain('clets_security_alerts_total{kind="link_violation"} 2');
  });

  it('still logs and counts when the audit store refuses the row', async () => {
    const lines: object[] = [];
    const failing = { append: () => Promise.reject(new Error('disk full')), health: () => ({ writable: false, pending: 0 }), close: () => Promise.resolve() };
    const metrics = new Metrics();
    const alerts = createSecurityAlerts({ switchId: 'state', clock: () => 1, audit: failing, metrics, logger: { error: (object) => { lines.push(object); } } });
    await alerts.raise({ kind: 'peer_claim_refused', detail: {} });
    expect(lines).toEqual([expect.objectContaining({ alert: 'peer_claim_refused' }), expect.objectContaining({ alert: 'peer_claim_refused', err: expect.any(Error) })]);
    expect(await metrics.counterValue(SECURITY_ALERTS_METRIC, { kind: 'peer_claim_refused' })).toBe(1);
  });
});
