/**
 * The OpenAPI 3.1 document of a fastify app, from its routes (route-catalogue.ts): a path item
 * per URL, an operation per method, with
 * - parameters from the `params`, `querystring` and `headers` schemas, one per member;
 * - the request body from `body` (JSON, or the media types of a `content` map);
 * - the answers from `response`, by status: a schema (JSON), a `content` map (one schema per
 *   media type), or a schema of JSON `null` (no body: 204);
 * - the error answers a route gives, from the error table: those every route of the app gives
 *   (`errors.common`: a refused request, an internal failure) and those it declares
 *   (`schema.errors`), grouped by status, each an `Error` whose code is one of them;
 * - the tags, summary and security the route (or the plugin holding it) declares.
 * A schema with a title (zod `.meta({ title })`) is written once, under
 * `components.schemas`, and referred to wherever it is used.
 *
 * The same routes give the same document, byte for byte (`serializeDocument`): a committed
 * copy can be compared with what the routes produce.
 */
import { STATUS_CODES } from 'node:http';
import { ERROR_CODES, type ErrorCode } from '@clets/protocol';
import type { z } from 'zod';
import { isZodSchema, jsonSchemaOf, type JsonSchema, type SchemaIo } from './json-schema.js';
import type { DocumentedRoute } from './route-catalogue.js';
import type { ErrorAnswer } from './route-docs.js';

export const OPENAPI_VERSION = '3.1.0';

export interface OpenApiDocument {
  readonly openapi: typeof OPENAPI_VERSION;
  readonly info: OpenApiOptions['info'];
  readonly tags: readonly { readonly name: string; readonly description?: string }[];
  readonly paths: { readonly [path: string]: { readonly [method: string]: JsonSchema } };
  readonly components: { readonly securitySchemes?: { readonly [name: string]: JsonSchema }; readonly schemas: { readonly [name: string]: JsonSchema } };
}

/** How an app answers an error. */
export interface ErrorShape {
  /** The schema of every error answer; its title (default `Error`) names it among the components. */
  readonly body: z.ZodType;
  /** Where the code sits in it, e.g. `['error', 'code']`. */
  readonly codePath: readonly string[];
  /** The errors a route answers with whatever it declares (a refused request, an internal failure), as the app's error handler gives them. */
  readonly common: (route: DocumentedRoute) => readonly ErrorAnswer[];
}

export interface OpenApiOptions {
  readonly info: { readonly title: string; readonly version: string; readonly description?: string };
  /** The tags, in the order the document lists them, each with what it holds. */
  readonly tags?: readonly { readonly name: string; readonly description: string }[];
  /** Security scheme objects by name: the names routes use in `security`. */
  readonly securitySchemes?: { readonly [name: string]: JsonSchema };
  /** The tag of a route that names none (default: `default`). */
  readonly tagOf?: (route: DocumentedRoute) => string;
  readonly errors: ErrorShape;
}

/** The document of these routes. Throws when two different schemas have the same title. */
export function buildOpenApiDocument(routes: readonly DocumentedRoute[], options: OpenApiOptions): OpenApiDocument {
  const components = new ComponentSchemas();
  const errorJson = components.add(titled(jsonSchemaOf(options.errors.body, 'output'), 'Error'));
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const usedTags: string[] = [];
  for (const route of routes) {
    if (route.schema?.hide === true) continue;
    const operation = operationOf(route, options, components, errorJson);
    for (const tag of operation['tags'] as string[]) if (!usedTags.includes(tag)) usedTags.push(tag);
    const path = openApiPath(route.url);
    paths[path] = { ...paths[path], [route.method.toLowerCase()]: operation };
  }
  const known = (options.tags ?? []).filter((tag) => usedTags.includes(tag.name));
  const others = usedTags.filter((name) => !known.some((tag) => tag.name === name)).sort().map((name) => ({ name }));
  return {
    openapi: OPENAPI_VERSION,
    info: options.info,
    tags: [...known, ...others],
    paths,
    components: {
      ...(options.securitySchemes === undefined ? {} : { securitySchemes: options.securitySchemes }),
      schemas: components.sorted(),
    },
  };
}

/** How wide a line of the serialized document may grow before an object or array is opened up. */
const LINE_WIDTH = 110;

/**
 * The document as committed and served: JSON indented by two spaces, where an object or an
 * array that fits on its line stays on it (a schema of a few members reads at a glance, and
 * the document is a third smaller), one newline at the end.
 */
export function serializeDocument(document: OpenApiDocument): string {
  return `${layout(document, '')}\n`;
}

