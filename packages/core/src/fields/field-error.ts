import { Bolt11Error, type Bolt11ErrorCode } from '../errors.js';
import type { TaggedField } from '../invoice.js';

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
