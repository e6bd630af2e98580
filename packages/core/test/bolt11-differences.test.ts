// Every known difference between @lninvoice/core and bitcoinjs `bolt11` 1.4.1, each pinned by a
// test below that shows both behaviours, so that this list cannot go stale. The differential
// tests (bolt11-ours-to-theirs, bolt11-theirs-to-ours) generate only invoices outside these
// cases; the README summarises them ("Differences from bitcoinjs bolt11").
//
// Reading (bolt11 `decode` and our `decode`):
//  1. Networks: bolt11 has no signet (`lntbs…` fails "Unknown coin bech32 prefix"); it knows
//     simnet (`lnsb…`), which we read only when given it with `networks`.
//  2. Input: bolt11 takes the bare invoice; we also take a `lightning:` prefix and whitespace
//     around it.
//  3. Length: bolt11 has no limit; we refuse more than 7089 characters (`too-long`).
//  4. Amounts: bolt11 refuses more than 21 million bitcoin, which we read (up to 2^64−1 msat);
//     it reads a zero amount and leading zeros (`lnbc0p`, `lnbc025m`), which we refuse
//     (`invalid-amount`).
//  5. Framing: bolt11 reads a data part too short for the timestamp and the signature
//     (`too-short`) and a last field whose length runs into the signature (`truncated-field`).
//  6. Required fields: bolt11 reads invoices without `s` (`missing-payment-secret`), without `p`
//     (`missing-payment-hash`), and with neither or both of `d` and `h` (`missing-description`,
//     `duplicate-description`).
//  7. Duplicate fields: bolt11 reads them, its `tagsObject` keeping the last one; we refuse them
//     (`duplicate-field`).
//  8. Unknown even feature bits: bolt11 reads them (it names bits 0–19 after an old BOLT 9
//     list, so a required bit 0 is `option_data_loss_protect`, not allowed in invoices); we
//     refuse them (`unknown-required-feature`).
//  9. Wrong-length `p`, `h`, `s`: bolt11 reads them at any length; we refuse them
//     (`invalid-field-length`), or skip them with `legacy`.
// 10. The spec's disputed example "fields which must be ignored": bolt11 takes its short `n` for
//     the payee key and fails the signature check; we refuse it, and read it with `legacy`.
// 11. Encodings: bolt11 ignores non-zero padding (`invalid-padding`), reads non-minimal `x`, `c` and
//     `9` (`non-minimal-encoding`), and replaces invalid UTF-8 in `d` by U+FFFD (`invalid-utf8`).
// 12. Large integers: bolt11 throws a RangeError ("Invalid time value") when timestamp + expiry
//     passes 8.64e12 seconds, where JavaScript dates end; we read up to 2^53−1. A `c` above
//     2^53−1 is an inexact float in bolt11 and `integer-too-large` in ours.
// 13. Route hints: bolt11 reads an `r` of any length (a partial hop gets NaN fees) and does not
//     check hop keys; we refuse both (`invalid-route-hint`, `invalid-route-hint-key`).
// 14. Fallbacks: bolt11 reads an empty `f` (`invalid-fallback`) and a version 0 program of any size
//     (`invalid-fallback`); it gives no address for versions 2–16, which we write as bech32m
//     addresses, and lists versions 19–31, which we skip into `ignoredFields`.
// 15. Defaults: without `x` or `c`, bolt11 reports no expiry and no min_final_cltv_expiry; we
//     report BOLT 11's 3600 and 18.
// 16. Metadata: bolt11 does not know `m` and keeps it as an unknown tag of words; we read it.
// 17. Signatures: with `n`, bolt11 recovers a key and compares it with `n`, so it accepts a
//     high-S signature, which BOLT 11 fails (`non-canonical-signature`). Without `n`, both recover the same
//     key from a high-S signature (from the spec's example, 02d0139c…, not the spec's key).
//
// Writing (bolt11 `encode` + `sign`, and our `createInvoice` + `signInvoice`):
// 18. bolt11 writes a timestamp of 2^35 or more over more than 7 words, which garbles the
//     invoice; a lone surrogate in a description as U+FFFD; a zero amount as `lnbc0p…`. We refuse
//     each of these parameters (RangeError).
// 19. bolt11 writes leading zero words in `9` when `word_length` is larger than needed or
//     `extra_bits` end with unset bits; we always write the minimal form (and refuse the other).
// 20. bolt11 writes a fallback given as an address only for segwit v0/v1 and base58, and only in
//     its first fallback tag (another one throws a TypeError); we take any address, any number.
// 21. bolt11 writes unknown fields, so `m`, only when rebuilding an invoice from a given
//     signature; otherwise it throws "Unknown tag key". We write `m` from `metadata`.
// 22. By default bolt11 writes `x` = 3600 and `c` = 9 (the old default); we write neither unless
//     asked (readers then assume 3600 and 18).
// 23. bolt11 writes an `x` or `c` of 0 as one zero word, which the current text makes
//     non-minimal ("no leading 0 field-elements": the minimal form of 0 has no words); we refuse
//     it (`non-minimal-encoding`, read with `legacy`) and write 0 as an empty field, which bolt11
//     reads as 0.

