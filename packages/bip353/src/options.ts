// The options of verifyBip353Proof and resolveBip353, checked before any work: a misspelt
// option or a clock in milliseconds is the caller's mistake, said as a TypeError or RangeError.
import {
  bytesParam,
  integerParam,
  isArray,
  type OptionCheck,
  readOptions,
} from '@lninvoice/core/options';
import { describeValue } from '@lninvoice/core/text';
import { ROOT_TRUST_ANCHORS, type TrustAnchor } from './crypto/trust-anchors.js';

/** A trust anchor as a caller may give it: a DS record's fields, the digest as bytes or hex. */
export interface TrustAnchorInput {
  /** The key tag of the DNSKEY (RFC 4034 appendix B), 0 to 65 535. */
  readonly keyTag: number;
  /** The DNSKEY's algorithm number, 0 to 255: 8 is RSA/SHA-256. */
  readonly algorithm: number;
  /** The digest's algorithm number, 0 to 255: 2 is SHA-256. */
  readonly digestType: number;
  /** The digest of the DNSKEY record, as bytes or hex. */
  readonly digest: Uint8Array | string;
}

/** The options of {@link verifyBip353Proof}: the time and the trust anchors to check at. */
export interface VerifyOptions {
  /**
   * The time to check signatures at, in seconds since 1970 (RRSIG times are seconds). Default:
   * the clock, read once per call. A proof kept for later checks at the time it is used.
   */
  readonly now?: number;
  /**
   * The keys the chain must lead to, as DS records of the root zone's KSKs. Default
   * `ROOT_TRUST_ANCHORS`, IANA's (key tags 20326 and 38696). Replace them for a test root or
   * after a KSK rollover this version does not know.
   */
  readonly trustAnchors?: readonly TrustAnchorInput[];
}

/** The last second RRSIG times can name from 1970 on (2^32 - 1 is 2106); milliseconds are far above. */
const MAX_NOW = 2 ** 33;

export const VERIFY_CHECKS: { readonly [K in keyof VerifyOptions]-?: OptionCheck } = {
  now: (value, name) => {
    // Date.now() is above 10^11 (1973 in milliseconds, the year 5138 in seconds).
    if (typeof value === 'number' && value >= 1e11 && value < MAX_NOW * 1000)
      throw new RangeError(`${name} is seconds since 1970; ${value} looks like milliseconds`);
    integerParam(name, value, 0, MAX_NOW);
  },
  trustAnchors: isArray,
};

/** The anchor `value`, checked field by field. */
const readAnchor = (value: unknown, name: string): TrustAnchor => {
  if (typeof value !== 'object' || value === null)
    throw new TypeError(`${name} must be an object, got ${describeValue(value)}`);
  const anchor = value as Record<string, unknown>;
  return {
    keyTag: integerParam(`${name}.keyTag`, anchor.keyTag, 0, 0xffff),
    algorithm: integerParam(`${name}.algorithm`, anchor.algorithm, 0, 0xff),
    digestType: integerParam(`${name}.digestType`, anchor.digestType, 0, 0xff),
    digest: bytesParam(`${name}.digest`, anchor.digest),
  };
};

/** The checked options with their defaults. */
export const readVerifyOptions = (
  options: VerifyOptions,
  checks: typeof VERIFY_CHECKS = VERIFY_CHECKS,
  name = 'options',
): { now: number; trustAnchors: readonly TrustAnchor[] } => {
  const read = readOptions<VerifyOptions>(name, options, checks);
  const anchors = read.trustAnchors?.map((a, i) => readAnchor(a, `${name}.trustAnchors[${i}]`));
  if (anchors?.length === 0)
    throw new RangeError(`${name}.trustAnchors is empty: nothing could be trusted`);
  return {
    now: read.now ?? Math.floor(Date.now() / 1000),
    trustAnchors: anchors ?? ROOT_TRUST_ANCHORS,
  };
};
