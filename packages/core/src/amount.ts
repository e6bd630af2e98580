// BOLT 11 amounts: "optional number in that currency, followed by an optional `multiplier`
// letter", where the unit is bitcoin. Exact bigint millisatoshis, never a float.
import { Bolt11Error, type Span } from './errors.js';

/** Millisatoshis per unit of each multiplier; `p` (0.1 msat) is handled apart. */
const MSAT_PER_UNIT: Readonly<Record<string, bigint>> = {
  '': 100_000_000_000n,
  m: 100_000_000n,
  u: 100_000n,
  n: 100n,
};

/** The largest amount any Lightning message can carry (a u64 of millisatoshis). */
export const MAX_AMOUNT_MSAT = 2n ** 64n - 1n;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * The millisatoshis of the amount text of a human-readable part (`'2500u'`, `'9678785340p'`).
 * `span` locates `text` in the input, for errors.
 */
export const parseAmount = (text: string, span: Span): bigint => {
  const last = text.charCodeAt(text.length - 1);
  const multiplier = isDigit(last) ? '' : text.slice(-1);
  const digits = multiplier === '' ? text : text.slice(0, -1);
  for (let i = 0; i < digits.length; i++) {
    if (!isDigit(digits.charCodeAt(i))) {
      throw new Bolt11Error(
        'invalid-amount',
        `amount "${text}" is not a decimal number followed by an optional multiplier (m, u, n, p)`,
        { span },
      );
    }
  }
  if (multiplier !== '' && multiplier !== 'p' && MSAT_PER_UNIT[multiplier] === undefined) {
    throw new Bolt11Error(
      'invalid-multiplier',
      `amount "${text}" ends in "${multiplier}", which is not a multiplier (m, u, n or p)`,
      { span: [span[1] - 1, span[1]] },
    );
  }
  // Writer rule: "MUST encode `amount` as a positive decimal integer with no leading 0s."
  if (digits.length === 0 || digits.charCodeAt(0) === 48) {
    throw new Bolt11Error(
      'invalid-amount',
      `amount "${text}" must be a positive number without leading zeros`,
      { span },
    );
  }
  if (digits.length > 30) {
    throw new Bolt11Error('amount-too-large', `amount "${text}" exceeds 2^64-1 millisatoshis`, {
      span,
    });
  }
  let msat: bigint;
  if (multiplier === 'p') {
    // "if multiplier is `p` and the last decimal of `amount` is not 0: MUST fail the payment."
    if (!digits.endsWith('0')) {
      throw new Bolt11Error(
        'pico-not-multiple-of-10',
        `amount "${text}" is not a whole number of millisatoshis (a p amount must end in 0)`,
        { span },
      );
    }
    msat = BigInt(digits) / 10n;
  } else {
    msat = BigInt(digits) * (MSAT_PER_UNIT[multiplier] as bigint);
  }
  if (msat > MAX_AMOUNT_MSAT) {
    throw new Bolt11Error(
      'amount-too-large',
      `amount "${text}" is ${msat} millisatoshis, above 2^64-1`,
      { span },
    );
  }
  return msat;
};

/** A multiplier of the human-readable amount; `''` is whole bitcoin. */
export type AmountMultiplier = '' | 'm' | 'u' | 'n' | 'p';

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
        `amountMultiplier must be '', 'm', 'u', 'n' or 'p', got "${multiplier}"`,
      );
    if (amountMsat % unit !== 0n) {
      throw new RangeError(
        `amountMultiplier "${multiplier}" cannot express ${amountMsat} msat exactly`,
      );
    }
    return `${amountMsat / unit}${multiplier}`;
  }
  for (const m of ['', 'm', 'u', 'n'] as const) {
    const unit = MSAT_PER_UNIT[m] as bigint;
    if (amountMsat % unit === 0n) return `${amountMsat / unit}${m}`;
  }
  return `${amountMsat * 10n}p`;
};
