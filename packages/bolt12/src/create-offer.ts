// Building an offer from typed parameters: "A writer of an offer" as BOLT 12 describes it.
import { bytesParam, checkedWhereUsed, readOptions } from '@lninvoice/core/options';
import { describeValue } from '@lninvoice/core/text';
import { decodeBytes } from './decode.js';
import { Bolt12Error } from './error.js';
import { featureBitmap } from './features.js';
import { FIELDS } from './fields.js';
import { readContext } from './options.js';
import {
  bitsParam,
  chainParam,
  extraRecordsParam,
  keyParam,
  msatParam,
  pathsParam,
  textParam,
  uintParam,
} from './params.js';
import { writeBlindedPaths } from './paths.js';
import { isOfferType } from './read.js';
import { type TlvRecord, writeTlvStream } from './tlv.js';
import type { Offer } from './types.js';
import { sortedRecords, truncatedBytes } from './write.js';

/**
 * What {@link createOffer} writes: each field of the offer, in spec terms, and the issuer's key.
 */
export interface CreateOfferParams {
  /** `offer_description`: required with an amount ("a complete description of the purpose"). */
  readonly description?: string;
  /** `offer_amount` in millisatoshis, per item. */
  readonly amountMsat?: bigint;
  /** `offer_amount` in minor units of `currency` (e.g. USD cents), with `currency`. */
  readonly amount?: bigint | number;
  /** `offer_currency`: an ISO 4217 three-letter code. */
  readonly currency?: string;
  /** `offer_issuer_id`: the node's key; required without `paths`. */
  readonly issuerId?: Uint8Array | string;
  /** `offer_paths`. */
  readonly paths?: readonly unknown[];
  /** `offer_chains` by name; omitted for bitcoin alone ("SHOULD omit `offer_chains`"). */
  readonly chains?: readonly string[];
  /** `offer_metadata`, for the issuer's own use. */
  readonly metadata?: Uint8Array | string;
  /** `offer_features`: bits to set. */
  readonly features?: readonly number[];
  /** `offer_absolute_expiry`: seconds since 1970. */
  readonly absoluteExpiry?: bigint | number;
  /** `offer_issuer`. */
  readonly issuer?: string;
  /** `offer_quantity_max`: 0 for any quantity. */
  readonly quantityMax?: bigint | number;
  /** Further records (experimental types 1000000000-1999999999, or odd types BOLT 12 does not yet define), as written. */
  readonly extraRecords?: readonly {
    /** The record type. */
    readonly type: bigint;
    /** The record value: bytes, or hex. */
    readonly value: Uint8Array | string;
  }[];
}

const CURRENCY = /^[A-Z]{3}$/;

const PARAMS: { readonly [K in keyof CreateOfferParams]-?: typeof checkedWhereUsed } = {
  description: checkedWhereUsed,
  amountMsat: checkedWhereUsed,
  amount: checkedWhereUsed,
  currency: checkedWhereUsed,
  issuerId: checkedWhereUsed,
  paths: checkedWhereUsed,
  chains: checkedWhereUsed,
  metadata: checkedWhereUsed,
  features: checkedWhereUsed,
  absoluteExpiry: checkedWhereUsed,
  issuer: checkedWhereUsed,
  quantityMax: checkedWhereUsed,
  extraRecords: checkedWhereUsed,
};

