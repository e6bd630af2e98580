// The root of every chain: IANA's trust anchors for the root zone, copied from
// https://data.iana.org/root-anchors/root-anchors.xml (the DS form of the root's key-signing keys):
//   KSK-2017: key tag 20326, algorithm 8, digest type 2, validFrom 2017-02-02T00:00:00+00:00
//   KSK-2024: key tag 38696, algorithm 8, digest type 2, validFrom 2024-07-18T00:00:00+00:00
// Both are kept: the root rolls from KSK-2017 to KSK-2024, and a resolver trusting only one fails
// on a root DNSKEY RRset the other signs. Once IANA gives KSK-2017 a validUntil, drop it here.
// Each digest is checked in the tests against the root's DNSKEY RRset in BIP 353's example proofs.
import { hexToBytes } from '@noble/hashes/utils.js';

/** A DS record's fields (RFC 4034 section 5.1) for a key trusted without a parent. */
export interface TrustAnchor {
  /** The key tag of the DNSKEY (RFC 4034 appendix B): 20326 for KSK-2017. */
  readonly keyTag: number;
  /** The DNSKEY's algorithm number: 8 is RSA/SHA-256. */
  readonly algorithm: number;
  /** The digest's algorithm number: 2 is SHA-256. */
  readonly digestType: number;
  /** The digest of the DNSKEY record (owner name and RDATA). */
  readonly digest: Uint8Array;
}

/** The root zone's trust anchors (IANA root-anchors.xml): KSK-2017 and KSK-2024. */
export const ROOT_TRUST_ANCHORS: readonly TrustAnchor[] = Object.freeze([
  Object.freeze({
    keyTag: 20326,
    algorithm: 8,
    digestType: 2,
    digest: hexToBytes('E06D44B80B8F1D39A95C0B0D7C65D08458E880409BBC683457104237C7F8EC8D'),
  }),
  Object.freeze({
    keyTag: 38696,
    algorithm: 8,
    digestType: 2,
    digest: hexToBytes('683D2D0ACB8C9B712A1948B27F741219298D0A450D612C483AF444A4C0FB2B16'),
  }),
]);
