// Lightning amounts: exact bigint millisatoshis, never a float. The amount of a BOLT 11
// human-readable part ("optional number in that currency, followed by an optional `multiplier`
// letter", the unit being bitcoin), and millisatoshis ⇄ satoshis.
import type { ErrorFactory, Span } from './errors.js';
import { describeValue, showText } from './text.js';

/** Millisatoshis per unit of each multiplier; `p` (0.1 msat) is handled apart. */
const MSAT_PER_UNIT: Readonly<Record<string, bigint>> = {
  '': 100_000_000_000n,
  m: 100_000_000n,
  u: 100_000n,
  n: 100n,
};

/** The largest amount any Lightning message can carry (a u64 of millisatoshis). */
export const MAX_AMOUNT_MSAT = 2n ** 64n - 1n;

/** A multiplier of the human-readable amount; `''` is whole bitcoin. */
export type AmountMultiplier = '' | 'm' | 'u' | 'n' | 'p';

/** The codes `parseAmount` fails with. */
export type AmountErrorCode =
  | 'invalid-amount'
  | 'invalid-multiplier'
  | 'invalid-pico-amount'
  | 'amount-too-large';

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * The millisatoshis of the amount text of a BOLT 11 human-readable part (`'2500u'`,
 * `'9678785340p'`), which stands at `span` of the input.
 */
export const parseAmount = (
  text: string,
  span: Span,
  error: ErrorFactory<AmountErrorCode>,
): bigint => {
  const last = text.charCodeAt(text.length - 1);
  const multiplier = isDigit(last) ? '' : text.slice(-1);
  const digits = multiplier === '' ? text : text.slice(0, -1);
  const shown = showText(text);
  if (multiplier !== '' && multiplier !== 'p' && MSAT_PER_UNIT[multiplier] === undefined) {
    throw error(
      'invalid-multiplier',
      `amount ${shown} ends in ${showText(multiplier)}, which is not a multiplier (m, u, n or p)`,
      [span[1] - 1, span[1]],
    );
  }
  // "if `amount` contains a non-digit OR is followed by anything except a `multiplier`: MUST
  // fail"; writers "MUST encode `amount` as a positive decimal integer with no leading 0s".
  if (!/^[1-9]\d*$/.test(digits))
    throw error(
      'invalid-amount',
      `amount ${shown} is not a positive number without leading zeros, and an optional multiplier (m, u, n, p)`,
      span,
    );
  if (digits.length > 30)
    throw error('amount-too-large', `amount ${shown} exceeds 2^64-1 millisatoshis`, span);
  // "if multiplier is `p` and the last decimal of `amount` is not 0: MUST fail the payment."
  if (multiplier === 'p' && !digits.endsWith('0')) {
    throw error(
      'invalid-pico-amount',
      `amount ${shown} is not a whole number of millisatoshis (a p amount must end in 0)`,
      span,
    );
  }
  const msat =
    multiplier === 'p'
      ? BigInt(digits) / 10n
      : BigInt(digits) * (MSAT_PER_UNIT[multiplier] as bigint);
  if (msat > MAX_AMOUNT_MSAT)
    throw error('amount-too-large', `amount ${shown} is ${msat} millisatoshis, above 2^64-1`, span);
  return msat;
};

/**
 * The amount text of a human-readable part. By default the shortest (BOLT 11: "SHOULD use the
 * shortest representation possible, by using the largest multiplier or omitting the
 * multiplier"); with `multiplier`, that one, which must express the amount exactly.
 */
export const formatAmount = (amountMsat: bigint, multiplier?: AmountMultiplier): string => {
  if (multiplier === 'p') return `${amountMsat * 10n}p`;
  if (multiplier !== undefined) {
    const unit = MSAT_PER_UNIT[multiplier];
    if (unit === undefined)
      throw new RangeError(
        `amountMultiplier must be '', 'm', 'u', 'n' or 'p', got ${describeValue(multiplier)}`,
      );
    if (amountMsat % unit !== 0n)
      throw new RangeError(
        `amountMultiplier ${showText(multiplier)} cannot express ${amountMsat} msat exactly`,
      );
    return `${amountMsat / unit}${multiplier}`;
  }
  for (const m of ['', 'm', 'u', 'n'] as const) {
    const unit = MSAT_PER_UNIT[m] as bigint;
    if (amountMsat % unit === 0n) return `${amountMsat / unit}${m}`;
  }
  return `${amountMsat * 10n}p`;
};

/**
 * `value / 10^places` written exactly in decimal, without trailing zeros and never through a
 * float: `formatDecimal(250000000n, 11)` is `'0.0025'` (msat as BTC), `(1500n, 3)` is `'1.5'`.
 * `value` must not be negative; `places` is a whole number from 0 to 30.
 */
export const formatDecimal = (value: bigint, places: number): string => {
  if (typeof value !== 'bigint')
    throw new TypeError(`value must be a bigint, got ${describeValue(value)}`);
  if (value < 0n) throw new RangeError(`value must not be negative, got ${value}`);
  if (!Number.isInteger(places) || places < 0 || places > 30)
    throw new RangeError(
      `places must be a whole number from 0 to 30, got ${describeValue(places)}`,
    );
  if (places === 0) return `${value}`;
  const unit = 10n ** BigInt(places);
  const digits = (value % unit).toString().padStart(places, '0');
  let end = places;
  while (end > 0 && digits.charCodeAt(end - 1) === 48) end--;
  return end === 0 ? `${value / unit}` : `${value / unit}.${digits.slice(0, end)}`;
};

// Lightning amounts are millisatoshis; on-chain ones are satoshis, so a conversion must say what
// happens to a fraction of a satoshi.
/** What {@link msatToSat} does with a fraction of a satoshi: round down, round up, or throw. */
export type Rounding = 'floor' | 'ceil' | 'exact';

/**
 * Satoshis of `amountMsat`: `'floor'` and `'ceil'` round, `'exact'` throws a RangeError when
 * `amountMsat` is not a whole number of satoshis.
 */
export const msatToSat = (amountMsat: bigint, rounding: Rounding): bigint => {
  if (typeof amountMsat !== 'bigint')
    throw new TypeError(`amountMsat must be a bigint, got ${describeValue(amountMsat)}`);
  if (amountMsat < 0n) throw new RangeError(`amountMsat must not be negative, got ${amountMsat}`);
  if (rounding !== 'floor' && rounding !== 'ceil' && rounding !== 'exact') {
    throw new RangeError(
      `rounding must be 'floor', 'ceil' or 'exact', got ${describeValue(rounding)}`,
    );
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
    throw new TypeError(`sat must be a bigint or a number, got ${describeValue(sat)}`);
  }
  const value = BigInt(sat);
  if (value < 0n) throw new RangeError(`sat must not be negative, got ${value}`);
  return value * 1000n;
};
