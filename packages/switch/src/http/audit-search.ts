/**
 * `GET /v1/audit/search`: who looked up a subject, by operator, terminal, ORI and time, with
 * what came back. The caller's authority decides the scope (an agency coordinator sees the
 * agency's ORIs, a switch administrator every row), never the request: `authorize` is given
 * by whoever mounts the route. The search is recorded in the audit log (`audit_read`, with
 * the criteria and the scope) and committed before any row is returned (CJIS: any access to
 * the audit log is audited).
 *
 * Query: name (LAST,FIRST), dob (CCYYMMDD), exact (true: no sound-alike names), soc, oln,
 * plate, state, vin, serial, fbi, sid, nic, case, operatorId, terminal, ori, from and to
 * (epoch ms or ISO 8601; to exclusive), afterSeq, limit (default 100, at most 1000).
 * Answer: `{ count, scope, hits: AuditSearchHit[] }`.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CletsError, subjectSearchKeys, type SubjectQuery } from '@clets/protocol';
import type { AuditReader, AuditScope, AuditSearch, AuditSearchHit } from '../audit/types.js';
import { auditScopeSchema, auditSearchHitSchema } from './audit-schemas.js';
import { errorResponses, withZod } from './http-contract.js';
import { ADMIN_SESSION } from './openapi-document.js';

/** Who is asking and what they may see. Throws a CletsError (401/403) to refuse. */
export interface AuditReadAuthority {
  readonly readerId: string;
  readonly scope: AuditScope;
}

export type AuthorizeAuditRead = (request: FastifyRequest) => AuditReadAuthority | Promise<AuditReadAuthority>;

export interface AuditSearchRouteOptions {
  readonly audit: { searchAudited?: (criteria: AuditSearch, scope: AuditScope, reader: AuditReader) => Promise<AuditSearchHit[]> };
  /** Decides who reads and what they see, before the query is even read (a refusal is the authority's to audit). */
  readonly authorize: AuthorizeAuditRead;
}

const text = z.string().trim().min(1);
/** Epoch milliseconds, or an ISO 8601 date or time. */
const time = z.string().trim().min(1).transform((value, context) => {
  const ms = /^\d+$/.test(value) ? Number(value) : Date.parse(value);
  if (!Number.isFinite(ms)) {
    context.addIssue({ code: 'custom', message: 'must be epoch milliseconds or an ISO 8601 time' });
    return z.NEVER;
  }
  return ms;
});

const searchQuery = z.strictObject({
  name: text.optional(), dob: text.optional(), exact: z.enum(['true', 'false']).optional(),
  soc: text.optional(), oln: text.optional(), plate: text.optional(), state: text.optional(), vin: text.optional(),
  serial: text.optional(), fbi: text.optional(), sid: text.optional(), nic: text.optional(), case: text.optional(),
  operatorId: text.optional(), terminal: text.optional(), ori: text.optional(), from: time.optional(), to: time.optional(),
  afterSeq: z.coerce.number().int().min(0).optional(), limit: z.coerce.number().int().min(1).max(1000).optional(),
});

type SearchQuery = z.infer<typeof searchQuery>;

/** The store's criteria from the query: subject fields become keys, the rest filters. */
export function searchCriteria(query: SearchQuery): AuditSearch {
  const subject: { -readonly [K in keyof SubjectQuery]: SubjectQuery[K] } = {};
  const fields = ['name', 'dob', 'soc', 'oln', 'plate', 'state', 'vin', 'serial', 'fbi', 'sid', 'nic'] as const;
  for (const field of fields) if (query[field] !== undefined) subject[field] = query[field];
  if (query.case !== undefined) subject.caseNumber = query.case;
  if (query.exact === 'true') subject.phonetic = false;
  const criteria: AuditSearch = {};
  if (Object.keys(subject).some((key) => key !== 'phonetic')) {
    const { exact, prefixes } = subjectSearchKeys(subject);
    if (exact.length > 0) criteria.keys = exact;
    if (prefixes.length > 0) criteria.keyPrefixes = prefixes;
  }
  for (const field of ['operatorId', 'terminal', 'ori', 'from', 'to', 'afterSeq', 'limit'] as const) {
    if (query[field] !== undefined) (criteria as Record<string, unknown>)[field] = query[field];
  }
  return criteria;
}

export const auditSearchRoutes: FastifyPluginAsync<AuditSearchRouteOptions> = async (fastify, options) => {
  const app = withZod(fastify);
  const authorities = new WeakMap<FastifyRequest, AuditReadAuthority>();
  app.get('/v1/audit/search', {
    schema: {
      summary: 'Who looked up a subject: transactions by subject, operator, terminal, ORI and time, with what came back',
      security: ADMIN_SESSION, errors: ['CLETS_ERR_ADMIN_TOKEN_INVALID', 'CLETS_ERR_ADMIN_NOT_PERMITTED', 'CLETS_ERR_NOT_FOUND', 'CLETS_ERR_AUDIT_UNAVAILABLE'],
      querystring: searchQuery, response: { 200: z.object({ count: z.number().int(), scope: auditScopeSchema, hits: z.array(auditSearchHitSchema) }), ...errorResponses },
    },
    // The reader's authority first: a caller who may not search learns nothing of the query's rules.
    preValidation: async (request) => {
      authorities.set(request, await options.authorize(request));
    },
  }, async (request) => {
    const authority = authorities.get(request)!;
    const search = options.audit.searchAudited?.bind(options.audit);
    if (search === undefined) throw new CletsError('CLETS_ERR_NOT_FOUND', 'this audit store cannot be searched');
    const hits = await search(searchCriteria(request.query), authority.scope, { operatorId: authority.readerId, sourceAddress: request.ip });
    return { count: hits.length, scope: authority.scope, hits };
  });
};
