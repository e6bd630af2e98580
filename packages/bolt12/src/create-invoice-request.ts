// Building an invoice request, to answer an offer or to publish without one ("The writer").
import { bytesParam, checkedWhereUsed, readOptions } from '@lninvoice/core/options';
import { randomBytes } from '@lninvoice/core/random';
import { describeValue } from '@lninvoice/core/text';
import { chainNamed } from './chains.js';
import { offerRecords } from './create-offer.js';
import { decodeBytes, decodeOffer } from './decode.js';
import { featureBitmap } from './features.js';
import { type Bip353Name, FIELDS } from './fields.js';
import { readContext } from './options.js';
import {
  bitsParam,
  chainParam,
  extraRecordsParam,
  isRecord,
  keyParam,
  msatParam,
  pathsParam,
  textParam,
  uintParam,
} from './params.js';
import { writeBlindedPaths } from './paths.js';
import { type TlvRecord, writeTlvStream } from './tlv.js';
import type { Offer } from './types.js';
import { type UnsignedBolt12, unsigned } from './unsigned.js';
import { bip353Bytes, truncatedBytes } from './write.js';

/**
 * What {@link createInvoiceRequest} writes: the offer it answers (or the offer fields of a request
 * without one) and the payer's fields.
 */
export interface CreateInvoiceRequestParams {
  /** The offer answered (decoded, or its string): all its records are copied. Omit to publish a request without an offer. */
  readonly offer?: Offer | string;
  /** `invreq_payer_id`: "a transient public key"; the request is signed with its private key. */
  readonly payerId: Uint8Array | string;
  /** `invreq_metadata`: "an unpredictable series of bytes" (32 random bytes by default). */
  readonly invreqMetadata?: Uint8Array | string;
  /** `invreq_chain` by name: one of the offer's chains (omitted for bitcoin). */
  readonly chain?: string;
  /** `invreq_amount`: required when the offer has no amount, and without an offer. */
  readonly amountMsat?: bigint;
  /** `invreq_quantity`: required when the offer has `offer_quantity_max`. */
  readonly quantity?: bigint | number;
  /** `invreq_features`: bits to set. */
  readonly features?: readonly number[];
  /** `invreq_payer_note`. */
  readonly payerNote?: string;
  /** `invreq_paths`: how the invoice reaches the payer. */
  readonly paths?: readonly unknown[];
  /** `invreq_bip_353_name`: the BIP 353 name resolved to find the offer. */
  readonly bip353Name?: Bip353Name;
  /** Without an offer: `offer_description` (required). */
  readonly description?: string;
  /** Without an offer: `offer_absolute_expiry`. */
  readonly absoluteExpiry?: bigint | number;
  /** Without an offer: `offer_issuer`. */
  readonly issuer?: string;
  /** Further records (types 1000000000-2999999999, or odd types BOLT 12 does not yet define). */
  readonly extraRecords?: readonly {
    /** The record type. */
    readonly type: bigint;
    /** The record value: bytes, or hex. */
    readonly value: Uint8Array | string;
  }[];
}

const PARAMS: { readonly [K in keyof CreateInvoiceRequestParams]-?: typeof checkedWhereUsed } = {
  offer: checkedWhereUsed,
  payerId: checkedWhereUsed,
  invreqMetadata: checkedWhereUsed,
  chain: checkedWhereUsed,
  amountMsat: checkedWhereUsed,
  quantity: checkedWhereUsed,
  features: checkedWhereUsed,
  payerNote: checkedWhereUsed,
  paths: checkedWhereUsed,
  bip353Name: checkedWhereUsed,
  description: checkedWhereUsed,
  absoluteExpiry: checkedWhereUsed,
  issuer: checkedWhereUsed,
  extraRecords: checkedWhereUsed,
};

/** The offer answered: decoded from its string, or read back from a decoded offer's records. */
const offerParam = (value: unknown): Offer => {
  if (typeof value === 'string') return decodeOffer(value);
  if (!isRecord(value) || value.kind !== 'offer' || !Array.isArray(value.records))
    throw new TypeError(
      `params.offer must be an offer (decodeOffer's result, or its string), got ${describeValue(value)}`,
    );
  return decodeBytes(
    'offer',
    writeTlvStream(value.records as TlvRecord[]),
    readContext({ verify: false }),
  );
};

const NAME_PART = /^[0-9A-Za-z._-]{0,255}$/;

/** The request's own ranges: 80-159, and the experimental 2000000000-2999999999. */
const extraRequestType = (type: bigint): boolean =>
  !FIELDS.has(Number(type)) &&
  ((type >= 80n && type <= 159n) || (type >= 2000000000n && type <= 2999999999n));

