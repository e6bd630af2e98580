// The hashed owner names of NSEC3 (RFC 5155 section 5), by which a zone proves a name absent
// without listing its names.
import { sha1 } from '@noble/hashes/legacy.js';

/**
 * `IH(salt, owner name, iterations)` with SHA-1, NSEC3's only hash algorithm (RFC 5155 section
 * 4.1; a digest, not a signature, so BIP 353's rule against SHA-1 does not concern it):
 * "IH(salt, x, 0) = H(x || salt), and IH(salt, x, k) = H(IH(salt, x, k-1) || salt), if k > 0".
 * `ownerWire` is the owner name in canonical wire form (lowercase, uncompressed). Each iteration
 * costs a hash: the caller caps `iterations` (RFC 9276 section 3.2) before asking.
 */
export const nsec3Hash = (
  ownerWire: Uint8Array,
  salt: Uint8Array,
  iterations: number,
): Uint8Array => {
  if (!Number.isInteger(iterations) || iterations < 0 || iterations > 0xffff)
    throw new RangeError(`iterations must be an integer from 0 to 65535, not ${iterations}`);
  const first = new Uint8Array(ownerWire.length + salt.length);
  first.set(ownerWire);
  first.set(salt, ownerWire.length);
  let hash = sha1(first);
  // One buffer for every later round: the previous hash, then the salt.
  const round = new Uint8Array(hash.length + salt.length);
  round.set(salt, hash.length);
  for (let k = 0; k < iterations; k++) {
    round.set(hash);
    hash = sha1(round);
  }
  return hash;
};
