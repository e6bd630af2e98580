// The one error class of @lninvoice/lnurl, on core's base: `error instanceof LninvoiceError`
// catches it with the errors of every other package, and a failure they share has their code.
import { type ErrorDetails, errorFactory, LninvoiceError } from '@lninvoice/core/errors';

/** Every way the package can reject an input or a service's answer. The README explains each. */
export const LNURL_ERROR_CODES = [
  // bech32 LNURLs (core's bech32 reader)
  'empty',
  'too-long',
  'invalid-character',
  'mixed-case',
  'missing-separator',
  'missing-prefix',
  'unknown-prefix',
  'too-short',
  'invalid-checksum',
  'invalid-padding',
  'invalid-utf8',
  // URLs and their forms
  'missing-lightning-param',
  'invalid-url',
  'invalid-scheme',
  'insecure-scheme',
  'unknown-scheme',
  'non-standard-form',
  'unsupported-input',
  // Lightning Addresses
  'invalid-lightning-address',
  'invalid-username',
  'invalid-domain',
  // metadata (LUD-06)
  'invalid-json',
  'invalid-metadata',
  'invalid-metadata-entry',
  'missing-text-plain',
  'duplicate-text-plain',
  'duplicate-image',
  // service responses
  'service-error',
  'invalid-response',
  'tag-mismatch',
  'invalid-min-sendable',
  'invalid-amount',
  'invalid-callback',
  // paying
  'amount-out-of-range',
  'comment-too-long',
  'missing-payer-data',
  'invalid-invoice',
  'network-mismatch',
  'amount-mismatch',
  'expired',
  'description-hash-mismatch',
  'invalid-verify-url',
  // zaps (NIP-57, @lninvoice/lnurl/zap)
  'invalid-nostr-pubkey',
  'unsupported-zap',
  // success actions (LUD-09, LUD-10)
  'unsupported-success-action',
  'invalid-success-action',
  'invalid-iv',
  'success-action-domain-mismatch',
  'decryption-failed',
  // auth (LUD-04)
  'invalid-k1',
  'invalid-action',
  // LUD-21 verify
  'invoice-mismatch',
  'preimage-mismatch',
  // HTTP
  'insecure-host',
  'network-error',
  'timeout',
  'response-too-large',
  'insecure-redirect',
  'too-many-redirects',
] as const;

/** One of {@link LNURL_ERROR_CODES}: why an LNURL, an address or a service's answer was refused. */
export type LnurlErrorCode = (typeof LNURL_ERROR_CODES)[number];

/**
 * The codes of what a flow lets through and reports on its result (`warnings`): each is an error
 * code too, for the option or the flow that makes it one (`descriptionHash: 'strict'`; a zap to
 * a service whose `nostrPubkey` was dropped).
 */
export const LNURL_WARNING_CODES = [
  'description-hash-mismatch',
  'invalid-nostr-pubkey',
] as const satisfies readonly LnurlErrorCode[];

/** One of {@link LNURL_WARNING_CODES}: what a result reports instead of failing. */
export type LnurlWarningCode = (typeof LNURL_WARNING_CODES)[number];

/** A finding on a result: what was let through, with a message that names the values. */
export interface LnurlWarning {
  /** What was let through. */
  readonly code: LnurlWarningCode;
  /** The values at fault, untrusted text escaped. */
  readonly message: string;
}

/**
 * The one error class of @lninvoice/lnurl: a stable `code`, a message naming the part and value,
 * and a service's own `reason`.
 */
export class LnurlError extends LninvoiceError<LnurlErrorCode> {
  /** Always `'LnurlError'`: what logs and stack traces show. */
  override readonly name = 'LnurlError';
  /**
   * For `service-error`: the service's `reason` exactly as it sent it (`{"status":"ERROR",
   * "reason":…}`). Untrusted text: it may hold control, bidirectional or invisible characters,
   * which the message shows escaped; escape it before showing it.
   */
  readonly reason: string | undefined;

  constructor(
    code: LnurlErrorCode,
    message: string,
    details: ErrorDetails & { readonly reason?: string | undefined } = {},
  ) {
    super(code, message, details);
    this.reason = details.reason;
  }
}

/** Throws LnurlErrors for core's shared readers (bech32). */
export const lnurlError = errorFactory(LnurlError);
