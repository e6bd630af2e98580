// The elliptic-curve operations a decoder needs, behind an interface so a server can plug a native
// implementation. The default is `fastSecp256k1` (ec/fast.ts), built on @noble/secp256k1.
import { hashes, sign } from '@noble/secp256k1';
import { hmacSha256 } from './hash.js';

/**
 * The secp256k1 operations that check invoices, on compact signatures and 32-byte message hashes
 * (no hashing inside). An implementation must not throw on bad input: it answers `undefined` or
 * `false`. Decoding needs only these, so a decoder's bundle carries no signing code.
 */
export interface Secp256k1Verifier {
  /** The 33-byte compressed key that signed `hash`, or undefined when none can be recovered. */
  recoverPublicKey(
    signature: Uint8Array,
    recoveryId: number,
    hash: Uint8Array,
  ): Uint8Array | undefined;
  /** True when `signature` (64 bytes R||S, high or low S) is valid for `hash` under `publicKey`. */
  verify(signature: Uint8Array, hash: Uint8Array, publicKey: Uint8Array): boolean;
  /** True when `publicKey` is a 33-byte compressed encoding of a point on the curve. */
  isValidPublicKey(publicKey: Uint8Array): boolean;
}

/** A verifier that also signs: what creating and signing invoices use. */
export interface Secp256k1 extends Secp256k1Verifier {
  /**
   * The deterministic (RFC 6979), low-S signature of `hash` by `privateKey` (32 bytes, already
   * checked to be in [1, n-1]), with the recovery id of the signer's key.
   */
  sign(
    hash: Uint8Array,
    privateKey: Uint8Array,
  ): {
    /** R || S, 64 bytes, S low. */
    signature: Uint8Array;
    /** 0-3: which key the signature recovers to. */
    recoveryId: number;
  };
}

/** The group order n of secp256k1. */
export const CURVE_ORDER = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

/** noble's deterministic (RFC 6979), low-S signing. */
export const nobleSign: Secp256k1['sign'] = (hash, privateKey) => {
  // noble's synchronous RFC 6979 needs an HMAC-SHA256: lend it one unless the app already has.
  hashes.hmacSha256 ??= hmacSha256;
  const recovered = sign(hash, privateKey, { prehash: false, format: 'recovered' });
  return { signature: recovered.slice(1), recoveryId: recovered[0] as number };
};

const hasMethods = (value: unknown, names: readonly string[]): boolean =>
  typeof value === 'object' &&
  value !== null &&
  names.every((m) => typeof (value as Record<string, unknown>)[m] === 'function');

const VERIFIER_METHODS = ['recoverPublicKey', 'verify', 'isValidPublicKey'] as const;

/** The `secp256k1` option of decoding: `fallback` when omitted, else a checked Secp256k1Verifier. */
export const verifierParam = (value: unknown, fallback: Secp256k1Verifier): Secp256k1Verifier => {
  if (value === undefined) return fallback;
  if (!hasMethods(value, VERIFIER_METHODS))
    throw new TypeError(
      'secp256k1 must have recoverPublicKey, verify and isValidPublicKey methods',
    );
  return value as Secp256k1Verifier;
};

/** The `secp256k1` option of signing: `fallback` when omitted, else a checked Secp256k1. */
export const signerParam = (value: unknown, fallback: Secp256k1): Secp256k1 => {
  if (value === undefined) return fallback;
  if (!hasMethods(value, [...VERIFIER_METHODS, 'sign']))
    throw new TypeError(
      'secp256k1 must have recoverPublicKey, verify, isValidPublicKey and sign methods',
    );
  return value as Secp256k1;
};
