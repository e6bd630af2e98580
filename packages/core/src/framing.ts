// From the pasted string to words: trim, `lightning:` prefix, case, bech32, and the split of the
// data part into timestamp, tagged fields and signature. Spans point into the original input.
import { Bolt11Error, type Span } from './errors.js';
import type { TaggedField } from './invoice.js';
import { BECH32, CHARSET, CHECKSUM_LENGTH, charsToWords } from './words.js';

/** Longest invoice accepted: LDK's and lnd's bound, far above any invoice seen in practice. */
export const MAX_INVOICE_LENGTH = 7089;
export const TIMESTAMP_WORDS = 7;
export const SIGNATURE_WORDS = 104;
const URI_SCHEME = 'lightning:';

/** A bech32 string with a valid checksum. */
export interface Bech32Input {
  /** Where the invoice starts in the input (after whitespace and `lightning:`). */
  readonly offset: number;
  /** Lowercase human-readable part. */
  readonly hrp: string;
  /** Data words, checksum removed. */
  readonly words: Uint8Array;
  /** The invoice was written in uppercase (as in QR codes). */
  readonly uppercase: boolean;
}

const isLower = (c: number): boolean => c >= 97 && c <= 122;
// Searched by the engine's regular expressions: several times faster than a loop in JavaScript.
const NOT_PRINTABLE = /[^\x21-\x7e]/;
const UPPER = /[A-Z]/;
const LOWER = /[a-z]/;

/**
 * Reads `input` as bech32: surrounding whitespace and a `lightning:` prefix (any case) are
 * dropped; the separator is the last `1`; the 7089-character cap is checked before decoding.
 */
export const readBech32 = (input: string): Bech32Input => {
  const trimmed = input.trim();
  let offset = input.length - input.trimStart().length;
  let text = trimmed;
  if (text.slice(0, URI_SCHEME.length).toLowerCase() === URI_SCHEME) {
    text = text.slice(URI_SCHEME.length);
    offset += URI_SCHEME.length;
  }
  if (text.length === 0) throw new Bolt11Error('empty', 'the invoice is empty');
  if (text.length > MAX_INVOICE_LENGTH) {
    throw new Bolt11Error(
      'too-long',
      `the invoice is ${text.length} characters long; at most ${MAX_INVOICE_LENGTH} are accepted`,
      { span: [offset, offset + text.length] },
    );
  }

  // BIP 173: printable US-ASCII only, and "Decoders MUST NOT accept strings where some characters
  // are uppercase and some are lowercase".
  const i = text.search(NOT_PRINTABLE);
  if (i >= 0) {
    const shown = String.fromCodePoint(text.codePointAt(i) as number);
    throw new Bolt11Error(
      'invalid-character',
      `character ${JSON.stringify(shown)} at position ${offset + i} cannot appear in an invoice`,
      { span: [offset + i, offset + i + shown.length] },
    );
  }
  const firstUpper = text.search(UPPER);
  const firstLower = text.search(LOWER);
  if (firstUpper >= 0 && firstLower >= 0) {
    const at = Math.max(firstUpper, firstLower);
    throw new Bolt11Error(
      'mixed-case',
      `the invoice mixes upper and lower case (first at position ${offset + at}); it must be all one case`,
      { span: [offset + at, offset + at + 1] },
    );
  }
  const uppercase = firstUpper >= 0;
  const lower = uppercase ? text.toLowerCase() : text;

  const separator = lower.lastIndexOf('1');
  if (separator < 0) {
    throw new Bolt11Error(
      'no-separator',
      'the invoice has no "1" separating its prefix from its data',
      {
        span: [offset, offset + text.length],
      },
    );
  }
  const hrp = lower.slice(0, separator);
  if (hrp.length === 0) {
    throw new Bolt11Error('unknown-prefix', 'the invoice has no prefix before its "1" separator', {
      span: [offset, offset + 1],
    });
  }
  // A BOLT 11 prefix is `ln`, a currency and an amount: letters and digits only.
  for (let i = 0; i < hrp.length; i++) {
    const c = hrp.charCodeAt(i);
    if (!isLower(c) && !(c >= 48 && c <= 57)) {
      const hint = text.startsWith('//') ? ' (the URI scheme is "lightning:", without "//")' : '';
      throw new Bolt11Error(
        'invalid-character',
        `character "${text.charAt(i)}" at position ${offset + i} cannot appear in an invoice prefix${hint}`,
        { span: [offset + i, offset + i + 1] },
      );
    }
  }

  const dataStart = separator + 1;
  const data = charsToWords(lower, dataStart, hrp);
  if (typeof data === 'number') {
    const at = offset + data;
    throw new Bolt11Error(
      'invalid-character',
      `character "${text.charAt(data)}" at position ${at} is not a bech32 character (${CHARSET})`,
      { span: [at, at + 1] },
    );
  }
  const all = data.words;
  if (all.length < CHECKSUM_LENGTH) {
    throw new Bolt11Error(
      'too-short',
      `the data part has ${all.length} characters; the checksum alone needs 6`,
      {
        span: [offset + dataStart, offset + lower.length],
      },
    );
  }
  if (data.constant !== BECH32) {
    throw new Bolt11Error(
      'bad-checksum',
      'the bech32 checksum does not match: the invoice is mistyped or damaged',
      {
        span: [offset + lower.length - CHECKSUM_LENGTH, offset + lower.length],
      },
    );
  }
  return { offset, hrp, words: all.subarray(0, all.length - CHECKSUM_LENGTH), uppercase };
};

