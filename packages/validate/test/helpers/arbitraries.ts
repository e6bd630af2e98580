// Inputs for the property tests: invoices (signed ones of every shape, the BOLT 11 examples, and
// both edited) and payer policies (well-formed ones near the invoice's own values, where a
// comparison off by one shows, and malformed ones).

import { decode, type UnverifiedInvoice } from '@lninvoice/core';
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { BOLT11_VALID as valid } from 'test-support/bolt11-vectors';
import { edited } from 'test-support/edits';
import type { ValidationPolicy } from '../../src/index.js';
import { make, PUBKEY } from './index.js';

/** Signed invoices of every shape the checklist looks at, and the examples of BOLT 11. */
export const INVOICES: readonly string[] = [
  make(),
  make({ amountMsat: undefined }),
  make({ amountMsat: 1n }),
  make({ amountMsat: 2n ** 53n + 1n }),
  make({ amountMsat: 2n ** 64n - 1n }),
  make({ expiry: 60 }),
  make({ expiry: 31 * 86_400 }),
  make({ minFinalCltvExpiryDelta: 2017 }),
  make({
    features: { var_onion_optin: 'required', payment_secret: 'required', basic_mpp: 'required' },
  }),
  make({
    features: {
      var_onion_optin: 'required',
      payment_secret: 'optional',
      option_payment_metadata: 'required',
    },
    metadata: '00ff',
    featureBits: [101],
  }),
  make({ description: 'pay \u202eevil\u200b\u001b[31m' }),
  make({ description: undefined, descriptionHash: sha256(utf8ToBytes('coffee')) }),
  make({ network: 'testnet' }),
  make({ fallbackAddresses: ['bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs'] }),
  make({ payeeNodeKey: PUBKEY }),
  ...valid.flatMap((v) => (v.conformance_status === 'disputed' ? [] : [v.invoice])),
];

/** The decoded form of each invoice, for the policies near its values. */
const DECODED: ReadonlyMap<string, UnverifiedInvoice> = new Map(
  INVOICES.map((text) => [text, decode(text, { verify: false })]),
);
export const decoded = (text: string): UnverifiedInvoice => DECODED.get(text) as UnverifiedInvoice;

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
/** An invoice with one to three edits: a bech32 character, a case, a separator, anything. */
export const editedInvoice = edited(
  INVOICES,
  fc.oneof(fc.constantFrom(...BECH32), fc.constantFrom('1', 'QQ', 'lightning:', ' ', '\u0000')),
  3,
);

/** Bigints near `around`, and the edges of the 64-bit range. */
const msatNear = (around: bigint): fc.Arbitrary<bigint> =>
  fc
    .oneof(
      fc.constantFrom(around - 1n, around, around + 1n, 0n, 2n ** 53n, 2n ** 64n - 1n, 2n ** 64n),
      fc.bigInt({ min: 0n, max: 2n ** 70n }),
    )
    .filter((n) => n >= 0n);

/** Seconds near `values`, and whole numbers up to 2^53 - 1. */
const secondsNear = (...values: number[]): fc.Arbitrary<number> =>
  fc.oneof(
    fc.constantFrom(
      ...values.flatMap((v) => [v - 1, v, v + 1]).filter((v) => v >= 0),
      0,
      Number.MAX_SAFE_INTEGER,
    ),
    fc.nat(),
  );

/** Feature bits and names, and numbers that bitwise arithmetic would wrap to a small bit. */
const supportedFeature = fc.oneof(
  fc.nat(64),
  fc.constantFrom('var_onion_optin', 'payment_secret', 'basic_mpp', 'option_payment_metadata'),
  fc.constantFrom(2 ** 32 + 16, 2 ** 32 + 14, 2 ** 31 + 8, 2 ** 53 - 1, 2 ** 40),
);

