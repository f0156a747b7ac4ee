/**
 * The inquiry gateway: CAD/RMS systems (and the load tests) send transactions over HTTP with
 * the credentials a terminal uses (device secret, operator password, TOTP, the acknowledged
 * banner). `POST /v1/sessions` opens a session and gives a bearer token; `POST /v1/messages`
 * runs one transaction through the pipeline and answers every frame of it, as JSON or, with
 * `content-type: application/x-protobuf`, as length-prefixed encoded frames; `DELETE
 * /v1/sessions/current` ends the session. A session idle past `http.gatewaySessionIdleMs`
 * is locked out like a terminal's.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  CletsError, ERROR_CODES, decodeFrame, encodeFrame, frameFromJson, frameKind, frameToJson, isErrorCode,
  type DecodedFrame, type Frame, type Transaction,
} from '@clets/protocol';
import type { AuditSink } from '../audit/types.js';
import { joinFrames } from '../pipeline/journal.js';
import type { TransactionPipeline } from '../pipeline/transaction-pipeline.js';
import type { OperatorSession, SecurityPolicy } from '../security/policy.js';
import type { MessageLogIdentity } from '../terminals/terminal-connection.js';
import { bearer, errorBody, errorResponses, requestInvalid, withZod } from './http-contract.js';
import { GATEWAY_SESSION } from './openapi-document.js';

export interface GatewayRoutesOptions {
  readonly switchId: string;
  readonly clock: () => number;
  readonly logger: { error(object: object, message?: string): void };
  readonly audit: Pick<AuditSink, 'append'>;
  readonly policy: SecurityPolicy;
  readonly pipeline: Pick<TransactionPipeline, 'submit'>;
  /** The operators' message log: what a gateway session sends and receives goes in it, as at a WebSocket terminal. */
  readonly messageLog?: {
    sent(identity: MessageLogIdentity, transaction: Transaction): void;
    received(identity: MessageLogIdentity, frame: Frame): void;
  };
  /** `http.gatewaySessionIdleMs` and `http.gatewayWaitMs` of the switch's config. */
  readonly limits: { readonly sessionIdleMs: number; readonly waitMs: number };
  /** Given, once, the reader of the sessions open now (the console's live view counts them). */
  readonly publishSessions?: (open: () => readonly OpenGatewaySession[]) => void;
}

/** A gateway session open now, as the console's live view lists it. */
export interface OpenGatewaySession {
  readonly mnemonic: string;
  readonly ori: string;
  readonly operatorId: string;
  readonly since: number;
}

/** The content type of an encoded Frame body, and of an answer of length-prefixed frames. */
export const PROTOBUF = 'application/x-protobuf';

interface GatewaySession {
  readonly token: string;
  readonly session: OperatorSession;
  readonly sourceAddress: string;
  lastUsed: number;
  counter: number;
}

const sessionBody = z.strictObject({
  mnemonic: z.string().min(1),
  deviceSecret: z.string().min(1),
  operatorId: z.string().min(1),
  password: z.string().min(1),
  totpCode: z.string().optional(),
  /** The CJIS login banner must be acknowledged: the caller states it has shown it. */
  acknowledgeBanner: z.literal(true),
}).meta({ title: 'GatewayLogin' });

const sessionAnswer = z.object({
  token: z.string(), operatorId: z.string(), ori: z.string(), terminal: z.string(), role: z.string(),
  reauthenticateAtMs: z.number(),
  /** The CJIS login banner the caller acknowledged: what it must go on showing. */
  banner: z.object({ bannerId: z.string().nullish(), statements: z.array(z.string()).nullish(), text: z.string().nullish() }),
}).meta({ title: 'GatewaySession' });

const routeToBody = z.strictObject({
  requester: z.string().optional(),
  operator: z.string().optional(),
  reason: z.string().optional(),
  caseNumber: z.string().optional(),
  noCaseReason: z.string().optional(),
  purposeCode: z.string().optional(),
  attention: z.string().optional(),
});

const messageBody = z.strictObject({
  /** The mnemonic line, e.g. "QW.CA0190000.NAM/DOE,JOHN.DOB/19800115.RTE/...". */
  line: z.string().min(1).max(4000).optional(),
  /** Or a Transaction in the protobuf JSON form. */
  transaction: z.record(z.string(), z.unknown()).optional(),
  routeTo: routeToBody.optional(),
  control: z.string().max(40).optional(),
  clientMessageId: z.string().min(1).max(64).optional(),
}).refine((body) => (body.line === undefined) !== (body.transaction === undefined), { message: 'give exactly one of line or transaction' })
  .meta({ title: 'GatewayMessage', description: 'One transaction: a mnemonic line or a Transaction in protobuf JSON, exactly one of them' });

