/**
 * Misuse cases (security/misuse-cases.ts): an Agency CLETS Coordinator, or the switch's
 * administrator, opens a case from a complaint, from flags on the review queue or from the
 * hits of an audit search; records steps and evidence; closes it with a finding and a
 * sanction, deactivating the operator or linking the deactivation already made.
 *
 * What a coordinator may touch is their agency's: the case's agency is its operator's, the
 * flags attached must be the agency's, and every audit row referred to must be one they may
 * read (http/admin/audit-scope.ts, as `GET /v1/audit`): another agency's row, a row of the
 * switch's own and a row that does not exist are refused with one answer. Referring to rows
 * reads them: the read is recorded (`audit_read`) before they are read. Nobody opens, works
 * or closes a case about themselves. Every call is an `admin_action` row, written before the
 * change it records.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CletsError } from '@clets/protocol';
import { errorResponses, withZod } from '../http-contract.js';
import {
  CASE_FINDINGS, CASE_SANCTIONS, CASE_SOURCES, type CaseDeactivation, type CaseEvidence, type MisuseCase, type MisuseCaseWithSteps,
} from '../../security/misuse-cases.js';
import type { OperatorRecord } from '../../security/operator-store.js';
import type { AdminContext, AdminRouteConfig } from './admin-context.js';
import type { AdminPrincipal } from './admin-sessions.js';
import { operatorId as operatorIdSchema, ori, upperText } from './admin-schemas.js';

const seqs = z.array(z.number().int().positive()).max(200);
const itemIds = z.array(z.number().int().positive()).max(200);

const openBody = z.strictObject({
  source: z.enum(CASE_SOURCES),
  /** Who (or what) was looked up. */
  subject: upperText(200),
  /** The complaint, the flag or the search finding, in words. */
  allegation: upperText(2000),
  operatorId: operatorIdSchema.optional(),
  /** The agency, when no operator is named yet (an administrator must say). */
  ori: ori.optional(),
  reviewItemIds: itemIds.default([]),
  auditSeqs: seqs.default([]),
}).refine((body) => body.source !== 'flag' || body.reviewItemIds.length > 0, { message: 'a case from a flag names its review items', path: ['reviewItemIds'] })
  .refine((body) => body.source !== 'audit' || body.auditSeqs.length > 0, { message: 'a case from an audit search names the rows it found', path: ['auditSeqs'] });

const changeBody = z.strictObject({
  operatorId: operatorIdSchema.optional(), subject: upperText(200).optional(), allegation: upperText(2000).optional(),
  /** Why (a step of the case). */
  note: upperText(2000),
}).refine((body) => body.operatorId !== undefined || body.subject !== undefined || body.allegation !== undefined, { message: 'nothing to change' });

const stepBody = z.strictObject({
  text: upperText(4000), auditSeqs: seqs.default([]), reviewItemIds: itemIds.default([]),
});

export const closeBody = z.strictObject({
  finding: z.enum(CASE_FINDINGS),
  sanction: z.enum(CASE_SANCTIONS),
  summary: upperText(4000),
  /** Deactivate the operator now (a termination must, unless the operator is deactivated already). */
  deactivate: z.boolean().default(false),
});

const idParam = z.strictObject({ id: z.coerce.number().int().positive() });
const listQuery = z.strictObject({
  status: z.enum(['open', 'closed']).optional(), year: z.coerce.number().int().min(1970).max(9999).optional(),
  operatorId: z.string().max(32).optional(), ori: ori.optional(),
});

const evidence = z.object({
  seq: z.number().int(), at: z.string(), type: z.string(), operatorId: z.string().nullable(), terminal: z.string().nullable(),
  ori: z.string().nullable(), messageKey: z.string().nullable(), outcome: z.string(), hash: z.string(),
});
const step = z.object({
  id: z.number().int(), caseId: z.number().int(), at: z.number(), by: z.string(), kind: z.string(), text: z.string(),
  evidence: z.array(evidence), reviewItemIds: z.array(z.number().int()), auditSeq: z.number().int().nullable(),
});
/** A case (security/misuse-cases.ts, MisuseCase), with its steps where one case is answered. */
export const misuseCase = z.object({
  id: z.number().int(), ori: z.string(), operatorId: z.string().nullable(), subject: z.string(), source: z.enum(CASE_SOURCES),
  allegation: z.string(), openedAt: z.number(), openedBy: z.string(), status: z.enum(['open', 'closed']),
  finding: z.enum(CASE_FINDINGS).nullable(), sanction: z.enum(CASE_SANCTIONS).nullable(), summary: z.string().nullable(),
  closedAt: z.number().nullable(), closedBy: z.string().nullable(),
  deactivation: z.object({ at: z.number(), by: z.string(), reason: z.string(), auditSeq: z.number().int().nullable(), how: z.enum(['at-close', 'linked']) }).nullable(),
  reviewItemIds: z.array(z.number().int()), auditSeqs: z.array(z.number().int()),
});
export const caseWithSteps = misuseCase.extend({ steps: z.array(step) });

