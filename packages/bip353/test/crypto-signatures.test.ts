// Real signatures: every RRSIG in BIP 353's example proofs (RSA/SHA-256 over the root's and
// ninja's keys, ECDSA P-256 below), and the examples of RFC 5702, RFC 6605, RFC 8080 (as
// corrected by erratum 4935) and RFC 8032. The signed data is built by ./helpers/signed-data.ts,
// apart from the library's own construction.
import { p256 } from '@noble/curves/nist.js';
import { describe, expect, it } from 'vitest';
import { keyProblem, verifySignature } from '../src/crypto/algorithms.js';
import { keyTag } from '../src/crypto/key-tag.js';
import { verifyRsaSha256 } from '../src/crypto/rsa.js';
import { PROOFS, type ProofRecord, readProof, wireName } from './helpers/proofs.js';
import { rrsigSignature, signedData } from './helpers/signed-data.js';

const base64 = (text: string) => Uint8Array.from(Buffer.from(text.replace(/\s/g, ''), 'base64'));
const hex = (text: string) => Uint8Array.from(Buffer.from(text, 'hex'));
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

/** `data` with one bit of octet `at` flipped. */
const flipped = (data: Uint8Array, at: number, bit = 0) => {
  const copy = Uint8Array.from(data);
  copy[at] = (copy[at] as number) ^ (1 << bit);
  return copy;
};

interface Checked {
  readonly label: string;
  readonly algorithm: number;
  readonly key: Uint8Array;
  readonly data: Uint8Array;
  readonly signature: Uint8Array;
}

/** The RRset an RRSIG of a proof covers: same owner and class, the type it names. */
const rrsetOf = (records: readonly ProofRecord[], sig: ProofRecord) => {
  const covered = (sig.rdata[0] as number) * 256 + (sig.rdata[1] as number);
  return records.filter(
    (r) => r.type === covered && same(r.owner, sig.owner) && r.class === sig.class,
  );
};

/** The RRSIGs whose RRset a proof leaves out (proof 5 drops an NSEC3, not its RRSIG). */
const rrsetless = (records: readonly ProofRecord[]): string[] =>
  records
    .filter((sig) => sig.type === 46 && rrsetOf(records, sig).length === 0)
    .map((sig) => `${sig.ownerText} ${sig.data.typeCovered}`);

/** Every RRSIG of a proof whose RRset it holds, with its key, signed data and signature. */
const signaturesOf = (records: readonly ProofRecord[]): Checked[] =>
  records
    .filter((sig) => sig.type === 46 && rrsetOf(records, sig).length > 0)
    .map((sig) => {
      const rrset = rrsetOf(records, sig);
      const signer = wireName(sig.data.signersName ?? '');
      const key = records.find(
        (r) =>
          r.type === 48 &&
          same(r.owner, signer) &&
          keyTag(r.rdata) === sig.data.keyTag &&
          r.data.algorithm === sig.data.algorithm,
      );
      const label = `${sig.ownerText} ${sig.data.typeCovered} by ${sig.data.signersName} ${sig.data.keyTag}`;
      if (key === undefined || rrset.length === 0) throw new Error(`${label}: no key or RRset`);
      return {
        label,
        algorithm: sig.data.algorithm ?? 0,
        key: key.data.key ?? new Uint8Array(),
        data: signedData(sig.rdata, rrset),
        signature: rrsigSignature(sig.rdata),
      };
    });

const proofs = PROOFS.map((vector) => ({ vector, ...readProof(vector.proofHex) }));

