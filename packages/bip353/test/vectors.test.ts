// BIP 353's example proofs, verified with IANA's root trust anchors at 2025-08-08T00:00Z: the
// three valid ones to the addresses and offer the BIP names, the two invalid ones refused, each
// with its own code.
import { describe, expect, it } from 'vitest';
import { Bip353Error, parsePsbtDnssecProof, verifyBip353Proof } from '../src/index.js';
import { EXAMPLE_NOW, EXAMPLES, fromHex } from './helpers.js';

/** The offer BIP 353 names for `a.x_domain_cname_wild@dnssec_proof_tests.bitcoin.ninja`. */
const OFFER =
  'lno1zr5qyugqgskrk70kqmuq7v3dnr2fnmhukps9n8hut48vkqpqnskt2svsqwjakp7k6pyhtkuxw7y2kqmsxlwruhzqv0zsnhh9q3t9xhx39suc6qsr07ekm5esdyum0w66mnx8vdquwvp7dp5jp7j3v5cp6aj0w329fnkqqv60q96sz5nkrc5r95qffx002q53tqdk8x9m2tmt85jtpmcycvfnrpx3lr45h2g7na3sec7xguctfzzcm8jjqtj5ya27te60j03vpt0vq9tm2n9yxl2hngfnmygesa25s4u4zlxewqpvp94xt7rur4rhxunwkthk9vly3lm5hh0pqv4aymcqejlgssnlpzwlggykkajp7yjs5jvr2agkyypcdlj280cy46jpynsezrcj2kwa2lyr8xvd6lfkph4xrxtk2xc3lpq';

const byName = (name: string, valid = true) => {
  const found = EXAMPLES.find((e) => e.name === name && e.valid === valid);
  if (!found) throw new Error(name);
  return fromHex(found.proofHex);
};

describe('BIP 353 example proofs', () => {
  it('has the five examples of the BIP, three valid', () => {
    expect(EXAMPLES.map((e) => e.valid)).toEqual([true, true, true, false, false]);
    for (const e of EXAMPLES) {
      // The PSBT field is the length-prefixed name followed by the proof.
      expect(e.psbtHex).toBe(
        e.name.length.toString(16).padStart(2, '0') +
          Buffer.from(e.name).toString('hex') +
          e.proofHex,
      );
    }
  });

  it('simple@…: the on-chain address, the decoy TXT record ignored', async () => {
    const name = 'simple@dnssec_proof_tests.bitcoin.ninja';
    const r = await verifyBip353Proof(name, byName(name), { now: EXAMPLE_NOW });
    expect(r.name).toBe(name);
    expect(r.dnsName).toBe('simple.user._bitcoin-payment.dnssec_proof_tests.bitcoin.ninja');
    expect(r.path).toEqual([r.dnsName]);
    expect(r.uri).toBe('bitcoin:?bc=bc1qztwy6xen3zdtt7z0vrgapmjtfz8acjkfp5fp7l');
    expect(r.parsed.bc).toEqual(['bc1qztwy6xen3zdtt7z0vrgapmjtfz8acjkfp5fp7l']);
    expect(r.parsed.address).toBe('');
    // The TXT records' TTL, 30 s, is the lowest of the chain.
    expect(r.ttl).toBe(30);
    expect(r.proof).toEqual(byName(name));
  });

  it('override.x_domain_cname_wild@…: the upper-case address, not the wildcard', async () => {
    const name = 'override.x_domain_cname_wild@dnssec_proof_tests.bitcoin.ninja';
    const r = await verifyBip353Proof(`₿${name}`, byName(name), { now: EXAMPLE_NOW });
    expect(r.uri).toBe('BITCOIN:?BC=BC1QYYQ734DCNHHCWYW8YJXSWXG4P7K9NXU0QT84QZ');
    expect(r.parsed.bc).toEqual(['BC1QYYQ734DCNHHCWYW8YJXSWXG4P7K9NXU0QT84QZ']);
    expect(r.ttl).toBe(30);
  });

  it('a.x_domain_cname_wild@…: through a wildcard CNAME, proven by NSEC3, to the address and offer', async () => {
    const name = 'a.x_domain_cname_wild@dnssec_proof_tests.bitcoin.ninja';
    const r = await verifyBip353Proof(name, byName(name), { now: EXAMPLE_NOW });
    expect(r.path).toEqual([
      'a.x_domain_cname_wild.user._bitcoin-payment.dnssec_proof_tests.bitcoin.ninja',
      'matt.user._bitcoin-payment.mattcorallo.com',
    ]);
    expect(r.uri).toBe(`bitcoin:bc1qztwy6xen3zdtt7z0vrgapmjtfz8acjkfp5fp7l?lno=${OFFER}`);
    expect(r.parsed.address).toBe('bc1qztwy6xen3zdtt7z0vrgapmjtfz8acjkfp5fp7l');
    expect(r.parsed.lno).toEqual([OFFER]);
    expect(r.parsed.offers).toHaveLength(1);
    expect(r.ttl).toBe(30);
  });

  it('invalid@…: two bitcoin: records are refused', async () => {
    const name = 'invalid@dnssec_proof_tests.bitcoin.ninja';
    const error = await verifyBip353Proof(name, byName(name, false), { now: EXAMPLE_NOW }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(Bip353Error);
    expect(error.code).toBe('duplicate-payment-instructions');
  });

  it('a.x_domain_cname_wild@… without its NSEC3 record is refused', async () => {
    const name = 'a.x_domain_cname_wild@dnssec_proof_tests.bitcoin.ninja';
    const error = await verifyBip353Proof(name, byName(name, false), { now: EXAMPLE_NOW }).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(Bip353Error);
    expect(error.code).toBe('missing-wildcard-proof');
  });

  it('takes the proof as hex too, and the ₿ prefix or none', async () => {
    const e = EXAMPLES[0] as (typeof EXAMPLES)[number];
    const a = await verifyBip353Proof(e.name, e.proofHex, { now: EXAMPLE_NOW });
    const b = await verifyBip353Proof(`₿${e.name}`, fromHex(e.proofHex), { now: EXAMPLE_NOW });
    expect(a.uri).toBe(b.uri);
  });
});

describe('the PSBT field (PSBT_OUT_DNSSEC_PROOF)', () => {
  it('gives the name and the proof, which verifies', async () => {
    for (const e of EXAMPLES.filter((x) => x.valid)) {
      const { name, proof } = parsePsbtDnssecProof(e.psbtHex);
      expect(name).toBe(e.name);
      expect((await verifyBip353Proof(name, proof, { now: EXAMPLE_NOW })).name).toBe(e.name);
    }
  });

  it('refuses a value cut inside its name, and a name that is none', () => {
    expect(() => parsePsbtDnssecProof('05616c69')).toThrow(
      expect.objectContaining({ code: 'truncated-record' }),
    );
    expect(() => parsePsbtDnssecProof('')).toThrow(
      expect.objectContaining({ code: 'truncated-record' }),
    );
    expect(() => parsePsbtDnssecProof('03616263ff')).toThrow(
      expect.objectContaining({ code: 'invalid-name' }),
    );
  });
});
