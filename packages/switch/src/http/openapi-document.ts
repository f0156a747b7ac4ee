/**
 * What the switch's OpenAPI document says beside its routes: its title, its tags (one per
 * resource), its two bearer tokens, and the errors every route answers with, as this API's
 * error handler gives them (http-contract.ts): a request part refused by its schema, a body
 * over the size limit, an internal failure. The document itself is made from the routes
 * (@clets/openapi) and served at `GET /openapi.json`, its page at `GET /docs`; docs/openapi.json
 * is a committed copy (`pnpm openapi`).
 */
import type { DocumentedRoute, ErrorAnswer, OpenApiOptions, SecurityRequirements } from '@clets/openapi';
import { errorBody } from './http-contract.js';

/** The routes that take a gateway session's token (`POST /v1/sessions`). */
export const GATEWAY_SESSION: SecurityRequirements = [{ gatewaySession: [] }];
/** The routes that take an administrator session's token (`POST /v1/admin/sessions`). */
export const ADMIN_SESSION: SecurityRequirements = [{ adminSession: [] }];

const TAGS = [
  { name: 'gateway', description: 'The inquiry gateway: CAD/RMS systems send transactions with the credentials a terminal uses.' },
  { name: 'audit', description: 'The audit log, read by administrators: every read is itself audited.' },
  { name: 'admin-sessions', description: 'Administrator sessions: the token of the audit and administration routes.' },
  { name: 'operators', description: 'Operators, their roles and certification (administration).' },
  { name: 'terminals', description: 'Terminals and their device secrets (administration).' },
  { name: 'review-queue', description: 'The misuse review queue (administration).' },
  { name: 'releases', description: 'The third-party release log (administration).' },
  { name: 'reports', description: "The Agency CLETS Coordinator's reports (administration)." },
  { name: 'status', description: 'Health, readiness, metrics and links: open to anyone who reaches the port.' },
  { name: 'documentation', description: 'This document and its reference page.' },
] as const;

/** The resource a route belongs to, by its path: the segment after `/v1/admin/`, or the API's part. */
function tagOf(route: DocumentedRoute): string {
  const admin = /^\/v1\/admin\/([^/]+)/.exec(route.url);
  if (admin !== null) return admin[1] === 'sessions' ? 'admin-sessions' : admin[1]!;
  if (route.url.startsWith('/v1/audit')) return 'audit';
  if (route.url.startsWith('/v1/sessions') || route.url.startsWith('/v1/messages')) return 'gateway';
  return 'status';
}

/** What this API's error handler answers any route with (http-contract.ts, `httpFailure`). */
function commonErrors(route: DocumentedRoute): ErrorAnswer[] {
  const schema = route.schema ?? {};
  const takesInput = schema.params !== undefined || schema.querystring !== undefined || schema.body !== undefined;
  return [
    ...(takesInput ? ['CLETS_ERR_REQUEST_INVALID' as const] : []),
    ...(schema.body !== undefined ? ['CLETS_ERR_FRAME_TOO_LARGE' as const] : []),
    'CLETS_ERR_INTERNAL',
  ];
}

export const SWITCH_OPENAPI: OpenApiOptions = {
  info: {
    title: 'CLETS message switch HTTP API',
    version: '1.0.0',
    description: [
      'The HTTP API every switch serves beside its terminal WebSocket: the inquiry gateway, the audit log and the administration routes, health, readiness, metrics and links.',
      'Every error answers `{"error": {"code", "message", "field"?}}` with the HTTP status the error table gives the code (docs/errors.md); each operation lists the codes it answers with. Bodies and queries are strict: a member a route does not know is refused. Login attempts, and requests whose administrator token is refused, share one budget per source address (429 with Retry-After).',
      'The rules behind each route, with examples of real answers: docs/http-api.md. The administration and audit routes exist under the CJIS security policy (the default).',
    ].join('\n\n'),
  },
  tags: TAGS,
  securitySchemes: {
    gatewaySession: { type: 'http', scheme: 'bearer', description: 'The token of POST /v1/sessions: an operator logged in at a registered terminal. Lapses after http.gatewaySessionIdleMs without a message.' },
    adminSession: { type: 'http', scheme: 'bearer', description: 'The token of POST /v1/admin/sessions: an administrator (password and TOTP code). Lapses after 30 minutes without a call and 12 hours after the login.' },
  },
  tagOf,
  errors: { body: errorBody, codePath: ['error', 'code'], common: commonErrors },
};
