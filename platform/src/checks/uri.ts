// @lninvoice/uri on its vectors (packages/uri/test/vectors/cases.json), read the way the
// package's own vectors.test.ts reads them: URIs with parseUri, the rest with parseInput;
// `interop` cases fail by default and pass with { lenient: true }. `got` is what each call
// returned or the error it threw, strict and lenient.
import { normalizeBolt12, parseInput, parseUri } from '@lninvoice/uri';
import { attempt, codeOf, equals, type Plain, plain, type Result } from '../view.js';

export interface UriCase {
  readonly id: string;
  readonly op: string;
  readonly input: string;
  readonly level: string;
  readonly expect?: Record<string, unknown>;
  readonly error?: string;
  readonly lenient_expect?: Record<string, unknown>;
}

/** The code each interop case fails with when not lenient (the vectors leave it to us). */
const INTEROP_ERRORS: Readonly<Record<string, string>> = {
  'unified-qr-lnurl-in-lightning': 'lightning-param-not-bolt11',
  'lightning-lnaddress': 'unsupported-payload',
  'lightning-lud17-nested': 'unsupported-payload',
  'lightning-bolt12-offer': 'unsupported-payload',
};

const hasScheme = (input: string) => /^[A-Za-z][A-Za-z0-9+.-]*:/.test(input.trim());

const run = (c: UriCase, lenient: boolean): unknown => {
  if (c.op === 'normalize-bolt12') return normalizeBolt12(c.input);
  return hasScheme(c.input) ? parseUri(c.input, { lenient }) : parseInput(c.input, { lenient });
};

type Fields = Record<string, Plain | undefined>;

/** A result in the vocabulary of the vector file (its `fields` description). */
const fieldsOf = (result: Plain): Fields => {
  if (typeof result === 'string') return { value: result };
  const r = (result ?? {}) as Record<string, Plain | undefined> & {
    amount?: Fields;
    pop?: Fields;
  };
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
    unknown: r.unknown,
    pop: r.pop?.uri,
    pop_required: r.pop?.required,
    pop_allowed: r.pop?.allowed,
    url: r.url,
    amount_msat: r.amountMsat,
    user: r.user,
    domain: r.domain,
    dns_name: r.dnsName,
  };
};

/** Whether the result has each expected field, equal (amounts in the vectors are bigints in the API). */
const hasFields = (result: Plain, expected: Record<string, unknown>): boolean => {
  const fields = fieldsOf(result);
  return Object.entries(expected).every(([name, value]) =>
    equals(
      fields[name],
      plain(name === 'amount_sat' || name === 'amount_msat' ? BigInt(value as number) : value),
    ),
  );
};

const value = (outcome: Plain) => (outcome as { value?: Plain }).value ?? null;
const code = (outcome: Plain) => codeOf(outcome as { value: Plain });

/** Whether the outcomes meet the case: its error (and lenient result), or its expected fields. */
const meets = (c: UriCase, strict: Plain, lenient: Plain): boolean => {
  const error = c.level === 'interop' ? INTEROP_ERRORS[c.id] : c.error;
  if (error !== undefined) {
    const wanted = c.level === 'interop' ? c.expect : c.lenient_expect;
    return code(strict) === error && (wanted === undefined || hasFields(value(lenient), wanted));
  }
  return hasFields(value(strict), c.expect ?? {});
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