/** Sanctions that may come with taking the operator's access away. */
const ENDS_ACCESS = new Set(['suspension', 'termination', 'referral_for_prosecution']);

export const caseRoutes: FastifyPluginAsync<AdminContext> = async (fastify, context) => {
  const app = withZod(fastify);
  const { security, clock } = context;
  const { cases, reviewQueue, store } = security;

  /** A case the administrator may act on: it exists, it is their agency's, and it is not about them. */
  const caseFor = (admin: AdminPrincipal, id: number, acting: boolean): MisuseCaseWithSteps => {
    const found = cases.get(id);
    if (found === undefined) throw new CletsError('CLETS_ERR_NOT_FOUND', `misuse case ${id}`);
    context.within(admin, found.ori);
    if (acting && found.operatorId === admin.id) throw new CletsError('CLETS_ERR_ADMIN_NOT_PERMITTED', 'nobody investigates themselves');
    return found;
  };

  /** The operator a case names: the administrator's to investigate, never themselves. */
  const operatorFor = (admin: AdminPrincipal, id: string): OperatorRecord => {
    const record = context.operatorFor(admin, id);
    if (record.id === admin.id) throw new CletsError('CLETS_ERR_ADMIN_NOT_PERMITTED', 'nobody investigates themselves', { field: 'operatorId' });
    return record;
  };

  const evidenceOf = (request: FastifyRequest, admin: AdminPrincipal, wanted: readonly number[]): Promise<CaseEvidence[]> =>
    context.auditEvidence(request, admin, wanted, 'cases.evidence');

  /** Review items to attach: the case's agency's, not about the administrator, not in another case. */
  const itemsFor = (admin: AdminPrincipal, caseOri: string, ids: readonly number[]): number[] => {
    for (const id of ids) {
      const item = reviewQueue.get(id);
      if (item === undefined) throw new CletsError('CLETS_ERR_NOT_FOUND', `review item ${id}`, { field: 'reviewItemIds' });
      context.within(admin, item.ori);
      if (item.ori !== caseOri) throw new CletsError('CLETS_ERR_REQUEST_INVALID', `review item ${id} is ${item.ori}'s, the case ${caseOri}'s`, { field: 'reviewItemIds' });
      if (item.operatorId === admin.id) throw new CletsError('CLETS_ERR_ADMIN_NOT_PERMITTED', 'nobody reviews their own flags', { field: 'reviewItemIds' });
      if (item.caseId !== null) throw new CletsError('CLETS_ERR_RESOURCE_CONFLICT', `review item ${id} is attached to misuse case ${item.caseId}`, { field: 'reviewItemIds' });
    }
    return [...new Set(ids)];
  };

  app.get('/cases', {
    config: { action: 'cases.list' } satisfies AdminRouteConfig,
    schema: { querystring: listQuery, response: { 200: z.object({ cases: z.array(misuseCase) }), ...errorResponses } },
  }, async (request, reply) => context.handle(request, reply, (admin) => {
    const query = request.query;
    if (query.ori !== undefined) context.within(admin, query.ori);
    const year = query.year;
    return {
      detail: { filter: query },
      apply: () => ({
        cases: cases.list({
          ori: admin.ori ?? query.ori, status: query.status, operatorId: query.operatorId,
          ...(year === undefined ? {} : { from: Date.UTC(year, 0, 1), to: Date.UTC(year + 1, 0, 1) }),
        }),
      }),
    };
  }));

  app.get('/cases/:id', {
    config: { action: 'cases.read' } satisfies AdminRouteConfig,
    schema: { params: idParam, response: { 200: z.object({ case: caseWithSteps }), ...errorResponses } },
  }, async (request, reply) => context.handle(request, reply, (admin) => {
    const found = caseFor(admin, request.params.id, false);
    return { target: String(found.id), ori: found.ori, apply: () => ({ case: cases.get(found.id)! }) };
  }));

  app.post('/cases', {
    config: { action: 'cases.open' } satisfies AdminRouteConfig,
    schema: { body: openBody, response: { 201: z.object({ case: caseWithSteps }), ...errorResponses } },
  }, async (request, reply) => context.handle(request, reply, async (admin) => {
    const body = request.body;
    const operator = body.operatorId === undefined ? undefined : operatorFor(admin, body.operatorId);
    const caseOri = operator?.ori ?? body.ori ?? admin.ori;
    if (caseOri === null) throw new CletsError('CLETS_ERR_REQUEST_INVALID', 'ori: the agency whose case it is (or the operator)', { field: 'ori' });
    if (operator !== undefined && body.ori !== undefined && body.ori !== operator.ori) {
      throw new CletsError('CLETS_ERR_REQUEST_INVALID', `operator ${operator.id} is ${operator.ori}'s`, { field: 'ori' });
    }
    context.within(admin, caseOri);
    const items = itemsFor(admin, caseOri, body.reviewItemIds);
    const found = await evidenceOf(request, admin, body.auditSeqs);
    return {
      status: 201, target: 'new', ori: caseOri,
      detail: { source: body.source, operator: operator?.id ?? null, subject: body.subject, reviewItemIds: items, auditSeqs: found.map((row) => row.seq) },
      apply: (auditSeq) => {
        const opened = cases.open({
          ori: caseOri, operatorId: operator?.id ?? null, subject: body.subject, source: body.source, allegation: body.allegation,
          by: admin.id, at: clock(), evidence: found, reviewItemIds: items, auditSeq,
        });
        for (const id of items) reviewQueue.attachToCase(id, opened.id, admin.id, clock());
        return { case: cases.get(opened.id)! };
      },
    };
  }));

  app.patch('/cases/:id', {
    config: { action: 'cases.change' } satisfies AdminRouteConfig,
    schema: { params: idParam, body: changeBody, response: { 200: z.object({ case: caseWithSteps }), ...errorResponses } },
  }, async (request, reply) => context.handle(request, reply, (admin) => {
    const found = caseFor(admin, request.params.id, true);
    const body = request.body;
    if (body.operatorId !== undefined) {
      const operator = operatorFor(admin, body.operatorId);
      if (operator.ori !== found.ori) throw new CletsError('CLETS_ERR_REQUEST_INVALID', `operator ${operator.id} is ${operator.ori}'s, the case ${found.ori}'s`, { field: 'operatorId' });
    }
    const changes = {
      ...(body.operatorId === undefined ? {} : { operatorId: body.operatorId }),
      ...(body.subject === undefined ? {} : { subject: body.subject }),
      ...(body.allegation === undefined ? {} : { allegation: body.allegation }),
    };
    return {
      target: String(found.id), ori: found.ori, detail: { changes: { ...changes, ...(changes.operatorId === undefined ? {} : { from: found.operatorId }) } },
      apply: (auditSeq) => ({
        case: cases.change(found.id, changes, {
          at: clock(), by: admin.id, auditSeq,
          text: `${Object.entries(changes).map(([key, value]) => `${key.toUpperCase()} ${String(value)}`).join('; ')}: ${body.note}`,
        }),
      }),
    };
  }));

  app.post('/cases/:id/steps', {
    config: { action: 'cases.step' } satisfies AdminRouteConfig,
    schema: { params: idParam, body: stepBody, response: { 200: z.object({ case: caseWithSteps }), ...errorResponses } },
  }, async (request, reply) => context.handle(request, reply, async (admin) => {
    const found = caseFor(admin, request.params.id, true);
    if (found.status === 'closed') throw new CletsError('CLETS_ERR_RESOURCE_CONFLICT', `misuse case ${found.id} is closed`);
    const body = request.body;
    const items = itemsFor(admin, found.ori, body.reviewItemIds);
    const rows = await evidenceOf(request, admin, body.auditSeqs);
    const kind = rows.length > 0 ? 'evidence' : items.length > 0 ? 'review_items' : 'note';
    return {
      target: String(found.id), ori: found.ori, detail: { kind, auditSeqs: rows.map((row) => row.seq), reviewItemIds: items },
      apply: (auditSeq) => {
        for (const id of items) reviewQueue.attachToCase(id, found.id, admin.id, clock());
        return { case: cases.addStep(found.id, { at: clock(), by: admin.id, kind, text: body.text, evidence: rows, reviewItemIds: items, auditSeq }) };
      },
    };
  }));

  app.post('/cases/:id/close', {
    config: { action: 'cases.close' } satisfies AdminRouteConfig,
    schema: { params: idParam, body: closeBody, response: { 200: z.object({ case: caseWithSteps }), ...errorResponses } },
  }, async (request, reply) => context.handle(request, reply, (admin) => {
    const found = caseFor(admin, request.params.id, true);
    if (found.status === 'closed') throw new CletsError('CLETS_ERR_RESOURCE_CONFLICT', `misuse case ${found.id} was closed by ${found.closedBy ?? '?'}`);
    const body = request.body;
    const operator = found.operatorId === null ? undefined : operatorFor(admin, found.operatorId);
    const plan = deactivationPlan(found, operator, body);
    // A sanction that deactivates follows the rule of the deactivate route: an ACC's case on an administrator is closed by one.
    if (plan.kind === 'deactivate') context.operatorToChange(admin, plan.operator.id);
    return {
      target: String(found.id), ori: found.ori,
      detail: {
        finding: body.finding, sanction: body.sanction, subject: found.operatorId,
        ...(plan.kind === 'deactivate' ? { category: 'permission_change', deactivated: plan.operator.id } : {}),
        ...(plan.kind === 'link' ? { linkedDeactivation: plan.deactivation } : {}),
      },
      apply: (auditSeq) => {
        const at = clock();
        let deactivation: CaseDeactivation | null = plan.kind === 'link' ? plan.deactivation : null;
        if (plan.kind === 'deactivate') {
          const reason = `MISUSE CASE ${found.id}: ${body.sanction.toUpperCase().replaceAll('_', ' ')}`;
          store.updateOperator(plan.operator.id, { deactivated: true, deactivation: { at, by: admin.id, reason, auditSeq } });
          deactivation = { at, by: admin.id, reason, auditSeq, how: 'at-close' };
        }
        return { case: cases.close(found.id, { finding: body.finding, sanction: body.sanction, summary: body.summary, deactivation, by: admin.id, at, auditSeq }) };
      },
    };
  }));
};

