/**
 * Each agency's record for DOJ (security/agency-records.ts): its head, ACC and SPOC with their
 * contacts, telephone, address and agreements. A coordinator keeps their own agency's; a
 * change of head, ACC, SPOC, telephone or address is kept as a change DOJ must be told of
 * (seed 002: "Notify DOJ's CLETS Admin Section and DOJ Field Representative"), listed by the
 * agency-changes report until the coordinator marks it notified.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { CletsError } from '@clets/protocol';
import { errorResponses, withZod } from '../http-contract.js';
import { AGREEMENT_KINDS, NOTIFIABLE_FIELDS, type AgencyProfile, type ProfileChanges } from '../../security/agency-records.js';
import type { AdminContext, AdminRouteConfig } from './admin-context.js';
import { isoDate, operatorId, ori, upperText } from './admin-schemas.js';

const phone = z.string().trim().regex(/^[0-9()+\- ]{7,20}$/, 'a telephone number: digits, spaces, ( ) + -');
const contact = z.strictObject({
  name: upperText(80), title: upperText(80), phone, email: z.string().trim().toLowerCase().email().max(120), operatorId: operatorId.optional(),
});
const address = z.strictObject({ street: upperText(80), city: upperText(40), zip: z.string().regex(/^\d{5}$/, '5 digits') });
const agreement = z.strictObject({ kind: z.enum(AGREEMENT_KINDS), party: upperText(120), signedOn: isoDate, renewsOn: isoDate })
  .refine((value) => value.signedOn < value.renewsOn, { message: 'renewsOn must be after signedOn', path: ['renewsOn'] });

const oriParam = z.strictObject({ ori });
const changeBody = z.strictObject({
  head: contact.optional(), acc: contact.optional(), spoc: contact.optional(), telephone: phone.optional(), address: address.optional(),
}).refine((body) => Object.keys(body).length > 0, { message: 'nothing to change' });
const notifiedBody = z.strictObject({
  /** How DOJ was told: the e-mail to the CLETS Administration Section, the field representative. */
  reference: upperText(200),
  /** The changes told of; default: every pending change of the agency. */
  changeIds: z.array(z.number().int().positive()).max(500).optional(),
});

const contactView = z.object({ name: z.string(), title: z.string(), phone: z.string(), email: z.string(), operatorId: z.string().optional() });
const profileView = z.object({
  ori: z.string(), head: contactView.nullable(), acc: contactView.nullable(), spoc: contactView.nullable(), telephone: z.string().nullable(),
  address: z.object({ street: z.string(), city: z.string(), zip: z.string() }).nullable(),
  agreements: z.array(z.object({ kind: z.enum(AGREEMENT_KINDS), party: z.string(), signedOn: z.string(), renewsOn: z.string() })),
  updatedAt: z.number(),
});
const changeView = z.object({
  id: z.number().int(), ori: z.string(), at: z.number(), by: z.string(), field: z.enum(NOTIFIABLE_FIELDS), from: z.string(), to: z.string(),
  auditSeq: z.number().int().nullable(), notifiedAt: z.number().nullable(), notifiedBy: z.string().nullable(), reference: z.string().nullable(),
});

export const agencyRoutes: FastifyPluginAsync<AdminContext> = async (fastify, context) => {
  const app = withZod(fastify);
  const { security } = context;
  const { agencyRecords, store } = security;

  /** An agency served here, its record (an empty one if none was kept yet). */
  const profileOf = (agency: string): AgencyProfile => agencyRecords.get(agency)
    ?? { ori: agency, head: null, acc: null, spoc: null, telephone: null, address: null, agreements: [], updatedAt: 0 };

  app.get('/agencies', {
    config: { action: 'agencies.list' } satisfies AdminRouteConfig,
    schema: { response: { 200: z.object({ agencies: z.array(profileView.extend({ name: z.string(), active: z.boolean(), pendingChanges: z.number().int() })) }), ...errorResponses } },
  }, async (request, reply) => context.handle(request, reply, (admin) => ({
    apply: () => ({
      agencies: store.agencies().filter((agency) => admin.ori === null || agency.ori === admin.ori).map((agency) => ({
        ...profileOf(agency.ori), name: agency.name, active: agency.active, pendingChanges: agencyRecords.changes({ ori: agency.ori, pending: true }).length,
      })),
    }),
  })));

  app.get('/agencies/:ori', {
    config: { action: 'agencies.read' } satisfies AdminRouteConfig,
    schema: { params: oriParam, response: { 200: z.object({ agency: profileView, changes: z.array(changeView) }), ...errorResponses } },
  }, async (request, reply) => context.handle(request, reply, (admin) => {
    context.within(admin, request.params.ori);
    return { target: request.params.ori, ori: request.params.ori, apply: () => ({ agency: profileOf(request.params.ori), changes: agencyRecords.changes({ ori: request.params.ori }) }) };
  }));

  app.patch('/agencies/:ori', {
    config: { action: 'agencies.change' } satisfies AdminRouteConfig,
    schema: { params: oriParam, body: changeBody, response: { 200: z.object({ agency: profileView, changes: z.array(changeView) }), ...errorResponses } },
  }, async (request, reply) => context.handle(request, reply, (admin) => {
    const agency = request.params.ori;
    context.within(admin, agency);
    const body = request.body;
    // A contact who has an account must be the agency's own operator of that role.
    for (const [field, role] of [['acc', 'ACC'], ['spoc', 'SPOC']] as const) {
      const named = body[field]?.operatorId;
      if (named === undefined) continue;
      const record = store.operator(named);
      if (record === undefined || record.ori !== agency || record.role !== role) {
        throw new CletsError('CLETS_ERR_REQUEST_INVALID', `${field}.operatorId: ${named} is not a ${role} of ${agency}`, { field: `${field}.operatorId` });
      }
    }
    const changes: ProfileChanges = { ...body };
    return {
      target: agency, ori: agency, detail: { changed: Object.keys(body) },
      apply: (auditSeq) => {
        const { profile, changes: recorded } = agencyRecords.update(agency, changes, admin.id, auditSeq);
        return { agency: profile, changes: recorded };
      },
    };
  }));

  app.put('/agencies/:ori/agreements', {
    config: { action: 'agencies.agreement' } satisfies AdminRouteConfig,
    schema: { params: oriParam, body: agreement, response: { 200: z.object({ agency: profileView }), ...errorResponses } },
  }, async (request, reply) => context.handle(request, reply, (admin) => {
    context.within(admin, request.params.ori);
    return {
      target: request.params.ori, ori: request.params.ori, detail: { agreement: request.body },
      apply: () => ({ agency: agencyRecords.putAgreement(request.params.ori, request.body) }),
    };
  }));

  app.post('/agencies/:ori/changes/notified', {
    config: { action: 'agencies.notified' } satisfies AdminRouteConfig,
    schema: { params: oriParam, body: notifiedBody, response: { 200: z.object({ changes: z.array(changeView) }), ...errorResponses } },
  }, async (request, reply) => context.handle(request, reply, (admin) => {
    const agency = request.params.ori;
    context.within(admin, agency);
    const pending = agencyRecords.changes({ ori: agency, pending: true });
    if (pending.length === 0) throw new CletsError('CLETS_ERR_RESOURCE_CONFLICT', `${agency} has no change waiting to be notified`);
    return {
      target: agency, ori: agency, detail: { reference: request.body.reference, changeIds: request.body.changeIds ?? pending.map((change) => change.id) },
      apply: () => ({ changes: agencyRecords.markNotified(agency, request.body.changeIds, admin.id, request.body.reference) }),
    };
  }));
};
