/**
 * The reference page of a document: one HTML page, written on the server from the document,
 * that needs nothing else: its style is inline, it has no script, it loads no font, image or
 * file from anywhere. Operations by tag, each with its parameters, body and answers; a schema
 * is shown as a type (`{ token: string, expiresAtMs: number }`), its named parts linked to the
 * schemas at the end.
 */
import type { OpenApiDocument } from './document.js';
import type { JsonSchema } from './json-schema.js';

export interface ReferencePageOptions {
  /** Where the page links the JSON document (default `openapi.json`, beside the page). */
  readonly documentHref?: string;
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

export function renderReferencePage(document: OpenApiDocument, options: ReferencePageOptions = {}): string {
  const href = options.documentHref ?? 'openapi.json';
  const operations = Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method] !== undefined).map((method) => ({ path, method, operation: item[method]! })));
  const byTag = document.tags.map((tag) => ({ tag, operations: operations.filter(({ operation }) => (operation['tags'] as string[])[0] === tag.name) }));
  const schemes = document.components.securitySchemes ?? {};

  const toc = byTag.map(({ tag, operations: held }) => `<li><a href="#tag-${anchor(tag.name)}">${text(tag.name)}</a><ul>${held.map(({ path, method, operation }) =>
    `<li><a href="#${anchor(String(operation['operationId']))}"><span class="m ${method}">${method.toUpperCase()}</span> ${text(path)}</a></li>`).join('')}</ul></li>`).join('');

  const sections = byTag.map(({ tag, operations: held }) => `
<section id="tag-${anchor(tag.name)}">
<h2>${text(tag.name)}</h2>
${tag.description === undefined ? '' : `<p>${text(tag.description)}</p>`}
${held.map(({ path, method, operation }) => operationHtml(path, method, operation, schemes, document.components.schemas)).join('\n')}
</section>`).join('\n');

  const schemas = Object.entries(document.components.schemas).map(([name, schema]) => `
<div class="schema" id="schema-${anchor(name)}"><h3>${text(name)}</h3>${describe(schema)}<pre>${typeHtml(schema, '', true)}</pre></div>`).join('');

  const security = Object.entries(schemes).map(([name, scheme]) =>
    `<dt id="security-${anchor(name)}">${text(name)}</dt><dd>${text(String(scheme['scheme'] ?? scheme['type']))} ${text(String(scheme['bearerFormat'] ?? ''))}${describe(scheme)}</dd>`).join('');

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text(document.info.title)} ${text(document.info.version)}</title>
<style>${STYLE}</style>
</head>
<body>
<nav><p><strong>${text(document.info.title)}</strong><br>version ${text(document.info.version)}, OpenAPI ${text(document.openapi)}</p>
<p><a href="${attribute(href)}">The document (JSON)</a></p><ul>${toc}<li><a href="#schemas">Schemas</a></li></ul></nav>
<main>
<h1>${text(document.info.title)}</h1>
${document.info.description === undefined ? '' : paragraphs(document.info.description)}
${security === '' ? '' : `<h2>Security schemes</h2><dl>${security}</dl>`}
${sections}
<section id="schemas"><h2>Schemas</h2>${schemas}</section>
</main>
</body>
</html>
`;
}

function operationHtml(path: string, method: string, operation: JsonSchema, schemes: Record<string, JsonSchema>, schemas: Components): string {
  const parameters = (operation['parameters'] ?? []) as JsonSchema[];
  const body = operation['requestBody'] as JsonSchema | undefined;
  const responses = operation['responses'] as Record<string, JsonSchema>;
  const security = (operation['security'] ?? []) as Record<string, string[]>[];
  const needs = security.flatMap((requirement) => Object.keys(requirement)).filter((name) => schemes[name] !== undefined);
  return `<article id="${anchor(String(operation['operationId']))}">
<h3><span class="m ${method}">${method.toUpperCase()}</span> <code>${text(path)}</code></h3>
${operation['summary'] === undefined ? '' : `<p>${text(String(operation['summary']))}</p>`}
${operation['description'] === undefined ? '' : paragraphs(String(operation['description']))}
<p class="auth">${needs.length === 0 ? 'No credential.' : `Bearer token: ${needs.map((name) => `<a href="#security-${anchor(name)}">${text(name)}</a>`).join(' or ')}.`}</p>
${parameters.length === 0 ? '' : `<table><thead><tr><th>parameter</th><th>in</th><th>type</th><th></th></tr></thead><tbody>${parameters.map((parameter) =>
    `<tr><td><code>${text(String(parameter['name']))}</code>${parameter['required'] === true ? '' : ' <small>optional</small>'}</td><td>${text(String(parameter['in']))}</td><td><code>${typeHtml(parameter['schema'] as JsonSchema, '', false)}</code></td><td>${text(String(parameter['description'] ?? ''))}</td></tr>`).join('')}</tbody></table>`}