describe('the RRSIGs of BIP 353 example proofs', () => {
  it.each(proofs.map((p, i) => [i + 1, p.vector.name, p] as const))(
    'proof %i (%s): every signature verifies, and none after one changed bit',
    async (_, __, p) => {
      const checked = signaturesOf(p.records);
      expect(checked.length).toBeGreaterThanOrEqual(6);
      expect(rrsetless(p.records)).toEqual(
        p === proofs[4] ? ['o2fe052mdja3f8tl5c56gpfhdfaifahp.bitcoin.ninja NSEC3'] : [],
      );
      for (const c of checked) {
        expect(keyProblem(c.algorithm, c.key), c.label).toBeUndefined();
        expect(await verifySignature(c.algorithm, c.key, c.data, c.signature), c.label).toBe(true);
        for (const at of [0, c.data.length >> 1, c.data.length - 1])
          expect(await verifySignature(c.algorithm, c.key, flipped(c.data, at), c.signature)).toBe(
            false,
          );
        expect(
          await verifySignature(
            c.algorithm,
            c.key,
            c.data,
            flipped(c.signature, c.signature.length - 1),
          ),
        ).toBe(false);
        if (c.algorithm === 8) {
          // The BigInt computation gives the same verdicts.
          expect(await verifyRsaSha256(c.key, c.data, c.signature, undefined), c.label).toBe(true);
          expect(await verifyRsaSha256(c.key, flipped(c.data, 0), c.signature, undefined)).toBe(
            false,
          );
        }
      }
    },
  );

  it('include the root DNSKEY RRSIG by 20326 (alg 8), and alg 13 ones over DNSKEY and TXT', () => {
    const labels = signaturesOf(proofs[0]?.records ?? []).map(
      (c) => `${c.label} alg ${c.algorithm}`,
    );
    expect(labels).toEqual(
      expect.arrayContaining([
        '. DNSKEY by . 20326 alg 8',
        'ninja DNSKEY by ninja 46082 alg 8',
        'bitcoin.ninja DNSKEY by bitcoin.ninja 29036 alg 13',
        'simple.user._bitcoin-payment.dnssec_proof_tests.bitcoin.ninja TXT by bitcoin.ninja 53474 alg 13',
      ]),
    );
  });

  it('signs the wildcard CNAME as its "*" owner (RFC 4035 section 5.3.2)', async () => {
    const cname = signaturesOf(proofs[2]?.records ?? []).find((c) => c.label.includes(' CNAME '));
    expect(cname?.label).toBe(
      'a.x_domain_cname_wild.user._bitcoin-payment.dnssec_proof_tests.bitcoin.ninja CNAME by bitcoin.ninja 53474',
    );
    const asterisk = Buffer.from('\x01*\x13x_domain_cname_wild', 'latin1');
    expect(Buffer.from(cname?.data ?? []).includes(asterisk)).toBe(true);
  });

  it('include P-256 signatures with a high S, which noble refuses by default', async () => {
    const p256Sigs = proofs
      .flatMap((p) => signaturesOf(p.records))
      .filter((c) => c.algorithm === 13);
    const high = p256Sigs.filter((c) => p256.Signature.fromBytes(c.signature).hasHighS());
    expect(high.length).toBeGreaterThan(0);
    for (const c of high) {
      expect(await verifySignature(13, c.key, c.data, c.signature)).toBe(true);
      const sec1 = Uint8Array.of(4, ...c.key);
      expect(p256.verify(c.signature, c.data, sec1)).toBe(false);
      expect(p256.verify(c.signature, c.data, sec1, { lowS: false })).toBe(true);
    }
  });
});

/** An RRSIG's fields as RFC 4034 section 3.2 writes them, the signature decoded. */
type RrsigFields = readonly [
  covered: number,
  algorithm: number,
  labels: number,
  ttl: number,
  expiration: string,
  inception: string,
  tag: number,
  signer: string,
  signature: Uint8Array,
];

/** An RRSIG RDATA (RFC 4034 section 3.1). Times are YYYYMMDDHHmmSS or seconds (RFC 4034 3.2). */
const rrsig = ([
  covered,
  algorithm,
  labels,
  ttl,
  expiration,
  inception,
  tag,
  signer,
  signature,
]: RrsigFields) => {
  const time = (t: string) =>
    /^\d+$/.test(t) && t.length < 14
      ? Number(t)
      : Date.UTC(
          +t.slice(0, 4),
          +t.slice(4, 6) - 1,
          +t.slice(6, 8),
          +t.slice(8, 10),
          +t.slice(10, 12),
          +t.slice(12, 14),
        ) / 1000;
  const fields = Buffer.alloc(18);
  fields.writeUInt16BE(covered, 0);
  fields.writeUInt8(algorithm, 2);
  fields.writeUInt8(labels, 3);
  fields.writeUInt32BE(ttl, 4);
  fields.writeUInt32BE(time(expiration), 8);
  fields.writeUInt32BE(time(inception), 12);
  fields.writeUInt16BE(tag, 16);
  return Uint8Array.from(Buffer.concat([fields, wireName(signer), signature]));
};

const A = (address: string) => Uint8Array.from(address.split('.').map(Number));

interface SignedExample {
  readonly name: string;
  readonly algorithm: number;
  readonly tag: number;
  readonly key: Uint8Array;
  readonly owner: string;
  readonly type: number;
  readonly rdata: Uint8Array;
  readonly rrsig: RrsigFields;
}

