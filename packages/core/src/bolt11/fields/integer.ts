// `x` (expiry) and `c` (min_final_cltv_expiry_delta): big-endian integers of variable length.
// Writers "MUST use the minimum `data_length` possible, i.e. no leading 0 field-elements": the
// minimal encoding of 0 has no words at all. Readers: "if a `c`, `x`, or `9` field is provided
// which has a non-minimal `data_length` (i.e. begins with 0 field elements): SHOULD treat the
// invoice as invalid."
import { MAX_TIMESTAMP } from '../spec.js';
import type { FieldContext } from './context.js';

/**
 * The big-endian integer in `words`, or undefined when it exceeds Number.MAX_SAFE_INTEGER
 * (2^53 - 1): nothing here is ever rounded. No words are 0.
 */
export const wordsToSafeInteger = (words: ArrayLike<number>): number | undefined => {
  let value = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as number;
    if (value > (Number.MAX_SAFE_INTEGER - w) / 32) return undefined;
    value = value * 32 + w;
  }
  return value;
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

/**
 * The largest expiry read: `timestamp + expiry` (`expiresAt`) must stay an exact number, and a
 * timestamp may be 2^35 - 1.
 */
const MAX_EXPIRY = Number.MAX_SAFE_INTEGER - MAX_TIMESTAMP;

export const readInteger = (ctx: FieldContext): number => {
  const { words, tag } = ctx.field;
  if (words[0] === 0)
    ctx.breaks('non-minimal-encoding', `${words.length} words begin with a zero word`);
  const value = wordsToSafeInteger(words);
  if (value === undefined || (tag === 'x' && value > MAX_EXPIRY))
    throw ctx.fail('integer-too-large', `${words.length} words exceed 2^53-2^35, beyond any date`);
  return value;
};

/** The minimal words of a non-negative safe integer: none for 0. */
export const writeInteger = (value: number): Uint8Array => {
  const out: number[] = [];
  for (let v = value; v > 0; v = Math.floor(v / 32)) out.unshift(v % 32);
  return Uint8Array.from(out);
};
