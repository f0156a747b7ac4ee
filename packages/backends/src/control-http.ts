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
 */
import type { Server } from 'node:http';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { CletsError, type ErrorCode, type SystemName } from '@clets/protocol';
import type { BehaviourController } from './behaviour.js';
import { behaviourPatchSchema, describeIssues } from './config.js';
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
  readonly code: ErrorCode;
  readonly message: string;
  /** For a validation error: each bad field as `path: message`. */
  readonly problems?: readonly string[];
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

  app.setErrorHandler((error: FastifyError, _request, reply) => {
    // Fastify's own errors (bad JSON, wrong content type) keep their status, in our shape.
    const status = error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) logger.error({ err: error }, 'control request failed');
    const code: ErrorCode = status === 500 ? 'CLETS_ERR_INTERNAL' : 'CLETS_ERR_REQUEST_INVALID';
    void reply.code(status).send(errorBody(code, status === 500 ? undefined : error.message));
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send(errorBody('CLETS_ERR_NOT_FOUND', `${request.method} ${request.url}`));
  });

  app.get('/healthz', async (_request, reply) => {
    const closing = state.isClosing();
    return reply.code(closing ? 503 : 200).send({
      ok: !closing,
      id: state.id,
      systems: state.behaviour.systems,
      links: state.openLinks(),
    });
  });

  app.get('/metrics', async (_request, reply) => reply.type(state.metrics.contentType).send(await state.metrics.render()));

  app.get('/control', async () => ({
    systems: Object.fromEntries(
      state.behaviour.systems.map((system) => [system, { ...state.behaviour.get(system), activity: state.activity(system) }]),
    ),
  }));

  app.put<{ Params: { system: string } }>('/control/:system', async (request, reply) => {
    const system = request.params.system.toUpperCase();
    if (!state.behaviour.has(system)) {
      return reply.code(404).send(errorBody('CLETS_ERR_NOT_FOUND', `system ${request.params.system} is not hosted here`));
    }
    const parsed = behaviourPatchSchema.safeParse(request.body ?? {});
    if (!parsed.success) {
      const problems = describeIssues(parsed.error.issues);
      return reply.code(400).send(errorBody('CLETS_ERR_REQUEST_INVALID', problems.join('; '), problems));
    }
    const updated = state.behaviour.update(system, parsed.data);
    logger.info({ system, behaviour: updated }, 'behaviour changed');
    return { system, ...updated, activity: state.activity(system) };
  });

  app.post('/control/reset', async () => {
    state.behaviour.reset();
    logger.info('behaviour reset to the configured knobs');
    return { systems: state.behaviour.snapshot() };
  });

  return app;
}

function errorBody(code: ErrorCode, detail?: string, problems?: readonly string[]): ErrorBody {
  const message = new CletsError(code, detail).message;
  return problems ? { code, message, problems } : { code, message };
}
