// A signed DNS world for the tests of @lninvoice/bip353: zones from the root down, each with its
// own keys, every RRset signed per RFC 4034/4035, NSEC3 (RFC 5155) or NSEC chains, DS records in
// the parents, and the faults negative tests need. It is written apart from the package, from the
// RFCs, so that the package's validator is checked against a second reading of them: nothing here
// comes from packages/bip353.
//
// Names are written without a trailing dot (`example.test`), the root as `.`. Records keep the case
// they are written in (answers carry it), and are signed in canonical form (RFC 4034 section 6).
import { createHash, generateKeyPair, type JsonWebKey, type KeyObject, sign } from 'node:crypto';
import { promisify } from 'node:util';
import * as dnsPacket from 'dns-packet';

/** RR type numbers (IANA DNS parameters). */
export const TYPE = {
  A: 1,
  NS: 2,
  CNAME: 5,
  SOA: 6,
  TXT: 16,
  AAAA: 28,
  DNAME: 39,
  OPT: 41,
  DS: 43,
  RRSIG: 46,
  NSEC: 47,
  DNSKEY: 48,
  NSEC3: 50,
  NSEC3PARAM: 51,
} as const;

export const TYPE_NAME: Readonly<Record<number, string>> = Object.fromEntries(
  Object.entries(TYPE).map(([name, number]) => [number, name]),
);

export const CLASS_IN = 1;

/** A trust anchor in DS form (RFC 4034 section 5): what a validator starts from. */
export interface TrustAnchor {
  readonly keyTag: number;
  readonly algorithm: number;
  readonly digestType: number;
  readonly digest: Uint8Array;
}

/** How one RRset's RRSIG is made, to break it on purpose. Times are seconds since 1970. */
export interface SignatureOptions {
  /** No RRSIG at all. */
  readonly omit?: boolean;
  /** The signature's bytes with one bit flipped. */
  readonly tamper?: boolean;
  readonly inception?: number;
  readonly expiration?: number;
  /**
   * Sign with the ZSK of this other zone of the world, which becomes the signer name: a valid
   * signature by a zone that is no ancestor of the owner (RFC 4035 section 5.3.1).
   */
  readonly signer?: string;
  /** The RRSIG's labels field, instead of the owner's count. */
  readonly labels?: number;
  /** The RRSIG's original TTL, instead of the RRset's (the signature then fails). */
  readonly originalTtl?: number;
}

/** One record: an RRset is every record of a zone with the same owner and type. */
export interface RecordSpec {
  /** The owner, absolute: `alice.user._bitcoin-payment.example.test`; `*.x.example.test`. */
  readonly name: string;
  readonly type: 'TXT' | 'CNAME' | 'DNAME' | 'A';
  /**
   * TXT: one string, split into character-strings of at most 255 bytes, or the character-strings
   * themselves; CNAME and DNAME: the target name; A: the address.
   */
  readonly data: string | readonly string[];
  /** The RRset's TTL (the first record of the RRset that sets one); default: the zone's. */
  readonly ttl?: number;
  /** The RRset's RRSIG (the first record of the RRset that sets it). */
  readonly signature?: SignatureOptions;
}

export interface ZoneSpec {
  /** `.`, `test`, `example.test`. */
  readonly name: string;
  /** DNSSEC algorithm number: 8 RSA/SHA-256, 13 P-256, 15 Ed25519 (default 13), etc. */
  readonly algorithm?: number;
  /** RSA modulus length in bits (default 2048). */
  readonly bits?: number;
  /** The digest type of this zone's DS in its parent (and of the root's trust anchor): default 2. */
  readonly digestType?: number;
  /**
   * The DS of this zone in its parent: the KSK's (default), another key's, the KSK's tag and
   * algorithm with a wrong digest, or no DS record at all (the parent holds NS only).
   */
  readonly ds?: 'ksk' | 'other-key' | 'bad-digest' | 'none';
  /** The keys whose RRSIGs cover the DNSKEY RRset: default `['ksk']`. */
  readonly dnskeySigners?: readonly ('ksk' | 'zsk')[];
  /** Faults of the DNSKEY RRset's RRSIGs. */
  readonly dnskeySignature?: SignatureOptions;
  /** Faults of the RRSIG over this zone's DS RRset, which the parent signs. */
  readonly dsSignature?: SignatureOptions;
  /** Faults every RRset of the zone (but DNSKEY) has unless its record says otherwise. */
  readonly signature?: SignatureOptions;
  /** Authenticated denial: NSEC3 (default) or NSEC. */
  readonly denial?: 'nsec3' | 'nsec';
  /** NSEC3 parameters: default 0 extra iterations, no salt (RFC 9276). */
  readonly nsec3?: { readonly iterations?: number; readonly salt?: Uint8Array };
  /** Wildcard answers come without the NSEC3/NSEC proof that no closer name exists. */
  readonly omitWildcardProof?: boolean;
  /** TTLs: records (default 3600), DNSKEY (3600), this zone's DS in the parent (86400). */
  readonly ttl?: number;
  readonly dnskeyTtl?: number;
  readonly dsTtl?: number;
  readonly records?: readonly RecordSpec[];
}

export interface WorldSpec {
  /** The time the world is built for, in seconds since 1970: tests pass a fixed one. */
  readonly now: number;
  /** Default signature validity: `now - 3600` to `now + 86400`. */
  readonly inception?: number;
  readonly expiration?: number;
  /** The root `.` and every zone below it; each zone's parent zone must be there too. */
  readonly zones: readonly ZoneSpec[];
}

