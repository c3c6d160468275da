import { defineConfig } from 'vitest/config';

// Test legs (see tests/run-all.ts, which `npm test` runs):
//   unit — pure logic beside the code (src, server, layers, data)
//   api  — HTTP API against a real database (embedded PGlite or TEST_DATABASE_URL)
//   e2e  — the built app in headless Chromium
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'server/**/*.test.ts', 'layers/**/*.test.ts', 'data/**/*.test.ts', 'tests/property/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'api',
          include: ['tests/api/**/*.test.ts'],
          globalSetup: ['tests/api/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
