// A wildcard answer is only as good as the proof that no closer name exists: "the validator
// MUST check the NSEC RRs (or NSEC3 RRs) to verify that there was no closer match" (RFC 4035
// section 5.3.4, RFC 5155 section 8.8). Without it, a wildcard could shadow a real record.

import { equalBytes } from '@lninvoice/core/text';
import { base32hexDecode } from '../crypto/base32hex.js';
import { nsec3Hash } from '../crypto/nsec3.js';
import { canonicalWire, compareNames, formatName, isAtOrBelow, sameName } from '../dns/name.js';
import { parseNsec, parseNsec3 } from '../dns/rdata.js';
import { type Name, RR_TYPE } from '../dns/types.js';
import { Bip353Error } from '../errors.js';
import type { RecordIndex } from './rrsets.js';
import type { ChainValidator } from './validator.js';

/** RFC 5155 section 11: "the maximum number of iterations" for any key size is 2,500; RFC 9276 asks for far fewer. */
const MAX_ITERATIONS = 500;

const compareBytes = (a: Uint8Array, b: Uint8Array): number => {
  for (let i = 0; i < Math.min(a.length, b.length); i++)
    if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
  return a.length - b.length;
};

/**
 * An NSEC proves `name` absent when it covers it: the owner sorts before it and the next name
 * after it (or the chain wraps), the next name is no descendant of it (else it is an empty
 * non-terminal), and the owner is no delegation above it (a parent cannot speak for its child).
 */
const nsecCovers = (owner: Name, next: Name, types: ReadonlySet<number>, name: Name): boolean => {
  if (compareNames(owner, name) >= 0) return false;
  const wraps = compareNames(next, owner) <= 0;
  if (!wraps && compareNames(name, next) >= 0) return false;
  if (isAtOrBelow(next, name)) return false;
  return !(isAtOrBelow(name, owner) && types.has(2) && !types.has(RR_TYPE.SOA));
};

/**
 * Checks that `nextCloser` (the name one label below the wildcard's parent, on the way to the
 * queried name) does not exist in `zone`, by a proven NSEC or NSEC3 record of that zone.
 */
export const proveNoCloserMatch = async (
  index: RecordIndex,
  validator: ChainValidator,
  zone: Name,
  queried: Name,
  nextCloser: Name,
): Promise<void> => {
  for (const set of index.all(RR_TYPE.NSEC)) {
    if (!isAtOrBelow(set.name, zone)) continue;
    for (const record of set.records) {
      const nsec = parseNsec(record);
      if (!nsecCovers(set.name, nsec.next, nsec.types, nextCloser)) continue;
      const proven = await validator.prove(set);
      if (sameName(proven.signer, zone) && proven.wildcardLabels === undefined) return;
    }
  }
  const nextCloserWire = canonicalWire(nextCloser);
  for (const set of index.all(RR_TYPE.NSEC3)) {
    // RFC 5155 section 3: the owner is the base32hex hash as one label directly below the zone.
    if (set.name.length !== zone.length + 1 || !isAtOrBelow(set.name, zone)) continue;
    const ownerHash = base32hexDecode(set.name[0] as string);
    if (ownerHash === undefined) continue;
    for (const record of set.records) {
      const nsec3 = parseNsec3(record);
      // "Hash Algorithm ... 1 = SHA-1" is the only one defined; unknown ones prove nothing.
      if (nsec3.hashAlgorithm !== 1 || nsec3.iterations > MAX_ITERATIONS) continue;
      const hash = nsec3Hash(nextCloserWire, nsec3.salt, nsec3.iterations);
      if (hash.length !== ownerHash.length || equalBytes(hash, ownerHash)) continue;
      const afterOwner = compareBytes(ownerHash, hash) < 0;
      const beforeNext = compareBytes(hash, nsec3.nextHashed) < 0;
      const wraps = compareBytes(nsec3.nextHashed, ownerHash) <= 0;
      if (!(wraps ? afterOwner || beforeNext : afterOwner && beforeNext)) continue;
      const proven = await validator.prove(set);
      if (sameName(proven.signer, zone) && proven.wildcardLabels === undefined) return;
    }
  }
  throw new Bip353Error(
    'missing-wildcard-proof',
    `the records of ${formatName(queried)} come from a wildcard, and no NSEC or NSEC3 record of ${formatName(zone)} proves that ${formatName(nextCloser)} does not exist`,
  );
};
