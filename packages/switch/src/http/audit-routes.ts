/**
 * The audit log read over HTTP, by administrators only (their own session: password and
 * TOTP): `GET /v1/audit` (rows by time, operator, ORI, terminal, type, key, outcome) and
 * `GET /v1/audit/search` (who looked up a subject, audit-search.ts). What a reader sees is
 * their scope (admin/audit-scope.ts: an ADMINISTRATOR every row of the switch, an ACC the
 * rows of their agency), never what the query asks. CJIS: any access to the audit log is
 * audited, a refused one too; a read is recorded under the reader's id before a row is read.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CletsError, toCletsError } from '@clets/protocol';
import type { AuditFilter, AuditReader, AuditRow, AuditScope as StoreScope, AuditSearch, AuditSearchHit, AuditSink } from '../audit/types.js';
import type { AdminPrincipal, AdminSessions } from './admin/admin-sessions.js';
import { auditScopeOf, withinAuditScope, type AuditScope } from './admin/audit-scope.js';
import { auditRowSchema } from './audit-schemas.js';
import { auditSearchRoutes } from './audit-search.js';
import { bearer, errorResponses, isValidationFailure, withZod } from './http-contract.js';
import { ADMIN_SESSION } from './openapi-document.js';

export interface AuditRoutesOptions {
  readonly switchId: string;
  readonly clock: () => number;
  /** The audit store: every read is appended to it first; a store that cannot be queried answers 404. */
  readonly audit: Pick<AuditSink, 'append'> & {
    query?: (filter: AuditFilter) => AuditRow[];
    searchAudited?: (criteria: AuditSearch, scope: StoreScope, reader: AuditReader) => Promise<AuditSearchHit[]>;
  };
  /** The administrators' sessions (the CJIS policy's); absent: every read is refused. */
  readonly sessions: AdminSessions | undefined;
}

const auditQuery = z.strictObject({
  from: z.coerce.number().int().optional(),
  to: z.coerce.number().int().optional(),
  operatorId: z.string().optional(),
  ori: z.string().optional(),
  terminal: z.string().optional(),
  type: z.string().optional(),
  messageKey: z.string().optional(),
  outcome: z.string().optional(),
  /** Rows with a greater seq only: the next page starts after the last seq of the previous one. */
  afterSeq: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
});

/** Who reads, since when, and what they may see. */
interface Reader {
  readonly at: number;
  readonly admin: AdminPrincipal;
  readonly scope: AuditScope;
}

export const auditRoutes: FastifyPluginAsync<AuditRoutesOptions> = async (fastify, options) => {
  const app = withZod(fastify);
  const { audit, clock, switchId } = options;
  const readers = new WeakMap<FastifyRequest, Reader>();

  /** The administrator behind a request (throws 401), then their scope (throws 403). */
  const authenticate = (request: FastifyRequest, at: number): AdminPrincipal => {
    if (options.sessions === undefined) throw new CletsError('CLETS_ERR_ADMIN_TOKEN_INVALID', 'audit search needs administrator accounts (security.policy cjis)');
    return options.sessions.authenticate(bearer(request), at);
  };

  /** CJIS: any access to the audit log is audited, a refused one too. Returns the refusal to throw. */
  const denied = async (request: FastifyRequest, at: number, admin: AdminPrincipal | undefined, error: unknown): Promise<CletsError> => {
    const failure = toCletsError(error);
    await audit.append({
      type: 'audit_read', at, outcome: 'denied', code: failure.code, operatorId: admin?.id ?? '', ...(admin?.ori ? { ori: admin.ori } : {}),
      sourceAddress: request.ip, switchId, detail: { query: request.query as Record<string, unknown> },
    }).catch(() => undefined);
    return failure;
  };

  app.get('/v1/audit', {
    schema: {
      summary: 'Audit rows by time, operator, ORI, terminal, type, key, outcome (the reader\'s scope only)',
      security: ADMIN_SESSION, errors: ['CLETS_ERR_ADMIN_TOKEN_INVALID', 'CLETS_ERR_ADMIN_NOT_PERMITTED', 'CLETS_ERR_NOT_FOUND', 'CLETS_ERR_AUDIT_UNAVAILABLE'],
      querystring: auditQuery, response: { 200: z.object({ rows: z.array(auditRowSchema) }), ...errorResponses },
    },
    // Who reads first: a caller without a session is refused (and audited) whatever the query says.
    preValidation: async (request) => {
      const at = clock();
      let admin: AdminPrincipal | undefined;
      try {
        admin = authenticate(request, at);
        readers.set(request, { at, admin, scope: auditScopeOf(admin) });
      } catch (error) {
        throw await denied(request, at, admin, error);
      }
    },
    // A malformed query from an administrator is a refused read of the log: audited.
    onError: async (request, _reply, error) => {
      const reader = readers.get(request);
      if (reader !== undefined && isValidationFailure(error)) await denied(request, reader.at, reader.admin, error);
    },
  }, async (request) => {
    const { at, admin, scope } = readers.get(request)!;
    let filter: z.infer<typeof auditQuery> & { ori?: string };
    try {
      filter = withinAuditScope(request.query, scope);
    } catch (error) {
      throw await denied(request, at, admin, error);
    }
    if (audit.query === undefined) throw new CletsError('CLETS_ERR_NOT_FOUND', 'this audit store cannot be searched');
    // Audited under the person who reads, before the rows are read.
    await audit.append({
      type: 'audit_read', at, outcome: 'success', operatorId: admin.id, ...(admin.ori ? { ori: admin.ori } : {}), sourceAddress: request.ip,
      switchId, detail: { filter, scope: scope.ori ?? 'switch' },
    });
    // The type is the caller's word: a type the log does not know matches no row.
    return { rows: audit.query(filter as AuditFilter) };
  });

  // The subject search takes the same sessions and scopes: an agency's coordinator searches
  // the rows of their ORI, an administrator every row.
  await app.register(auditSearchRoutes, {
    audit,
    authorize: async (request) => {
      const at = clock();
      let admin: AdminPrincipal | undefined;
      try {
        admin = authenticate(request, at);
        const scope = auditScopeOf(admin);
        const asked = (request.query as { ori?: unknown } | undefined)?.ori;
        withinAuditScope(typeof asked === 'string' ? { ori: asked } : {}, scope);
        return { readerId: admin.id, scope: scope.ori === null ? 'all' : { oris: [scope.ori] } };
      } catch (error) {
        throw await denied(request, at, admin, error);
      }
    },
  });
};
