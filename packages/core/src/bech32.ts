// Bech32 (BIP 173) and bech32m (BIP 350): the one reader of every package, for BOLT 11 invoices
// (no 90-character limit: "also without the character limit"), LNURLs, segwit addresses and
// BOLT 12 strings (no checksum), each failure with its own code; 5-bit ⇄ 8-bit conversion.
import type { ErrorFactory, Span } from './errors.js';
import { showText } from './text.js';

/** The 32 characters of bech32, in the order of their 5-bit values (BIP 173). */
export const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

/** char code → 5-bit value, or -1. Only lowercase: callers lowercase first. */
const WORD_OF = new Int8Array(128).fill(-1);
for (let i = 0; i < CHARSET.length; i++) WORD_OF[CHARSET.charCodeAt(i)] = i;

/** The 5-bit value of a lowercase bech32 character, or -1. */
export const wordOf = (charCode: number): number =>
  charCode < 128 ? (WORD_OF[charCode] ?? -1) : -1;

/** Characters of the checksum at the end of a bech32 string. */
export const CHECKSUM_LENGTH = 6;
/** The checksum constants of bech32 (BIP 173) and bech32m (BIP 350). */
const CONSTANTS = { bech32: 1, bech32m: 0x2bc830a3 } as const;
/**
 * The checksum of a bech32 string: `'bech32'` (BIP 173) or `'bech32m'` (BIP 350).
 *
 * @useDeclaredType
 */
export type Bech32Variant = keyof typeof CONSTANTS;

const GENERATORS = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
/** The XOR of the generators selected by each 5-bit top of the checksum: one lookup per step. */
const GENERATOR_SUMS = new Int32Array(32);
for (let top = 0; top < 32; top++) {
  let sum = 0;
  for (let i = 0; i < 5; i++) if ((top >>> i) & 1) sum ^= GENERATORS[i] as number;
  GENERATOR_SUMS[top] = sum;
}

const polymodStep = (chk: number, value: number): number =>
  ((chk & 0x1ffffff) << 5) ^ value ^ (GENERATOR_SUMS[chk >>> 25] as number);

const hrpChecksumState = (hrp: string): number => {
  let chk = 1;
  for (let i = 0; i < hrp.length; i++) chk = polymodStep(chk, hrp.charCodeAt(i) >>> 5);
  chk = polymodStep(chk, 0);
  for (let i = 0; i < hrp.length; i++) chk = polymodStep(chk, hrp.charCodeAt(i) & 31);
  return chk;
};

/** The 6 checksum words of lowercase `hrp` and data `words`. */
export const checksumWords = (
  hrp: string,
  words: ArrayLike<number>,
  variant: Bech32Variant = 'bech32',
): Uint8Array => {
  let chk = hrpChecksumState(hrp);
  for (let i = 0; i < words.length; i++) chk = polymodStep(chk, words[i] as number);
  for (let i = 0; i < CHECKSUM_LENGTH; i++) chk = polymodStep(chk, 0);
  chk ^= CONSTANTS[variant];
  const out = new Uint8Array(CHECKSUM_LENGTH);
  for (let i = 0; i < CHECKSUM_LENGTH; i++) out[i] = (chk >>> (5 * (5 - i))) & 31;
  return out;
};

/** Lowercase bech32 characters of `words`. */
export const wordsToChars = (words: ArrayLike<number>): string => {
  let out = '';
  for (let i = 0; i < words.length; i++) out += CHARSET[words[i] as number];
  return out;
};

/** `hrp`, the separator, `words` and their checksum: a lowercase bech32 (or bech32m) string. */
export const encodeBech32 = (
  hrp: string,
  words: ArrayLike<number>,
  variant: Bech32Variant = 'bech32',
): string => `${hrp}1${wordsToChars(words)}${wordsToChars(checksumWords(hrp, words, variant))}`;

/** The codes `readBech32` fails with: every package that reads bech32 has them. */
export type Bech32ErrorCode =
  | 'empty'
  | 'too-long'
  | 'invalid-character'
  | 'mixed-case'
  | 'missing-separator'
  | 'missing-prefix'
  | 'too-short'
  | 'invalid-checksum';