/** A resource record, its RDATA uncompressed. */
export interface Rr {
  /** The owner as written (case kept), `.` for the root. */
  readonly name: string;
  readonly type: number;
  readonly ttl: number;
  readonly rdata: Uint8Array;
  /** RDATA in canonical form (RFC 4034 section 6.2: names lowercased). */
  readonly canonicalRdata: Uint8Array;
  /** CNAME and DNAME: the target name. */
  readonly target?: string;
  /** A CNAME synthesized from a DNAME (RFC 6672): no RRSIG covers it. */
  readonly synthesized?: boolean;
}

export interface RrSet {
  readonly name: string;
  readonly type: number;
  readonly ttl: number;
  readonly records: readonly Rr[];
  readonly signatures: readonly Rr[];
}

/** A DNSKEY and, for algorithms node:crypto has, its private key. */
export interface DnsKey {
  readonly flags: number;
  readonly algorithm: number;
  readonly publicKey: Uint8Array;
  /** DNSKEY RDATA. */
  readonly rdata: Uint8Array;
  readonly keyTag: number;
  readonly privateKey: KeyObject | undefined;
  readonly publicKeyObject: KeyObject | undefined;
}

/** An NSEC3 or NSEC RR with what finding it needs. */
export interface DenialRecord {
  /** NSEC3: the owner's hash; NSEC: the owner name, lowercase. */
  readonly owner: Uint8Array | string;
  readonly next: Uint8Array | string;
  readonly rrset: RrSet;
}

export interface Zone {
  /** Lowercase, `.` for the root. */
  readonly name: string;
  readonly spec: ZoneSpec;
  readonly algorithm: number;
  readonly ksk: DnsKey;
  readonly zsk: DnsKey;
  /** RRsets by lowercase owner, then type. DS RRsets of child zones are in the parent. */
  readonly rrsets: ReadonlyMap<string, ReadonlyMap<number, RrSet>>;
  /** Every name that exists in the zone: owners, empty non-terminals, delegation points. */
  readonly names: ReadonlySet<string>;
  /** The NSEC3 or NSEC chain, sorted. */
  readonly denial: readonly DenialRecord[];
  readonly nsec3: { readonly iterations: number; readonly salt: Uint8Array } | undefined;
}

export interface World {
  readonly now: number;
  /** By lowercase name, `.` for the root. */
  readonly zones: ReadonlyMap<string, Zone>;
  /** The DS form of the root's KSK. */
  readonly trustAnchor: TrustAnchor;
}

// --- names ---------------------------------------------------------------------------------------

/** The labels of a name, most specific first; `[]` for the root. */
export const labelsOf = (name: string): string[] => {
  const trimmed = name.endsWith('.') ? name.slice(0, -1) : name;
  return trimmed === '' ? [] : trimmed.split('.');
};

/** A name's lookup key: lowercase (ASCII, RFC 4343), no trailing dot, `.` for the root. */
export const keyOf = (name: string): string =>
  labelsOf(name)
    .map((label) => label.replace(/[A-Z]/g, (c) => c.toLowerCase()))
    .join('.') || '.';

const nameOf = (labels: readonly string[]): string => labels.join('.') || '.';

export const isAtOrBelow = (name: string, ancestor: string): boolean => {
  const n = labelsOf(keyOf(name));
  const a = labelsOf(keyOf(ancestor));
  return a.length <= n.length && a.every((label, i) => n[n.length - a.length + i] === label);
};

const parentOf = (name: string): string => nameOf(labelsOf(name).slice(1));

/** The wire form of a name (RFC 1035 section 3.1), uncompressed; lowercase if `canonical`. */
export const nameToWire = (name: string, canonical = false): Buffer => {
  const labels = labelsOf(canonical ? keyOf(name) : name);
  const parts: Buffer[] = [];
  for (const label of labels) {
    const bytes = Buffer.from(label, 'latin1');
    if (bytes.length < 1 || bytes.length > 63) throw new Error(`bad label in ${name}`);
    parts.push(Buffer.from([bytes.length]), bytes);
  }
  parts.push(Buffer.from([0]));
  return Buffer.concat(parts);
};

/** RFC 4034 section 6.1: labels compared from the root, each as lowercase octets. */
export const canonicalCompare = (a: string, b: string): number => {
  const x = labelsOf(keyOf(a)).reverse();
  const y = labelsOf(keyOf(b)).reverse();
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const c = Buffer.compare(Buffer.from(x[i] ?? '', 'latin1'), Buffer.from(y[i] ?? '', 'latin1'));
    if (c !== 0) return c;
  }
  return x.length - y.length;
};

/** The label count of an RRSIG (RFC 4034 section 3.1.3): no root, no leading `*`. */
export const rrsigLabels = (owner: string): number => {
  const labels = labelsOf(owner);
  return labels[0] === '*' ? labels.length - 1 : labels.length;
};

// --- records -------------------------------------------------------------------------------------

interface Codec {
  encode(data: unknown): Buffer;
}
/** dns-packet's per-type RDATA codecs (untyped in @types/dns-packet). */
const codecs = dnsPacket as unknown as Record<string, Codec>;

/** RDATA by dns-packet's encoder for `type` (the encoders write RDLENGTH first). */
const encodeRdata = (type: string, data: unknown): Buffer => {
  const codec = codecs[type.toLowerCase()];
  if (!codec) throw new Error(`no dns-packet codec for ${type}`);
  return codec.encode(data).subarray(2);
};

