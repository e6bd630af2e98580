// The error of BOLT 11 decoding, and every code it carries.
import { type ErrorDetails, errorFactory, LninvoiceError } from '../errors.js';

/**
 * Every way `decode` can reject an invoice. The codes are the API: they never change meaning.
 * The package README explains each one.
 */
export const BOLT11_ERROR_CODES = [
  // the string (shared with every bech32 reader)
  'empty',
  'too-long',
  'invalid-character',
  'mixed-case',
  'missing-separator',
  'missing-prefix',
  'too-short',
  'invalid-checksum',
  // the human-readable part
  'unknown-prefix',
  'invalid-amount',
  'invalid-multiplier',
  'invalid-pico-amount',
  'amount-too-large',
  // one tagged field
  'truncated-field',
  'invalid-field-length',
  'invalid-padding',
  'non-minimal-encoding',
  'integer-too-large',
  'invalid-utf8',
  'invalid-fallback',
  'invalid-route-hint',
  'unknown-required-feature',
  // the set of fields
  'duplicate-field',
  'missing-payment-hash',
  'missing-payment-secret',
  'missing-description',
  'duplicate-description',
  // keys and signature
  'invalid-node-key',
  'invalid-route-hint-key',
  'invalid-recovery-id',
  'invalid-signature',
  'non-canonical-signature',
] as const;

/** One of {@link BOLT11_ERROR_CODES}: why an invoice was refused. */
export type Bolt11ErrorCode = (typeof BOLT11_ERROR_CODES)[number];

/** The one error class of @lninvoice/core: a stable `code`, a message naming the field and value. */
export class Bolt11Error extends LninvoiceError<Bolt11ErrorCode> {
  /** Always `'Bolt11Error'`: what logs and stack traces show. */
  override readonly name = 'Bolt11Error';
  /** The tagged field at fault (its bech32 character, e.g. `'p'`), when one is. */
  readonly field: string | undefined;

  constructor(
    code: Bolt11ErrorCode,
    message: string,
    details: ErrorDetails & { readonly field?: string | undefined } = {},
  ) {
    super(code, message, details);
    this.field = details.field;
  }
}

/** Throws Bolt11Errors for the shared readers (bech32, amounts). */
export const bolt11Error = errorFactory(Bolt11Error);
