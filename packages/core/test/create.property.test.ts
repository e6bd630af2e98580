// Over random parameters: decode(sign(create(p))) gives back p and the signer's key, encode writes
// the decoded invoice back byte for byte, and an external signer writes the same string as the
// private key. Fixed seeds, bounded runs; `pnpm fuzz` runs them longer.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex as hex } from '@noble/hashes/utils.js';
import * as secp from '@noble/secp256k1';
import fc from 'fast-check';
import { checkAsyncProperty, checkProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import {
  createInvoice,
  DEFAULT_FIELD_ORDER,
  decode,
  encode,
  featureBitOf,
  type InvoiceFeatureName,
  signInvoice,
  signInvoiceWith,
} from '../src/index.js';
import { invoiceParams, privateKey } from './helpers/invoice-params.js';

const params = invoiceParams();

describe('create → sign → decode', () => {
  it('gives back every parameter and the signer’s key', () => {
    checkProperty(
      'create-sign-decode',
      fc.property(params, privateKey, ({ params: p, namedPayee }, key) => {
        const pubkey = secp.getPublicKey(key);
        const full = namedPayee ? { ...p, payeeNodeKey: pubkey } : p;
        const text = signInvoice(createInvoice(full), key);
        const inv = decode(text);
        // Written back byte for byte, and read again to the same invoice.
        expect(encode(inv)).toBe(text);
        expect(decode(encode(inv))).toEqual(inv);
        expect(encode(decode(text.toUpperCase()), { uppercase: true })).toBe(text.toUpperCase());
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
    await checkAsyncProperty(
      'external-signer',
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
  });
});
