// The LNURL cases (vectors/lnurl/cases.json, copied unchanged from the project's shared vectors:
// see vectors/lnurl/README.md), for every package that tests against them. Some cases name their
// error with a code @lninvoice/lnurl has since renamed to follow the naming rule of
// CONTRIBUTING.md; `error` here is ours.
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

/** Every case, with `error` the `LnurlError` code. */
export const LNURL_CASES: readonly LnurlCase[] = (data.cases as LnurlCase[]).map((c) =>
  c.error === undefined ? c : { ...c, error: RENAMED_CODE[c.error] ?? c.error },
);
