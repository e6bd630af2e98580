// The fast backend against @noble/secp256k1 itself (with ec-crosscheck.test.ts: 6,100 cases,
// twenty times more under `pnpm fuzz`): verification of valid, high-S and forged signatures;
// curve-point checks of random keys.
import { sha256 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { checkProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import { fastSecp256k1, fastVerifier } from '../src/index.js';
import { nobleSecp256k1 } from '../src/noble.js';
import { isValidPublicKey } from '../src/point.js';
import { bytes32, flipS, toBytes } from './helpers/signatures.js';

/** A signature of `hash` by `key` with its recovery id and the hash: recovery's arguments. */
const signed = (key: Uint8Array, hash: Uint8Array) => {
  const { signature, recoveryId } = nobleSecp256k1.sign(hash, key);
  return [signature, recoveryId, hash] as const;
};

describe('fast backend = noble: verification and curve points', () => {
  it('verifies exactly as noble does for 500 valid, high-S and forged signatures', () => {
    checkProperty(
      'ec-crosscheck-verify-verifies-exactly-as-noble-does-for',
      fc.property(
        bytes32,
        bytes32,
        fc.constantFrom('valid', 'high-s', 'other-hash', 'other-key'),
        (seed, hash, kind) => {
          const key = sha256(seed);
          const publicKey = nobleSecp256k1.recoverPublicKey(...signed(key, hash)) as Uint8Array;
          let { signature } = nobleSecp256k1.sign(hash, key);
          let message = hash;
          let signer = publicKey;
          if (kind === 'high-s') signature = flipS(signature);
          if (kind === 'other-hash') message = sha256(hash);
          if (kind === 'other-key')
            signer = nobleSecp256k1.recoverPublicKey(signature, 0, sha256(seed)) ?? publicKey;
          expect(fastSecp256k1.verify(signature, message, signer)).toBe(
            nobleSecp256k1.verify(signature, message, signer),
          );
          if (kind === 'valid') expect(fastSecp256k1.verify(signature, message, signer)).toBe(true);
        },
      ),
      { seed: 73, numRuns: 500 },
    );
  });

  it('verifies by remembered keys as by fresh ones, across evictions from the memory', () => {
    // 80 payees, more than the 64 key tables kept, each seen three times in turn.
    const payees = Array.from({ length: 80 }, (_, i) => sha256(Uint8Array.of(i, 1)));
    const keys = payees.map(
      (key) => nobleSecp256k1.recoverPublicKey(...signed(key, new Uint8Array(32))) as Uint8Array,
    );
    for (let round = 0; round < 3; round++) {
      payees.forEach((key, i) => {
        const hash = sha256(Uint8Array.of(round, i));
        const { signature } = nobleSecp256k1.sign(hash, key);
        const other = keys[(i + 1) % keys.length] as Uint8Array;
        expect(fastSecp256k1.verify(signature, hash, keys[i] as Uint8Array)).toBe(true);
        expect(fastSecp256k1.verify(signature, hash, other)).toBe(false);
        expect(fastSecp256k1.verify(flipS(signature), hash, keys[i] as Uint8Array)).toBe(true);
      });
    }
  });

  it('checks curve points exactly as noble does for 4,000 random keys', () => {
    checkProperty(
      'ec-crosscheck-verify-checks-curve-points-exactly-as-noble',
      fc.property(fc.constantFrom(2, 3, 4, 0), bytes32, (prefix, x) => {
        const key = Uint8Array.from([prefix, ...x]);
        expect(fastSecp256k1.isValidPublicKey(key)).toBe(nobleSecp256k1.isValidPublicKey(key));
      }),
      { seed: 74, numRuns: 4000 },
    );
    const p = toBytes(0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2fn);
    expect(fastSecp256k1.isValidPublicKey(Uint8Array.from([2, ...p]))).toBe(false);
    expect(fastSecp256k1.isValidPublicKey(new Uint8Array(32))).toBe(false);
  });

  it('is the check of @lninvoice/core/point, which answers false for what is not bytes', () => {
    expect(fastVerifier.isValidPublicKey).toBe(isValidPublicKey);
    expect(fastSecp256k1.isValidPublicKey).toBe(isValidPublicKey);
    // G, whose y is even.
    const g = Uint8Array.from([
      2,
      ...toBytes(0x79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798n),
    ]);
    expect(isValidPublicKey(g)).toBe(true);
    for (const value of [undefined, null, 'key', [...g], { length: 33, 0: 2 }])
      expect(isValidPublicKey(value as unknown as Uint8Array)).toBe(false);
  });
});