import { bytesToHex as hex } from '@noble/hashes/utils.js';
import * as secp from '@noble/secp256k1';
import { bech32 } from '@scure/base';
import type { PaymentRequestObject } from 'bolt11';
import { decode as theirDecode, encode as theirEncode, sign as theirSign } from 'bolt11';
import {
  BOLT11_IMPLEMENTATIONS as implementations,
  BOLT11_INVALID as invalid,
  BOLT11_VALID as valid,
} from 'test-support/bolt11-vectors';
import { describe, expect, it } from 'vitest';
import { CHARSET } from '../src/bech32.js';
import { createInvoice, decode, MAX_INVOICE_LENGTH, signInvoice } from '../src/index.js';
import {
  baseFields,
  bytesField,
  craft,
  craftWords,
  intField,
  PAYMENT_HASH,
  type RawField,
  SIMNET,
  SPEC_KEY,
  SPEC_PUBKEY,
  textField,
  words,
} from './helpers/craft.js';
import { codeOf } from './helpers/outcome.js';

const vector = (list: readonly { name: string; invoice: string | null }[], name: string): string =>
  list.find((v) => v.name === name)?.invoice as string;

const without = (tag: string): RawField[] => baseFields().filter((f) => f.tag !== tag);
const withField = (field: RawField): string => craft({ fields: [...baseFields(), field] });
const tagsOf = (invoice: string) => theirDecode(invoice).tagsObject;

/** What bolt11's `encode` and `sign` write for these tags (and more input), with the spec key. */
const theirInvoice = (
  tags: { tagName: string; data: unknown }[],
  input: Partial<PaymentRequestObject> = {},
  addDefaults = true,
): string => {
  const base = [
    { tagName: 'payment_hash', data: hex(PAYMENT_HASH) },
    { tagName: 'payment_secret', data: '11'.repeat(32) },
  ];
  const unsigned = theirEncode(
    { timestamp: 1496314658, ...input, tags: [...base, ...tags] } as PaymentRequestObject,
    addDefaults,
  );
  return theirSign(unsigned, hex(SPEC_KEY)).paymentRequest as string;
};
const describedAs = (text: string) => [{ tagName: 'description', data: text }];

