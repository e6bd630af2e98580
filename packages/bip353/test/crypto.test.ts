// Key tags, DS digests and the root trust anchors, against the RFCs' examples and the real
// records of BIP 353's example proofs.
import { describe, expect, it } from 'vitest';
import { dsDigest } from '../src/crypto/ds-digest.js';
import { keyTag } from '../src/crypto/key-tag.js';
import { ROOT_TRUST_ANCHORS } from '../src/crypto/trust-anchors.js';
import { PROOFS, type ProofRecord, readProof, wireName } from './helpers/proofs.js';

const base64 = (text: string) => Uint8Array.from(Buffer.from(text.replace(/\s/g, ''), 'base64'));
const toHex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** A DNSKEY's RDATA: flags, protocol 3, algorithm, public key (RFC 4034 section 2.1). */
const dnskeyRdata = (flags: number, algorithm: number, publicKey: Uint8Array) =>
  Uint8Array.from([flags >> 8, flags & 0xff, 3, algorithm, ...publicKey]);

// RFC 4034 section 5.4 (also RFC 4509 section 2.3): dskey.example.com, algorithm 5.
const RFC4034_KEY = dnskeyRdata(
  256,
  5,
  base64(`AQOeiiR0GOMYkDshWoSKz9XzfwJr1AYtsmx3TGkJaNXVbfi/2pHm822aJ5iI9BMzNXxeYCmZ
    DRD99WYwYqUSdjMmmAphXdvxegXd/M5+X7OrzKBaMbCVdFLUUh6DhweJBjEVv5f2wwjM9XzcnOf+EPbtG9DMBmADjFDc2w/rljwvFw==`),
);
// RFC 6605 sections 6.1 and 6.2: example.net, algorithms 13 and 14.
const RFC6605_P256 = dnskeyRdata(
  257,
  13,
  base64(
    'GojIhhXUN/u4v54ZQqGSnyhWJwaubCvTmeexv7bR6edbkrSqQpF64cYbcB7wNcP+e+MAnLr+Wi9xMWyQLc8NAA==',
  ),
);
const RFC6605_P384 = dnskeyRdata(
  257,
  14,
  base64(`xKYaNhWdGOfJ+nPrL8/arkwf2EY3MDJ+SErKivBVSum1w/egsXvSADtNJhyem5RC
    OpgQ6K8X1DRSEkrbYQ+OB+v8/uX45NBwY8rp65F6Glur8I/mlVNgF6W/qTI37m40`),
);
// RFC 8080 section 6.1: example.com, algorithm 15, two keys.
const RFC8080_KEY1 = dnskeyRdata(257, 15, base64('l02Woi0iS8Aa25FQkUd9RMzZHJpBoRQwAQEX1SxZJA4='));
const RFC8080_KEY2 = dnskeyRdata(257, 15, base64('zPnZ/QwEe7S8C5SPz2OfS5RR40ATk2/rYnE9xHIEijs='));

describe('keyTag and dsDigest: the RFCs examples', () => {
  it.each([
    ['RFC 4034 5.4', 60485, RFC4034_KEY],
    ['RFC 6605 6.1', 55648, RFC6605_P256],
    ['RFC 6605 6.2', 10771, RFC6605_P384],
    ['RFC 8080 6.1 key 1', 3613, RFC8080_KEY1],
    ['RFC 8080 6.1 key 2', 35217, RFC8080_KEY2],
  ])('%s: key tag %i', (_, tag, rdata) => {
    expect(keyTag(rdata)).toBe(tag);
  });

  it.each([
    [
      'RFC 4034 5.4, SHA-1',
      'dskey.example.com',
      RFC4034_KEY,
      1,
      '2BB183AF5F22588179A53B0A98631FAD1A292118',
    ],
    [
      'RFC 4509 2.3, SHA-256',
      'dskey.example.com',
      RFC4034_KEY,
      2,
      'D4B7D520E7BB5F0F67674A0CCEB1E3E0614B93C4F9E99B8383F6A1E4469DA50A',
    ],
    [
      'RFC 6605 6.1, SHA-256',
      'example.net',
      RFC6605_P256,
      2,
      'b4c8c1fe2e7477127b27115656ad6256f424625bf5c1e2770ce6d6e37df61d17',
    ],
    [
      'RFC 6605 6.2, SHA-384',
      'example.net',
      RFC6605_P384,
      4,
      '72d7b62976ce06438e9c0bf319013cf801f09ecc84b8d7e9495f27e305c6a9b0563a9b5f4d288405c3008a946df983d6',
    ],
    [
      'RFC 8080 6.1 key 1, SHA-256',
      'example.com',
      RFC8080_KEY1,
      2,
      '3aa5ab37efce57f737fc1627013fee07bdf241bd10f3b1964ab55c78e79a304b',
    ],
    [
      'RFC 8080 6.1 key 2, SHA-256',
      'example.com',
      RFC8080_KEY2,
      2,
      '401781b934e392de492ec77ae2e15d70f6575a1c0bc59c5275c04ebe80c6614c',
    ],
  ])('%s', (_, owner, rdata, digestType, digest) => {
    expect(toHex(dsDigest(digestType, wireName(owner), rdata) ?? new Uint8Array())).toBe(
      digest.toLowerCase(),
    );
  });

  it('has no digest for the types it does not read (GOST 3, unassigned 0, 5, 255)', () => {
    for (const type of [0, 3, 5, 255, 256, -1, 2.5])
      expect(dsDigest(type, wireName('example.com'), RFC4034_KEY)).toBeUndefined();
  });

  it('sums an odd last octet as the high octet of a word, and folds the carry once', () => {
    expect(keyTag(new Uint8Array())).toBe(0);
    expect(keyTag(Uint8Array.of(0x12))).toBe(0x1200);
    expect(keyTag(Uint8Array.of(0x12, 0x34, 0x56))).toBe(0x1234 + 0x5600);
    // 0xffff + 0xffff = 0x1fffe; plus the carry 1: 0xffff.
    expect(keyTag(Uint8Array.of(0xff, 0xff, 0xff, 0xff))).toBe(0xffff);
    // 64 KiB of 0xff: 32768 words sum to 0x7fff8000, past 2^31; with the carry 0x7fff: 0xffff.
    expect(keyTag(new Uint8Array(65536).fill(0xff))).toBe(0xffff);
  });
});

