// The DNS world checked before the tests of @lninvoice/bip353 rely on it: its proofs read back
// with dns-packet and verified with node:crypto by a small validator written here (from the RFCs,
// apart from the code that signs), its DS records, NSEC3 and NSEC proofs, and the DoH endpoint.
import { createHash, createPublicKey, type KeyObject, verify } from 'node:crypto';
import * as dnsPacket from 'dns-packet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ADDRESS_URI,
  ALICE_URI,
  authenticationChain,
  authenticationChainRecords,
  buildWorld,
  type DohServer,
  encodeMessage,
  psbtDnssecProof,
  SCENARIO_NOW,
  SCENARIOS,
  scenario,
  scenarioWorld,
  startDohServer,
  TRANSPORT_FAULTS,
  type TrustAnchor,
  TYPE,
  type World,
  wrongTrustAnchor,
} from './dns-service.js';

// --- reading RRs back, with dns-packet -----------------------------------------------------------

interface Codec<T> {
  decode: ((buf: Buffer, offset?: number) => T) & { bytes: number };
  encode: (value: T) => Buffer;
}
const codec = dnsPacket as unknown as {
  name: Codec<string>;
  answer: Codec<dnsPacket.Answer>;
};

interface WireRr {
  readonly name: string;
  readonly type: number;
  readonly ttl: number;
  readonly rdata: Buffer;
  readonly data: unknown;
}

const readRrs = (bytes: Uint8Array): WireRr[] => {
  const buf = Buffer.from(bytes);
  const out: WireRr[] = [];
  for (let at = 0; at < buf.length; ) {
    const start = at;
    const name = codec.name.decode(buf, at);
    at += codec.name.decode.bytes;
    const type = buf.readUInt16BE(at);
    expect(buf.readUInt16BE(at + 2)).toBe(1);
    const ttl = buf.readUInt32BE(at + 4);
    const length = buf.readUInt16BE(at + 8);
    const rdata = buf.subarray(at + 10, at + 10 + length);
    const data = (codec.answer.decode(buf, start) as { data?: unknown }).data;
    at += 10 + length;
    out.push({ name, type, ttl, rdata, data });
  }
  return out;
};

const lower = (name: string) => name.toLowerCase().replace(/\.$/, '') || '.';
const labels = (name: string) => (lower(name) === '.' ? [] : lower(name).split('.'));
const wire = (name: string) => codec.name.encode(lower(name));
const isAncestor = (ancestor: string, name: string) => {
  const a = labels(ancestor);
  const n = labels(name);
  return a.length <= n.length && a.every((l, i) => n[n.length - a.length + i] === l);
};

// --- a small validator ---------------------------------------------------------------------------

const publicKeyOf = (algorithm: number, key: Buffer): KeyObject | undefined => {
  const b64 = (b: Buffer) => b.toString('base64url');
  switch (algorithm) {
    case 5:
    case 7:
    case 8:
    case 10: {
      const long = key[0] === 0;
      const eLength = long ? key.readUInt16BE(1) : (key[0] as number);
      const eAt = long ? 3 : 1;
      const e = key.subarray(eAt, eAt + eLength);
      const n = key.subarray(eAt + eLength);
      return createPublicKey({ key: { kty: 'RSA', n: b64(n), e: b64(e) }, format: 'jwk' });
    }
    case 13:
    case 14: {
      const half = key.length / 2;
      const crv = algorithm === 13 ? 'P-256' : 'P-384';
      const [x, y] = [key.subarray(0, half), key.subarray(half)];
      return createPublicKey({ key: { kty: 'EC', crv, x: b64(x), y: b64(y) }, format: 'jwk' });
    }
    case 15:
    case 16: {
      const crv = algorithm === 15 ? 'Ed25519' : 'Ed448';
      return createPublicKey({ key: { kty: 'OKP', crv, x: b64(key) }, format: 'jwk' });
    }
    default:
      return undefined;
  }
};
const HASH: Record<number, string | null> = {
  5: 'sha1',
  7: 'sha1',
  8: 'sha256',
  10: 'sha512',
  13: 'sha256',
  14: 'sha384',
  15: null,
  16: null,
};

const keyTag = (rdata: Buffer) => {
  let ac = 0;
  rdata.forEach((byte, i) => {
    ac += i & 1 ? byte : byte << 8;
  });
  return (ac + ((ac >> 16) & 0xffff)) & 0xffff;
};

/** RDATA in canonical form: the names of CNAME, DNAME, NS, SOA lowercased (RFC 4034 6.2). */
const canonicalRdata = (rr: WireRr): Buffer => {
  if (rr.type === TYPE.CNAME || rr.type === TYPE.DNAME || rr.type === TYPE.NS)
    return wire(codec.name.decode(rr.rdata, 0));
  return rr.rdata;
};

type Reason =
  | 'missing-signature'
  | 'invalid-signature'
  | 'expired'
  | 'not-yet-valid'
  | 'ds-mismatch'
  | 'missing-ds'
  | 'unsupported-algorithm';