describe('reading: bolt11 and ours differ on', () => {
  it('1. networks: no signet in bolt11; simnet built in', () => {
    const signet = craft({ hrp: 'lntbs10u' });
    expect(() => theirDecode(signet)).toThrow('Unknown coin bech32 prefix');
    expect(decode(signet).network).toBe('signet');

    const simnet = craft({ hrp: 'lnsb' });
    expect(theirDecode(simnet).network?.bech32).toBe('sb');
    expect(codeOf(simnet)).toBe('unknown-prefix');
    expect(decode(simnet, { networks: [SIMNET] }).network).toBe('simnet');
  });

  it('2. input: a lightning: prefix and whitespace, taken by ours only', () => {
    for (const input of [`lightning:${craft()}`, ` ${craft()}\n`]) {
      expect(() => theirDecode(input)).toThrow('Not a proper lightning payment request');
      expect(codeOf(input)).toBe('decoded');
    }
  });

  it('3. length: no limit in bolt11; 7089 characters in ours', () => {
    const long = craft({
      fields: [
        ...baseFields(),
        ...Array.from({ length: 7 }, () => ({ tag: 'v', words: new Array(1000).fill(3) })),
      ],
    });
    expect(long.length).toBeGreaterThan(MAX_INVOICE_LENGTH);
    expect(tagsOf(long).unknownTags).toHaveLength(7);
    expect(codeOf(long)).toBe('too-long');
  });

  it('4. amounts: above 21 million bitcoin, zero, leading zeros', () => {
    const huge = craft({ hrp: 'lnbc21000001' });
    expect(() => theirDecode(huge)).toThrow('Amount is outside of valid range');
    expect(decode(huge).amountMsat).toBe(2_100_000_100_000_000_000n);

    const readByBolt11: [string, string][] = [
      ['lnbc0p', '0'],
      ['lnbc025m', '2500000000'],
    ];
    for (const [hrp, msat] of readByBolt11) {
      const invoice = craft({ hrp });
      expect(theirDecode(invoice).millisatoshis).toBe(msat);
      expect(codeOf(invoice)).toBe('invalid-amount');
    }
  });

  it('5. framing: too short for a timestamp, a field running into the signature', () => {
    const short = craftWords('lnbc', [1, 2, 3]);
    expect(theirDecode(short)).toMatchObject({ timestamp: 1 * 1024 + 2 * 32 + 3, tags: [] });
    expect(codeOf(short)).toBe('too-short');

    // A `v` field that says 5 words and has none: the signature follows at once.
    const plain = craft();
    const signed = words(plain.slice(plain.lastIndexOf('1') + 1, -6 - 104));
    const truncated = craftWords('lnbc', [...signed, CHARSET.indexOf('v'), 0, 5]);
    expect(tagsOf(truncated).unknownTags).toEqual([
      { tagCode: CHARSET.indexOf('v'), words: expect.any(String) },
    ]);
    expect(codeOf(truncated)).toBe('truncated-field');
  });

  it('6. required fields: no s, no p, neither or both of d and h', () => {
    const noS = vector(invalid, 'missing-payment-secret');
    expect(tagsOf(noS).payment_secret).toBeUndefined();
    expect(codeOf(noS)).toBe('missing-payment-secret');

    const cases: [RawField[], string][] = [
      [without('p'), 'missing-payment-hash'],
      [without('d'), 'missing-description'],
      [[...baseFields(), bytesField('h', new Uint8Array(32))], 'duplicate-description'],
    ];
    for (const [fields, code] of cases) {
      const invoice = craft({ fields });
      expect(theirDecode(invoice).payeeNodeKey).toBe(SPEC_PUBKEY);
      expect(codeOf(invoice)).toBe(code);
    }
  });

  it('7. duplicate fields: bolt11 keeps the last one', () => {
    const twoD = withField(textField('d', 'tea'));
    expect(tagsOf(twoD).description).toBe('tea');
    expect(codeOf(twoD)).toBe('duplicate-field');

    const twoS = withField(bytesField('s', new Uint8Array(32).fill(0x22)));
    expect(tagsOf(twoS).payment_secret).toBe('22'.repeat(32));
    expect(codeOf(twoS)).toBe('duplicate-field');
  });

  it('8. unknown even feature bits, and bits BOLT 9 does not allow in invoices', () => {
    const bit100 = vector(invalid, 'unknown-even-feature-100');
    expect(tagsOf(bit100).feature_bits?.extra_bits?.has_required).toBe(true);
    expect(codeOf(bit100)).toBe('unknown-required-feature');

    // `9` = bits 0 (option_data_loss_protect, required), 8 and 14.
    const bit0 = craft({ fields: [...without('9'), { tag: '9', words: words('sgp') }] });
    expect(tagsOf(bit0).feature_bits?.option_data_loss_protect?.required).toBe(true);
    expect(codeOf(bit0)).toBe('unknown-required-feature');
  });

  it('9. wrong-length p, h and s: read at any length by bolt11', () => {
    const shortP = craft({ fields: [bytesField('p', new Uint8Array(31)), ...without('p')] });
    expect(tagsOf(shortP).payment_hash).toBe('00'.repeat(31));
    expect(codeOf(shortP)).toBe('invalid-field-length');
    expect(codeOf(shortP, { legacy: true })).toBe('missing-payment-hash');

    const longS = craft({ fields: [...without('s'), bytesField('s', new Uint8Array(33))] });
    expect(tagsOf(longS).payment_secret).toBe('00'.repeat(33));
    expect(codeOf(longS)).toBe('invalid-field-length');
  });

  it('10. the disputed spec example: its short n is the payee for bolt11', () => {
    const disputed = vector(valid, 'ignored-fields-disputed');
    expect(() => theirDecode(disputed)).toThrow('signature pubkey does not match payee pubkey');
    expect(codeOf(disputed)).toBe('invalid-field-length');
    expect(hex(decode(disputed, { legacy: true }).payeeNodeKey)).toBe(SPEC_PUBKEY);
  });

  it('11. encodings: padding, minimal integers and features, UTF-8', () => {
    const p = bytesField('p', PAYMENT_HASH);
    const padded = Array.from(p.words);
    padded[51] = (padded[51] as number) | 1; // 52 words hold 260 bits: the last 4 are padding
    const badPadding = craft({ fields: [{ tag: 'p', words: padded }, ...without('p')] });
    expect(tagsOf(badPadding).payment_hash).toBe(hex(PAYMENT_HASH));
    expect(codeOf(badPadding)).toBe('invalid-padding');

    const nonMinimal: [RawField, string, number][] = [
      [{ tag: 'x', words: [0, 1] }, 'expire_time', 1],
      [{ tag: 'c', words: [0, 9] }, 'min_final_cltv_expiry', 9],
    ];
    for (const [field, name, value] of nonMinimal) {
      const invoice = withField(field);
      expect(tagsOf(invoice)[name as 'expire_time']).toBe(value);
      expect(codeOf(invoice)).toBe('non-minimal-encoding');
    }
    const features = craft({
      fields: [...without('9'), { tag: '9', words: [0, ...words('sgq')] }],
    });
    expect(tagsOf(features).feature_bits?.payment_secret?.required).toBe(true);
    expect(codeOf(features)).toBe('non-minimal-encoding');

    const utf8 = craft({
      fields: [...without('d'), bytesField('d', Uint8Array.of(0x61, 0xc0))],
    });
    expect(tagsOf(utf8).description).toBe('a\uFFFD');
    expect(codeOf(utf8)).toBe('invalid-utf8');
  });

  it('12. large integers: expiry past the end of JavaScript dates, c above 2^53-1', () => {
    const expiry = withField(intField('x', 2 ** 50));
    expect(() => theirDecode(expiry)).toThrow(RangeError);
    expect(() => theirDecode(expiry)).toThrow('Invalid time value');
    expect(decode(expiry).expiry).toBe(2 ** 50);

    // 2^55 + 1 in 12 words: bolt11 sums floats and loses the 1.
    const cltv = withField({ tag: 'c', words: [1, ...new Array(10).fill(0), 1] });
    expect(tagsOf(cltv).min_final_cltv_expiry).toBe(2 ** 55);
    expect(codeOf(cltv)).toBe('integer-too-large');
  });

  it('13. route hints: a partial hop, a hop key off the curve', () => {
    const partial = withField({ tag: 'r', words: new Array(40).fill(1) });
    expect(tagsOf(partial).routing_info?.[0]?.fee_base_msat).toBeNaN();
    expect(codeOf(partial)).toBe('invalid-route-hint');

    const offCurve = vector(implementations, 'cln-invalid-route-pubkey');
    expect(tagsOf(offCurve).routing_info).toHaveLength(1);
    expect(codeOf(offCurve)).toBe('invalid-route-hint-key');
  });

  it('14. fallbacks: empty, a v0 program of 25 bytes, versions 2-16 and 19-31', () => {
    const program = new Uint8Array(20).fill(7);
    const fallback = (version: number, bytes: Uint8Array): RawField => ({
      tag: 'f',
      words: [version, ...Array.from(bytesField('f', bytes).words)],
    });
    const empty = withField({ tag: 'f', words: [] });
    expect(tagsOf(empty).fallback_address).toMatchObject({ address: null });
    expect(codeOf(empty)).toBe('invalid-fallback');

    const v0 = withField(fallback(0, new Uint8Array(25)));
    expect(tagsOf(v0).fallback_address?.address).toMatch(/^bc1q/);
    expect(codeOf(v0)).toBe('invalid-fallback');

    const v2 = withField(fallback(2, program));
    expect(tagsOf(v2).fallback_address).toEqual({
      code: 2,
      address: null,
      addressHash: hex(program),
    });
    expect(decode(v2).fallbackAddresses[0]?.address).toMatch(/^bc1z/);

    const v19 = withField(fallback(19, program));
    expect(tagsOf(v19).fallback_address).toEqual({
      code: 19,
      address: null,
      addressHash: hex(program),
    });
    expect(decode(v19).ignoredFields.map((f) => f.tag)).toEqual(['f']);
  });

  it('15. defaults: no x or c, reported as absent by bolt11', () => {
    const plain = craft();
    expect(tagsOf(plain)).not.toHaveProperty('expire_time');
    expect(tagsOf(plain)).not.toHaveProperty('min_final_cltv_expiry');
    expect(decode(plain)).toMatchObject({ expiry: 3600, minFinalCltvExpiryDelta: 18 });
  });

  it('16. metadata: an unknown tag of words for bolt11', () => {
    const invoice = withField(bytesField('m', Uint8Array.of(1, 2, 3)));
    expect(tagsOf(invoice).unknownTags).toEqual([
      { tagCode: CHARSET.indexOf('m'), words: expect.any(String) },
    ]);
    expect(decode(invoice).metadata).toEqual(Uint8Array.of(1, 2, 3));
  });

  it('17. signatures: a high-S signature with n, accepted by bolt11 only', () => {
    const withN = craft({
      highS: true,
      fields: [...baseFields(), bytesField('n', secp.getPublicKey(SPEC_KEY))],
    });
    expect(theirDecode(withN).payeeNodeKey).toBe(SPEC_PUBKEY);
    expect(codeOf(withN)).toBe('non-canonical-signature');

    // Without n, both accept high S and recover the same key.
    const recovery = vector(valid, 'high-s-public-key-recovery');
    expect(theirDecode(recovery).payeeNodeKey).toMatch(/^02d0139c/);
    expect(hex(decode(recovery).payeeNodeKey)).toBe(theirDecode(recovery).payeeNodeKey);
  });
});

