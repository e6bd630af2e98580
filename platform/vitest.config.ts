import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
    // Bundling and starting Chromium take a few seconds on a busy machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
