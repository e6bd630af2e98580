// The contract of every parser on any input: a result, or a well-formed UriError. Shared by the
// hostile-input tests and the property tests.
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

/** Control, bidirectional and invisible characters: none may reach a message unescaped. */
const isUnsafe = (c: number) =>
  c < 0x20 ||
  (c >= 0x7f && c <= 0x9f) ||
  [0xad, 0x61c, 0xfeff].includes(c) ||
  (c >= 0x200b && c <= 0x200f) ||
  (c >= 0x2028 && c <= 0x202e) ||
  (c >= 0x2060 && c <= 0x2069);
const hasUnsafe = (text: string) => Array.from(text, (c) => c.charCodeAt(0)).some(isUnsafe);

/** The names on Object.prototype, to compare before and after: parsing must not add any. */
export const prototypeNames = (): string[] => Object.getOwnPropertyNames(Object.prototype).sort();

/**
 * Checks that `error` is what a parser may throw for `input`: a UriError with a listed code, a
 * message safe for a terminal and a span inside the input. Rethrows anything else.
 */
export const expectUriError = (error: unknown, input: string): UriError => {
  if (!(error instanceof UriError)) throw error;
  expect(error.name).toBe('UriError');
  expect(URI_ERROR_CODES).toContain(error.code);
  expect(hasUnsafe(error.message), error.message).toBe(false);
  if (error.span) {
    const [start, end] = error.span;
    expect(
      Number.isInteger(start) && 0 <= start && start <= end && end <= input.length,
      `${error.code} [${start}, ${end})`,
    ).toBe(true);
  }
  return error;
};

/** What `parse` gives for `input`: its result, or the UriError it threw (checked). */
export const outcomeOf = <T>(parse: (s: string) => T, input: string): T | UriError => {
  try {
    return parse(input);
  } catch (error) {
    return expectUriError(error, input);
  }
};

/** Runs every parser on `input`: each returns, or throws a well-formed UriError. */
export const survives = (input: string): void => {
  for (const parse of Object.values(PARSERS)) outcomeOf(parse, input);
};
