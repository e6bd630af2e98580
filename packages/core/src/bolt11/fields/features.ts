// `9`: "One or more 5-bit values containing features supported or required for receiving this
// payment." The field is big-endian: bit 0 is the lowest bit of the last word.
import { describeFeatureBit, type Feature } from '../features.js';
import type { FieldContext } from './context.js';

export const readFeatures = (ctx: FieldContext): Feature[] => {
  const { words } = ctx.field;
  // "MUST use the minimum `data_length` possible to encode the non-zero bits with no 0
  // field-elements at the start."
  if (words[0] === 0)
    ctx.breaks('non-minimal-encoding', `${words.length} words begin with a zero word`);
  const features: Feature[] = [];
  for (let w = words.length - 1; w >= 0; w--) {
    const word = words[w] as number;
    if (word === 0) continue;
    const base = (words.length - 1 - w) * 5;
    for (let b = 0; b < 5; b++) if ((word >> b) & 1) features.push(describeFeatureBit(base + b));
  }
  const unknownRequired = features.filter((f) => f.required && !f.known).map((f) => f.bit);
  // "if the `9` field contains unknown _even_ bits that are non-zero: MUST fail the payment.
  // SHOULD indicate the unknown bit to the user."
  if (unknownRequired.length > 0) {
    throw ctx.fail(
      'unknown-required-feature',
      `requires unknown feature bit${unknownRequired.length > 1 ? 's' : ''} ${unknownRequired.join(', ')}`,
    );
  }
  return features;
};

/** The minimal `9` data for a set of bits: no zero word first; no words at all for no bits. */
export const writeFeatures = (bits: readonly number[]): Uint8Array => {
  if (bits.length === 0) return new Uint8Array(0);
  const words = new Uint8Array(Math.floor(Math.max(...bits) / 5) + 1);
  for (const bit of bits) {
    const at = words.length - 1 - Math.floor(bit / 5);
    words[at] = (words[at] as number) | (1 << (bit % 5));
  }
  return words;
};
