/** An audit search's hits as the table shows them and as CSV (RFC 4180). */
import type { AuditSearchHit } from '@clets/switch/api-types';

/** Why the transaction was made, as the route-to said it. */
export function routeTo(hit: AuditSearchHit): string {
  const route = hit.routeTo;
  if (!route) return '';
  return [route.reason, route.caseNumber ? `case ${route.caseNumber}` : route.noCaseReason, route.requester ? `for ${route.requester}` : '', route.purposeCode ? `PUR ${route.purposeCode}` : '']
    .filter(Boolean).join('; ');
}

const CSV_COLUMNS: readonly [string, (hit: AuditSearchHit) => string | number | undefined][] = [
  ['seq', (hit) => hit.seq], ['at', (hit) => hit.at], ['operator', (hit) => hit.operatorId], ['terminal', (hit) => hit.terminal], ['ori', (hit) => hit.ori],
  ['key', (hit) => hit.messageKey], ['route_to', routeTo], ['result', (hit) => hit.result], ['records', (hit) => hit.records.join(' ')], ['matched', (hit) => hit.matched.join(' ')],
];

/** RFC 4180: quote every field that needs it. */
export function toCsv(hits: readonly AuditSearchHit[]): string {
  const cell = (value: string | number | undefined) => {
    const text = value === undefined ? '' : String(value);
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [CSV_COLUMNS.map(([name]) => name).join(','), ...hits.map((hit) => CSV_COLUMNS.map(([, read]) => cell(read(hit))).join(','))].join('\r\n') + '\r\n';
}