const proofs = PROOFS.map((vector) => ({ vector, ...readProof(vector.proofHex) }));

const byType = (records: readonly ProofRecord[], type: number) =>
  records.filter((r) => r.type === type);

const rootKeys = proofs.flatMap(({ records }) =>
  byType(records, 48).filter((r) => r.ownerText === '.' && r.data.flags === 257),
);

describe('ROOT_TRUST_ANCHORS', () => {
  it('are the two root KSKs of the proofs: their key tags and SHA-256 digests', () => {
    const seen = new Set<string>();
    for (const key of rootKeys) {
      const tag = keyTag(key.rdata);
      const anchor = ROOT_TRUST_ANCHORS.find((a) => a.keyTag === tag);
      expect(anchor, `root KSK with tag ${tag}`).toBeDefined();
      expect(anchor?.algorithm).toBe(key.data.algorithm);
      expect(dsDigest(anchor?.digestType ?? 0, key.owner, key.rdata)).toEqual(anchor?.digest);
      seen.add(toHex(key.rdata));
    }
    // Every proof carries the same two KSKs, 20326 and 38696.
    expect(seen.size).toBe(2);
    expect(ROOT_TRUST_ANCHORS.map((a) => a.keyTag)).toEqual([20326, 38696]);
    expect(ROOT_TRUST_ANCHORS.map((a) => [a.algorithm, a.digestType])).toEqual([
      [8, 2],
      [8, 2],
    ]);
    expect(Object.isFrozen(ROOT_TRUST_ANCHORS)).toBe(true);
  });
});

describe('every DS record of the proofs', () => {
  it.each(proofs.map((p, i) => [i + 1, p] as const))('proof %i: matches its key', (_, p) => {
    const dsRecords = byType(p.records, 43);
    expect(dsRecords.length).toBeGreaterThan(0);
    const keyless: string[] = [];
    for (const ds of dsRecords) {
      const key = byType(p.records, 48).find(
        (k) => toHex(k.owner) === toHex(ds.owner) && keyTag(k.rdata) === ds.data.keyTag,
      );
      if (key === undefined) {
        keyless.push(`${ds.ownerText} ${ds.data.keyTag}`);
        continue;
      }
      expect(key.data.algorithm).toBe(ds.data.algorithm);
      expect(ds.data.digestType).toBe(2);
      const digest = toHex(dsDigest(2, key.owner, key.rdata) ?? new Uint8Array());
      expect(digest).toBe(toHex(ds.data.digest ?? new Uint8Array()));
      // The digest is the DS's bytes after key tag, algorithm and digest type.
      expect(toHex(ds.rdata.subarray(4))).toBe(digest);
    }
    // Two parents list a second key the child's DNSKEY RRset does not hold (a standby key, or
    // one published ahead of a roll): a proof has no key for them, and needs none.
    for (const entry of keyless)
      expect(['bitcoin.ninja 30346', 'mattcorallo.com 40704']).toContain(entry);
  });

  it.each(proofs.map((p, i) => [i + 1, p] as const))(
    'proof %i: the key signing each DNSKEY RRset has a DS or is a root anchor',
    (_, p) => {
      const dnskeySigs = byType(p.records, 46).filter((r) => r.data.typeCovered === 'DNSKEY');
      expect(dnskeySigs.length).toBeGreaterThanOrEqual(3);
      for (const sig of dnskeySigs) {
        const tag = sig.data.keyTag;
        if (sig.ownerText === '.') {
          expect(ROOT_TRUST_ANCHORS.map((a) => a.keyTag)).toContain(tag);
          continue;
        }
        const ds = byType(p.records, 43).filter(
          (d) => toHex(d.owner) === toHex(sig.owner) && d.data.keyTag === tag,
        );
        expect(ds, `${sig.ownerText} ${tag}`).toHaveLength(1);
      }
    },
  );

  it('include the ninja DS for ninja KSK 46082 and the bitcoin.ninja DS for KSK 29036', () => {
    const p = proofs[0];
    const tags = byType(p?.records ?? [], 43).map((ds) => `${ds.ownerText} ${ds.data.keyTag}`);
    expect(tags).toEqual(expect.arrayContaining(['ninja 46082', 'bitcoin.ninja 29036']));
  });
});
