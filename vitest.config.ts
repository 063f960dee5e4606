import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@': path.resolve(__dirname) } },
  test: {
    include: ['engine/**/*.test.ts', 'lib/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    // Starts PostgreSQL only when GRAINLINE_TEST_DATABASE=postgresql (the API suites' second run).
    globalSetup: ['tests/support/vitest-postgres.ts'],
    testTimeout: 30_000,
    hookTimeout: 180_000,
    // API integration suites each start a real server; two cores do not like more than two.
    maxWorkers: 2,
  },
});
