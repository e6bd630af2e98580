// The error of @lninvoice/uri and every code it carries: a LninvoiceError, named by the rule
// every package follows (CONTRIBUTING.md), so that the same failure has the same code as in
// @lninvoice/core and @lninvoice/lnurl.
import { type ErrorDetails, errorFactory, LninvoiceError, type Span } from '@lninvoice/core/errors';

export type { Span };

/**
 * Every way a string can be rejected. The codes are the API: they never change meaning. The
 * package README explains each one, with an example.
 */
export const URI_ERROR_CODES = [
  // the input as a whole
  'empty',
  'invalid-character',
  'unknown-input',
  'unknown-scheme',
  'missing-scheme',
  'non-standard-form',
  // percent-encoding (RFC 3986)
  'invalid-percent-encoding',
  'invalid-utf8',
  // bitcoin: URIs (BIP 321)
  'invalid-address',
  'missing-key',
  'invalid-amount',
  'amount-too-precise',
  'amount-too-large',
  'duplicate-amount',
  'duplicate-label',
  'duplicate-message',
  'duplicate-pop',
  'invalid-pop-scheme',
  'unknown-required-param',
  'invalid-payment-instruction',
  'invalid-lightning-param',
  'invalid-lno-param',
  'network-mismatch',
  'missing-payment-instruction',
  // lightning: URIs
  'unsupported-payload',
  // bech32 strings (core's reader): BOLT 11 invoices, LNURLs, segwit addresses
  'too-long',
  'mixed-case',
  'missing-separator',
  'missing-prefix',
  'too-short',
  'invalid-checksum',
  // BOLT 11 human-readable parts (core's amounts)
  'unknown-prefix',
  'invalid-multiplier',
  'invalid-pico-amount',
  // LNURLs and their service URLs (core's @lninvoice/core/service-url, as in @lninvoice/lnurl)
  'invalid-padding',
  'invalid-url',
  'invalid-scheme',
  'insecure-scheme',
  'missing-lightning-param',
  // BOLT 12 strings (@lninvoice/bolt12's decoder)
  'invalid-bolt12-string',
  'invalid-bolt12-message',
  // names and nodes
  'invalid-name',
  'invalid-node-uri',
] as const;

/** One of {@link URI_ERROR_CODES}: why a string was refused. */
export type UriErrorCode = (typeof URI_ERROR_CODES)[number];

/** The one error class of @lninvoice/uri: a stable `code`, a message naming the part and value. */
export class UriError extends LninvoiceError<UriErrorCode> {
  /** Always `'UriError'`: what logs and stack traces show. */
  override readonly name = 'UriError';

  // Declared, not inherited, so that its type reads `UriErrorCode` instead of the whole union.
  constructor(code: UriErrorCode, message: string, details: ErrorDetails = {}) {
    super(code, message, details);
  }
}

/** Makes UriErrors for core's shared readers (bech32, amounts, addresses, service URLs). */
export const uriError = errorFactory(UriError);
