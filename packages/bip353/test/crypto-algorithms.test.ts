// Which keys `keyProblem` refuses, with which code and message: BIP 353 refuses SHA-1 and RSA
// keys under 1024 bits; only algorithms 8, 13 and 15 are verified; malformed keys are records in
// error. The keys are made by node:crypto.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { algorithmName } from '../src/crypto/algorithm-names.js';
import { keyProblem } from '../src/crypto/algorithms.js';
import { BIP353_ERROR_CODES } from '../src/errors.js';
import { PROOFS, readProof } from './helpers/proofs.js';

const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** An RFC 3110 public key field from a JWK's `e` and `n`. */
const rfc3110 = (jwk: { e?: string; n?: string }) => {
  const e = Buffer.from(jwk.e ?? '', 'base64url');
  const n = Buffer.from(jwk.n ?? '', 'base64url');
  return Uint8Array.from([e.length, ...e, ...n]);
};
const rsaKey = (bits: number) =>
  rfc3110(generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({ format: 'jwk' }));

describe('keyProblem', () => {
  const p256 = (() => {
    const jwk = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({
      format: 'jwk',
    });
    return Uint8Array.from([
      ...Buffer.from(jwk.x ?? '', 'base64url'),
      ...Buffer.from(jwk.y ?? '', 'base64url'),
    ]);
  })();
  const ed25519 = Uint8Array.from(
    Buffer.from(
      generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }).x ?? '',
      'base64url',
    ),
  );
  const rsa1024 = rsaKey(1024);

  it('accepts every key of the example proofs: RSA of 1024 and 2048 bits, P-256', () => {
    const keys = PROOFS.flatMap((v) => readProof(v.proofHex).records).filter((r) => r.type === 48);
    const sizes = new Set<string>();
    for (const key of keys) {
      const algorithm = key.data.algorithm ?? 0;
      const publicKey = key.data.key ?? new Uint8Array();
      expect(keyProblem(algorithm, publicKey), key.ownerText).toBeUndefined();
      sizes.add(`${algorithm}/${publicKey.length}`);
    }
    // The root's and ninja's KSKs: exponent 65537 in 4 octets, then 256 octets of modulus;
    // ninja's ZSKs: 128 octets, exactly 1024 bits; the others P-256.
    expect([...sizes].sort()).toEqual(['13/64', '8/132', '8/260']);
  });

  it('accepts RSA/SHA-256 from 1024 bits, P-256 and Ed25519 keys', () => {
    expect(keyProblem(8, rsa1024)).toBeUndefined();
    expect(keyProblem(8, rsaKey(2048))).toBeUndefined();
    expect(keyProblem(13, p256)).toBeUndefined();
    expect(keyProblem(15, ed25519)).toBeUndefined();
  });

  it.each([
    [512, 512],
    [1016, 1016],
    [1023, 1023],
  ])('refuses a %i-bit RSA key as insecure-key-size', (bits, shown) => {
    const problem = keyProblem(8, rsaKey(bits));
    expect(problem?.code).toBe('insecure-key-size');
    expect(problem?.message).toContain('algorithm 8 (RSASHA256)');
    expect(problem?.message).toContain(`${shown} bits`);
    // Algorithm 10 is not supported, but a short key is the worse fault.
    expect(keyProblem(10, rsaKey(bits))?.code).toBe('insecure-key-size');
  });

  it('refuses an RSA exponent over 33 bits: ~100 ms a signature where WebCrypto is missing', () => {
    const modulus = rsaKey(2048).slice(4); // 65537 takes 1 + 3 octets
    for (const [exponent, code] of [
      [[0x01, 0x00, 0x01], undefined],
      [[0x03], undefined],
      [[0x01, 0x00, 0x00, 0x00, 0x01], undefined],
      [[0x02, 0x00, 0x00, 0x00, 0x01], 'unsupported-algorithm'],
      [Array.from({ length: 200 }, (_, i) => (i === 199 ? 1 : 0xab)), 'unsupported-algorithm'],
    ] as const) {
      const field = [exponent.length, ...exponent, ...modulus];
      expect(keyProblem(8, Uint8Array.from(field))?.code, `${exponent.length} octets`).toBe(code);
    }
  });

  it('counts bits, not octets: a 1024-bit modulus with a top octet of 1 has 1017 bits', () => {
    const key = Uint8Array.from(rsa1024);
    const at = 1 + (key[0] as number);
    key[at] = 1;
    expect(keyProblem(8, key)).toMatchObject({ code: 'insecure-key-size' });
    expect(keyProblem(8, key)?.message).toContain('1017 bits');
  });

  it.each([
    [1, 'RSAMD5', 'MD5'],
    [3, 'DSA', 'SHA-1'],
    [5, 'RSASHA1', 'SHA-1'],
    [6, 'DSA-NSEC3-SHA1', 'SHA-1'],
    [7, 'RSASHA1-NSEC3-SHA1', 'SHA-1'],
  ])('refuses algorithm %i (%s) as insecure-algorithm', (algorithm, name, hash) => {
    // Whatever the key: even a good 2048-bit RSA key signs with SHA-1 under algorithm 5.
    const problem = keyProblem(algorithm, rsaKey(2048));
    expect(problem?.code).toBe('insecure-algorithm');
    expect(problem?.message).toContain(`algorithm ${algorithm} (${name})`);
    expect(problem?.message).toContain(hash);
  });

  it.each([
    [10, 'RSASHA512'],
    [12, 'ECC-GOST'],
    [14, 'ECDSAP384SHA384'],
    [16, 'ED448'],
    [17, 'SM2SM3'],
    [0, 'unknown'],
    [99, 'unknown'],
    [253, 'unknown'],
    [255, 'unknown'],
  ])('refuses algorithm %i (%s) as unsupported-algorithm', (algorithm, name) => {
    const key = algorithm === 10 ? rsaKey(2048) : p256;
    const problem = keyProblem(algorithm, key);
    expect(problem?.code).toBe('unsupported-algorithm');
    expect(problem?.message).toContain(`algorithm ${algorithm} (${name})`);
  });

  it('refuses malformed keys as invalid-record', () => {
    const cases: [number, Uint8Array, string][] = [
      [8, new Uint8Array(), 'empty'],
      [8, Uint8Array.of(3, 1, 0, 1), 'no modulus'],
      [8, rsa1024.subarray(0, 3), 'no modulus'], // the exponent cut
      [8, Uint8Array.of(0, 0, 0, ...rsa1024.subarray(1)), 'no exponent'], // long form, length 0
      [8, Uint8Array.of(0, 1), 'no modulus'], // long form cut
      [8, Uint8Array.of(3, 0, 1, 1, ...rsa1024.subarray(4)), 'leading zero'],
      [8, Uint8Array.of(...rsa1024.subarray(0, 4), 0, ...rsa1024.subarray(4)), 'leading zero'],
      [8, Uint8Array.of(1, 1, ...rsa1024.subarray(4)), 'exponent is 1'],
      [8, Uint8Array.of(1, 4, ...rsa1024.subarray(4)), 'even'],
      [8, Uint8Array.of(...rsa1024.subarray(0, -1), 2), 'even'],
      [8, Uint8Array.of(1, 3, ...new Uint8Array(513).fill(0xff)), 'longer than 4096 bits'],
      [8, Uint8Array.of(3, 0xff, 0xff, 0xff, 0xff, 0x01), 'not below its modulus'],
      [8, Uint8Array.of(2, 0xff, 0x01, 0xff, 0x01), 'not below its modulus'], // e = n
      [13, p256.subarray(0, 63), '63 bytes'],
      [13, Uint8Array.of(...p256, 0), '65 bytes'],
      [13, new Uint8Array(64), 'no P-256 point'], // (0, 0) is not on the curve
      [13, Uint8Array.of(...p256.subarray(0, 63), (p256[63] as number) ^ 1), 'no P-256 point'],
      [15, ed25519.subarray(0, 31), '31 bytes'],
      [15, new Uint8Array(33), '33 bytes'],
      // y = 2^255 - 1 >= p: "If the resulting value is >= p, decoding fails" (RFC 8032 5.1.3).
      [15, Uint8Array.of(...new Uint8Array(31).fill(0xff), 0x7f), 'no Ed25519 point'],
    ];
    for (const [algorithm, key, reason] of cases) {
      const problem = keyProblem(algorithm, key);
      const label = `${algorithmName(algorithm)} ${toHex(key).slice(0, 40)}`;
      expect(problem?.code, label).toBe('invalid-record');
      expect(problem?.message, label).toContain(algorithmName(algorithm));
      expect(problem?.message, label).toContain(reason);
    }
  });

  it('gives only codes of the package', () => {
    for (const algorithm of [1, 5, 8, 10, 13, 15, 99])
      for (const key of [new Uint8Array(), rsa1024, p256, ed25519]) {
        const problem = keyProblem(algorithm, key);
        if (problem !== undefined) expect(BIP353_ERROR_CODES).toContain(problem.code);
      }
  });
});
