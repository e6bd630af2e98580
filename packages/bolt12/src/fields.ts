// The known TLV fields of offers, invoice requests and invoices: their type, spec name and reader.
// One table: messages share the offer and invoice request fields they mirror.

import { isValidWitnessProgram, segwitAddress } from '@lninvoice/core/address';
import { isValidPublicKey } from '@lninvoice/core/point';
import { decodeUtf8 } from '@lninvoice/core/text';
import { type Chain, chainOf } from './chains.js';
import { Cursor } from './cursor.js';
import { type Feature, type FeatureContext, readFeatures } from './features.js';
import {
  type BlindedPath,
  type BlindedPayInfo,
  type Fail,
  readBlindedPaths,
  readPayInfos,
} from './paths.js';

/** A fallback address of an invoice (`fallback_address`) that a payer may use. */
export interface FallbackAddress {
  /** The witness version, 0 to 16. */
  readonly version: number;
  /** The witness program, 2 to 40 bytes. */
  readonly program: Uint8Array;
  /** The address on the invoice's chain; undefined on a chain whose addresses are not known. */
  readonly address: string | undefined;
}

/** `invreq_bip_353_name`: the BIP 353 name the payer resolved to find the offer. */
export interface Bip353Name {
  /** The user part, before the `@` (BIP 353 without the ₿). */
  readonly name: string;
  /** The domain, after the `@`. */
  readonly domain: string;
}

/** What a field reader needs besides the value. */
export interface FieldContext {
  readonly fail: Fail;
  /** The even feature bits the reader knows besides BOLT 12's. */
  readonly knownFeatures: readonly number[];
  /** The invoice's chain, for its fallback addresses. */
  readonly chain: Chain;
}

/** Every known field's value, by the field's key. */
export interface FieldValues {
  invreqMetadata: Uint8Array;
  offerChains: Chain[];
  offerMetadata: Uint8Array;
  offerCurrency: string;
  offerAmount: bigint;
  offerDescription: string;
  offerFeatures: Feature[];
  offerAbsoluteExpiry: bigint;
  offerPaths: BlindedPath[];
  offerIssuer: string;
  offerQuantityMax: bigint;
  offerIssuerId: Uint8Array;
  invreqChain: Chain;
  invreqAmount: bigint;
  invreqFeatures: Feature[];
  invreqQuantity: bigint;
  invreqPayerId: Uint8Array;
  invreqPayerNote: string;
  invreqPaths: BlindedPath[];
  invreqBip353Name: Bip353Name;
  invoicePaths: BlindedPath[];
  invoiceBlindedpay: BlindedPayInfo[];
  invoiceCreatedAt: bigint;
  invoiceRelativeExpiry: number;
  invoicePaymentHash: Uint8Array;
  invoiceAmount: bigint;
  invoiceFallbacks: FallbackAddress[];
  invoiceFeatures: Feature[];
  invoiceNodeId: Uint8Array;
  signature: Uint8Array;
}

export type FieldKey = keyof FieldValues;

interface FieldSpec<K extends FieldKey> {
  readonly key: K;
  readonly name: string;
  readonly read: (value: Uint8Array, ctx: FieldContext) => FieldValues[K];
}

// ---- value readers -----------------------------------------------------------------------------

/** BOLT 1: 21 million bitcoin, the largest amount in millisatoshis ("MUST be at most"). */
export const MAX_MSAT = 0x1d24b2dfac520000n;

/** `tuN`: "a 0 to N/8 byte truncated unsigned integer", minimal ("no leading zero bytes"). */
const truncated =
  (size: number) =>
  (value: Uint8Array, { fail }: FieldContext): bigint => {
    if (value.length > size)
      fail('invalid-field-length', `it is ${value.length} bytes long; at most ${size} hold it`);
    if (value[0] === 0)
      fail('non-minimal-encoding', 'it starts with a zero byte; BOLT 1 requires the fewest bytes');
    let n = 0n;
    for (const byte of value) n = (n << 8n) | BigInt(byte);
    return n;
  };
