// The recipe from @lninvoice/core's README: libsecp256k1 through the `secp256k1` npm package
// (native bindings in Node) as core's Secp256k1 backend.
import { createRequire } from 'node:module';
import secp from 'secp256k1';

/**
 * Whether `secp256k1` (ours, and bolt11's own copy) runs libsecp256k1 rather than its pure
 * JavaScript fallback, which it switches to silently when the binary does not load.
 */
export const nativeBindingsLoad = () =>
  [import.meta.url, createRequire(import.meta.url).resolve('bolt11')].every((from) => {
    try {
      createRequire(from)('secp256k1/bindings');
      return true;
    } catch {
      return false;
    }
  });

export const nativeSecp256k1 = {
  recoverPublicKey(signature, recoveryId, hash) {
    try {
      return secp.ecdsaRecover(signature, recoveryId, hash, true);
    } catch {
      return undefined;
    }
  },
  verify(signature, hash, publicKey) {
    try {
      // libsecp256k1 verifies low-S signatures only; the interface accepts both forms.
      return secp.ecdsaVerify(secp.signatureNormalize(signature.slice()), hash, publicKey);
    } catch {
      return false;
    }
  },
  isValidPublicKey: (publicKey) => publicKey.length === 33 && secp.publicKeyVerify(publicKey),
  sign(hash, privateKey) {
    const { signature, recid } = secp.ecdsaSign(hash, privateKey);
    return { signature, recoveryId: recid };
  },
};
