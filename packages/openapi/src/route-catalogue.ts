/**
 * The routes of a fastify app as the document describes them: watched from the app's creation
 * (an `onRoute` hook on the root, so every plugin's routes are seen), read once the app is
 * ready. A route's options are kept, not copied: a hook of a plugin that documents its routes
 * (route-docs.ts) runs after this one and its additions are read too.
 */
import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';

export interface DocumentedRoute {
  readonly method: string;
  /** As fastify writes it, prefix included: `/v1/admin/operators/:id`. */
  readonly url: string;
  readonly schema: FastifySchema | undefined;
}

export class RouteCatalogue {
  readonly #routes: RouteOptions[] = [];

  /** Watches the routes of `app` from now on: call it before any route or plugin is registered. */
  static watch(app: FastifyInstance): RouteCatalogue {
    const catalogue = new RouteCatalogue();
    app.addHook('onRoute', (route) => {
      catalogue.#routes.push(route);
    });
    return catalogue;
  }

  /**
   * Every route seen, in the order they were registered, one per method. HEAD routes are
   * left out: fastify adds one to each GET, answering as the GET does without a body.
   */
  routes(): DocumentedRoute[] {
    return this.#routes.flatMap((route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      return methods.filter((method) => method !== 'HEAD').map((method) => ({ method, url: route.url, schema: route.schema }));
    });
  }
}