/** RFC 4035 section 5.3: the RRSIGs of `set` by a key of `keys` that verify at `now`. */
const checkSet = (
  set: WireRr[],
  rrsigs: WireRr[],
  keysOf: (zone: string) => WireRr[],
  now: number,
): { signers: string[]; reason?: Reason } => {
  const first = set[0] as WireRr;
  let reason: Reason = 'missing-signature';
  const signers: string[] = [];
  for (const sig of rrsigs) {
    const data = sig.data as dnsPacket.RrsigData;
    if (!isAncestor(data.signersName, first.name)) continue;
    const signer = lower(data.signersName);
    if (data.inception > now) {
      reason = 'not-yet-valid';
      continue;
    }
    if (data.expiration < now) {
      reason = 'expired';
      continue;
    }
    const head = sig.rdata.subarray(0, sig.rdata.length - data.signature.length);
    expect(head.subarray(18).equals(wire(signer))).toBe(true); // the signer is uncompressed, lowercase
    const ownerLabels = labels(first.name);
    const owner =
      data.labels < ownerLabels.length
        ? `*.${ownerLabels.slice(-data.labels).join('.')}`
        : lower(first.name);
    const rrs = set
      .map((rr) => {
        const rdata = canonicalRdata(rr);
        const fixed = Buffer.alloc(10);
        fixed.writeUInt16BE(rr.type, 0);
        fixed.writeUInt16BE(1, 2);
        fixed.writeUInt32BE(data.originalTTL, 4);
        fixed.writeUInt16BE(rdata.length, 8);
        return { rdata, bytes: Buffer.concat([wire(owner), fixed, rdata]) };
      })
      .sort((a, b) => Buffer.compare(a.rdata, b.rdata));
    const signed = Buffer.concat([head, ...rrs.map((rr) => rr.bytes)]);
    for (const key of keysOf(signer)) {
      const k = key.data as dnsPacket.DnskeyData;
      if (k.algorithm !== data.algorithm || keyTag(key.rdata) !== data.keyTag) continue;
      const publicKey = publicKeyOf(k.algorithm, k.key);
      if (!publicKey) {
        reason = 'unsupported-algorithm';
        continue;
      }
      const hash = HASH[k.algorithm] ?? null;
      const good = verify(
        hash,
        signed,
        k.algorithm === 13 || k.algorithm === 14
          ? { key: publicKey, dsaEncoding: 'ieee-p1363' }
          : publicKey,
        data.signature,
      );
      if (good) signers.push(signer);
      else reason = 'invalid-signature';
    }
  }
  return signers.length ? { signers } : { signers, reason };
};

const dsMatches = (owner: string, ds: dnsPacket.DsData, dnskey: WireRr): boolean => {
  const hash = { 1: 'sha1', 2: 'sha256', 4: 'sha384' }[ds.digestType];
  if (!hash) return false;
  const digest = createHash(hash)
    .update(Buffer.concat([wire(owner), dnskey.rdata]))
    .digest();
  return (
    keyTag(dnskey.rdata) === ds.keyTag &&
    (dnskey.data as dnsPacket.DnskeyData).algorithm === ds.algorithm &&
    digest.equals(ds.digest)
  );
};

/**
 * Every signed RRset of a proof verifies, by a zone whose DNSKEY RRset is signed by a key its
 * parent's DS (or, for the root, the trust anchor) names. The synthesized CNAMEs of DNAMEs aside.
 */
const validate = (
  bytes: Uint8Array,
  anchor: TrustAnchor,
  now: number,
): { ok: true; rrs: WireRr[] } | { ok: false; reason: Reason | 'trust-anchor-mismatch' } => {
  const rrs = readRrs(bytes);
  const sets = new Map<string, WireRr[]>();
  const sigs = new Map<string, WireRr[]>();
  for (const rr of rrs) {
    const covered =
      rr.type === TYPE.RRSIG
        ? (TYPE as Record<string, number>)[(rr.data as dnsPacket.RrsigData).typeCovered]
        : rr.type;
    const id = `${lower(rr.name)}|${covered}`;
    const map = rr.type === TYPE.RRSIG ? sigs : sets;
    map.set(id, [...(map.get(id) ?? []), rr]);
  }
  const keysOf = (zone: string) => sets.get(`${zone}|${TYPE.DNSKEY}`) ?? [];
  const secureZones = new Map<string, Reason | 'trust-anchor-mismatch' | true>();
  const zoneSecure = (zone: string): Reason | 'trust-anchor-mismatch' | true => {
    const known = secureZones.get(zone);
    if (known !== undefined) return known;
    const keys = keysOf(zone);
    let result: Reason | 'trust-anchor-mismatch' | true;
    if (!keys.length) result = 'missing-signature';
    else {
      const { signers, reason } = checkSet(
        keys,
        sigs.get(`${zone}|${TYPE.DNSKEY}`) ?? [],
        keysOf,
        now,
      );
      if (!signers.length) result = reason ?? 'missing-signature';
      else {
        // The keys that signed the DNSKEY RRset, one of which the DS or the anchor must name.
        const signing = keys.filter((key) =>
          (sigs.get(`${zone}|${TYPE.DNSKEY}`) ?? []).some(
            (s) => (s.data as dnsPacket.RrsigData).keyTag === keyTag(key.rdata),
          ),
        );
        if (zone === '.') {
          const named = signing.some((key) =>
            dsMatches(
              '.',
              {
                keyTag: anchor.keyTag,
                algorithm: anchor.algorithm,
                digestType: anchor.digestType,
                digest: Buffer.from(anchor.digest),
              },
              key,
            ),
          );
          result = named ? true : 'trust-anchor-mismatch';
        } else {
          const dsSet = sets.get(`${zone}|${TYPE.DS}`);
          if (!dsSet) result = 'missing-ds';
          else {
            const ds = checkSet(dsSet, sigs.get(`${zone}|${TYPE.DS}`) ?? [], keysOf, now);
            const parent = ds.signers[0];
            if (!parent) result = ds.reason ?? 'missing-signature';
            else if (zoneSecure(parent) !== true) result = zoneSecure(parent);
            else
              result = dsSet.some((d) =>
                signing.some((key) => dsMatches(zone, d.data as dnsPacket.DsData, key)),
              )
                ? true
                : 'ds-mismatch';
          }
        }
      }
    }
    secureZones.set(zone, result);
    return result;
  };
  for (const [id, set] of sets) {
    const first = set[0] as WireRr;
    // The CNAME a DNAME stands for is made by the validator, not signed (RFC 6672 section 5.3.1).
    if (first.type === TYPE.CNAME && !sigs.has(id)) {
      const dname = [...sets.values()].find(
        (s) => s[0]?.type === TYPE.DNAME && isAncestor(s[0].name, first.name),
      );
      if (dname) continue;
    }
    if (first.type === TYPE.DNSKEY || first.type === TYPE.DS) continue;
    const { signers, reason } = checkSet(set, sigs.get(id) ?? [], keysOf, now);
    const signer = signers[0];
    if (!signer) return { ok: false, reason: reason ?? 'missing-signature' };
    const secure = zoneSecure(signer);
    if (secure !== true) return { ok: false, reason: secure };
  }
  return { ok: true, rrs };
};

