// From bytes to the fields of one message: the TLV stream, the message's type ranges, unknown
// even types, then each known field by its reader. What is common to the three messages.
import { BITCOIN_CHAIN } from './chains.js';
import { Bolt12Error, type Bolt12ErrorCode, type Span } from './error.js';
import { FIELDS, type FieldContext, type FieldValues, fieldName } from './fields.js';
import { isSignatureType } from './merkle.js';
import type { Bolt12Kind } from './string.js';
import { type ReadRecord, readTlvStream } from './tlv.js';

/** A message's bytes, records and known fields, and how to report a rule it breaks. */
export interface ReadMessage {
  readonly kind: Bolt12Kind;
  readonly bytes: Uint8Array;
  readonly records: readonly ReadRecord[];
  readonly fields: Partial<FieldValues>;
  /** The record of each known field, by key. */
  readonly recordOf: Partial<Record<keyof FieldValues, ReadRecord>>;
  readonly spanOf: (start: number, end: number) => Span;
  /** Throws a Bolt12Error about the field `key` (its record's span), or the whole message. */
  readonly fail: (code: Bolt12ErrorCode, message: string, key?: keyof FieldValues) => never;
}

// Compared as numbers: every bound is exact in a double, and a type beyond 2^53 (rounded) is far
// above them all.
const inRange = (type: number, ranges: readonly (readonly [number, number])[]): boolean =>
  ranges.some(([from, to]) => type >= from && type <= to);

// "the inclusive ranges: 1 to 79 and 1000000000 to 1999999999" (offers); "0 to 159 and
// 1000000000 to 2999999999" for the non-signature fields of invoice requests. BOLT 12 sets none
// for invoices.
const OFFER_RANGES = [
  [1, 79],
  [1000000000, 1999999999],
] as const;
const REQUEST_RANGES = [
  [0, 159],
  [1000000000, 2999999999],
] as const;

/** True when type `type` is allowed in a `kind` message. */
const allowed = (kind: Bolt12Kind, type: number): boolean =>
  kind === 'offer'
    ? inRange(type, OFFER_RANGES)
    : kind === 'invoice_request'
      ? isSignatureType(type) || inRange(type, REQUEST_RANGES)
      : true;

/** Whether `type` belongs to the offer's fields (what an offer id covers). */
export const isOfferType = (type: bigint): boolean => inRange(Number(type), OFFER_RANGES);

/** Whether `type` is one of the request's fields that an invoice mirrors (not a signature). */
export const isRequestType = (type: bigint): boolean => inRange(Number(type), REQUEST_RANGES);

/** The records of `bytes` as a `kind` message, every known field read. */
export const readMessage = (
  kind: Bolt12Kind,
  bytes: Uint8Array,
  spanOf: (start: number, end: number) => Span,
  knownFeatures: readonly number[],
): ReadMessage => {
  const records = readTlvStream(bytes, spanOf);
  const fields: Partial<Record<keyof FieldValues, unknown>> = {};
  const recordOf: Partial<Record<keyof FieldValues, ReadRecord>> = {};
  const failAt = (code: Bolt12ErrorCode, message: string, record?: ReadRecord): never => {
    throw new Bolt12Error(code, message, {
      span: record ? spanOf(record.start, record.end) : spanOf(0, bytes.length),
      field: record && fieldName(record.type),
    });
  };
  // The record being read and its field's name: one `fail` for every field, no closure each.
  let current: ReadRecord | undefined;
  let currentName = '';
  const ctx: { -readonly [K in keyof FieldContext]: FieldContext[K] } = {
    fail: (code, message) => failAt(code, `${currentName}: ${message}`, current),
    knownFeatures,
    chain: BITCOIN_CHAIN,
  };
  for (const record of records) {
    const spec = FIELDS.get(record.number);
    if (!allowed(kind, record.number)) {
      failAt(
        'record-out-of-range',
        `${fieldName(record.type)} cannot appear in ${article(kind)}: BOLT 12 allows ${kind === 'offer' ? 'types 1-79 and 1000000000-1999999999' : 'types 0-159, 240-1000 and 1000000000-2999999999'}`,
        record,
      );
    }
    if (spec === undefined) {
      // BOLT 1: "if `type` is even: MUST fail to parse the `tlv_stream`"; odd: "MUST discard".
      if (record.type % 2n === 0n)
        failAt('unknown-required-record', `type ${record.type} is even and unknown`, record);
      continue;
    }
    current = record;
    currentName = spec.name;
    const value = spec.read(record.value, ctx);
    fields[spec.key] = value;
    recordOf[spec.key] = record;
    if (spec.key === 'invreqChain') ctx.chain = value as FieldValues['invreqChain'];
  }
  return {
    kind,
    bytes,
    records,
    fields: fields as Partial<FieldValues>,
    recordOf,
    spanOf,
    fail: (code, message, key) => failAt(code, message, key && recordOf[key]),
  };
};

/** "an offer", "an invoice_request", "an invoice". */
export const article = (kind: Bolt12Kind): string =>
  kind === 'offer' ? 'an offer' : kind === 'invoice' ? 'an invoice' : 'an invoice request';
