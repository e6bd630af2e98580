// The DNSSEC algorithms by number and name (IANA "Domain Name System Security (DNSSEC) Algorithm
// Numbers"), for the code that picks one and the messages that name one.

/** The algorithm numbers this package names. */
export const ALGORITHM = {
  RSAMD5: 1,
  DSA: 3,
  RSASHA1: 5,
  DSA_NSEC3_SHA1: 6,
  RSASHA1_NSEC3_SHA1: 7,
  RSASHA256: 8,
  RSASHA512: 10,
  ECC_GOST: 12,
  ECDSAP256SHA256: 13,
  ECDSAP384SHA384: 14,
  ED25519: 15,
  ED448: 16,
} as const;

const NAMES: ReadonlyMap<number, string> = new Map([
  [1, 'RSAMD5'],
  [3, 'DSA'],
  [5, 'RSASHA1'],
  [6, 'DSA-NSEC3-SHA1'],
  [7, 'RSASHA1-NSEC3-SHA1'],
  [8, 'RSASHA256'],
  [10, 'RSASHA512'],
  [12, 'ECC-GOST'],
  [13, 'ECDSAP256SHA256'],
  [14, 'ECDSAP384SHA384'],
  [15, 'ED25519'],
  [16, 'ED448'],
  [17, 'SM2SM3'],
  [23, 'ECC-GOST12'],
]);

/** `algorithm` as messages name it: "algorithm 8 (RSASHA256)", "algorithm 99 (unknown)". */
export const algorithmName = (algorithm: number): string =>
  `algorithm ${algorithm} (${NAMES.get(algorithm) ?? 'unknown'})`;
