// `x` (expiry) and `c` (min_final_cltv_expiry_delta): big-endian integers of variable length.
// BOLT 11: "if a `c`, `x`, or `9` field is provided which has a non-minimal `data_length` (i.e.
// begins with 0 field elements): SHOULD treat the invoice as invalid."
import type { TaggedField } from '../invoice.js';
import { safeIntegerToWords, wordsToSafeInteger } from '../words.js';
import { fieldError } from './field-error.js';

export const readMinimalInteger = (field: TaggedField): number => {
  const { words } = field;
  if (words.length === 0) throw fieldError('empty-field', field, 'has no data');
  if (words.length > 1 && words[0] === 0) {
    throw fieldError('non-minimal-encoding', field, `${words.length} words begin with a zero word`);
  }
  const value = wordsToSafeInteger(words);
  if (value === undefined) {
    throw fieldError('integer-overflow', field, `${words.length} words exceed 2^53-1`);
  }
  return value;
};

/** "MUST use the minimum `data_length` possible, i.e. no leading 0 field-elements." */
export const writeMinimalInteger = (value: number): Uint8Array => safeIntegerToWords(value);
