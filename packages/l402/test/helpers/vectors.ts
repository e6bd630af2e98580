// The L402 vectors (test-support/vectors/l402/cases.json) and what a case's call gives, in the
// vocabulary of the file: bytes as hex, amounts as decimal strings, a missing version as null.
// Used by vectors.test.ts and by the platform check, which passes the library it bundled.
import type * as L402 from '../../src/index.js';

export interface L402Case {
  readonly id: string;
  readonly op: 'challenge' | 'authorization' | 'preimage';
  readonly header?: string;
  readonly options?: { readonly legacy?: boolean };
  readonly invoice?: string;
  readonly preimage?: string;
  readonly expect?: unknown;
  readonly error?: string;
  readonly span?: readonly [number, number];
  /** An authorization case whose fields format back to exactly its header. */
  readonly roundtrip?: boolean;
  readonly note?: string;
}

type Library = Pick<
  typeof L402,
  'parseL402Challenge' | 'parseL402Authorization' | 'formatL402Authorization' | 'checkL402Preimage'
>;

const hex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** The fields of a case's result, as the file writes them. */
export const runCase = (l402: Library, c: L402Case): Record<string, unknown> | boolean => {
  if (c.op === 'preimage') return l402.checkL402Preimage(c.invoice ?? '', c.preimage ?? '');
  if (c.op === 'authorization') {
    const a = l402.parseL402Authorization(c.header ?? '');
    return {
      scheme: a.scheme,
      tokens: [...a.tokens],
      tokenBytes: a.tokenBytes.map(hex),
      preimage: hex(a.preimage),
      formatted: l402.formatL402Authorization({
        tokens: a.tokens,
        preimage: a.preimage,
        scheme: a.scheme,
      }),
    };
  }
  const ch = l402.parseL402Challenge(c.header ?? '', c.options);
  return {
    scheme: ch.scheme,
    version: ch.version ?? null,
    token: ch.token,
    tokenBytes: hex(ch.tokenBytes),
    invoice: ch.invoice,
    amountMsat: ch.decoded.amountMsat?.toString() ?? null,
    paymentHash: hex(ch.decoded.paymentHash),
    params: { ...ch.params },
  };
};

/** Whether `got` has every field of `expected` (objects may have more, arrays are whole). */
export const hasFields = (got: unknown, expected: unknown): boolean => {
  if (typeof expected !== 'object' || expected === null)
    return Object.is(got, expected) || (expected === null && got === undefined);
  if (typeof got !== 'object' || got === null) return false;
  if (Array.isArray(expected))
    return (
      Array.isArray(got) &&
      got.length === expected.length &&
      expected.every((e, i) => hasFields(got[i], e))
    );
  return Object.entries(expected).every(([k, v]) =>
    hasFields((got as Record<string, unknown>)[k], v),
  );
};

/** Whether the outcome (a result, or the error thrown) meets the case. */
export const meets = (
  c: L402Case,
  outcome: { value: unknown } | { error: { code?: unknown; span?: unknown } },
): boolean => {
  if (c.error !== undefined)
    return (
      'error' in outcome &&
      outcome.error.code === c.error &&
      (c.span === undefined || hasFields(outcome.error.span, c.span))
    );
  if (!('value' in outcome)) return false;
  if (!hasFields(outcome.value, c.expect)) return false;
  return c.roundtrip !== true || (outcome.value as { formatted?: unknown }).formatted === c.header;
};
