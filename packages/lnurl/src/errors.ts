// The one error class of @lninvoice/lnurl.

/** Every way the package can reject an input or a service's answer. The README explains each. */
export const LNURL_ERROR_CODES = [
  // LNURL strings and URLs
  'not-lnurl',
  'too-long',
  'mixed-case',
  'invalid-character',
  'invalid-checksum',
  'wrong-hrp',
  'invalid-url',
  'invalid-scheme',
  'insecure-scheme',
  'unknown-scheme',
  'non-standard-form',
  // Lightning Addresses
  'invalid-address',
  'invalid-username',
  'invalid-domain',
  // metadata (LUD-06)
  'invalid-json',
  'invalid-metadata',
  'entry-not-array',
  'missing-text-plain',
  'duplicate-text-plain',
  'multiple-images',
  // service responses
  'service-error',
  'invalid-response',
  'unexpected-tag',
  'invalid-min-sendable',
  'invalid-amount',
  'invalid-callback',
  // paying
  'amount-out-of-range',
  'comment-too-long',
  'mandatory-payer-data-missing',
  'invalid-invoice',
  'amount-mismatch',
  'description-hash-mismatch',
  // success actions (LUD-09, LUD-10)
  'unsupported-success-action',
  'invalid-success-action',
  'invalid-iv',
  'success-action-domain-mismatch',
  'decryption-failed',
  // auth (LUD-04)
  'invalid-k1',
  'invalid-action',
  // HTTP
  'network-error',
  'timeout',
  'response-too-large',
  'insecure-redirect',
  'too-many-redirects',
] as const;

export type LnurlErrorCode = (typeof LNURL_ERROR_CODES)[number];

export class LnurlError extends Error {
  override readonly name = 'LnurlError';
  readonly code: LnurlErrorCode;
  /** The service's own words, for `service-error` (`{"status":"ERROR","reason":…}`). */
  readonly reason: string | undefined;
  /** Character offsets `[start, end)` into the input, when one part of it is at fault. */
  readonly span: readonly [number, number] | undefined;

  constructor(
    code: LnurlErrorCode,
    message: string,
    details: { reason?: string; span?: readonly [number, number]; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = code;
    this.reason = details.reason;
    this.span = details.span;
  }
}

/** Text from a service or a user, quoted for a message: JSON-escaped and cut to `max`. */
export const quote = (text: string, max = 80): string =>
  JSON.stringify(text.length > max ? `${text.slice(0, max - 3)}...` : text);