describe('writing: bolt11 and ours differ on', () => {
  const params = { network: 'bitcoin', paymentHash: PAYMENT_HASH, description: 'x' } as const;

  it('18. timestamps from 2^35, lone surrogates, zero amounts', () => {
    const late = theirInvoice(describedAs('x'), { timestamp: 2 ** 35 });
    expect(theirDecode(late).timestamp).not.toBe(2 ** 35);
    expect(codeOf(late)).toBe('truncated-field');
    expect(() => createInvoice({ ...params, timestamp: 2 ** 35 })).toThrow(RangeError);

    const surrogate = theirInvoice(describedAs('a\uD800'));
    expect(decode(surrogate).description).toBe('a\uFFFD');
    expect(() => createInvoice({ ...params, description: 'a\uD800' })).toThrow(RangeError);

    const zero = theirInvoice(describedAs('x'), { millisatoshis: '0' });
    expect(zero.startsWith('lnbc0p1')).toBe(true);
    expect(codeOf(zero)).toBe('invalid-amount');
    expect(() => createInvoice({ ...params, amountMsat: 0n })).toThrow(RangeError);
  });

  it('19. feature bits with leading zero words', () => {
    const paymentSecret = { supported: true };
    for (const data of [
      { word_length: 6, payment_secret: paymentSecret },
      {
        payment_secret: paymentSecret,
        extra_bits: { start_bit: 20, bits: [false, true, false, false, false, false] },
      },
    ]) {
      const invoice = theirInvoice([...describedAs('x'), { tagName: 'feature_bits', data }]);
      expect(theirDecode(invoice).tagsObject.feature_bits?.word_length).toBe(6);
      expect(codeOf(invoice)).toBe('non-minimal-encoding');
    }
  });

  it('20. fallbacks given as addresses: segwit v0/v1 and base58, first tag only', () => {
    const address = '1RustyRX2oai4EYYDpQGWvEL62BBGqN9T';
    const p2pkh = () => ({ tagName: 'fallback_address', data: { address } });
    expect(() => theirInvoice([...describedAs('x'), p2pkh(), p2pkh()])).toThrow(TypeError);
    const v2 = {
      tagName: 'fallback_address',
      data: { address: 'bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs' },
    };
    expect(() => theirInvoice([...describedAs('x'), v2])).toThrow('witness version is unknown');

    const ours = createInvoice({
      ...params,
      fallbackAddresses: [address, address, v2.data.address],
    });
    expect(ours.fields.filter((f) => f.tag === 'f')).toHaveLength(3);
  });

  it('21. unknown fields (so m) only when rebuilding from a signature', () => {
    const metadata = bech32.encode('unknown', bech32.toWords(Uint8Array.of(1, 2, 3)), false);
    const m = { tagName: 'unknownTag', data: { tagCode: CHARSET.indexOf('m'), words: metadata } };
    expect(() => theirInvoice([...describedAs('x'), m])).toThrow('Unknown tag key: unknownTag');
    const ours = createInvoice({ ...params, metadata: Uint8Array.of(1, 2, 3) });
    expect(ours.fields.map((f) => f.tag)).toContain('m');
  });

  it('23. zero x and c: one zero word from bolt11, no words from ours', () => {
    const theirs = theirInvoice([
      ...describedAs('zero'),
      { tagName: 'expire_time', data: 0 },
      { tagName: 'min_final_cltv_expiry', data: 0 },
    ]);
    expect(theirs).toContain('xqpqcqpq'); // type, data_length 1, one zero word
    expect(codeOf(theirs)).toBe('non-minimal-encoding');
    const legacy = decode(theirs, { legacy: true });
    expect([legacy.expiry, legacy.minFinalCltvExpiryDelta]).toEqual([0, 0]);
    expect(legacy.relaxed.map((r) => `${r.code} ${r.field}`)).toEqual([
      'non-minimal-encoding x',
      'non-minimal-encoding c',
    ]);
    const ours = createInvoice({ ...params, minFinalCltvExpiryDelta: 0 });
    const c = ours.fields.find((f) => f.tag === 'c');
    expect(c?.words).toHaveLength(0);
    const oursSigned = signInvoice(ours, SPEC_KEY);
    expect(theirDecode(oursSigned).tagsObject.min_final_cltv_expiry).toBe(0);
    expect(decode(oursSigned).minFinalCltvExpiryDelta).toBe(0);
  });

  it('22. default x and c: written by bolt11 (c = 9), left out by ours', () => {
    const theirs = decode(theirInvoice(describedAs('x')));
    expect(theirs.fields.map((f) => f.tag)).toEqual(expect.arrayContaining(['x', 'c']));
    expect(theirs).toMatchObject({ expiry: 3600, minFinalCltvExpiryDelta: 9 });
    const tags = createInvoice(params).fields.map((f) => f.tag);
    expect(tags).not.toContain('x');
    expect(tags).not.toContain('c');
  });
});
