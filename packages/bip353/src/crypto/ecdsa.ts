// ECDSA P-256 with SHA-256 DNSSEC signatures (algorithm 13, RFC 6605), by @noble/curves.
import { concatBytes } from '@lninvoice/core/text';
import { p256 } from '@noble/curves/nist.js';

// RFC 6605 section 4: "Q is a simple bit string that represents the uncompressed form of a curve
// point, "x | y"", and a signature is "the concatenation "r | s"". "For P-256, each integer MUST
// be encoded as 32 octets".
const KEY_LENGTH = 64;
const SIGNATURE_LENGTH = 64;

/** The key as SEC 1 writes an uncompressed point (0x04 || x || y), the form noble reads. */
const sec1 = (publicKey: Uint8Array): Uint8Array => concatBytes(Uint8Array.of(4), publicKey);

/** True when `publicKey` is a DNSKEY's P-256 key: 64 octets, a curve point other than infinity. */
export const isP256Key = (publicKey: Uint8Array): boolean =>
  publicKey.length === KEY_LENGTH && p256.utils.isValidPublicKey(sec1(publicKey), false);

/**
 * True when `signature` (r || s) is `publicKey`'s ECDSA signature of SHA-256(`data`); false for
 * anything else, malformed input included.
 *
 * `prehash: true`: noble hashes `data` with SHA-256, the hash RFC 6605 pairs with P-256.
 * `lowS: false`: noble refuses by default an s above n/2, a rule of Bitcoin's, not of ECDSA or
 * RFC 6605: DNSSEC signers (OpenSSL, BIND, Knot) make such signatures half the time.
 */
export const verifyP256 = (
  publicKey: Uint8Array,
  data: Uint8Array,
  signature: Uint8Array,
): boolean => {
  if (publicKey.length !== KEY_LENGTH || signature.length !== SIGNATURE_LENGTH) return false;
  try {
    return p256.verify(signature, data, sec1(publicKey), {
      prehash: true,
      lowS: false,
      format: 'compact',
    });
  } catch {
    return false;
  }
};
