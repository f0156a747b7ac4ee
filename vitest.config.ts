import { defineConfig } from 'vitest/config';

// One root config so `pnpm test` runs every package from source, without a build. Each
// project sets its own timeouts (projects do not inherit the root's test options).
export default defineConfig({
  test: {
    projects: ['packages/*', 'bench'],
  },
});
