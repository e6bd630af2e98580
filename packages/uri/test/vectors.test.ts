// Every case of the URI vectors (test/vectors/cases.json) is a test: `spec`, `spec-derived` and
// `impl` cases give exactly their expected fields or fail with their error code (renamed to ours
// by test-support/uri-vectors.ts, which also lists the cases whose placeholder address or `lno`
// value is refused, or left out with a warning); `interop` cases are refused by default and pass
// with { lenient: true }. BIP 321's examples are also read with valid addresses in place of their
// placeholders, exactly as the file says.

import { encodeBolt12, type Offer } from '@lninvoice/bolt12';
import {
  BIP321_PLACEHOLDERS,
  URI_VECTOR_CODES,
  URI_VECTOR_REFUSED,
  URI_VECTOR_WARNED,
  withValidAddresses,
} from 'test-support/uri-vectors';
import vectors from 'test-support/vectors/uri/cases.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import * as uri from '../src/index.js';
import {
  type Input,
  normalizeBolt12,
  type ParseOptions,
  parseInput,
  UriError,
} from '../src/index.js';
import {
  expectedCode,
  expectedFields,
  expectedValue,
  fieldsOf,
  refusalCode,
  runCase,
  type UriCase,
} from './helpers/vectors.js';

type Case = UriCase;
const cases = vectors.cases as Case[];

/** parseInput reads bitcoin: and lightning: URIs with parseUri. */
const isPaymentUri = (c: Case) => c.op === 'parse' && /^(bitcoin|lightning):/i.test(c.input);
const viaParseInput = (c: Case, options: ParseOptions) => parseInput(c.input, options);

const run = (c: Case, options: ParseOptions): Input | string => runCase(uri, c, options);

const expectFields = (result: Input | string, expected: Record<string, unknown>) => {
  const fields = fieldsOf(result);
  for (const [name, value] of Object.entries(expected)) {
    expect(Object.keys(fields), `the vector field ${name} is read`).toContain(name);
    expect(fields[name], name).toEqual(expectedValue(name, value));
  }
};

