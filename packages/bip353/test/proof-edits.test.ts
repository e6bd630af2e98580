// The BIP's valid proofs edited one way at a time: each edit that changes what is proven is
// refused with the code that names it, never accepted with other records.
import dnsPacket from 'dns-packet';
import { describe, expect, it } from 'vitest';
import {
  parseDnskey,
  parseDs,
  parseNsec3,
  parseRrsig,
  parseTarget,
  parseTxt,
} from '../src/dns/rdata.js';
import type { DnsRecord } from '../src/dns/types.js';
import type { TrustAnchor } from '../src/index.js';
import { BIP353_ERROR_CODES, Bip353Error, verifyBip353Proof } from '../src/index.js';
import { readProof, writeProof } from '../src/proof.js';
import { EXAMPLE_NOW, example } from './helpers.js';

/** dns-packet's record codec, which its types leave out. */
// biome-ignore lint/suspicious/noExplicitAny: dns-packet's record data is untyped
type Decoded = { name: string; type: string; ttl: number; data: any };
const answerCodec = (
  dnsPacket as unknown as {
    answer: { decode: ((buffer: Buffer, offset: number) => Decoded) & { bytes: number } };
  }
).answer;

const SIMPLE = 'simple@dnssec_proof_tests.bitcoin.ninja';
const WILD = 'a.x_domain_cname_wild@dnssec_proof_tests.bitcoin.ninja';

const codeOf = async (run: Promise<unknown>): Promise<string> => {
  const outcome = await run.then(
    () => 'accepted',
    (error: unknown) => (error instanceof Bip353Error ? error.code : `not a Bip353Error: ${error}`),
  );
  return outcome;
};

describe('time', () => {
  const { proof } = example(SIMPLE);
  it('refuses a signature past its expiration: bitcoin.ninja DNSKEY, 2025-08-10T16:22:12Z', async () => {
    const at = Date.UTC(2025, 7, 10, 16, 22, 12) / 1000;
    expect(await codeOf(verifyBip353Proof(SIMPLE, proof, { now: at }))).toBe('accepted');
    expect(await codeOf(verifyBip353Proof(SIMPLE, proof, { now: at + 1 }))).toBe('expired');
  });

  it('refuses a signature before its inception: the TXT records, 2025-08-07T10:35:18Z', async () => {
    const at = Date.UTC(2025, 7, 7, 10, 35, 18) / 1000;
    expect(await codeOf(verifyBip353Proof(SIMPLE, proof, { now: at }))).toBe('accepted');
    expect(await codeOf(verifyBip353Proof(SIMPLE, proof, { now: at - 1 }))).toBe('not-yet-valid');
  });

  it('caps the TTL by the time the first signature has left', async () => {
    const expiry = Date.UTC(2025, 7, 10, 16, 22, 12) / 1000;
    const r = await verifyBip353Proof(SIMPLE, proof, { now: expiry - 10 });
    expect(r.ttl).toBe(10);
  });

  it('refuses a time in milliseconds, and other wrong options, as the caller’s mistake', async () => {
    await expect(verifyBip353Proof(SIMPLE, proof, { now: Date.UTC(2025, 7, 8) })).rejects.toThrow(
      /milliseconds/,
    );
    await expect(verifyBip353Proof(SIMPLE, proof, { now: -1 })).rejects.toThrow(RangeError);
    // @ts-expect-error: a misspelt option
    await expect(verifyBip353Proof(SIMPLE, proof, { time: 1 })).rejects.toThrow(TypeError);
    await expect(verifyBip353Proof(SIMPLE, proof, { trustAnchors: [] })).rejects.toThrow(
      RangeError,
    );
  });
});

