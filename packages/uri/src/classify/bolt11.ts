// BOLT 11 invoices as a classifier sees them: the bech32 checksum, the network and the amount of
// the human-readable part. Decoding the fields and the signature is @lninvoice/core's job.
import { readBech32 } from '../bech32.js';
import { quote, UriError } from '../errors.js';
import type { Bolt11Input, Network } from '../types.js';

/** BOLT 11 and @lninvoice/core accept invoices of up to 7089 characters. */
export const MAX_BECH32_LENGTH = 7089;

// BOLT 11: "`prefix`: `ln` + BIP-0173 currency prefix (e.g. `lnbc` for Bitcoin mainnet, `lntb` for
// Bitcoin testnet, `lntbs` for Bitcoin signet, and `lnbcrt` for Bitcoin regtest)".
const NETWORK_OF_CURRENCY: ReadonlyMap<string, Network> = new Map([
  ['bc', 'bitcoin'],
  ['tb', 'testnet'],
  ['tbs', 'signet'],
  ['bcrt', 'regtest'],
]);
const MSAT_PER_UNIT: ReadonlyMap<string, bigint> = new Map([
  ['', 100_000_000_000n],
  ['m', 100_000_000n],
  ['u', 100_000n],
  ['n', 100n],
]);
/** Lightning messages carry amounts as a u64 of millisatoshis. */
const MAX_MSAT = 2n ** 64n - 1n;

/** Millisatoshis of the amount of a human-readable part (`'2500u'`, `'9678785340p'`). */
const amountMsatOf = (text: string, span: readonly [number, number]): bigint => {
  const match = /^(\d+)([munp]?)$/.exec(text);
  // Writer rule: "MUST encode `amount` as a positive decimal integer with no leading 0s."
  if (match === null || text.startsWith('0')) {
    throw new UriError(
      'invalid-amount',
      `BOLT 11 amount: ${quote(text)} is not a positive decimal without leading zeros, followed by an optional multiplier (m, u, n, p)`,
      span,
    );
  }
  const [, digits = '', multiplier = ''] = match;
  // "if multiplier is `p` and the last decimal of `amount` is not 0: MUST fail the payment."
  if (multiplier === 'p' && !digits.endsWith('0')) {
    throw new UriError(
      'invalid-amount',
      `BOLT 11 amount: ${quote(text)} is not a whole number of millisatoshis (a p amount ends in 0)`,
      span,
    );
  }
  const msat =
    digits.length > 30
      ? MAX_MSAT + 1n
      : multiplier === 'p'
        ? BigInt(digits) / 10n
        : BigInt(digits) * (MSAT_PER_UNIT.get(multiplier) as bigint);
  if (msat > MAX_MSAT) {
    throw new UriError(
      'amount-too-large',
      `BOLT 11 amount: ${quote(text)} is more than 2^64-1 millisatoshis`,
      span,
    );
  }
  return msat;
};

/** The BOLT 11 invoice `text`, found at `offset` of the input. */
export const classifyBolt11 = (text: string, offset: number): Bolt11Input => {
  // BOLT 11: "MUST parse the address as Bech32, as specified in BIP-0173 (also without the
  // character limit)" and "if the checksum is incorrect: MUST fail the payment."
  const { prefix: hrp } = readBech32(text, offset, 'BOLT 11 invoice', {
    limit: MAX_BECH32_LENGTH,
    bech32m: false,
  });
  const [, currency = '', amount = ''] = /^ln([a-z]*)(.*)$/.exec(hrp) ?? [];
  const network = NETWORK_OF_CURRENCY.get(currency);
  // "if it does NOT understand the `prefix`: MUST fail the payment."
  if (network === undefined) {
    throw new UriError(
      'unknown-prefix',
      `BOLT 11 invoice: unknown prefix ${quote(hrp)}; expected lnbc, lntb, lntbs or lnbcrt, optionally followed by an amount`,
      [offset, offset + hrp.length],
    );
  }
  const prefix = `ln${currency}`;
  if (amount === '') return { kind: 'bolt11', value: text, prefix, network };
  const amountSpan = [offset + prefix.length, offset + hrp.length] as const;
  return {
    kind: 'bolt11',
    value: text,
    prefix,
    network,
    amountMsat: amountMsatOf(amount, amountSpan),
  };
};
