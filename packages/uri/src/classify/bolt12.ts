// BOLT 12 strings: an offer (`lno`), invoice request (`lnr`) or invoice (`lni`), read by
// @lninvoice/bolt12's decoder (every reader rule of BOLT 12, signatures verified). This module
// only finds them, and turns the decoder's refusals into UriErrors with spans into the input.
import {
  BOLT12_ERROR_CODES,
  type Bolt12,
  Bolt12Error,
  type Bolt12ErrorCode,
  decodeBolt12,
  decodeOffer,
  encodeBolt12,
  type Offer,
} from '@lninvoice/bolt12';
import type { Span } from '@lninvoice/core/errors';
import { UriError, type UriErrorCode } from '../errors.js';
import { readSource } from '../input.js';
import type { Bolt12Input } from '../types.js';

const KIND_OF = {
  offer: 'bolt12-offer',
  invoice_request: 'bolt12-invoice-request',
  invoice: 'bolt12-invoice',
} as const;

/**
 * The decoder's codes for a text that is no BOLT 12 string (its prefix, `1`, characters, case,
 * `+` joins, padding, length) are `invalid-bolt12-string`: the first group of its codes, "the
 * string", which ends with `invalid-padding`. Every other code refuses the message the string
 * holds (its TLV records, fields or signature): `invalid-bolt12-message`.
 */
const STRING_CODES: ReadonlySet<Bolt12ErrorCode> = new Set(
  BOLT12_ERROR_CODES.slice(0, BOLT12_ERROR_CODES.indexOf('invalid-padding') + 1),
);

/** True when `text` reads as a BOLT 12 string once its `+` joins and whitespace are ignored. */
export const looksLikeBolt12 = (text: string): boolean =>
  /^ln[oir]1/i.test(text.replace(/[+ \t\n\v\f\r]/g, ''));

/** Where a span of the decoded text lies in the input. */
type SpanOf = (span: Span) => Span;

/**
 * `decode(text)`, a refusal thrown as a UriError with `code` (or the string / message code when
 * none is given), a message holding the decoder's code and message, the decoder's span mapped
 * into the input by `spanOf` (the whole text when it has none), and the Bolt12Error as `cause`.
 */
const readBolt12 = <T>(
  decode: (text: string) => T,
  text: string,
  spanOf: SpanOf,
  what: string,
  code?: UriErrorCode,
): T => {
  try {
    return decode(text);
  } catch (error) {
    if (!(error instanceof Bolt12Error)) throw error;
    throw new UriError(
      code ?? (STRING_CODES.has(error.code) ? 'invalid-bolt12-string' : 'invalid-bolt12-message'),
      `${what} (${error.code}): ${error.message}`,
      { span: spanOf(error.span ?? [0, text.length]), cause: error },
    );
  }
};

/** The offer of an `lno` parameter, refused with `invalid-lno-param`. */
export const readOffer = (text: string, spanOf: SpanOf): Offer =>
  readBolt12(decodeOffer, text, spanOf, 'lno: not a BOLT 12 offer', 'invalid-lno-param');

/** The BOLT 12 string `text`, found at `offset` of the input, decoded. */
export const classifyBolt12 = (text: string, offset: number): Bolt12Input => {
  const message: Bolt12 = readBolt12(
    decodeBolt12,
    text,
    ([start, end]) => [offset + start, offset + end],
    'BOLT 12 string refused',
  );
  // The decoder keeps the records as written: written back, they are the string, lower case,
  // without its `+` joins.
  return {
    kind: KIND_OF[message.kind],
    value: text,
    normalized: encodeBolt12(message),
    message,
  } as Bolt12Input;
};

/**
 * The canonical form of a BOLT 12 string, read by @lninvoice/bolt12's decoder: lowercase, `+`
 * joins and the whitespace after them removed, surrounding whitespace ignored. Throws a UriError
 * (`invalid-bolt12-string`, `invalid-bolt12-message`) as parseInput does.
 */
export const normalizeBolt12 = (text: string): string => {
  const source = readSource('normalizeBolt12', text, undefined);
  return classifyBolt12(source.text, source.offset).normalized;
};
