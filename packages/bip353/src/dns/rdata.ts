// The RDATA of the types DNSSEC validation reads (RFC 1035, RFC 4034, RFC 5155, RFC 6672),
// parsed strictly: a field cut short or bytes left over make the record invalid.
import { Bip353Error } from '../errors.js';
import { canonicalWire, formatName, readName } from './name.js';
import { u16, u32 } from './record.js';
import type { DnsRecord, Name } from './types.js';

const invalid = (record: DnsRecord, what: string, why: string): Bip353Error =>
  new Bip353Error('invalid-record', `the ${what} record of ${formatName(record.name)} ${why}`);

const needs = (record: DnsRecord, what: string, length: number): void => {
  if (record.rdata.length < length)
    throw invalid(
      record,
      what,
      `has ${record.rdata.length} bytes of data; at least ${length} are needed`,
    );
};

/** RRSIG (RFC 4034 section 3.1). `signedFields` is the RDATA before the signature, canonical. */
export interface Rrsig {
  readonly typeCovered: number;
  readonly algorithm: number;
  readonly labels: number;
  readonly originalTtl: number;
  readonly expiration: number;
  readonly inception: number;
  readonly keyTag: number;
  readonly signer: Name;
  readonly signature: Uint8Array;
  readonly signedFields: Uint8Array;
}

export const parseRrsig = (record: DnsRecord): Rrsig => {
  const { rdata } = record;
  needs(record, 'RRSIG', 19);
  // RFC 4034 section 3.1.7: "A sender MUST NOT use DNS name compression on the Signer's Name".
  const { name: signer, next } = readName(rdata, 18, false, 'the signer of an RRSIG record');
  const signature = rdata.slice(next);
  if (signature.length === 0) throw invalid(record, 'RRSIG', 'has no signature');
  const signedFields = new Uint8Array(18 + canonicalWire(signer).length);
  signedFields.set(rdata.subarray(0, 18));
  signedFields.set(canonicalWire(signer), 18);
  return {
    typeCovered: u16(rdata, 0),
    algorithm: rdata[2] as number,
    labels: rdata[3] as number,
    originalTtl: u32(rdata, 4),
    expiration: u32(rdata, 8),
    inception: u32(rdata, 12),
    keyTag: u16(rdata, 16),
    signer,
    signature,
    signedFields,
  };
};

/** DNSKEY (RFC 4034 section 2.1). */
export interface Dnskey {
  readonly flags: number;
  readonly protocol: number;
  readonly algorithm: number;
  readonly publicKey: Uint8Array;
}

export const parseDnskey = (record: DnsRecord): Dnskey => {
  needs(record, 'DNSKEY', 5);
  const { rdata } = record;
  return {
    flags: u16(rdata, 0),
    protocol: rdata[2] as number,
    algorithm: rdata[3] as number,
    publicKey: rdata.slice(4),
  };
};

/** DS (RFC 4034 section 5.1). */
export interface Ds {
  readonly keyTag: number;
  readonly algorithm: number;
  readonly digestType: number;
  readonly digest: Uint8Array;
}

export const parseDs = (record: DnsRecord): Ds => {
  needs(record, 'DS', 5);
  const { rdata } = record;
  return {
    keyTag: u16(rdata, 0),
    algorithm: rdata[2] as number,
    digestType: rdata[3] as number,
    digest: rdata.slice(4),
  };
};

/** TXT (RFC 1035 section 3.3.14): "One or more <character-string>s", in RDATA order. */
export const parseTxt = (record: DnsRecord): Uint8Array[] => {
  const { rdata } = record;
  if (rdata.length === 0) throw invalid(record, 'TXT', 'has no character-string');
  const strings: Uint8Array[] = [];
  for (let i = 0; i < rdata.length; ) {
    const length = rdata[i] as number;
    if (i + 1 + length > rdata.length)
      throw invalid(
        record,
        'TXT',
        `has a character-string of ${length} bytes that the data cuts short`,
      );
    strings.push(rdata.slice(i + 1, i + 1 + length));
    i += 1 + length;
  }
  return strings;
};

/** The one name that is a CNAME's or DNAME's RDATA (RFC 1035 section 3.3.1, RFC 6672 section 2.1). */
export const parseTarget = (record: DnsRecord, what: 'CNAME' | 'DNAME'): Name => {
  const { name, next } = readName(record.rdata, 0, false, `the target of a ${what} record`);
  if (next !== record.rdata.length) throw invalid(record, what, 'has bytes after its target');
  return name;
};

/** RFC 4034 section 4.1.2's Type Bit Maps: windows in increasing order, 1-32 octets each. */
const readTypeBitmap = (record: DnsRecord, what: string, offset: number): Set<number> => {
  const { rdata } = record;
  const types = new Set<number>();
  let lastWindow = -1;
  for (let i = offset; i < rdata.length; ) {
    const window = rdata[i] as number;
    const length = rdata[i + 1];
    if (
      length === undefined ||
      length < 1 ||
      length > 32 ||
      window <= lastWindow ||
      i + 2 + length > rdata.length
    )
      throw invalid(record, what, 'has a malformed type bit map');
    for (let j = 0; j < length; j++) {
      const bits = rdata[i + 2 + j] as number;
      for (let bit = 0; bit < 8; bit++)
        if (bits & (0x80 >> bit)) types.add(window * 256 + j * 8 + bit);
    }
    lastWindow = window;
    i += 2 + length;
  }
  return types;
};

/** NSEC (RFC 4034 section 4.1). */
export interface Nsec {
  readonly next: Name;
  readonly types: ReadonlySet<number>;
}

export const parseNsec = (record: DnsRecord): Nsec => {
  const { name: next, next: end } = readName(
    record.rdata,
    0,
    false,
    'the next name of an NSEC record',
  );
  return { next, types: readTypeBitmap(record, 'NSEC', end) };
};

/** NSEC3 (RFC 5155 section 3.2). */
export interface Nsec3 {
  readonly hashAlgorithm: number;
  readonly flags: number;
  readonly iterations: number;
  readonly salt: Uint8Array;
  readonly nextHashed: Uint8Array;
  readonly types: ReadonlySet<number>;
}

export const parseNsec3 = (record: DnsRecord): Nsec3 => {
  const { rdata } = record;
  needs(record, 'NSEC3', 5);
  const saltLength = rdata[4] as number;
  const hashLength = rdata[5 + saltLength];
  if (hashLength === undefined || hashLength === 0 || 6 + saltLength + hashLength > rdata.length)
    throw invalid(record, 'NSEC3', 'has a salt or next hashed owner name that the data cuts short');
  return {
    hashAlgorithm: rdata[0] as number,
    flags: rdata[1] as number,
    iterations: u16(rdata, 2),
    salt: rdata.slice(5, 5 + saltLength),
    nextHashed: rdata.slice(6 + saltLength, 6 + saltLength + hashLength),
    types: readTypeBitmap(record, 'NSEC3', 6 + saltLength + hashLength),
  };
};
