// The parameters of createInvoice, and their checks: each turns a caller's value into what the
// field writers take, or throws a TypeError / RangeError that names the parameter.

import { type AmountMultiplier, MAX_AMOUNT_MSAT } from '../amount.js';
import { sha256 } from '../hash.js';
import { checkedNetwork, findNetwork, NETWORKS, type Network } from '../networks.js';
import { bytesParam, integerParam } from '../options.js';
import type { Secp256k1Verifier } from '../secp256k1.js';
import { describeValue } from '../text.js';
import type { InvoiceFeatureName } from './features.js';
import { featureBitOf, featureDependencies, isInvoiceFeature } from './features.js';
import { isKnownTag, type KnownTag } from './field-table.js';
import type { RouteHintHop } from './invoice.js';
import { MAX_HOPS } from './spec.js';

/**
 * The tags of the fields `createInvoice` writes: every known field.
 *
 * @useDeclaredType
 */
export type FieldTag = KnownTag;

/** A route-hint hop; keys may be hex. */
export interface RouteHintHopParams extends Omit<RouteHintHop, 'pubkey'> {
  /** 33-byte node id of the start of the channel: bytes, or hex. */
  readonly pubkey: Uint8Array | string;
}

/**
 * What {@link createInvoice} writes: each field of the invoice, and how. Every value is checked: a
 * wrong type is a `TypeError`, a value out of range a `RangeError`, each naming the parameter.
 */
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

/** The order fields are written in unless `fieldOrder` says otherwise. */
export const DEFAULT_FIELD_ORDER: readonly FieldTag[] = [
  'p',
  's',
  'd',
  'h',
  'n',
  'x',
  'c',
  'f',
  'r',
  '9',
  'm',
];

export const PARAMETER_NAMES = new Set([
  'network',
  'amountMsat',
  'amountMultiplier',
  'paymentHash',
  'preimage',
  'paymentSecret',
  'description',
  'descriptionHash',
  'expiry',
  'minFinalCltvExpiryDelta',
  'fallbackAddresses',
  'routeHints',
  'features',
  'featureBits',
  'metadata',
  'payeeNodeKey',
  'timestamp',
  'fieldOrder',
  'secp256k1',
]);

const MAX_FEATURE_BIT = 1023 * 5 - 1;
const DEFAULT_FEATURES = { var_onion_optin: 'required', payment_secret: 'required' } as const;

export const networkParam = (network: unknown): Network =>
  typeof network === 'string'
    ? findNetwork(network, NETWORKS, 'network')
    : checkedNetwork(network, 'network');

export const amountParam = (amountMsat: unknown): bigint => {
  if (typeof amountMsat !== 'bigint') {
    throw new TypeError(
      `amountMsat must be a bigint of millisatoshis (e.g. 1000n), got ${describeValue(amountMsat)}`,
    );
  }
  if (amountMsat <= 0n || amountMsat > MAX_AMOUNT_MSAT) {
    throw new RangeError(`amountMsat must be from 1 to 2^64-1 millisatoshis, got ${amountMsat}`);
  }
  return amountMsat;
};

export const paymentHashParam = (params: CreateInvoiceParams): Uint8Array => {
  const hash =
    params.paymentHash === undefined
      ? undefined
      : bytesParam('paymentHash', params.paymentHash, 32);
  const preimage =
    params.preimage === undefined ? undefined : bytesParam('preimage', params.preimage, 32);
  if (preimage === undefined) {
    if (hash === undefined) throw new TypeError('paymentHash or preimage is required');
    return hash;
  }
  const fromPreimage = sha256(preimage);
  if (hash !== undefined && !hash.every((b, i) => b === fromPreimage[i])) {
    throw new RangeError('paymentHash is not the SHA-256 of preimage: give one of them');
  }
  return fromPreimage;
};

