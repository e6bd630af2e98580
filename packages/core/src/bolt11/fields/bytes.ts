// Fields whose data is plain bytes: `p`, `s`, `h`, `n` (fixed lengths) and `m`, and the byte
// part of `d`, `f` and `r`.
import { bytesToWords, wordsToBytes } from '../../bech32.js';
import type { FieldContext } from './context.js';

/**
 * The bytes of a field's data (or of `words`, a part of it). BIP 173 and BOLT 11 ("MUST pad
 * field data to a multiple of 5 bits, using 0s"): the padding is fewer than 5 bits, all zero.
 */
export const readBytes = (ctx: FieldContext, words: Uint8Array = ctx.field.words): Uint8Array => {
  const bytes = wordsToBytes(words);
  if (bytes === undefined)
    throw ctx.fail(
      'invalid-padding',
      `${words.length} words do not end in fewer than 5 zero padding bits`,
    );
  return bytes;
};

/** The words of `bytes`, zero-padded: the one encoding `readBytes` accepts. */
export const writeBytes = (bytes: Uint8Array): Uint8Array => bytesToWords(bytes);
