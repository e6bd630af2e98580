// Over random parameters: decode(sign(create(p))) gives back p and the signer's key, and an
// external signer writes the same string as the private key. Fixed seeds, bounded runs.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex as hex } from '@noble/hashes/utils.js';
import * as secp from '@noble/secp256k1';
import { bech32, bech32m, createBase58check } from '@scure/base';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CreateInvoiceParams,
  createInvoice,
  DEFAULT_FIELD_ORDER,
  decode,
  featureBitOf,
  type InvoiceFeatureName,
  NETWORKS,
  signInvoice,
  signInvoiceWith,
} from '../src/index.js';

const base58check = createBase58check(sha256);
const HOP_KEYS = Array.from({ length: 6 }, (_, i) => secp.getPublicKey(sha256(Uint8Array.of(i))));
const bytes = (length: number) => fc.uint8Array({ minLength: length, maxLength: length });
const privateKey = bytes(32).filter((k) => secp.utils.isValidSecretKey(k));

/** An address of `network` written by @scure/base, independently of the code under test. */
const address = (name: string) => {
  const network = NETWORKS.find((n) => n.name === name) as (typeof NETWORKS)[number];
  return fc.oneof(
    fc
      .oneof(bytes(20), bytes(32))
      .map((p) => bech32.encode(network.bech32, [0, ...bech32.toWords(p)])),
    fc
      .tuple(fc.integer({ min: 1, max: 16 }), fc.uint8Array({ minLength: 2, maxLength: 40 }))
      .map(([v, p]) => bech32m.encode(network.bech32, [v, ...bech32m.toWords(p)])),
    fc
      .tuple(fc.constantFrom(network.pubKeyHash, network.scriptHash), bytes(20))
      .map(([version, hash]) => base58check.encode(Uint8Array.of(version, ...hash))),
  );
};

const hop = fc.record({
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

const params = fc
  .record(
    {
      network: fc.constantFrom('bitcoin', 'testnet', 'signet', 'regtest'),
      amountMsat: fc.oneof(fc.bigInt(1n, 1_000_000n), fc.bigInt(1n, 2n ** 64n - 1n)),
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

describe('create → sign → decode', () => {
  it('gives back every parameter and the signer’s key', () => {
    fc.assert(
      fc.property(params, privateKey, ({ params: p, namedPayee }, key) => {
        const pubkey = secp.getPublicKey(key);
        const full = namedPayee ? { ...p, payeeNodeKey: pubkey } : p;
        const inv = decode(signInvoice(createInvoice(full), key));
        expect(inv.network).toBe(p.network);
        expect(inv.amountMsat).toBe(p.amountMsat);
        expect(inv.timestamp).toBe(p.timestamp);
        expect(hex(inv.paymentHash)).toBe(
          hex(p.preimage ? sha256(p.preimage as Uint8Array) : (p.paymentHash as Uint8Array)),
        );
        expect(inv.paymentSecret).toEqual(p.paymentSecret);
        expect(inv.description).toBe(p.description);
        expect(inv.descriptionHash).toEqual(p.descriptionHash);
        expect(inv.expiry).toBe(p.expiry ?? 3600);
        expect(inv.minFinalCltvExpiryDelta).toBe(p.minFinalCltvExpiryDelta ?? 18);
        expect(inv.fallbackAddresses.map((f) => f.address)).toEqual(p.fallbackAddresses);
        expect(inv.routeHints).toEqual(p.routeHints ?? []);
        const expectedBits = [
          ...Object.entries(p.features ?? {}).map(
            ([name, k]) =>
              (featureBitOf(name as InvoiceFeatureName) as number) + (k === 'optional' ? 1 : 0),
          ),
          ...(p.featureBits ?? []),
        ].sort((a, b) => a - b);
        expect(inv.features.map((f) => f.bit)).toEqual(expectedBits);
        expect(inv.metadata).toEqual(p.metadata);
        expect(inv.payeeNodeKey).toEqual(pubkey);
        expect(inv.payeeSource).toBe(namedPayee ? 'n-field' : 'recovered');
        const order = p.fieldOrder ?? DEFAULT_FIELD_ORDER;
        const tags = inv.fields.map((f) => f.tag);
        expect(
          [...tags].sort((a, b) => order.indexOf(a as never) - order.indexOf(b as never)),
        ).toEqual(tags);
      }),
      { seed: 31, numRuns: 250 },
    );
  });
});

describe('external signer', () => {
  it('writes the same string as the private key', async () => {
    await fc.assert(
      fc.asyncProperty(
        params,
        privateKey,
        fc.boolean(),
        async ({ params: p, namedPayee }, key, uppercase) => {
          const unsigned = createInvoice(
            namedPayee ? { ...p, payeeNodeKey: secp.getPublicKey(key) } : p,
          );
          const external = await signInvoiceWith(
            unsigned,
            async (hash) => {
              const sig = await secp.signAsync(hash, key, { prehash: false, format: 'recovered' });
              return { signature: sig.slice(1), recoveryId: sig[0] as number };
            },
            { uppercase },
          );
          expect(external).toBe(signInvoice(unsigned, key, { uppercase }));
        },
      ),
      { seed: 32, numRuns: 100 },
    );
  }, 60_000);
});
