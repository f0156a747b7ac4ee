/**
 * The control endpoint: health, and the behaviour knobs at run time, for test harnesses,
 * benchmarks and the demo. Bodies are validated with the same zod schema the config uses;
 * a validation error names every bad field. It binds to the loopback address by default
 * and has no credential of its own: do not expose it.
 *
 *   GET  /healthz          200 { ok, id, systems, links } (503 while shutting down)
 *   GET  /metrics          200 Prometheus text: requests by system and outcome, their time, the process
 *   GET  /control          200 { systems: { NCIC: { latency, errorRate, outage, activity } } }
 *   PUT  /control/:system  200 the system's knobs after the change; 400 invalid, 404 not hosted
 *   POST /control/reset    200 every system back to its configured knobs
 *   GET  /openapi.json     this endpoint's OpenAPI document, made from the routes' zod schemas
 *   GET  /docs             its reference page (control-document.ts)
 *
 * Routes take zod schemas through the type provider, as the switch's do: the answers are
 * encoded by their schemas, a request part is validated by its own, and the refusal of a
 * body lists every bad field.
 */
import type { Server } from 'node:http';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { z } from 'zod';
import { openApiRoutes, RouteCatalogue } from '@clets/openapi';
import { CletsError, ERROR_CODES, type ErrorCode, type SystemName } from '@clets/protocol';
import type { BehaviourController } from './behaviour.js';
import { behaviourPatchSchema, describeIssues } from './config.js';
import { BACKENDS_OPENAPI, backendErrorSchema, controlStateSchema, healthSchema, systemKnobsSchema, systemsKnobsSchema } from './control-document.js';
import { applyHttpTimeouts, type HttpTimeouts } from './http-timeouts.js';
import type { SystemActivity } from './request-dispatcher.js';

export interface ControlState {
  readonly id: string;
  readonly behaviour: BehaviourController;
  readonly activity: (system: SystemName) => SystemActivity;
  readonly openLinks: () => number;
  readonly isClosing: () => boolean;
  readonly metrics: { readonly contentType: string; render(): Promise<string> };
}

export interface ErrorBody {
  readonly error: {
    readonly code: ErrorCode;
    readonly message: string;
    /** For a validation error: each bad field as `path: message`. */
    readonly problems?: readonly string[];
  };
}

/** Builds the fastify app without listening (tests use `inject()`); `timeouts` guard its port (http-timeouts.ts). */
export function buildControlApp(state: ControlState, logger: Logger, timeouts?: HttpTimeouts): FastifyInstance {
  const app = Fastify({
    loggerInstance: logger as FastifyBaseLogger,
    // The knob changes are logged by the handlers; a line per request would only be noise.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 64 * 1024,
  });
  if (timeouts !== undefined) applyHttpTimeouts(app.server as Server, timeouts, { upgrades: false });
  // Every route from here on is in the document.
  const catalogue = RouteCatalogue.watch(app);
  app.setValidatorCompiler<z.ZodType>(({ schema }) => (data) => {
    const result = schema.safeParse(data ?? {});
    return result.success ? { value: result.data } : { error: new InvalidRequest(describeIssues(result.error.issues)) };
  });
  app.setSerializerCompiler(serializerCompiler);

  // Errors in the switch's one shape, with the error table's status: a refused body is
  // CLETS_ERR_REQUEST_INVALID (400) naming every bad field; fastify's own refusals (bad JSON,
  // a content type it does not read) the same; a body over the limit CLETS_ERR_FRAME_TOO_LARGE.
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    if (error instanceof InvalidRequest) return reply.code(400).send(errorBody('CLETS_ERR_REQUEST_INVALID', error.problems.join('; '), error.problems));
    const status = error.statusCode ?? 500;
    const code: ErrorCode = status === 413 ? 'CLETS_ERR_FRAME_TOO_LARGE' : status >= 400 && status < 500 ? 'CLETS_ERR_REQUEST_INVALID' : 'CLETS_ERR_INTERNAL';
    if (code === 'CLETS_ERR_INTERNAL') logger.error({ err: error }, 'control request failed');
    void reply.code(ERROR_CODES[code].http).send(errorBody(code, code === 'CLETS_ERR_INTERNAL' ? undefined : error.message));
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send(errorBody('CLETS_ERR_NOT_FOUND', `${request.method} ${request.url}`));
  });

  const routes = app.withTypeProvider<ZodTypeProvider>();
  const errors = { '4xx': backendErrorSchema, '5xx': backendErrorSchema };

  routes.get('/healthz', {
    schema: { summary: 'Liveness: 200 while serving, 503 while shutting down', response: { 200: healthSchema, 503: healthSchema, ...errors } },
  }, async (_request, reply) => {
    const closing = state.isClosing();
    return reply.code(closing ? 503 : 200).send({
      ok: !closing,
      id: state.id,
      systems: state.behaviour.systems,
      links: state.openLinks(),
    });
  });

  routes.get('/metrics', {
    schema: {
      summary: 'Prometheus figures: requests by system and outcome, their time, what waits, links, the process',
      response: { 200: { content: { 'text/plain': { schema: z.string().describe('Prometheus text exposition format') } } }, ...errors },
    },
  }, async (_request, reply) => reply.type(state.metrics.contentType).send(await state.metrics.render()));

  routes.get('/control', {
    schema: { summary: 'Each hosted system: its knobs and what it is doing', response: { 200: controlStateSchema, ...errors } },
  }, async () => ({
    systems: Object.fromEntries(
      state.behaviour.systems.map((system) => [system, { ...state.behaviour.get(system), activity: state.activity(system) }]),
    ),
  }));

  routes.put('/control/:system', {
    schema: {
      summary: 'Change some knobs of one system (any case); members left out stay', errors: ['CLETS_ERR_NOT_FOUND'],
      params: z.object({ system: z.string().describe('NCIC, NLETS, DMV or CORI, in any case') }), body: behaviourPatchSchema,
      response: { 200: systemKnobsSchema, ...errors },
    },
    // A system not hosted here is answered 404 whatever the body says.
    attachValidation: true,
  }, async (request, reply) => {
    const system = request.params.system.toUpperCase();
    if (!state.behaviour.has(system)) {
      return reply.code(404).send(errorBody('CLETS_ERR_NOT_FOUND', `system ${request.params.system} is not hosted here`));
    }
    if (request.validationError !== undefined) throw request.validationError;
    const updated = state.behaviour.update(system, request.body);
    logger.info({ system, behaviour: updated }, 'behaviour changed');
    return { system, ...updated, activity: state.activity(system) };
  });

  routes.post('/control/reset', {
    schema: { summary: 'Every system back to its configured knobs (not to healthy)', response: { 200: systemsKnobsSchema, ...errors } },
  }, async () => {
    state.behaviour.reset();
    logger.info('behaviour reset to the configured knobs');
    return { systems: state.behaviour.snapshot() };
  });

  void app.register(openApiRoutes, { catalogue, document: BACKENDS_OPENAPI });
  return app;
}

/** A request part its schema refused: every bad field, as `path: message`. */
class InvalidRequest extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('; '));
  }
}

function errorBody(code: ErrorCode, detail?: string, problems?: readonly string[]): ErrorBody {
  const message = new CletsError(code, detail).message;
  return { error: problems ? { code, message, problems } : { code, message } };
}
