import { defineProject } from 'vitest/config';
import { sourceResolution } from '../../vitest.shared.js';

export default defineProject({
  ...sourceResolution,
  test: { name: '@clets/backends', include: ['src/**/*.test.ts', 'bench/**/*.test.ts'], testTimeout: 30_000, hookTimeout: 30_000 },
});