/** A TXT value as character-strings of at most 255 bytes (RFC 1035 section 3.3.14). */
export const splitTxt = (value: string): Buffer[] => {
  const bytes = Buffer.from(value, 'utf8');
  const strings: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += 255) strings.push(bytes.subarray(at, at + 255));
  return strings.length ? strings : [Buffer.alloc(0)];
};

const record = (
  name: string,
  type: number,
  ttl: number,
  rdata: Uint8Array,
  canonicalRdata: Uint8Array = rdata,
  target?: string,
): Rr => ({ name, type, ttl, rdata, canonicalRdata, ...(target === undefined ? {} : { target }) });

const recordOf = (spec: RecordSpec, ttl: number): Rr => {
  switch (spec.type) {
    case 'TXT': {
      const strings =
        typeof spec.data === 'string'
          ? splitTxt(spec.data)
          : spec.data.map((s) => Buffer.from(s, 'utf8'));
      if (strings.some((s) => s.length > 255)) throw new Error(`${spec.name}: a string > 255`);
      return record(spec.name, TYPE.TXT, ttl, encodeRdata('TXT', strings));
    }
    case 'CNAME':
    case 'DNAME': {
      const target = String(spec.data);
      return record(
        spec.name,
        TYPE[spec.type],
        ttl,
        nameToWire(target),
        nameToWire(target, true),
        target,
      );
    }
    case 'A':
      return record(spec.name, TYPE.A, ttl, encodeRdata('A', String(spec.data)));
  }
};

/** An RR in wire form, uncompressed (RFC 1035 section 4.1.3); canonical if asked (RFC 4034 6.2). */
export const rrToWire = (rr: Rr, canonical = false, ttl = rr.ttl): Buffer => {
  const owner = nameToWire(rr.name, canonical);
  const rdata = canonical ? rr.canonicalRdata : rr.rdata;
  const fixed = Buffer.alloc(10);
  fixed.writeUInt16BE(rr.type, 0);
  fixed.writeUInt16BE(CLASS_IN, 2);
  fixed.writeUInt32BE(ttl, 4);
  fixed.writeUInt16BE(rdata.length, 8);
  return Buffer.concat([owner, fixed, rdata]);
};

// --- keys ----------------------------------------------------------------------------------------

interface AlgorithmInfo {
  /** The node:crypto digest of `sign`, `null` for EdDSA. */
  readonly hash: string | null;
  readonly generate: (bits: number) => Promise<{ publicKey: KeyObject; privateKey: KeyObject }>;
  readonly publicKey: (key: KeyObject) => Buffer;
}

const generate = promisify(generateKeyPair) as (
  type: string,
  options: object,
) => Promise<{ publicKey: KeyObject; privateKey: KeyObject }>;

const jwk = (key: KeyObject) => key.export({ format: 'jwk' }) as JsonWebKey;
const b64 = (s: string | undefined) => Buffer.from(s ?? '', 'base64url');

/** RFC 3110 section 2: exponent length, exponent, modulus. */
const rsaPublicKey = (key: KeyObject): Buffer => {
  const { e, n } = jwk(key);
  const exponent = b64(e);
  const length =
    exponent.length < 256
      ? Buffer.from([exponent.length])
      : Buffer.from([0, exponent.length >> 8, exponent.length & 0xff]);
  return Buffer.concat([length, exponent, b64(n)]);
};
const rsa = (hash: string): AlgorithmInfo => ({
  hash,
  generate: (bits) => generate('rsa', { modulusLength: bits, publicExponent: 0x10001 }),
  publicKey: rsaPublicKey,
});
/** RFC 6605 section 4: x then y. */
const ecdsa = (curve: string, hash: string): AlgorithmInfo => ({
  hash,
  generate: () => generate('ec', { namedCurve: curve }),
  publicKey: (key) => Buffer.concat([b64(jwk(key).x), b64(jwk(key).y)]),
});
/** RFC 8080 section 3: the public key as is. */
const eddsa = (type: string): AlgorithmInfo => ({
  hash: null,
  generate: () => generate(type, {}),
  publicKey: (key) => b64(jwk(key).x),
});

/** The algorithms node:crypto signs with; any other number gets random key and signature bytes. */
const ALGORITHMS: Readonly<Record<number, AlgorithmInfo>> = {
  5: rsa('sha1'),
  7: rsa('sha1'),
  8: rsa('sha256'),
  10: rsa('sha512'),
  13: ecdsa('P-256', 'sha256'),
  14: ecdsa('P-384', 'sha384'),
  15: eddsa('ed25519'),
  16: eddsa('ed448'),
};

const RSA = new Set([5, 7, 8, 10]);

/** RFC 4034 Appendix B. */
export const keyTagOf = (dnskeyRdata: Uint8Array): number => {
  let ac = 0;
  for (let i = 0; i < dnskeyRdata.length; i++)
    ac += i & 1 ? (dnskeyRdata[i] ?? 0) : (dnskeyRdata[i] ?? 0) << 8;
  ac += (ac >> 16) & 0xffff;
  return ac & 0xffff;
};

export const dnskeyRdata = (flags: number, algorithm: number, publicKey: Uint8Array): Buffer =>
  encodeRdata('DNSKEY', { flags, algorithm, key: Buffer.from(publicKey) });

/**
 * Key pairs by zone, role, algorithm and size, made once per process: RSA key generation is slow,
 * and every world built for the same zones signs with the same keys.
 */
const keyCache = new Map<string, Promise<{ publicKey?: KeyObject; privateKey?: KeyObject }>>();

