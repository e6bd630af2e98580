// Millisatoshis ⇄ satoshis. Lightning amounts are millisatoshis; on-chain ones are satoshis, so a
// conversion must say what happens to a fraction of a satoshi.
import { describe } from './params.js';

export type Rounding = 'floor' | 'ceil' | 'exact';

/**
 * Satoshis of `amountMsat`: `'floor'` and `'ceil'` round, `'exact'` throws a RangeError when
 * `amountMsat` is not a whole number of satoshis.
 */
export const msatToSat = (amountMsat: bigint, rounding: Rounding): bigint => {
  if (typeof amountMsat !== 'bigint')
    throw new TypeError(`amountMsat must be a bigint, got ${describe(amountMsat)}`);
  if (amountMsat < 0n) throw new RangeError(`amountMsat must not be negative, got ${amountMsat}`);
  if (rounding !== 'floor' && rounding !== 'ceil' && rounding !== 'exact') {
    throw new RangeError(`rounding must be 'floor', 'ceil' or 'exact', got ${describe(rounding)}`);
  }
  const sat = amountMsat / 1000n;
  const rest = amountMsat % 1000n;
  if (rest === 0n || rounding === 'floor') return sat;
  if (rounding === 'ceil') return sat + 1n;
  throw new RangeError(
    `amountMsat ${amountMsat} is not a whole number of satoshis (${rest} msat left over)`,
  );
};

/** Millisatoshis of `sat` satoshis (a bigint, or a number that is a safe integer). */
export const satToMsat = (sat: bigint | number): bigint => {
  if (typeof sat === 'number') {
    if (!Number.isSafeInteger(sat))
      throw new RangeError(`sat must be a whole, safe integer, got ${sat}`);
  } else if (typeof sat !== 'bigint') {
    throw new TypeError(`sat must be a bigint or a number, got ${describe(sat)}`);
  }
  const value = BigInt(sat);
  if (value < 0n) throw new RangeError(`sat must not be negative, got ${value}`);
  return value * 1000n;
};
