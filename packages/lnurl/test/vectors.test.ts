// Every LNURL vector: strict by default; `interop` forms only with { lenient: true }. The cases
// that name a code renamed since are read with ours (test-support/lnurl-vectors.ts).

import { LNURL_CASES, RENAMED_CODE } from 'test-support/lnurl-vectors';
import { expectOwnError } from 'test-support/outcome';
import { describe, expect, it } from 'vitest';
import type { LnurlError } from '../src/index.js';
import * as lnurl from '../src/index.js';
import { LNURL } from './helpers/outcome.js';
import { type LnurlCase, runVector } from './helpers/run-vector.js';

type Case = LnurlCase;

const run = (c: Case, lenient: boolean) => runVector(lnurl, c, lenient);

const failure = async (c: Case, lenient: boolean): Promise<LnurlError> => {
  try {
    await run(c, lenient);
  } catch (error) {
    const input = typeof c.input === 'string' ? c.input : undefined;
    return expectOwnError(error, LNURL, input) as LnurlError;
  }
  throw new Error(`${c.id} did not fail`);
};

describe('LNURL vectors', () => {
  it('rename only codes the package no longer has, each to one it has', () => {
    for (const [old, ours] of Object.entries(RENAMED_CODE)) {
      expect(lnurl.LNURL_ERROR_CODES).not.toContain(old);
      expect(lnurl.LNURL_ERROR_CODES).toContain(ours);
    }
    for (const c of LNURL_CASES)
      if (c.error !== undefined) expect(lnurl.LNURL_ERROR_CODES, c.id).toContain(c.error);
  });

  for (const c of LNURL_CASES) {
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
