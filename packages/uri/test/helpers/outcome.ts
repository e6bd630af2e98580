// The contract of every parser on any input: a result, or a well-formed UriError (the checks of
// test-support/outcome.ts, which every package shares). Used by the hostile-input tests and the
// property tests.
import { expectOwnError, outcomeOf as sharedOutcomeOf } from 'test-support/outcome';
import { expect } from 'vitest';
import {
  normalizeBolt12,
  parseInput,
  parseUri,
  URI_ERROR_CODES,
  UriError,
} from '../../src/index.js';

export const PARSERS: Readonly<Record<string, (text: string) => unknown>> = {
  parseUri: (s: string) => parseUri(s),
  'parseUri lenient': (s: string) => parseUri(s, { lenient: true }),
  parseInput: (s: string) => parseInput(s),
  'parseInput lenient': (s: string) => parseInput(s, { lenient: true }),
  normalizeBolt12,
};

/** What a UriError is to the shared checks. */
export const URI_ERRORS = { type: UriError, codes: URI_ERROR_CODES };

/**
 * Checks that `error` is what a parser may throw for `input`: a UriError with a listed code, a
 * message safe for a terminal and a span inside the input. Rethrows anything else.
 */
export const expectUriError = (error: unknown, input: string): UriError => {
  const own = expectOwnError(error, URI_ERRORS, input) as UriError;
  expect(own.name).toBe('UriError');
  return own;
};

/** What `parse` gives for `input`: its result, or the UriError it threw (checked). */
export const outcomeOf = <T>(parse: (s: string) => T, input: string): T | UriError => {
  const outcome = sharedOutcomeOf(() => parse(input), URI_ERRORS, input);
  if (outcome instanceof UriError) expect(outcome.name).toBe('UriError');
  return outcome as T | UriError;
};

/** Runs every parser on `input`: each returns, or throws a well-formed UriError. */
export const survives = (input: string): void => {
  for (const parse of Object.values(PARSERS)) outcomeOf(parse, input);
};
