// Random createInvoice parameters, shared by the property tests (create → sign → decode) and the
// differential tests against bitcoinjs `bolt11`. Addresses are written by @scure/base and keys
// by @noble/secp256k1, independently of the code under test.
import { sha256 } from '@noble/hashes/sha2.js';
import * as secp from '@noble/secp256k1';
import { bech32, bech32m, createBase58check } from '@scure/base';
import fc from 'fast-check';
import { type CreateInvoiceParams, DEFAULT_FIELD_ORDER, NETWORKS } from '../../src/index.js';

const base58check = createBase58check(sha256);

/** Route-hint hop keys: a few fixed points, since computing one per hop would dominate the run. */
export const HOP_KEYS = Array.from({ length: 6 }, (_, i) =>
  secp.getPublicKey(sha256(Uint8Array.of(i))),
);

export const bytes = (length: number) => fc.uint8Array({ minLength: length, maxLength: length });

export const privateKey = bytes(32).filter((k) => secp.utils.isValidSecretKey(k));

/** An on-chain program of every kind: P2WPKH, P2WSH, v1–16 (bech32m), P2PKH (17) or P2SH (18). */
export const fallbackProgram = fc.oneof(
  fc.record({ version: fc.constant(0), program: fc.oneof(bytes(20), bytes(32)) }),
  fc.record({
    version: fc.integer({ min: 1, max: 16 }),
    program: fc.uint8Array({ minLength: 2, maxLength: 40 }),
  }),
  fc.record({ version: fc.constantFrom(17, 18), program: bytes(20) }),
);

/** The address of `program` on the network named `name`. */
export const addressOf = (name: string, { version, program }: FallbackProgram): string => {
  const network = NETWORKS.find((n) => n.name === name) as (typeof NETWORKS)[number];
  if (version === 0) return bech32.encode(network.bech32, [0, ...bech32.toWords(program)]);
  if (version <= 16) return bech32m.encode(network.bech32, [version, ...bech32m.toWords(program)]);
  const prefix = version === 17 ? network.pubKeyHash : network.scriptHash;
  return base58check.encode(Uint8Array.of(prefix, ...program));
};
export type FallbackProgram = { readonly version: number; readonly program: Uint8Array };

/** An address of `network`, of any kind. */
export const address = (name: string) => fallbackProgram.map((f) => addressOf(name, f));

export const hop = fc.record({
  pubkey: fc.constantFrom(...HOP_KEYS),
  shortChannelId: fc
    .tuple(
      fc.integer({ min: 0, max: 2 ** 24 - 1 }),
      fc.integer({ min: 0, max: 2 ** 24 - 1 }),
      fc.integer({ min: 0, max: 65535 }),
    )
    .map(([b, t, o]) => `${b}x${t}x${o}`),
  feeBaseMsat: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  feeProportionalMillionths: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
  cltvExpiryDelta: fc.integer({ min: 0, max: 65535 }),
});

const kind = fc.constantFrom('required', 'optional') as fc.Arbitrary<'required' | 'optional'>;
const features = fc.record(
  {
    var_onion_optin: kind,
    payment_secret: kind,
    basic_mpp: kind,
    option_route_blinding: kind,
    option_attribution_data: kind,
    option_payment_metadata: kind,
  },
  { requiredKeys: ['var_onion_optin', 'payment_secret'] },
);

export interface InvoiceParamsOptions {
  /** Network names to draw from (default: the four of BOLT 11). */
  readonly networks?: readonly string[];
  /** Amounts to draw from, when there is one (default: 1 to 2^64−1 msat, small ones often). */
  readonly amountMsat?: fc.Arbitrary<bigint>;
}

/** Parameters for every field createInvoice writes, each optional one present or not. */
export const invoiceParams = (options: InvoiceParamsOptions = {}) =>
  fc
    .record(
      {
        network: fc.constantFrom(
          ...(options.networks ?? ['bitcoin', 'testnet', 'signet', 'regtest']),
        ),
        amountMsat:
          options.amountMsat ?? fc.oneof(fc.bigInt(1n, 1_000_000n), fc.bigInt(1n, 2n ** 64n - 1n)),
        paymentHash: bytes(32),
        preimage: bytes(32),
        paymentSecret: bytes(32),
        description: fc.string({ unit: 'grapheme', maxLength: 40 }),
        descriptionHash: bytes(32),
        expiry: fc.integer({ min: 1, max: 2 ** 31 }),
        minFinalCltvExpiryDelta: fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        routeHints: fc.array(fc.array(hop, { minLength: 1, maxLength: 3 }), { maxLength: 3 }),
        features,
        featureBits: fc.uniqueArray(
          fc.integer({ min: 50, max: 400 }).map((b) => b * 2 + 1),
          { maxLength: 3 },
        ),
        metadata: fc.uint8Array({ maxLength: 64 }),
        timestamp: fc.integer({ min: 0, max: 2 ** 35 - 1 }),
        fieldOrder: fc.shuffledSubarray([...DEFAULT_FIELD_ORDER], {
          minLength: DEFAULT_FIELD_ORDER.length,
        }),
        namedPayee: fc.boolean(),
      },
      { requiredKeys: ['network', 'paymentSecret', 'timestamp', 'features', 'namedPayee'] },
    )
    .chain((p) =>
      fc.record({
        p: fc.constant(p),
        fallbackAddresses: fc.array(address(p.network), { maxLength: 3 }),
        useHash: fc.boolean(),
        useText: fc.boolean(),
      }),
    )
    .map(({ p, fallbackAddresses, useHash, useText }) => {
      const { namedPayee, paymentHash, preimage, description, descriptionHash, ...rest } = p;
      return {
        /** Whether to write `n` (the signer's key, known only once a key is drawn). */
        namedPayee,
        params: {
          ...rest,
          fallbackAddresses,
          ...(useHash || !preimage
            ? { paymentHash: paymentHash ?? new Uint8Array(32) }
            : { preimage }),
          ...(useText
            ? { description: description ?? '' }
            : { descriptionHash: descriptionHash ?? new Uint8Array(32) }),
        } as CreateInvoiceParams,
      };
    });
