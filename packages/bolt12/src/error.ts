// The error of @lninvoice/bolt12 and every code it carries, named by the rule every package
// follows (CONTRIBUTING.md): the same failure has the same code as in @lninvoice/core.
import { type ErrorDetails, LninvoiceError, type Span } from '@lninvoice/core/errors';

export type { Span };

/**
 * Every way a BOLT 12 string is refused. The codes are the API: they never change meaning. The
 * package README lists each with the spec sentence it enforces.
 */
export const BOLT12_ERROR_CODES = [
  // the string
  'empty',
  'too-long',
  'invalid-character',
  'mixed-case',
  'missing-separator',
  'missing-prefix',
  'unknown-prefix',
  'invalid-continuation',
  'invalid-padding',
  // the TLV stream (BOLT 1)
  'truncated-record',
  'non-minimal-encoding',
  'invalid-record-order',
  'duplicate-record',
  'record-out-of-range',
  'unknown-required-record',
  // one field
  'invalid-field-length',
  'invalid-utf8',
  'invalid-public-key',
  'invalid-blinded-path',
  'empty-blinded-path',
  'empty-paths',
  'empty-chains',
  'invalid-payinfo',
  'invalid-fallback',
  'invalid-bip353-name',
  'unknown-required-feature',
  'amount-too-large',
  // the set of fields
  'missing-description',
  'invalid-amount',
  'missing-amount',
  'missing-issuer-id',
  'missing-invreq-metadata',
  'missing-payer-id',
  'unexpected-field',
  'missing-quantity',
  'invalid-quantity',
  'amount-too-small',
  'missing-created-at',
  'missing-payment-hash',
  'missing-node-id',
  'missing-paths',
  'missing-blindedpay',
  'payinfo-count-mismatch',
  'missing-usable-path',
  'amount-mismatch',
  'node-id-mismatch',
  'chain-mismatch',
  // the signature
  'missing-signature',
  'invalid-signature',
  // the reader's context (options)
  'expired',
  'unsupported-chain',
] as const;

/** One of {@link BOLT12_ERROR_CODES}: why a BOLT 12 string was refused. */
export type Bolt12ErrorCode = (typeof BOLT12_ERROR_CODES)[number];

/** The one error class of @lninvoice/bolt12: a stable `code`, a message naming the field and value. */
export class Bolt12Error extends LninvoiceError<Bolt12ErrorCode> {
  /** Always `'Bolt12Error'`: what logs and stack traces show. */
  override readonly name = 'Bolt12Error';
  /** The TLV field at fault, by its spec name (`'offer_amount'`), when one is. */
  readonly field: string | undefined;

  constructor(
    code: Bolt12ErrorCode,
    message: string,
    details: ErrorDetails & { readonly field?: string | undefined } = {},
  ) {
    super(code, message, details);
    this.field = details.field;
  }
}
