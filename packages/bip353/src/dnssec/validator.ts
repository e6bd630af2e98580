// DNSSEC validation of RRsets from the root down (RFC 4035 section 5): a zone's DNSKEY RRset is
// trusted when a trusted DS (or, at the root, a trust anchor) names a key that signs it, and any
// other RRset when a trusted key of its zone signs it. Nothing a resolver says is taken on trust.

import { equalBytes } from '@lninvoice/core/text';
import { keyProblem, verifySignature } from '../crypto/algorithms.js';
import { dsDigest } from '../crypto/ds-digest.js';
import { keyTag } from '../crypto/key-tag.js';
import type { TrustAnchor } from '../crypto/trust-anchors.js';
import { canonicalWire, formatName, isAtOrBelow, sameName, signatureLabels } from '../dns/name.js';
import { type Dnskey, parseDnskey, parseDs } from '../dns/rdata.js';
import { type Name, RR_TYPE } from '../dns/types.js';
import { Bip353Error, type Bip353ErrorCode } from '../errors.js';
import type { RecordIndex, RrSet, Signature } from './rrsets.js';
import { signedData, signedOwner } from './signed-data.js';
import { formatTime, secondsFrom } from './time.js';

/** A zone's key with its tag, once the zone's DNSKEY RRset is proven. */
interface ZoneKey extends Dnskey {
  readonly tag: number;
}

/** What a proven RRset tells beyond its records. */
export interface Proven {
  /** The zone whose key signed it. */
  readonly signer: Name;
  /** The RRSIG's Labels field when the RRset was expanded from a wildcard. */
  readonly wildcardLabels: number | undefined;
}

/**
 * The most signature checks one proof may ask for. A real chain takes about ten; a proof built to
 * make many keys share a tag and many signatures fail (KeyTrap, CVE-2023-50387) stops here.
 */
export const MAX_VERIFICATIONS = 128;

/** RFC 4034 section 2.1.1: "Bit 7 of the Flags field is the Zone Key flag". */
const ZONE_KEY = 0x0100;
/** RFC 4034 section 2.1.2: "The Protocol Field MUST have value 3". */
const PROTOCOL = 3;

/** How far one RRSIG got before it failed: the furthest failure explains the RRset's. */
interface Failure {
  readonly stage: number;
  readonly error: Bip353Error;
}

const describe = (set: RrSet): string =>
  `the ${typeName(set.type)} records of ${formatName(set.name)}`;

export const typeName = (type: number): string =>
  Object.entries(RR_TYPE).find(([, value]) => value === type)?.[0] ?? `TYPE${type}`;

export class ChainValidator {
  readonly #index: RecordIndex;
  readonly #now: number;
  readonly #anchors: readonly TrustAnchor[];
  readonly #zones = new Map<string, Promise<readonly ZoneKey[]>>();
  /** The lowest TTL of every RRset proven so far, capped by its signatures' remaining lifetime. */
  ttl = Number.POSITIVE_INFINITY;
  #verifications = 0;

  constructor(index: RecordIndex, now: number, anchors: readonly TrustAnchor[]) {
    this.#index = index;
    this.#now = now;
    this.#anchors = anchors;
  }

  /** The proven keys of `zone`, each zone proven once. */
  zoneKeys(zone: Name): Promise<readonly ZoneKey[]> {
    const id = formatName(zone).toLowerCase();
    let keys = this.#zones.get(id);
    if (keys === undefined) {
      keys = this.#proveZone(zone);
      this.#zones.set(id, keys);
    }
    return keys;
  }

