#!/usr/bin/env node
/**
 * The ceiling of the inquiry gateway: a bare fastify route of the same shape as the switch's
 * `POST /v1/messages` (a bearer token, a JSON body `{ line }`, a JSON answer of the same size
 * as the switch's), doing nothing else. Prints {"event":"listening","url":...}; exits on
 * SIGTERM. Argument: the answer's size in bytes.
 */
import Fastify from 'fastify';

const answerBytes = Number(process.argv[2] ?? '2000');
const app = Fastify({ logger: false });
let counter = 0;

app.post('/v1/messages', async (request, reply) => {
  if (!(request.headers.authorization ?? '').startsWith('Bearer ')) return reply.status(401).send({ error: { code: 'CLETS_ERR_NOT_LOGGED_IN' } });
  const body = request.body as { line?: unknown };
  if (typeof body?.line !== 'string') return reply.status(400).send({ error: { code: 'CLETS_ERR_REQUEST_INVALID' } });
  counter += 1;
  const clientMessageId = `GW-bare-${counter}`;
  const header = { clientMessageId, control: '', messageKey: body.line.slice(0, body.line.indexOf('.')) };
  const bare = JSON.stringify({ clientMessageId, complete: true, frames: [{ receipt: { header } }, { response: { header, text: '' } }, { completion: { header } }] }).length;
  return {
    clientMessageId, complete: true,
    frames: [{ receipt: { header } }, { response: { header, text: 'X'.repeat(Math.max(0, answerBytes - bare)) } }, { completion: { header } }],
  };
});

const url = await app.listen({ host: '127.0.0.1', port: 0 });
process.stdout.write(`${JSON.stringify({ event: 'listening', url })}\n`);
const stop = (): void => {
  void app.close().then(() => process.exit(0));
  setTimeout(() => process.exit(0), 2_000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
