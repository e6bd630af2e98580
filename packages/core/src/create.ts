// createInvoice: typed parameters → an unsigned invoice whose fields follow every writer rule of
// BOLT 11. Nothing is signed until all parameters are checked.
import { parseAddress } from './addresses.js';
import { type AmountMultiplier, formatAmount } from './amount.js';
import {
  amountParam,
  DEFAULT_FIELD_ORDER,
  featureBitsParam,
  fieldOrderParam,
  MAX_TIMESTAMP,
  networkParam,
  PARAMETER_NAMES,
  paymentHashParam,
  routeHintsParam,
} from './create-params.js';
import { fastVerifier } from './ec/fast.js';
import type { InvoiceFeatureName } from './features.js';
import { MAX_FIELD_BYTES, writeBytes } from './fields/bytes.js';
import { writeDescription } from './fields/description.js';
import { writeFallback } from './fields/fallback.js';
import { writeFeatures } from './fields/features.js';
import { writeMinimalInteger } from './fields/integer.js';
import { writeRouteHint } from './fields/route-hint.js';
import type { FieldWords, RouteHintHop } from './invoice.js';
import type { Network } from './networks.js';
import { bytesParam, describe, integerParam } from './params.js';
import { randomBytes } from './random.js';
import { type Secp256k1Verifier, verifierParam } from './secp256k1.js';
import { CHARSET } from './words.js';

/** The tags of the fields `createInvoice` writes. */
export type FieldTag = 'p' | 's' | 'd' | 'h' | 'n' | 'x' | 'c' | 'f' | 'r' | '9' | 'm';

/** A route-hint hop; keys may be hex. */
export interface RouteHintHopParams extends Omit<RouteHintHop, 'pubkey'> {
  readonly pubkey: Uint8Array | string;
}

export interface CreateInvoiceParams {
  /** `'bitcoin'`, `'testnet'`, `'signet'`, `'regtest'`, or a network from `defineNetwork`. */
  readonly network: string | Network;
  /** Millisatoshis to request; omit for an invoice of any amount. */
  readonly amountMsat?: bigint;
  /** Write the amount with this multiplier instead of the shortest form. */
  readonly amountMultiplier?: AmountMultiplier;
  /** SHA-256 of the payment preimage. Give this or `preimage`. */
  readonly paymentHash?: Uint8Array | string;
  /** The payment preimage (32 bytes): its hash becomes the payment hash. */
  readonly preimage?: Uint8Array | string;
  /** 32 bytes; random (crypto.getRandomValues) when omitted. */
  readonly paymentSecret?: Uint8Array | string;
  /** What the payment is for (at most 639 bytes of UTF-8). Give this or `descriptionHash`. */
  readonly description?: string;
  /** SHA-256 of a description delivered another way (e.g. LNURL metadata). */
  readonly descriptionHash?: Uint8Array | string;
  /** Seconds the invoice is valid; without it, readers assume 3600 and no `x` field is written. */
  readonly expiry?: number;
  /** Blocks; without it, readers assume 18 and no `c` field is written. */
  readonly minFinalCltvExpiryDelta?: number;
  /** On-chain addresses of the invoice's network, most preferred first. */
  readonly fallbackAddresses?: readonly string[];
  /** Private routes to the payee: each a list of hops from a public node. */
  readonly routeHints?: readonly (readonly RouteHintHopParams[])[];
  /** Features by BOLT 9 name. Default: var_onion_optin and payment_secret, both required. */
  readonly features?: Readonly<Partial<Record<InvoiceFeatureName, 'required' | 'optional'>>>;
  /** More feature bits, by number (odd = optional); unknown even bits are refused. */
  readonly featureBits?: readonly number[];
  /** Payment metadata (`m`), at most 639 bytes. */
  readonly metadata?: Uint8Array | string;
  /** Write the payee's node key (`n`); the invoice must then be signed by that key. */
  readonly payeeNodeKey?: Uint8Array | string;
  /** Seconds since 1970; default now. */
  readonly timestamp?: number;
  /** The order to write fields in (all `f` together, all `r` together). */
  readonly fieldOrder?: readonly FieldTag[];
  /** The elliptic-curve implementation used to check keys (default: `fastSecp256k1`). */
  readonly secp256k1?: Secp256k1Verifier;
}

/** An invoice ready to be signed by `signInvoice` or `signInvoiceWith`. */
export interface UnsignedInvoice {
  readonly network: string;
  readonly hrp: string;
  readonly timestamp: number;
  /** The fields in the order they will be written. */
  readonly fields: readonly FieldWords[];
  /** The `n` field: the key that must sign. */
  readonly payeeNodeKey: Uint8Array | undefined;
}

