// Fields whose data is plain bytes: `p`, `s`, `h`, `n` (fixed lengths) and `m`, and the byte
// part of `d`, `f` and `r`.
import type { TaggedField } from '../invoice.js';
import { bytesToWords, wordsToBytes } from '../words.js';
import { fieldError } from './field-error.js';

/** "`data_length` (10 bits, big-endian)": no field carries more than 1023 words. */
export const MAX_FIELD_WORDS = 1023;
/** "This is 1023 x 5 bits, or 639 bytes." */
export const MAX_FIELD_BYTES = Math.floor((MAX_FIELD_WORDS * 5) / 8);

/**
 * The bytes of a field's data. BIP 173 and BOLT 11 ("MUST pad field data to a multiple of 5
 * bits, using 0s"): the padding is fewer than 5 bits, all zero.
 */
export const readBytes = (field: TaggedField, words: Uint8Array = field.words): Uint8Array => {
  const bytes = wordsToBytes(words);
  if (bytes === undefined) {
    throw fieldError(
      'bad-padding',
      field,
      `${words.length} words do not end in fewer than 5 zero padding bits`,
    );
  }
  return bytes;
};

/** The words of `bytes`, zero-padded: the one encoding `readBytes` accepts. */
export const writeBytes = (bytes: Uint8Array): Uint8Array => bytesToWords(bytes);
