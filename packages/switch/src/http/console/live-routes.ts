/**
 * `GET /v1/admin/live`: the console's live view as server-sent events, one `figures` event a
 * second (live-figures.ts), under an administrator session (password and TOTP). The stream
 * is a `fetch` body, not an EventSource: the token travels in the Authorization header, never
 * in a URL that proxies and logs keep. What a reader is sent is cut to their scope
 * (admin/audit-scope.ts); opening the stream is an `audit_read` row (the refusals and answers
 * come from the audit log, and CJIS audits any access to it), a refused opening too. The
 * stream ends with an `end` event when the session does (logout, idle lock, a new login),
 * so a console left open does not keep a lapsed session's view alive.
 */
import { PassThrough } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { CletsError, toCletsError } from '@clets/protocol';
import type { AuditSink } from '../../audit/types.js';
import type { AdminPrincipal, AdminSessions } from '../admin/admin-sessions.js';
import { auditScopeOf } from '../admin/audit-scope.js';
import { bearer, errorResponses, withZod } from '../http-contract.js';
import { ADMIN_SESSION } from '../openapi-document.js';
import { scopeFigures, type LiveFeed } from './live-figures.js';

export interface LiveRoutesOptions {
  readonly switchId: string;
  readonly clock: () => number;
  readonly audit: Pick<AuditSink, 'append'>;
  readonly sessions: AdminSessions | undefined;
  readonly feed: LiveFeed;
}

/** One server-sent event. */
export function serverSentEvent(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export const liveRoutes: FastifyPluginAsync<LiveRoutesOptions> = async (fastify, options) => {
  const app = withZod(fastify);
  const { audit, clock, switchId, feed } = options;
  const streams = new Set<PassThrough>();
  // Open streams would keep the server from closing: they end first.
  fastify.addHook('onClose', async () => {
    for (const stream of streams) stream.end();
  });

  app.get('/v1/admin/live', {
    schema: {
      summary: 'The live view: one `figures` event a second (server-sent events), cut to the reader\'s scope',
      security: ADMIN_SESSION, errors: ['CLETS_ERR_ADMIN_TOKEN_INVALID', 'CLETS_ERR_ADMIN_NOT_PERMITTED', 'CLETS_ERR_AUDIT_UNAVAILABLE'],
      response: {
        200: { content: { 'text/event-stream': { schema: z.string().describe('`event: figures` with a LiveFigures JSON object each second; `event: end` when the session ends') } } },
        ...errorResponses,
      },
    },
  }, async (request, reply) => {
    const at = clock();
    const token = bearer(request);
    let admin: AdminPrincipal | undefined;
    let ori: string | null;
    try {
      if (options.sessions === undefined) throw new CletsError('CLETS_ERR_ADMIN_TOKEN_INVALID', 'the live view needs administrator accounts (security.policy cjis)');
      admin = options.sessions.authenticate(token, at);
      ori = auditScopeOf(admin).ori;
    } catch (error) {
      const failure = toCletsError(error);
      await audit.append({
        type: 'audit_read', at, outcome: 'denied', code: failure.code, operatorId: admin?.id ?? '', ...(admin?.ori ? { ori: admin.ori } : {}),
        sourceAddress: request.ip, switchId, detail: { action: 'live' },
      }).catch(() => undefined);
      throw failure;
    }
    await audit.append({
      type: 'audit_read', at, outcome: 'success', operatorId: admin.id, ...(admin.ori ? { ori: admin.ori } : {}),
      sourceAddress: request.ip, switchId, detail: { action: 'live', scope: ori ?? 'switch' },
    });

    const stream = new PassThrough();
    streams.add(stream);
    const sessions = options.sessions!;
    const send = (tick: Parameters<Parameters<LiveFeed['subscribe']>[0]>[0]): void => {
      if (!sessions.isActive(token, clock())) {
        stream.end(serverSentEvent('end', { code: 'CLETS_ERR_ADMIN_TOKEN_INVALID', message: 'the administrator session ended: log in again' }));
        return;
      }
      // A reader that does not keep up misses seconds rather than growing a buffer.
      if (stream.writableLength < 256 * 1024) stream.write(serverSentEvent('figures', scopeFigures(tick, ori)));
    };
    const latest = feed.latest;
    const unsubscribe = feed.subscribe(send);
    if (latest !== undefined) send(latest);
    const stop = (): void => {
      unsubscribe();
      streams.delete(stream);
      stream.end();
    };
    stream.on('close', stop);
    stream.on('finish', stop);
    request.raw.on('close', stop);
    // A comment line first, so the client sees the stream open before the first tick.
    stream.write(': live view of ' + switchId + '\n\n');
    return reply
      .header('content-type', 'text/event-stream; charset=utf-8')
      .header('cache-control', 'no-store')
      .header('x-accel-buffering', 'no')
      .send(stream as never);
  });
};
