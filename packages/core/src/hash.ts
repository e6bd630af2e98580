// @lninvoice/core/hash: the hashes the packages share. SHA-256 is @noble/hashes'; HMAC-SHA256 is
// written out here from RFC 2104 because signing needs it once per signature, on short inputs,
// and noble's streaming HMAC class weighs four times as much in every bundle that can sign.
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';

/** SHA-256 (FIPS 180-4) of `bytes`: @noble/hashes' function, typed without noble's types. */
export const sha256: (bytes: Uint8Array) => Uint8Array<ArrayBuffer> = nobleSha256;

/** SHA-256's block size in bytes (FIPS 180-4). */
const BLOCK = 64;

/**
 * HMAC-SHA256 (RFC 2104): "H(K XOR opad, H(K XOR ipad, text))", where "ipad = the byte 0x36
 * repeated B times, opad = the byte 0x5C repeated B times", and a key longer than B bytes is
 * first hashed. Checked against RFC 4231's vectors and @noble/hashes' hmac.
 */
export const hmacSha256 = (key: Uint8Array, message: Uint8Array): Uint8Array<ArrayBuffer> => {
  const padded = new Uint8Array(BLOCK);
  padded.set(key.length > BLOCK ? sha256(key) : key);
  const inner = new Uint8Array(BLOCK + message.length);
  const outer = new Uint8Array(BLOCK + 32);
  for (let i = 0; i < BLOCK; i++) {
    inner[i] = (padded[i] as number) ^ 0x36;
    outer[i] = (padded[i] as number) ^ 0x5c;
  }
  inner.set(message, BLOCK);
  outer.set(sha256(inner), BLOCK);
  return sha256(outer);
};
