// The vitest settings every workspace package shares: its tests under test/, a JSON report for
// the summary of `pnpm test`, and time limits that a busy machine does not reach. Each
// vitest.config.ts imports this file by path: vitest loads what a config imports from
// node_modules without compiling TypeScript.
import { defineConfig, type ViteUserConfig } from 'vitest/config';

/**
 * A test's time limit guards against a hang; it is not a speed test. The slowest tests take about
 * 6 s on an idle machine (with the other test files of their package running beside them): 120 s
 * is twenty times that. A test that needs longer runs fewer cases in CI, more under `pnpm fuzz`.
 */
export const TEST_TIMEOUT_MS = 120_000;

/** The shared settings, with `test` replacing any of them. */
export const packageTestConfig = (test: ViteUserConfig['test'] = {}) =>
  defineConfig({
    test: {
      include: ['test/**/*.test.ts'],
      reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
      testTimeout: TEST_TIMEOUT_MS,
      hookTimeout: TEST_TIMEOUT_MS,
      ...test,
    },
  });
