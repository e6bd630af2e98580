// The contract of every function of the package on hostile input: a result, or a well-formed
// LnurlError; TypeError or RangeError only for a caller's mistake, with a message of ours.
import { expect } from 'vitest';
import { LNURL_ERROR_CODES, LnurlError } from '../../src/index.js';

/** The names on Object.prototype, to compare before and after: nothing may add one. */
export const prototypeNames = (): string[] => Object.getOwnPropertyNames(Object.prototype).sort();
const PROTOTYPE = prototypeNames();

/** Fails when anything was written to Object.prototype (a key, or a polluted value). */
export const expectNoPollution = (): void => {
  expect(prototypeNames()).toEqual(PROTOTYPE);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).mandatory).toBeUndefined();
};

/**
 * Checks that `error` is an LnurlError with a listed code and, when it has one, a span inside
 * `input`; rethrows anything else (a foreign exception fails the property with its own stack).
 */
export const expectLnurlError = (error: unknown, input?: string): LnurlError => {
  if (!(error instanceof LnurlError)) throw error;
  expect(error.name).toBe('LnurlError');
  expect(LNURL_ERROR_CODES).toContain(error.code);
  expect(typeof error.message).toBe('string');
  if (error.span) {
    const [start, end] = error.span;
    expect(input, 'a span needs an input').toBeDefined();
    expect(
      0 <= start && start <= end && end <= (input as string).length,
      `${error.code} [${start}, ${end})`,
    ).toBe(true);
  }
  return error;
};

/** What `run` gives: its result, or the LnurlError it threw (checked against `input`). */
export const outcomeOf = <T>(run: () => T, input?: string): T | LnurlError => {
  try {
    return run();
  } catch (error) {
    return expectLnurlError(error, input);
  }
};

/** Like `outcomeOf`, for the flows. */
export const asyncOutcomeOf = async <T>(run: () => Promise<T>): Promise<T | LnurlError> => {
  try {
    return await run();
  } catch (error) {
    return expectLnurlError(error);
  }
};
