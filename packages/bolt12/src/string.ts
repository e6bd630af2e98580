// The text form of BOLT 12 messages: "the human-readable prefix, followed by a `1`, followed by a
// bech32-style data string of the TLVs in order, optionally interspersed with `+`"; "There is no
// checksum, unlike bech32m."
import { bytesToWords, readBech32, wordsToBytes, wordsToChars } from '@lninvoice/core/bech32';
import type { ErrorFactory } from '@lninvoice/core/errors';
import { describeValue, showText } from '@lninvoice/core/text';
import { Bolt12Error, type Bolt12ErrorCode, type Span } from './error.js';

/** The prefix of each message: "lno" offers, "lnr" invoice requests, "lni" invoices. */
export const PREFIXES = { lno: 'offer', lnr: 'invoice_request', lni: 'invoice' } as const;
export type Bolt12Prefix = keyof typeof PREFIXES;
/**
 * The kind of a BOLT 12 message, by its prefix: `'offer'` (`lno`), `'invoice_request'` (`lnr`) or
 * `'invoice'` (`lni`).
 *
 * @useDeclaredType
 */
export type Bolt12Kind = (typeof PREFIXES)[Bolt12Prefix];
export const PREFIX_OF: Readonly<Record<Bolt12Kind, Bolt12Prefix>> = {
  offer: 'lno',
  invoice_request: 'lnr',
  invoice: 'lni',
};

/**
 * The longest string read, checked before anything else. BOLT 12 sets no limit; messages travel
 * in onion messages of at most 32 834 bytes, which take 52 535 characters.
 */
export const MAX_BOLT12_LENGTH = 65536;

/** A BOLT 12 string, read down to its bytes. */
export interface Bolt12Text {
  readonly prefix: Bolt12Prefix;
  readonly bytes: Uint8Array;
  /** Written in upper case, as QR codes store it. */
  readonly uppercase: boolean;
  /** The characters of the input that hold the prefix. */
  readonly prefixSpan: Span;
  /** The characters of the input that hold bytes [start, end). */
  readonly spanOf: (start: number, end: number) => Span;
  /**
   * The characters whose first bit lies in bytes [start, end): adjacent byte ranges get adjacent
   * spans that do not overlap (a playground colours each character once).
   */
  readonly partSpanOf: (start: number, end: number) => Span;
  /** Where the text proper starts in the input (after whitespace and a `lightning:` prefix). */
  readonly start: number;
}

// "whitespace characters": the ASCII ones; any other character is not part of the string.
const LEADING_SPACE = /^[\t\n\v\f\r ]+/;
const LIGHTNING_SCHEME = /^lightning:/i;

/**
 * Reads `text`: surrounding whitespace and a `lightning:` prefix are dropped; then "if it
 * encounters a `+` followed by zero or more whitespace characters between two bech32 characters:
 * MUST remove the `+` and whitespace" (any other `+` is refused); "MUST handle strings which are
 * all lowercase, or all uppercase" (mixed case is refused).
 */
export const readBolt12Text = (text: unknown, name: string): Bolt12Text => {
  if (typeof text !== 'string')
    throw new TypeError(`${name} must be a string, got ${describeValue(text)}`);
  let start = text.length - text.trimStart().length;
  let body = text.trim();
  if (LIGHTNING_SCHEME.test(body)) {
    start += 'lightning:'.length;
    body = body.slice('lightning:'.length);
  }
  if (body.length === 0)
    throw new Bolt12Error('empty', `${name} is empty`, { span: [0, text.length] });
  if (body.length > MAX_BOLT12_LENGTH) {
    throw new Bolt12Error(
      'too-long',
      `${name} is ${body.length} characters long; at most ${MAX_BOLT12_LENGTH} are read`,
      { span: [start, start + body.length] },
    );
  }
  // Where each character of the joined string stands in `text` (only when `+` joins parts).
  let joined = body;
  let positions: Int32Array | undefined;
  if (body.includes('+')) {
    const map = new Int32Array(body.length + 1);
    positions = map;
    joined = '';
    let at = 0;
    const parts = body.split('+');
    parts.forEach((part, i) => {
      const space = i === 0 ? '' : (LEADING_SPACE.exec(part)?.[0] ?? '');
      if (part.length === space.length) {
        const plus = i === 0 ? at : at - 1;
        throw new Bolt12Error(
          'invalid-continuation',
          `the "+" at position ${start + plus} does not join two parts of the string: it must stand between two bech32 characters`,
          { span: [start + plus, start + plus + 1] },
        );
      }
      for (let k = space.length; k < part.length; k++)
        map[joined.length + k - space.length] = start + at + k;
      joined += part.slice(space.length);
      at += part.length + 1;
    });
    map[joined.length] = start + body.length;
  }
  const position = (i: number): number => (positions ? (positions[i] as number) : start + i);
  const mapSpan = ([from, to]: Span): Span => [position(from), position(to - 1) + 1];
  const error: ErrorFactory<Bolt12ErrorCode> = (code, message, span) =>
    new Bolt12Error(code, message, { span: span && mapSpan(span) });
  const { hrp, words, uppercase } = readBech32(joined, {
    limit: MAX_BOLT12_LENGTH,
    checksum: 'none',
    what: name,
    checkPrefix: (prefix, span) => {
      if (!Object.hasOwn(PREFIXES, prefix)) throw unknownPrefix(prefix, mapSpan(span));
    },
    // With `checksum: 'none'` the reader never reports 'too-short' or 'invalid-checksum'.
    error: error as ErrorFactory<string>,
  });
  const dataStart = hrp.length + 1;
  const bytes = wordsToBytes(words);
  if (bytes === undefined) {
    throw error(
      'invalid-padding',
      `the last character of ${name} leaves bits that are not zero, or more than 4 of them`,
      [joined.length - 1, joined.length],
    );
  }
  return {
    prefix: hrp as Bolt12Prefix,
    bytes,
    uppercase,
    prefixSpan: mapSpan([0, hrp.length]),
    start,
    partSpanOf: (from, to) =>
      mapSpan([dataStart + Math.ceil((from * 8) / 5), dataStart + Math.ceil((to * 8) / 5)]),
    spanOf: (from, to) =>
      mapSpan([dataStart + Math.floor((from * 8) / 5), dataStart + Math.ceil((to * 8) / 5)]),
  };
};

const unknownPrefix = (prefix: string, span: Span): Bolt12Error => {
  const bolt11 = /^ln(bc|tb|tbs|bcrt|sb)/.test(prefix);
  return new Bolt12Error(
    'unknown-prefix',
    `prefix ${showText(prefix)} is not a BOLT 12 prefix (lno offers, lnr invoice requests, lni invoices)${bolt11 ? ': it looks like a BOLT 11 invoice, which @lninvoice/core decodes' : ''}`,
    { span },
  );
};

/** The lowercase (or, for QR codes, uppercase) string of a message's bytes. */
export const writeBolt12Text = (
  prefix: Bolt12Prefix,
  bytes: Uint8Array,
  uppercase = false,
): string => {
  const text = `${prefix}1${wordsToChars(bytesToWords(bytes))}`;
  return uppercase ? text.toUpperCase() : text;
};
