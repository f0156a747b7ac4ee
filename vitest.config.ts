import { defineConfig } from 'vitest/config';

// One root config so `pnpm test` runs every package from source. Each project sets its own
// timeouts (projects do not inherit the root's test options); the global setup compiles the
// workspace first, because the tests that start real processes run the compiled services.
export default defineConfig({
  test: {
    globalSetup: ['./vitest.global-setup.ts'],
    projects: ['packages/*', 'bench', 'scripts'],
  },
});
