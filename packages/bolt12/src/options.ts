// The options of the decoders: the rules that need the reader's context. BOLT 12 makes the
// current time, the chains a node accepts and the features it knows part of the reader's checks;
// the library never reads a clock or guesses them.
import { isArray, isBoolean, type OptionCheck, readOptions } from '@lninvoice/core/options';
import { describeValue } from '@lninvoice/core/text';
import { chainNamed } from './chains.js';

/**
 * The options of {@link decodeBolt12} and the decoders of one kind: the signature, the time, the
 * chains and features the reader accepts.
 */
export interface DecodeBolt12Options {
  /** Check the signature of invoice requests and invoices (default true). */
  readonly verify?: boolean;
  /** The current time, seconds since 1970: with it, an expired offer or invoice is refused. */
  readonly now?: number | bigint;
  /** The chains the reader accepts, by name (`['bitcoin']`): with it, others are refused. */
  readonly chains?: readonly string[];
  /** Even feature bits the reader knows besides those BOLT 12 defines. */
  readonly features?: readonly number[];
}

/** The options, checked. */
export interface Context {
  readonly verify: boolean;
  readonly now: bigint | undefined;
  readonly chains: readonly string[] | undefined;
  readonly features: readonly number[];
  /** Reading a builder's unsigned message: no signature is expected yet. */
  readonly unsigned: boolean;
}

export const isTime: OptionCheck = (value, name) => {
  const ok =
    (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) ||
    (typeof value === 'bigint' && value >= 0n && value < 2n ** 64n);
  if (!ok)
    throw new RangeError(
      `${name} must be seconds since 1970 (a non-negative integer), got ${describeValue(value)}`,
    );
  if (typeof value === 'number' && value > 1e11)
    throw new RangeError(`${name} must be in seconds, not milliseconds: got ${value}`);
};

const isChainList: OptionCheck = (value, name) => {
  isArray(value, name);
  (value as unknown[]).forEach((chain, i) => {
    if (typeof chain !== 'string' || chainNamed(chain) === undefined)
      throw new RangeError(
        `${name}[${i}]: ${describeValue(chain)} is not a chain; the chains are bitcoin, testnet, testnet4, signet, regtest, liquidv1, or a chain hash in hex`,
      );
  });
};

const isBitList: OptionCheck = (value, name) => {
  isArray(value, name);
  (value as unknown[]).forEach((bit, i) => {
    if (typeof bit !== 'number' || !Number.isInteger(bit) || bit < 0 || bit > 65535)
      throw new RangeError(
        `${name}[${i}] must be a feature bit (0-65535), got ${describeValue(bit)}`,
      );
  });
};

export const readContext = (options?: unknown, name = 'options'): Context => {
  const o = readOptions<DecodeBolt12Options>(name, options, {
    verify: isBoolean,
    now: isTime,
    chains: isChainList,
    features: isBitList,
  });
  return {
    verify: o.verify ?? true,
    now: o.now === undefined ? undefined : BigInt(o.now),
    chains: o.chains?.map((c) => (chainNamed(c) as { name: string }).name),
    features: (o.features ?? []).map((bit) => bit - (bit % 2)),
    unsigned: false,
  };
};
