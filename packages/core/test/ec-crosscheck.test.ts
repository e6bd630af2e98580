// The fast backend against @noble/secp256k1 itself (with ec-crosscheck-verify.test.ts: 6,100
// cases, twenty times more under `pnpm fuzz`): recovery with every recovery id, high and low S,
// invalid R.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex as hex } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { checkProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import { fastSecp256k1 } from '../src/index.js';
import { nobleSecp256k1 } from '../src/noble.js';
import { CURVE_ORDER as N } from '../src/secp256k1.js';
import { bytes32, flipS, toBytes } from './helpers/signatures.js';

describe('fast backend = noble: recovery', () => {
  it('recovers the same key, or none, for 1,600 random signatures with every recovery id', () => {
    let recovered = 0;
    checkProperty(
      'ec-crosscheck-recovers-the-same-key-or-none',
      fc.property(
        fc.bigInt(1n, N - 1n),
        fc.bigInt(1n, N - 1n),
        fc.integer({ min: 0, max: 3 }),
        bytes32,
        (r, s, id, hash) => {
          const signature = Uint8Array.from([...toBytes(r), ...toBytes(s)]);
          const fast = fastSecp256k1.recoverPublicKey(signature, id, hash);
          expect(fast && hex(fast)).toBe(
            nobleSecp256k1.recoverPublicKey(signature, id, hash) &&
              hex(nobleSecp256k1.recoverPublicKey(signature, id, hash) as Uint8Array),
          );
          if (fast) recovered++;
        },
      ),
      { seed: 71, numRuns: 800 },
    );
    // Real signatures, half of them with S flipped high and the id flipped to match.
    checkProperty(
      'ec-crosscheck-recovers-the-same-key-or-none-2',
      fc.property(bytes32, bytes32, fc.boolean(), (key, hash, high) => {
        let { signature, recoveryId } = nobleSecp256k1.sign(hash, sha256(key));
        if (high) [signature, recoveryId] = [flipS(signature), recoveryId ^ 1];
        const fast = fastSecp256k1.recoverPublicKey(signature, recoveryId, hash);
        expect(hex(fast as Uint8Array)).toBe(
          hex(nobleSecp256k1.recoverPublicKey(signature, recoveryId, hash) as Uint8Array),
        );
        recovered++;
      }),
      { seed: 72, numRuns: 800 },
    );
    expect(recovered).toBeGreaterThan(1000); // every real one, and about half the random R values
  });
});
