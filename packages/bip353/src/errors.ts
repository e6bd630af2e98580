// The error of @lninvoice/bip353 and every code it carries: a LninvoiceError, named by the rule
// every package follows (CONTRIBUTING.md), so that the same failure has the same code as in
// @lninvoice/core, @lninvoice/uri and @lninvoice/lnurl.
import { type ErrorDetails, LninvoiceError } from '@lninvoice/core/errors';

/**
 * Every way a name, a proof or a resolver's answer can be refused. The codes are the API: they
 * never change meaning. The package README explains each one.
 */
export const BIP353_ERROR_CODES = [
  // the name
  'invalid-name',
  // the proof's bytes (RFC 9102 AuthenticationChain) and DNS messages
  'empty',
  'too-long',
  'truncated-record',
  'invalid-record',
  // DNSSEC (RFC 4033-4035, 5155, 6840) and BIP 353's algorithm rules
  'missing-signature',
  'invalid-signature',
  'expired',
  'not-yet-valid',
  'missing-key',
  'missing-ds',
  'ds-mismatch',
  'trust-anchor-mismatch',
  'unsupported-algorithm',
  'insecure-algorithm',
  'insecure-key-size',
  // the answer: aliases, wildcards, records
  'missing-record',
  'missing-wildcard-proof',
  'alias-chain-too-long',
  'missing-payment-instructions',
  'duplicate-payment-instructions',
  'invalid-payment-instructions',
  // DNS over HTTPS (RFC 8484)
  'insecure-scheme',
  'insecure-host',
  'network-error',
  'timeout',
  'response-too-large',
  'invalid-response',
  'service-error',
] as const;

/** One of {@link BIP353_ERROR_CODES}: why a name, a proof or a resolution failed. */
export type Bip353ErrorCode = (typeof BIP353_ERROR_CODES)[number];

/** The one error class of @lninvoice/bip353: a stable `code`, a message naming the part and value. */
export class Bip353Error extends LninvoiceError<Bip353ErrorCode> {
  /** Always `'Bip353Error'`: what logs and stack traces show. */
  override readonly name = 'Bip353Error';

  // Declared, not inherited, so that its type reads `Bip353ErrorCode` instead of the whole union.
  constructor(code: Bip353ErrorCode, message: string, details: ErrorDetails = {}) {
    super(code, message, details);
  }
}