/** The options of {@link readBech32}: the length limit, the checksum, and the caller's error. */
export interface ReadBech32Options {
  /** Longest string accepted, checked before anything else is read. */
  readonly limit: number;
  /**
   * The checksum: one variant, `'any'` (segwit addresses, whose witness version says which must
   * be used) or `'none'` (BOLT 12 strings, which have none).
   */
  readonly checksum: Bech32Variant | 'any' | 'none';
  /** What the text is, for messages: `'the invoice'`, `'the LNURL'`, `'address "bc1…"'`. */
  readonly what: string;
  /** Where `text` starts in the caller's input: spans are offsets into that input. */
  readonly offset?: number;
  /** Checks the lowercase prefix before the data is read (a wrong one explains more than a checksum). */
  readonly checkPrefix?: (hrp: string, span: Span) => void;
  /** Makes the caller's own error. */
  readonly error: ErrorFactory<Bech32ErrorCode>;
}

/** A bech32 string, read. */
export interface Bech32String {
  /** The human-readable part, lowercase. */
  readonly hrp: string;
  /** The data words, the checksum removed. */
  readonly words: Uint8Array;
  /** The checksum it carries; undefined when none is read (`checksum: 'none'`). */
  readonly variant: Bech32Variant | undefined;
  /** Written in upper case, as QR codes store it. */
  readonly uppercase: boolean;
}

// Searched by the engine's regular expressions: several times faster than a loop in JavaScript.
const NOT_PRINTABLE = /[^\x21-\x7e]/;
const UPPER = /[A-Z]/;
const LOWER = /[a-z]/;

/**
 * Reads `text` as bech32: length first (BOLT 11 invoices have no 90-character limit, so nothing
 * is decoded before the cap is checked), then BIP 173's rules: printable US-ASCII only, "Decoders
 * MUST NOT accept strings where some characters are uppercase and some are lowercase", the
 * separator is the last `1`, the data part is bech32 characters ending in a valid checksum.
 */
export const readBech32 = (text: string, options: ReadBech32Options): Bech32String => {
  const { limit, checksum, what, offset = 0, error } = options;
  const end = offset + text.length;
  if (text.length === 0) throw error('empty', `${what} is empty`, [offset, end]);
  if (text.length > limit) {
    throw error(
      'too-long',
      `${what} is ${text.length} characters long; at most ${limit} are accepted`,
      [offset, end],
    );
  }
  const badCharacter = (i: number, why: string) => {
    const char = String.fromCodePoint(text.codePointAt(i) as number);
    return error(
      'invalid-character',
      `character ${showText(char)} at position ${offset + i} ${why}`,
      [offset + i, offset + i + char.length],
    );
  };
  const unprintable = text.search(NOT_PRINTABLE);
  if (unprintable >= 0) throw badCharacter(unprintable, `cannot appear in ${what}`);
  const firstUpper = text.search(UPPER);
  const firstLower = text.search(LOWER);
  if (firstUpper >= 0 && firstLower >= 0) {
    const at = offset + Math.max(firstUpper, firstLower);
    throw error(
      'mixed-case',
      `${what} mixes upper and lower case (first at position ${at}); it must be all one case`,
      [at, at + 1],
    );
  }
  const uppercase = firstUpper >= 0;
  const lower = uppercase ? text.toLowerCase() : text;
  const separator = lower.lastIndexOf('1');
  if (separator < 0)
    throw error('missing-separator', `${what} has no "1" separating its prefix from its data`, [
      offset,
      end,
    ]);
  if (separator === 0)
    throw error('missing-prefix', `${what} has no prefix before its "1" separator`, [
      offset,
      offset + 1,
    ]);
  const hrp = lower.slice(0, separator);
  options.checkPrefix?.(hrp, [offset, offset + separator]);

  // The words and the checksum state in one pass.
  const dataStart = separator + 1;
  const all = new Uint8Array(lower.length - dataStart);
  let chk = hrpChecksumState(hrp);
  for (let i = 0; i < all.length; i++) {
    const word = wordOf(lower.charCodeAt(dataStart + i));
    if (word < 0) throw badCharacter(dataStart + i, `is not a bech32 character (${CHARSET})`);
    all[i] = word;
    chk = polymodStep(chk, word);
  }
  if (checksum === 'none') return { hrp, words: all, variant: undefined, uppercase };
  if (all.length < CHECKSUM_LENGTH) {
    throw error(
      'too-short',
      `the data part of ${what} has ${all.length} characters; the checksum alone needs ${CHECKSUM_LENGTH}`,
      [offset + dataStart, end],
    );
  }
  const variant =
    chk === CONSTANTS.bech32 ? 'bech32' : chk === CONSTANTS.bech32m ? 'bech32m' : undefined;
  if (variant === undefined || (checksum !== 'any' && variant !== checksum)) {
    throw error(
      'invalid-checksum',
      `the checksum of ${what} does not match: a character is mistyped or missing`,
      [end - CHECKSUM_LENGTH, end],
    );
  }
  return { hrp, words: all.subarray(0, all.length - CHECKSUM_LENGTH), variant, uppercase };
};