/** A well-formed policy for `text`, its numbers near the invoice's own. */
export const policyFor = (text: string): fc.Arbitrary<ValidationPolicy> => {
  const inv = decoded(text);
  return fc.record(
    {
      // 'mainnet' is no network's name: refused, never a mismatch with every invoice.
      network: fc.constantFrom(inv.network, 'bitcoin', 'testnet', 'signet', 'regtest', 'mainnet'),
      now: secondsNear(inv.timestamp, inv.expiresAt, inv.timestamp - 600),
      clockSkew: secondsNear(0, 600),
      amountMsat: msatNear(inv.amountMsat ?? 1000n),
      minAmountMsat: msatNear(inv.amountMsat ?? 1000n),
      maxAmountMsat: msatNear(inv.amountMsat ?? 1000n),
      allowAmountless: fc.boolean(),
      supportedFeatures: fc.array(supportedFeature, { maxLength: 5 }),
      payee: fc.constantFrom(
        PUBKEY,
        `02${'11'.repeat(32)}`,
        Uint8Array.from({ length: 33 }, () => 2),
      ),
      description: fc.constantFrom('coffee', 'tea', inv.description ?? ''),
      metadata: fc.constantFrom('coffee', '[["text/plain","x"]]'),
      maxExpiry: secondsNear(inv.expiry),
      minExpiryLeft: secondsNear(inv.expiry, 60),
      maxCltvExpiryDelta: secondsNear(inv.minFinalCltvExpiryDelta),
      legacy: fc.boolean(),
    },
    { requiredKeys: [] },
  );
};

/** Values of every type, and the ones that break careless code. */
export const junk = fc.oneof(
  fc.anything({ withBigInt: true }),
  fc.constantFrom<unknown>(
    null,
    Number.NaN,
    -1,
    1.5,
    2 ** 53,
    Number.POSITIVE_INFINITY,
    -1n,
    1000,
    '1000',
    'no',
    'false',
    0,
    [],
    [null],
    [Number.NaN],
    ['warp_drive'],
    [2 ** 32 + 16],
    'basic_mpp',
    {},
    Object.create(null),
    { toString: 1 },
    { length: 33 },
    'zz',
    '02',
    [{ prefix: 'lnxy' }],
    [{ name: 'x', prefix: 'lnbc', bech32: 'bc', pubKeyHash: 0, scriptHash: 5 }],
    { verify: 1 },
  ),
);

/** The settings of ValidationPolicy, and names that are not settings. */
export const SETTINGS = [
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
  'convert',
  'quantity',
  'request',
] as const;
const OTHER_KEYS = ['__proto__', 'constructor', 'prototype', 'amount', 'toString', ''];

/** `policy` with `value` as its own `key` (defined, so that `__proto__` is a key like any other). */
const withSetting = (policy: object, key: string, value: unknown): object =>
  Object.defineProperty({ ...policy }, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });

/** A policy that may be wrong anywhere: a setting of the wrong type, an unknown key, no object. */
export const hostilePolicy = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...INVOICES).chain(policyFor),
        fc.array(fc.tuple(fc.constantFrom<string>(...SETTINGS, ...OTHER_KEYS), junk), {
          minLength: 1,
          maxLength: 3,
        }),
      )
      .map(([policy, changes]) =>
        changes.reduce((p, [key, value]) => withSetting(p, key, value), policy as object),
      ),
  },
  { weight: 1, arbitrary: junk },
);

/** The policies whose bounds contradict each other: validate refuses them (RangeError). */
export const contradictory = ({
  amountMsat: a,
  minAmountMsat: min,
  maxAmountMsat: max,
}: ValidationPolicy): boolean =>
  (min !== undefined && max !== undefined && min > max) ||
  (a !== undefined && ((min !== undefined && a < min) || (max !== undefined && a > max)));

/** What the README allows for each BOLT 12 setting: anything else must be refused. */
export const ALLOWED_BOLT12: Readonly<
  Record<'convert' | 'quantity' | 'request', (v: unknown) => boolean>
> = {
  convert: (v) => typeof v === 'function',
  quantity: (v) =>
    (typeof v === 'number' && Number.isSafeInteger(v) && v >= 1) ||
    (typeof v === 'bigint' && v >= 1n && v < 2n ** 64n),
  // A request string is decoded only where it is used: to check an invoice of BOLT 12.
  request: (v) =>
    typeof v === 'string' ||
    (typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'invoice_request'),
};
