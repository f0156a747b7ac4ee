/**
 * What every route of the switch's HTTP API shares:
 * - requests and responses are described by zod schemas through the zod type provider
 *   (fastify-type-provider-zod), so a handler gets its parsed params, query and body typed, a
 *   response is checked against its schema before it is sent, and the same schemas can
 *   describe the API as an OpenAPI document;
 * - a request that does not fit its schema is refused before its handler runs with
 *   CLETS_ERR_REQUEST_INVALID, naming the part and the field (`body.takenOn: not a calendar
 *   date`, field `takenOn`);
 * - every error answers one shape, `{ "error": { "code", "message", "field"? } }`, with the
 *   HTTP status of the error table; nothing internal leaks.
 */
import type {
  FastifyBaseLogger, FastifyInstance, FastifyRequest, FastifySchemaCompiler, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault,
} from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CletsError, toCletsError } from '@clets/protocol';

export type { ZodTypeProvider };

/** A fastify scope whose routes take zod schemas. */
export type ZodApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;

/** The one error shape of the API. */
export const errorBody = z.object({
  error: z.object({
    /** A code of the error table (docs/errors.md). */
    code: z.string(),
    message: z.string(),
    /** The field at fault, when one is. */
    field: z.string().optional(),
  }),
}).meta({ title: 'Error', description: 'Every error answer: a code of the error table (docs/errors.md), at its HTTP status' });
export type ErrorBody = z.infer<typeof errorBody>;

/** The error answers every route may give, in the one shape. */
export const errorResponses = { '4xx': errorBody, '5xx': errorBody } as const;

/** What the request parts are called in a refusal: `query.limit`, `body.takenOn`. */
const PART_NAMES: Readonly<Record<string, string>> = { body: 'body', querystring: 'query', params: 'params', headers: 'headers' };

/**
 * Validates a request part with its zod schema. An absent part is checked as `{}`, so a
 * missing body names the first field it lacks. The parsed value (defaults filled, text
 * trimmed or upper-cased as the schema says) replaces the raw one.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => (data) => {
  const result = schema.safeParse(data ?? {});
  if (result.success) return { value: result.data };
  return { error: requestInvalid(result.error, PART_NAMES[httpPart ?? ''] ?? httpPart ?? 'request') };
};

/** The refusal of a request part: its first problem, where it is and what is wrong. */
export function requestInvalid(error: z.ZodError, where: string): CletsError {
  const issue = error.issues[0];
  const path = issue?.path.join('.') ?? '';
  return new CletsError('CLETS_ERR_REQUEST_INVALID', `${where}${path ? `.${path}` : ''}: ${issue?.message ?? 'invalid'}`, path ? { field: path } : {});
}

/** Makes a scope take zod schemas for its routes (requests validated, responses encoded). */
export function withZod(app: FastifyInstance): ZodApp {
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  return app.withTypeProvider<ZodTypeProvider>();
}

/**
 * Any error as the CletsError the API answers with: its own, a refused body size (413), a
 * request fastify could not parse (4xx), or CLETS_ERR_INTERNAL for anything else.
 */
export function httpFailure(error: unknown): CletsError {
  if (error instanceof CletsError) return error;
  const status = (error as { statusCode?: number } | undefined)?.statusCode;
  if (status === 413) return new CletsError('CLETS_ERR_FRAME_TOO_LARGE');
  if (status !== undefined && status < 500) return new CletsError('CLETS_ERR_REQUEST_INVALID', (error as Error).message);
  return toCletsError(error);
}

/** The answer to a failure, in the one error shape. */
export function errorReply(failure: CletsError): ErrorBody {
  return { error: { code: failure.code, message: failure.message, ...(failure.field ? { field: failure.field } : {}) } };
}

/** Whether an error is a request part refused by its schema (before the handler ran). */
export function isValidationFailure(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'validationContext' in error;
}

/** The bearer token of a request (administrator or gateway session), if it has one. */
export function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
}
