// Property tests with the repository's conventions. In `pnpm test` (and CI) every property runs
// with its fixed seed and bounded count, after replaying the counterexamples saved for it. Under
// `pnpm fuzz` (FUZZ_RUNS set) it runs FUZZ_RUNS times longer with a random seed, and a failing
// input is shrunk and saved to test/regressions/<name>.json, so it stays a test from then on.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { decodeValue, encodeValue } from './values.js';

export interface Bounds {
  /** The seed of `pnpm test`: fixed, so CI is reproducible. */
  readonly seed: number;
  /** Runs in `pnpm test`; `pnpm fuzz` multiplies it. */
  readonly numRuns: number;
}

interface Regression {
  /** Where it was found: seed and shrink path, to replay the whole run. */
  readonly seed: number;
  readonly path: string;
  readonly found: string;
  readonly error: string;
  readonly example: unknown;
}

/** Regression files live with the tests of the package being tested (vitest's working directory). */
const regressionFile = (name: string): string => {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`property name "${name}": use a-z, 0-9 and -`);
  return join(process.cwd(), 'test', 'regressions', `${name}.json`);
};

const savedRegressions = (name: string): Regression[] => {
  const file = regressionFile(name);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Regression[]) : [];
};

const save = (name: string, found: Omit<Regression, 'found'>): string => {
  const file = regressionFile(name);
  const all = [...savedRegressions(name), { ...found, found: new Date().toISOString() }];
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, `${JSON.stringify(all, null, 2)}\n`);
  return file;
};

const fuzzFactor = (): number | undefined => {
  const raw = process.env.FUZZ_RUNS;
  if (raw === undefined || raw === '') return undefined;
  const factor = Number(raw);
  if (!Number.isSafeInteger(factor) || factor < 1)
    throw new Error(`FUZZ_RUNS=${raw}: a positive integer`);
  return factor;
};

/** The options of one run: fixed for tests, random and longer for `pnpm fuzz`. */
export const runOptions = (name: string, bounds: Bounds) => {
  const factor = fuzzFactor();
  const examples = savedRegressions(name).map((r) => decodeValue(r.example));
  const seed =
    factor === undefined
      ? bounds.seed
      : Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
  return { seed, numRuns: bounds.numRuns * (factor ?? 1), examples, fuzzing: factor !== undefined };
};

const report = <Ts>(name: string, details: fc.RunDetails<Ts>, fuzzing: boolean): void => {
  if (!details.failed) return;
  const error = String(details.errorInstance ?? 'property failed');
  let where = '';
  if (fuzzing && details.counterexample !== null) {
    const file = save(name, {
      seed: details.seed,
      path: details.counterexamplePath ?? '',
      error: error.slice(0, 500),
      example: encodeValue(details.counterexample),
    });
    where = `\nSaved as a regression: ${file}`;
  }
  throw new Error(`${fc.defaultReportMessage(details)}${where}`, { cause: details.errorInstance });
};

/** Checks a synchronous property (see the file comment for how its runs are chosen). */
export const checkProperty = <Ts extends [unknown, ...unknown[]]>(
  name: string,
  property: fc.IProperty<Ts>,
  bounds: Bounds,
): void => {
  const { fuzzing, examples, ...options } = runOptions(name, bounds);
  report(name, fc.check(property, { ...options, examples: examples as Ts[] }), fuzzing);
};

/** Checks an asynchronous property, like `checkProperty`. */
export const checkAsyncProperty = async <Ts extends [unknown, ...unknown[]]>(
  name: string,
  property: fc.IAsyncProperty<Ts>,
  bounds: Bounds,
): Promise<void> => {
  const { fuzzing, examples, ...options } = runOptions(name, bounds);
  report(name, await fc.check(property, { ...options, examples: examples as Ts[] }), fuzzing);
};
