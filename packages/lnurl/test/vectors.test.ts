// Every LNURL vector: strict by default; `interop` forms only with { lenient: true }.

import data from 'test-support/vectors/lnurl/cases.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import * as lnurl from '../src/index.js';
import { LnurlError } from '../src/index.js';
import { type LnurlCase, runVector } from './helpers/run-vector.js';

type Case = LnurlCase;

const run = (c: Case, lenient: boolean) => runVector(lnurl, c, lenient);

const failure = async (c: Case, lenient: boolean): Promise<LnurlError> => {
  try {
    await run(c, lenient);
  } catch (error) {
    if (error instanceof LnurlError) return error;
    throw error;
  }
  throw new Error(`${c.id} did not fail`);
};

describe('LNURL vectors', () => {
  for (const c of data.cases as Case[]) {
    const interop = c.level === 'interop';
    it(`${c.id} (${c.level}, ${c.op})`, async () => {
      if (c.error) {
        const error = await failure(c, false);
        expect(error.code).toBe(c.error);
        if (c.expect_reason) expect(error.reason).toBe(c.expect_reason);
        if (c.lenient_expect) expect(await run(c, true)).toMatchObject(c.lenient_expect);
        return;
      }
      if (interop) {
        expect((await failure(c, false)).code).toBe('non-standard-form');
        expect(await run(c, true)).toMatchObject(c.expect as object);
        return;
      }
      const result = await run(c, false);
      expect(result).toMatchObject(c.expect as object);
      if (c.op === 'lud13-message') expect(result.same).toBe(true);
    });
  }
});
