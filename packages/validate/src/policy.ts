// What the payer accepts. Every bound is optional; nothing here reads the clock.

import type { InvoiceRequest } from '@lninvoice/bolt12';
import {
  featureBitOf,
  findNetwork,
  NETWORKS,
  type Network,
  type Secp256k1,
  withNetworks,
} from '@lninvoice/core';
import {
  bytesParam,
  checkedWhereUsed,
  integerParam,
  isBoolean,
  isFunction,
  isString,
  type OptionCheck,
  readOptions,
} from '@lninvoice/core/options';
import { describeValue } from '@lninvoice/core/text';

/** What the payer accepts: every bound is optional; nothing here reads the clock. */
export interface ValidationPolicy {
  /**
   * The network the payer is on: `'bitcoin'`, `'testnet'`, `'signet'`, `'regtest'` or the name of
   * one of `networks`. Another name is a RangeError listing the names.
   */
  readonly network?: string;
  /** The current time, seconds since 1970. Without it, expiry is not checked (and a warning says so). */
  readonly now?: number;
  /** Seconds an invoice's timestamp may be ahead of `now` before it is reported. Default 600. */
  readonly clockSkew?: number;
  /** The exact amount the payer means to pay (checked against the invoice, or used for an amountless one). */
  readonly amountMsat?: bigint;
  /** The least the payer pays, in millisatoshis: a smaller amount is `amount-below-minimum`. */
  readonly minAmountMsat?: bigint;
  /** The most the payer pays, in millisatoshis: a larger amount is `amount-above-maximum`. */
  readonly maxAmountMsat?: bigint;
  /** Accept invoices without an amount (the payer chooses). Default true. */
  readonly allowAmountless?: boolean;
  /** Features the payer supports, by bit (either bit of a pair) or BOLT 9 name. Without it, not checked. */
  readonly supportedFeatures?: readonly (number | string)[];
  /** The node the payer expects to pay (33 bytes or hex). */
  readonly payee?: Uint8Array | string;
  /** The description the payer expects: compared with `d`, or hashed and compared with `h`. */
  readonly description?: string;
  /** The LNURL-pay `metadata` string exactly as received: its SHA-256 must be `h` (LUD-06). */
  readonly metadata?: string;
  /** Longest validity accepted, seconds. */
  readonly maxExpiry?: number;
  /** Seconds of validity the payer needs left at `now`. */
  readonly minExpiryLeft?: number;
  /** Largest `min_final_cltv_expiry_delta` accepted, blocks. */
  readonly maxCltvExpiryDelta?: number;
  /**
   * Largest base fee a route hint may add, msat, summed over its hops (BOLT 12: an invoice path's
   * `invoice_blindedpay`). Default 50 000 (50 sat).
   */
  readonly maxRouteHintFeeBaseMsat?: number;
  /** Largest proportional fee a route hint may add, millionths, summed over its hops. Default 10 000 (1%). */
  readonly maxRouteHintFeePpm?: number;
  /** Largest CLTV delta a route hint may add, blocks, summed over its hops. Default 2016. */
  readonly maxRouteHintCltvDelta?: number;
  /** Decode with the legacy rule for wrong-length fields (see @lninvoice/core). */
  readonly legacy?: boolean;
  /** Custom networks (from `defineNetwork`), for decoding and for `network`. */
  readonly networks?: readonly Network[];
  /** The elliptic-curve implementation used to check the signature. */
  readonly secp256k1?: Secp256k1;
  /**
   * BOLT 12: converts an offer's amount in minor units of an ISO 4217 currency (`offer_amount`
   * with `offer_currency`: USD cents, JPY yen) to the millisatoshis the payer would pay.
   */
  readonly convert?: (amount: bigint, currency: string) => bigint;
  /** BOLT 12: how many items of an offer the payer means to buy (`invreq_quantity`). Default 1. */
  readonly quantity?: bigint | number;
  /**
   * BOLT 12: the invoice request the payer sent (decoded, or its string): an invoice is checked
   * against it (`checkInvoiceForRequest` of @lninvoice/bolt12).
   */
  readonly request?: InvoiceRequest | string;
}

/** A policy whose values are checked and converted: bytes are bytes, features are even bits. */
export interface CheckedPolicy
  extends Omit<ValidationPolicy, 'payee' | 'supportedFeatures' | 'networks' | 'quantity'> {
  readonly clockSkew: number;
  readonly quantity?: bigint;
  readonly allowAmountless: boolean;
  readonly payee?: Uint8Array;
  /** The even bit of every supported feature. */
  readonly supportedFeatures?: ReadonlySet<number>;
  /** The custom networks, checked, for `decode`. */
  readonly networks?: readonly Network[];
}

const DEFAULT_CLOCK_SKEW = 600;