/** Every frame of one transaction, in the protobuf JSON form; `complete` when a Completion came. */
const messageAnswer = z.object({
  clientMessageId: z.string(),
  complete: z.boolean().describe('true when the Completion is among the frames: nothing more will come'),
  frames: z.array(z.record(z.string(), z.unknown()).describe('A Frame of proto/clets/v1/clets.proto in protobuf JSON: one member named after its kind (receipt, queuedNotice, response, reject, completion)')),
}).meta({ title: 'GatewayAnswer', description: 'Every frame the switch sent for the transaction, in order' });

export const gatewayRoutes: FastifyPluginAsync<GatewayRoutesOptions> = async (fastify, options) => {
  const app = withZod(fastify);
  const { audit, clock, policy } = options;
  const sessions = new Map<string, GatewaySession>();
  const current = new WeakMap<FastifyRequest, GatewaySession>();
  // A session idle past the limit is dropped only when next used: it is not counted as open.
  options.publishSessions?.(() => {
    const now = clock();
    return [...sessions.values()].filter((gateway) => now - gateway.lastUsed <= options.limits.sessionIdleMs).map(({ session }) => ({
      mnemonic: session.terminal.mnemonic, ori: session.ori, operatorId: session.operatorId, since: session.startedAt,
    }));
  });

  /** The gateway session of a request's token; throws when there is none or it went idle. */
  const requireSession = async (request: FastifyRequest): Promise<void> => {
    const token = bearer(request);
    const gateway = token === undefined ? undefined : sessions.get(token);
    if (gateway === undefined) throw new CletsError('CLETS_ERR_NOT_LOGGED_IN', 'open a session with POST /v1/sessions and send its token as Bearer');
    const now = clock();
    if (now - gateway.lastUsed > options.limits.sessionIdleMs) {
      sessions.delete(gateway.token);
      policy.endSession(gateway.session);
      throw new CletsError('CLETS_ERR_SESSION_LOCKED');
    }
    gateway.lastUsed = now;
    current.set(request, gateway);
  };

  app.post('/v1/sessions', {
    schema: {
      summary: 'Open a gateway session: an operator logged in at a registered terminal; a bearer token',
      errors: [
        'CLETS_ERR_TERMINAL_UNKNOWN', 'CLETS_ERR_TERMINAL_CREDENTIAL', 'CLETS_ERR_SECOND_FACTOR_REQUIRED', 'CLETS_ERR_LOGIN_FAILED', 'CLETS_ERR_SECOND_FACTOR_REPLAYED',
        'CLETS_ERR_ACCOUNT_LOCKED', 'CLETS_ERR_OPERATOR_DEACTIVATED', 'CLETS_ERR_ROLE_NO_TERMINAL_ACCESS', 'CLETS_ERR_CERT_BACKGROUND', 'CLETS_ERR_CERT_TRAINING',
        'CLETS_ERR_CERT_EXAM_EXPIRED', 'CLETS_ERR_CERT_EXAM_SCORE', 'CLETS_ERR_CERT_EMPLOYEE_STATEMENT', 'CLETS_ERR_CERT_DMV_STATEMENT', 'CLETS_ERR_CERT_AWARENESS',
        'CLETS_ERR_CERT_EXAM_LEVEL', 'CLETS_ERR_AGENCY_INACTIVE',
        'CLETS_ERR_SESSION_ACTIVE_ELSEWHERE', 'CLETS_ERR_AUDIT_UNAVAILABLE',
      ],
      body: sessionBody, response: { 201: sessionAnswer, ...errorResponses },
    },
  }, async (request, reply) => {
    const body = request.body;
    const terminal = await policy.authenticateTerminal({ mnemonic: body.mnemonic, deviceSecret: body.deviceSecret }, { address: request.ip });
    const now = clock();
    const step = await policy.beginLogin(terminal, body.operatorId, body.password, now);
    let session: OperatorSession;
    if (step.kind === 'second-factor') {
      if (body.totpCode === undefined) throw new CletsError('CLETS_ERR_SECOND_FACTOR_REQUIRED', 'give totpCode', { field: 'totpCode' });
      session = await policy.completeLogin(step.pending, body.totpCode, now);
    } else {
      session = step.session;
    }
    // Nothing is granted before its logon row is committed: no row, no token, no session.
    try {
      await audit.append({
        type: 'logon', at: now, outcome: 'success', operatorId: session.operatorId, ori: session.ori, terminal: terminal.mnemonic,
        sourceAddress: request.ip, switchId: options.switchId, detail: { via: 'gateway', sessionId: session.sessionId },
      });
    } catch (error) {
      policy.endSession(session);
      options.logger.error({ err: error, terminal: terminal.mnemonic }, 'gateway logon could not be audited: session refused');
      throw new CletsError('CLETS_ERR_AUDIT_UNAVAILABLE', 'the logon could not be recorded in the audit log: try again later');
    }
    const token = randomBytes(24).toString('base64url');
    sessions.set(token, { token, session, sourceAddress: request.ip, lastUsed: now, counter: 0 });
    return reply.status(201).send({
      token, operatorId: session.operatorId, ori: session.ori, terminal: terminal.mnemonic, role: session.role,
      reauthenticateAtMs: session.reauthenticateAt, banner: policy.banner(),
    });
  });

  app.delete('/v1/sessions/current', {
    schema: {
      summary: 'End this gateway session', security: GATEWAY_SESSION, errors: ['CLETS_ERR_NOT_LOGGED_IN', 'CLETS_ERR_SESSION_LOCKED'],
      response: { 204: z.null().describe('the session is ended'), ...errorResponses },
    },
    preValidation: requireSession,
  }, async (request, reply) => {
    const gateway = current.get(request)!;
    sessions.delete(gateway.token);
    policy.endSession(gateway.session);
    return reply.status(204).send(null);
  });

  app.post('/v1/messages', {
    schema: {
      summary: 'One transaction: the answer is every frame of it (a refused one: its reject, at the reject\'s status)',
      security: GATEWAY_SESSION,
      errors: ['CLETS_ERR_NOT_LOGGED_IN', 'CLETS_ERR_SESSION_LOCKED', 'CLETS_ERR_FRAME_MALFORMED', 'CLETS_ERR_FRAME_TOO_DEEP', 'CLETS_ERR_FRAME_EMPTY', 'CLETS_ERR_FRAME_UNEXPECTED'],
      body: {
        content: {
          'application/json': { schema: messageBody },
          [PROTOBUF]: { schema: z.instanceof(Buffer).describe('an encoded Frame holding one Transaction') },
        },
      },
      // A refused transaction answers its frames with the reject's status, not the error shape.
      response: {
        200: {
          content: {
            'application/json': { schema: messageAnswer },
            [PROTOBUF]: { schema: z.instanceof(Buffer).describe('every frame of the transaction, each prefixed by its length (4 bytes, big-endian)') },
          },
        },
        504: {
          description: 'http.gatewayWaitMs ran out before the Completion: the frames so far; the transaction goes on (send the same body again to hear the rest)',
          content: { 'application/json': { schema: messageAnswer } },
        },
        '4xx': z.union([messageAnswer, errorBody]), '5xx': z.union([messageAnswer, errorBody]),
      },
    },
    // The session before the body: a caller without one learns nothing of what a body must be.
    preValidation: requireSession,
  }, async (request, reply) => {
    const gateway = current.get(request)!;
    const wantsProtobuf = request.headers['content-type']?.startsWith(PROTOBUF) ?? false;
    const transaction = wantsProtobuf ? transactionFromProtobuf(request.body) : transactionFromJson(request.body);
    gateway.counter += 1;
    const header = transaction.header ?? {};
    const clientMessageId = header.clientMessageId || `GW-${gateway.session.sessionId.slice(0, 8)}-${gateway.counter}`;
    const answer = new GatewayAnswer();
    const logIdentity: MessageLogIdentity = { operatorId: gateway.session.operatorId, ori: gateway.session.ori, terminal: gateway.session.terminal.mnemonic };
    const sent: Transaction = { ...transaction, header: { ...header, clientMessageId } };
    options.messageLog?.sent(logIdentity, sent);
    const submitted = options.pipeline.submit({
      kind: 'gateway', session: gateway.session, terminal: gateway.session.terminal.mnemonic, sourceAddress: request.ip,
      send: (frame, encoded) => {
        answer.add(frame, encoded);
        options.messageLog?.received(logIdentity, frame);
      },
    }, sent);
    await answer.settled(submitted, options.limits.waitMs);
    if (wantsProtobuf) return reply.type(PROTOBUF).send(answer.lengthPrefixed());
    const status = answer.complete ? 200 : answer.reject !== undefined ? rejectStatus(answer.reject) : 504;
    // The body is rendered here, in the shape of `messageAnswer`: the frames' JSON is that of
    // their wire bytes, so a check of it against the schema on every answer would find nothing.
    return reply.status(status).type(JSON_UTF8).send(Buffer.from(answer.json(clientMessageId)));
  });

  app.addHook('onClose', async () => {
    for (const gateway of sessions.values()) policy.endSession(gateway.session);
    sessions.clear();
  });
};

