// The words layer: bech32 (BIP 173) without the 90-character limit, and 5-bit ⇄ 8-bit conversion.
// BOLT 11: "A reader MUST parse the address as Bech32, as specified in BIP-0173 (also without
// the character limit)."

export const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

/** char code → 5-bit value, or -1. Only lowercase: callers lowercase first. */
const WORD_OF = new Int8Array(128).fill(-1);
for (let i = 0; i < CHARSET.length; i++) WORD_OF[CHARSET.charCodeAt(i)] = i;

/** The 5-bit value of a lowercase bech32 character, or -1. */
export const wordOf = (charCode: number): number =>
  charCode < 128 ? (WORD_OF[charCode] ?? -1) : -1;

export const CHECKSUM_LENGTH = 6;
/** The checksum constant of bech32 (BIP 173): invoices, segwit v0 addresses. */
export const BECH32 = 1;
/** The checksum constant of bech32m (BIP 350): segwit v1+ addresses. */
export const BECH32M = 0x2bc830a3;
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

/**
 * The checksum constant `words` (data followed by the 6 checksum words) carry: `BECH32` or
 * `BECH32M` when valid, anything else when not.
 */
export const checksumConstant = (hrp: string, words: ArrayLike<number>): number => {
  let chk = hrpChecksumState(hrp);
  for (let i = 0; i < words.length; i++) chk = polymodStep(chk, words[i] as number);
  return chk;
};

/**
 * The words of the lowercase bech32 characters of `text` from `start` on, with the checksum
 * constant they carry under `hrp` (computed in the same pass); or, when a character is not in the
 * bech32 alphabet, its index in `text`.
 */
export const charsToWords = (
  text: string,
  start: number,
  hrp: string,
): { words: Uint8Array; constant: number } | number => {
  const words = new Uint8Array(text.length - start);
  let chk = hrpChecksumState(hrp);
  for (let i = 0; i < words.length; i++) {
    const word = wordOf(text.charCodeAt(start + i));
    if (word < 0) return start + i;
    words[i] = word;
    chk = polymodStep(chk, word);
  }
  return { words, constant: chk };
};

/** The 6 checksum words for lowercase `hrp` and data `words`. */
export const checksumWords = (
  hrp: string,
  words: ArrayLike<number>,
  constant: typeof BECH32 | typeof BECH32M = BECH32,
): Uint8Array => {
  let chk = hrpChecksumState(hrp);
  for (let i = 0; i < words.length; i++) chk = polymodStep(chk, words[i] as number);
  for (let i = 0; i < CHECKSUM_LENGTH; i++) chk = polymodStep(chk, 0);
  chk ^= constant;
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

/** Bytes of `words`, with zero bits appended to fill the last byte (the signing preimage rule). */
export const wordsToPaddedBytes = (words: Uint8Array): Uint8Array => {
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
export const wordsToBytes = (words: Uint8Array): Uint8Array | undefined => {
  const padded = wordsToPaddedBytes(words);
  const whole = Math.floor((words.length * 5) / 8);
  const paddingBits = words.length * 5 - whole * 8;
  // The last padded byte holds the padding bits and the zeros appended after them.
  if (paddingBits >= 5 || (paddingBits > 0 && padded[whole] !== 0)) return undefined;
  return padded.slice(0, whole);
};

/** 5-bit words of `bytes`, the last word padded with zero bits. */
export const bytesToWords = (bytes: Uint8Array): Uint8Array => {
  const out = new Uint8Array(Math.ceil((bytes.length * 8) / 5));
  // Five bytes are eight words exactly: whole groups first, without an accumulator.
  const whole = bytes.length - (bytes.length % 5);
  let j = 0;
  for (let i = 0; i < whole; i += 5) {
    const b0 = bytes[i] as number;
    const b1 = bytes[i + 1] as number;
    const b2 = bytes[i + 2] as number;
    const b3 = bytes[i + 3] as number;
    const b4 = bytes[i + 4] as number;
    out[j++] = b0 >> 3;
    out[j++] = ((b0 & 7) << 2) | (b1 >> 6);
    out[j++] = (b1 >> 1) & 31;
    out[j++] = ((b1 & 1) << 4) | (b2 >> 4);
    out[j++] = ((b2 & 15) << 1) | (b3 >> 7);
    out[j++] = (b3 >> 2) & 31;
    out[j++] = ((b3 & 3) << 3) | (b4 >> 5);
    out[j++] = b4 & 31;
  }
  let acc = 0;
  let bits = 0;
  for (let i = whole; i < bytes.length; i++) {
    acc = ((acc << 8) | (bytes[i] as number)) & 0x1fff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out[j++] = (acc >>> bits) & 31;
    }
  }
  if (bits > 0) out[j] = (acc << (5 - bits)) & 31;
  return out;
};

/**
 * The big-endian integer in `words`, or undefined when it exceeds Number.MAX_SAFE_INTEGER
 * (2^53 - 1): nothing here is ever rounded.
 */
export const wordsToSafeInteger = (words: Uint8Array): number | undefined => {
  let value = 0;
  for (const w of words) {
    if (value > (Number.MAX_SAFE_INTEGER - w) / 32) return undefined;
    value = value * 32 + w;
  }
  return value;
};

/** The minimal big-endian words of a non-negative safe integer (one zero word for zero). */
export const safeIntegerToWords = (value: number): Uint8Array => {
  const out: number[] = [];
  let v = value;
  do {
    out.push(v % 32);
    v = Math.floor(v / 32);
  } while (v > 0);
  return Uint8Array.from(out.reverse());
};

/** `value` in exactly `count` big-endian words. */
export const integerToFixedWords = (value: number, count: number): Uint8Array => {
  const out = new Uint8Array(count);
  let v = value;
  for (let i = count - 1; i >= 0; i--) {
    out[i] = v % 32;
    v = Math.floor(v / 32);
  }
  return out;
};

/** `hrp`, the separator, `words` and their bech32 checksum: a lowercase bech32 string. */
export const bech32String = (hrp: string, words: Uint8Array): string =>
  `${hrp}1${wordsToChars(words)}${wordsToChars(checksumWords(hrp, words))}`;
