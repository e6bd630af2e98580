// The digest a DS record holds of its child's DNSKEY (RFC 4034 section 5.1.4): how a parent zone
// vouches for one key of its child.
import { sha256 } from '@lninvoice/core/hash';
import { concatBytes } from '@lninvoice/core/text';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha384 } from '@noble/hashes/sha2.js';

/** The DS digest types read here (numbers of IANA's DS RR digest algorithm registry). */
export const DIGEST_TYPE = { SHA1: 1, SHA256: 2, SHA384: 4 } as const;

const hashOf = (digestType: number): ((bytes: Uint8Array) => Uint8Array) | undefined => {
  switch (digestType) {
    // SHA-1 is only a digest here, not a signature: BIP 353 says "Resolvers MAY accept SHA-1 DS
    // records" (forging one takes a second preimage of a chosen key, not a collision).
    case DIGEST_TYPE.SHA1:
      return sha1;
    case DIGEST_TYPE.SHA256: // RFC 4509
      return sha256;
    case DIGEST_TYPE.SHA384: // RFC 6605 section 2
      return sha384;
    default:
      return undefined;
  }
};

/**
 * The digest of type `digestType` a DS record for this key holds, or undefined for a type not
 * read here: "digest = digest_algorithm( DNSKEY owner name | DNSKEY RDATA)" (RFC 4034 section
 * 5.1.4). `ownerWire` is the owner name in canonical wire form (RFC 4034 section 6.2: lowercase,
 * uncompressed), as the caller has it.
 */
export const dsDigest = (
  digestType: number,
  ownerWire: Uint8Array,
  dnskeyRdata: Uint8Array,
): Uint8Array | undefined => hashOf(digestType)?.(concatBytes(ownerWire, dnskeyRdata));
