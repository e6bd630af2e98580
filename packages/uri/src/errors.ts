/** Character offsets `[start, end)` into the string that was passed in. */
export type Span = readonly [start: number, end: number];

/**
 * Every way a string can be rejected. The codes are the API: they never change meaning. The
 * package README explains each one, with an example.
 */
export const URI_ERROR_CODES = [
  // the input as a whole
  'empty',
  'invalid-character',
  'unrecognized-input',
  'not-bitcoin-uri',
  'double-slash',
  // percent-encoding (RFC 3986)
  'invalid-percent-encoding',
  'invalid-utf8',
  // bitcoin: URIs (BIP 321)
  'invalid-address',
  'empty-key',
  'invalid-amount',
  'amount-too-precise',
  'amount-too-large',
  'duplicate-amount',
  'duplicate-label',
  'duplicate-message',
  'duplicate-pop',
  'req-pop-forbidden-scheme',
  'unknown-required-param',
  'empty-payment-instruction',
  'lightning-param-not-bolt11',
  'bc-param-wrong-network',
  'tb-param-wrong-network',
  'no-payment-instruction',
  // lightning: URIs
  'unsupported-payload',
  // bech32 strings: BOLT 11 invoices, LNURLs, segwit addresses
  'too-long',
  'mixed-case',
  'invalid-bech32',
  'invalid-checksum',
  'unknown-prefix',
  'invalid-lnurl',
  // BOLT 12 strings
  'invalid-bolt12-string',
  // names and nodes
  'invalid-name',
  'non-ascii-name',
  'invalid-node-uri',
] as const;

export type UriErrorCode = (typeof URI_ERROR_CODES)[number];

/** The one error class of @lninvoice/uri: a stable `code`, a message naming the part and value. */
export class UriError extends Error {
  override readonly name = 'UriError';
  readonly code: UriErrorCode;
  /** The part of the input at fault, when one part is. */
  readonly span: Span | undefined;

  constructor(code: UriErrorCode, message: string, span?: Span) {
    super(message);
    this.code = code;
    this.span = span;
  }
}

// C1 controls, bidirectional marks and overrides, invisible characters and line separators that
// JSON.stringify leaves as they are: escaped too, so no input text can steer a terminal.
const UNSAFE = /[\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/** `text` quoted for a message: JSON-escaped, shortened past 80 characters. */
export const quote = (text: string): string =>
  JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text).replace(
    UNSAFE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
