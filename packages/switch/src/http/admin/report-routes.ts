/**
 * The Agency CLETS Coordinator's reports (reports/coordinator-reports.ts), as JSON, text or
 * CSV: route-to compliance (read from the audit log, so the read is audited as such),
 * misuse, expiring certifications, the release log.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { errorResponses, withZod } from '../http-contract.js';
import { rowsFromStore, REPORT_ROW_TYPES, type QueryableAudit } from '../../reports/audit-source.js';
import { buildReport, REPORT_NAMES } from '../../reports/coordinator-reports.js';
import { renderReport } from '../../reports/report-format.js';
import type { AdminContext, AdminRouteConfig } from './admin-context.js';
import { isoDate, ori } from './admin-schemas.js';

const reportParam = z.strictObject({ report: z.enum(REPORT_NAMES) });
const reportQuery = z.strictObject({
  from: isoDate.optional(), to: isoDate.optional(), ori: ori.optional(),
  days: z.coerce.number().int().min(1).max(366).optional(), year: z.coerce.number().int().min(1970).max(9999).optional(),
  format: z.enum(['text', 'csv', 'json']).default('json'),
});

/** A report as JSON (reports/report-format.ts, Report); `format=text` or `csv` answers it rendered. */
export const report = z.object({
  title: z.string(),
  subtitle: z.array(z.string()).readonly(),
  columns: z.array(z.object({ key: z.string(), header: z.string(), align: z.enum(['left', 'right']).optional() }).readonly()).readonly(),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()])).readonly()).readonly(),
  summary: z.array(z.string()).readonly(),
}).readonly().meta({ title: 'Report' });

export const reportRoutes: FastifyPluginAsync<AdminContext> = async (fastify, context) => {
  const app = withZod(fastify);
  const { security, audit, clock } = context;

  app.get('/reports/:report', {
    config: { action: 'reports.read' } satisfies AdminRouteConfig,
    schema: {
      summary: 'A coordinator report, as JSON, text or CSV (format)', errors: ['CLETS_ERR_NOT_FOUND'],
      params: reportParam, querystring: reportQuery,
      response: {
        200: {
          content: {
            'application/json': { schema: z.object({ report }) },
            'text/plain': { schema: z.string().describe('format=text: fixed-width, for the screen and the printer') },
            'text/csv': { schema: z.string().describe('format=csv: RFC 4180') },
          },
        },
        ...errorResponses,
      },
    },
  }, async (request, reply) => {
    const { result } = await context.run(request, (admin) => {
      const { report: name } = request.params;
      const query = request.query;
      if (query.ori !== undefined) context.within(admin, query.ori);
      const reportOri = admin.ori ?? query.ori;
      return {
        target: name, detail: { filter: query },
        apply: async () => {
          if (name === 'route-to') {
            // CJIS: any access to the audit log is itself audited.
            await context.auditRow(request, { type: 'audit_read', outcome: 'success', operatorId: admin.id, detail: { action: 'report.route-to', filter: query } });
          }
          const built = buildReport({ report: name, from: query.from, to: query.to, ori: reportOri, days: query.days, year: query.year, now: clock() }, {
            settings: security.settings, reviewQueue: security.reviewQueue, releaseLog: security.releaseLog, operators: () => security.store.operators(),
            cases: security.cases, submissions: security.submissions, personnel: security.personnel, agencyRecords: security.agencyRecords,
            agencyNames: () => new Map(security.store.agencies().map((agency) => [agency.ori, agency.name])),
            requiresRouteTo: context.requiresRouteTo,
            ...(audit.query === undefined ? {} : {
              auditRows: (from: number, to: number) => rowsFromStore(audit as QueryableAudit, { from, to, type: [...REPORT_ROW_TYPES], ...(reportOri ? { ori: reportOri } : {}) }),
            }),
          });
          return { built, format: query.format };
        },
      };
    });
    if (result.format === 'json') return reply.send({ report: result.built });
    return reply.type(result.format === 'csv' ? 'text/csv; charset=utf-8' : 'text/plain; charset=utf-8').send(renderReport(result.built, result.format));
  });
};
