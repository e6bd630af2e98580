// Signing with a private key (RFC 6979) or an external signer, and what is checked of the result.
import { bytesToHex as hex, hexToBytes } from '@noble/hashes/utils.js';
import * as secp from '@noble/secp256k1';
import { describe, expect, it } from 'vitest';
import {
  Bolt11Error,
  type CreateInvoiceParams,
  createInvoice,
  decode,
  type ExternalSigner,
  nodeKeyOf,
  signInvoice,
  signInvoiceWith,
} from '../src/index.js';
import { SPEC_KEY, SPEC_PUBKEY } from './helpers/craft.js';

const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const PARAMS: CreateInvoiceParams = {
  network: 'signet',
  amountMsat: 42_000n,
  paymentHash: 'ab'.repeat(32),
  paymentSecret: 'cd'.repeat(32),
  description: 'tea',
  timestamp: 1700000000,
};
const unsigned = createInvoice(PARAMS);
const withN = createInvoice({ ...PARAMS, payeeNodeKey: SPEC_PUBKEY });
const OTHER_KEY = hexToBytes('22'.repeat(32));

/** A signer that signs with `key` through noble directly, then lets a test tamper with the answer. */
const nobleSigner =
  (
    key: Uint8Array,
    tamper = (s: { signature: Uint8Array; recoveryId: number }) => s,
  ): ExternalSigner =>
  async (hash) => {
    const sig = secp.sign(hash, key, { prehash: false, format: 'recovered' });
    return tamper({ signature: sig.slice(1), recoveryId: sig[0] as number });
  };
const flipS = ({ signature, recoveryId }: { signature: Uint8Array; recoveryId: number }) => {
  const s = BigInt(`0x${hex(signature.subarray(32))}`);
  const high = hexToBytes((N - s).toString(16).padStart(64, '0'));
  return {
    signature: Uint8Array.from([...signature.subarray(0, 32), ...high]),
    recoveryId: recoveryId ^ 1,
  };
};

describe('signInvoice', () => {
  it('is deterministic and signs as the key', () => {
    const a = signInvoice(unsigned, SPEC_KEY);
    expect(signInvoice(unsigned, hex(SPEC_KEY))).toBe(a);
    const inv = decode(a);
    expect(hex(inv.payeeNodeKey)).toBe(SPEC_PUBKEY);
    expect([inv.network, inv.amountMsat, inv.description]).toEqual(['signet', 42_000n, 'tea']);
  });

  it('writes upper case for QR codes', () => {
    const upper = signInvoice(unsigned, SPEC_KEY, { uppercase: true });
    expect(upper).toBe(signInvoice(unsigned, SPEC_KEY).toUpperCase());
    expect(decode(upper).hrp).toBe('lntbs420n');
  });

  it('with an n field, signs only with that node’s key', () => {
    expect(decode(signInvoice(withN, SPEC_KEY)).payeeSource).toBe('n-field');
    expect(() => signInvoice(withN, OTHER_KEY)).toThrow(
      expect.objectContaining({
        constructor: RangeError,
        message: expect.stringContaining(SPEC_PUBKEY),
      }),
    );
  });

  it('nodeKeyOf gives the key a payee’s n field must hold', () => {
    expect(hex(nodeKeyOf(SPEC_KEY))).toBe(SPEC_PUBKEY);
    expect(hex(nodeKeyOf(hex(SPEC_KEY)))).toBe(SPEC_PUBKEY);
    expect(() => nodeKeyOf(new Uint8Array(32))).toThrow(RangeError);
  });

  it('notices a key array changed in place between signatures with n', () => {
    const key = SPEC_KEY.slice();
    expect(decode(signInvoice(withN, key)).payeeSource).toBe('n-field');
    key.set(OTHER_KEY);
    expect(() => signInvoice(withN, key)).toThrow(RangeError);
    key.set(SPEC_KEY);
    expect(decode(signInvoice(withN, key)).payeeSource).toBe('n-field');
  });

  it('refuses keys that are not secp256k1 private keys', () => {
    expect(() => signInvoice(unsigned, new Uint8Array(32))).toThrow(RangeError);
    expect(() => signInvoice(unsigned, hexToBytes(N.toString(16)))).toThrow(RangeError);
    expect(() => signInvoice(unsigned, new Uint8Array(31).fill(1))).toThrow(/32 bytes/);
    expect(() => signInvoice(unsigned, 'not hex')).toThrow(/hex/);
    expect(() => signInvoice(unsigned, 7 as unknown as string)).toThrow(TypeError);
  });
});

