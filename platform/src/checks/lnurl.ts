// @lninvoice/lnurl on its vectors (test-support/vectors/lnurl/cases.json), run by the package's own
// vector runner, the way its vectors.test.ts runs them: strict by default, `interop` forms only
// with { lenient: true }. `got` is what each call returned or the error it threw.
import * as lnurl from '@lninvoice/lnurl';
import { type LnurlCase, runVector } from '../../../packages/lnurl/test/helpers/run-vector.js';
import { attemptAsync, codeOf, matches, type Plain, type Result } from '../view.js';

export type { LnurlCase };

const run = (c: LnurlCase, lenient: boolean) => runVector(lnurl, c, lenient);

/** Whether the outcomes meet the case: its error (and lenient result), or its expected fields. */
const meets = (c: LnurlCase, strict: Result['got'], lenient: Result['got']): boolean => {
  const value = (outcome: Plain) => (outcome as { value?: Plain }).value;
  const error = (outcome: Plain) => (outcome as { error?: { reason?: Plain } }).error;
  const code = (outcome: Plain) => codeOf(outcome as { value: Plain });
  if (c.op === 'lud13-message' && !matches(value(strict), { same: true })) return false;
  if (c.error !== undefined)
    return (
      code(strict) === c.error &&
      (c.expect_reason === undefined || error(strict)?.reason === c.expect_reason) &&
      (c.lenient_expect === undefined || matches(value(lenient), c.lenient_expect))
    );
  if (c.level === 'interop')
    return code(strict) === 'non-standard-form' && matches(value(lenient), c.expect);
  return matches(value(strict), c.expect);
};

export const check = async (cases: readonly LnurlCase[]): Promise<Result[]> => {
  const results: Result[] = [];
  for (const c of cases) {
    const strict = await attemptAsync(() => run(c, false));
    const lenient = await attemptAsync(() => run(c, true));
    results.push({ id: c.id, pass: meets(c, strict, lenient), got: { strict, lenient } });
  }
  return results;
};
