// Building an invoice in answer to an invoice request ("A writer of an invoice").
import { decodeAddress } from '@lninvoice/core/address';
import { bytesParam, checkedWhereUsed, integerParam, readOptions } from '@lninvoice/core/options';
import { describeValue } from '@lninvoice/core/text';
import { chainNamed } from './chains.js';
import { decodeBytes, decodeInvoiceRequest } from './decode.js';
import { featureBitmap } from './features.js';
import { FIELDS } from './fields.js';
import { DEFAULT_RELATIVE_EXPIRY } from './invoice.js';
import { isSignatureType } from './merkle.js';
import { readContext } from './options.js';
import {
  bitsParam,
  extraRecordsParam,
  isRecord,
  keyParam,
  msatParam,
  type PayInfoParams,
  pathParam,
  payInfoParam,
  uintParam,
} from './params.js';
import { writeBlindedPaths } from './paths.js';
import { type TlvRecord, writeTlvStream } from './tlv.js';
import type { InvoiceRequest } from './types.js';
import { type UnsignedBolt12, unsigned } from './unsigned.js';
import { fallbackBytes, payInfoBytes, truncatedBytes } from './write.js';

/**
 * What {@link createInvoice} writes: the invoice request it answers and the invoice's own fields.
 */
export interface CreateInvoiceParams {
  /** The invoice request answered (decoded, or its string): its non-signature records are copied. */
  readonly request: InvoiceRequest | string;
  /** `invoice_paths` with their `invoice_blindedpay`: at least one, most preferred first. */
  readonly paths: readonly unknown[];
  /** `invoice_payment_hash`: SHA-256 of the preimage. */
  readonly paymentHash: Uint8Array | string;
  /** `invoice_created_at`, seconds since 1970 (now by default). */
  readonly createdAt?: bigint | number;
  /** `invoice_relative_expiry`, seconds (written only when not 7200). */
  readonly relativeExpiry?: number;
  /** `invoice_amount`: by default `invreq_amount`, or the offer's amount times the quantity. */
  readonly amountMsat?: bigint;
  /** `invoice_fallbacks`: segwit addresses of the invoice's chain, most preferred first. */
  readonly fallbacks?: readonly string[];
  /** `invoice_features`: bits to set (17: multi-part payments allowed, 16: required). */
  readonly features?: readonly number[];
  /** `invoice_node_id`: the offer's issuer id by default; the key that signs. */
  readonly nodeId?: Uint8Array | string;
  /** Further records (types 3000000000-3999999999, or odd types BOLT 12 does not yet define). */
  readonly extraRecords?: readonly {
    /** The record type. */
    readonly type: bigint;
    /** The record value: bytes, or hex. */
    readonly value: Uint8Array | string;
  }[];
}

const PARAMS: { readonly [K in keyof CreateInvoiceParams]-?: typeof checkedWhereUsed } = {
  request: checkedWhereUsed,
  paths: checkedWhereUsed,
  paymentHash: checkedWhereUsed,
  createdAt: checkedWhereUsed,
  relativeExpiry: checkedWhereUsed,
  amountMsat: checkedWhereUsed,
  fallbacks: checkedWhereUsed,
  features: checkedWhereUsed,
  nodeId: checkedWhereUsed,
  extraRecords: checkedWhereUsed,
};

/** The request answered, its signature checked. */
const requestParam = (value: unknown): InvoiceRequest => {
  if (typeof value === 'string') return decodeInvoiceRequest(value);
  if (!isRecord(value) || value.kind !== 'invoice_request' || !Array.isArray(value.records))
    throw new TypeError(
      `params.request must be an invoice request (decodeInvoiceRequest's result, or its string), got ${describeValue(value)}`,
    );
  return decodeBytes(
    'invoice_request',
    writeTlvStream(value.records as TlvRecord[]),
    readContext(),
  );
};

/** The invoice's own ranges: 160-239, and the experimental 3000000000-3999999999. */
const extraInvoiceType = (type: bigint): boolean =>
  !FIELDS.has(Number(type)) &&
  ((type >= 160n && type <= 239n) || (type >= 3000000000n && type <= 3999999999n));

/**
 * A new invoice answering `params.request`, checked and read back with every reader rule. Sign
 * it with `signBolt12(invoice, nodeSecretKey)`.
 */
