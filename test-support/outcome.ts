// The contract every package's functions keep on any input, for the tests of all of them: a
// result, or one of the package's own errors — a known code, a message with no unsafe character,
// a span inside the input — and nothing written to Object.prototype. TypeError and RangeError are
// for a caller's mistakes only, with a message of ours.
import { expect } from 'vitest';

/**
 * The characters no message may show as they are, written down here apart from the libraries
 * (which test-support does not import): C0 and C1 controls, DEL, U+2028/U+2029, lone surrogates;
 * the bidirectional controls U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069; the invisible
 * U+00AD, U+180E, U+200B, U+2060–U+206F, U+3164, U+FEFF and the tag characters U+E0000–U+E007F.
 */
export const isUnsafe = (codePoint: number): boolean => {
  const c = codePoint;
  return (
    c < 0x20 ||
    (c >= 0x7f && c <= 0x9f) ||
    c === 0xad ||
    c === 0x61c ||
    c === 0x180e ||
    c === 0x200b ||
    c === 0x200e ||
    c === 0x200f ||
    (c >= 0x2028 && c <= 0x202e) ||
    (c >= 0x2060 && c <= 0x206f) ||
    c === 0x3164 ||
    (c >= 0xd800 && c <= 0xdfff) ||
    c === 0xfeff ||
    (c >= 0xe0000 && c <= 0xe007f)
  );
};

/** The first unsafe character of `text` as `U+XXXX at i`, or undefined when there is none. */
export const firstUnsafe = (text: string): string | undefined => {
  let i = 0;
  for (const char of text) {
    const c = char.codePointAt(0) as number;
    if (isUnsafe(c)) return `U+${c.toString(16).toUpperCase().padStart(4, '0')} at ${i}`;
    i += char.length;
  }
  return undefined;
};

/** Fails when `text` (a message, or what a command printed) holds an unsafe character. */
export const expectSafeText = (text: string, what = 'message'): void => {
  expect(firstUnsafe(text), `${what}: ${JSON.stringify(text.slice(0, 200))}`).toBeUndefined();
};

/** The names on Object.prototype, to compare before and after: nothing may add one. */
export const prototypeNames = (): string[] => Object.getOwnPropertyNames(Object.prototype).sort();
const PROTOTYPE = prototypeNames();

/** Fails when anything was written to Object.prototype (a key, or a polluted value). */
export const expectNoPollution = (): void => {
  expect(prototypeNames()).toEqual(PROTOTYPE);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
};

/** What a package's error class looks like to its tests. */
export interface ErrorContract {
  /** The class, e.g. `UriError`. */
  readonly type: abstract new (
    ...args: never[]
  ) => Error;
  /** Every code the class may carry. */
  readonly codes: readonly string[];
}

/**
 * Checks that `error` is one of the package's own errors, well formed for `input`: a listed code,
 * a safe message, a span inside the input. Rethrows anything else, so that a foreign exception
 * fails the test with its own stack.
 */
export const expectOwnError = (
  error: unknown,
  contract: ErrorContract,
  input?: string,
): Error & { code: string; span?: readonly [number, number] | undefined } => {
  if (!(error instanceof contract.type)) throw error;
  const own = error as Error & { code: string; span?: readonly [number, number] | undefined };
  expect(contract.codes).toContain(own.code);
  expect(typeof own.message).toBe('string');
  expectSafeText(own.message);
  if (own.span !== undefined) {
    const [start, end] = own.span;
    expect(input, 'a span needs an input').toBeDefined();
    expect(
      Number.isInteger(start) && 0 <= start && start <= end && end <= (input as string).length,
      `${own.code} [${start}, ${end})`,
    ).toBe(true);
  }
  return own;
};

/** What `run` gives: its result, or the package's own error it threw (checked for `input`). */
export const outcomeOf = <T>(
  run: () => T,
  contract: ErrorContract,
  input?: string,
): T | (Error & { code: string }) => {
  try {
    return run();
  } catch (error) {
    return expectOwnError(error, contract, input);
  }
};

/** Like `outcomeOf`, for asynchronous work. */
export const asyncOutcomeOf = async <T>(
  run: () => Promise<T>,
  contract: ErrorContract,
  input?: string,
): Promise<T | (Error & { code: string })> => {
  try {
    return await run();
  } catch (error) {
    return expectOwnError(error, contract, input);
  }
};

/** The code of the error `run` throws (any error with a string `code`), or `'ok'`. */
export const codeOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === 'string') return code;
    throw error;
  }
  return 'ok';
};
