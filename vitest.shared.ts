/**
 * What every vitest project shares: tests run the workspace's TypeScript sources. Each
 * @clets package exports a `source` condition (its src/*.ts) before `default` (its compiled
 * dist/*.js); vitest resolves with `source` first, so a test never needs a build and never
 * runs stale compiled code. Vite's own server conditions follow it.
 */
const SOURCE_CONDITIONS = ['source', 'module', 'node', 'development|production'];

export const sourceResolution = {
  resolve: { conditions: SOURCE_CONDITIONS },
  ssr: { resolve: { conditions: SOURCE_CONDITIONS } },
};
