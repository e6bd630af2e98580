// RSA/SHA-256 against node:crypto: keys of 1024, 2048 and 4096 bits with exponents 65537 and 3
// sign random data; both verification paths (WebCrypto and the BigInt fallback) accept exactly
// the genuine signatures and agree on every mutation, wrong length, s >= n, s + n, hand-made
// encodings (what a lenient parser would accept) and Bleichenbacher's e = 3 forgery.
import { generateKeyPair, sign } from 'node:crypto';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { checkAsyncProperty } from 'test-support/property';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyRsaSha256 } from '../src/crypto/rsa.js';
import { readRsaKey } from '../src/crypto/rsa-key.js';
import { emsaPkcs1Sha256 } from '../src/crypto/rsa-pure.js';
import type { Subtle } from '../src/crypto/rsa-webcrypto.js';

const subtle = globalThis.crypto.subtle as unknown as Subtle;

const big = (bytes: Uint8Array) => BigInt(`0x${Buffer.from(bytes).toString('hex') || '0'}`);
const bytesOf = (n: bigint, length: number) =>
  Uint8Array.from(Buffer.from(n.toString(16).padStart(length * 2, '0'), 'hex'));
const b64u = (text: string | undefined) => Uint8Array.from(Buffer.from(text ?? '', 'base64url'));

const modPow = (base: bigint, exponent: bigint, modulus: bigint) => {
  let result = 1n;
  for (let b = base % modulus, e = exponent; e > 0n; e >>= 1n, b = (b * b) % modulus)
    if (e & 1n) result = (result * b) % modulus;
  return result;
};

interface TestKey {
  readonly label: string;
  readonly n: bigint;
  readonly d: bigint;
  readonly p: bigint;
  readonly q: bigint;
  readonly k: number;
  /** RFC 3110, the exponent's length in one octet. */
  readonly short: Uint8Array;
  /** RFC 3110, the same exponent's length as 0 and two octets. */
  readonly long: Uint8Array;
  readonly sign: (data: Uint8Array) => Uint8Array;
}

const makeKey = async (bits: number, exponent: number): Promise<TestKey> => {
  const { privateKey } = await promisify(generateKeyPair)('rsa', {
    modulusLength: bits,
    publicExponent: exponent,
  });
  const jwk = privateKey.export({ format: 'jwk' });
  const e = b64u(jwk.e);
  const n = b64u(jwk.n);
  return {
    label: `${bits} bits, e = ${exponent}`,
    n: big(n),
    d: big(b64u(jwk.d)),
    p: big(b64u(jwk.p)),
    q: big(b64u(jwk.q)),
    k: n.length,
    short: Uint8Array.of(e.length, ...e, ...n),
    long: Uint8Array.of(0, 0, e.length, ...e, ...n),
    sign: (data) => Uint8Array.from(sign('sha256', data, privateKey)),
  };
};

/** `em` signed raw with the private key (m^d mod n): any block, however malformed. */
const rawSign = (key: TestKey, em: Uint8Array) => bytesOf(modPow(big(em), key.d, key.n), key.k);

/** Both paths' verdicts, for both encodings of the key: [short WebCrypto, short pure, long ...]. */
const verdicts = async (key: TestKey, data: Uint8Array, signature: Uint8Array) =>
  Promise.all(
    [key.short, key.long].flatMap((publicKey) => [
      verifyRsaSha256(publicKey, data, signature, subtle),
      verifyRsaSha256(publicKey, data, signature, undefined),
    ]),
  );
const all = (verdict: boolean) => [verdict, verdict, verdict, verdict];

const flip = (bytes: Uint8Array, bit: number) => {
  const copy = Uint8Array.from(bytes);
  const at = bit >> 3;
  copy[at % copy.length] = (copy[at % copy.length] as number) ^ (1 << (bit & 7));
  return copy;
};

const keys: TestKey[] = [];
beforeAll(async () => {
  const made = await Promise.all(
    [1024, 2048, 4096].flatMap((bits) => [makeKey(bits, 65537), makeKey(bits, 3)]),
  );
  keys.push(...made);
});

const forEachKey = async (run: (key: TestKey) => Promise<void>) => {
  expect(keys).toHaveLength(6);
  for (const key of keys) await run(key);
};