describe('trust anchors', () => {
  const { proof } = example(SIMPLE);
  it('refuses a root the anchors do not name', async () => {
    const anchor = { keyTag: 20326, algorithm: 8, digestType: 2, digest: '00'.repeat(32) };
    expect(
      await codeOf(verifyBip353Proof(SIMPLE, proof, { now: EXAMPLE_NOW, trustAnchors: [anchor] })),
    ).toBe('trust-anchor-mismatch');
  });

  it('accepts either root KSK alone', async () => {
    const { ROOT_TRUST_ANCHORS } = await import('../src/index.js');
    // 20326 signed the root DNSKEY RRset in August 2025; 38696 alone vouches for no signing key.
    const [ksk2017, ksk2024] = ROOT_TRUST_ANCHORS as [TrustAnchor, TrustAnchor];
    expect(
      await codeOf(verifyBip353Proof(SIMPLE, proof, { now: EXAMPLE_NOW, trustAnchors: [ksk2017] })),
    ).toBe('accepted');
    expect(
      await codeOf(verifyBip353Proof(SIMPLE, proof, { now: EXAMPLE_NOW, trustAnchors: [ksk2024] })),
    ).toBe('missing-key');
  });
});

describe('records removed or changed', () => {
  for (const name of [SIMPLE, WILD]) {
    it(`${name}: without any one record, refused with a code (or the same answer when it was spare)`, async () => {
      const { proof } = example(name);
      const records = readProof(proof);
      const original = await verifyBip353Proof(name, proof, { now: EXAMPLE_NOW });
      const codes = new Set<string>();
      for (let i = 0; i < records.length; i++) {
        const edited = writeProof(records.filter((_, j) => j !== i));
        const outcome = await verifyBip353Proof(name, edited, { now: EXAMPLE_NOW }).then(
          (r) => r,
          (e: unknown) => e,
        );
        if (outcome instanceof Bip353Error) {
          expect(BIP353_ERROR_CODES).toContain(outcome.code);
          codes.add(outcome.code);
        } else {
          expect(outcome).toMatchObject({ uri: original.uri, path: original.path });
        }
      }
      expect([...codes].sort()).toEqual(
        expect.arrayContaining([
          'invalid-signature',
          'missing-ds',
          'missing-key',
          'missing-signature',
        ]),
      );
    });
  }

  it('refuses a changed byte of any signature', async () => {
    const { proof } = example(SIMPLE);
    const records = readProof(proof);
    for (const [i, record] of records.entries()) {
      if (record.type !== 46) continue;
      const rdata = record.rdata.slice();
      rdata[rdata.length - 5] = (rdata[rdata.length - 5] as number) ^ 0x01;
      const edited = writeProof(records.map((r, j) => (j === i ? { ...r, rdata } : r)));
      expect(
        await codeOf(verifyBip353Proof(SIMPLE, edited, { now: EXAMPLE_NOW })),
        `RRSIG ${i}`,
      ).toBe('invalid-signature');
    }
  });

  it('refuses a changed TXT record and a changed TTL that is signed', async () => {
    const { proof } = example(SIMPLE);
    const records = readProof(proof);
    const txt = records.findIndex((r) => r.type === 16 && r.rdata.length > 30);
    const rdata = (records[txt] as DnsRecord).rdata.slice();
    rdata[rdata.length - 1] = 0x6d; // …p5fp7l → …p5fp7m
    expect(
      await codeOf(
        verifyBip353Proof(
          SIMPLE,
          writeProof(records.map((r, j) => (j === txt ? { ...r, rdata } : r))),
          {
            now: EXAMPLE_NOW,
          },
        ),
      ),
    ).toBe('invalid-signature');
    // The TTL field of a record is not signed (the RRSIG's Original TTL is): a lower one is kept.
    const lower = await verifyBip353Proof(
      SIMPLE,
      writeProof(records.map((r, j) => (j === txt ? { ...r, ttl: 5 } : r))),
      { now: EXAMPLE_NOW },
    );
    expect(lower.ttl).toBe(5);
  });

  it('stops after 128 signature checks (KeyTrap): 300 RRSIGs that fail, under the same key tag', async () => {
    const { proof } = example(SIMPLE);
    const records = readProof(proof);
    const rrsig = records.find((r) => r.type === 46 && r.name[0] === 'simple') as DnsRecord;
    const forged = Array.from({ length: 300 }, (_, i) => {
      const rdata = rrsig.rdata.slice();
      rdata[rdata.length - 1] = i & 0xff;
      rdata[rdata.length - 2] = i >> 8;
      return { ...rrsig, rdata };
    });
    const edited = writeProof([...forged, ...records.filter((r) => r !== rrsig)]);
    expect(await codeOf(verifyBip353Proof(SIMPLE, edited, { now: EXAMPLE_NOW }))).toBe('too-long');
  });

  it('reads names in any case the same (RFC 4343)', async () => {
    const { proof } = example(SIMPLE);
    const r = await verifyBip353Proof('SIMPLE@DNSSEC_PROOF_TESTS.Bitcoin.Ninja', proof, {
      now: EXAMPLE_NOW,
    });
    expect(r.uri).toBe('bitcoin:?bc=bc1qztwy6xen3zdtt7z0vrgapmjtfz8acjkfp5fp7l');
    // Owner names upper-cased in the proof verify too: signatures cover the canonical form.
    const upper = writeProof(
      readProof(proof).map((rec) => ({ ...rec, name: rec.name.map((l) => l.toUpperCase()) })),
    );
    expect((await verifyBip353Proof(SIMPLE, upper, { now: EXAMPLE_NOW })).uri).toBe(r.uri);
  });
});

