// RSA public keys as DNSKEY records carry them (RFC 3110 section 2, used by RSA/SHA-256 through
// RFC 5702): "exponent length 1 or 3 octets; exponent as specified by length field; modulus
// remaining space".

/** An RSA public key read from a DNSKEY: its exponent and modulus, big-endian, no leading zero. */
export interface RsaKey {
  readonly exponent: Uint8Array;
  readonly modulus: Uint8Array;
  /** The modulus's length in bits. */
  readonly bits: number;
}

/** "For interoperability, the exponent and modulus are each limited to 4096 bits in length." */
const MAX_OCTETS = 512;

/**
 * The key in `publicKey` (a DNSKEY's public key field), or why it is none, as a phrase. The
 * exponent's length is "one octet if it is in the range of 1 to 255 and [...] a zero octet followed
 * by a two octet unsigned length if it is longer than 255 bytes". The long form of a short length
 * is read too, as BIND and Unbound read it: the DS digest pins the key's exact bytes anyway.
 */
export const readRsaKey = (publicKey: Uint8Array): RsaKey | string => {
  const first = publicKey[0];
  if (first === undefined) return 'it is empty';
  const start = first === 0 ? 3 : 1;
  const length = first === 0 ? ((publicKey[1] ?? 0) << 8) | (publicKey[2] ?? 0) : first;
  if (length === 0 || publicKey.length <= start + length)
    return 'its exponent length leaves no exponent or no modulus';
  const exponent = publicKey.subarray(start, start + length);
  const modulus = publicKey.subarray(start + length);
  // "Leading zero octets are prohibited in the exponent and modulus."
  if (exponent[0] === 0 || modulus[0] === 0) return 'its exponent or modulus has a leading zero';
  if (exponent.length > MAX_OCTETS || modulus.length > MAX_OCTETS)
    return 'its exponent or modulus is longer than 4096 bits (RFC 3110 section 2)';
  // No RSA key has an even modulus (a product of two odd primes) or an even exponent (it must be
  // invertible modulo the even (p-1)(q-1)); an exponent of 1 would make every signature its own
  // message, and one above the modulus is refused by WebCrypto's implementations.
  const lastOdd = (bytes: Uint8Array) => ((bytes[bytes.length - 1] as number) & 1) === 1;
  if (!lastOdd(modulus) || !lastOdd(exponent) || (exponent.length === 1 && exponent[0] === 1))
    return 'its modulus or exponent is even, or its exponent is 1';
  if (!below(exponent, modulus)) return 'its exponent is not below its modulus';
  const bits = modulus.length * 8 - Math.clz32(modulus[0] as number) + 24;
  return { exponent, modulus, bits };
};

/** True when big-endian `a` < `b` (neither with a leading zero). */
const below = (a: Uint8Array, b: Uint8Array): boolean => {
  if (a.length !== b.length) return a.length < b.length;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number);
  return false;
};