type DeactivationPlan =
  | { readonly kind: 'none' }
  | { readonly kind: 'deactivate'; readonly operator: OperatorRecord }
  | { readonly kind: 'link'; readonly deactivation: CaseDeactivation };

/**
 * What closing does to the operator's access: a termination ends it (deactivate now, or
 * link the deactivation already made); a suspension or a referral may; nothing else does.
 */
function deactivationPlan(found: MisuseCase, operator: OperatorRecord | undefined, body: { sanction: string; deactivate: boolean }): DeactivationPlan {
  const termination = body.sanction === 'termination';
  if (!termination && !body.deactivate) return { kind: 'none' };
  if (operator === undefined) {
    throw new CletsError('CLETS_ERR_REQUEST_INVALID', `misuse case ${found.id} names no operator: identify them first (PATCH the case)`, { field: 'sanction' });
  }
  if (body.deactivate && !ENDS_ACCESS.has(body.sanction)) {
    throw new CletsError('CLETS_ERR_REQUEST_INVALID', `a sanction of ${body.sanction} does not take access away`, { field: 'deactivate' });
  }
  if (operator.deactivated) {
    const made = operator.deactivation;
    return {
      kind: 'link',
      deactivation: made == null
        ? { at: operator.updatedAt, by: '', reason: 'DEACTIVATED BEFORE THE CASE CLOSED', auditSeq: null, how: 'linked' }
        : { ...made, how: 'linked' },
    };
  }
  if (!body.deactivate) {
    throw new CletsError('CLETS_ERR_REQUEST_INVALID', `a termination ends ${operator.id}'s access: close with deactivate true`, { field: 'deactivate' });
  }
  return { kind: 'deactivate', operator };
}
