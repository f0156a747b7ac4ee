/**
 * Security alerts: something a person must look at now (a linked switch claiming what is
 * not its own, a request under another switch's identity, a flood from one source). CJIS
 * asks that security events be both recorded and brought to someone's attention; an alert
 * here is three things, always together:
 * - an audit row `security_alert` whose outcome names the kind (in the tamper-evident chain);
 * - a log line at level error with `alert: <kind>` (what an operator's log shipping pages on);
 * - the counter `clets_security_alerts_total{kind}` on /metrics (what a dashboard graphs).
 */
import type { ErrorCode } from '@clets/protocol';
import type { Metrics } from '../metrics.js';
import type { AuditSink } from '../audit/types.js';

/** The kinds of alert raised today; the list grows with the checks that raise them. */
export type SecurityAlertKind =
  /** A county switch announced an ORI or terminal that is not its own (refused). */
  | 'peer_claim_refused'
  /** A linked switch sent traffic it may not send (a request under another's identity). */
  | 'link_violation'
  | (string & {});

export interface SecurityAlert {
  readonly kind: SecurityAlertKind;
  /** What happened, for a person: the claim, the peer, the rightful owner... */
  readonly detail: Record<string, unknown>;
  readonly code?: ErrorCode;
  /** Who it is about, as far as known (a peer id goes in `terminal` for link traffic). */
  readonly terminal?: string;
  readonly ori?: string;
  readonly operatorId?: string;
  readonly sourceAddress?: string;
  readonly messageKey?: string;
}

export interface SecurityAlerts {
  /** Raises one alert. The promise settles when its audit row is committed (or failed, logged). */
  raise(alert: SecurityAlert): Promise<void>;
}

export interface SecurityAlertDeps {
  readonly switchId: string;
  readonly clock: () => number;
  readonly audit: AuditSink;
  readonly metrics: Metrics;
  readonly logger: { error(object: object, message?: string): void };
}

export const SECURITY_ALERTS_METRIC = 'clets_security_alerts_total';

export function createSecurityAlerts(deps: SecurityAlertDeps): SecurityAlerts {
  return {
    async raise(alert) {
      const { kind, detail, code, ...who } = alert;
      deps.metrics.count(SECURITY_ALERTS_METRIC, 'Security alerts raised, by kind', { kind });
      deps.logger.error({ alert: kind, ...(code !== undefined ? { code } : {}), ...who, detail }, `security alert: ${kind}`);
      try {
        await deps.audit.append({
          type: 'security_alert', at: deps.clock(), outcome: kind, switchId: deps.switchId,
          ...who, ...(code !== undefined ? { code } : {}), detail,
        });
      } catch (error) {
        // The store raises its own alert when it cannot write; this one is in the log above.
        deps.logger.error({ err: error, alert: kind }, 'security alert not audited');
      }
    },
  };
}
