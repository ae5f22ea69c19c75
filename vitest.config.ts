import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@shared': resolve('shared') } },
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    testTimeout: 60_000,
    // Shared 2-core machines: a UI poll waits for thumbnails and imports, not for a fixed 1 s.
    expect: { poll: { timeout: 20_000, interval: 100 } },
    hookTimeout: 120_000,
    pool: 'forks',
    // Two cores: the e2e files start Chromium; running them beside the sharp-heavy suites only slows both.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
