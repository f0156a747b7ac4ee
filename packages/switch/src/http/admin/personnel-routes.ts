/**
 * Staff with access who are not operators (security/personnel.ts): IT staff, contractors,
 * custodial staff, volunteers. A coordinator records them for their agency, with their
 * background check, employee statement and security awareness training, and marks the day
 * their access ended; records are kept. Each is shown with what keeps them from access now.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { AWARENESS_LEVELS, CletsError } from '@clets/protocol';
import { errorResponses, withZod } from '../http-contract.js';
import { dayOf, dayOfInstant } from '../../security/certification.js';
import { PERSONNEL_AWARENESS, PERSONNEL_KINDS, personnelLapse, type PersonnelRecord } from '../../security/personnel.js';
import type { AdminContext, AdminRouteConfig } from './admin-context.js';
import { isoDate, ori, upperText } from './admin-schemas.js';

const awareness = z.strictObject({ level: z.enum(AWARENESS_LEVELS), completedOn: isoDate });
const idParam = z.strictObject({ id: z.string().regex(/^[A-Z0-9]{2,16}$/, '2-16 upper-case letters or digits') });
const listQuery = z.strictObject({ ori: ori.optional(), kind: z.enum(PERSONNEL_KINDS).optional() });
const createBody = z.strictObject({
  id: z.string().regex(/^[A-Z0-9]{2,16}$/, '2-16 upper-case letters or digits'),
  name: z.strictObject({ last: upperText(40), first: upperText(40) }),
  ori,
  kind: z.enum(PERSONNEL_KINDS),
  /** Default: logical for IT staff and contractors, unescorted for the others. */
  access: z.enum(['unescorted', 'logical']).optional(),
  backgroundCheck: z.enum(['cleared', 'pending', 'failed']).default('pending'),
  employeeStatementSignedOn: isoDate.optional(),
  securityAwareness: awareness.optional(),
});
const backgroundBody = z.strictObject({ result: z.enum(['cleared', 'pending', 'failed']) });
const endBody = z.strictObject({ endedOn: isoDate, reason: upperText(200) });

const personView = z.object({
  id: z.string(), ori: z.string(), name: z.object({ last: z.string(), first: z.string() }), kind: z.enum(PERSONNEL_KINDS),
  access: z.enum(['unescorted', 'logical']), backgroundCheck: z.enum(['cleared', 'pending', 'failed']),
  employeeStatementSignedOn: z.string().nullable(), securityAwareness: awareness.nullable(), endedOn: z.string().nullable(),
  createdAt: z.number(), updatedAt: z.number(),
  /** The awareness level the access needs, and whether the record meets every rule today. */
  requiredAwareness: z.enum(AWARENESS_LEVELS),
  current: z.boolean(),
  lapse: z.object({ code: z.string(), detail: z.string() }).nullable(),
});
const onePerson = z.object({ person: personView });

