/**
 * Route-to compliance per operator for a period: the CORI audit (docs/domain.md section 3: auditors most
 * often find the route-to field not compliant and the case number missing). From the audit
 * log: every inquiry and update accepted in the period, judged again by today's route-to
 * rules, plus every attempt the switch refused for a route-to or purpose-code reason (a
 * non-compliant attempt). Refusals for other reasons (certification, terminal, role) are not
 * route-to attempts and are left out.
 */
import type { AuditRow } from '../audit/types.js';
import { routeToComplete, type VagueReasonRule } from '../security/route-to-rules.js';
import { isoDate, percent, type Report } from './report-format.js';

/** Refusal codes that mean the route-to (or its purpose code) was not compliant. */
export const ROUTE_TO_REJECT_CODES: ReadonlySet<string> = new Set([
  'CLETS_ERR_ROUTE_TO_MISSING', 'CLETS_ERR_ROUTE_TO_INCOMPLETE', 'CLETS_ERR_ROUTE_TO_VAGUE_REASON', 'CLETS_ERR_CASE_NUMBER_MISSING',
  'CLETS_ERR_PURPOSE_CODE_MISSING', 'CLETS_ERR_PURPOSE_CODE_INVALID', 'CLETS_ERR_PURPOSE_CODE_FEDERAL_ONLY',
]);

export interface RouteToComplianceInput {
  /** Audit rows of the period (other types and keys are ignored). */
  readonly rows: Iterable<AuditRow>;
  /** Inclusive start, exclusive end (epoch ms). */
  readonly from: number;
  readonly to: number;
  readonly ori?: string | undefined;
  /** Whether a message key needs a route-to (the catalogue's routeToRequired: inquiries and updates). */
  readonly requiresRouteTo: (messageKey: string) => boolean;
  readonly vague: VagueReasonRule;
}

export interface OperatorCompliance {
  readonly operatorId: string;
  readonly ori: string;
  /** Inquiries and updates accepted. */
  readonly accepted: number;
  /** Attempts refused for a route-to reason. */
  readonly refused: number;
  /** Accepted with requester, specific reason and case number or documented absence. */
  readonly complete: number;
  /** Accepted with a case number. */
  readonly withCaseNumber: number;
}

/** Pre-acceptance refusals carry no `system`; a system's reject after the receipt does. */
function isRefusalBeforeAcceptance(row: AuditRow): boolean {
  return row.type === 'reject' && (row.detail === undefined || row.detail['system'] === undefined);
}

export function routeToCompliance(input: RouteToComplianceInput): OperatorCompliance[] {
  const byOperator = new Map<string, { operatorId: string; ori: string; accepted: number; refused: number; complete: number; withCaseNumber: number }>();
  for (const row of input.rows) {
    if (row.atMs < input.from || row.atMs >= input.to) continue;
    if (input.ori !== undefined && row.ori !== input.ori) continue;
    const key = row.messageKey ?? '';
    const operatorId = row.operatorId ?? '';
    if (operatorId === '') continue;
    const accepted = row.type === 'transaction' && row.outcome === 'accepted' && input.requiresRouteTo(key);
    const refused = isRefusalBeforeAcceptance(row) && ROUTE_TO_REJECT_CODES.has(row.code ?? '');
    if (!accepted && !refused) continue;
    const entryKey = `${operatorId}\u0000${row.ori ?? ''}`;
    let entry = byOperator.get(entryKey);
    if (entry === undefined) {
      entry = { operatorId, ori: row.ori ?? '', accepted: 0, refused: 0, complete: 0, withCaseNumber: 0 };
      byOperator.set(entryKey, entry);
    }
    if (refused) {
      entry.refused += 1;
      continue;
    }
    entry.accepted += 1;
    if (routeToComplete(row.routeTo, input.vague)) entry.complete += 1;
    if ((row.routeTo?.caseNumber ?? '').trim() !== '') entry.withCaseNumber += 1;
  }
  return [...byOperator.values()].sort((a, b) => a.ori.localeCompare(b.ori) || a.operatorId.localeCompare(b.operatorId));
}

export function routeToComplianceReport(input: RouteToComplianceInput & { readonly names?: ReadonlyMap<string, string> }): Report {
  const results = routeToCompliance(input);
  const totals = results.reduce((sum, entry) => ({
    accepted: sum.accepted + entry.accepted, refused: sum.refused + entry.refused,
    complete: sum.complete + entry.complete, withCaseNumber: sum.withCaseNumber + entry.withCaseNumber,
  }), { accepted: 0, refused: 0, complete: 0, withCaseNumber: 0 });
  const attempts = totals.accepted + totals.refused;
  return {
    title: 'ROUTE-TO COMPLIANCE BY OPERATOR (CORI AUDIT)',
    subtitle: [
      `PERIOD ${isoDate(input.from)} TO ${isoDate(input.to - 1)}${input.ori === undefined ? '' : `  ORI ${input.ori}`}`,
      'COMPLIANT: REQUESTER, SPECIFIC REASON, AND CASE NUMBER OR DOCUMENTED REASON FOR NONE. REFUSED ATTEMPTS COUNT AS NON-COMPLIANT.',
    ],
    columns: [
      { key: 'operator', header: 'OPERATOR' },
      { key: 'name', header: 'NAME' },
      { key: 'ori', header: 'ORI' },
      { key: 'attempts', header: 'ATTEMPTS', align: 'right' },
      { key: 'accepted', header: 'ACCEPTED', align: 'right' },
      { key: 'refused', header: 'REFUSED', align: 'right' },
      { key: 'complete', header: 'COMPLETE', align: 'right' },
      { key: 'withCase', header: 'WITH CASE NO', align: 'right' },
      { key: 'compliant', header: 'COMPLIANT %', align: 'right' },
      { key: 'casePercent', header: 'CASE NO %', align: 'right' },
    ],
    rows: results.map((entry) => ({
      operator: entry.operatorId, name: input.names?.get(entry.operatorId) ?? '', ori: entry.ori,
      attempts: entry.accepted + entry.refused, accepted: entry.accepted, refused: entry.refused, complete: entry.complete,
      withCase: entry.withCaseNumber, compliant: percent(entry.complete, entry.accepted + entry.refused),
      casePercent: percent(entry.withCaseNumber, entry.accepted + entry.refused),
    })),
    summary: [
      `OPERATORS ${results.length}  ATTEMPTS ${attempts}  REFUSED ${totals.refused}  COMPLETE ${totals.complete}  COMPLIANT ${percent(totals.complete, attempts)}%  WITH CASE NUMBER ${percent(totals.withCaseNumber, attempts)}%`,
    ],
  };
}
