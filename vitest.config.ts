import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Vitest's default on a two-core machine is one worker; many tests here wait on child
    // processes (g2g, Chromium printing, the crash harness), so three keep both cores busy.
    maxWorkers: 3,
    testTimeout: 20_000,
  },
});
