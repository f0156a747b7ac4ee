/**
 * The annual misuse report's submission to DOJ (seed 002: every February 1): where each
 * agency's report of a year stands, and the coordinator's mark that it was submitted, which
 * ends the daily reminders (security/misuse-report-submissions.ts). The report itself is
 * `GET /v1/admin/reports/misuse` (report-routes.ts).
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { CletsError } from '@clets/protocol';
import { errorResponses, withZod } from '../http-contract.js';
import { yearBounds } from '../../reports/misuse-report.js';
import type { AdminContext, AdminRouteConfig } from './admin-context.js';
import { ori, upperText } from './admin-schemas.js';

const yearParam = z.strictObject({ year: z.coerce.number().int().min(1970).max(9998) });
const statusQuery = z.strictObject({ ori: ori.optional() });
const submitBody = z.strictObject({
  /** The agency (a coordinator's own by default; an administrator must say). */
  ori: ori.optional(),
  /** DOJ's acknowledgement, or how and to whom it was sent. */
  reference: upperText(200),
});

const submission = z.object({
  ori: z.string(), year: z.number().int(), submittedAt: z.number(), submittedBy: z.string(), reference: z.string(),
  cases: z.number().int(), auditSeq: z.number().int().nullable(),
});
export const status = z.object({
  ori: z.string(), year: z.number().int(), dueOn: z.string(), daysLeft: z.number().int(), submitted: submission.nullable(),
  /** Investigations the report lists now: cases opened in the year and flags no case took up. */
  investigations: z.number().int(),
});

export const misuseReportRoutes: FastifyPluginAsync<AdminContext> = async (fastify, context) => {
  const app = withZod(fastify);
  const { security, clock } = context;

  /** What the report of `year` lists for an agency. */
  const investigations = (agency: string, year: number): number => {
    const { from, to } = yearBounds(year);
    return security.cases.list({ ori: agency, from, to }).length
      + security.reviewQueue.list({ ori: agency, from, to, limit: 100_000 }).filter((item) => item.caseId === null).length;
  };

  app.get('/misuse-reports/:year', {
    config: { action: 'misuse_reports.read' } satisfies AdminRouteConfig,
    schema: { params: yearParam, querystring: statusQuery, response: { 200: z.object({ reports: z.array(status) }), ...errorResponses } },
  }, async (request, reply) => context.handle(request, reply, (admin) => {
    const { year } = request.params;
    if (request.query.ori !== undefined) context.within(admin, request.query.ori);
    const wanted = admin.ori ?? request.query.ori;
    const agencies = wanted !== undefined ? [wanted] : security.store.agencies().filter((agency) => agency.active).map((agency) => agency.ori);
    return {
      target: String(year), detail: { filter: request.query },
      apply: () => ({ reports: agencies.map((agency) => ({ ...security.submissions.status(agency, year, clock()), investigations: investigations(agency, year) })) }),
    };
  }));

  app.post('/misuse-reports/:year/submission', {
    config: { action: 'misuse_reports.submit' } satisfies AdminRouteConfig,
    schema: { params: yearParam, body: submitBody, response: { 201: z.object({ submission }), ...errorResponses } },
  }, async (request, reply) => context.handle(request, reply, (admin) => {
    const { year } = request.params;
    const agency = request.body.ori ?? admin.ori;
    if (agency === null) throw new CletsError('CLETS_ERR_REQUEST_INVALID', 'ori: the agency whose report was submitted', { field: 'ori' });
    context.within(admin, agency);
    // A report of a year not yet over lists cases still to come.
    if (yearBounds(year).to > clock()) throw new CletsError('CLETS_ERR_REQUEST_INVALID', `the ${year} report is submitted once the year is over`, { field: 'year' });
    const existing = security.submissions.submission(agency, year);
    if (existing !== undefined) throw new CletsError('CLETS_ERR_RESOURCE_CONFLICT', `the ${year} report of ${agency} was marked submitted by ${existing.submittedBy}`);
    const count = investigations(agency, year);
    return {
      status: 201, target: String(year), ori: agency, detail: { reference: request.body.reference, investigations: count },
      apply: (auditSeq) => ({
        submission: security.submissions.submit({ ori: agency, year, submittedAt: clock(), submittedBy: admin.id, reference: request.body.reference, cases: count, auditSeq }),
      }),
    };
  }));
};