describe('RSA/SHA-256 verification (WebCrypto and BigInt) against node:crypto', () => {
  it('reads both encodings of the exponent length as the same key', () =>
    forEachKey(async (key) => {
      const short = readRsaKey(key.short);
      const long = readRsaKey(key.long);
      expect(typeof short).toBe('object');
      expect(long).toEqual(short);
      expect(typeof short === 'object' && short.bits).toBe(Number(key.label.split(' ')[0]));
    }));

  it('accepts node signatures of random data and refuses them after any changed bit', () =>
    forEachKey(async (key) => {
      await checkAsyncProperty(
        `rsa-node-${key.label.replace(/\D+/g, '-')}`.replace(/-$/, ''),
        fc.asyncProperty(
          fc.uint8Array({ maxLength: 300 }),
          fc.nat(),
          fc.nat(),
          async (data, dataBit, signatureBit) => {
            const signature = key.sign(data);
            expect(signature).toHaveLength(key.k);
            expect(await verdicts(key, data, signature)).toEqual(all(true));
            // With the platform's WebCrypto, as callers use it.
            expect(await verifyRsaSha256(key.short, data, signature)).toBe(true);
            if (data.length > 0)
              expect(
                await verdicts(key, flip(data, dataBit % (data.length * 8)), signature),
              ).toEqual(all(false));
            const changed = flip(signature, signatureBit % (key.k * 8));
            expect(await verdicts(key, data, changed)).toEqual(all(false));
          },
        ),
        { seed: 353, numRuns: key.k > 256 ? 4 : 8 },
      );
    }));

  it('refuses signatures of another length, even of the same number', () =>
    forEachKey(async (key) => {
      const data = Uint8Array.of(1, 2, 3);
      const signature = key.sign(data);
      for (const wrong of [
        Uint8Array.of(0, ...signature),
        signature.subarray(1),
        Uint8Array.of(...signature, 0),
        new Uint8Array(),
      ])
        expect(await verdicts(key, data, wrong)).toEqual(all(false));
    }));

  it('refuses a genuine signature whose first octet is 0 once that octet is dropped', async () => {
    const key = keys[1] as TestKey; // 1024 bits, e = 3: quick to sign many times
    let found = 0;
    for (let i = 0; i < 20_000 && found < 2; i++) {
      const data = Buffer.from(`message ${i}`);
      const signature = key.sign(data);
      if (signature[0] !== 0) continue;
      found++;
      expect(await verdicts(key, data, signature)).toEqual(all(true));
      expect(await verdicts(key, data, signature.subarray(1))).toEqual(all(false));
    }
    expect(found).toBe(2);
  });

  it('refuses s >= n: n itself, n + 1, all ones, and a genuine s plus n', () =>
    forEachKey(async (key) => {
      const data = Uint8Array.of(9);
      const limit = 1n << BigInt(8 * key.k);
      for (const s of [key.n, key.n + 1n, limit - 1n])
        if (s < limit) expect(await verdicts(key, data, bytesOf(s, key.k))).toEqual(all(false));
      // s + n is s modulo n: an implementation reducing the signature first would accept it.
      for (let i = 0; i < 50; i++) {
        const message = Uint8Array.of(i);
        const s = big(key.sign(message)) + key.n;
        if (s >= limit) continue;
        expect(await verdicts(key, message, bytesOf(s, key.k))).toEqual(all(false));
        return;
      }
    }));

  it('accepts only the exact EMSA-PKCS1-v1_5 encoding, whatever a parser might read', () =>
    forEachKey(async (key) => {
      const data = Uint8Array.from(Buffer.from('payment instructions'));
      const em = emsaPkcs1Sha256(data, key.k) as Uint8Array;
      // The raw signature of the right encoding is node's own signature.
      expect(rawSign(key, em)).toEqual(key.sign(data));
      const hash = em.subarray(key.k - 32);
      const digestInfo = em.subarray(key.k - 51, key.k - 32);
      const block = (...parts: (number[] | Uint8Array)[]) => {
        const bytes = Uint8Array.from(parts.flatMap((part) => [...part]));
        expect(bytes).toHaveLength(key.k);
        return bytes;
      };
      const ff = (count: number) => new Array<number>(count).fill(0xff);
      const variants = [
        // The hash moved ahead of trailing garbage (a parser that stops after the hash).
        block([0, 1], ff(key.k - 51 - 3 - 8), [0], digestInfo, hash, new Array(8).fill(0x42)),
        // DigestInfo without the NULL parameters (RFC 8017 allows reading it; RFC 5702 does not).
        block(
          [0, 1],
          ff(key.k - 49 - 3),
          [0],
          [
            0x30, 0x2f, 0x30, 0x0b, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02,
            0x01, 0x04, 0x20,
          ],
          hash,
        ),
        // Block type 2 (encryption padding), and padding with one octet that is not 0xff.
        block([0, 2], em.subarray(2)),
        block([0, 1, 0xfe], em.subarray(3)),
        // The length of the DigestInfo's OCTET STRING says 33 (BERserk's trick hides data there).
        block([0, 1], ff(key.k - 52 - 3), [0], digestInfo.subarray(0, 18), [0x21, 0], hash),
        // No zero separator, and a leading octet other than 0.
        block([0, 1], ff(key.k - 51 - 2), digestInfo, hash),
        block([1, 1], em.subarray(2)),
      ];
      for (const variant of variants) {
        // Sanity: each is a valid-looking signature of *something*, i.e. s^e = variant < n.
        if (big(variant) >= key.n) continue;
        expect(await verdicts(key, data, rawSign(key, variant))).toEqual(all(false));
      }
    }));

  it("refuses Bleichenbacher's e = 3 forgery (a cube root, garbage after the hash)", async () => {
    const cubeRoot = (x: bigint) => {
      let r = 1n << BigInt(Math.ceil(x.toString(2).length / 3));
      for (;;) {
        const next = (2n * r + x / (r * r)) / 3n;
        if (next >= r) return r;
        r = next;
      }
    };
    for (const key of keys.filter((k) => k.label.endsWith('e = 3') && k.k >= 256)) {
      const data = Uint8Array.from(Buffer.from('pay me'));
      const em = emsaPkcs1Sha256(data, key.k) as Uint8Array;
      // 00 01 FF*8 00 DigestInfo hash, then as much garbage as the block holds.
      const prefix = Uint8Array.of(0, 1, ...new Array(8).fill(0xff), 0, ...em.subarray(key.k - 51));
      const target = big(prefix) << BigInt(8 * (key.k - prefix.length));
      const top = target + (1n << BigInt(8 * (key.k - prefix.length))) - 1n;
      const s = cubeRoot(top);
      // The forgery works on a parser: s^3 (no reduction, it is below n) starts with the prefix.
      const cubed = bytesOf(s ** 3n, key.k);
      expect(s ** 3n < key.n).toBe(true);
      expect(cubed.subarray(0, prefix.length)).toEqual(prefix);
      expect(await verdicts(key, data, bytesOf(s, key.k))).toEqual(all(false));
    }
  });

  it('reads an exponent longer than 255 octets (the long length form) and verifies with it', async () => {
    const key = keys[4] as TestKey; // 4096 bits
    const phi = (key.p - 1n) * (key.q - 1n);
    const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
    const inverse = (a: bigint, m: bigint) => {
      let [r0, r1, s0, s1] = [a, m, 1n, 0n];
      while (r1 !== 0n) {
        const q = r0 / r1;
        [r0, r1, s0, s1] = [r1, r0 - q * r1, s1, s0 - q * s1];
      }
      return ((s0 % m) + m) % m;
    };
    let e = big(Uint8Array.from({ length: 300 }, (_, i) => (i * 37 + 11) & 0xff)) | 1n;
    while (gcd(e, phi) !== 1n) e += 2n;
    const d = inverse(e, phi);
    const eBytes = bytesOf(e, 300);
    const n = bytesOf(key.n, key.k);
    const publicKey = Uint8Array.of(0, 300 >> 8, 300 & 0xff, ...eBytes, ...n);
    expect(readRsaKey(publicKey)).toMatchObject({ bits: 4096 });
    const data = Uint8Array.of(1, 2, 3);
    const signature = bytesOf(
      modPow(big(emsaPkcs1Sha256(data, key.k) as Uint8Array), d, key.n),
      key.k,
    );
    // Node's WebCrypto answers "invalid" for it (OpenSSL refuses exponents over 64 bits with a
    // modulus over 3072 bits): such keys are decided by BigInt alone, whatever the platform.
    expect(await verifyRsaSha256(publicKey, data, signature, subtle)).toBe(true);
    const yes = { importKey: async () => ({}), verify: async () => true } as unknown as Subtle;
    expect(await verifyRsaSha256(publicKey, Uint8Array.of(1, 2), signature, yes)).toBe(false);
    expect(await verifyRsaSha256(publicKey, data, signature, undefined)).toBe(true);
    expect(await verifyRsaSha256(publicKey, Uint8Array.of(1, 2), signature, undefined)).toBe(false);
  });
});