/** `value`, which the test expects to be there. */
const must = <T>(value: T | undefined): T => {
  if (value === undefined) throw new Error('missing');
  return value;
};

/** dns-packet's rcode, which @types/dns-packet leaves out. */
const rcodeOf = (message: dnsPacket.DecodedPacket) => (message as { rcode?: string }).rcode;

/** The values of every TXT record of a proof, each a concatenation of its strings. */
const txtValues = (rrs: WireRr[]) =>
  rrs
    .filter((rr) => rr.type === TYPE.TXT)
    .map((rr) => Buffer.concat(rr.data as Buffer[]).toString('utf8'));

// --- the tests -----------------------------------------------------------------------------------

let world: World;
beforeAll(async () => {
  world = await scenarioWorld();
});

/** What the validator above says of each scenario's proof. */
const CRYPTO: Readonly<Record<string, string>> = {
  expired: 'expired',
  future: 'not-yet-valid',
  tampered: 'invalid-signature',
  unsigned: 'missing-signature',
  'cname-unsigned': 'missing-signature',
  'foreign-signer': 'missing-signature',
  'ds-mismatch': 'ds-mismatch',
  'ds-bad-digest': 'ds-mismatch',
  'zsk-signed-keys': 'ds-mismatch',
  'no-ds': 'missing-ds',
  'dnskey-expired': 'expired',
  'ds-unsigned': 'missing-signature',
  'ds-tampered': 'invalid-signature',
  'unknown-alg': 'unsupported-algorithm',
};