/** Seconds, blocks, a u32 fee: a whole number that stays exact. */
const wholeNumber: OptionCheck = (value, name) => {
  integerParam(name, value, 0, Number.MAX_SAFE_INTEGER);
};
const msat: OptionCheck = (value, name) => {
  if (typeof value !== 'bigint' || value < 0n)
    throw new TypeError(
      `${name} must be a bigint of millisatoshis (e.g. 1000n), got ${describeValue(value)}`,
    );
};
const curve: OptionCheck = (value, name) => {
  const backend = value as Record<string, unknown> | null;
  if (
    typeof backend !== 'object' ||
    backend === null ||
    ['recoverPublicKey', 'verify', 'isValidPublicKey'].some((m) => typeof backend[m] !== 'function')
  )
    throw new TypeError(`${name} must be a Secp256k1Verifier, got ${describeValue(value)}`);
};

/** A number of items: a whole number from 1, as a number or a bigint. */
const items: OptionCheck = (value, name) => {
  if (typeof value !== 'bigint') integerParam(name, value, 1, Number.MAX_SAFE_INTEGER);
  else if (value < 1n || value >= 2n ** 64n)
    throw new RangeError(`${name} must be from 1 to 2^64 - 1, got ${value}`);
};
/** A decoded invoice request, or a string (decoded where it is used). */
const invoiceRequest: OptionCheck = (value, name) => {
  if (
    typeof value !== 'string' &&
    (typeof value !== 'object' ||
      value === null ||
      (value as { kind?: unknown }).kind !== 'invoice_request')
  )
    throw new TypeError(
      `${name} must be an invoice request from @lninvoice/bolt12 or its string, got ${describeValue(value)}`,
    );
};

/** Every setting, and how its value is checked (the others where they are converted below). */
const SETTINGS: { readonly [K in keyof ValidationPolicy]-?: OptionCheck } = {
  network: checkedWhereUsed,
  now: wholeNumber,
  clockSkew: wholeNumber,
  amountMsat: msat,
  minAmountMsat: msat,
  maxAmountMsat: msat,
  allowAmountless: isBoolean,
  supportedFeatures: checkedWhereUsed,
  payee: checkedWhereUsed,
  description: isString,
  metadata: isString,
  maxExpiry: wholeNumber,
  minExpiryLeft: wholeNumber,
  maxCltvExpiryDelta: wholeNumber,
  maxRouteHintFeeBaseMsat: wholeNumber,
  maxRouteHintFeePpm: wholeNumber,
  maxRouteHintCltvDelta: wholeNumber,
  legacy: isBoolean,
  networks: checkedWhereUsed,
  secp256k1: curve,
  convert: isFunction,
  quantity: items,
  request: invoiceRequest,
};

const featureBits = (list: unknown): Set<number> => {
  if (!Array.isArray(list))
    throw new TypeError(
      `policy.supportedFeatures must be an array of bits or names, got ${describeValue(list)}`,
    );
  return new Set(
    list.map((feature: unknown) => {
      // The pair's even bit by arithmetic: `& ~1` keeps only 32 bits, and 2^32 + 16 would pass
      // for bit 16 (basic_mpp).
      if (typeof feature === 'number' && Number.isSafeInteger(feature) && feature >= 0)
        return feature - (feature % 2);
      const bit = typeof feature === 'string' ? featureBitOf(feature) : undefined;
      if (bit === undefined)
        throw new RangeError(
          `policy.supportedFeatures: ${describeValue(feature)} is not a feature bit or a BOLT 9 name`,
        );
      return bit;
    }),
  );
};

/**
 * Checks the policy as parameters are checked (`readOptions`: an unknown or misspelt setting, or
 * one of the wrong type, is a TypeError naming it; settings on its prototype count as its own),
 * then its values and bounds (RangeError naming the setting).
 */
export const checkPolicy = (policy: unknown): CheckedPolicy => {
  const given = readOptions<ValidationPolicy>('policy', policy, SETTINGS);
  const all = withNetworks(given.networks, 'policy.networks');
  const { minAmountMsat: min, maxAmountMsat: max, amountMsat } = given;
  if (min !== undefined && max !== undefined && min > max) {
    throw new RangeError(`policy.minAmountMsat (${min}) is above policy.maxAmountMsat (${max})`);
  }
  if (
    amountMsat !== undefined &&
    ((min !== undefined && amountMsat < min) || (max !== undefined && amountMsat > max))
  ) {
    throw new RangeError(
      `policy.amountMsat (${amountMsat}) is outside policy.minAmountMsat..maxAmountMsat`,
    );
  }
  const { network, payee, supportedFeatures, networks, quantity, ...rest } = given;
  return {
    ...rest,
    ...(quantity === undefined ? {} : { quantity: BigInt(quantity) }),
    // The payer's network must be one an invoice can be for: a misspelt name ('mainnet') would
    // otherwise fail every invoice with network-mismatch.
    ...(network === undefined ? {} : { network: findNetwork(network, all, 'policy.network').name }),
    ...(networks === undefined ? {} : { networks: all.slice(NETWORKS.length) }),
    clockSkew: given.clockSkew ?? DEFAULT_CLOCK_SKEW,
    allowAmountless: given.allowAmountless ?? true,
    ...(payee === undefined ? {} : { payee: bytesParam('policy.payee', payee, 33) }),
    ...(supportedFeatures === undefined
      ? {}
      : { supportedFeatures: featureBits(supportedFeatures) }),
  };
};