${body === undefined ? '' : `<h4>Request body</h4>${contentHtml(body['content'] as Record<string, JsonSchema>, schemas)}`}
<h4>Answers</h4>
<table class="answers"><tbody>${Object.entries(responses).map(([status, response]) =>
    `<tr><th>${text(status)}</th><td><p class="lines">${text(String(response['description'] ?? ''))}</p>${response['content'] === undefined ? '' : contentHtml(response['content'] as Record<string, JsonSchema>, schemas)}</td></tr>`).join('')}</tbody></table>
</article>`;
}

type Components = OpenApiDocument['components']['schemas'];

/**
 * Each media type and its schema; a body that is one named schema (not an error: those are
 * alike and listed once at the end) is shown whole under its name, where the reader is.
 */
function contentHtml(content: Record<string, JsonSchema>, schemas: Components): string {
  return Object.entries(content).map(([mediaType, media]) => {
    const schema = (media['schema'] ?? {}) as JsonSchema;
    const ref = schema['$ref'];
    const named = typeof ref === 'string' ? ref.slice(ref.lastIndexOf('/') + 1) : undefined;
    const whole = named === undefined || named === 'Error' ? undefined : schemas[named];
    // Bytes or text whose schema says nothing but what they are.
    if (!mediaType.includes('json') && schema['type'] === undefined && typeof schema['description'] === 'string') {
      return `<div class="media"><small>${text(mediaType)}</small><p class="lines">${text(schema['description'])}</p></div>`;
    }
    const shown = whole === undefined ? typeHtml(schema, '', true) : `${typeHtml(schema, '', true)} ${typeHtml(whole, '', true)}`;
    return `<div class="media"><small>${text(mediaType)}</small><pre>${shown}</pre></div>`;
  }).join('');
}

/** A schema as a type, in HTML: `{ member?: type  // description }`, `a | b`, `T[]`, named parts linked. */
function typeHtml(schema: JsonSchema, indent: string, multiline: boolean): string {
  const ref = schema['$ref'];
  if (typeof ref === 'string') {
    const name = ref.slice(ref.lastIndexOf('/') + 1);
    return `<a href="#schema-${anchor(name)}">${text(name)}</a>`;
  }
  if (Array.isArray(schema['allOf'])) {
    const parts = schema['allOf'] as JsonSchema[];
    const restrictions = parts.filter((part) => part['$ref'] === undefined && part['properties'] !== undefined && part['type'] === undefined);
    const codes = restrictions.map(enumAtLeaf).filter((values): values is unknown[] => values !== undefined);
    const bases = parts.filter((part) => !restrictions.includes(part));
    const base = bases.map((part) => typeHtml(part, indent, multiline)).join(' &amp; ');
    return codes.length === 0 ? base : `${base} <span class="note">with code ${codes.flat().map((code) => text(String(code))).join(' | ')}</span>`;
  }
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(schema[key])) return (schema[key] as JsonSchema[]).map((part) => typeHtml(part, indent, multiline)).join(' | ');
  }
  if (Array.isArray(schema['enum'])) return (schema['enum'] as unknown[]).map((value) => text(JSON.stringify(value))).join(' | ');
  if ('const' in schema) return text(JSON.stringify(schema['const']));
  const type = schema['type'];
  if (Array.isArray(type)) return type.map((each) => typeHtml({ ...schema, type: each }, indent, multiline)).join(' | ');
  if (type === 'array') return `${typeHtml((schema['items'] ?? {}) as JsonSchema, indent, multiline)}[]${constraints(schema)}`;
  if (type === 'object' || schema['properties'] !== undefined) return objectHtml(schema, indent, multiline);
  if (typeof type === 'string') return `${text(type)}${constraints(schema)}`;
  return 'any';
}