describe('choosing the path', () => {
  it('falls back to BigInt where there is no crypto.subtle (Hermes, insecure pages)', async () => {
    const key = keys[0] as TestKey;
    const data = Uint8Array.of(5);
    const signature = key.sign(data);
    vi.stubGlobal('crypto', {});
    try {
      expect(await verifyRsaSha256(key.short, data, signature)).toBe(true);
      expect(await verifyRsaSha256(key.short, Uint8Array.of(6), signature)).toBe(false);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('decides without WebCrypto when it refuses the key, and never on a signature of the wrong size', async () => {
    const key = keys[0] as TestKey;
    const data = Uint8Array.of(5);
    const signature = key.sign(data);
    const refusing = {
      importKey: () => Promise.reject(new Error('unsupported key')),
      verify: () => Promise.resolve(true),
    } as unknown as Subtle;
    expect(await verifyRsaSha256(key.short, data, signature, refusing)).toBe(true);
    expect(await verifyRsaSha256(key.short, Uint8Array.of(6), signature, refusing)).toBe(false);
    // A WebCrypto that would say yes to anything is not even asked about a short signature or
    // one at or above n.
    const yes = {
      importKey: () => Promise.resolve({}),
      verify: () => Promise.resolve(true),
    } as unknown as Subtle;
    expect(await verifyRsaSha256(key.short, data, signature.subarray(1), yes)).toBe(false);
    expect(await verifyRsaSha256(key.short, data, bytesOf(key.n, key.k), yes)).toBe(false);
    // Nor about keys outside what every implementation takes: here 512 bits.
    const small = await makeKey(512, 65537);
    expect(await verifyRsaSha256(small.short, data, small.sign(Uint8Array.of(6)), yes)).toBe(false);
    expect(await verifyRsaSha256(small.short, data, small.sign(data), yes)).toBe(true);
    // And a malformed key is refused before either path.
    expect(await verifyRsaSha256(Uint8Array.of(1, 1, 5), data, signature, yes)).toBe(false);
  });
});
