// `invoice_error`: the answer to an invoice request or invoice that went wrong, sent in an onion
// message as bytes (it has no string form). BOLT 12 gives its reader no rules yet ("FIXME"), so
// only the TLV stream and the UTF-8 of `error` are checked.
import { bytesParam, checkedWhereUsed, readOptions } from '@lninvoice/core/options';
import { describeValue } from '@lninvoice/core/text';
import { BITCOIN_CHAIN } from './chains.js';
import { Bolt12Error } from './error.js';
import { type FieldContext, tu64, utf8 } from './fields.js';
import { textParam, uintParam } from './params.js';
import { readTlvStream, type TlvRecord, writeTlvStream } from './tlv.js';
import { truncatedBytes } from './write.js';

/** An `invoice_error` (BOLT 12), read by {@link decodeInvoiceError}. */
export interface InvoiceError {
  /** `erroneous_field`: the type of the field at fault in the invoice or request. */
  readonly erroneousField: bigint | undefined;
  /** `suggested_value`: "a valid field for that `tlv_fieldnum`". */
  readonly suggestedValue: Uint8Array | undefined;
  /** `error`: "an explanatory string" — text from the other side: show it with care. */
  readonly error: string | undefined;
  /** Every record as written. */
  readonly records: readonly TlvRecord[];
}

/** An `invoice_error` from its bytes. */
export const decodeInvoiceError = (bytes: Uint8Array): InvoiceError => {
  if (!(bytes instanceof Uint8Array))
    throw new TypeError(`bytes must be a Uint8Array, got ${describeValue(bytes)}`);
  const records = readTlvStream(bytes, (s, e) => [s, e]);
  let erroneousField: bigint | undefined;
  let suggestedValue: Uint8Array | undefined;
  let error: string | undefined;
  for (const r of records) {
    // The readers of offers' fields: `erroneous_field` is a tu64, `error` UTF-8.
    const ctx: FieldContext = {
      fail: (code, why) => {
        throw new Bolt12Error(code, `${NAMES[r.number]}: ${why}`, {
          span: [r.start, r.end],
          field: NAMES[r.number],
        });
      },
      knownFeatures: [],
      chain: BITCOIN_CHAIN,
    };
    if (r.type === 1n) erroneousField = tu64(r.value, ctx);
    else if (r.type === 3n) suggestedValue = r.value.slice();
    else if (r.type === 5n) error = utf8(r.value, ctx);
    else if (r.type % 2n === 0n)
      throw new Bolt12Error('unknown-required-record', `type ${r.type} is even and unknown`, {
        span: [r.start, r.end],
      });
  }
  return {
    erroneousField,
    suggestedValue,
    error,
    records: records.map(({ type, value }) => ({ type, value: value.slice() })),
  };
};

const NAMES: Record<number, string> = { 1: 'erroneous_field', 3: 'suggested_value', 5: 'error' };

/** What {@link encodeInvoiceError} writes. */
export interface InvoiceErrorParams {
  /** "MUST set `error` to an explanatory string." */
  readonly error: string;
  /** `erroneous_field`: the type of the field at fault in the invoice or request. */
  readonly erroneousField?: bigint | number;
  /** Only with `erroneousField`: "otherwise: MUST NOT set `suggested_value`". */
  readonly suggestedValue?: Uint8Array | string;
}

/** The bytes of an `invoice_error`. */
export const encodeInvoiceError = (params: InvoiceErrorParams): Uint8Array => {
  if (params === undefined) throw new TypeError('params must be an object, got undefined');
  const p = readOptions<InvoiceErrorParams>('params', params, {
    error: checkedWhereUsed,
    erroneousField: checkedWhereUsed,
    suggestedValue: checkedWhereUsed,
  });
  const records: TlvRecord[] = [];
  if (p.erroneousField !== undefined)
    records.push({
      type: 1n,
      value: truncatedBytes(uintParam('params.erroneousField', p.erroneousField)),
    });
  if (p.suggestedValue !== undefined) {
    if (p.erroneousField === undefined)
      throw new RangeError(
        'params.suggestedValue needs params.erroneousField ("otherwise: MUST NOT set suggested_value")',
      );
    records.push({ type: 3n, value: bytesParam('params.suggestedValue', p.suggestedValue) });
  }
  if (p.error === undefined)
    throw new TypeError('params.error is required ("MUST set error to an explanatory string")');
  records.push({ type: 5n, value: textParam('params.error', p.error) });
  return writeTlvStream(records);
};
