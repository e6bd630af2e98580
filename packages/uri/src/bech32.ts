// Reading bech32 (BIP 173) and bech32m (BIP 350) strings, each failure with its own code. The
// checksum itself is @scure/base's; the checks before it name what is wrong and where.
import { bech32, bech32m } from '@scure/base';
import { quote, UriError } from './errors.js';

export const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

export interface Bech32Options {
  /** Longest string accepted: 90 for addresses (BIP 173), more for invoices and LNURLs. */
  readonly limit: number;
  /** Accept bech32m checksums too (segwit v1+ addresses). */
  readonly bech32m: boolean;
}

export interface Bech32Decoded {
  /** The human-readable part, lowercase. */
  readonly prefix: string;
  readonly words: readonly number[];
  readonly encoding: 'bech32' | 'bech32m';
}

/** Decodes the bech32 string `text` (a `what`) found at `offset` of the input. */
export const readBech32 = (
  text: string,
  offset: number,
  what: string,
  { limit, bech32m: allowBech32m }: Bech32Options,
): Bech32Decoded => {
  const span = [offset, offset + text.length] as const;
  if (text.length > limit) {
    throw new UriError(
      'too-long',
      `${what}: ${text.length} characters, more than the ${limit} accepted`,
      span,
    );
  }
  // Printable ASCII first, so that case folding below keeps every character at its offset.
  const badCharacter = (i: number, why: string) =>
    new UriError(
      'invalid-character',
      `${what}: ${quote(text.charAt(i))} at offset ${offset + i} ${why}`,
      [offset + i, offset + i + 1],
    );
  const unprintable = /[^\x21-\x7e]/.exec(text);
  if (unprintable) throw badCharacter(unprintable.index, 'is not printable ASCII (BIP 173)');
  const lower = text.toLowerCase();
  // BIP 173: "Decoders MUST NOT accept strings where some characters are uppercase and some are lowercase".
  if (text !== lower && text !== text.toUpperCase()) {
    throw new UriError(
      'mixed-case',
      `${what}: ${quote(text)} mixes upper and lower case; bech32 is all one or the other`,
      span,
    );
  }
  const separator = lower.lastIndexOf('1');
  if (separator < 1 || lower.length - separator - 1 < 6) {
    throw new UriError(
      'invalid-bech32',
      `${what}: ${quote(text)} is not bech32: it needs a prefix, the separator "1" and at least 6 checksum characters`,
      span,
    );
  }
  for (let i = separator + 1; i < lower.length; i++) {
    if (!CHARSET.includes(lower.charAt(i))) throw badCharacter(i, 'is not a bech32 character');
  }
  const decoded = bech32.decodeUnsafe(lower, false);
  if (decoded) return { prefix: decoded.prefix, words: decoded.words, encoding: 'bech32' };
  const decodedM = allowBech32m ? bech32m.decodeUnsafe(lower, false) : undefined;
  if (decodedM) return { prefix: decodedM.prefix, words: decodedM.words, encoding: 'bech32m' };
  throw new UriError(
    'invalid-checksum',
    `${what}: the checksum of ${quote(text)} does not match: a character is wrong or missing`,
    span,
  );
};

/** Bytes of 5-bit `words`; undefined when the padding is 5 bits or more, or not zero (BIP 173). */
export const wordsToBytes = (words: readonly number[]): Uint8Array | undefined =>
  bech32.fromWordsUnsafe([...words]) ?? undefined;
