// `d`: "Short description of purpose of payment (UTF-8)".
import { decodeUtf8, encodeUtf8 } from '../../text.js';
import { MAX_FIELD_BYTES } from '../spec.js';
import { readBytes, writeBytes } from './bytes.js';
import type { FieldContext } from './context.js';

export const readDescription = (ctx: FieldContext): string => {
  const bytes = readBytes(ctx);
  const text = decodeUtf8(bytes);
  // "if `d` is included: MUST set `d` to a valid UTF-8 string."
  if (text === undefined)
    throw ctx.fail('invalid-utf8', `${bytes.length} bytes are not valid UTF-8`);
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