const expectError = (c: Case, options: ParseOptions, code: string, parse = run) => {
  let thrown: unknown;
  try {
    parse(c, options);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(UriError);
  expect((thrown as UriError).code).toBe(code);
  const span = (thrown as UriError).span;
  if (span) expect(span[0] <= span[1] && span[1] <= c.input.length).toBe(true);
  // A case refused for its placeholder or its offer is refused there: what comes before it reads
  // as the file says.
  const at = refusedAt(c);
  if (at !== undefined) expect(span?.[0]).toBeGreaterThanOrEqual(at);
};

/** Where the placeholder address (or else the offer) of a refused case starts. */
const refusedAt = (c: Case): number | undefined => {
  if (URI_VECTOR_REFUSED[c.id] === undefined) return undefined;
  const lower = c.input.toLowerCase();
  const placeholders = Object.keys(BIP321_PLACEHOLDERS)
    .map((p) => lower.indexOf(p.toLowerCase()))
    .filter((i) => i >= 0);
  return placeholders.length > 0 ? Math.min(...placeholders) : lower.indexOf('lno=') + 4;
};

/** The case with valid addresses in place of BIP 321's placeholders, and its expectation so. */
const withValid = (c: Case): Case => JSON.parse(withValidAddresses(JSON.stringify(c))) as Case;
const hasPlaceholder = (c: Case) => withValidAddresses(c.input) !== c.input;

/** The extra facts some cases carry about the values inside a URI. */
const expectExtras = (c: Case, result: Input | string) => {
  const uri = result as Extract<Input, { kind: 'bitcoin-uri' }>;
  if (c.lno_normalized && uri.lno.length > 0) {
    expect(normalizeBolt12(uri.lno[0] as string)).toBe(c.lno_normalized);
    expect(encodeBolt12(uri.offers[0] as Offer)).toBe(c.lno_normalized);
  }
  const lightning = () =>
    parseInput(uri.lightning[0] as string) as { url?: string; amountMsat?: bigint };
  if (c.lightning_lnurl_url) expect(lightning().url).toBe(c.lightning_lnurl_url);
  if (c.invoice_amount_msat) expect(lightning().amountMsat).toBe(BigInt(c.invoice_amount_msat));
};

describe.each(['spec', 'spec-derived', 'impl'] as const)('%s cases', (level) => {
  it.each(cases.filter((c) => c.level === level).map((c) => [c.id, c] as const))('%s', (_, c) => {
    const code = expectedCode(c);
    if (code !== undefined) {
      expectError(c, {}, code);
      if (isPaymentUri(c)) expectError(c, {}, code, viaParseInput);
      if (c.lenient_expect) expectFields(run(c, { lenient: true }), c.lenient_expect);
      return;
    }
    const result = run(c, {});
    expectFields(result, expectedFields(c));
    // The parts left out, each a warning; none for the rest.
    if (fieldsOf(result).kind === 'bitcoin-uri')
      expect(fieldsOf(result).warnings).toEqual(URI_VECTOR_WARNED[c.id] ?? []);
    expectExtras(c, result);
    // Lenient mode only adds forms; it never changes what a spec form means.
    expect(run(c, { lenient: true })).toEqual(result);
    if (isPaymentUri(c)) expect(parseInput(c.input)).toEqual(result);
  });
});

describe('BIP 321 examples, with valid addresses in place of their placeholders', () => {
  it.each(cases.filter((c) => c.error === undefined && hasPlaceholder(c)).map((c) => [c.id, c]))(
    '%s reads as the file says',
    (_, c) => {
      const valid = withValid(c as Case);
      const result = run(valid, {});
      expectFields(result, valid.expect ?? {});
      expect(fieldsOf(result).warnings).toEqual([]);
    },
  );
});

describe('interop cases', () => {
  it.each(cases.filter((c) => c.level === 'interop').map((c) => [c.id, c] as const))(
    '%s is refused by default and passes with { lenient: true }',
    (_, c) => {
      let strict: unknown;
      try {
        strict = run(c, {});
      } catch (error) {
        expect(error).toBeInstanceOf(UriError);
        strict = error;
      }
      // A bitcoin: URI is read without the part no spec defines, and warns of it.
      expect(refusalCode(strict)).toBe(expectedCode(c));
      const result = run(c, { lenient: true });
      expectFields(result, c.expect ?? {});
      expectExtras(c, result);
    },
  );
});

describe('the vector file', () => {
  it('holds the cases this suite was written for, each with an expectation', () => {
    const count = (level: string) => cases.filter((c) => c.level === level).length;
    expect([count('spec'), count('spec-derived'), count('impl'), count('interop')]).toEqual([
      50, 5, 17, 4,
    ]);
    for (const c of cases) expect(c.error !== undefined || c.expect !== undefined, c.id).toBe(true);
  });

  it('names codes that are ours, once renamed', () => {
    for (const c of cases) {
      const code = expectedCode(c);
      if (code !== undefined) expect(uri.URI_ERROR_CODES, c.id).toContain(code);
    }
    // Every renamed code is one the file uses: the table holds no stale entry.
    for (const old of Object.keys(URI_VECTOR_CODES))
      expect(
        cases.some((c) => c.error === old),
        old,
      ).toBe(true);
    // Every refused or warned case is one the file expects to parse, with a placeholder address
    // or an lno value.
    for (const id of [...Object.keys(URI_VECTOR_REFUSED), ...Object.keys(URI_VECTOR_WARNED)]) {
      const c = cases.find((k) => k.id === id) as Case;
      expect(c?.error, id).toBeUndefined();
      expect(hasPlaceholder(c) || /[?&]lno=/i.test(c.input), id).toBe(true);
    }
    // Every placeholder is one the file holds.
    for (const placeholder of Object.keys(BIP321_PLACEHOLDERS))
      expect(cases.some((c) => c.input.toLowerCase().includes(placeholder.toLowerCase()))).toBe(
        true,
      );
  });
});
