/**
 * Security incidents (security/security-incidents.ts), the Security Point of Contact's record:
 * what happened and when, the audit rows that show it (checked and their read audited as a
 * misuse case's evidence is), and where it stands, with the day DOJ was told. The SPOC, the
 * ACC and the switch's administrator of the agency record and update them; nothing is deleted.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { CletsError } from '@clets/protocol';
import { errorResponses, withZod } from '../http-contract.js';
import { dayOf, dayOfInstant } from '../../security/certification.js';
import { INCIDENT_CATEGORIES, INCIDENT_STATUSES } from '../../security/security-incidents.js';
import type { AdminContext, AdminRouteConfig } from './admin-context.js';
import { isoDate, ori, upperText } from './admin-schemas.js';

const ROLES = ['ADMINISTRATOR', 'ACC', 'SPOC'] as const;
const seqs = z.array(z.number().int().positive()).max(200).default([]);
/** Epoch milliseconds or an ISO 8601 time. */
const time = z.union([z.number().int().nonnegative(), z.string().trim().min(1)]).transform((value, issue) => {
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) {
    issue.addIssue({ code: 'custom', message: 'must be epoch milliseconds or an ISO 8601 time' });
    return z.NEVER;
  }
  return ms;
});

const recordBody = z.strictObject({
  category: z.enum(INCIDENT_CATEGORIES), summary: upperText(2000), occurredAt: time, ori: ori.optional(), auditSeqs: seqs,
});
const updateBody = z.strictObject({
  status: z.enum(INCIDENT_STATUSES), note: upperText(4000), auditSeqs: seqs, dojNotifiedOn: isoDate.optional(),
});
const idParam = z.strictObject({ id: z.coerce.number().int().positive() });
const listQuery = z.strictObject({ ori: ori.optional(), status: z.enum(INCIDENT_STATUSES).optional() });

const evidence = z.object({
  seq: z.number().int(), at: z.string(), type: z.string(), operatorId: z.string().nullable(), terminal: z.string().nullable(),
  ori: z.string().nullable(), messageKey: z.string().nullable(), outcome: z.string(), hash: z.string(),
});
const incident = z.object({
  id: z.number().int(), ori: z.string(), category: z.enum(INCIDENT_CATEGORIES), summary: z.string(), occurredAt: z.number(), reportedAt: z.number(),
  reportedBy: z.string(), status: z.enum(INCIDENT_STATUSES), dojNotifiedOn: z.string().nullable(), auditSeqs: z.array(z.number().int()),
  updates: z.array(z.object({
    id: z.number().int(), incidentId: z.number().int(), at: z.number(), by: z.string(), status: z.enum(INCIDENT_STATUSES), note: z.string(),
    evidence: z.array(evidence), auditSeq: z.number().int().nullable(),
  })),
});

export const incidentRoutes: FastifyPluginAsync<AdminContext> = async (fastify, context) => {
  const app = withZod(fastify);
  const { security, clock } = context;
  const { incidents } = security;

  app.get('/incidents', {
    config: { action: 'incidents.list', roles: ROLES } satisfies AdminRouteConfig,
    schema: { querystring: listQuery, response: { 200: z.object({ incidents: z.array(incident) }), ...errorResponses } },
  }, async (request, reply) => context.handle(request, reply, (admin) => {
    if (request.query.ori !== undefined) context.within(admin, request.query.ori);
    return { detail: { filter: request.query }, apply: () => ({ incidents: incidents.list({ ori: admin.ori ?? request.query.ori, status: request.query.status }) }) };
  }));

  app.get('/incidents/:id', {
    config: { action: 'incidents.read', roles: ROLES } satisfies AdminRouteConfig,
    schema: { params: idParam, response: { 200: z.object({ incident }), ...errorResponses } },
  }, async (request, reply) => context.handle(request, reply, (admin) => {
    const found = incidents.get(request.params.id);
    if (found === undefined) throw new CletsError('CLETS_ERR_NOT_FOUND', `security incident ${request.params.id}`);
    context.within(admin, found.ori);
    return { target: String(found.id), ori: found.ori, apply: () => ({ incident: found }) };
  }));

  app.post('/incidents', {
    config: { action: 'incidents.record', roles: ROLES } satisfies AdminRouteConfig,
    schema: { body: recordBody, response: { 201: z.object({ incident }), ...errorResponses } },
  }, async (request, reply) => context.handle(request, reply, async (admin) => {
    const body = request.body;
    const agency = body.ori ?? admin.ori;
    if (agency === null) throw new CletsError('CLETS_ERR_REQUEST_INVALID', 'ori: the agency the incident is of', { field: 'ori' });
    context.within(admin, agency);
    if (body.occurredAt > clock()) throw new CletsError('CLETS_ERR_REQUEST_INVALID', 'occurredAt is in the future', { field: 'occurredAt' });
    const rows = await context.auditEvidence(request, admin, body.auditSeqs, 'incidents.evidence');
    return {
      status: 201, target: 'new', ori: agency, detail: { category: body.category, occurredAt: body.occurredAt, auditSeqs: rows.map((row) => row.seq) },
      apply: (auditSeq) => ({
        incident: incidents.record({ ori: agency, category: body.category, summary: body.summary, occurredAt: body.occurredAt, by: admin.id, at: clock(), evidence: rows, auditSeq }),
      }),
    };
  }));

  app.post('/incidents/:id/updates', {
    config: { action: 'incidents.update', roles: ROLES } satisfies AdminRouteConfig,
    schema: { params: idParam, body: updateBody, response: { 200: z.object({ incident }), ...errorResponses } },
  }, async (request, reply) => context.handle(request, reply, async (admin) => {
    const found = incidents.get(request.params.id);
    if (found === undefined) throw new CletsError('CLETS_ERR_NOT_FOUND', `security incident ${request.params.id}`);
    context.within(admin, found.ori);
    if (found.status === 'closed') throw new CletsError('CLETS_ERR_RESOURCE_CONFLICT', `security incident ${found.id} is closed`);
    const body = request.body;
    if (body.dojNotifiedOn !== undefined && dayOf(body.dojNotifiedOn) > dayOfInstant(clock())) {
      throw new CletsError('CLETS_ERR_REQUEST_INVALID', 'a date in the future', { field: 'dojNotifiedOn' });
    }
    const rows = await context.auditEvidence(request, admin, body.auditSeqs, 'incidents.evidence');
    return {
      target: String(found.id), ori: found.ori, detail: { status: body.status, auditSeqs: rows.map((row) => row.seq), ...(body.dojNotifiedOn ? { dojNotifiedOn: body.dojNotifiedOn } : {}) },
      apply: (auditSeq) => ({
        incident: incidents.update(found.id, { at: clock(), by: admin.id, status: body.status, note: body.note, evidence: rows, auditSeq, dojNotifiedOn: body.dojNotifiedOn }),
      }),
    };
  }));
};
