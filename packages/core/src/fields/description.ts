// `d`: "Short description of purpose of payment (UTF-8)".
import type { TaggedField } from '../invoice.js';
import { decodeUtf8, encodeUtf8 } from '../utf8.js';
import { MAX_FIELD_BYTES, readBytes, writeBytes } from './bytes.js';
import { fieldError } from './field-error.js';

export const readDescription = (field: TaggedField): string => {
  const bytes = readBytes(field);
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    // "if `d` is included: MUST set `d` to a valid UTF-8 string."
    throw fieldError('invalid-utf8', field, `${bytes.length} bytes are not valid UTF-8`);
  }
  return text;
};

export const writeDescription = (text: string): Uint8Array => {
  const bytes = encodeUtf8(text);
  if (bytes === undefined)
    throw new RangeError('description contains a lone UTF-16 surrogate: it is not text');
  if (bytes.length > MAX_FIELD_BYTES) {
    throw new RangeError(
      `description is ${bytes.length} bytes of UTF-8; a d field holds ${MAX_FIELD_BYTES}: commit to a longer one with descriptionHash`,
    );
  }
  return writeBytes(bytes);
};
