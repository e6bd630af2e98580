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

/** Our code for the `error` of a URI vector. */
export const uriVectorCode = (error: string): string => URI_VECTOR_CODES[error] ?? error;
