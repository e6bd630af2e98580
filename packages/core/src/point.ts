// @lninvoice/core/point: whether 33 bytes are a compressed secp256k1 point, the check every node
// key, route hint and blinded path key gets. It is the default backend's own check
// (`fastVerifier.isValidPublicKey` is this function, with the same memory of keys); a subpath so
// that a reader that only checks points bundles neither the verifier's tables nor
// @noble/secp256k1.
import { jacobi } from './ec/legendre.js';
import { toHex } from './text.js';

/** The field prime p of secp256k1. */
const P = 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2fn;

/**
 * Keys found to be curve points, most recent last. Route hints name the same few peers again and
 * again; whether a key is a point never changes, so a bounded memory of valid keys is safe.
 */
const validKeys = new Set<string>();
const VALID_KEYS_KEPT = 256;
const remember = (hex: string): void => {
  if (validKeys.size >= VALID_KEYS_KEPT)
    validKeys.delete(validKeys.values().next().value as string);
  validKeys.add(hex);
};

/**
 * True when `publicKey` is a 33-byte compressed encoding (prefix 2 or 3) of a point on secp256k1:
 * its x below p, and x³ + 7 a square mod p (by the Jacobi symbol, without the square root that
 * decompressing costs). Anything else, a value that is not a Uint8Array included, is false.
 */
export const isValidPublicKey = (publicKey: Uint8Array): boolean => {
  if (
    !(publicKey instanceof Uint8Array) ||
    publicKey.length !== 33 ||
    (publicKey[0] !== 2 && publicKey[0] !== 3)
  )
    return false;
  const hex = toHex(publicKey);
  if (validKeys.has(hex)) return true;
  const x = BigInt(`0x${hex.slice(2)}`);
  const valid = x < P && jacobi(x * x * x + 7n, P) === 1;
  if (valid) remember(hex);
  return valid;
};
