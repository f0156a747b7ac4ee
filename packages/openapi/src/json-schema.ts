/**
 * A route's zod schema as the JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1) of the
 * document, through zod's own `z.toJSONSchema`. A request part is described as the client
 * sends it (`io: 'input'`: a default makes a member optional, text before its transform); an
 * answer as the server sends it (`io: 'output'`). What JSON Schema cannot say (a transform's
 * result, a Buffer) is left open (`{}`) with its description.
 */
import { z } from 'zod';

export type JsonSchema = { [keyword: string]: unknown };
export type SchemaIo = 'input' | 'output';

/** Whether a value is a zod schema (of this zod or another copy of it). */
export function isZodSchema(value: unknown): value is z.ZodType {
  return typeof value === 'object' && value !== null && '_zod' in value;
}

/** The JSON Schema of a zod schema; a plain object is taken as a JSON Schema already. */
export function jsonSchemaOf(schema: unknown, io: SchemaIo): JsonSchema {
  if (!isZodSchema(schema)) return structuredClone(schema as JsonSchema);
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as JsonSchema;
  return json;
}
