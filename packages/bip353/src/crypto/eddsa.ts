// Ed25519 DNSSEC signatures (algorithm 15, RFC 8080), by @noble/curves.
import { ed25519 } from '@noble/curves/ed25519.js';

// RFC 8080: "An Ed25519 public key consists of a 32-octet value" (section 3), a signature of a
// 64-octet value (section 4).
const KEY_LENGTH = 32;
const SIGNATURE_LENGTH = 64;

/**
 * Verification is RFC 8032's, strictly (`zip215: false`): an encoding of a point with y >= p
 * "fails" to decode (section 5.1.3) and S must be below L (section 5.1.7). ZIP 215's lenient
 * decoding exists so that a blockchain's validators agree on edge cases; no honest DNSSEC signer
 * makes such encodings, so accepting them would only add malleable forms of a signature. Strict
 * noble also refuses keys of small order, which sign nothing honestly.
 */
const STRICT = { zip215: false } as const;

/** True when `publicKey` is a DNSKEY's Ed25519 key: 32 octets encoding a point (RFC 8032). */
export const isEd25519Key = (publicKey: Uint8Array): boolean =>
  publicKey.length === KEY_LENGTH && ed25519.utils.isValidPublicKey(publicKey, STRICT.zip215);

/**
 * True when `signature` is `publicKey`'s Ed25519 signature of `data` (pure Ed25519 of RFC 8032
 * over the data itself, not a hash of it); false for anything else, malformed input included.
 */
export const verifyEd25519 = (
  publicKey: Uint8Array,
  data: Uint8Array,
  signature: Uint8Array,
): boolean => {
  if (publicKey.length !== KEY_LENGTH || signature.length !== SIGNATURE_LENGTH) return false;
  try {
    return ed25519.verify(signature, data, publicKey, STRICT);
  } catch {
    return false;
  }
};
