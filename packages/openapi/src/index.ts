export { buildOpenApiDocument, serializeDocument, openApiPath, operationIdOf, OPENAPI_VERSION, type OpenApiDocument, type OpenApiOptions, type ErrorShape } from './document.js';
export { jsonSchemaOf, isZodSchema, type JsonSchema, type SchemaIo } from './json-schema.js';
export { renderReferencePage, type ReferencePageOptions } from './reference-page.js';
export { RouteCatalogue, type DocumentedRoute } from './route-catalogue.js';
export { documentRoutes, type ErrorAnswer, type RouteDoc, type SecurityRequirements } from './route-docs.js';
export { openApiRoutes, DOCUMENT_PATH, PAGE_PATH, PAGE_CONTENT_SECURITY_POLICY, type OpenApiRoutesOptions } from './serve.js';