/** The data part split into its sections (BOLT 11 "Data Part"). */
export interface DataPart {
  readonly timestamp: number;
  readonly fields: readonly TaggedField[];
  /** The 104 signature words. */
  readonly signatureWords: Uint8Array;
  /** Where the signature stands in the input. */
  readonly signatureSpan: Span;
  /** The words the signature covers: timestamp and tagged fields. */
  readonly signedWords: Uint8Array;
}

/** Character position of data word `index`. */
export const wordPosition = (input: Bech32Input, index: number): number =>
  input.offset + input.hrp.length + 1 + index;

/**
 * Splits the data words into "`timestamp`: seconds-since-1970 (35 bits, big-endian)", the tagged
 * fields ("`type` (5 bits), `data_length` (10 bits, big-endian), `data` (`data_length` x 5 bits)")
 * and the 520-bit signature.
 */
export const splitDataPart = (input: Bech32Input): DataPart => {
  const { words } = input;
  const signatureStart = words.length - SIGNATURE_WORDS;
  if (signatureStart < TIMESTAMP_WORDS) {
    throw new Bolt11Error(
      'too-short',
      `the data part has ${words.length} words; a timestamp and a signature alone need ${TIMESTAMP_WORDS + SIGNATURE_WORDS}`,
      { span: [wordPosition(input, 0), wordPosition(input, words.length)] },
    );
  }
  let timestamp = 0;
  for (let i = 0; i < TIMESTAMP_WORDS; i++) timestamp = timestamp * 32 + (words[i] as number);

  const fields: TaggedField[] = [];
  let i = TIMESTAMP_WORDS;
  while (i < signatureStart) {
    const start = wordPosition(input, i);
    if (i + 3 > signatureStart) {
      throw new Bolt11Error('truncated-field', 'a tagged field is cut short before the signature', {
        span: [start, wordPosition(input, signatureStart)],
      });
    }
    const type = words[i] as number;
    const length = (words[i + 1] as number) * 32 + (words[i + 2] as number);
    const tag = CHARSET.charAt(type);
    if (i + 3 + length > signatureStart) {
      throw new Bolt11Error(
        'truncated-field',
        `field "${tag}" declares ${length} words of data but only ${signatureStart - i - 3} remain before the signature`,
        { span: [start, wordPosition(input, signatureStart)], field: tag },
      );
    }
    const span: Span = [start, start + 3 + length];
    fields.push({ tag, type, words: words.subarray(i + 3, i + 3 + length), span });
    i += 3 + length;
  }
  return {
    timestamp,
    fields,
    signatureWords: words.subarray(signatureStart),
    signatureSpan: [wordPosition(input, signatureStart), wordPosition(input, words.length)],
    signedWords: words.subarray(0, signatureStart),
  };
};