describe('the RFCs signed examples', () => {
  const cases: SignedExample[] = [
    {
      // RFC 5702 section 6.1: a 512-bit key, too short for BIP 353, but a valid signature.
      name: 'RFC 5702 6.1 RSASHA256',
      algorithm: 8,
      tag: 9033,
      key: base64(
        'AwEAAcFcGsaxxdgiuuGmCkVImy4h99CqT7jwY3pexPGcnUFtR2Fh36BponcwtkZ4cAgtvd4Qs8PkxUdp6p/DlUmObdk=',
      ),
      owner: 'www.example.net',
      type: 1,
      rdata: A('192.0.2.91'),
      rrsig: [
        1,
        8,
        3,
        3600,
        '20300101000000',
        '20000101000000',
        9033,
        'example.net',
        base64(
          'kRCOH6u7l0QGy9qpC9l1sLncJcOKFLJ7GhiUOibu4teYp5VE9RncriShZNz85mwlMgNEacFYK/lPtPiVYP4bwg==',
        ),
      ],
    },
    {
      name: 'RFC 6605 6.1 ECDSAP256SHA256',
      algorithm: 13,
      tag: 55648,
      key: base64(
        'GojIhhXUN/u4v54ZQqGSnyhWJwaubCvTmeexv7bR6edbkrSqQpF64cYbcB7wNcP+e+MAnLr+Wi9xMWyQLc8NAA==',
      ),
      owner: 'www.example.net',
      type: 1,
      rdata: A('192.0.2.1'),
      rrsig: [
        1,
        13,
        3,
        3600,
        '20100909100439',
        '20100812100439',
        55648,
        'example.net',
        base64(
          'qx6wLYqmh+l9oCKTN6qIc+bw6ya+KJ8oMz0YP107epXAyGmt+3SNruPFKG7tZoLBLlUzGGus7ZwmwWep666VCw==',
        ),
      ],
    },
    ...[
      [
        'l02Woi0iS8Aa25FQkUd9RMzZHJpBoRQwAQEX1SxZJA4=',
        3613,
        'oL9krJun7xfBOIWcGHi7mag5/hdZrKWw15jPGrHpjQeRAvTdszaPD+QLs3fx8A4M3e23mRZ9VrbpMngwcrqNAg==',
      ],
      [
        'zPnZ/QwEe7S8C5SPz2OfS5RR40ATk2/rYnE9xHIEijs=',
        35217,
        'zXQ0bkYgQTEFyfLyi9QoiY6D8ZdYo4wyUhVioYZXFdT410QPRITQSqJSnzQoSm5poJ7gD7AQR0O7KuI5k2pcBg==',
      ],
    ].map(
      ([key, tag, signature]): SignedExample => ({
        // RFC 8080 section 6.1 with erratum 4935's signatures: the RFC's own have Labels 3.
        name: `RFC 8080 6.1 ED25519 ${tag}`,
        algorithm: 15,
        tag: tag as number,
        key: base64(key as string),
        owner: 'example.com',
        type: 15,
        rdata: Uint8Array.of(0, 10, ...wireName('mail.example.com')),
        rrsig: [
          15,
          15,
          2,
          3600,
          '1440021600',
          '1438207200',
          tag as number,
          'example.com',
          base64(signature as string),
        ],
      }),
    ),
  ];

  it.each(cases.map((c) => [c.name, c] as const))('%s verifies', async (_, c) => {
    const flags = c.algorithm === 8 ? 256 : 257;
    expect(keyTag(Uint8Array.of(flags >> 8, flags & 255, 3, c.algorithm, ...c.key))).toBe(c.tag);
    const sig = rrsig(c.rrsig);
    const data = signedData(sig, [
      { owner: wireName(c.owner), type: c.type, class: 1, rdata: c.rdata },
    ]);
    const signature = rrsigSignature(sig);
    expect(await verifySignature(c.algorithm, c.key, data, signature)).toBe(true);
    expect(
      await verifySignature(c.algorithm, c.key, flipped(data, data.length - 1), signature),
    ).toBe(false);
    if (c.algorithm === 8) {
      expect(keyProblem(8, c.key)).toMatchObject({ code: 'insecure-key-size' });
      expect(await verifyRsaSha256(c.key, data, signature, undefined)).toBe(true);
    }
  });

  it('RFC 8032 7.1 TEST 1 (Ed25519 of the empty message)', async () => {
    const key = hex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    const signature = hex(
      'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    );
    expect(await verifySignature(15, key, new Uint8Array(), signature)).toBe(true);
    expect(await verifySignature(15, key, Uint8Array.of(0), signature)).toBe(false);
  });
});
