/**
 * The coordinator's console (packages/console), served at `/console/` over the API's own
 * port and TLS: its built page and assets, read once at start into memory (with their gzip
 * form) from the console package's `dist/`. The page talks to this API only, with the
 * administrator's session; nothing it needs comes from anywhere else, and its content
 * security policy says so to the browser. A switch whose console was not built answers 404
 * at `/console/` and says how to build it.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CletsError } from '@clets/protocol';
import { errorResponses, withZod } from '../http-contract.js';

/** Where the console's build is in this repository's layout, from src/ (tests) and dist/ alike. */
export const DEFAULT_CONSOLE_DIR = fileURLToPath(new URL('../../../../console/dist/page', import.meta.url));

/** The page runs its own script, style and fetches only: nothing inline, nothing from elsewhere. */
export const CONSOLE_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.json': 'application/json; charset=utf-8', '.txt': 'text/plain; charset=utf-8',
};

interface Asset {
  readonly type: string;
  readonly body: Buffer;
  readonly gzip: Buffer | undefined;
  readonly etag: string;
}

export interface ConsoleRoutesOptions {
  /** The console's built files (index.html and assets/); default: DEFAULT_CONSOLE_DIR. */
  readonly dir?: string;
}

/** Every file of a built console, by its path under `/console/`. */
export function loadConsoleAssets(dir: string): Map<string, Asset> | undefined {
  if (!existsSync(join(dir, 'index.html'))) return undefined;
  const assets = new Map<string, Asset>();
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) { walk(path); continue; }
      const type = TYPES[extname(name)];
      if (type === undefined) continue;
      const body = readFileSync(path);
      const gzip = body.length > 1024 && !type.startsWith('image/png') ? gzipSync(body, { level: 9 }) : undefined;
      assets.set(relative(dir, path).split(sep).join('/'), { type, body, gzip, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` });
    }
  };
  walk(dir);
  return assets;
}

export const consoleRoutes: FastifyPluginAsync<ConsoleRoutesOptions> = async (fastify, options) => {
  const app = withZod(fastify);
  const dir = options.dir ?? DEFAULT_CONSOLE_DIR;
  const assets = loadConsoleAssets(dir);

  const serve = (request: FastifyRequest, reply: FastifyReply, path: string): FastifyReply => {
    if (assets === undefined) throw new CletsError('CLETS_ERR_NOT_FOUND', `the console is not built (no ${join(dir, 'index.html')}): run pnpm build`);
    const asset = assets.get(path);
    if (asset === undefined) throw new CletsError('CLETS_ERR_NOT_FOUND', `no console file ${path}`);
    void reply
      .header('content-type', asset.type)
      .header('etag', asset.etag)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      // The page is small and names its assets by content hash: the page is checked each time, an asset never again.
      .header('cache-control', path.startsWith('assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
    if (asset.type.startsWith('text/html')) void reply.header('content-security-policy', CONSOLE_CSP);
    if (request.headers['if-none-match'] === asset.etag) return reply.status(304).send();
    const acceptsGzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    void reply.header('vary', 'accept-encoding');
    if (asset.gzip !== undefined && acceptsGzip) return reply.header('content-encoding', 'gzip').send(asset.gzip);
    return reply.send(asset.body);
  };

  const page = { 200: { content: { 'text/html': { schema: z.string().describe('the console\'s page') } } }, ...errorResponses };

  // Only a convenience for a typed address: left out of the API's document (one operation per page).
  app.get('/console', { schema: { hide: true, summary: 'The console: redirects to /console/', response: { 302: z.null().describe('to /console/'), ...errorResponses } } },
    async (_request, reply) => reply.redirect('/console/', 302));

  app.get('/console/', { schema: { summary: 'The coordinator\'s console (a page for the browser)', errors: ['CLETS_ERR_NOT_FOUND'], response: page } },
    async (request, reply) => serve(request, reply, 'index.html'));

  app.get('/console/assets/:file', {
    schema: {
      summary: 'A script, style sheet or image of the console', errors: ['CLETS_ERR_NOT_FOUND'],
      params: z.strictObject({ file: z.string().regex(/^[A-Za-z0-9._-]+$/, 'a file name') }),
      response: { 200: { content: { '*/*': { schema: z.string() } } }, ...errorResponses },
    },
  }, async (request, reply) => serve(request, reply, `assets/${request.params.file}`));
};
