// The URI vectors (vectors/uri, copied from the project's shared vectors: see
// vectors/uri/README.md) name the error codes @lninvoice/uri had when they were written. The
// naming rule (CONTRIBUTING.md) renamed some; this table gives ours, as RULE_CODE does for the
// BOLT 11 examples, so that the file stays as it was copied.

/** Our code for each `error` of vectors/uri/cases.json that was renamed. */
export const URI_VECTOR_CODES: Readonly<Record<string, string>> = {
  // The file's one case is `satoshi:…`; a text without any scheme is `missing-scheme`.
  'not-bitcoin-uri': 'unknown-scheme',
  'double-slash': 'non-standard-form',
  'req-pop-forbidden-scheme': 'invalid-pop-scheme',
  'bc-param-wrong-network': 'network-mismatch',
  'no-payment-instruction': 'missing-payment-instruction',
};

/**
 * Cases the file expects to parse, with an `lno` value that is no BOLT 12 offer. The file was
 * written when `lno` values were kept as written; @lninvoice/uri now decodes them (issue 14), so
 * these fail, at the `lno` value, with our code for a bad `lno` parameter.
 */
export const URI_VECTOR_REFUSED: Readonly<Record<string, string>> = {
  // BIP 321's own examples write a placeholder: "b" and "o" are not bech32 characters.
  'bip321-bolt12-no-fallback': 'invalid-lno-param',
  'bip321-bolt12-and-sp': 'invalid-lno-param',
  // Its source says it: "this offer carries an old TLV 30 that Phoenix rejects" (an earlier
  // draft's key record); today type 30 is an unknown even record, which a reader must refuse.
  'unified-qr-lno-uppercase': 'invalid-lno-param',
};

/** Our code for the `error` of a URI vector. */
export const uriVectorCode = (error: string): string => URI_VECTOR_CODES[error] ?? error;
