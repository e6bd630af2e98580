// RSASSA-PKCS1-v1_5 with SHA-256 (RFC 8017 section 8.2.2) in plain BigInt arithmetic, for where
// WebCrypto is missing (React Native's Hermes, pages not served over https). It computes s^e mod n
// and compares it with the encoding it builds itself, byte for byte: it never parses the
// recovered block, whose lenient parsing let signatures be forged for small exponents
// (Bleichenbacher 2006, BERserk 2014).
import { sha256 } from '@lninvoice/core/hash';
import { equalBytes } from '@lninvoice/core/text';
import { bytesToNumberBE, numberToBytesBE } from '@noble/curves/utils.js';
import type { RsaKey } from './rsa-key.js';

/**
 * T before the hash, RFC 8017 section 9.2, note 1: "SHA-256: (0x)30 31 30 0d 06 09 60 86 48 01 65
 * 03 04 02 01 05 00 04 20 || H." (the DigestInfo with NULL parameters), the `prefix` of RFC 5702
 * section 3.
 */
const SHA256_DIGEST_INFO = Uint8Array.from([
  0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05,
  0x00, 0x04, 0x20,
]);

/**
 * EMSA-PKCS1-v1_5-ENCODE (RFC 8017 section 9.2) of `data` for a `k`-octet modulus:
 * "EM = 0x00 || 0x01 || PS || 0x00 || T", PS being 0xff octets, or undefined when "emLen < tLen
 * + 11" (a modulus too short for it).
 */
export const emsaPkcs1Sha256 = (data: Uint8Array, k: number): Uint8Array | undefined => {
  const t = SHA256_DIGEST_INFO.length + 32;
  if (k < t + 11) return undefined;
  const em = new Uint8Array(k).fill(0xff, 2, k - t - 1);
  em[1] = 0x01;
  em.set(SHA256_DIGEST_INFO, k - t);
  em.set(sha256(data), k - t + SHA256_DIGEST_INFO.length);
  return em;
};

/** `base` to the power `exponent` modulo `modulus`, by square and multiply. */
const modPow = (base: bigint, exponent: bigint, modulus: bigint): bigint => {
  let result = 1n;
  let square = base % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * square) % modulus;
    square = (square * square) % modulus;
  }
  return result;
};

/** True when `signature` is `key`'s RSASSA-PKCS1-v1_5 SHA-256 signature of `data`. */
export const verifyRsaPkcs1Pure = (
  key: RsaKey,
  data: Uint8Array,
  signature: Uint8Array,
): boolean => {
  const k = key.modulus.length;
  // "If the length of the signature S is not k octets, output 'invalid signature'" (8.2.2 step 1)
  if (signature.length !== k) return false;
  const expected = emsaPkcs1Sha256(data, k);
  if (expected === undefined) return false;
  const n = bytesToNumberBE(key.modulus);
  const s = bytesToNumberBE(signature);
  // RSAVP1: "If the signature representative s is not between 0 and n - 1, output 'signature
  // representative out of range'" (section 5.2.2).
  if (s >= n) return false;
  const m = modPow(s, bytesToNumberBE(key.exponent), n);
  return equalBytes(numberToBytesBE(m, k), expected);
};