export const createInvoice = (params: CreateInvoiceParams): UnsignedBolt12 => {
  if (params === undefined) throw new TypeError('params must be an object, got undefined');
  const p = readOptions<CreateInvoiceParams>('params', params, PARAMS);
  if (p.request === undefined)
    throw new TypeError('params.request is required: the invoice request answered');
  const request = requestParam(p.request);
  // "MUST copy all non-signature fields from the invoice request (including unknown fields)."
  const records: TlvRecord[] = request.records.filter((r) => !isSignatureType(r.type));
  const put = (type: number, value: Uint8Array) => records.push({ type: BigInt(type), value });

  if (!Array.isArray(p.paths) || p.paths.length === 0)
    throw new RangeError(
      `params.paths must hold at least one path ("MUST include invoice_paths"), got ${describeValue(p.paths)}`,
    );
  const paths = p.paths.map((path, i) => pathParam(`params.paths[${i}]`, path));
  const payInfos = p.paths.map((path, i) =>
    payInfoParam(
      `params.paths[${i}].blindedPayInfo`,
      isRecord(path) ? path.blindedPayInfo : undefined,
    ),
  );
  put(160, writeBlindedPaths(paths));
  put(162, payInfoBytes(payInfos as (PayInfoParams & { features: number[] })[]));
  const createdAt =
    p.createdAt === undefined
      ? BigInt(Math.floor(Date.now() / 1000))
      : uintParam('params.createdAt', p.createdAt);
  put(164, truncatedBytes(createdAt));
  if (p.relativeExpiry !== undefined) {
    const expiry = integerParam('params.relativeExpiry', p.relativeExpiry, 0, 2 ** 32 - 1);
    if (expiry !== DEFAULT_RELATIVE_EXPIRY) put(166, truncatedBytes(expiry));
  }
  put(168, bytesParam('params.paymentHash', p.paymentHash, 32));
  put(170, truncatedBytes(amountOf(p.amountMsat, request)));
  if (p.fallbacks !== undefined)
    put(172, fallbackBytes(fallbacksParam(p.fallbacks, request.chain)));
  if (p.features !== undefined) put(174, featureBitmap(bitsParam('params.features', p.features)));
  put(176, nodeIdOf(p.nodeId, request));
  if (p.extraRecords !== undefined)
    records.push(...extraRecordsParam('params.extraRecords', p.extraRecords, extraInvoiceType));
  return unsigned('invoice', records);
};

/**
 * "if `invreq_amount` is present: MUST set `invoice_amount` to `invreq_amount`; otherwise: MUST
 * set `invoice_amount` to the expected amount" (the offer's amount times the quantity).
 */
const amountOf = (given: unknown, request: InvoiceRequest): bigint => {
  const amount = given === undefined ? undefined : msatParam('params.amountMsat', given);
  const offer = request.offer;
  const expected =
    request.amountMsat ??
    (offer.amountMsat === undefined ? undefined : offer.amountMsat * (request.quantity ?? 1n));
  if (amount === undefined) {
    if (expected === undefined)
      throw new RangeError(
        `params.amountMsat is required: the offer's amount is in ${offer.currency}, convert it to millisatoshis`,
      );
    return expected;
  }
  if (request.amountMsat !== undefined && amount !== request.amountMsat)
    throw new RangeError(
      `params.amountMsat must be the request's invreq_amount, ${request.amountMsat} msat, got ${amount}`,
    );
  return amount;
};

/** "if `offer_issuer_id` is present: MUST set `invoice_node_id` to the `offer_issuer_id`". */
const nodeIdOf = (given: unknown, request: InvoiceRequest): Uint8Array => {
  const issuer = request.offer.issuerId;
  if (given === undefined) {
    if (issuer === undefined)
      throw new RangeError(
        'params.nodeId is required: the offer has no issuer id (give the final blinded node id of its path)',
      );
    return issuer;
  }
  return keyParam('params.nodeId', given);
};

/** Segwit addresses of the invoice's chain, as `fallback_address`es. */
const fallbacksParam = (
  value: unknown,
  chainName: string,
): { version: number; program: Uint8Array }[] => {
  if (!Array.isArray(value))
    throw new TypeError(
      `params.fallbacks must be an array of addresses, got ${describeValue(value)}`,
    );
  const network = chainNamed(chainName)?.network;
  if (network === undefined)
    throw new RangeError(
      `params.fallbacks: the addresses of chain ${chainName} are not known here`,
    );
  return value.map((text, i) => {
    const name = `params.fallbacks[${i}]`;
    if (typeof text !== 'string')
      throw new TypeError(`${name} must be an address, got ${describeValue(text)}`);
    const address = decodeAddress(text, {
      networks: [network],
      error: (_, message) => new RangeError(`${name}: ${message}`),
    });
    if (address.witnessVersion === undefined)
      throw new RangeError(
        `${name}: ${describeValue(text)} is not a segwit address; BOLT 12 fallbacks are witness programs`,
      );
    if (!address.networks.includes(network))
      throw new RangeError(`${name} is not an address of ${chainName}`);
    return { version: address.witnessVersion, program: address.program };
  });
};