/**
 * A JSON body as a transaction: a typed line, or a Transaction in protobuf JSON form. A body
 * of another media type (text, say) was not checked by the route's schema: it is here.
 */
function transactionFromJson(raw: unknown): Transaction {
  const parsed = messageBody.safeParse(raw ?? {});
  if (!parsed.success) throw requestInvalid(parsed.error, 'body');
  const body = parsed.data;
  let transaction: Transaction;
  if (body.line !== undefined) {
    transaction = { text: body.line, header: { control: body.control ?? '', clientMessageId: body.clientMessageId ?? '' } };
  } else {
    const frame = frameFromJson({ transaction: body.transaction });
    transaction = frame.transaction ?? {};
    transaction = { ...transaction, header: { ...transaction.header, ...(body.control ? { control: body.control } : {}), ...(body.clientMessageId ? { clientMessageId: body.clientMessageId } : {}) } };
  }
  return body.routeTo === undefined ? transaction : { ...transaction, routeTo: body.routeTo };
}

function transactionFromProtobuf(raw: unknown): Transaction {
  if (!Buffer.isBuffer(raw)) throw new CletsError('CLETS_ERR_REQUEST_INVALID', 'expected a protobuf Frame body');
  const frame: DecodedFrame = decodeFrame(raw);
  if (frame.body !== 'transaction' || frame.transaction == null) {
    throw new CletsError('CLETS_ERR_FRAME_UNEXPECTED', `expected a transaction frame, got ${frame.body ?? 'none'}`);
  }
  return frame.transaction;
}