const makeKey = async (
  zone: string,
  role: 'ksk' | 'zsk' | 'other',
  algorithm: number,
  bits: number,
): Promise<DnsKey> => {
  const info = ALGORITHMS[algorithm];
  const id = `${zone}|${role}|${algorithm}|${RSA.has(algorithm) ? bits : ''}`;
  let pair = keyCache.get(id);
  if (!pair) {
    pair = info ? info.generate(bits) : Promise.resolve({});
    keyCache.set(id, pair);
  }
  const { publicKey, privateKey } = await pair;
  const flags = role === 'zsk' ? 256 : 257;
  // An algorithm node:crypto lacks: 64 bytes that stay the same for this zone and role.
  const raw =
    info && publicKey
      ? info.publicKey(publicKey)
      : createHash('sha512').update(`${zone}|${role}|${algorithm}`).digest();
  const rdata = dnskeyRdata(flags, algorithm, raw);
  return {
    flags,
    algorithm,
    publicKey: raw,
    rdata,
    keyTag: keyTagOf(rdata),
    privateKey,
    publicKeyObject: publicKey,
  };
};

/** A DS record's RDATA for `key` at `owner` (RFC 4034 section 5.1.4; digest types 1, 2, 4). */
export const dsRdata = (
  owner: string,
  key: DnsKey,
  digestType: number,
  corrupt = false,
): Buffer => {
  const hash = { 1: 'sha1', 2: 'sha256', 4: 'sha384' }[digestType];
  const digest = hash
    ? createHash(hash)
        .update(Buffer.concat([nameToWire(owner, true), key.rdata]))
        .digest()
    : createHash('sha256').update(key.rdata).digest();
  if (corrupt) digest[0] = (digest[0] ?? 0) ^ 0xff;
  return encodeRdata('DS', { keyTag: key.keyTag, algorithm: key.algorithm, digestType, digest });
};

// --- signatures ----------------------------------------------------------------------------------

/** The signed data of RFC 4034 section 3.1.8.1, RRs sorted and deduplicated (section 6.3). */
export const signedData = (
  rrsigRdataWithoutSignature: Uint8Array,
  records: readonly Rr[],
  originalTtl: number,
  owner?: string,
): Buffer => {
  const rrs = records.map((rr) => ({
    rdata: Buffer.from(rr.canonicalRdata),
    wire: rrToWire(owner === undefined ? rr : { ...rr, name: owner }, true, originalTtl),
  }));
  const unique = [...new Map(rrs.map((rr) => [rr.wire.toString('hex'), rr])).values()];
  unique.sort((a, b) => Buffer.compare(a.rdata, b.rdata));
  return Buffer.concat([rrsigRdataWithoutSignature, ...unique.map((rr) => rr.wire)]);
};

/** The RRSIG RDATA fields before the signature (RFC 4034 section 3.1), signer lowercase. */
const rrsigHead = (fields: {
  typeCovered: number;
  algorithm: number;
  labels: number;
  originalTtl: number;
  expiration: number;
  inception: number;
  keyTag: number;
  signer: string;
}): Buffer => {
  const fixed = Buffer.alloc(18);
  fixed.writeUInt16BE(fields.typeCovered, 0);
  fixed.writeUInt8(fields.algorithm, 2);
  fixed.writeUInt8(fields.labels, 3);
  fixed.writeUInt32BE(fields.originalTtl, 4);
  fixed.writeUInt32BE(fields.expiration >>> 0, 8);
  fixed.writeUInt32BE(fields.inception >>> 0, 12);
  fixed.writeUInt16BE(fields.keyTag, 16);
  return Buffer.concat([fixed, nameToWire(fields.signer, true)]);
};

/** Signs `data` with `key` the way its algorithm says (RFC 3110/5702, 6605, 8080). */
export const signWith = (key: DnsKey, data: Uint8Array): Buffer => {
  const info = ALGORITHMS[key.algorithm];
  if (!info || !key.privateKey) return createHash('sha512').update(data).digest();
  if (key.algorithm === 13 || key.algorithm === 14)
    return sign(info.hash, data, { key: key.privateKey, dsaEncoding: 'ieee-p1363' });
  return sign(info.hash, data, key.privateKey);
};

interface Validity {
  readonly inception: number;
  readonly expiration: number;
}

/** The RRSIG RR over `records` (one RRset) by `key` of zone `signer`, with the asked faults. */
export const makeRrsig = (
  records: readonly Rr[],
  key: DnsKey,
  signer: string,
  validity: Validity,
  options: SignatureOptions = {},
): Rr => {
  const first = records[0];
  if (!first) throw new Error('an empty RRset');
  const head = rrsigHead({
    typeCovered: first.type,
    algorithm: key.algorithm,
    labels: options.labels ?? rrsigLabels(first.name),
    originalTtl: options.originalTtl ?? first.ttl,
    expiration: options.expiration ?? validity.expiration,
    inception: options.inception ?? validity.inception,
    keyTag: key.keyTag,
    signer,
  });
  const signature = signWith(key, signedData(head, records, first.ttl));
  if (options.tamper)
    signature[signature.length >> 1] = (signature[signature.length >> 1] ?? 0) ^ 1;
  const rdata = Buffer.concat([head, signature]);
  return record(first.name, TYPE.RRSIG, first.ttl, rdata);
};

// --- NSEC3 and NSEC ------------------------------------------------------------------------------

/** RFC 5155 section 5: SHA-1 of the canonical wire name and salt, iterated. */
export const nsec3Hash = (name: string, salt: Uint8Array, iterations: number): Buffer => {
  let hash = createHash('sha1')
    .update(Buffer.concat([nameToWire(name, true), salt]))
    .digest();
  for (let i = 0; i < iterations; i++)
    hash = createHash('sha1')
      .update(Buffer.concat([hash, salt]))
      .digest();
  return hash;
};

