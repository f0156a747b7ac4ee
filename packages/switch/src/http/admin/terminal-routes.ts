/**
 * Terminals: list them (an ACC their agency's), register one and change one (administrators
 * only: class, allowed keys, certificate subject, active, a new device secret). A device
 * secret is stored as its digest; a generated one is returned once, to the administrator who
 * registered or rotated it.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { CletsError } from '@clets/protocol';
import { errorResponses, withZod } from '../http-contract.js';
import { deviceSecretDigest, type TerminalRecord } from '../../security/operator-store.js';
import type { AdminContext, AdminRouteConfig } from './admin-context.js';
import { ori, terminalClass, terminalView, terminalViewSchema } from './admin-schemas.js';

const messageKeys = z.array(z.string().regex(/^[A-Z]{2,3}$/)).max(64);
const listQuery = z.strictObject({ ori: ori.optional() });
const mnemonicParam = z.strictObject({ mnemonic: z.string().min(1).max(8) });

const registerBody = z.strictObject({
  mnemonic: z.string().regex(/^[A-Z0-9]{4}$/, '4 upper-case letters or digits'),
  ori,
  class: terminalClass,
  /** At least 128 bits; absent: one is generated and returned once. */
  deviceSecret: z.string().min(16).max(256).optional(),
  certificateSubject: z.string().min(1).max(512).optional(),
  allowedKeys: messageKeys.optional(),
});
const updateBody = z.strictObject({
  class: terminalClass.optional(),
  allowedKeys: messageKeys.nullable().optional(),
  certificateSubject: z.string().min(1).max(512).nullable().optional(),
  active: z.boolean().optional(),
  rotateSecret: z.literal(true).optional(),
}).refine((body) => Object.keys(body).length > 0, { message: 'nothing to change' });

/** A terminal, and its device secret when one was just generated. */
const withSecret = z.object({ terminal: terminalViewSchema, deviceSecret: z.string().optional() });

export const terminalRoutes: FastifyPluginAsync<AdminContext> = async (fastify, context) => {
  const app = withZod(fastify);
  const { store } = context.security;

  app.get('/terminals', {
    config: { action: 'terminals.list' } satisfies AdminRouteConfig,
    schema: {
      summary: 'List terminals: an ACC sees those of their agency', errors: ['CLETS_ERR_NOT_FOUND'],
      querystring: listQuery, response: { 200: z.object({ terminals: z.array(terminalViewSchema) }), ...errorResponses },
    },
  }, async (request, reply) => context.handle(request, reply, (admin) => {
    const query = request.query;
    if (query.ori !== undefined) context.within(admin, query.ori);
    const wanted = admin.ori ?? query.ori;
    return { detail: { filter: query }, apply: () => ({ terminals: store.terminals(wanted === undefined ? {} : { ori: wanted }).map(terminalView) }) };
  }));

  app.post('/terminals', {
    config: { action: 'terminals.register', administratorsOnly: 'registering terminals' } satisfies AdminRouteConfig,
    schema: {
      summary: 'Register a terminal (administrators): a generated device secret is answered this once', errors: ['CLETS_ERR_NOT_FOUND', 'CLETS_ERR_RESOURCE_CONFLICT'],
      body: registerBody, response: { 201: withSecret, ...errorResponses },
    },
  }, async (request, reply) => context.handle(request, reply, (admin) => {
    const body = request.body;
    context.within(admin, body.ori);
    if (store.terminal(body.mnemonic) !== undefined) throw new CletsError('CLETS_ERR_RESOURCE_CONFLICT', `terminal ${body.mnemonic} is registered`, { field: 'mnemonic' });
    const generated = body.deviceSecret === undefined && body.certificateSubject === undefined ? randomBytes(16).toString('hex') : undefined;
    const secret = body.deviceSecret ?? generated;
    return {
      status: 201, target: body.mnemonic, ori: body.ori,
      detail: { category: 'permission_change', class: body.class, allowedKeys: body.allowedKeys ?? 'all', certificateSubject: body.certificateSubject ?? null },
      apply: () => {
        const terminal = store.putTerminal({
          mnemonic: body.mnemonic, ori: body.ori, terminalClass: body.class, secretDigest: secret === undefined ? null : deviceSecretDigest(secret),
          certificateSubject: body.certificateSubject ?? null, allowedKeys: body.allowedKeys ?? null, active: true,
        });
        return { terminal: terminalView(terminal), ...(generated === undefined ? {} : { deviceSecret: generated }) };
      },
    };
  }));

  app.patch('/terminals/:mnemonic', {
    config: { action: 'terminals.update', administratorsOnly: 'changing terminals' } satisfies AdminRouteConfig,
    schema: {
      summary: 'Change a terminal (administrators): class, allowed keys, certificate, active, a new device secret', errors: ['CLETS_ERR_NOT_FOUND'],
      params: mnemonicParam, body: updateBody, response: { 200: withSecret, ...errorResponses },
    },
  }, async (request, reply) => context.handle(request, reply, (admin) => {
    const { mnemonic } = request.params;
    const body = request.body;
    const current = store.terminal(mnemonic);
    if (current === undefined) throw new CletsError('CLETS_ERR_NOT_FOUND', `terminal ${mnemonic}`);
    context.within(admin, current.ori);
    const generated = body.rotateSecret === true ? randomBytes(16).toString('hex') : undefined;
    const next: TerminalRecord = {
      ...current,
      ...(body.class === undefined ? {} : { terminalClass: body.class }),
      ...(body.allowedKeys === undefined ? {} : { allowedKeys: body.allowedKeys }),
      ...(body.certificateSubject === undefined ? {} : { certificateSubject: body.certificateSubject }),
      ...(body.active === undefined ? {} : { active: body.active }),
      ...(generated === undefined ? {} : { secretDigest: deviceSecretDigest(generated) }),
    };
    const { rotateSecret, ...visible } = body;
    return {
      target: mnemonic, ori: current.ori, detail: { category: 'permission_change', changes: { ...visible, ...(rotateSecret ? { secret: 'rotated' } : {}) } },
      apply: () => ({ terminal: terminalView(store.putTerminal(next)), ...(generated === undefined ? {} : { deviceSecret: generated }) }),
    };
  }));
};
