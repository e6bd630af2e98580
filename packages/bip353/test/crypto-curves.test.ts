// ECDSA P-256 (algorithm 13) and Ed25519 (algorithm 15) against node:crypto: keys and signatures
// made by node, converted to the DNSKEY and RRSIG forms (RFC 6605: x | y and r | s; RFC 8080: the
// raw 32 and 64 octets), accepted; after any changed bit, or as random bytes, the verdict is
// node's own.
import { generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { p256 } from '@noble/curves/nist.js';
import fc from 'fast-check';
import { checkAsyncProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import { keyProblem, verifySignature } from '../src/crypto/algorithms.js';

const b64u = (text: string | undefined) => Buffer.from(text ?? '', 'base64url');

interface Curve {
  readonly algorithm: 13 | 15;
  readonly publicKey: Uint8Array;
  readonly sign: (data: Uint8Array) => Uint8Array;
  readonly nodeVerify: (data: Uint8Array, signature: Uint8Array) => boolean;
}

const p256Key = (): Curve => {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = publicKey.export({ format: 'jwk' });
  const ieee = (key: KeyObject) => ({ key, dsaEncoding: 'ieee-p1363' as const });
  return {
    algorithm: 13,
    publicKey: Uint8Array.from([...b64u(jwk.x), ...b64u(jwk.y)]),
    sign: (data) => Uint8Array.from(sign('sha256', data, ieee(privateKey))),
    nodeVerify: (data, signature) => verify('sha256', data, ieee(publicKey), signature),
  };
};

const ed25519Key = (): Curve => {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    algorithm: 15,
    publicKey: Uint8Array.from(b64u(publicKey.export({ format: 'jwk' }).x)),
    sign: (data) => Uint8Array.from(sign(null, data, privateKey)),
    nodeVerify: (data, signature) => verify(null, data, publicKey, signature),
  };
};

const flip = (bytes: Uint8Array, bit: number) => {
  const copy = Uint8Array.from(bytes);
  copy[bit >> 3] = (copy[bit >> 3] as number) ^ (1 << (bit & 7));
  return copy;
};

describe.each([
  ['P-256', p256Key],
  ['Ed25519', ed25519Key],
])('%s against node:crypto', (name, make) => {
  const keys = [make(), make(), make()];

  it('has keys keyProblem accepts, 64 or 32 octets', () => {
    for (const key of keys) {
      expect(key.publicKey).toHaveLength(key.algorithm === 13 ? 64 : 32);
      expect(keyProblem(key.algorithm, key.publicKey)).toBeUndefined();
    }
  });

  it('accepts node signatures, and agrees with node after any changed bit', async () => {
    await checkAsyncProperty(
      `curve-node-${name.toLowerCase()}`,
      fc.asyncProperty(
        fc.constantFrom(...keys),
        fc.uint8Array({ maxLength: 300 }),
        fc.nat(),
        fc.nat(),
        async (key, data, dataBit, signatureBit) => {
          const signature = key.sign(data);
          expect(signature).toHaveLength(64);
          expect(await verifySignature(key.algorithm, key.publicKey, data, signature)).toBe(true);
          if (data.length > 0) {
            const changed = flip(data, dataBit % (data.length * 8));
            expect(await verifySignature(key.algorithm, key.publicKey, changed, signature)).toBe(
              false,
            );
          }
          const changed = flip(signature, signatureBit % 512);
          const verdict = await verifySignature(key.algorithm, key.publicKey, data, changed);
          expect(verdict).toBe(key.nodeVerify(data, changed));
          expect(verdict).toBe(false);
        },
      ),
      { seed: 8080, numRuns: 40 },
    );
  });

  it('agrees with node on random signatures and keys of the right sizes', async () => {
    await checkAsyncProperty(
      `curve-random-${name.toLowerCase()}`,
      fc.asyncProperty(
        fc.constantFrom(...keys),
        fc.uint8Array({ minLength: 64, maxLength: 64 }),
        async (key, signature) => {
          const data = Uint8Array.of(1);
          expect(await verifySignature(key.algorithm, key.publicKey, data, signature)).toBe(
            key.nodeVerify(data, signature),
          );
        },
      ),
      { seed: 6605, numRuns: 40 },
    );
  });

  it('refuses a signature or key of another size, and another key', async () => {
    const [key, other] = keys as [Curve, Curve];
    const data = Uint8Array.of(7);
    const signature = key.sign(data);
    const verdict = (publicKey: Uint8Array, sig: Uint8Array) =>
      verifySignature(key.algorithm, publicKey, data, sig);
    expect(await verdict(key.publicKey, signature)).toBe(true);
    expect(await verdict(other.publicKey, signature)).toBe(false);
    expect(await verdict(key.publicKey, signature.subarray(1))).toBe(false);
    expect(await verdict(key.publicKey, Uint8Array.of(...signature, 0))).toBe(false);
    expect(await verdict(key.publicKey.subarray(1), signature)).toBe(false);
    expect(await verdict(Uint8Array.of(...key.publicKey, 0), signature)).toBe(false);
    expect(await verdict(new Uint8Array(key.publicKey.length), signature)).toBe(false);
    // Another algorithm number for the same key and signature.
    expect(
      await verifySignature(key.algorithm === 13 ? 15 : 13, key.publicKey, data, signature),
    ).toBe(false);
  });
});

describe('P-256 specifics', () => {
  const key = p256Key();
  const n = p256.Point.CURVE().n;
  const data = Uint8Array.from(Buffer.from('high and low'));

  it('accepts both s and n - s (RFC 6605 has no low-S rule), as node does', async () => {
    const signature = key.sign(data);
    const s = BigInt(`0x${Buffer.from(signature.subarray(32)).toString('hex')}`);
    const mirrored = Uint8Array.from([
      ...signature.subarray(0, 32),
      ...Buffer.from((n - s).toString(16).padStart(64, '0'), 'hex'),
    ]);
    expect(key.nodeVerify(data, mirrored)).toBe(true);
    expect(await verifySignature(13, key.publicKey, data, signature)).toBe(true);
    expect(await verifySignature(13, key.publicKey, data, mirrored)).toBe(true);
  });

  it('refuses r or s of 0 or at least n', async () => {
    const signature = key.sign(data);
    const r = signature.subarray(0, 32);
    const s = signature.subarray(32);
    const nBytes = Buffer.from(n.toString(16).padStart(64, '0'), 'hex');
    for (const bad of [
      [new Uint8Array(32), s],
      [r, new Uint8Array(32)],
      [nBytes, s],
      [r, nBytes],
      [new Uint8Array(32).fill(0xff), s],
    ]) {
      const sig = Uint8Array.from([...(bad[0] as Uint8Array), ...(bad[1] as Uint8Array)]);
      expect(await verifySignature(13, key.publicKey, data, sig)).toBe(false);
      expect(key.nodeVerify(data, sig)).toBe(false);
    }
  });
});
