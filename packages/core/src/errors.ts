/** Character offsets `[start, end)` into the string that was passed to `decode`. */
export type Span = readonly [start: number, end: number];

/**
 * Every way `decode` can reject an invoice. The codes are the API: they never change meaning.
 * The package README explains each one.
 */
export const BOLT11_ERROR_CODES = [
  // the string
  'empty',
  'too-long',
  'mixed-case',
  'no-separator',
  'invalid-character',
  'bad-checksum',
  'too-short',
  // the human-readable part
  'unknown-prefix',
  'invalid-amount',
  'invalid-multiplier',
  'pico-not-multiple-of-10',
  'amount-too-large',
  // one tagged field
  'truncated-field',
  'bad-fixed-field-length',
  'bad-padding',
  'non-minimal-encoding',
  'empty-field',
  'integer-overflow',
  'invalid-utf8',
  'invalid-fallback',
  'bad-route-hint-length',
  'mandatory-unknown-feature',
  // the set of fields
  'duplicate-field',
  'missing-payment-hash',
  'no-payment-secret',
  'missing-description',
  'description-and-hash',
  // keys and signature
  'invalid-node-key',
  'bad-route-hint-pubkey',
  'invalid-recovery-id',
  'invalid-signature',
  'high-s-with-n',
  'unrecoverable-signature',
] as const;

export type Bolt11ErrorCode = (typeof BOLT11_ERROR_CODES)[number];

/** The one error class of @lninvoice/core: a stable `code`, a message naming the field and value. */
export class Bolt11Error extends Error {
  override readonly name = 'Bolt11Error';
  readonly code: Bolt11ErrorCode;
  /** The part of the input at fault, when one part is. */
  readonly span: Span | undefined;
  /** The tagged field at fault (its bech32 character, e.g. `'p'`), when one is. */
  readonly field: string | undefined;

  constructor(
    code: Bolt11ErrorCode,
    message: string,
    details: { span?: Span; field?: string } = {},
  ) {
    super(message);
    this.code = code;
    this.span = details.span;
    this.field = details.field;
  }
}