function objectHtml(schema: JsonSchema, indent: string, multiline: boolean): string {
  const properties = Object.entries((schema['properties'] ?? {}) as Record<string, JsonSchema>);
  const required = new Set((schema['required'] ?? []) as string[]);
  const extra = schema['additionalProperties'];
  const rest = extra === false || extra === undefined && properties.length > 0 ? undefined
    : `[key: string]: ${extra === undefined || extra === true ? 'any' : typeHtml(extra as JsonSchema, `${indent}  `, multiline)}`;
  if (properties.length === 0) return `{ ${rest ?? ''} }`;
  const inner = `${indent}  `;
  const lines = properties.map(([name, property]) => {
    const described = property['description'] ?? (property['items'] as JsonSchema | undefined)?.['description'];
    const note = typeof described === 'string' ? ` <span class="note">// ${text(described)}</span>` : '';
    return `${inner}${text(name)}${required.has(name) ? '' : '?'}: ${typeHtml(property, inner, multiline)}${note}`;
  });
  if (rest !== undefined) lines.push(`${inner}${rest}`);
  return multiline ? `{\n${lines.join('\n')}\n${indent}}` : `{ ${lines.map((line) => line.trim()).join(', ')} }`;
}

/** Bounds and patterns worth a reader's eye (not JavaScript's safe-integer range, which every integer has). */
function constraints(schema: JsonSchema): string {
  const notes: string[] = [];
  const minimum = schema['minimum'];
  const maximum = schema['maximum'];
  const safe = (value: unknown) => value === Number.MAX_SAFE_INTEGER || value === Number.MIN_SAFE_INTEGER;
  if (typeof minimum === 'number' && !safe(minimum) || typeof maximum === 'number' && !safe(maximum)) {
    notes.push(`${typeof minimum === 'number' && !safe(minimum) ? minimum : ''}..${typeof maximum === 'number' && !safe(maximum) ? maximum : ''}`);
  }
  for (const [key, label] of [['minLength', 'min length'], ['maxLength', 'max length'], ['minItems', 'min items'], ['maxItems', 'max items'], ['pattern', 'pattern'], ['format', 'format'], ['default', 'default']] as const) {
    if (schema[key] !== undefined) notes.push(`${label} ${typeof schema[key] === 'string' && key !== 'pattern' && key !== 'format' ? JSON.stringify(schema[key]) : String(schema[key])}`);
  }
  return notes.length === 0 ? '' : ` <span class="note">(${text(notes.join(', '))})</span>`;
}

function enumAtLeaf(schema: JsonSchema): unknown[] | undefined {
  if (Array.isArray(schema['enum'])) return schema['enum'] as unknown[];
  const properties = schema['properties'] as Record<string, JsonSchema> | undefined;
  const only = properties === undefined ? undefined : Object.values(properties);
  return only?.length === 1 ? enumAtLeaf(only[0]!) : undefined;
}

function describe(schema: JsonSchema): string {
  return typeof schema['description'] === 'string' ? paragraphs(schema['description']) : '';
}

function paragraphs(value: string): string {
  return value.split(/\n{2,}/).map((paragraph) => `<p class="lines">${text(paragraph)}</p>`).join('');
}

function anchor(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, '-');
}

function text(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attribute(value: string): string {
  return text(value).replace(/"/g, '&quot;');
}

const STYLE = `
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1d2330;display:flex}
nav{position:sticky;top:0;height:100vh;overflow:auto;width:19rem;flex:none;padding:1rem;box-sizing:border-box;background:#f3f5f8;border-right:1px solid #d9dee6;font-size:13px}
nav ul{list-style:none;padding-left:.6rem;margin:.2rem 0}
main{padding:1rem 2rem 4rem;max-width:62rem;min-width:0;flex:1}
a{color:#1f5fbf;text-decoration:none}a:hover{text-decoration:underline}
h2{border-bottom:1px solid #d9dee6;padding-bottom:.2rem;margin-top:2.5rem}
article{border:1px solid #d9dee6;border-radius:6px;padding:.2rem 1rem .8rem;margin:1rem 0}
article h3 code{font-size:1rem}
h4{margin:.8rem 0 .3rem}
pre{background:#f7f8fa;border:1px solid #e4e7ec;border-radius:4px;padding:.5rem .7rem;white-space:pre-wrap;overflow-wrap:anywhere;font-size:12.5px;margin:.2rem 0}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
table{border-collapse:collapse;width:100%;font-size:13.5px;table-layout:fixed}
td{overflow-wrap:anywhere}
th,td{border-top:1px solid #e4e7ec;padding:.3rem .5rem;text-align:left;vertical-align:top}
table.answers th{width:3.5rem}
.m{display:inline-block;min-width:3.6rem;text-align:center;border-radius:3px;color:#fff;font:600 11px/1.7 ui-monospace,monospace}
.get{background:#2f7d32}.post{background:#1f5fbf}.put{background:#a0610d}.patch{background:#7a4bb5}.delete{background:#b3261e}
.note{color:#667085}.auth{color:#475467;font-size:13.5px}.lines{white-space:pre-line;margin:.2rem 0}
.media small{color:#475467}
`;