const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';
/** RFC 4648 section 7, lowercase, no padding (RFC 5155 section 3.3). */
export const base32hex = (bytes: Uint8Array): string => {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32HEX[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32HEX[(value << (5 - bits)) & 31];
  return out;
};

/** Whether the NSEC3 hash or NSEC name `x` falls strictly between `owner` and `next`. */
export const covers = (entry: DenialRecord, x: Uint8Array | string): boolean => {
  const cmp = (a: Uint8Array | string, b: Uint8Array | string) =>
    typeof a === 'string' && typeof b === 'string'
      ? canonicalCompare(a, b)
      : Buffer.compare(Buffer.from(a as Uint8Array), Buffer.from(b as Uint8Array));
  const afterOwner = cmp(entry.owner, x) < 0;
  const beforeNext = cmp(x, entry.next) < 0;
  // The last of the chain wraps around to the first.
  return cmp(entry.owner, entry.next) < 0 ? afterOwner && beforeNext : afterOwner || beforeNext;
};

// --- the world -----------------------------------------------------------------------------------

const typeNames = (types: Iterable<number>): string[] =>
  [...new Set(types)].sort((a, b) => a - b).map((t) => TYPE_NAME[t] ?? `TYPE${t}`);

/** Builds and signs every zone of `spec`; keys are made once per process and reused. */
export const buildWorld = async (spec: WorldSpec): Promise<World> => {
  const validity: Validity = {
    inception: spec.inception ?? spec.now - 3600,
    expiration: spec.expiration ?? spec.now + 86400,
  };
  const specs = new Map(spec.zones.map((z) => [keyOf(z.name), z]));
  if (!specs.has('.')) throw new Error('a world needs the root zone');
  for (const name of specs.keys())
    if (name !== '.' && !specs.has(parentZoneName(specs, name)))
      throw new Error(`${name}: no parent zone`);

  // Keys of every zone, all generated at once.
  const keyed = new Map(
    await Promise.all(
      [...specs].map(async ([name, z]) => {
        const algorithm = z.algorithm ?? 13;
        const bits = z.bits ?? 2048;
        const [ksk, zsk, other] = await Promise.all([
          makeKey(name, 'ksk', algorithm, bits),
          makeKey(name, 'zsk', algorithm, bits),
          z.ds === 'other-key' ? makeKey(name, 'other', algorithm, bits) : undefined,
        ]);
        return [name, { ksk, zsk, other }] as const;
      }),
    ),
  );
  const keysOf = (name: string) => {
    const keys = keyed.get(name);
    if (!keys) throw new Error(`no zone ${name} in the world`);
    return keys;
  };

  const zones = new Map<string, Zone>();
  for (const [name, z] of specs) {
    const { ksk, zsk } = keysOf(name);
    const algorithm = z.algorithm ?? 13;
    const ttl = z.ttl ?? 3600;
    const children = [...specs.keys()].filter(
      (child) => child !== name && parentZoneName(specs, child) === name,
    );
    // Unsigned RRsets, by owner and type, and the signature options of each.
    const sets = new Map<string, Map<number, { records: Rr[]; options: SignatureOptions }>>();
    const add = (rr: Rr, options: SignatureOptions | undefined = z.signature) => {
      const owner = keyOf(rr.name);
      const byType = sets.get(owner) ?? new Map();
      sets.set(owner, byType);
      const set = byType.get(rr.type);
      if (set) set.records.push({ ...rr, ttl: set.records[0]?.ttl ?? rr.ttl });
      else byType.set(rr.type, { records: [rr], options: options ?? {} });
    };
    const apex = name === '.' ? '.' : name;
    add(
      record(
        apex,
        TYPE.SOA,
        ttl,
        encodeRdata('SOA', {
          mname: `ns1.${name === '.' ? 'root-servers.test' : name}`,
          rname: `hostmaster.${name === '.' ? 'root-servers.test' : name}`,
          serial: 2025061501,
          refresh: 7200,
          retry: 3600,
          expire: 1209600,
          minimum: 3600,
        }),
      ),
    );
    const ns = (owner: string) => {
      const target = `ns1.${owner === '.' ? 'root-servers.test' : owner}`;
      return record(owner, TYPE.NS, ttl, nameToWire(target), nameToWire(target, true), target);
    };
    add(ns(apex));
    const nsec3 =
      z.denial === 'nsec'
        ? undefined
        : { iterations: z.nsec3?.iterations ?? 0, salt: Buffer.from(z.nsec3?.salt ?? []) };
    if (nsec3) {
      const param = Buffer.concat([
        Buffer.from([1, 0, nsec3.iterations >> 8, nsec3.iterations & 0xff, nsec3.salt.length]),
        nsec3.salt,
      ]);
      add(record(apex, TYPE.NSEC3PARAM, 0, param));
    }
    for (const r of z.records ?? []) {
      if (!isAtOrBelow(r.name, name) || zoneOfName(specs, r.name) !== name)
        throw new Error(`${r.name} is not in zone ${name}`);
      const owner = keyOf(r.name);
      const existing = sets.get(owner)?.get(TYPE[r.type]);
      add(recordOf(r, existing?.records[0]?.ttl ?? r.ttl ?? ttl), r.signature ?? z.signature);
    }
    // Delegations: NS (never signed) and DS.
    const delegationNs = new Map<string, Rr>();
    for (const child of children) {
      const c = specs.get(child) as ZoneSpec;
      delegationNs.set(child, ns(child));
      if (c.ds === 'none') continue;
      const childKeys = keysOf(child);
      const digestType = c.digestType ?? 2;
      const key = c.ds === 'other-key' && childKeys.other ? childKeys.other : childKeys.ksk;
      add(
        record(
          child,
          TYPE.DS,
          c.dsTtl ?? 86400,
          dsRdata(child, key, digestType, c.ds === 'bad-digest'),
        ),
        c.dsSignature ?? {},
      );
    }

    // Every name of the zone: owners, delegation points and the empty non-terminals above them.
    const names = new Set<string>();
    for (const owner of [...sets.keys(), ...delegationNs.keys()]) {
      for (let n = owner; n !== name && n !== '.'; n = parentOf(n)) names.add(n);
      names.add(name);
    }

    // Signing.
    const rrsets = new Map<string, Map<number, RrSet>>();
    const put = (set: RrSet) => {
      const owner = keyOf(set.name);
      const byType = rrsets.get(owner) ?? new Map<number, RrSet>();
      rrsets.set(owner, byType);
      byType.set(set.type, set);
    };
    const signSet = (records: Rr[], options: SignatureOptions): RrSet => {
      const first = records[0] as Rr;
      let key = zsk;
      let signer = name;
      if (options.signer !== undefined) {
        signer = keyOf(options.signer);
        key = keysOf(signer).zsk;
      }
      const signatures = options.omit ? [] : [makeRrsig(records, key, signer, validity, options)];
      return { name: first.name, type: first.type, ttl: first.ttl, records, signatures };
    };
    for (const byType of sets.values())
      for (const { records, options } of byType.values()) put(signSet(records, options));
    for (const rr of delegationNs.values())
      put({ name: rr.name, type: TYPE.NS, ttl: rr.ttl, records: [rr], signatures: [] });

    const dnskeys = [ksk, zsk].map((k) => record(apex, TYPE.DNSKEY, z.dnskeyTtl ?? 3600, k.rdata));
    const dnskeyOptions = z.dnskeySignature ?? {};
    put({
      name: apex,
      type: TYPE.DNSKEY,
      ttl: z.dnskeyTtl ?? 3600,
      records: dnskeys,
      signatures: dnskeyOptions.omit
        ? []
        : (z.dnskeySigners ?? ['ksk']).map((role) =>
            makeRrsig(dnskeys, role === 'ksk' ? ksk : zsk, name, validity, dnskeyOptions),
          ),
    });

    // The denial chain, over every name with the types there (RFC 5155 section 7.1; 4034 4.1.2).
    const typesAt = (n: string): number[] => {
      const types = [...(rrsets.get(n)?.keys() ?? [])];
      const signed = [...(rrsets.get(n)?.values() ?? [])].some((s) => s.signatures.length);
      return types.length ? [...types, ...(signed ? [TYPE.RRSIG] : [])] : [];
    };
    const nsecTtl = 3600;
    const denial: DenialRecord[] = [];
    if (nsec3) {
      const hashed = [...names]
        .map((n) => ({ hash: nsec3Hash(n, nsec3.salt, nsec3.iterations), types: typesAt(n) }))
        .sort((a, b) => Buffer.compare(a.hash, b.hash));
      hashed.forEach(({ hash, types }, i) => {
        const next = (hashed[(i + 1) % hashed.length] as { hash: Buffer }).hash;
        const rdata = encodeRdata('NSEC3', {
          algorithm: 1,
          flags: 0,
          iterations: nsec3.iterations,
          salt: nsec3.salt,
          nextDomain: next,
          rrtypes: typeNames(types),
        });
        const owner = `${base32hex(hash)}${name === '.' ? '' : `.${name}`}`;
        const rr = record(owner, TYPE.NSEC3, nsecTtl, rdata);
        denial.push({ owner: hash, next, rrset: signSet([rr], z.signature ?? {}) });
      });
    } else {
      // NSEC: no record for empty non-terminals.
      const owners = [...names]
        .filter((n) => typesAt(n).length)
        .sort((a, b) => canonicalCompare(a, b));
      owners.forEach((owner, i) => {
        const next = owners[(i + 1) % owners.length] as string;
        const rdata = encodeRdata('NSEC', {
          nextDomain: next,
          rrtypes: typeNames([...typesAt(owner), TYPE.NSEC, TYPE.RRSIG]),
        });
        const rr = record(owner, TYPE.NSEC, nsecTtl, rdata, rdata);
        const set = signSet([rr], z.signature ?? {});
        denial.push({ owner, next, rrset: set });
        put(set);
      });
    }
    zones.set(name, {
      name,
      spec: z,
      algorithm,
      ksk,
      zsk,
      rrsets,
      names,
      denial,
      nsec3,
    });
  }
  const root = zones.get('.') as Zone;
  const rootSpec = specs.get('.') as ZoneSpec;
  return {
    now: spec.now,
    zones,
    trustAnchor: trustAnchorOf(root.ksk, rootSpec.digestType ?? 2),
  };
};

/** The DS form of a root key, as a trust anchor. */
export const trustAnchorOf = (key: DnsKey, digestType = 2): TrustAnchor => {
  const rdata = dsRdata('.', key, digestType);
  return {
    keyTag: key.keyTag,
    algorithm: key.algorithm,
    digestType,
    digest: new Uint8Array(rdata.subarray(4)),
  };
};

/** The closest enclosing zone name among `zones` (lowercase keys). */
const zoneOfName = (zones: { has(name: string): boolean }, name: string): string => {
  for (let n = keyOf(name); ; n = parentOf(n)) {
    if (zones.has(n)) return n;
    if (n === '.') throw new Error('no root zone');
  }
};
const parentZoneName = (zones: { has(name: string): boolean }, name: string): string =>
  zoneOfName(zones, parentOf(keyOf(name)));

/** The zone answering `type` at `name`: DS at a zone cut is in the parent. */
export const zoneFor = (world: World, name: string, type: number): Zone => {
  const key = keyOf(name);
  const own = zoneOfName(world.zones, key);
  const chosen =
    type === TYPE.DS && own === key && own !== '.' ? parentZoneName(world.zones, key) : own;
  return world.zones.get(chosen) as Zone;
};

// --- lookups, as a recursive resolver answers -----------------------------------------------------

export interface Resolution {
  /** 0 NOERROR, 3 NXDOMAIN. */
  readonly rcode: number;
  readonly answers: readonly Rr[];
  readonly authorities: readonly Rr[];
}

/** How many CNAME/DNAME steps a resolution follows before it answers with what it has. */
export const MAX_ALIASES = 12;

const flat = (sets: readonly (RrSet | undefined)[]): Rr[] =>
  sets.flatMap((s) => (s ? [...s.records, ...s.signatures] : []));

/** The records of `set` with `owner` as their name (wildcard expansion, RFC 4035 section 5.3.4). */
const expand = (set: RrSet, owner: string): RrSet => ({
  ...set,
  name: owner,
  records: set.records.map((r) => ({ ...r, name: owner })),
  signatures: set.signatures.map((r) => ({ ...r, name: owner })),
});

/** Denial records: NSEC3 matching/covering a name, or NSEC at/covering it. */
const matching = (zone: Zone, name: string): RrSet | undefined => {
  if (zone.nsec3) {
    const hash = nsec3Hash(name, zone.nsec3.salt, zone.nsec3.iterations);
    return zone.denial.find((d) => Buffer.compare(d.owner as Uint8Array, hash) === 0)?.rrset;
  }
  return zone.denial.find((d) => d.owner === keyOf(name))?.rrset;
};
const covering = (zone: Zone, name: string): RrSet | undefined => {
  const x = zone.nsec3 ? nsec3Hash(name, zone.nsec3.salt, zone.nsec3.iterations) : keyOf(name);
  return zone.denial.find((d) => covers(d, x))?.rrset;
};

/** The NSEC3 or NSEC records a wildcard answer for `qname` from `encloser` comes with. */
export const wildcardProof = (zone: Zone, qname: string, encloser: string): RrSet | undefined => {
  const nextCloser = nameOf(labelsOf(keyOf(qname)).slice(-labelsOf(encloser).length - 1));
  return covering(zone, zone.nsec3 ? nextCloser : qname);
};

interface Step {
  readonly rcode: number;
  readonly answers: Rr[];
  readonly authorities: Rr[];
  readonly alias?: string;
}

/** One zone's answer for `qname`/`qtype` (RFC 1034 section 4.3.2, RFC 6672, RFC 4035 3.1.3). */
const lookupInZone = (zone: Zone, qname: string, qtype: number): Step => {
  const key = keyOf(qname);
  const at = (n: string, t: number) => zone.rrsets.get(n)?.get(t);
  const soa = () => flat([at(zone.name, TYPE.SOA)]);
  const qLabels = labelsOf(key);
  const zLabels = labelsOf(zone.name).length;
  // A DNAME above the name, nearest the apex first.
  for (let depth = zLabels; depth < qLabels.length; depth++) {
    const ancestor = nameOf(qLabels.slice(qLabels.length - depth));
    const dname = at(ancestor, TYPE.DNAME);
    if (!dname) continue;
    const target = dname.records[0]?.target as string;
    const synthesized = nameOf([
      ...labelsOf(qname).slice(0, qLabels.length - depth),
      ...labelsOf(target),
    ]);
    const cname: Rr = {
      ...record(
        qname,
        TYPE.CNAME,
        dname.ttl,
        nameToWire(synthesized),
        nameToWire(synthesized, true),
        synthesized,
      ),
      synthesized: true,
    };
    return { rcode: 0, answers: [...flat([dname]), cname], authorities: [], alias: synthesized };
  }
  if (zone.names.has(key)) {
    const wanted = at(key, qtype);
    if (wanted) return { rcode: 0, answers: flat([wanted]), authorities: [] };
    const cname = at(key, TYPE.CNAME);
    if (cname)
      return {
        rcode: 0,
        answers: flat([cname]),
        authorities: [],
        alias: cname.records[0]?.target as string,
      };
    const proof = matching(zone, key) ?? (zone.nsec3 ? undefined : covering(zone, key));
    return { rcode: 0, answers: [], authorities: [...soa(), ...flat([proof])] };
  }
  // The closest encloser, and its wildcard (RFC 4592).
  let encloser = key;
  while (!zone.names.has(encloser)) encloser = parentOf(encloser);
  const wildcard = encloser === '.' ? '*' : `*.${encloser}`;
  const nextCloser = nameOf(qLabels.slice(-labelsOf(encloser).length - 1));
  if (zone.names.has(wildcard)) {
    const proof = zone.spec.omitWildcardProof ? [] : flat([wildcardProof(zone, qname, encloser)]);
    const wanted = at(wildcard, qtype);
    if (wanted) return { rcode: 0, answers: flat([expand(wanted, qname)]), authorities: proof };
    const cname = at(wildcard, TYPE.CNAME);
    if (cname)
      return {
        rcode: 0,
        answers: flat([expand(cname, qname)]),
        authorities: proof,
        alias: cname.records[0]?.target as string,
      };
    return {
      rcode: 0,
      answers: [],
      authorities: [
        ...soa(),
        ...dedupe([matching(zone, encloser), covering(zone, nextCloser), matching(zone, wildcard)]),
      ],
    };
  }
  // NXDOMAIN: the closest encloser proof and no wildcard (RFC 5155 section 7.2.2).
  const proof = zone.nsec3
    ? dedupe([matching(zone, encloser), covering(zone, nextCloser), covering(zone, wildcard)])
    : dedupe([covering(zone, key), covering(zone, wildcard)]);
  return { rcode: 3, answers: [], authorities: [...soa(), ...proof] };
};

const dedupe = (sets: (RrSet | undefined)[]): Rr[] =>
  flat([...new Set(sets.filter((s): s is RrSet => s !== undefined))]);

/**
 * What a recursive resolver answers for `name`/`type` from this world: the RRset with its RRSIGs,
 * following CNAMEs and DNAMEs across zones (at most MAX_ALIASES of them), with wildcard proofs;
 * NODATA or NXDOMAIN with SOA and denial records.
 */
export const resolve = (world: World, name: string, type: number): Resolution => {
  const answers: Rr[] = [];
  const authorities: Rr[] = [];
  let qname = name;
  for (let step = 0; ; step++) {
    const zone = zoneFor(world, qname, type);
    const result = lookupInZone(zone, qname, type);
    answers.push(...result.answers);
    authorities.push(...result.authorities);
    if (result.alias === undefined || type === TYPE.CNAME || step >= MAX_ALIASES)
      return { rcode: result.rcode, answers, authorities };
    if (type === TYPE.DNAME && result.answers.some((rr) => rr.type === TYPE.DNAME))
      return { rcode: 0, answers, authorities };
    qname = result.alias;
  }
};

// --- RFC 9102 ------------------------------------------------------------------------------------

export interface ChainOptions {
  /** The record type asked (default TXT). */
  readonly type?: number;
  /** Include the unsigned CNAMEs synthesized from DNAMEs (default: no, a verifier makes them). */
  readonly synthesized?: boolean;
  /** Permute the records with this seed (default: answers first, then keys leaf to root). */
  readonly shuffle?: number;
}

/** The RRs of an RFC 9102 AuthenticationChain for `name`: the answer and every key up to the root. */
export const authenticationChainRecords = (
  world: World,
  name: string,
  options: ChainOptions = {},
): Rr[] => {
  const { answers, authorities } = resolve(world, name, options.type ?? TYPE.TXT);
  const out: Rr[] = [
    ...answers.filter((rr) => options.synthesized || !rr.synthesized),
    ...authorities,
  ];
  const done = new Set<string>();
  // A zone's DNSKEY RRset, its DS RRset in the parent, and so on up to the root.
  const need = (zoneName: string): void => {
    if (done.has(zoneName) || !world.zones.has(zoneName)) return;
    done.add(zoneName);
    const zone = world.zones.get(zoneName) as Zone;
    out.push(...flat([zone.rrsets.get(zone.name)?.get(TYPE.DNSKEY)]));
    if (zoneName === '.') return;
    const parent = zoneFor(world, zoneName, TYPE.DS);
    out.push(...flat([parent.rrsets.get(zoneName)?.get(TYPE.DS)]));
    need(parent.name);
  };
  const signerOf = (rrsig: Rr) => {
    const buf = Buffer.from(rrsig.rdata);
    const labels: string[] = [];
    for (let at = 18; buf[at] !== 0; at += (buf[at] ?? 0) + 1)
      labels.push(buf.subarray(at + 1, at + 1 + (buf[at] ?? 0)).toString('latin1'));
    return nameOf(labels);
  };
  for (let i = 0; i < out.length; i++) {
    const rr = out[i] as Rr;
    // The signer's keys, and those of the zone holding the record (an unsigned one included).
    if (rr.type === TYPE.RRSIG) need(signerOf(rr));
    else if (!rr.synthesized && rr.type !== TYPE.NSEC3) need(zoneFor(world, rr.name, rr.type).name);
  }
  const unique = [...new Map(out.map((rr) => [rrToWire(rr).toString('hex'), rr])).values()];
  if (options.shuffle !== undefined) {
    let seed = options.shuffle >>> 0 || 1;
    for (let i = unique.length - 1; i > 0; i--) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const j = seed % (i + 1);
      [unique[i], unique[j]] = [unique[j] as Rr, unique[i] as Rr];
    }
  }
  return unique;
};

/** An RFC 9102 AuthenticationChain: the RRs, uncompressed, one after the other. */
export const authenticationChain = (
  world: World,
  name: string,
  options: ChainOptions = {},
): Uint8Array =>
  new Uint8Array(
    Buffer.concat(authenticationChainRecords(world, name, options).map((rr) => rrToWire(rr))),
  );

/** A BIP 353 PSBT_OUT_DNSSEC_PROOF value: the 1-byte-length-prefixed name, then the chain. */
export const psbtDnssecProof = (humanReadableName: string, chain: Uint8Array): Uint8Array => {
  const nameBytes = Buffer.from(humanReadableName, 'utf8');
  return new Uint8Array(Buffer.concat([Buffer.from([nameBytes.length]), nameBytes, chain]));
};

/** The world's records of `type` at `name`, from the zone holding them (DS: from the parent). */
export const rrsetAt = (world: World, name: string, type: number): RrSet | undefined =>
  zoneFor(world, name, type).rrsets.get(keyOf(name))?.get(type);