/** Records of the offer fields in `p` (also what an invoice request without an offer writes). */
export const offerRecords = (
  p: { readonly [K in keyof CreateOfferParams]?: CreateOfferParams[K] | undefined },
  name: string,
): TlvRecord[] => {
  const records: TlvRecord[] = [];
  const put = (type: number, value: Uint8Array) => records.push({ type: BigInt(type), value });
  if (p.chains !== undefined) {
    if (!Array.isArray(p.chains) || p.chains.length === 0)
      throw new RangeError(
        `${name}.chains must be a non-empty array of chain names, got ${describeValue(p.chains)}`,
      );
    const hashes = p.chains.map((c, i) => chainParam(`${name}.chains[${i}]`, c));
    const onlyBitcoin = p.chains.length === 1 && p.chains[0] === 'bitcoin';
    if (!onlyBitcoin) put(2, Uint8Array.from(hashes.flatMap((h) => [...h])));
  }
  if (p.metadata !== undefined) put(4, bytesParam(`${name}.metadata`, p.metadata));
  if (p.currency !== undefined) {
    if (typeof p.currency !== 'string' || !CURRENCY.test(p.currency))
      throw new RangeError(
        `${name}.currency must be an ISO 4217 code of three capital letters, got ${describeValue(p.currency)}`,
      );
    if (p.amount === undefined)
      throw new RangeError(`${name}.currency needs ${name}.amount, in its minor units`);
    if (p.amountMsat !== undefined)
      throw new RangeError(`${name}: give amountMsat, or amount with currency, not both`);
    put(6, textParam(`${name}.currency`, p.currency));
    put(8, truncatedBytes(uintParam(`${name}.amount`, p.amount, undefined, 1n)));
  } else if (p.amount !== undefined) {
    throw new RangeError(
      `${name}.amount is in the minor units of a currency: give currency too, or amountMsat`,
    );
  }
  if (p.amountMsat !== undefined)
    put(8, truncatedBytes(msatParam(`${name}.amountMsat`, p.amountMsat)));
  if (p.description !== undefined) put(10, textParam(`${name}.description`, p.description));
  else if (records.some((r) => r.type === 8n))
    throw new RangeError(
      `${name}.description is required with an amount ("MUST set offer_description")`,
    );
  if (p.features !== undefined) put(12, featureBitmap(bitsParam(`${name}.features`, p.features)));
  if (p.absoluteExpiry !== undefined)
    put(14, truncatedBytes(uintParam(`${name}.absoluteExpiry`, p.absoluteExpiry)));
  if (p.paths !== undefined) put(16, writeBlindedPaths(pathsParam(`${name}.paths`, p.paths)));
  if (p.issuer !== undefined) put(18, textParam(`${name}.issuer`, p.issuer));
  if (p.quantityMax !== undefined)
    put(20, truncatedBytes(uintParam(`${name}.quantityMax`, p.quantityMax)));
  if (p.issuerId !== undefined) put(22, keyParam(`${name}.issuerId`, p.issuerId));
  return records;
};

/** Not a type lninvoice writes itself, and in the offer's ranges. */
const extraOfferType = (type: bigint): boolean => isOfferType(type) && !FIELDS.has(Number(type));

/**
 * A new offer (offers are not signed): `encodeBolt12(createOffer(params))` is its string.
 * Parameters are checked like createInvoice's; the result is read back by the decoder, so it
 * passes every reader rule.
 */
export const createOffer = (params: CreateOfferParams): Offer => {
  const p = readOptions<CreateOfferParams>('params', params, PARAMS);
  if (params === undefined) throw new TypeError('params must be an object, got undefined');
  const records = offerRecords(p, 'params');
  if (p.issuerId === undefined && p.paths === undefined)
    throw new RangeError(
      'params: give issuerId, paths, or both ("MUST set offer_issuer_id" without offer_paths)',
    );
  if (p.extraRecords !== undefined)
    records.push(...extraRecordsParam('params.extraRecords', p.extraRecords, extraOfferType));
  return readBack(() =>
    decodeBytes('offer', writeTlvStream(sortedRecords(records)), readContext({ verify: false })),
  );
};

/** The built message read back; a rule it breaks is the caller's parameter at fault. */
export const readBack = <T>(read: () => T): T => {
  try {
    return read();
  } catch (error) {
    if (error instanceof Bolt12Error)
      throw new RangeError(`params: ${error.message}`, { cause: error });
    throw error;
  }
};
