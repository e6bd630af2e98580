// RSA/SHA-256 DNSSEC signatures (algorithm 8, RFC 5702): WebCrypto where the platform has it, the
// BigInt fallback where it has not or refuses the key. Both give the same verdict on every input
// (the tests run both): the checks WebCrypto implementations may skip are made here first, and
// keys some implementations refuse never reach them.
import { type RsaKey, readRsaKey } from './rsa-key.js';
import { verifyRsaPkcs1Pure } from './rsa-pure.js';
import { platformSubtle, type Subtle, verifyRsaPkcs1WebCrypto } from './rsa-webcrypto.js';

/**
 * True when `signature` is an RSA/SHA-256 signature of `data` by the RFC 3110 key `publicKey`
 * (RFC 5702 section 3: RSASSA-PKCS1-v1_5 with SHA-256); false for anything else, a malformed key
 * or signature included. `subtle` is WebCrypto's, and undefined selects the BigInt computation
 * (for tests; callers leave it out). The key's size is not judged here: see `keyProblem`.
 */
export const verifyRsaSha256 = async (
  publicKey: Uint8Array,
  data: Uint8Array,
  signature: Uint8Array,
  subtle: Subtle | undefined = platformSubtle(),
): Promise<boolean> => {
  const key = readRsaKey(publicKey);
  if (typeof key === 'string') return false;
  if (subtle !== undefined && ordinary(key) && fitsModulus(signature, key.modulus)) {
    try {
      return await verifyRsaPkcs1WebCrypto(subtle, key, data, signature);
    } catch {
      // The platform refused the key or the call: decide without it.
    }
  }
  return verifyRsaPkcs1Pure(key, data, signature);
};

/**
 * True for the keys handed to WebCrypto: 1024 to 4096 bits, an exponent of at most 33 bits
 * (65537, 3, 2^32 + 1), as DNSSEC zones use. Implementations refuse other keys, and not always
 * by throwing: OpenSSL (Node) answers "invalid" for an exponent over 64 bits once the modulus
 * passes 3072 bits, BoringSSL (Chrome) refuses exponents over 33 bits, and a platform's policy
 * may refuse short moduli.
 */
const ordinary = (key: RsaKey): boolean =>
  key.bits >= 1024 &&
  key.bits <= 4096 &&
  (key.exponent.length < 5 || (key.exponent.length === 5 && key.exponent[0] === 1));

/**
 * RFC 8017 section 8.2.2's first check ("If the length of the signature S is not k octets")
 * and RSAVP1's (s below n), which some WebCrypto implementations do not make themselves.
 */
const fitsModulus = (signature: Uint8Array, modulus: Uint8Array): boolean => {
  if (signature.length !== modulus.length) return false;
  for (let i = 0; i < modulus.length; i++)
    if (signature[i] !== modulus[i]) return (signature[i] as number) < (modulus[i] as number);
  return false;
};