/**
 * A new invoice request, checked against the offer it answers (chain, amount, quantity) and read
 * back with every reader rule. Sign it with `signBolt12(request, payerSecretKey)`.
 */
export const createInvoiceRequest = (params: CreateInvoiceRequestParams): UnsignedBolt12 => {
  if (params === undefined) throw new TypeError('params must be an object, got undefined');
  const p = readOptions<CreateInvoiceRequestParams>('params', params, PARAMS);
  const records: TlvRecord[] = [];
  const put = (type: number, value: Uint8Array) => records.push({ type: BigInt(type), value });
  const offer = p.offer === undefined ? undefined : offerParam(p.offer);

  if (offer) {
    for (const key of ['description', 'absoluteExpiry', 'issuer'] as const)
      if (p[key] !== undefined)
        throw new RangeError(`params.${key} comes from the offer: leave it out when answering one`);
    // "MUST copy all fields from the offer (including unknown fields)".
    records.push(...offer.records);
  } else {
    if (p.description === undefined)
      throw new RangeError(
        'params.description is required without an offer ("MUST set offer_description")',
      );
    const own = { description: p.description, absoluteExpiry: p.absoluteExpiry, issuer: p.issuer };
    records.push(...offerRecords(own, 'params'));
  }
  // invreq_metadata (type 0): the numerically-first record, so Merkle leaves are unguessable.
  put(
    0,
    p.invreqMetadata === undefined
      ? randomBytes(32, 'pass params.invreqMetadata yourself')
      : bytesParam('params.invreqMetadata', p.invreqMetadata),
  );
  const chain = chainOf(p.chain, offer);
  if (chain !== 'bitcoin') put(80, chainParam('params.chain', chain));
  if (p.amountMsat !== undefined)
    put(82, truncatedBytes(msatParam('params.amountMsat', p.amountMsat)));
  else if (offer === undefined || offer.amount === undefined)
    throw new RangeError(
      `params.amountMsat is required ${offer ? 'when the offer has no amount' : 'without an offer'}`,
    );
  if (p.features !== undefined) put(84, featureBitmap(bitsParam('params.features', p.features)));
  if (p.quantity !== undefined) {
    if (offer?.quantityMax === undefined)
      throw new RangeError('params.quantity is only for offers with a quantityMax');
    const quantity = uintParam(
      'params.quantity',
      p.quantity,
      offer.quantityMax === 0n ? undefined : offer.quantityMax,
      1n,
    );
    put(86, truncatedBytes(quantity));
  } else if (offer?.quantityMax !== undefined) {
    throw new RangeError(
      `params.quantity is required: the offer sells up to ${offer.quantityMax || 'any number of'} items`,
    );
  }
  put(88, keyParam('params.payerId', p.payerId));
  if (p.payerNote !== undefined) put(89, textParam('params.payerNote', p.payerNote));
  if (p.paths !== undefined) put(90, writeBlindedPaths(pathsParam('params.paths', p.paths)));
  if (p.bip353Name !== undefined) put(91, bip353Bytes(bip353Param(p.bip353Name)));
  if (p.extraRecords !== undefined)
    records.push(...extraRecordsParam('params.extraRecords', p.extraRecords, extraRequestType));
  return unsigned('invoice_request', records);
};

/** The chain: one of the offer's ("MUST set `invreq_chain` to one of `offer_chains`"), bitcoin by default. */
const chainOf = (value: unknown, offer: Offer | undefined): string => {
  const chains = offer?.chains ?? undefined;
  if (value === undefined)
    return chains === undefined || chains.includes('bitcoin') ? 'bitcoin' : (chains[0] as string);
  const chain = typeof value === 'string' ? chainNamed(value) : undefined;
  if (chain === undefined) return chainParam('params.chain', value) && 'bitcoin';
  if (chains !== undefined && !chains.includes(chain.name))
    throw new RangeError(
      `params.chain ${chain.name} is not one of the offer's chains (${chains.join(', ')})`,
    );
  return chain.name;
};

const bip353Param = (value: unknown): Bip353Name => {
  if (!isRecord(value))
    throw new TypeError(`params.bip353Name must be { name, domain }, got ${describeValue(value)}`);
  for (const part of ['name', 'domain'] as const)
    if (typeof value[part] !== 'string' || !NAME_PART.test(value[part] as string))
      throw new RangeError(
        `params.bip353Name.${part} must be up to 255 of 0-9, a-z, A-Z, "-", "_" and ".", got ${describeValue(value[part])}`,
      );
  return { name: value.name as string, domain: value.domain as string };
};
