// The shared contract of test-support/outcome.ts, bound to this package: a result, or a
// well-formed LnurlError (a listed code, a safe message, a span inside the input).
import {
  type ErrorContract,
  asyncOutcomeOf as sharedAsyncOutcomeOf,
  expectNoPollution as sharedExpectNoPollution,
  outcomeOf as sharedOutcomeOf,
} from 'test-support/outcome';
import { expect } from 'vitest';
import { LNURL_ERROR_CODES, LnurlError } from '../../src/index.js';

export const LNURL: ErrorContract = { type: LnurlError, codes: LNURL_ERROR_CODES };

/** Nothing written to Object.prototype, not even the `mandatory` of a hostile `payerData`. */
export const expectNoPollution = (): void => {
  sharedExpectNoPollution();
  expect(({} as Record<string, unknown>).mandatory).toBeUndefined();
};

/** What `run` gives: its result, or the LnurlError it threw (checked against `input`). */
export const outcomeOf = <T>(run: () => T, input?: string): T | LnurlError =>
  sharedOutcomeOf(run, LNURL, input) as T | LnurlError;

/** Like `outcomeOf`, for the flows. */
export const asyncOutcomeOf = <T>(run: () => Promise<T>): Promise<T | LnurlError> =>
  sharedAsyncOutcomeOf(run, LNURL) as Promise<T | LnurlError>;