export const personnelRoutes: FastifyPluginAsync<AdminContext> = async (fastify, context) => {
  const app = withZod(fastify);
  const { security, clock } = context;
  const { personnel } = security;

  const view = (record: PersonnelRecord) => {
    const lapse = record.endedOn === null ? personnelLapse(record, clock(), security.settings.certification) : { code: 'CLETS_ERR_OPERATOR_DEACTIVATED', detail: `access ended ${record.endedOn}` };
    return { ...record, requiredAwareness: PERSONNEL_AWARENESS[record.kind], current: lapse === undefined, lapse: lapse ?? null };
  };
  const personFor = (admin: Parameters<AdminContext['within']>[0], id: string): PersonnelRecord => {
    const record = personnel.get(id);
    if (record === undefined) throw new CletsError('CLETS_ERR_NOT_FOUND', `staff record ${id}`);
    context.within(admin, record.ori);
    return record;
  };
  const notFuture = (date: string | undefined, field: string): void => {
    if (date !== undefined && dayOf(date) > dayOfInstant(clock())) throw new CletsError('CLETS_ERR_REQUEST_INVALID', 'a date in the future', { field });
  };

  app.get('/personnel', {
    config: { action: 'personnel.list' } satisfies AdminRouteConfig,
    schema: { querystring: listQuery, response: { 200: z.object({ personnel: z.array(personView) }), ...errorResponses } },
  }, async (request, reply) => context.handle(request, reply, (admin) => {
    const query = request.query;
    if (query.ori !== undefined) context.within(admin, query.ori);
    return { detail: { filter: query }, apply: () => ({ personnel: personnel.list({ ori: admin.ori ?? query.ori, kind: query.kind }).map(view) }) };
  }));

  app.post('/personnel', {
    config: { action: 'personnel.create' } satisfies AdminRouteConfig,
    schema: { body: createBody, response: { 201: onePerson, ...errorResponses } },
  }, async (request, reply) => context.handle(request, reply, (admin) => {
    const body = request.body;
    context.within(admin, body.ori);
    if (personnel.get(body.id) !== undefined) throw new CletsError('CLETS_ERR_RESOURCE_CONFLICT', `staff record ${body.id} exists`, { field: 'id' });
    notFuture(body.employeeStatementSignedOn, 'employeeStatementSignedOn');
    notFuture(body.securityAwareness?.completedOn, 'securityAwareness');
    const access = body.access ?? (body.kind === 'it' || body.kind === 'contractor' ? 'logical' : 'unescorted');
    return {
      status: 201, target: body.id, ori: body.ori, detail: { category: 'personnel', kind: body.kind, access, backgroundCheck: body.backgroundCheck },
      apply: () => {
        const created = personnel.create({
          id: body.id, ori: body.ori, name: body.name, kind: body.kind, access, backgroundCheck: body.backgroundCheck,
          employeeStatementSignedOn: body.employeeStatementSignedOn ?? null, securityAwareness: body.securityAwareness ?? null,
        });
        if (created === undefined) throw new CletsError('CLETS_ERR_RESOURCE_CONFLICT', `staff record ${body.id} exists`, { field: 'id' });
        return { person: view(created) };
      },
    };
  }));

  app.post('/personnel/:id/awareness', {
    config: { action: 'personnel.awareness' } satisfies AdminRouteConfig,
    schema: { params: idParam, body: awareness, response: { 200: onePerson, ...errorResponses } },
  }, async (request, reply) => context.handle(request, reply, (admin) => {
    const record = personFor(admin, request.params.id);
    notFuture(request.body.completedOn, 'completedOn');
    return {
      target: record.id, ori: record.ori, detail: { category: 'certification', awareness: request.body.level, completedOn: request.body.completedOn },
      apply: () => ({ person: view(personnel.update(record.id, { securityAwareness: { level: request.body.level, completedOn: request.body.completedOn } })!) }),
    };
  }));

  app.post('/personnel/:id/background', {
    config: { action: 'personnel.background' } satisfies AdminRouteConfig,
    schema: { params: idParam, body: backgroundBody, response: { 200: onePerson, ...errorResponses } },
  }, async (request, reply) => context.handle(request, reply, (admin) => {
    const record = personFor(admin, request.params.id);
    return {
      target: record.id, ori: record.ori, detail: { category: 'certification', backgroundCheck: request.body.result },
      apply: () => ({ person: view(personnel.update(record.id, { backgroundCheck: request.body.result })!) }),
    };
  }));

  app.post('/personnel/:id/end', {
    config: { action: 'personnel.end' } satisfies AdminRouteConfig,
    schema: { params: idParam, body: endBody, response: { 200: onePerson, ...errorResponses } },
  }, async (request, reply) => context.handle(request, reply, (admin) => {
    const record = personFor(admin, request.params.id);
    if (record.endedOn !== null) throw new CletsError('CLETS_ERR_RESOURCE_CONFLICT', `the access of ${record.id} ended ${record.endedOn}`);
    notFuture(request.body.endedOn, 'endedOn');
    return {
      target: record.id, ori: record.ori, detail: { category: 'permission_change', endedOn: request.body.endedOn, reason: request.body.reason },
      apply: () => ({ person: view(personnel.update(record.id, { endedOn: request.body.endedOn })!) }),
    };
  }));
};