  async #proveZone(zone: Name): Promise<readonly ZoneKey[]> {
    const set = this.#index.get(zone, RR_TYPE.DNSKEY);
    if (set === undefined)
      throw new Bip353Error(
        'missing-key',
        `there are no DNSKEY records for the zone ${formatName(zone)}`,
      );
    const keys = set.records.map((record) => ({
      ...parseDnskey(record),
      tag: keyTag(record.rdata),
      rdata: record.rdata,
    }));
    const owner = canonicalWire(zone);
    // The keys a trust anchor or the parent's DS vouches for ("secure entry points").
    let entries: typeof keys;
    if (zone.length === 0) {
      entries = keys.filter((key) => this.#anchors.some((anchor) => matchesDs(anchor, key, owner)));
      if (entries.length === 0)
        throw new Bip353Error(
          'trust-anchor-mismatch',
          `no root DNSKEY (key tags ${keys.map((k) => k.tag).join(', ')}) matches a trust anchor (key tags ${this.#anchors.map((a) => a.keyTag).join(', ')})`,
        );
    } else {
      const dsSet = this.#index.get(zone, RR_TYPE.DS);
      if (dsSet === undefined)
        throw new Bip353Error(
          'missing-ds',
          `there is no DS record for the zone ${formatName(zone)} in its parent`,
        );
      // RFC 4035 section 5.2: the DS RRset is authenticated in the parent zone.
      await this.prove(dsSet, { parentOf: zone });
      const dsRecords = dsSet.records.map(parseDs);
      entries = keys.filter((key) => dsRecords.some((ds) => matchesDs(ds, key, owner)));
      if (entries.length === 0)
        throw new Bip353Error(
          'ds-mismatch',
          `no DNSKEY of ${formatName(zone)} (key tags ${keys.map((k) => k.tag).join(', ')}) matches its DS records (key tags ${dsRecords.map((d) => d.keyTag).join(', ')})`,
        );
    }
    // RFC 4035 section 5.2: "the DNSKEY RRset ... MUST be signed by the key the DS points to".
    await this.prove(set, { keys: entries, zone });
    return keys;
  }

  /**
   * Proves `set` by one of its RRSIGs (RFC 4035 section 5.3), or throws the failure of the RRSIG
   * that got furthest. `keys` proves a DNSKEY RRset with its own entry keys; `parentOf` asks a
   * DS RRset to be signed above the zone it delegates to.
   */
  async prove(
    set: RrSet,
    how: { keys?: readonly ZoneKey[]; zone?: Name; parentOf?: Name } = {},
  ): Promise<Proven> {
    const signatures = this.#index.signatures(set.name, set.type);
    if (signatures.length === 0)
      throw new Bip353Error('missing-signature', `${describe(set)} carry no RRSIG`);
    let best: Failure | undefined;
    for (const rrsig of signatures) {
      const outcome = await this.#check(set, rrsig, how);
      if (!('error' in outcome)) return outcome;
      if (best === undefined || outcome.stage > best.stage) best = outcome;
    }
    throw (best as Failure).error;
  }

