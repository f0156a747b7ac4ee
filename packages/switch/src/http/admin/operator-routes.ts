/**
 * Operators: list, read, create (the first ADMINISTRATOR by a bootstrap account), change
 * (name, agency, role, password, second factor), their certification (training, exams at a
 * level, statements, background check, security awareness at a level, the administrators'
 * liability sign-off), deactivate (who, when, why and its audit row kept), unlock. Secrets are never audited or
 * returned, except a generated TOTP secret, once, to whoever created or reset it.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { AWARENESS_LEVELS, base32Encode, CletsError, EXAM_LEVELS } from '@clets/protocol';
import { errorResponses, withZod } from '../http-contract.js';
import { checkPasswordPolicy } from '../../security/banned-passwords.js';
import { dayOf, dayOfInstant } from '../../security/certification.js';
import { roleExamLevel, type OperatorChanges, type OperatorRecord } from '../../security/operator-store.js';
import type { AdminContext, AdminRouteConfig } from './admin-context.js';
import { isoDate, operatorId, operatorViewSchema, ori, role, secondFactorSchema, upperText } from './admin-schemas.js';

const name = z.strictObject({ last: upperText(40), first: upperText(40) });
const address = z.strictObject({ street: upperText(80), city: upperText(40).optional(), zip: z.string().regex(/^\d{5}$/) });
const relative = z.strictObject({ last: upperText(40), first: upperText(40), dob: z.string().regex(/^\d{8}$/, 'CCYYMMDD') });

const awareness = z.strictObject({ level: z.enum(AWARENESS_LEVELS), completedOn: isoDate });

const idParam = z.strictObject({ id: z.string().min(1).max(32) });
const listQuery = z.strictObject({ ori: ori.optional(), role: role.optional() });

const createBody = z.strictObject({
  id: operatorId, name, ori, role,
  password: z.string().min(1).max(1024),
  appointedOn: isoDate,
  trainedOn: isoDate.optional(),
  examTakenOn: isoDate.optional(),
  examScore: z.number().min(0).max(100).optional(),
  /** The exam's level; default: the role's (FAO, LTFAO). */
  examLevel: z.enum(EXAM_LEVELS).optional(),
  securityAwareness: awareness.optional(),
  liabilitySignedOn: isoDate.optional(),
  employeeStatementSignedOn: isoDate.optional(),
  dmvStatementSignedOn: isoDate.optional(),
  backgroundCheck: z.enum(['cleared', 'pending', 'failed']).default('pending'),
  personId: z.string().min(1).max(16).optional(),
  homeAddress: address.optional(),
  relatives: z.array(relative).max(50).default([]),
}).refine((body) => (body.examTakenOn === undefined) === (body.examScore === undefined), { message: 'give examTakenOn and examScore together', path: ['examScore'] });

const updateBody = z.strictObject({
  name: name.optional(),
  ori: ori.optional(),
  role: role.optional(),
  password: z.string().min(1).max(1024).optional(),
  personId: z.string().min(1).max(16).nullable().optional(),
  homeAddress: address.nullable().optional(),
  relatives: z.array(relative).max(50).optional(),
  /** A new TOTP secret (lost authenticator); returned once. */
  resetSecondFactor: z.literal(true).optional(),
}).refine((body) => Object.keys(body).length > 0, { message: 'nothing to change' });

const deactivateBody = z.strictObject({ reason: upperText(200) });
const trainingBody = z.strictObject({ trainedOn: isoDate });
/** The exam at a level (an LTFAO's exam does not make an FAO); default: the operator's role's level. */
const examBody = z.strictObject({ takenOn: isoDate, score: z.number().min(0).max(100), level: z.enum(EXAM_LEVELS).optional() });
const awarenessBody = awareness;
const liabilityBody = z.strictObject({ signedOn: isoDate });
const statementBody = z.strictObject({ kind: z.enum(['dmv', 'employee']), signedOn: isoDate });
const backgroundBody = z.strictObject({ result: z.enum(['cleared', 'pending', 'failed']) });

const oneOperator = z.object({ operator: operatorViewSchema });
const withSecondFactor = z.object({ operator: operatorViewSchema, secondFactor: secondFactorSchema.optional() });