/** Bytes of `words`, with zero bits appended to fill the last byte (the signing preimage rule). */
export const wordsToPaddedBytes = (words: ArrayLike<number>): Uint8Array => {
  const out = new Uint8Array(Math.ceil((words.length * 5) / 8));
  // Eight words are five bytes exactly: whole groups first, without an accumulator.
  const whole = words.length - (words.length % 8);
  let j = 0;
  for (let i = 0; i < whole; i += 8) {
    const w0 = words[i] as number;
    const w1 = words[i + 1] as number;
    const w2 = words[i + 2] as number;
    const w3 = words[i + 3] as number;
    const w4 = words[i + 4] as number;
    const w5 = words[i + 5] as number;
    const w6 = words[i + 6] as number;
    const w7 = words[i + 7] as number;
    out[j++] = (w0 << 3) | (w1 >> 2);
    out[j++] = ((w1 & 3) << 6) | (w2 << 1) | (w3 >> 4);
    out[j++] = ((w3 & 15) << 4) | (w4 >> 1);
    out[j++] = ((w4 & 1) << 7) | (w5 << 2) | (w6 >> 3);
    out[j++] = ((w6 & 7) << 5) | w7;
  }
  let acc = 0;
  let bits = 0;
  for (let i = whole; i < words.length; i++) {
    acc = ((acc << 5) | (words[i] as number)) & 0xfff;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >>> bits) & 0xff;
    }
  }
  if (bits > 0) out[j] = (acc << (8 - bits)) & 0xff;
  return out;
};

/**
 * Bytes of `words`, read as a big-endian bit string. The trailing bits that do not fill a byte are
 * padding: BIP 173 requires fewer than 5 of them, all zero. Returns undefined when they are not.
 */
export const wordsToBytes = (words: ArrayLike<number>): Uint8Array | undefined => {
  const padded = wordsToPaddedBytes(words);
  const whole = Math.floor((words.length * 5) / 8);
  const paddingBits = words.length * 5 - whole * 8;
  // The last padded byte holds the padding bits and the zeros appended after them.
  if (paddingBits >= 5 || (paddingBits > 0 && padded[whole] !== 0)) return undefined;
  return padded.slice(0, whole);
};

/**
 * 5-bit words of `bytes`, the last word padded with zero bits. Bit by bit: decoding never needs
 * it, and signing spends microseconds here next to hundreds in the signature.
 */
export const bytesToWords = (bytes: Uint8Array): Uint8Array => {
  const out = new Uint8Array(Math.ceil((bytes.length * 8) / 5));
  let acc = 0;
  let bits = 0;
  let j = 0;
  for (const byte of bytes) {
    acc = ((acc << 8) | byte) & 0x1fff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out[j++] = (acc >>> bits) & 31;
    }
  }
  if (bits > 0) out[j] = (acc << (5 - bits)) & 31;
  return out;
};
