// The DNS data every module of the package shares: names as their labels, records with their
// RDATA as bytes (uncompressed), and the type numbers read here.

/**
 * A DNS name as its labels, most specific first, each a binary string (one character per octet,
 * 0-255: labels are octets, RFC 2181 section 11). The root is `[]`; `example.com` is
 * `['example', 'com']`. Comparisons are case-insensitive for ASCII letters only (RFC 4343).
 */
export type Name = readonly string[];

/** A resource record (RFC 1035 section 3.2.1), its RDATA without name compression. */
export interface DnsRecord {
  readonly name: Name;
  readonly type: number;
  readonly class: number;
  readonly ttl: number;
  readonly rdata: Uint8Array;
}

/** The RR types this package reads (IANA DNS parameters). */
export const RR_TYPE = {
  CNAME: 5,
  SOA: 6,
  TXT: 16,
  DNAME: 39,
  OPT: 41,
  DS: 43,
  RRSIG: 46,
  NSEC: 47,
  DNSKEY: 48,
  NSEC3: 50,
} as const;

/** Class IN (RFC 1035 section 3.2.4): the only class BIP 353 records live in. */
export const CLASS_IN = 1;