function rejectStatus(reject: NonNullable<Frame['reject']>): number {
  const code = reject.code ?? '';
  return isErrorCode(code) ? ERROR_CODES[code].http : 400;
}

const NO_LIMIT = { maxFrameBytes: Number.MAX_SAFE_INTEGER };
const JSON_UTF8 = 'application/json; charset=utf-8';

/**
 * The frames of one transaction as the gateway hears them, each with its wire bytes (those the
 * pipeline encoded for the duplicate window, or encoded here when it gave none): the answer is
 * rendered from them without encoding a frame again.
 */
class GatewayAnswer {
  readonly #frames: Frame[] = [];
  readonly #wire: (Uint8Array | undefined)[] = [];
  #receipted = false;
  /** A Completion came, or a Reject before any Receipt: nothing more will come. */
  #ended = false;
  #finished: (() => void) | undefined;
  complete = false;
  /** The first Reject among the frames: the status of an answer without a Completion. */
  reject: NonNullable<Frame['reject']> | undefined;

  add(frame: Frame, encoded: Uint8Array | undefined): void {
    this.#frames.push(frame);
    this.#wire.push(encoded);
    const kind = frameKind(frame);
    if (kind === 'receipt') {
      this.#receipted = true;
    } else if (kind === 'completion') {
      this.complete = true;
      this.#ended = true;
    } else if (kind === 'reject') {
      this.reject ??= frame.reject ?? {};
      // A transaction ends with its Completion, or with a Reject before any Receipt.
      if (!this.#receipted) this.#ended = true;
    }
    if (this.#ended) this.#finished?.();
  }

  /**
   * Resolves at the end of the transaction, when the pipeline is done with it, or after
   * `waitMs`; rejects when the pipeline fails. The timer goes with the request that set it.
   */
  settled(submitted: Promise<unknown>, waitMs: number): Promise<void> {
    if (this.#ended) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(finish, waitMs).unref();
      function finish(): void {
        clearTimeout(timer);
        resolve();
      }
      this.#finished = finish;
      submitted.then(finish, (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  }

  /** Each frame's wire bytes; a frame sent without them is encoded now (and fails here, if it must). */
  #encoded(): Uint8Array[] {
    return this.#frames.map((frame, at) => this.#wire[at] ?? encodeFrame(frame, NO_LIMIT));
  }

  /** Every frame, each prefixed by its length (4 bytes, big-endian), in one buffer. */
  lengthPrefixed(): Buffer {
    const joined = joinFrames(this.#encoded());
    return Buffer.from(joined.buffer, joined.byteOffset, joined.byteLength);
  }

  /** The JSON answer (`messageAnswer`): each frame in protobuf JSON, read from its wire bytes. */
  json(clientMessageId: string): string {
    let frames = '';
    for (const bytes of this.#encoded()) {
      frames += (frames === '' ? '' : ',') + JSON.stringify(frameToJson(decodeFrame(bytes, NO_LIMIT)));
    }
    return `{"clientMessageId":${JSON.stringify(clientMessageId)},"complete":${this.complete},"frames":[${frames}]}`;
  }
}
