// RFC 9102 proofs: "a series of DNS Resource Records in no particular order" (BIP 353) that
// prove a name's TXT record from the root, read and checked offline.
import { bytesParam } from '@lninvoice/core/options';
import { concatBytes } from '@lninvoice/core/text';
import type { BitcoinUri } from '@lninvoice/uri';
import type { TrustAnchor } from './crypto/trust-anchors.js';
import { formatName } from './dns/name.js';
import { readRecord, writeRecord } from './dns/record.js';
import type { DnsRecord, Name } from './dns/types.js';
import { findTxt } from './dnssec/answer.js';
import { RecordIndex } from './dnssec/rrsets.js';
import { ChainValidator } from './dnssec/validator.js';
import { Bip353Error } from './errors.js';
import { readInstructions } from './instructions.js';
import { parseBip353Name, recordName } from './name.js';
import { readVerifyOptions, type VerifyOptions } from './options.js';

/** RFC 9102 section 3: "opaque AuthenticationChain<1..2^16-1>". */
export const MAX_PROOF_LENGTH = 65_535;

/** What a name resolves to, proven. */
export interface Bip353Result {
  /** `user@domain` (domain in lower case): show it as `₿user@domain`. */
  readonly name: string;
  /** The DNS name the record was looked up at. */
  readonly dnsName: string;
  /** The names followed through CNAME and DNAME records, the record's own name last. */
  readonly path: readonly string[];
  /** The `bitcoin:` URI, "concatenating the TXT RR's <character-string> fields in RDATA order". */
  readonly uri: string;
  /** The URI read by @lninvoice/uri's parseUri. */
  readonly parsed: BitcoinUri;
  /** The RFC 9102 AuthenticationChain that proves it: verifyBip353Proof checks it again offline. */
  readonly proof: Uint8Array;
  /**
   * Seconds it may be cached: the lowest TTL in the whole chain, as BIP 353 asks ("MUST NOT cache
   * the payment instructions for longer than the lowest initial TTL"), and no longer than the
   * first signature in the chain stays valid.
   */
  readonly ttl: number;
}

/** The records of a proof, in order; a record cut short or compressed is refused. */
export const readProof = (proof: Uint8Array): DnsRecord[] => {
  if (proof.length === 0) throw new Bip353Error('empty', 'the proof has no records');
  if (proof.length > MAX_PROOF_LENGTH)
    throw new Bip353Error(
      'too-long',
      `the proof is ${proof.length} bytes; RFC 9102 allows ${MAX_PROOF_LENGTH}`,
    );
  const records: DnsRecord[] = [];
  for (let offset = 0; offset < proof.length; ) {
    const { record, next } = readRecord(proof, offset, false);
    records.push(record);
    offset = next;
  }
  return records;
};

/** The proof of `records`, each once, uncompressed. */
export const writeProof = (records: Iterable<DnsRecord>): Uint8Array => {
  const parts: Uint8Array[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    const bytes = writeRecord(record);
    const id = String.fromCharCode(...bytes);
    if (seen.has(id)) continue;
    seen.add(id);
    parts.push(bytes);
  }
  return concatBytes(...parts);
};

/** Checks `records` for the TXT record of `name` and returns what BIP 353 makes of it. */
export const proveRecords = async (
  name: string,
  records: readonly DnsRecord[],
  now: number,
  anchors: readonly TrustAnchor[],
  proof: Uint8Array,
): Promise<Bip353Result> => {
  const parsedName = parseBip353Name(name);
  const index = new RecordIndex(records);
  const validator = new ChainValidator(index, now, anchors);
  const { set, path } = await findTxt(index, validator, recordName(parsedName));
  const { uri, parsed } = readInstructions(set);
  return {
    name: parsedName.name,
    dnsName: parsedName.dnsName,
    path: path.map((n: Name) => formatName(n)),
    uri,
    parsed,
    proof,
    ttl: validator.ttl,
  };
};

/**
 * Verifies `proof` (bytes or hex of an RFC 9102 AuthenticationChain, as BIP 353's PSBT field and
 * `resolveBip353` carry it) for `name` at `now` (seconds since 1970; default the clock), from
 * the trust anchors (default IANA's root KSKs) down to the name's one `bitcoin:` TXT record.
 */
export const verifyBip353Proof = async (
  name: string,
  proof: Uint8Array | string,
  options: VerifyOptions = {},
): Promise<Bip353Result> => {
  const bytes = bytesParam('proof', proof);
  const { now, trustAnchors } = readVerifyOptions(options);
  return proveRecords(name, readProof(bytes), now, trustAnchors, bytes);
};
