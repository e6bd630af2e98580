// From the pasted string to words: trim, `lightning:` prefix, bech32, and the split of the data
// part into timestamp, tagged fields and signature. Spans point into the original input.
import { readBech32 } from '../bech32.js';
import type { Span } from '../errors.js';
import { showText } from '../text.js';
import { Bolt11Error, bolt11Error } from './error.js';
import { tagOfType } from './field-table.js';
import type { TaggedField } from './invoice.js';
import { MAX_INVOICE_LENGTH, SIGNATURE_WORDS, TIMESTAMP_WORDS } from './spec.js';

const URI_SCHEME = 'lightning:';

/** An invoice string with a valid bech32 checksum. */
export interface InvoiceString {
  /** Where the invoice starts in the input (after whitespace and `lightning:`). */
  readonly offset: number;
  /** Lowercase human-readable part. */
  readonly hrp: string;
  /** Data words, checksum removed. */
  readonly words: Uint8Array;
}

/** A BOLT 11 prefix is `ln`, a currency and an amount: letters and digits only. */
const checkPrefix = (hrp: string, [start]: Span): void => {
  const i = hrp.search(/[^a-z0-9]/);
  if (i < 0) return;
  const hint = hrp.startsWith('//') ? ' (the URI scheme is "lightning:", without "//")' : '';
  throw new Bolt11Error(
    'invalid-character',
    `character ${showText(hrp.charAt(i))} at position ${start + i} cannot appear in an invoice prefix${hint}`,
    { span: [start + i, start + i + 1] },
  );
};

/**
 * Reads `input` as an invoice string: surrounding whitespace and a `lightning:` prefix (any case)
 * are dropped; then bech32, "also without the character limit" but for the 7089-character cap,
 * which is checked before anything is decoded.
 */
export const readInvoiceString = (input: string): InvoiceString => {
  let offset = input.length - input.trimStart().length;
  let text = input.trim();
  if (text.slice(0, URI_SCHEME.length).toLowerCase() === URI_SCHEME) {
    text = text.slice(URI_SCHEME.length);
    offset += URI_SCHEME.length;
  }
  const { hrp, words } = readBech32(text, {
    limit: MAX_INVOICE_LENGTH,
    checksum: 'bech32',
    what: 'the invoice',
    offset,
    checkPrefix,
    error: bolt11Error,
  });
  return { offset, hrp, words };
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
export const wordPosition = (input: InvoiceString, index: number): number =>
  input.offset + input.hrp.length + 1 + index;

/**
 * Splits the data words into "`timestamp`: seconds-since-1970 (35 bits, big-endian)", the tagged
 * fields ("`type` (5 bits), `data_length` (10 bits, big-endian), `data` (`data_length` x 5 bits)")
 * and the 520-bit signature.
 */
export const splitDataPart = (input: InvoiceString): DataPart => {
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
    const type = words[i] as number;
    const tag = tagOfType(type);
    const room = signatureStart - i - 3;
    // With no room, the length words would be the signature's.
    const length = room < 0 ? -1 : (words[i + 1] as number) * 32 + (words[i + 2] as number);
    if (length < 0 || length > room) {
      throw new Bolt11Error(
        'truncated-field',
        `field "${tag}" ${length < 0 ? 'has no room for its length' : `declares ${length} words of data but only ${room} remain`} before the signature`,
        { span: [start, wordPosition(input, signatureStart)], field: tag },
      );
    }
    fields.push({
      tag,
      type,
      words: words.subarray(i + 3, i + 3 + length),
      span: [start, start + 3 + length],
    });
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
