// @lninvoice/uri on its vectors (test-support/vectors/uri/cases.json), read by the package's own
// vector helpers, the way its vectors.test.ts reads them: URIs with parseUri, the rest with
// parseInput; `interop` cases fail by default and pass with { lenient: true }. `got` is what each
// call returned or the error it threw, strict and lenient.
import * as uri from '@lninvoice/uri';
import {
  expectedCode,
  expectedFields,
  expectedValue,
  fieldsOf,
  runCase,
  type UriCase,
} from '../../../packages/uri/test/helpers/vectors.js';
import { attempt, codeOf, equals, type Plain, plain, type Result } from '../view.js';

export type { UriCase };

/** The call's result, and its fields in the vocabulary of the vector file. */
const run = (c: UriCase, lenient: boolean) => {
  const result = runCase(uri, c, { lenient });
  return { result, fields: fieldsOf(result) };
};

/** Whether the outcome's fields hold each expected value. */
const hasFields = (outcome: Plain, expected: Record<string, unknown>): boolean => {
  const fields = ((outcome as { value?: { fields?: Record<string, Plain> } }).value?.fields ??
    {}) as Record<string, Plain>;
  return Object.entries(expected).every(([name, value]) =>
    equals(fields[name] ?? null, plain(expectedValue(name, value))),
  );
};

/** The code of a refusal: thrown, or the first warning of a URI read without the part refused. */
const code = (outcome: Plain) =>
  codeOf(outcome as { value: Plain }) ??
  (outcome as { value?: { fields?: { warnings?: { code?: Plain }[] } } }).value?.fields
    ?.warnings?.[0]?.code;

/**
 * Whether the outcomes meet the case: its error (in our vocabulary: the file keeps the codes it
 * was written with) and lenient result, or its expected fields (less a part read as a warning).
 */
const meets = (c: UriCase, strict: Plain, lenient: Plain): boolean => {
  const error = expectedCode(c);
  if (error !== undefined) {
    const wanted = c.level === 'interop' ? c.expect : c.lenient_expect;
    return code(strict) === error && (wanted === undefined || hasFields(lenient, wanted));
  }
  return hasFields(strict, expectedFields(c));
};

export const check = async (cases: readonly UriCase[]): Promise<Result[]> => {
  const results: Result[] = [];
  for (const c of cases) {
    const strict = attempt(() => run(c, false));
    const lenient = attempt(() => run(c, true));
    results.push({ id: c.id, pass: meets(c, strict, lenient), got: { strict, lenient } });
  }
  return results;
};
