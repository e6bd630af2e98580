// NSEC3 hashes (RFC 5155 section 5) and base32hex (RFC 4648 section 7): RFC 5155 Appendix A's
// hashes, the NSEC3 record of BIP 353's third example proof, and the codec's round trip and
// refusals.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { checkProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import { base32hexDecode, base32hexEncode } from '../src/crypto/base32hex.js';
import { nsec3Hash } from '../src/crypto/nsec3.js';
import { labelsOf, PROOFS, readProof, wireName } from './helpers/proofs.js';

const SALT = Uint8Array.of(0xaa, 0xbb, 0xcc, 0xdd);

describe('nsec3Hash', () => {
  // RFC 5155 Appendix A: "NSEC3PARAM 1 0 12 aabbccdd", the zone's hashed owner names.
  it.each([
    ['example', '0p9mhaveqvm6t7vbl5lop2u3t2rp3tom'],
    ['a.example', '35mthgpgcu1qg68fab165klnsnk3dpvl'],
    ['ai.example', 'gjeqe526plbf1g8mklp59enfd789njgi'],
    ['ns1.example', '2t7b4g4vsa5smi47k61mv5bv1a22bojr'],
    ['ns2.example', 'q04jkcevqvmu85r014c7dkba38o0ji5r'],
    ['w.example', 'k8udemvp1j2f7eg6jebps17vp3n8i58h'],
    ['*.w.example', 'r53bq7cc2uvmubfu5ocmm6pers9tk9en'],
    ['x.w.example', 'b4um86eghhds6nea196smvmlo4ors995'],
    ['y.w.example', 'ji6neoaepv8b5o6k4ev33abha8ht9fgc'],
    ['x.y.w.example', '2vptu5timamqttgl4luu9kg21e0aor3s'],
    ['xx.example', 't644ebqk9bibcna874givr6joj62mlhv'],
  ])('H(%s) = %s', (name, hash) => {
    expect(base32hexEncode(nsec3Hash(wireName(name), SALT, 12))).toBe(hash);
    expect(base32hexDecode(hash)).toEqual(nsec3Hash(wireName(name), SALT, 12));
  });

  it('is IH(salt, x, 0) = H(x || salt), then H(IH(salt, x, k-1) || salt), by node:crypto', () => {
    const sha1 = (...parts: Uint8Array[]) => {
      const hash = createHash('sha1');
      for (const part of parts) hash.update(part);
      return Uint8Array.from(hash.digest());
    };
    checkProperty(
      'nsec3-hash-node',
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 255 }),
        fc.uint8Array({ maxLength: 255 }),
        fc.nat({ max: 20 }),
        (name, salt, iterations) => {
          let expected = sha1(name, salt);
          for (let k = 0; k < iterations; k++) expected = sha1(expected, salt);
          expect(nsec3Hash(name, salt, iterations)).toEqual(expected);
        },
      ),
      { seed: 5155, numRuns: 100 },
    );
  });

  it('refuses an iteration count outside 0..65535', () => {
    for (const bad of [-1, 65536, 1.5, Number.NaN])
      expect(() => nsec3Hash(Uint8Array.of(0), SALT, bad)).toThrow(RangeError);
    expect(nsec3Hash(Uint8Array.of(0), SALT, 0)).toHaveLength(20);
  });
});

describe('the NSEC3 record of BIP 353 example proof 3', () => {
  const { records } = readProof(PROOFS[2]?.proofHex ?? '');
  const nsec3 = records.find((r) => r.type === 50);

  it('covers the hash of the next closer name of the wildcard answer', () => {
    expect(nsec3?.ownerText).toBe('o2fe052mdja3f8tl5c56gpfhdfaifahp.bitcoin.ninja');
    const rdata = nsec3?.rdata ?? new Uint8Array();
    // RFC 5155 section 3.2: hash algorithm, flags, iterations, salt length, salt, hash length,
    // next hashed owner name, type bit maps.
    expect(rdata[0]).toBe(1);
    const iterations = (rdata[2] as number) * 256 + (rdata[3] as number);
    const salt = rdata.subarray(5, 5 + (rdata[4] as number));
    const hashLength = rdata[5 + salt.length] as number;
    const next = rdata.subarray(6 + salt.length, 6 + salt.length + hashLength);
    const owner = base32hexDecode(
      Buffer.from(labelsOf(nsec3?.owner ?? new Uint8Array())[0] ?? []).toString('latin1'),
    );
    expect(owner).toHaveLength(20);
    // The answer came from *.x_domain_cname_wild.user._bitcoin-payment...: the closest encloser
    // is x_domain_cname_wild..., so the next closer name is the query name itself, and an NSEC3
    // must show it does not exist (RFC 5155 section 8.8).
    const nextCloser = wireName(
      'a.x_domain_cname_wild.user._bitcoin-payment.dnssec_proof_tests.bitcoin.ninja',
    );
    const hash = nsec3Hash(nextCloser, salt, iterations);
    const hex = (bytes: Uint8Array | undefined) => Buffer.from(bytes ?? []).toString('hex');
    const [low, middle, high] = [hex(owner), hex(hash), hex(next)];
    // "covers": the hash falls between the owner's and the next hashed owner name (no wrap here).
    expect(low < high).toBe(true);
    expect(low < middle && middle < high).toBe(true);
  });
});

describe('base32hex', () => {
  it('is RFC 4648 section 10\'s "BASE32-HEX" vectors, unpadded', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'co'],
      ['fo', 'cpng'],
      ['foo', 'cpnmu'],
      ['foob', 'cpnmuog'],
      ['fooba', 'cpnmuoj1'],
      ['foobar', 'cpnmuoj1e8'],
    ];
    for (const [text, encoded] of vectors) {
      const bytes = Uint8Array.from(Buffer.from(text));
      expect(base32hexEncode(bytes)).toBe(encoded);
      expect(base32hexDecode(encoded)).toEqual(bytes);
      expect(base32hexDecode(encoded.toUpperCase())).toEqual(bytes);
    }
  });

  it('round-trips any bytes, in either case', () => {
    checkProperty(
      'base32hex-round-trip',
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.boolean(), (bytes, upper) => {
        const text = base32hexEncode(bytes);
        expect(text).toMatch(/^[0-9a-v]*$/);
        expect(text.length).toBe(Math.ceil((bytes.length * 8) / 5));
        expect(base32hexDecode(upper ? text.toUpperCase() : text)).toEqual(bytes);
      }),
      { seed: 4648, numRuns: 300 },
    );
  });

  it('reads one spelling per value: no padding, no other letters, no stray bits', () => {
    for (const bad of [
      'co==', // padding
      'c', // 1, 3 or 6 characters past a multiple of 8 are no bytes
      'cpn',
      'cpnmuo',
      'cp', // "cp" would be "f" with a stray bit set
      'cw', // beyond v
      'c o',
      'k\u212a', // the Kelvin sign lowercases to "k" in JavaScript, not in DNS
      'é0',
    ])
      expect(base32hexDecode(bad), bad).toBeUndefined();
  });

  it('decodes any 32-character NSEC3 label to 20 octets, or refuses it', () => {
    checkProperty(
      'base32hex-labels',
      fc.property(fc.string({ unit: 'binary-ascii', minLength: 32, maxLength: 32 }), (text) => {
        const bytes = base32hexDecode(text);
        if (bytes === undefined) expect(/^[0-9a-vA-V]{32}$/.test(text)).toBe(false);
        else {
          expect(bytes).toHaveLength(20);
          expect(base32hexEncode(bytes)).toBe(text.toLowerCase());
        }
      }),
      { seed: 5156, numRuns: 300 },
    );
  });
});
