// @lninvoice/core/noble: @noble/secp256k1's own recovery, verification and signing behind the
// Secp256k1 interface, for an app that wants only audited code on its path (the default,
// `fastSecp256k1`, is about twice as fast). A subpath, so that no other app bundles it.
import * as noble from '@noble/secp256k1';
import { nobleSign, type Secp256k1 } from './secp256k1.js';

/** @noble/secp256k1's functions, unchanged, as a `Secp256k1` for the `secp256k1` option. */
export const nobleSecp256k1: Secp256k1 = {
  recoverPublicKey(signature, recoveryId, hash) {
    const recovered = new Uint8Array(65);
    recovered[0] = recoveryId;
    recovered.set(signature, 1);
    try {
      return noble.recoverPublicKey(recovered, hash, { prehash: false });
    } catch {
      return undefined;
    }
  },
  verify(signature, hash, publicKey) {
    try {
      return noble.verify(signature, hash, publicKey, { prehash: false, lowS: false });
    } catch {
      return false;
    }
  },
  isValidPublicKey(publicKey) {
    return noble.utils.isValidPublicKey(publicKey, true);
  },
  sign: nobleSign,
};
