import { describe, expect, it } from 'vitest';
import { CletsError } from '@clets/protocol';
import type { AdminPrincipal } from './admin-sessions.js';
import { auditScopeOf, withinAuditScope } from './audit-scope.js';

const administrator: AdminPrincipal = { id: 'OP1010', role: 'ADMINISTRATOR', ori: null, source: 'operator' };
const coordinator: AdminPrincipal = { id: 'OP1008', role: 'ACC', ori: 'CA0190000', source: 'operator' };
const securityContact: AdminPrincipal = { id: 'OP1009', role: 'SPOC', ori: 'CA0190000', source: 'operator' };
const bootstrap: AdminPrincipal = { id: 'bootstrap', role: 'ADMINISTRATOR', ori: null, source: 'config' };

function codeOf(work: () => unknown): string {
  try {
    work();
    return 'none';
  } catch (error) {
    return (error as CletsError).code;
  }
}

describe('audit scopes', () => {
  it('gives an administrator every row of the switch, as asked', () => {
    expect(auditScopeOf(administrator)).toEqual({ ori: null });
    expect(withinAuditScope({ type: 'logon', limit: 10 }, { ori: null })).toEqual({ type: 'logon', limit: 10 });
    expect(withinAuditScope({ ori: 'CA0190100' }, { ori: null })).toEqual({ ori: 'CA0190100' });
  });

  it("keeps a coordinator or a security contact to their own agency's rows, and refuses another agency's", () => {
    for (const principal of [coordinator, securityContact]) {
      const scope = auditScopeOf(principal);
      expect(scope).toEqual({ ori: 'CA0190000' });
      expect(withinAuditScope({ limit: 5 }, scope)).toEqual({ limit: 5, ori: 'CA0190000' });
      expect(withinAuditScope({ ori: 'CA0190000' }, scope)).toEqual({ ori: 'CA0190000' });
      expect(codeOf(() => withinAuditScope({ ori: 'CA0190100' }, scope))).toBe('CLETS_ERR_ADMIN_NOT_PERMITTED');
    }
  });

  it('gives a bootstrap account no rows at all', () => {
    expect(codeOf(() => auditScopeOf(bootstrap))).toBe('CLETS_ERR_ADMIN_NOT_PERMITTED');
  });
});
