// The conventions of checkProperty: fixed runs in tests, saved and replayed counterexamples under
// `pnpm fuzz`.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { checkProperty, runOptions } from './property.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'property-'));
  vi.spyOn(process, 'cwd').mockReturnValue(dir);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

it('uses the fixed seed and count outside fuzzing', () => {
  vi.stubEnv('FUZZ_RUNS', '');
  expect(runOptions('x', { seed: 7, numRuns: 30 })).toMatchObject({
    seed: 7,
    numRuns: 30,
    fuzzing: false,
  });
});

it('fuzzes longer with another seed, saves the shrunk counterexample, and replays it after', () => {
  vi.stubEnv('FUZZ_RUNS', '20');
  const below100 = fc.property(fc.integer({ min: 0, max: 10_000 }), (n) => n < 100);
  expect(() => checkProperty('below-100', below100, { seed: 1, numRuns: 50 })).toThrow(
    /Saved as a regression/,
  );
  const saved = JSON.parse(
    readFileSync(join(dir, 'test', 'regressions', 'below-100.json'), 'utf8'),
  );
  expect(saved).toHaveLength(1);
  expect(saved[0].example).toEqual([100]); // shrunk to the smallest failing input

  // Back in plain tests, the saved input runs first: a property whose own draws never reach it
  // (0 to 99 only) still fails on it.
  vi.stubEnv('FUZZ_RUNS', '');
  const never = fc.property(fc.integer({ min: 0, max: 99 }), (n) => n < 100);
  expect(() => fc.assert(never, { seed: 1, numRuns: 1000 })).not.toThrow();
  expect(() => checkProperty('below-100', never, { seed: 1, numRuns: 1 })).toThrow(
    /Counterexample: \[100\]/,
  );
});

it('refuses names that are not file-safe', () => {
  expect(() => runOptions('../x', { seed: 1, numRuns: 1 })).toThrow(/property name/);
});
