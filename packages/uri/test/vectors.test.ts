// Every case of the URI vectors (test/vectors/cases.json) is a test: `spec`, `spec-derived` and
// `impl` cases give exactly their expected fields or fail with their error code (renamed to ours
// by test-support/uri-vectors.ts, which also lists the cases whose `lno` value is no offer);
// `interop` cases fail by default and pass with { lenient: true }.

import { encodeBolt12, type Offer } from '@lninvoice/bolt12';
import { URI_VECTOR_CODES, URI_VECTOR_REFUSED } from 'test-support/uri-vectors';
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
import { expectedCode, expectedValue, fieldsOf, runCase, type UriCase } from './helpers/vectors.js';

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
  // A case refused for its offer is refused there: what comes before it reads as the file says.
  if (URI_VECTOR_REFUSED[c.id] !== undefined)
    expect(span?.[0]).toBeGreaterThanOrEqual(c.input.indexOf('lno=') + 'lno='.length);
};

/** The extra facts some cases carry about the values inside a URI. */
const expectExtras = (c: Case, result: Input | string) => {
  const uri = result as Extract<Input, { kind: 'bitcoin-uri' }>;
  if (c.lno_normalized) {
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
    expectFields(result, c.expect ?? {});
    expectExtras(c, result);
    // Lenient mode only adds forms; it never changes what a spec form means.
    expect(run(c, { lenient: true })).toEqual(result);
    if (isPaymentUri(c)) expect(parseInput(c.input)).toEqual(result);
  });
});

describe('interop cases', () => {
  it.each(cases.filter((c) => c.level === 'interop').map((c) => [c.id, c] as const))(
    '%s fails by default and passes with { lenient: true }',
    (_, c) => {
      expectError(c, {}, expectedCode(c) as string);
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
    // Every refused case is one the file expects to parse, with an lno value.
    for (const id of Object.keys(URI_VECTOR_REFUSED)) {
      const c = cases.find((k) => k.id === id);
      expect(c?.error, id).toBeUndefined();
      expect(c?.input, id).toMatch(/[?&]lno=/i);
    }
  });
});
