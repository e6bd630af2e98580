// What the payer accepts. Every bound is optional; nothing here reads the clock.
import {
  defineNetwork,
  featureBitOf,
  NETWORKS,
  type Network,
  type Secp256k1,
} from '@lninvoice/core';
import { hexToBytes } from '@noble/hashes/utils.js';

export interface ValidationPolicy {
  /** The network the payer is on: `'bitcoin'`, `'testnet'`, `'signet'`, `'regtest'` or a custom name. */
  readonly network?: string;
  /** The current time, seconds since 1970. Without it, expiry is not checked (and a warning says so). */
  readonly now?: number;
  /** Seconds an invoice's timestamp may be ahead of `now` before it is reported. Default 600. */
  readonly clockSkew?: number;
  /** The exact amount the payer means to pay (checked against the invoice, or used for an amountless one). */
  readonly amountMsat?: bigint;
  readonly minAmountMsat?: bigint;
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
  /** Decode with the legacy rule for wrong-length fields (see @lninvoice/core). */
  readonly legacy?: boolean;
  /** Custom networks, for decoding. */
  readonly networks?: readonly Network[];
  /** The elliptic-curve implementation used to check the signature. */
  readonly secp256k1?: Secp256k1;
}

/** A policy whose values are checked and converted: bytes are bytes, features are even bits. */
export interface CheckedPolicy extends Omit<ValidationPolicy, 'payee' | 'supportedFeatures'> {
  readonly clockSkew: number;
  readonly allowAmountless: boolean;
  readonly payee?: Uint8Array;
  /** The even bit of every supported feature. */
  readonly supportedFeatures?: ReadonlySet<number>;
}

const KEYS = new Set<string>([
  'network',
  'now',
  'clockSkew',
  'amountMsat',
  'minAmountMsat',
  'maxAmountMsat',
  'allowAmountless',
  'supportedFeatures',
  'payee',
  'description',
  'metadata',
  'maxExpiry',
  'minExpiryLeft',
  'maxCltvExpiryDelta',
  'legacy',
  'networks',
  'secp256k1',
]);
const DEFAULT_CLOCK_SKEW = 600;

/**
 * `value` for a message. Not `String(value)`: an object without a usable `toString` (no
 * prototype, or a `toString` that is not a function) would throw from inside the message.
 */
const show = (value: unknown): string => {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'string')
    return JSON.stringify(value.length > 70 ? `${value.slice(0, 67)}...` : value);
  if (typeof value === 'symbol') return 'a symbol';
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object' && value !== null) return 'an object';
  return String(value);
};

