/**
 * Which rows of the audit log an administrator may read (CJIS: access to the audit log is
 * itself controlled and audited). Every audit read of the API goes through here, so a new
 * way of reading the log gets the same scopes:
 *
 * - an ADMINISTRATOR: every row of this switch;
 * - any other administering role (ACC, SPOC): only the rows
 *   recorded under their own agency's ORI (rows with no ORI, such as link states, belong to
 *   the switch, not to an agency);
 * - a bootstrap account from the configuration: none (it only creates the first
 *   administrator).
 */
import { CletsError } from '@clets/protocol';
import type { AdminPrincipal } from './admin-sessions.js';

export interface AuditScope {
  /** Only rows of this ORI; null: every row of this switch. */
  readonly ori: string | null;
}

/** The scope of an administrator's audit reads. Throws CLETS_ERR_ADMIN_NOT_PERMITTED for a bootstrap account. */
export function auditScopeOf(principal: AdminPrincipal): AuditScope {
  if (principal.source === 'config') {
    throw new CletsError('CLETS_ERR_ADMIN_NOT_PERMITTED', 'a bootstrap account reads no audit rows: log in as an administrator');
  }
  if (principal.role === 'ADMINISTRATOR') return { ori: null };
  if (principal.ori === null) throw new CletsError('CLETS_ERR_ADMIN_NOT_PERMITTED', `${principal.id} has no agency to read the audit rows of`);
  return { ori: principal.ori };
}

/**
 * A filter narrowed to a scope: an agency scope fixes `ori`; asking for another agency's
 * rows is refused rather than silently answered with none.
 */
export function withinAuditScope<F extends { readonly ori?: string | undefined; readonly [key: string]: unknown }>(filter: F, scope: AuditScope): F & { ori?: string } {
  if (scope.ori === null) return filter;
  if (filter.ori !== undefined && filter.ori !== scope.ori) {
    throw new CletsError('CLETS_ERR_ADMIN_NOT_PERMITTED', `audit rows of ${scope.ori} only`, { field: 'ori' });
  }
  return { ...filter, ori: scope.ori };
}
