// Decoding, stage 2: the rules on the set of fields. Each known field but `f` and `r` at most
// once; `p` and `s` present; exactly one of `d` and `h`.

import { Bolt11Error } from './error.js';
import { fieldName, type KnownFields, type SingleTag } from './field-table.js';
import type {
  FallbackAddress,
  Legacy,
  RelaxedRule,
  RouteHintHop,
  UnverifiedInvoice,
} from './invoice.js';
import type { ReadFields } from './read-fields.js';
import { DEFAULT_EXPIRY, DEFAULT_MIN_FINAL_CLTV_EXPIRY_DELTA } from './spec.js';

/** The values of the fields, named as on the invoice, defaults applied. */
export type FieldSet = Pick<
  Legacy<UnverifiedInvoice>,
  | 'paymentHash'
  | 'paymentSecret'
  | 'description'
  | 'descriptionHash'
  | 'payeeNodeKey'
  | 'expiry'
  | 'minFinalCltvExpiryDelta'
  | 'fallbackAddresses'
  | 'routeHints'
  | 'features'
  | 'metadata'
>;

type Singles = { -readonly [T in SingleTag]?: KnownFields[T] };

/** Keeps the first field of its tag; a second one is a `duplicate-field`. */
const keepOnce = <T extends SingleTag>(singles: Singles, read: KnownFields[T]): void => {
  if (singles[read.tag] !== undefined)
    throw new Bolt11Error(
      'duplicate-field',
      `${fieldName(read.tag)}: appears twice; an invoice carries one`,
      {
        span: read.field.span,
        field: read.tag,
      },
    );
  singles[read.tag] = read;
};

/**
 * The set of fields of `read`. With `legacy`, a missing payment secret is recorded in `relaxed`
 * instead of failing (invoices written before 2021 have none).
 */
export const checkFieldSet = (
  read: ReadFields,
  legacy: boolean,
  relaxed: RelaxedRule[],
): FieldSet => {
  const singles: Singles = {};
  const fallbackAddresses: FallbackAddress[] = [];
  const routeHints: RouteHintHop[][] = [];
  for (const field of read.known) {
    if (field.tag === 'f') fallbackAddresses.push(field.value);
    else if (field.tag === 'r') routeHints.push(field.value);
    else keepOnce(singles, field);
  }
  // "A writer: MUST include exactly one `p` field."
  const { p, s, d, h } = singles;
  if (p === undefined)
    throw new Bolt11Error('missing-payment-hash', 'the invoice has no payment hash (p) field');
  // "if a valid `s` field is not provided: MUST fail the payment."
  if (s === undefined) {
    const message = 'the invoice has no payment secret (s) field';
    if (!legacy) throw new Bolt11Error('missing-payment-secret', message);
    relaxed.push({ code: 'missing-payment-secret', message, field: undefined, span: undefined });
  }
  // "MUST fail the payment if neither a `d` field nor a `h` field is present, or if both are present."
  if (d === undefined && h === undefined) {
    throw new Bolt11Error(
      'missing-description',
      'the invoice has neither a description (d) nor a description hash (h)',
    );
  }
  if (d !== undefined && h !== undefined) {
    throw new Bolt11Error(
      'duplicate-description',
      'the invoice has both a description (d) and a description hash (h); it must have exactly one',
      { span: h.field.span, field: 'h' },
    );
  }
  return {
    paymentHash: p.value,
    paymentSecret: s?.value,
    description: d?.value,
    descriptionHash: h?.value,
    payeeNodeKey: singles.n?.value,
    // "Default is 3600 (1 hour) if not specified." / "Default is 18 if not specified."
    expiry: singles.x?.value ?? DEFAULT_EXPIRY,
    minFinalCltvExpiryDelta: singles.c?.value ?? DEFAULT_MIN_FINAL_CLTV_EXPIRY_DELTA,
    fallbackAddresses,
    routeHints,
    features: singles[9]?.value ?? [],
    metadata: singles.m?.value,
  };
};