function layout(value: unknown, indent: string): string {
  const line = oneLine(value);
  if (typeof value !== 'object' || value === null || indent.length + line.length <= LINE_WIDTH) return line;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((item) => `${inner}${layout(item, inner)}`).join(',\n')}\n${indent}]`;
  return `{\n${members(value).map(([key, member]) => `${inner}${JSON.stringify(key)}: ${layout(member, inner)}`).join(',\n')}\n${indent}}`;
}

function oneLine(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(oneLine).join(', ')}]`;
  if (typeof value === 'object' && value !== null) return `{${members(value).map(([key, member]) => `${JSON.stringify(key)}: ${oneLine(member)}`).join(', ')}}`;
  return JSON.stringify(value);
}

function members(value: object): [string, unknown][] {
  return Object.entries(value).filter(([, member]) => member !== undefined);
}

/** `/v1/admin/operators/:id` as OpenAPI writes it: `/v1/admin/operators/{id}`. */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function operationOf(route: DocumentedRoute, options: OpenApiOptions, components: ComponentSchemas, errorJson: JsonSchema): JsonSchema {
  const schema = route.schema ?? {};
  const parameters = [
    ...parametersOf(schema.params, 'path', components),
    ...parametersOf(schema.querystring, 'query', components),
    ...parametersOf(schema.headers, 'header', components),
  ];
  const requestBody = requestBodyOf(schema.body, components);
  return {
    tags: schema.tags ?? [options.tagOf?.(route) ?? 'default'],
    ...(schema.summary === undefined ? {} : { summary: schema.summary }),
    ...(schema.description === undefined ? {} : { description: schema.description }),
    operationId: schema.operationId ?? operationIdOf(route.method, route.url),
    ...(parameters.length === 0 ? {} : { parameters }),
    ...(requestBody === undefined ? {} : { requestBody }),
    responses: responsesOf(route, options, components, errorJson),
    ...(schema.security === undefined ? {} : { security: schema.security }),
  };
}

/** `GET /v1/admin/operators/:id` -> `getAdminOperatorsById` (a version segment is left out). */
export function operationIdOf(method: string, url: string): string {
  const words = url.split(/[/.\-_]/).filter((segment) => segment !== '' && !/^v\d+$/.test(segment))
    .map((segment) => (segment.startsWith(':') ? `By${capitalised(segment.slice(1))}` : capitalised(segment)));
  return `${method.toLowerCase()}${words.join('')}`;
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function parametersOf(schema: unknown, location: 'path' | 'query' | 'header', components: ComponentSchemas): JsonSchema[] {
  if (schema === undefined) return [];
  const json = jsonSchemaOf(schema, 'input');
  const properties = (json['properties'] ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json['required'] ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name, in: location, required: location === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: components.add(rest),
    };
  });
}

/** A `content` map: one schema per media type (fastify's form for more than JSON). */
interface ContentMap {
  readonly description?: string;
  readonly content: { readonly [mediaType: string]: { readonly schema: unknown } };
}

function isContentMap(value: unknown): value is ContentMap {
  return typeof value === 'object' && value !== null && !isZodSchema(value) && 'content' in value;
}

function contentOf(map: ContentMap['content'], io: SchemaIo, components: ComponentSchemas): JsonSchema {
  return Object.fromEntries(Object.entries(map).map(([mediaType, { schema }]) => [mediaType, { schema: components.add(jsonSchemaOf(schema, io)) }]));
}

function requestBodyOf(body: unknown, components: ComponentSchemas): JsonSchema | undefined {
  if (body === undefined) return undefined;
  const content = isContentMap(body) ? contentOf(body.content, 'input', components) : { 'application/json': { schema: components.add(jsonSchemaOf(body, 'input')) } };
  return { required: true, content };
}

function responsesOf(route: DocumentedRoute, options: OpenApiOptions, components: ComponentSchemas, errorJson: JsonSchema): JsonSchema {
  const declared = (route.schema?.response ?? {}) as Record<string, unknown>;
  const responses = new Map<string, JsonSchema>();
  for (const [key, value] of Object.entries(declared)) responses.set(key.toUpperCase(), responseOf(key.toUpperCase(), value, components));

  const errors = errorsByStatus([...options.errors.common(route), ...(route.schema?.errors ?? [])]);
  for (const [status, codes] of errors) {
    const error = components.add(errorWithCodes(errorJson, options.errors.codePath, codes));
    // A route whose range answers other shapes besides the error (a gateway's rejected
    // transaction) may answer them at this status too.
    const range = declared[`${status[0]}xx`] ?? declared[`${status[0]}XX`];
    const alternatives = range === undefined ? [] : unionMembers(range).filter((member) => member !== options.errors.body)
      .map((member) => components.add(jsonSchemaOf(member, 'output')));
    const own = responses.get(status);
    const ownSchema = ((own?.['content'] as JsonSchema | undefined)?.['application/json'] as JsonSchema | undefined)?.['schema'] as JsonSchema | undefined;
    const ownShape = ownSchema === undefined || sameJson(ownSchema, errorJson) ? undefined : ownSchema;
    const shapes = [...(ownShape === undefined ? [] : [ownShape]), ...alternatives, error];
    const description = codes.map((code) => `${code}: ${ERROR_CODES[code].message}`).join('\n');
    responses.set(status, {
      description: own === undefined || ownShape === undefined ? description : `${String(own['description'])}\n${description}`,
      content: { 'application/json': { schema: shapes.length === 1 ? error : { anyOf: uniqueShapes(shapes) } } },
    });
  }
  return Object.fromEntries([...responses].sort(([a], [b]) => statusOrder(a) - statusOrder(b)));
}