export const tu64 = truncated(8);
const tu32 = (value: Uint8Array, ctx: FieldContext): number => Number(truncated(4)(value, ctx));

/** An amount in millisatoshis: a tu64 at most 21 million bitcoin. */
const msat = (value: Uint8Array, ctx: FieldContext): bigint => {
  const amount = tu64(value, ctx);
  if (amount > MAX_MSAT)
    ctx.fail(
      'amount-too-large',
      `${amount} msat is more than 21 million bitcoin (${MAX_MSAT} msat)`,
    );
  return amount;
};

const fixed =
  (length: number) =>
  (value: Uint8Array, { fail }: FieldContext): Uint8Array => {
    if (value.length !== length)
      fail('invalid-field-length', `it is ${value.length} bytes long; it must be ${length}`);
    return value.slice();
  };

/** `point`: "a 33-byte Elliptic Curve point (compressed encoding …)" on secp256k1. */
const point = (value: Uint8Array, ctx: FieldContext): Uint8Array => {
  const key = fixed(33)(value, ctx);
  if (!isValidPublicKey(key))
    ctx.fail('invalid-public-key', 'it is not a compressed public key on secp256k1');
  return key;
};

/** `...*utf8`: readers "MAY reject any messages containing an array of these which is not a valid UTF-8 string"; BOLT 12's vectors require it. */
export const utf8 = (value: Uint8Array, { fail }: FieldContext): string => {
  const text = decodeUtf8(value);
  if (text === undefined) return fail('invalid-utf8', 'it is not valid UTF-8');
  return text;
};

const bytes = (value: Uint8Array): Uint8Array => value.slice();

const features =
  (context: FeatureContext) =>
  (value: Uint8Array, ctx: FieldContext): Feature[] =>
    readFeatures(value, context, ctx.knownFeatures);

const paths = (value: Uint8Array, ctx: FieldContext): BlindedPath[] => {
  // An empty list is no path at all: "MUST reject the invoice if `invoice_paths` is not present
  // or is empty"; offers and requests with an empty list have no way in either.
  if (value.length === 0) ctx.fail('empty-paths', 'it holds no blinded path');
  return readBlindedPaths(value, ctx.fail, (key, what) => {
    if (!isValidPublicKey(key))
      ctx.fail('invalid-public-key', `${what} is not a compressed public key on secp256k1`);
  });
};

const chains = (value: Uint8Array, ctx: FieldContext): Chain[] => {
  if (value.length === 0) ctx.fail('empty-chains', 'it lists no chain');
  if (value.length % 32 !== 0)
    ctx.fail('invalid-field-length', `it is ${value.length} bytes long, not a multiple of 32`);
  const out: Chain[] = [];
  for (let at = 0; at < value.length; at += 32) out.push(chainOf(value.subarray(at, at + 32)));
  return out;
};

// invreq_bip_353_name: "MUST reject the invoice request if `name` or `domain` contain any bytes
// which are not `0`-`9`, `a`-`z`, `A`-`Z`, `-`, `_` or `.`."
const NAME_BYTES = /^[0-9A-Za-z._-]*$/;
const bip353Name = (value: Uint8Array, { fail }: FieldContext): Bip353Name => {
  const cursor = new Cursor(value, (what) =>
    fail('invalid-field-length', `it ends inside its ${what}`),
  );
  const read = (what: string): string => {
    const part = cursor.take(cursor.uint(1, `${what}_len`), what);
    const text = String.fromCharCode(...part);
    if (!NAME_BYTES.test(text))
      fail(
        'invalid-bip353-name',
        `its ${what} holds a byte other than 0-9, a-z, A-Z, "-", "_" or "."`,
      );
    return text;
  };
  const name = read('name');
  const domain = read('domain');
  if (!cursor.done) fail('invalid-field-length', 'bytes follow its domain');
  return { name, domain };
};