describe('signInvoiceWith (external signer)', () => {
  it('gives the same string as the private key, sync or async signer', async () => {
    expect(await signInvoiceWith(unsigned, nobleSigner(SPEC_KEY))).toBe(
      signInvoice(unsigned, SPEC_KEY),
    );
    const sync: ExternalSigner = (hash) => {
      const sig = secp.sign(hash, SPEC_KEY, { prehash: false, format: 'recovered' });
      return { signature: sig.slice(1), recoveryId: sig[0] as number };
    };
    expect(await signInvoiceWith(withN, sync, { uppercase: true })).toBe(
      signInvoice(withN, SPEC_KEY, { uppercase: true }),
    );
  });

  it('hands the signer the signing hash', async () => {
    let seen: Uint8Array | undefined;
    const invoice = await signInvoiceWith(unsigned, async (hash) => {
      seen = hash;
      return nobleSigner(SPEC_KEY)(hash);
    });
    expect(seen).toEqual(decode(invoice).signingHash);
  });

  it('writes a high-S signature as given when there is no n field (readers accept it)', async () => {
    const invoice = await signInvoiceWith(unsigned, nobleSigner(SPEC_KEY, flipS));
    expect(invoice).not.toBe(signInvoice(unsigned, SPEC_KEY));
    expect(hex(decode(invoice).payeeNodeKey)).toBe(SPEC_PUBKEY);
  });

  it('refuses a high-S signature, or another key’s, when there is an n field', async () => {
    await expect(signInvoiceWith(withN, nobleSigner(SPEC_KEY, flipS))).rejects.toMatchObject({
      code: 'non-canonical-signature',
    });
    await expect(signInvoiceWith(withN, nobleSigner(OTHER_KEY))).rejects.toMatchObject({
      code: 'invalid-signature',
    });
  });

  it('refuses answers no reader could use', async () => {
    const answer =
      (signature: unknown, recoveryId: unknown): ExternalSigner =>
      () =>
        ({ signature, recoveryId }) as { signature: Uint8Array; recoveryId: number };
    const good = secp.sign(new Uint8Array(32).fill(1), SPEC_KEY, { prehash: false }).slice();
    await expect(signInvoiceWith(unsigned, answer(good.slice(0, 63), 0))).rejects.toThrow(
      TypeError,
    );
    await expect(signInvoiceWith(unsigned, answer('00'.repeat(64), 0))).rejects.toThrow(TypeError);
    await expect(signInvoiceWith(unsigned, answer(good, 4))).rejects.toThrow(/recoveryId/);
    await expect(signInvoiceWith(unsigned, answer(new Uint8Array(64), 0))).rejects.toBeInstanceOf(
      Bolt11Error,
    );
    await expect(
      signInvoiceWith(
        unsigned,
        nobleSigner(SPEC_KEY, ({ signature }) => ({ signature, recoveryId: 3 })),
      ),
    ).rejects.toMatchObject({ code: 'invalid-signature' });
    await expect(signInvoiceWith(unsigned, 'key' as unknown as ExternalSigner)).rejects.toThrow(
      TypeError,
    );
  });

  it('passes the signer’s own failure through', async () => {
    await expect(
      signInvoiceWith(unsigned, async () => {
        throw new Error('HSM offline');
      }),
    ).rejects.toThrow('HSM offline');
  });
});
