// `d`: "Short description of purpose of payment (UTF-8)".
import type { TaggedField } from '../invoice.js';
import { decodeUtf8 } from '../utf8.js';
import { fieldBytes, fieldError } from './field-error.js';

export const readDescription = (field: TaggedField): string => {
  const bytes = fieldBytes(field);
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    // "if `d` is included: MUST set `d` to a valid UTF-8 string."
    throw fieldError('invalid-utf8', field, `${bytes.length} bytes are not valid UTF-8`);
  }
  return text;
};
