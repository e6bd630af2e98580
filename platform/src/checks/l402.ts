// @lninvoice/l402 on its vectors (test-support/vectors/l402/cases.json), run by the package's own
// vector helpers, the way its vectors.test.ts runs them: challenges (the invoice decoded and its
// signature verified), credentials read and written back, preimages checked. `got` is what each
// call returned or the error it threw.
import * as l402 from '@lninvoice/l402';
import { type L402Case, meets, runCase } from '../../../packages/l402/test/helpers/vectors.js';
import { attempt, type Result } from '../view.js';

export type { L402Case };

export const check = async (cases: readonly L402Case[]): Promise<Result[]> =>
  cases.map((c) => {
    let outcome: { value: unknown } | { error: { code?: unknown; span?: unknown } };
    try {
      outcome = { value: runCase(l402, c) };
    } catch (error) {
      outcome = { error: error as { code?: unknown; span?: unknown } };
    }
    return { id: c.id, pass: meets(c, outcome), got: attempt(() => runCase(l402, c)) };
  });
