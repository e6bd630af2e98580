// How the URI vectors (test/vectors/cases.json) are read: which function each case goes to, the
// code each case fails with in our vocabulary, and a result in the vocabulary of the file. Shared
// by the vector tests (on the source) and platform/ (on the built package in a bare V8 context
// and Chromium).
import { URI_VECTOR_REFUSED, URI_VECTOR_WARNED, uriVectorCode } from 'test-support/uri-vectors';
import type * as Uri from '../../src/index.js';

/** A case of test/vectors/cases.json. */
export interface UriCase {
  readonly id: string;
  readonly op: 'parse' | 'normalize-bolt12';
  readonly input: string;
  readonly level: 'spec' | 'spec-derived' | 'impl' | 'interop';
  readonly expect?: Record<string, unknown>;
  readonly error?: string;
  readonly lenient_expect?: Record<string, unknown>;
  readonly lno_normalized?: string;
  readonly lightning_lnurl_url?: string;
  readonly invoice_amount_msat?: number;
}

/**
 * The code each interop case is refused with when not lenient (the vectors leave it to us): a
 * `bitcoin:` URI is read without the part, with this code as a warning; the others fail with it.
 */
export const INTEROP_ERRORS: Readonly<Record<string, Uri.UriErrorCode>> = {
  'unified-qr-lnurl-in-lightning': 'invalid-lightning-param',
  'lightning-lnaddress': 'non-standard-form',
  'lightning-lud17-nested': 'non-standard-form',
  'lightning-bolt12-offer': 'non-standard-form',
};

/**
 * The code a case fails with (without lenient), in our vocabulary (test-support/uri-vectors.ts:
 * the file keeps the codes it was written with, and the cases it expects to parse although their
 * `lno` value is no offer); undefined when it passes.
 */
export const expectedCode = (c: UriCase): string | undefined => {
  if (c.level === 'interop') return INTEROP_ERRORS[c.id];
  const refused = URI_VECTOR_REFUSED[c.id];
  if (refused !== undefined) return refused;
  return c.error === undefined ? undefined : uriVectorCode(c.error);
};

/**
 * What the file expects of a case that parses, less what is now left out with a warning
 * (test-support/uri-vectors.ts): an address read as `''`, a value missing from its list.
 */
export const expectedFields = (c: UriCase): Record<string, unknown> => {
  const expected: Record<string, unknown> = { ...c.expect };
  const params = c.input.slice(c.input.indexOf('?') + 1).split('&');
  const written = (key: string) =>
    params
      .filter((p) => p.toLowerCase().startsWith(`${key}=`))
      .map((p) => decodeURIComponent(p.slice(key.length + 1)));
  for (const { key } of URI_VECTOR_WARNED[c.id] ?? []) {
    if (key === 'address') expected.address = '';
    else
      expected[key] = ((expected[key] ?? []) as string[]).filter((v) => !written(key).includes(v));
  }
  return expected;
};

/** The code of a refusal: what a call threw, or the first warning of the URI it read. */
export const refusalCode = (outcome: unknown): string | undefined =>
  outcome instanceof Error
    ? (outcome as { code?: string }).code
    : (outcome as { warnings?: readonly { code: string }[] }).warnings?.[0]?.code;

/** URIs go to parseUri; the rest (bare invoices, names) is for parseInput. */
const hasScheme = (input: string) => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(input.trim());

/** One case's call on a given build of @lninvoice/uri. */
export const runCase = (
  uri: typeof Uri,
  c: UriCase,
  options: Uri.ParseOptions,
): Uri.Input | string => {
  if (c.op === 'normalize-bolt12') return uri.normalizeBolt12(c.input);
  return hasScheme(c.input) ? uri.parseUri(c.input, options) : uri.parseInput(c.input, options);
};

/** The vector file's numbers for amounts are bigints in the API. */
export const expectedValue = (name: string, value: unknown): unknown =>
  name === 'amount_sat' || name === 'amount_msat' ? BigInt(value as number) : value;

/** A parse result in the vocabulary of the vector file (its `fields` description). */
export const fieldsOf = (result: Uri.Input | string): Record<string, unknown> => {
  if (typeof result === 'string') return { value: result };
  const r = result as Record<string, unknown> &
    Partial<Extract<Uri.Input, { kind: 'bitcoin-uri' }>>;
  return {
    scheme: r.scheme,
    kind: r.kind,
    value: r.value,
    address: r.address,
    amount_btc: r.amount?.btc,
    amount_sat: r.amount?.sat,
    label: r.label,
    message: r.message,
    lightning: r.lightning,
    lno: r.lno,
    sp: r.sp,
    pay: r.pay,
    bc: r.bc,
    tb: r.tb,
    unknown: r.unknown && { ...r.unknown },
    pop: r.pop?.uri,
    pop_required: r.pop?.required,
    pop_allowed: r.pop?.allowed,
    url: r.url,
    warnings: r.warnings?.map((w) => ({ key: w.key, code: w.code })),
    amount_msat: r.amountMsat,
    user: r.user,
    domain: r.domain,
    dns_name: r.dnsName,
  };
};