function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

function otpauthUri(id: string, secret: string): string {
  return `otpauth://totp/CLETS:${encodeURIComponent(id)}?secret=${secret}&issuer=CLETS&digits=6&period=30`;
}

const config = (action: string): AdminRouteConfig => ({ action });

export const operatorRoutes: FastifyPluginAsync<AdminContext> = async (fastify, context) => {
  const app = withZod(fastify);
  const { security, clock } = context;
  const { store, settings } = security;

  app.get('/operators', {
    config: config('operators.list'),
    schema: {
      summary: 'List operators: an ACC sees those of their agency', errors: ['CLETS_ERR_NOT_FOUND'],
      querystring: listQuery, response: { 200: z.object({ operators: z.array(operatorViewSchema) }), ...errorResponses },
    },
  }, async (request, reply) => context.handle(request, reply, (admin) => {
    const query = request.query;
    const wanted = admin.ori ?? query.ori;
    if (query.ori !== undefined) context.within(admin, query.ori);
    return { detail: { filter: query }, apply: () => ({ operators: store.operators({ ...(wanted ? { ori: wanted } : {}), ...(query.role ? { role: query.role } : {}) }).map(context.view) }) };
  }));

  app.get('/operators/:id', {
    config: config('operators.read'),
    schema: {
      summary: 'One operator', errors: ['CLETS_ERR_NOT_FOUND'],
      params: idParam, response: { 200: oneOperator, ...errorResponses },
    },
  }, async (request, reply) => context.handle(request, reply, (admin) => {
    const { id } = request.params;
    const record = context.operatorFor(admin, id);
    return { target: id, ori: record.ori, apply: () => ({ operator: context.view(record) }) };
  }));

  app.post('/operators', {
    config: config('operators.create'),
    schema: {
      summary: 'Create an operator: the TOTP secret is answered this once', errors: ['CLETS_ERR_NOT_FOUND', 'CLETS_ERR_RESOURCE_CONFLICT', 'CLETS_ERR_PASSWORD_POLICY'],
      body: createBody, response: { 201: z.object({ operator: operatorViewSchema, secondFactor: secondFactorSchema }), ...errorResponses },
    },
  }, async (request, reply) => context.handle(request, reply, async (admin) => {
    const body = request.body;
    context.firstAdministratorOnly(admin, body.role);
    context.within(admin, body.ori);
    context.mayGrant(admin, body.role);
    if (store.operator(body.id) !== undefined) throw new CletsError('CLETS_ERR_RESOURCE_CONFLICT', `operator ${body.id} exists`, { field: 'id' });
    checkPasswordPolicy(body.password, { operatorId: body.id, lastName: body.name.last, firstName: body.name.first }, settings.passwords);
    const passwordHash = await security.hasher.hash(body.password);
    const totpSecret = newTotpSecret();
    return {
      status: 201, target: body.id, ori: body.ori,
      detail: { role: body.role, category: 'permission_change', certification: { appointedOn: body.appointedOn, trainedOn: body.trainedOn, examTakenOn: body.examTakenOn, examScore: body.examScore, backgroundCheck: body.backgroundCheck } },
      apply: () => {
        const created = store.createOperator({
          id: body.id, ori: body.ori, role: body.role, name: body.name, passwordHash, passwordChangedAt: clock(),
          totpSecret, totpLastStep: null, lockout: { failures: [], lockedAt: null }, deactivated: false,
          backgroundCheck: body.backgroundCheck, appointedOn: body.appointedOn, trainedOn: body.trainedOn ?? null,
          examTakenOn: body.examTakenOn ?? null, examScore: body.examScore ?? null,
          employeeStatementSignedOn: body.employeeStatementSignedOn ?? null, dmvStatementSignedOn: body.dmvStatementSignedOn ?? null,
          examLevel: body.examTakenOn === undefined ? null : body.examLevel ?? roleExamLevel(body.role),
          securityAwareness: body.securityAwareness ?? null, liabilitySignedOn: body.liabilitySignedOn ?? null,
          personId: body.personId ?? null, homeAddress: body.homeAddress === undefined ? null : { street: body.homeAddress.street, zip: body.homeAddress.zip },
          relatives: body.relatives,
        });
        if (created === undefined) throw new CletsError('CLETS_ERR_RESOURCE_CONFLICT', `operator ${body.id} exists`, { field: 'id' });
        return { operator: context.view(created), secondFactor: { method: 'TOTP' as const, secret: totpSecret, uri: otpauthUri(body.id, totpSecret) } };
      },
    };
  }));

  app.patch('/operators/:id', {
    config: config('operators.update'),
    schema: {
      summary: 'Change an operator: name, agency, role, password, misuse-check facts, a new second factor', errors: ['CLETS_ERR_NOT_FOUND', 'CLETS_ERR_PASSWORD_POLICY'],
      params: idParam, body: updateBody, response: { 200: withSecondFactor, ...errorResponses },
    },
  }, async (request, reply) => context.handle(request, reply, async (admin) => {
    const { id } = request.params;
    const body = request.body;
    const record = context.operatorToChange(admin, id);
    if (body.ori !== undefined) context.within(admin, body.ori);
    if (body.role !== undefined) {
      if (id === admin.id) throw new CletsError('CLETS_ERR_ADMIN_NOT_PERMITTED', 'nobody changes their own role', { field: 'role' });
      context.mayGrant(admin, body.role);
      context.mayGrant(admin, record.role);
    }
    const changes: { -readonly [K in keyof OperatorChanges]: OperatorChanges[K] } = {};
    const changed: Record<string, unknown> = {};
    if (body.name !== undefined) { changes.name = body.name; changed['name'] = body.name; }
    if (body.ori !== undefined) { changes.ori = body.ori; changed['ori'] = body.ori; }
    if (body.role !== undefined) { changes.role = body.role; changed['role'] = { from: record.role, to: body.role }; }
    if (body.personId !== undefined) { changes.personId = body.personId; changed['personId'] = body.personId; }
    if (body.homeAddress !== undefined) { changes.homeAddress = body.homeAddress === null ? null : { street: body.homeAddress.street, zip: body.homeAddress.zip }; changed['homeAddress'] = 'changed'; }
    if (body.relatives !== undefined) { changes.relatives = body.relatives; changed['relatives'] = body.relatives.length; }
    if (body.password !== undefined) {
      checkPasswordPolicy(body.password, { operatorId: id, lastName: record.name.last, firstName: record.name.first }, settings.passwords);
      changes.passwordHash = await security.hasher.hash(body.password);
      changes.passwordChangedAt = clock();
      changed['password'] = 'changed';
    }
    let totpSecret: string | undefined;
    if (body.resetSecondFactor === true) {
      totpSecret = newTotpSecret();
      changes.totpSecret = totpSecret;
      changes.totpLastStep = null;
      changed['secondFactor'] = 'reset';
    }
    const category = body.role !== undefined || body.ori !== undefined ? 'permission_change' : body.password !== undefined ? 'password_change' : 'account_change';
    return {
      target: id, ori: record.ori, detail: { category, changes: changed },
      apply: () => {
        const updated = store.updateOperator(id, changes)!;
        return { operator: context.view(updated), ...(totpSecret === undefined ? {} : { secondFactor: { method: 'TOTP' as const, secret: totpSecret, uri: otpauthUri(id, totpSecret) } }) };
      },
    };
  }));

  /** A certification fact (training, exam, statement, background check): never dated in the future. */
  const certification = <S extends z.ZodType>(
    path: string, action: string, summary: string, body: S,
    changesOf: (body: z.output<S>, record: OperatorRecord) => { changes: OperatorChanges; detail: Record<string, unknown> },
  ): void => {
    app.post(`/operators/:id/${path}`, {
      config: config(action),
      schema: { summary, errors: ['CLETS_ERR_NOT_FOUND'], params: idParam, body, response: { 200: oneOperator, ...errorResponses } },
    }, async (request, reply) => context.handle(request, reply, (admin) => {
      const { id } = request.params;
      const record = context.operatorToChange(admin, id);
      const { changes, detail } = changesOf(request.body as z.output<S>, record);
      for (const [field, value] of Object.entries(changes)) {
        const date = typeof value === 'object' && value !== null && 'completedOn' in value ? value.completedOn : value;
        if (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) && dayOf(date) > dayOfInstant(clock())) {
          throw new CletsError('CLETS_ERR_REQUEST_INVALID', 'a date in the future', { field });
        }
      }
      return { target: id, ori: record.ori, detail: { category: 'certification', ...detail }, apply: () => ({ operator: context.view(store.updateOperator(id, changes)!) }) };
    }));
  };
  certification('training', 'operators.training', 'Record the initial training', trainingBody, (body) => ({ changes: { trainedOn: body.trainedOn }, detail: { trainedOn: body.trainedOn } }));
  certification('exams', 'operators.exam', 'Record a proficiency exam, at the FAO or LTFAO level', examBody, (body, record) => {
    const level = body.level ?? roleExamLevel(record.role);
    if (level === null) throw new CletsError('CLETS_ERR_REQUEST_INVALID', `level: ${record.role} has no exam level of its own: say FAO or LTFAO`, { field: 'level' });
    return { changes: { examTakenOn: body.takenOn, examScore: body.score, examLevel: level }, detail: { takenOn: body.takenOn, score: body.score, level } };
  });
  certification('awareness', 'operators.awareness', 'Record Security Awareness training, at its level', awarenessBody, (body) => ({
    changes: { securityAwareness: { level: body.level, completedOn: body.completedOn } }, detail: { awareness: body.level, completedOn: body.completedOn },
  }));
  certification('liability', 'operators.liability', 'Record the administrator\'s liability sign-off', liabilityBody, (body) => ({ changes: { liabilitySignedOn: body.signedOn }, detail: { liabilitySignedOn: body.signedOn } }));
  certification('statements', 'operators.statement', 'Record a signed statement: DMV or employee/volunteer', statementBody, (body) => ({
    changes: body.kind === 'dmv' ? { dmvStatementSignedOn: body.signedOn } : { employeeStatementSignedOn: body.signedOn }, detail: { statement: body.kind, signedOn: body.signedOn },
  }));
  certification('background', 'operators.background', 'Record the fingerprint background check', backgroundBody, (body) => ({ changes: { backgroundCheck: body.result }, detail: { backgroundCheck: body.result } }));

  app.post('/operators/:id/deactivate', {
    config: config('operators.deactivate'),
    schema: {
      summary: 'Deactivate an operator, with the reason', errors: ['CLETS_ERR_NOT_FOUND', 'CLETS_ERR_RESOURCE_CONFLICT'],
      params: idParam, body: deactivateBody, response: { 200: oneOperator, ...errorResponses },
    },
  }, async (request, reply) => context.handle(request, reply, (admin) => {
    const { id } = request.params;
    const record = context.operatorToChange(admin, id);
    if (id === admin.id) throw new CletsError('CLETS_ERR_ADMIN_NOT_PERMITTED', 'nobody deactivates themselves');
    if (record.deactivated) throw new CletsError('CLETS_ERR_RESOURCE_CONFLICT', `operator ${id} is already deactivated`);
    return {
      target: id, ori: record.ori, detail: { category: 'permission_change', reason: request.body.reason },
      apply: (auditSeq) => ({
        operator: context.view(store.updateOperator(id, { deactivated: true, deactivation: { at: clock(), by: admin.id, reason: request.body.reason, auditSeq } })!),
      }),
    };
  }));

  app.post('/operators/:id/unlock', {
    config: config('operators.unlock'),
    schema: {
      summary: 'Release a locked account', errors: ['CLETS_ERR_NOT_FOUND'],
      params: idParam, response: { 200: oneOperator, ...errorResponses },
    },
  }, async (request, reply) => context.handle(request, reply, (admin) => {
    const { id } = request.params;
    const record = context.operatorToChange(admin, id);
    return {
      target: id, ori: record.ori, detail: { category: 'account_change', wasLocked: security.policy.lockoutStatus(id, clock()).locked },
      apply: () => { security.policy.unlock(id); return { operator: context.view(store.operator(id)!) }; },
    };
  }));
};