/**
 * An unsigned invoice from typed parameters. Throws TypeError or RangeError, naming the
 * parameter, for anything missing, malformed or contradictory.
 */
export const createInvoice = (params: CreateInvoiceParams): UnsignedInvoice => {
  if (typeof params !== 'object' || params === null)
    throw new TypeError('createInvoice takes a parameters object');
  for (const key of Object.keys(params)) {
    if (!PARAMETER_NAMES.has(key))
      throw new TypeError(`createInvoice has no parameter ${describe(key)}`);
  }
  const secp = verifierParam(params.secp256k1, fastVerifier);
  const network = networkParam(params.network);
  const amountText =
    params.amountMsat === undefined
      ? ''
      : formatAmount(amountParam(params.amountMsat), params.amountMultiplier);
  if (params.amountMsat === undefined && params.amountMultiplier !== undefined) {
    throw new TypeError('amountMultiplier needs amountMsat');
  }
  const timestamp =
    params.timestamp === undefined
      ? Math.floor(Date.now() / 1000)
      : integerParam('timestamp', params.timestamp, 0, MAX_TIMESTAMP);

  const values = new Map<FieldTag, Uint8Array[]>();
  const put = (tag: FieldTag, words: Uint8Array): void => {
    values.set(tag, [...(values.get(tag) ?? []), words]);
  };
  put('p', writeBytes(paymentHashParam(params)));
  put(
    's',
    writeBytes(
      params.paymentSecret === undefined
        ? randomBytes(32)
        : bytesParam('paymentSecret', params.paymentSecret, 32),
    ),
  );
  // "MUST include either exactly one `d` or exactly one `h` field."
  if ((params.description === undefined) === (params.descriptionHash === undefined)) {
    throw new TypeError('give exactly one of description and descriptionHash');
  }
  if (params.description !== undefined) {
    if (typeof params.description !== 'string') {
      throw new TypeError(`description must be a string, got ${describe(params.description)}`);
    }
    put('d', writeDescription(params.description));
  } else {
    put('h', writeBytes(bytesParam('descriptionHash', params.descriptionHash, 32)));
  }
  let payeeNodeKey: Uint8Array | undefined;
  if (params.payeeNodeKey !== undefined) {
    payeeNodeKey = bytesParam('payeeNodeKey', params.payeeNodeKey, 33);
    if (!secp.isValidPublicKey(payeeNodeKey))
      throw new RangeError('payeeNodeKey is not a point on secp256k1');
    put('n', writeBytes(payeeNodeKey));
  }
  if (params.expiry !== undefined) {
    put(
      'x',
      writeMinimalInteger(
        integerParam('expiry', params.expiry, 1, Number.MAX_SAFE_INTEGER - timestamp),
      ),
    );
  }
  if (params.minFinalCltvExpiryDelta !== undefined) {
    put(
      'c',
      writeMinimalInteger(
        integerParam('minFinalCltvExpiryDelta', params.minFinalCltvExpiryDelta, 0, 2 ** 32 - 1),
      ),
    );
  }
  const addresses = params.fallbackAddresses ?? [];
  if (!Array.isArray(addresses))
    throw new TypeError(`fallbackAddresses must be an array, got ${describe(addresses)}`);
  addresses.forEach((address: string, i) => {
    put('f', writeFallback(parseAddress(address, network, `fallbackAddresses[${i}]`)));
  });
  for (const route of routeHintsParam(params.routeHints ?? [], secp))
    put('r', writeRouteHint(route));
  // "if `9` contains non-zero bits: [...] otherwise: MUST omit the `9` field altogether."
  const features = writeFeatures(featureBitsParam(params));
  if (features.length > 0) put('9', features);
  if (params.metadata !== undefined) {
    const metadata = bytesParam('metadata', params.metadata);
    if (metadata.length > MAX_FIELD_BYTES) {
      throw new RangeError(
        `metadata is ${metadata.length} bytes; an m field holds ${MAX_FIELD_BYTES}`,
      );
    }
    put('m', writeBytes(metadata));
  }

  const order =
    params.fieldOrder === undefined ? DEFAULT_FIELD_ORDER : fieldOrderParam(params.fieldOrder);
  const fields: FieldWords[] = [];
  for (const tag of values.keys()) {
    if (!order.includes(tag)) throw new RangeError(`fieldOrder does not place the "${tag}" field`);
  }
  for (const tag of order) {
    const type = CHARSET.indexOf(tag);
    for (const words of values.get(tag) ?? []) fields.push({ tag, type, words });
  }
  return {
    network: network.name,
    hrp: network.prefix + amountText,
    timestamp,
    fields,
    payeeNodeKey,
  };
};