const seconds = (name: string, value: unknown): void => {
  if (
    value !== undefined &&
    (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
  ) {
    throw new TypeError(
      `policy.${name} must be a whole number of seconds (or blocks), got ${show(value)}`,
    );
  }
};
const msat = (name: string, value: unknown): void => {
  if (value !== undefined && (typeof value !== 'bigint' || value < 0n)) {
    throw new TypeError(
      `policy.${name} must be a bigint of millisatoshis (e.g. 1000n), got ${show(value)}`,
    );
  }
};
const text = (name: string, value: unknown): void => {
  if (value !== undefined && typeof value !== 'string')
    throw new TypeError(`policy.${name} must be a string, got ${show(value)}`);
};
/** A flag: `'false'` or `[]` must not pass for true. */
const flag = (name: string, value: unknown): void => {
  if (value !== undefined && typeof value !== 'boolean')
    throw new TypeError(`policy.${name} must be true or false, got ${show(value)}`);
};

const featureBits = (list: readonly (number | string)[]): Set<number> => {
  if (!Array.isArray(list))
    throw new TypeError('policy.supportedFeatures must be an array of bits or names');
  return new Set(
    list.map((feature) => {
      // The pair's even bit by arithmetic: `& ~1` keeps only 32 bits, and 2^32 + 16 would pass
      // for bit 16 (basic_mpp).
      if (typeof feature === 'number' && Number.isSafeInteger(feature) && feature >= 0)
        return feature - (feature % 2);
      const bit = typeof feature === 'string' ? featureBitOf(feature) : undefined;
      if (bit === undefined)
        throw new RangeError(
          `policy.supportedFeatures: ${show(feature)} is not a feature bit or a BOLT 9 name`,
        );
      return bit;
    }),
  );
};

const nodeKey = (value: Uint8Array | string): Uint8Array => {
  let key: Uint8Array;
  try {
    key = typeof value === 'string' ? hexToBytes(value) : value;
  } catch {
    throw new RangeError(`policy.payee must be hex, got ${show(value)}`);
  }
  if (!(key instanceof Uint8Array) || key.length !== 33) {
    throw new RangeError(`policy.payee must be a 33-byte node key, got ${show(value)}`);
  }
  return key;
};

const networkList = (value: unknown): readonly Network[] | undefined => {
  if (value === undefined) return undefined;
  if (!Array.isArray(value))
    throw new TypeError(`policy.networks must be an array, got ${show(value)}`);
  const prefixes = new Set(NETWORKS.map((n) => n.prefix));
  return value.map((given, i) => {
    try {
      // defineNetwork checks the rest; its messages quote these two with JSON.stringify.
      if (typeof given?.prefix !== 'string' || typeof given.bech32 !== 'string')
        throw new TypeError('not a network from defineNetwork');
      const network = defineNetwork(given);
      if (prefixes.has(network.prefix)) throw new RangeError(`${network.prefix} is defined twice`);
      prefixes.add(network.prefix);
      return network;
    } catch (error) {
      const Type = error instanceof TypeError ? TypeError : RangeError;
      throw new Type(`policy.networks[${i}]: ${(error as Error).message}`);
    }
  });
};

const curve = (value: unknown): void => {
  const backend = value as Record<string, unknown> | null;
  if (
    value !== undefined &&
    (typeof backend !== 'object' ||
      backend === null ||
      ['recoverPublicKey', 'verify', 'isValidPublicKey'].some(
        (m) => typeof backend[m] !== 'function',
      ))
  ) {
    throw new TypeError(`policy.secp256k1 must be a Secp256k1Verifier, got ${show(value)}`);
  }
};

/** Checks the policy's types and bounds (TypeError / RangeError naming the setting). */
export const checkPolicy = (policy: ValidationPolicy): CheckedPolicy => {
  if (typeof policy !== 'object' || policy === null)
    throw new TypeError('policy must be an object');
  for (const key of Object.keys(policy)) {
    if (!KEYS.has(key)) throw new TypeError(`policy has no setting ${show(key)}`);
  }
  // Settings are read from the policy itself: one on its prototype (Object.create(defaults))
  // would be checked here but dropped below, so a maxAmountMsat would silently not apply.
  for (const key of KEYS) {
    if (!Object.hasOwn(policy, key) && (policy as Record<string, unknown>)[key] !== undefined)
      throw new TypeError(`policy.${key} is inherited: pass it as the policy's own`);
  }
  for (const name of [
    'now',
    'clockSkew',
    'maxExpiry',
    'minExpiryLeft',
    'maxCltvExpiryDelta',
  ] as const) {
    seconds(name, policy[name]);
  }
  for (const name of ['amountMsat', 'minAmountMsat', 'maxAmountMsat'] as const)
    msat(name, policy[name]);
  for (const name of ['network', 'description', 'metadata'] as const) text(name, policy[name]);
  for (const name of ['allowAmountless', 'legacy'] as const) flag(name, policy[name]);
  curve(policy.secp256k1);
  const networks = networkList(policy.networks);
  const { minAmountMsat: min, maxAmountMsat: max, amountMsat } = policy;
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
  const { payee, supportedFeatures, networks: _, ...rest } = policy;
  return {
    ...rest,
    ...(networks === undefined ? {} : { networks }),
    clockSkew: policy.clockSkew ?? DEFAULT_CLOCK_SKEW,
    allowAmountless: policy.allowAmountless ?? true,
    ...(payee === undefined ? {} : { payee: nodeKey(payee) }),
    ...(supportedFeatures === undefined
      ? {}
      : { supportedFeatures: featureBits(supportedFeatures) }),
  };
};
