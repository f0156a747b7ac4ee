import { defineConfig } from 'vitest/config';

// One root config so `pnpm test` runs every package from source, without a build.
export default defineConfig({
  test: {
    projects: ['packages/*', 'bench'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