/**
 * `invoice_fallbacks`: every `fallback_address`, of which a payer "MUST ignore any … for which
 * `version` is greater than 16", "… `address` is less than 2 or greater than 40 bytes", "… does
 * not meet known requirements for the given `version`": those are left out.
 */
const fallbacks = (value: Uint8Array, { fail, chain }: FieldContext): FallbackAddress[] => {
  const out: FallbackAddress[] = [];
  let n = 0;
  const cursor = new Cursor(value, (what) =>
    fail('invalid-fallback', `fallback_address ${n + 1} ends inside its ${what}`),
  );
  while (!cursor.done) {
    const version = cursor.uint(1, 'version');
    const program = cursor.take(cursor.uint(2, 'len'), 'address');
    n++;
    if (version > 16 || !isValidWitnessProgram(version, program.length)) continue;
    const address = chain.network && segwitAddress(chain.network, version, program);
    out.push({ version, program, address });
  }
  return out;
};

// ---- the table ---------------------------------------------------------------------------------

const field = <K extends FieldKey>(key: K, name: string, read: FieldSpec<K>['read']) => ({
  key,
  name,
  read,
});

/** The known fields by type. */
export const FIELDS: ReadonlyMap<number, FieldSpec<FieldKey>> = new Map<
  number,
  FieldSpec<FieldKey>
>([
  [0, field('invreqMetadata', 'invreq_metadata', bytes)],
  [2, field('offerChains', 'offer_chains', chains)],
  [4, field('offerMetadata', 'offer_metadata', bytes)],
  [6, field('offerCurrency', 'offer_currency', utf8)],
  [8, field('offerAmount', 'offer_amount', tu64)],
  [10, field('offerDescription', 'offer_description', utf8)],
  [12, field('offerFeatures', 'offer_features', features('offer'))],
  [14, field('offerAbsoluteExpiry', 'offer_absolute_expiry', tu64)],
  [16, field('offerPaths', 'offer_paths', paths)],
  [18, field('offerIssuer', 'offer_issuer', utf8)],
  [20, field('offerQuantityMax', 'offer_quantity_max', tu64)],
  [22, field('offerIssuerId', 'offer_issuer_id', point)],
  [80, field('invreqChain', 'invreq_chain', (v, ctx) => chainOf(fixed(32)(v, ctx)))],
  [82, field('invreqAmount', 'invreq_amount', msat)],
  [84, field('invreqFeatures', 'invreq_features', features('invoice_request'))],
  [86, field('invreqQuantity', 'invreq_quantity', tu64)],
  [88, field('invreqPayerId', 'invreq_payer_id', point)],
  [89, field('invreqPayerNote', 'invreq_payer_note', utf8)],
  [90, field('invreqPaths', 'invreq_paths', paths)],
  [91, field('invreqBip353Name', 'invreq_bip_353_name', bip353Name)],
  [160, field('invoicePaths', 'invoice_paths', paths)],
  [
    162,
    field('invoiceBlindedpay', 'invoice_blindedpay', (v, ctx) =>
      readPayInfos(v, ctx.fail, 'blinded_payinfo', ctx.knownFeatures),
    ),
  ],
  [164, field('invoiceCreatedAt', 'invoice_created_at', tu64)],
  [166, field('invoiceRelativeExpiry', 'invoice_relative_expiry', tu32)],
  [168, field('invoicePaymentHash', 'invoice_payment_hash', fixed(32))],
  [170, field('invoiceAmount', 'invoice_amount', msat)],
  [172, field('invoiceFallbacks', 'invoice_fallbacks', fallbacks)],
  [174, field('invoiceFeatures', 'invoice_features', features('invoice'))],
  [176, field('invoiceNodeId', 'invoice_node_id', point)],
  [240, field('signature', 'signature', fixed(64))],
] as [number, FieldSpec<FieldKey>][]);

/** The spec name of type `type`, or `type N`. */
export const fieldName = (type: bigint | number): string =>
  FIELDS.get(Number(type))?.name ?? `type ${type}`;