  async #check(
    set: RrSet,
    rrsig: Signature,
    how: { keys?: readonly ZoneKey[]; zone?: Name; parentOf?: Name },
  ): Promise<Proven | Failure> {
    const fail = (stage: number, code: Bip353ErrorCode, why: string): Failure => ({
      stage,
      error: new Bip353Error(
        code,
        `${describe(set)}: the RRSIG by ${formatName(rrsig.signer)} (key tag ${rrsig.keyTag}) ${why}`,
      ),
    });
    // RFC 4035 section 5.3.1: "The RRSIG RR and the RRset MUST have the same owner name and the
    // same class", "The RRSIG RR's Signer's Name field MUST be the name of the zone that contains
    // the RRset", "The number of labels in the RRset owner name MUST be greater than or equal to
    // the value in the RRSIG RR's Labels field".
    const signerFits = how.zone
      ? sameName(rrsig.signer, how.zone)
      : how.parentOf
        ? rrsig.signer.length < how.parentOf.length && isAtOrBelow(how.parentOf, rrsig.signer)
        : isAtOrBelow(set.name, rrsig.signer);
    if (!signerFits)
      return fail(0, 'invalid-signature', 'is not by the zone that holds the records');
    if (rrsig.labels > signatureLabels(set.name))
      return fail(0, 'invalid-signature', `counts ${rrsig.labels} labels, more than the owner has`);
    if (set.name[0] === '*' && rrsig.labels !== signatureLabels(set.name))
      return fail(0, 'invalid-signature', 'expands a wildcard onto a wildcard');
    let keys: readonly ZoneKey[];
    try {
      keys = how.keys ?? (await this.zoneKeys(rrsig.signer));
    } catch (error) {
      if (error instanceof Bip353Error) return { stage: 1, error };
      throw error;
    }
    // "The validator's notion of the current time MUST be less than or equal to the time listed
    // in the RRSIG RR's Expiration field", "greater than or equal to ... the Inception field".
    const remaining = secondsFrom(this.#now, rrsig.expiration);
    if (remaining < 0)
      return fail(2, 'expired', `expired at ${formatTime(this.#now, rrsig.expiration)}`);
    if (secondsFrom(this.#now, rrsig.inception) > 0)
      return fail(
        2,
        'not-yet-valid',
        `is valid from ${formatTime(this.#now, rrsig.inception)} only`,
      );
    // "The RRSIG RR's Signer's Name, Algorithm, and Key Tag fields MUST match the owner name,
    // algorithm, and key tag for some DNSKEY RR in the zone's apex DNSKEY RRset", which "MUST
    // have the Zone Flag bit (DNSKEY RDATA Flag bit 7) set".
    const candidates = keys.filter(
      (key) =>
        key.tag === rrsig.keyTag &&
        key.algorithm === rrsig.algorithm &&
        key.flags & ZONE_KEY &&
        key.protocol === PROTOCOL,
    );
    if (candidates.length === 0)
      return fail(
        3,
        'missing-key',
        `names a key (algorithm ${rrsig.algorithm}) that is not among the zone's trusted DNSKEYs`,
      );
    const data = signedData(rrsig, set, signedOwner(set.name, rrsig.labels));
    let failure: Failure | undefined;
    for (const key of candidates) {
      const problem = keyProblem(key.algorithm, key.publicKey);
      if (problem) {
        failure ??= {
          stage: 4,
          error: new Bip353Error(problem.code, `${describe(set)}: ${problem.message}`),
        };
        continue;
      }
      if (++this.#verifications > MAX_VERIFICATIONS)
        throw new Bip353Error(
          'too-long',
          `the proof asks for more than ${MAX_VERIFICATIONS} signature checks; a chain needs about ten`,
        );
      if (await verifySignature(key.algorithm, key.publicKey, data, rrsig.signature)) {
        // RFC 4035 section 5.3.3: the TTL is at most the RRset's, the RRSIG's, the Original TTL
        // and the time left before the signature expires.
        this.ttl = Math.min(
          this.ttl,
          rrsig.originalTtl,
          rrsig.ttl,
          remaining,
          ...set.records.map((r) => r.ttl),
        );
        const wildcardLabels = rrsig.labels < signatureLabels(set.name) ? rrsig.labels : undefined;
        return { signer: rrsig.signer, wildcardLabels };
      }
      failure = { stage: 5, error: fail(5, 'invalid-signature', 'does not verify').error };
    }
    return failure as Failure;
  }
}

/** Whether the DS (or trust anchor) `ds` names `key` of the zone whose canonical name is `owner`. */
const matchesDs = (
  ds: { keyTag: number; algorithm: number; digestType: number; digest: Uint8Array },
  key: ZoneKey & { rdata: Uint8Array },
  owner: Uint8Array,
): boolean => {
  if (ds.keyTag !== key.tag || ds.algorithm !== key.algorithm) return false;
  const digest = dsDigest(ds.digestType, owner, key.rdata);
  return digest !== undefined && equalBytes(digest, ds.digest);
};