function responseOf(status: string, value: unknown, components: ComponentSchemas): JsonSchema {
  if (isContentMap(value)) {
    const content = contentOf(value.content, 'output', components);
    const first = Object.values(value.content)[0];
    const described = first === undefined ? undefined : jsonSchemaOf(first.schema, 'output')['description'];
    return { description: value.description ?? (typeof described === 'string' ? described : reasonOf(status)), content };
  }
  const json = jsonSchemaOf(value, 'output');
  // A range's answer is any other status of it: the schema's own description would say less.
  const description = typeof json['description'] === 'string' && !status.endsWith('XX') ? json['description'] : reasonOf(status);
  if (status === '204' || json['type'] === 'null') return { description };
  return { description, content: { 'application/json': { schema: components.add(json) } } };
}

function reasonOf(status: string): string {
  if (status === '4XX') return 'Any other client error';
  if (status === '5XX') return 'Any other server error';
  return STATUS_CODES[status] ?? status;
}

/** 200 < 201 < ... < 4XX < 5XX < default. */
function statusOrder(status: string): number {
  if (/^\d{3}$/.test(status)) return Number(status);
  if (/^\dXX$/.test(status)) return Number(status[0]) * 100 + 99.5;
  return 1000;
}

function errorsByStatus(answers: readonly ErrorAnswer[]): Map<string, ErrorCode[]> {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const answer of answers) {
    const code = typeof answer === 'string' ? answer : answer.code;
    const status = typeof answer === 'string' ? ERROR_CODES[code].http : answer.status;
    const codes = byStatus.get(status) ?? [];
    if (!codes.includes(code)) codes.push(code);
    byStatus.set(status, codes);
  }
  return new Map([...byStatus].sort(([a], [b]) => a - b).map(([status, codes]) => [String(status), codes]));
}

/** The error shape, its code one of these. */
function errorWithCodes(errorJson: JsonSchema, codePath: readonly string[], codes: readonly ErrorCode[]): JsonSchema {
  let restriction: JsonSchema = { enum: [...codes] };
  for (const key of [...codePath].reverse()) restriction = { properties: { [key]: restriction } };
  return { allOf: [errorJson, restriction] };
}

/** The members of a zod union, or the schema itself. */
function unionMembers(schema: unknown): unknown[] {
  if (!isZodSchema(schema)) return [schema];
  const def = schema._zod.def as { type: string; options?: unknown[] };
  return def.type === 'union' && def.options !== undefined ? def.options : [schema];
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function uniqueShapes(shapes: readonly JsonSchema[]): JsonSchema[] {
  const seen = new Set<string>();
  return shapes.filter((shape) => {
    const key = JSON.stringify(shape);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function titled(schema: JsonSchema, fallback: string): JsonSchema {
  return typeof schema['title'] === 'string' ? schema : { title: fallback, ...schema };
}

/** Keywords whose values are data, not schemas: a `title` in them names nothing. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'default', 'examples', 'example']);

/** The schemas with a title, written once under `components.schemas` and referred to elsewhere. */
class ComponentSchemas {
  readonly #schemas = new Map<string, JsonSchema>();
  readonly #keys = new Map<string, string>();

  /** The schema with each titled part of it (itself included) replaced by a reference. */
  add(schema: JsonSchema): JsonSchema {
    return this.#hoist(schema) as JsonSchema;
  }

  sorted(): Record<string, JsonSchema> {
    return Object.fromEntries([...this.#schemas].sort(([a], [b]) => a.localeCompare(b)));
  }

  #hoist(node: unknown): unknown {
    if (Array.isArray(node)) return node.map((item) => this.#hoist(item));
    if (typeof node !== 'object' || node === null) return node;
    const out: JsonSchema = {};
    for (const [key, value] of Object.entries(node)) out[key] = DATA_KEYWORDS.has(key) ? value : this.#hoist(value);
    const title = out['title'];
    if (typeof title !== 'string' || '$ref' in out) return out;
    const key = JSON.stringify(out);
    const existing = this.#keys.get(title);
    if (existing === undefined) {
      this.#schemas.set(title, out);
      this.#keys.set(title, key);
    } else if (existing !== key) {
      throw new Error(`two different schemas are titled ${title}: give one of them another title`);
    }
    return { $ref: `#/components/schemas/${title}` };
  }
}
