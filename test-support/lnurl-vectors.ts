// The LNURL cases (vectors/lnurl/cases.json, copied unchanged from the project's shared vectors:
// see vectors/lnurl/README.md), for every package that tests against them. Some cases name their
// error with a code @lninvoice/lnurl has since renamed to follow the naming rule of
// CONTRIBUTING.md; `error` here is ours. One case is decided otherwise by a newer text of its LUD
// (SUPERSEDED); the file stays as it was copied.
import data from './vectors/lnurl/cases.json' with { type: 'json' };

/** One case of the file (its object inputs are typed loosely: each op reads its own). */
export interface LnurlCase {
  readonly id: string;
  readonly op: string;
  readonly level: string;
  readonly input: unknown;
  readonly expect?: Record<string, unknown>;
  readonly lenient_expect?: Record<string, unknown>;
  readonly expect_reason?: string;
  /** The `LnurlError` code the case fails with. */
  readonly error?: string;
}

/** The file's name of a code → the `LnurlError` code for it, where they differ. */
export const RENAMED_CODE: Readonly<Record<string, string>> = {
  'wrong-hrp': 'unknown-prefix',
  'invalid-address': 'invalid-lightning-address',
  'entry-not-array': 'invalid-metadata-entry',
  'multiple-images': 'duplicate-image',
  'unexpected-tag': 'tag-mismatch',
  'mandatory-payer-data-missing': 'missing-payer-data',
};

/**
 * Cases a newer text of their LUD decides otherwise than the file, which was written from the
 * texts at luds 0318227: what they give now, by the amended text.
 */
export const SUPERSEDED: Readonly<Record<string, Pick<LnurlCase, 'expect'>>> = {
  // LUD-16 as amended by luds PR #296: `@domain` is the domain's own address, requested as `_`.
  'lud16-empty-username': {
    expect: {
      url: 'https://bitcoin.org/.well-known/lnurlp/_',
      username: '_',
      address: '_@bitcoin.org',
    },
  },
};

/** Every case, with `error` the `LnurlError` code, and the superseded ones as they are now. */
export const LNURL_CASES: readonly LnurlCase[] = (data.cases as LnurlCase[]).map((c) => {
  const now = SUPERSEDED[c.id];
  if (now !== undefined) return { id: c.id, op: c.op, level: c.level, input: c.input, ...now };
  return c.error === undefined ? c : { ...c, error: RENAMED_CODE[c.error] ?? c.error };
});