export const featureBitsParam = (params: CreateInvoiceParams): number[] => {
  const bits = new Set<number>();
  const features = params.features ?? DEFAULT_FEATURES;
  if (typeof features !== 'object' || features === null || Array.isArray(features)) {
    throw new TypeError(
      `features must be an object of BOLT 9 names, e.g. { basic_mpp: 'optional' }, got ${describeValue(features)}`,
    );
  }
  for (const [name, kind] of Object.entries(features)) {
    const bit = featureBitOf(name);
    if (bit === undefined || !isInvoiceFeature(bit)) {
      throw new RangeError(`features: ${describeValue(name)} is not a BOLT 9 feature of invoices`);
    }
    if (kind !== 'required' && kind !== 'optional') {
      throw new RangeError(
        `features.${name} must be 'required' or 'optional', got ${describeValue(kind)}`,
      );
    }
    bits.add(kind === 'required' ? bit : bit + 1);
  }
  const featureBits = params.featureBits ?? [];
  if (!Array.isArray(featureBits))
    throw new TypeError(
      `featureBits must be an array of bit numbers, got ${describeValue(featureBits)}`,
    );
  for (const [i, bit] of featureBits.entries()) {
    integerParam(`featureBits[${i}]`, bit, 0, MAX_FEATURE_BIT);
    if (bit % 2 === 0 && !isInvoiceFeature(bit)) {
      throw new RangeError(
        `featureBits[${i}]: required bit ${bit} is unknown, and readers MUST fail such invoices`,
      );
    }
    bits.add(bit);
  }
  for (const bit of bits) {
    const even = bit & ~1;
    // BOLT 9: "MUST NOT set both the optional and mandatory bits."
    if (bits.has(even) && bits.has(even + 1)) {
      throw new RangeError(
        `features: bits ${even} and ${even + 1} are the required and optional forms of one feature`,
      );
    }
    // BOLT 9: "MUST set all transitive feature dependencies."
    for (const dependency of featureDependencies(bit)) {
      const d = featureBitOf(dependency) as number;
      if (!bits.has(d) && !bits.has(d + 1))
        throw new RangeError(`features: bit ${bit} needs ${dependency}`);
    }
  }
  for (const needed of ['var_onion_optin', 'payment_secret'] as const) {
    const d = featureBitOf(needed) as number;
    if (!bits.has(d) && !bits.has(d + 1)) {
      throw new RangeError(
        `features must include ${needed}: every payer relies on it (BOLT 9 ASSUMED)`,
      );
    }
  }
  return [...bits].sort((a, b) => a - b);
};

const SHORT_CHANNEL_ID = /^(\d{1,8})x(\d{1,8})x(\d{1,5})$/;

export const routeHintsParam = (routes: unknown, secp: Secp256k1Verifier): RouteHintHop[][] => {
  if (!Array.isArray(routes))
    throw new TypeError(`routeHints must be an array of routes, got ${describeValue(routes)}`);
  // Array.from, not map: a sparse array's holes are hops too (undefined ones), not skipped.
  return Array.from(routes, (route: unknown, r) => {
    if (!Array.isArray(route) || route.length === 0 || route.length > MAX_HOPS) {
      throw new RangeError(`routeHints[${r}] must be an array of 1 to ${MAX_HOPS} hops`);
    }
    return Array.from(route, (hop: RouteHintHopParams, h) => {
      const name = `routeHints[${r}][${h}]`;
      if (typeof hop !== 'object' || hop === null)
        throw new TypeError(`${name} must be a hop object`);
      const pubkey = bytesParam(`${name}.pubkey`, hop.pubkey, 33);
      if (!secp.isValidPublicKey(pubkey))
        throw new RangeError(`${name}.pubkey is not a point on secp256k1`);
      const scid =
        typeof hop.shortChannelId === 'string' ? SHORT_CHANNEL_ID.exec(hop.shortChannelId) : null;
      const [block, tx, output] = scid ? scid.slice(1).map(Number) : [];
      if (
        typeof hop.shortChannelId !== 'string' ||
        !scid ||
        (block as number) >= 2 ** 24 ||
        (tx as number) >= 2 ** 24 ||
        (output as number) >= 2 ** 16
      ) {
        throw new RangeError(
          `${name}.shortChannelId must be "block x tx x output" (24, 24 and 16 bits), got ${describeValue(hop.shortChannelId)}`,
        );
      }
      return {
        pubkey,
        shortChannelId: `${block}x${tx}x${output}`,
        feeBaseMsat: integerParam(`${name}.feeBaseMsat`, hop.feeBaseMsat, 0, 2 ** 32 - 1),
        feeProportionalMillionths: integerParam(
          `${name}.feeProportionalMillionths`,
          hop.feeProportionalMillionths,
          0,
          2 ** 32 - 1,
        ),
        cltvExpiryDelta: integerParam(
          `${name}.cltvExpiryDelta`,
          hop.cltvExpiryDelta,
          0,
          2 ** 16 - 1,
        ),
      };
    });
  });
};

export const fieldOrderParam = (order: unknown): readonly FieldTag[] => {
  if (!Array.isArray(order))
    throw new TypeError(`fieldOrder must be an array of field tags, got ${describeValue(order)}`);
  const seen = new Set<string>();
  for (const tag of order) {
    if (typeof tag !== 'string' || !isKnownTag(tag) || seen.has(tag)) {
      throw new RangeError(
        `fieldOrder: ${describeValue(tag)} is ${seen.has(tag) ? 'listed twice' : 'not a field tag (p s d h n x c f r 9 m)'}`,
      );
    }
    seen.add(tag);
  }
  return order;
};
