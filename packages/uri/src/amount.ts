// BIP 321 amounts: decimal BTC, read exactly into bigint satoshis (never through a float).
import { formatDecimal } from '@lninvoice/core/amount';
import type { Span } from '@lninvoice/core/errors';
import { describeValue, showText } from '@lninvoice/core/text';
import { UriError } from './errors.js';
import type { BitcoinAmount } from './types.js';

const SAT_PER_BTC = 100_000_000n;
/** No amount can exceed the 21 million bitcoin that will ever exist. */
const MAX_SAT = 21_000_000n * SAT_PER_BTC;
// BIP 321: amountparam = "amount=" *digit [ "." *digit ]
const DECIMAL = /^(\d*)(?:\.(\d*))?$/;

/**
 * `digits` without its trailing zeros. By hand: `/0+$/` tries every starting position and scans
 * each run of zeros to its end, quadratic in the run (`0.000…0001` with 100 000 zeros: seconds).
 */
const withoutTrailingZeros = (digits: string): string => {
  let end = digits.length;
  while (end > 0 && digits.charCodeAt(end - 1) === 48) end--;
  return digits.slice(0, end);
};

/**
 * The amount `text` (already percent-decoded) stands for. BIP 321: "If an amount is provided, it
 * MUST be specified in decimal BTC. All amounts MUST contain no commas and use a period (.) as
 * the separating character". At least one digit; more than 8 decimals only if the extra ones are
 * zeros (a satoshi is the smallest on-chain unit).
 */
export const parseBtcAmount = (text: string, span: Span): BitcoinAmount => {
  const match = DECIMAL.exec(text);
  if (match === null || !/\d/.test(text)) {
    throw new UriError(
      'invalid-amount',
      `amount: ${showText(text)} is not a decimal number of BTC (digits with an optional "." and decimals; no sign, exponent or comma)`,
      { span },
    );
  }
  const whole = (match[1] ?? '').replace(/^0+/, '');
  const decimals = withoutTrailingZeros(match[2] ?? '');
  if (decimals.length > 8) {
    throw new UriError(
      'amount-too-precise',
      `amount: ${showText(text)} has ${decimals.length} decimals; BTC amounts have at most 8 (1 sat = 0.00000001 BTC)`,
      { span },
    );
  }
  // More than 8 whole digits is more than 21 million already: no need to build a huge bigint.
  const sat =
    whole.length > 8
      ? MAX_SAT + 1n
      : BigInt(whole || '0') * SAT_PER_BTC + BigInt(decimals.padEnd(8, '0'));
  if (sat > MAX_SAT) {
    throw new UriError(
      'amount-too-large',
      `amount: ${showText(text)} is more than the 21000000 BTC that will ever exist`,
      { span },
    );
  }
  return { btc: text, sat, msat: sat * 1000n };
};

/** The shortest decimal BTC of `sat`: `2030000000n` → `'20.3'`. */
export const formatBtcAmount = (sat: bigint): string => formatDecimal(sat, 8);

/** Checks an amount a caller passes to formatUri. */
export const checkSatParam = (sat: unknown): bigint => {
  if (typeof sat !== 'bigint')
    throw new TypeError(`amount.sat must be a bigint, got ${describeValue(sat)}`);
  if (sat < 0n || sat > MAX_SAT)
    throw new RangeError(`amount.sat must be from 0 to ${MAX_SAT} (21 million BTC), got ${sat}`);
  return sat;
};