describe('the scenario proofs (RFC 9102), read back and verified with node:crypto', () => {
  for (const s of SCENARIOS) {
    it(`${s.id}: ${CRYPTO[s.id] ?? 'verifies'}`, () => {
      const result = validate(authenticationChain(world, s.name), world.trustAnchor, SCENARIO_NOW);
      if (CRYPTO[s.id]) {
        expect(result).toEqual({ ok: false, reason: CRYPTO[s.id] });
        return;
      }
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const values = txtValues(result.rrs);
      const payments = values.filter((v) => v.toLowerCase().startsWith('bitcoin:'));
      if (s.expected.uri !== undefined) expect(payments).toEqual([s.expected.uri]);
      if (s.id.startsWith('twice')) expect(payments).toHaveLength(2);
      if (s.id === 'nobtc') expect(values).toEqual(['v=spf1 -all', 'bitcoin is cool!']);
    });
  }

  it('the wrong trust anchor is refused for every name', () => {
    const anchor = wrongTrustAnchor(world);
    expect(
      validate(authenticationChain(world, scenario('alice').name), anchor, SCENARIO_NOW),
    ).toEqual({ ok: false, reason: 'trust-anchor-mismatch' });
  });

  it('signatures are valid from now - 3600 to now + 86400 by default', () => {
    const name = scenario('alice').name;
    const rrs = readRrs(authenticationChain(world, name));
    const sig = rrs.find((rr) => rr.type === TYPE.RRSIG && lower(rr.name) === name);
    expect(sig?.data).toMatchObject({
      inception: SCENARIO_NOW - 3600,
      expiration: SCENARIO_NOW + 86400,
      labels: 5,
      signersName: 'example.test',
      algorithm: 15,
      typeCovered: 'TXT',
    });
    // an hour before inception and a day after expiration, the same proof is refused
    const bytes = authenticationChain(world, name);
    expect(validate(bytes, world.trustAnchor, SCENARIO_NOW - 7200)).toEqual({
      ok: false,
      reason: 'not-yet-valid',
    });
    expect(validate(bytes, world.trustAnchor, SCENARIO_NOW + 2 * 86400)).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('alice: a 620-character URI in strings of 255, 255 and 110 bytes, TTL 1800', () => {
    const rrs = readRrs(authenticationChain(world, scenario('alice').name));
    const txt = rrs.find((rr) => rr.type === TYPE.TXT);
    expect(ALICE_URI.length).toBeGreaterThanOrEqual(600);
    expect((must(txt).data as Buffer[]).map((s) => s.length)).toEqual([255, 255, 110]);
    expect(txt?.ttl).toBe(1800);
    // The lowest TTL of the chain.
    expect(Math.min(...rrs.map((rr) => rr.ttl))).toBe(1800);
  });

  it('ttl: the lowest TTL of the chain is the DS record’s, 30', () => {
    const rrs = readRrs(authenticationChain(world, scenario('ttl').name));
    expect(Math.min(...rrs.map((rr) => rr.ttl))).toBe(30);
    expect(rrs.find((rr) => rr.type === TYPE.DS && rr.name === 'ttl.test')?.ttl).toBe(30);
  });

  it('split: four strings, one of them empty, in RDATA order', () => {
    const rrs = readRrs(authenticationChain(world, scenario('split').name));
    const strings = rrs.find((rr) => rr.type === TYPE.TXT)?.data as Buffer[];
    expect(strings.map(String)).toEqual([
      'bitcoin:bc1qztwy6x',
      '',
      'en3zdtt7z0vrgapmjt',
      'fz8acjkfp5fp7l',
    ]);
  });

  it('a shuffled chain holds the same records; the PSBT form prefixes the name', () => {
    const name = scenario('carol').name;
    const hex = (b: Uint8Array) =>
      readRrs(b)
        .map((rr) => `${rr.name}|${rr.type}|${rr.rdata.toString('hex')}`)
        .sort();
    const plain = authenticationChain(world, name);
    const shuffled = authenticationChain(world, name, { shuffle: 7 });
    expect(Buffer.from(shuffled).equals(Buffer.from(plain))).toBe(false);
    expect(hex(shuffled)).toEqual(hex(plain));
    const psbt = psbtDnssecProof('carol@example.test', plain);
    expect(psbt[0]).toBe(18);
    expect(Buffer.from(psbt.subarray(1, 19)).toString()).toBe('carol@example.test');
  });

  it('dname: the DNAME is signed, the CNAME it stands for only with `synthesized`', () => {
    const name = scenario('dname').name;
    const without = readRrs(authenticationChain(world, name));
    expect(without.some((rr) => rr.type === TYPE.CNAME)).toBe(false);
    expect(without.find((rr) => rr.type === TYPE.DNAME)?.data).toBe(
      'user._bitcoin-payment.example.test',
    );
    const withCname = readRrs(authenticationChain(world, name, { synthesized: true }));
    expect(withCname.find((rr) => rr.type === TYPE.CNAME)).toMatchObject({
      name,
      data: 'alice.user._bitcoin-payment.example.test',
    });
  });

  it('dave and erin keep their case; signatures cover the lowercase form', () => {
    const dave = readRrs(authenticationChain(world, scenario('dave').name));
    expect(dave.find((rr) => rr.type === TYPE.CNAME)?.data).toBe(
      'Carol.USER._bitcoin-payment.Other.TEST',
    );
    const erin = readRrs(authenticationChain(world, scenario('erin').name));
    expect(erin.find((rr) => rr.type === TYPE.TXT)?.name).toBe(
      'Erin.User._bitcoin-payment.Example.Test',
    );
  });
});

describe('keys and DS records', () => {
  it('the trust anchor is the SHA-256 digest of the root KSK (RSA-2048, algorithm 8)', () => {
    const root = world.zones.get('.');
    const rdata = Buffer.from(root?.ksk.rdata ?? []);
    expect(rdata.readUInt16BE(0)).toBe(257);
    expect(rdata[2]).toBe(3);
    expect(rdata[3]).toBe(8);
    expect(world.trustAnchor.keyTag).toBe(keyTag(rdata));
    expect(world.trustAnchor.digestType).toBe(2);
    expect(Buffer.from(world.trustAnchor.digest)).toEqual(
      createHash('sha256')
        .update(Buffer.concat([Buffer.from([0]), rdata]))
        .digest(),
    );
    const modulus = publicKeyOf(8, rdata.subarray(4))?.asymmetricKeyDetails?.modulusLength;
    expect(modulus).toBe(2048);
  });

  it('every DS matches its child’s KSK, but where it is made not to', () => {
    for (const [name, zone] of world.zones) {
      if (name === '.') continue;
      const parentName = name.split('.').slice(1).join('.') || '.';
      const parent = world.zones.get(world.zones.has(parentName) ? parentName : '.');
      const ds = parent?.rrsets.get(name)?.get(TYPE.DS);
      if (zone.spec.ds === 'none') {
        expect(ds).toBeUndefined();
        continue;
      }
      const records = (ds?.records ?? []).map((r) => readRrs(rrWire(r))[0] as WireRr);
      expect(records).toHaveLength(1);
      const dnskeys = [zone.ksk, zone.zsk].map(
        (k) => ({ rdata: Buffer.from(k.rdata), data: { algorithm: k.algorithm } }) as WireRr,
      );
      const matched = dnskeys.filter((k) =>
        dsMatches(name, (records[0] as WireRr).data as dnsPacket.DsData, k),
      );
      if (zone.spec.ds === 'other-key' || zone.spec.ds === 'bad-digest')
        expect(matched).toEqual([]);
      else expect(matched).toEqual([dnskeys[0]]);
      expect(((records[0] as WireRr).data as dnsPacket.DsData).digestType).toBe(
        zone.spec.digestType ?? 2,
      );
    }
  });

  it('the zones have the algorithms and key sizes their names say', () => {
    const bits = (zone: string) => {
      const z = world.zones.get(zone);
      const key = Buffer.from(z?.ksk.publicKey ?? []);
      return publicKeyOf(z?.algorithm ?? 0, key)?.asymmetricKeyDetails?.modulusLength;
    };
    expect(bits('rsa768.test')).toBe(768);
    expect(bits('rsa1024.test')).toBe(1024);
    expect(bits('other.test')).toBe(2048);
    const algorithms = Object.fromEntries([...world.zones].map(([n, z]) => [n, z.algorithm]));
    expect(algorithms).toMatchObject({
      '.': 8,
      test: 13,
      'example.test': 15,
      'other.test': 8,
      'rsasha1.test': 5,
      'nsec3sha1.test': 7,
      'rsasha512.test': 10,
      'p384.test': 14,
      'ed448.test': 16,
      'unknownalg.test': 253,
    });
    const flags = [...world.zones.values()].map((z) => [z.ksk.flags, z.zsk.flags]);
    expect(new Set(flags.map(String))).toEqual(new Set(['257,256']));
  });

  it('keys are made once per process: a second world signs with the same ones', async () => {
    const again = await buildWorld({
      now: SCENARIO_NOW + 1,
      zones: [{ name: '.', algorithm: 8 }, { name: 'test' }],
    });
    expect(again.trustAnchor).toEqual(world.trustAnchor);
  });
});

/** An Rr's wire form, through the chain encoder. */
const rrWire = (rr: { name: string; type: number; ttl: number; rdata: Uint8Array }) => {
  const fixed = Buffer.alloc(10);
  fixed.writeUInt16BE(rr.type, 0);
  fixed.writeUInt16BE(1, 2);
  fixed.writeUInt32BE(rr.ttl, 4);
  fixed.writeUInt16BE(rr.rdata.length, 8);
  return Buffer.concat([wire(rr.name), fixed, Buffer.from(rr.rdata)]);
};

describe('NSEC3 and NSEC proofs', () => {
  const b32hexDecode = (text: string) => {
    const alphabet = '0123456789abcdefghijklmnopqrstuv';
    let bits = 0;
    let value = 0;
    const out: number[] = [];
    for (const c of text.toLowerCase()) {
      value = (value << 5) | alphabet.indexOf(c);
      bits += 5;
      if (bits >= 8) {
        out.push((value >>> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return Buffer.from(out);
  };
  const hash = (name: string, salt: Buffer, iterations: number) => {
    let h = createHash('sha1')
      .update(Buffer.concat([wire(name), salt]))
      .digest();
    for (let i = 0; i < iterations; i++)
      h = createHash('sha1')
        .update(Buffer.concat([h, salt]))
        .digest();
    return h;
  };
  const coversHash = (rr: WireRr, target: Buffer) => {
    const owner = b32hexDecode(labels(rr.name)[0] as string);
    const next = (rr.data as dnsPacket.Nsec3Data).nextDomain;
    const a = Buffer.compare(owner, target) < 0;
    const b = Buffer.compare(target, next) < 0;
    return Buffer.compare(owner, next) < 0 ? a && b : a || b;
  };
  const matchesHash = (rr: WireRr, target: Buffer) =>
    b32hexDecode(labels(rr.name)[0] as string).equals(target);

  it('wildcard: the expanded TXT has the wildcard’s label count, and an NSEC3 covers the next closer name', () => {
    const name = scenario('wildcard').name;
    const rrs = readRrs(authenticationChain(world, name));
    const txt = rrs.find((rr) => rr.type === TYPE.TXT);
    expect(txt?.name).toBe(name);
    const sig = rrs.find(
      (rr) => rr.type === TYPE.RRSIG && (rr.data as dnsPacket.RrsigData).typeCovered === 'TXT',
    );
    expect((must(sig).data as dnsPacket.RrsigData).labels).toBe(labels(name).length - 1);
    const nsec3 = rrs.filter((rr) => rr.type === TYPE.NSEC3);
    expect(nsec3).toHaveLength(1);
    const data = nsec3[0]?.data as dnsPacket.Nsec3Data;
    expect(data).toMatchObject({ algorithm: 1, flags: 0, iterations: 1 });
    expect(data.salt.toString('hex')).toBe('ab12cd34');
    expect(nsec3[0]?.name.endsWith('.example.test')).toBe(true);
    expect(coversHash(nsec3[0] as WireRr, hash(name, data.salt, 1))).toBe(true);
    // …and not the closest encloser, which exists
    expect(
      coversHash(nsec3[0] as WireRr, hash(name.split('.').slice(1).join('.'), data.salt, 1)),
    ).toBe(false);
  });

  it('wild: the same with no salt and no extra iteration', () => {
    const name = scenario('wild').name;
    const nsec3 = readRrs(authenticationChain(world, name)).filter((rr) => rr.type === TYPE.NSEC3);
    expect(nsec3).toHaveLength(1);
    expect(nsec3[0]?.data).toMatchObject({ iterations: 0, salt: Buffer.alloc(0) });
    expect(coversHash(nsec3[0] as WireRr, hash(name, Buffer.alloc(0), 0))).toBe(true);
  });

  it('wild-nsec: an NSEC covers the name; wild-no-proof has none', () => {
    const name = scenario('wild-nsec').name;
    const nsec = readRrs(authenticationChain(world, name)).filter((rr) => rr.type === TYPE.NSEC);
    expect(nsec).toHaveLength(1);
    const owner = nsec[0]?.name as string;
    const next = (must(nsec[0]).data as dnsPacket.NsecData).nextDomain;
    // canonical order within the zone: owner < name < next (or next is the apex, wrapping)
    expect(owner).toBe('*.user._bitcoin-payment.wildnsec.test');
    expect(['wildnsec.test', 'user._bitcoin-payment.wildnsec.test']).not.toContain(owner);
    expect(next).toBe('wildnsec.test');
    const proof = readRrs(authenticationChain(world, scenario('wild-no-proof').name));
    expect(proof.some((rr) => rr.type === TYPE.NSEC3 || rr.type === TYPE.NSEC)).toBe(false);
  });

  it('nobody: NXDOMAIN proven by the closest encloser, next closer and wildcard NSEC3s', () => {
    const name = scenario('nobody').name;
    const rrs = readRrs(authenticationChain(world, name));
    const nsec3 = rrs.filter((rr) => rr.type === TYPE.NSEC3);
    const salt = Buffer.from('ab12cd34', 'hex');
    const encloser = 'user._bitcoin-payment.example.test';
    expect(nsec3.some((rr) => matchesHash(rr, hash(encloser, salt, 1)))).toBe(true);
    expect(nsec3.some((rr) => coversHash(rr, hash(name, salt, 1)))).toBe(true);
    expect(nsec3.some((rr) => coversHash(rr, hash(`*.${encloser}`, salt, 1)))).toBe(true);
    // the empty non-terminal matches with an empty type bitmap
    const ent = nsec3.find((rr) => matchesHash(rr, hash(encloser, salt, 1)));
    expect((must(ent).data as dnsPacket.Nsec3Data).rrtypes).toEqual([]);
    expect(rrs.some((rr) => rr.type === TYPE.SOA)).toBe(true);
  });

  it('every NSEC3 chain is closed and sorted', () => {
    for (const zone of world.zones.values()) {
      if (!zone.nsec3) continue;
      const entries = zone.denial.map((d) => ({
        owner: Buffer.from(d.owner as Uint8Array),
        next: Buffer.from(d.next as Uint8Array),
      }));
      expect(entries.length).toBe(zone.names.size);
      entries.forEach((e, i) => {
        expect(e.next.equals((entries[(i + 1) % entries.length] as { owner: Buffer }).owner)).toBe(
          true,
        );
        if (i)
          expect(Buffer.compare((entries[i - 1] as { owner: Buffer }).owner, e.owner)).toBe(-1);
      });
    }
  });
});

describe('the DoH endpoint (RFC 8484)', () => {
  let doh: DohServer;
  let compressAll: DohServer;
  let picky: DohServer;
  beforeAll(async () => {
    doh = await startDohServer(world);
    compressAll = await startDohServer(world, { compression: 'all' });
    picky = await startDohServer(world, {
      faultFor: (q) => (q.type === 'DNSKEY' && q.name === 'example.test' ? 'servfail' : undefined),
    });
  });
  afterAll(async () => {
    await Promise.all([doh?.close(), compressAll?.close(), picky?.close()]);
  });

  const query = (name: string, type: dnsPacket.RecordType, dnssec = true, id = 0) =>
    dnsPacket.encode({
      type: 'query',
      id,
      flags: dnsPacket.RECURSION_DESIRED | (dnssec ? dnsPacket.CHECKING_DISABLED : 0),
      questions: [{ type, name, class: 'IN' }],
      additionals: dnssec
        ? [{ type: 'OPT', name: '.', udpPayloadSize: 4096, flags: dnsPacket.DNSSEC_OK } as never]
        : [],
    });
  const get = (url: string, q: Buffer, init: RequestInit = {}) =>
    fetch(`${url}?dns=${q.toString('base64url')}`, {
      headers: { accept: 'application/dns-message' },
      ...init,
    });
  const post = (url: string, q: Buffer) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/dns-message', accept: 'application/dns-message' },
      body: q,
    });
  const decode = async (res: Response) => {
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/dns-message');
    const raw = Buffer.from(await res.arrayBuffer());
    return { raw, message: dnsPacket.decode(raw) };
  };

  it('answers GET and POST alike: the TXT RRset and its RRSIG, flags echoed, OPT with DO', async () => {
    const name = scenario('alice').name;
    const q = query(name, 'TXT', true, 0);
    const a = await decode(await get(doh.url, q));
    const b = await decode(await post(doh.url, q));
    expect(a.raw.equals(b.raw)).toBe(true);
    const m = a.message;
    expect(m).toMatchObject({
      id: 0,
      flag_qr: true,
      flag_rd: true,
      flag_ra: true,
      flag_cd: true,
      flag_ad: false,
      rcode: 'NOERROR',
      questions: [{ name, type: 'TXT', class: 'IN' }],
    });
    expect(m.answers?.map((r) => r.type)).toEqual(['TXT', 'RRSIG']);
    expect(
      Buffer.concat((must(m.answers?.[0]) as dnsPacket.TxtAnswer).data as Buffer[]).toString(),
    ).toBe(ALICE_URI);
    expect(m.additionals).toEqual([expect.objectContaining({ type: 'OPT', flag_do: true })]);
    expect(doh.queries.slice(-2)).toEqual([
      expect.objectContaining({ name, type: 'TXT', method: 'GET', do: true, cd: true, rd: true }),
      expect.objectContaining({ name, type: 'TXT', method: 'POST', path: '/dns-query' }),
    ]);
  });

  it('compresses owner names: the answer points at the question (RFC 1035 4.1.4)', async () => {
    const q = query(scenario('bob').name, 'TXT');
    const { raw, message } = await decode(await get(doh.url, q));
    const answerAt = 12 + q.length - 12 - 11; // header + question, before the query's OPT record
    expect(raw.readUInt16BE(answerAt)).toBe(0xc00c);
    expect(message.answers?.map((r) => r.name)).toEqual(Array(4).fill(scenario('bob').name));
    const plain = await startDohServer(world, { compression: 'none' });
    const uncompressed = await decode(await get(plain.url, q));
    await plain.close();
    expect(uncompressed.raw.length).toBeGreaterThan(raw.length);
    expect(uncompressed.message.answers).toEqual(message.answers);
  });

  it('owner names keep the case the zone writes them in', async () => {
    const name = scenario('erin').name;
    const { message } = await decode(await get(doh.url, query(name, 'TXT')));
    expect(message.questions?.[0]?.name).toBe(name);
    expect(message.answers?.map((r) => r.name)).toEqual(
      Array(2).fill('Erin.User._bitcoin-payment.Example.Test'),
    );
  });

  it('follows CNAMEs across zones; `all` compresses the CNAME target too', async () => {
    const name = scenario('carol').name;
    const { message } = await decode(await get(doh.url, query(name, 'TXT')));
    expect(message.answers?.map((r) => `${r.type} ${r.name}`)).toEqual([
      `CNAME ${name}`,
      `RRSIG ${name}`,
      'TXT carol.user._bitcoin-payment.other.test',
      'RRSIG carol.user._bitcoin-payment.other.test',
    ]);
    const all = await decode(await get(compressAll.url, query(name, 'TXT')));
    expect(all.message.answers).toEqual(message.answers);
    expect(all.raw.length).toBeLessThan(
      (await decode(await get(doh.url, query(name, 'TXT')))).raw.length,
    );
  });

  it('DNAME: the DNAME, its RRSIG, an unsigned CNAME, then the target’s answer', async () => {
    const name = scenario('dname').name;
    const { message } = await decode(await get(doh.url, query(name, 'TXT')));
    expect(message.answers?.map((r) => r.type)).toEqual([
      'DNAME',
      'RRSIG',
      'CNAME',
      'TXT',
      'RRSIG',
    ]);
    expect(message.answers?.[2]).toMatchObject({
      name,
      data: 'alice.user._bitcoin-payment.example.test',
    });
  });

  it('wildcards: the owner is the name asked, the NSEC3 in the authority section', async () => {
    const name = scenario('wildcard').name;
    const { message } = await decode(await get(doh.url, query(name, 'TXT')));
    expect(message.answers?.map((r) => `${r.type} ${r.name}`)).toEqual([
      `TXT ${name}`,
      `RRSIG ${name}`,
    ]);
    expect(message.authorities?.map((r) => r.type)).toEqual(['NSEC3', 'RRSIG']);
  });

  it('NXDOMAIN and NODATA come with the SOA and denial records', async () => {
    const nx = await decode(await get(doh.url, query(scenario('nobody').name, 'TXT')));
    expect(rcodeOf(nx.message)).toBe('NXDOMAIN');
    expect(nx.message.authorities?.[0]?.type).toBe('SOA');
    const nodata = await decode(await get(doh.url, query(scenario('nodata').name, 'TXT')));
    expect(rcodeOf(nodata.message)).toBe('NOERROR');
    expect(nodata.message.answers).toEqual([]);
    expect(nodata.message.authorities?.map((r) => r.type)).toEqual([
      'SOA',
      'RRSIG',
      'NSEC3',
      'RRSIG',
    ]);
  });

  it('DNSKEY from the zone, DS from its parent; no RRSIG without DO', async () => {
    const keys = await decode(await get(doh.url, query('example.test', 'DNSKEY')));
    expect(keys.message.answers?.map((r) => r.type)).toEqual(['DNSKEY', 'DNSKEY', 'RRSIG']);
    const ds = await decode(await post(doh.url, query('example.test', 'DS')));
    expect(ds.message.answers?.map((r) => r.type)).toEqual(['DS', 'RRSIG']);
    expect((must(ds.message.answers?.[1]) as dnsPacket.RrsigAnswer).data.signersName).toBe('test');
    const root = await decode(await get(doh.url, query('.', 'DNSKEY')));
    expect(root.message.answers?.map((r) => r.type)).toEqual(['DNSKEY', 'DNSKEY', 'RRSIG']);
    const bare = await decode(await get(doh.url, query(scenario('alice').name, 'TXT', false)));
    expect(bare.message.answers?.map((r) => r.type)).toEqual(['TXT']);
    expect(bare.message.additionals).toEqual([]);
  });

  it('refuses what RFC 8484 does not allow', async () => {
    const q = query(scenario('alice').name, 'TXT');
    const padded = await fetch(`${doh.url}?dns=${q.toString('base64url')}=`);
    expect(padded.status).toBe(400);
    const missing = await fetch(doh.url);
    expect(missing.status).toBe(400);
    const wrongType = await fetch(doh.url, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: q,
    });
    expect(wrongType.status).toBe(415);
    expect((await fetch(`${doh.origin}/nowhere`)).status).toBe(404);
    expect((await fetch(doh.url, { method: 'PUT', body: q })).status).toBe(405);
  });

  it('allows other origins (CORS), for browser tests', async () => {
    const preflight = await fetch(doh.url, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://127.0.0.1:1',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
    const res = await post(doh.url, query(scenario('alice').name, 'TXT'));
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    await res.arrayBuffer();
  });

  it('a fault for some queries only', async () => {
    const keys = await decode(await get(picky.url, query('example.test', 'DNSKEY')));
    expect(rcodeOf(keys.message)).toBe('SERVFAIL');
    const txt = await decode(await get(picky.url, query(scenario('alice').name, 'TXT')));
    expect(rcodeOf(txt.message)).toBe('NOERROR');
    expect(picky.queries.map((x) => x.fault)).toEqual(['servfail', undefined]);
  });

  describe('transport faults', () => {
    const name = scenario('alice').name;
    const q = query(name, 'TXT', true, 0x1234);
    it('lists them all', () => {
      expect(TRANSPORT_FAULTS).toHaveLength(16);
    });
    it('http-500, content-type, redirect', async () => {
      const e500 = await get(doh.urlFor('http-500'), q);
      expect(e500.status).toBe(500);
      await e500.arrayBuffer();
      const html = await get(doh.urlFor('content-type'), q);
      expect(html.status).toBe(200);
      expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
      await html.arrayBuffer();
      const moved = await get(doh.urlFor('redirect'), q, { redirect: 'manual' });
      expect(moved.status).toBe(302);
      expect(moved.headers.get('location')).toBe(
        `${doh.origin}/elsewhere/dns-query?dns=${q.toString('base64url')}`,
      );
      const followed = await decode(await get(doh.urlFor('redirect'), q));
      expect(followed.message.answers?.[0]?.type).toBe('TXT');
      expect(doh.queries.at(-1)?.path).toBe('/elsewhere/dns-query');
    });
    it('huge, huge-length', async () => {
      const huge = await get(doh.urlFor('huge'), q);
      expect(huge.headers.get('content-length')).toBeNull();
      expect((await huge.arrayBuffer()).byteLength).toBe(2 * 1024 * 1024 + 1024);
      const declared = await get(doh.urlFor('huge-length'), q);
      expect(declared.headers.get('content-length')).toBe(String(2 * 1024 * 1024 + 1024));
      await declared.body?.cancel();
    });
    it('hang: a status line and headers, a few bytes, no end', async () => {
      const res = await get(doh.urlFor('hang'), q);
      expect(res.status).toBe(200);
      const reader = res.body?.getReader();
      const first = await reader?.read();
      expect(first?.value?.length).toBe(6);
      await reader?.cancel();
    });
    it('silent: no response until the client gives up', async () => {
      const abort = new AbortController();
      const pending = get(doh.urlFor('silent'), q, { signal: abort.signal });
      while (doh.queries.at(-1)?.fault !== 'silent') await new Promise((r) => setImmediate(r));
      abort.abort();
      await expect(pending).rejects.toThrow();
    });
    it('truncated, tc, wrong-question, wrong-type, wrong-id, not-response, rcodes', async () => {
      const body = async (fault: (typeof TRANSPORT_FAULTS)[number]) =>
        Buffer.from(await (await get(doh.urlFor(fault), q)).arrayBuffer());
      expect(() => dnsPacket.decode(Buffer.from([]))).toThrow();
      const truncated = await body('truncated');
      expect(() => dnsPacket.decode(truncated)).toThrow();
      expect(dnsPacket.decode(await body('tc'))).toMatchObject({ flag_tc: true, answers: [] });
      expect(dnsPacket.decode(await body('wrong-question')).questions).toEqual([
        { name: 'evil.test', type: 'TXT', class: 'IN' },
      ]);
      expect(dnsPacket.decode(await body('wrong-type')).questions?.[0]?.type).toBe('A');
      expect(dnsPacket.decode(await body('wrong-id')).id).toBe(0x1235);
      expect(dnsPacket.decode(await body('not-response')).flag_qr).toBe(false);
      expect(rcodeOf(dnsPacket.decode(await body('servfail')))).toBe('SERVFAIL');
      expect(rcodeOf(dnsPacket.decode(await body('refused')))).toBe('REFUSED');
      expect(dnsPacket.decode(await body('nxdomain'))).toMatchObject({
        rcode: 'NXDOMAIN',
        answers: [],
      });
    });
    it('AD set on everything when asked: a client must not trust it', async () => {
      const liar = await startDohServer(world, { authenticData: true });
      const { message } = await decode(
        await get(liar.url, query(scenario('tampered').name, 'TXT')),
      );
      await liar.close();
      expect(message.flag_ad).toBe(true);
    });
  });
});

describe('encodeMessage', () => {
  it('writes what dns-packet reads, the chain’s records included', () => {
    const records = authenticationChainRecords(world, scenario('dname').name, {
      synthesized: true,
    });
    for (const compression of ['none', 'owners', 'all'] as const) {
      const bytes = encodeMessage(
        {
          id: 7,
          flags: 0x8180,
          rcode: 0,
          question: { name: scenario('dname').name, type: TYPE.TXT },
          answers: records,
          authorities: [],
          opt: undefined,
        },
        compression,
      );
      const message = dnsPacket.decode(Buffer.from(bytes));
      expect(message.answers).toHaveLength(records.length);
      const back = readRrs(Buffer.concat(records.map((r) => rrWire(r))));
      expect(message.answers?.map((a) => a.name)).toEqual(back.map((r) => r.name));
    }
  });
  it('uses the scenario’s time', () => {
    expect(world.now).toBe(SCENARIO_NOW);
    expect(ADDRESS_URI).toBe('bitcoin:bc1qztwy6xen3zdtt7z0vrgapmjtfz8acjkfp5fp7l');
  });
});
