/**
 * Checks a real answer against a document: its status is one the operation documents (or a
 * range of it), its media type one that status documents, and a JSON body fits the schema
 * (ajv, JSON Schema 2020-12, every `$ref` resolved in the document). For tests: the document
 * and the routes' real answers must not drift apart.
 */
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import type { OpenApiDocument } from '../document.js';
import type { JsonSchema } from '../json-schema.js';

export interface Answer {
  readonly method: string;
  /** The URL asked, query included or not. */
  readonly url: string;
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, unknown>>;
  readonly body: string;
}

const DOCUMENT_ID = 'openapi.json';

export class ResponseValidator {
  readonly #document: OpenApiDocument;
  readonly #ajv: Ajv2020;
  readonly #compiled = new Map<string, ValidateFunction>();
  readonly #templates: readonly { readonly path: string; readonly pattern: RegExp }[];

  constructor(document: OpenApiDocument) {
    this.#document = document;
    // The document is one schema resource: a fragment of it compiles with its references.
    this.#ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, validateFormats: false });
    this.#ajv.addSchema({ ...document, $id: DOCUMENT_ID } as object);
    this.#templates = Object.keys(document.paths).map((path) => ({
      path, pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }));
  }

  /** What is wrong with this answer, by the document: nothing when it fits. */
  problems(answer: Answer): string[] {
    const where = `${answer.method} ${answer.url} ${answer.statusCode}`;
    const path = answer.url.split('?')[0]!;
    // A path without parameters wins over a template that matches it too (OpenAPI's rule).
    const matching = this.#templates.filter((candidate) => candidate.pattern.test(path)).map((candidate) => candidate.path)
      .sort((a, b) => a.split('{').length - b.split('{').length);
    const method = answer.method.toLowerCase();
    const template = matching.find((candidate) => this.#document.paths[candidate]?.[method] !== undefined) ?? matching[0];
    if (template === undefined) return [`${where}: no path of the document matches`];
    const operation = this.#document.paths[template]?.[method];
    if (operation === undefined) return [`${where}: ${template} has no ${method}`];
    const responses = operation['responses'] as Record<string, JsonSchema>;
    const status = String(answer.statusCode);
    const key = [status, `${status[0]}XX`, 'default'].find((candidate) => responses[candidate] !== undefined);
    if (key === undefined) return [`${where}: status not documented (${Object.keys(responses).join(', ')})`];
    const content = responses[key]!['content'] as Record<string, JsonSchema> | undefined;
    if (content === undefined) return answer.body === '' ? [] : [`${where}: a body where the document has none`];
    const mediaType = String(answer.headers['content-type'] ?? '').split(';')[0]!.trim();
    if (content[mediaType] === undefined) return [`${where}: media type ${mediaType || '(none)'} not documented (${Object.keys(content).join(', ')})`];
    if (!mediaType.endsWith('json')) return [];
    const pointer = ['paths', template, method, 'responses', key, 'content', mediaType, 'schema'].map(escapePointer).join('/');
    const validate = this.#validator(`${DOCUMENT_ID}#/${pointer}`);
    let body: unknown;
    try {
      body = JSON.parse(answer.body);
    } catch {
      return [`${where}: the body is not JSON`];
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map((error) => `${where}: ${error.instancePath || '(body)'} ${error.message ?? ''} ${JSON.stringify(error.params)}`);
  }

  #validator(ref: string): ValidateFunction {
    let validate = this.#compiled.get(ref);
    if (validate === undefined) {
      validate = this.#ajv.getSchema(ref);
      if (validate === undefined) throw new Error(`no schema at ${ref}`);
      this.#compiled.set(ref, validate);
    }
    return validate;
  }
}

/** A JSON Pointer token, made safe for a URI fragment too. */
function escapePointer(token: string): string {
  return encodeURIComponent(token.replace(/~/g, '~0').replace(/\//g, '~1'));
}
