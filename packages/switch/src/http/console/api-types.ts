/**
 * The types of the API's answers and bodies, inferred from the routes' own zod schemas: what
 * the console's page is typed against (it imports these as types only; no server code
 * reaches the browser). A change to a route's schema is a type error in the page.
 */
import type { z } from 'zod';
import type { operatorViewSchema, terminalViewSchema } from '../admin/admin-schemas.js';
import type { caseWithSteps, closeBody as caseCloseBody, misuseCase } from '../admin/case-routes.js';
import type { status as misuseReportStatus } from '../admin/misuse-report-routes.js';
import type { release } from '../admin/release-routes.js';
import type { report } from '../admin/report-routes.js';
import type { reviewItem } from '../admin/review-queue-routes.js';
import type { loginAnswer } from '../admin/session-routes.js';
import type { auditRowSchema, auditScopeSchema, auditSearchHitSchema } from '../audit-schemas.js';
import type { ErrorBody } from '../http-contract.js';
import type { chainVerificationSchema } from './verification-routes.js';

export type { ErrorBody };
export type { LiveFigures } from './live-figures.js';
export type { ReportName } from '../../reports/coordinator-reports.js';
export type AdminSession = z.infer<typeof loginAnswer>;
export type AuditRow = z.infer<typeof auditRowSchema>;
export type AuditSearchHit = z.infer<typeof auditSearchHitSchema>;
export type AuditScope = z.infer<typeof auditScopeSchema>;
export type Operator = z.infer<typeof operatorViewSchema>;
export type Terminal = z.infer<typeof terminalViewSchema>;
export type ReviewItem = z.infer<typeof reviewItem>;
export type MisuseCase = z.infer<typeof misuseCase>;
export type MisuseCaseWithSteps = z.infer<typeof caseWithSteps>;
export type CaseClose = z.input<typeof caseCloseBody>;
export type MisuseReportStatus = z.infer<typeof misuseReportStatus>;
export type Release = z.infer<typeof release>;
export type Report = z.infer<typeof report>;
export type ChainVerificationStatus = z.infer<typeof chainVerificationSchema>;
