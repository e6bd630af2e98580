import { Bolt11Error, type Bolt11ErrorCode } from '../errors.js';
import type { TaggedField } from '../invoice.js';
import { wordsToBytes } from '../words.js';

/** What each known field is called in messages. */
export const FIELD_NAMES: Readonly<Record<string, string>> = {
  p: 'payment hash (p)',
  s: 'payment secret (s)',
  d: 'description (d)',
  h: 'description hash (h)',
  n: 'payee node key (n)',
  x: 'expiry (x)',
  c: 'min_final_cltv_expiry_delta (c)',
  f: 'fallback address (f)',
  r: 'route hint (r)',
  9: 'features (9)',
  m: 'metadata (m)',
};

export const fieldName = (field: TaggedField): string =>
  FIELD_NAMES[field.tag] ?? `field "${field.tag}"`;

/** An error about one field, located at that field. */
export const fieldError = (
  code: Bolt11ErrorCode,
  field: TaggedField,
  message: string,
): Bolt11Error =>
  new Bolt11Error(code, `${fieldName(field)}: ${message}`, { span: field.span, field: field.tag });

/**
 * The bytes of a field's data. BIP 173 and BOLT 11 ("MUST pad field data to a multiple of 5
 * bits, using 0s"): the padding is fewer than 5 bits, all zero.
 */
export const fieldBytes = (field: TaggedField, words: Uint8Array = field.words): Uint8Array => {
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