describe('the wire format, against dns-packet', () => {
  for (const e of [SIMPLE, WILD]) {
    it(`reads every record of ${e} as dns-packet does`, () => {
      const { proof } = example(e);
      const ours = readProof(proof);
      const buffer = Buffer.from(proof);
      let offset = 0;
      for (const record of ours) {
        const theirs = answerCodec.decode(buffer, offset);
        offset += answerCodec.decode.bytes;
        expect(record.name.length === 0 ? '.' : record.name.join('.')).toBe(theirs.name);
        expect(record.ttl).toBe(theirs.ttl);
        const data = theirs.data;
        if (theirs.type === 'TXT')
          expect(parseTxt(record).map((s) => Buffer.from(s))).toEqual(data);
        if (theirs.type === 'CNAME') expect(parseTarget(record, 'CNAME').join('.')).toBe(data);
        if (theirs.type === 'DS')
          expect(parseDs(record)).toEqual({
            keyTag: data.keyTag,
            algorithm: data.algorithm,
            digestType: data.digestType,
            digest: new Uint8Array(data.digest),
          });
        if (theirs.type === 'DNSKEY')
          expect(parseDnskey(record)).toEqual({
            flags: data.flags,
            protocol: 3,
            algorithm: data.algorithm,
            publicKey: new Uint8Array(data.key),
          });
        if (theirs.type === 'RRSIG') {
          const rrsig = parseRrsig(record);
          expect({
            ...rrsig,
            signer: rrsig.signer.length === 0 ? '.' : rrsig.signer.join('.'),
          }).toMatchObject({
            algorithm: data.algorithm,
            labels: data.labels,
            originalTtl: data.originalTTL,
            expiration: data.expiration,
            inception: data.inception,
            keyTag: data.keyTag,
            signer: data.signersName,
            signature: new Uint8Array(data.signature),
          });
        }
        if (theirs.type === 'NSEC3') {
          const nsec3 = parseNsec3(record);
          expect(nsec3).toMatchObject({
            hashAlgorithm: data.algorithm,
            flags: data.flags,
            iterations: data.iterations,
            salt: new Uint8Array(data.salt),
          });
          expect(nsec3.nextHashed).toEqual(new Uint8Array(data.nextDomain));
        }
      }
      expect(offset).toBe(proof.length);
    });
  }
});
