// One reader per tagged field: lengths, padding, minimal encodings, values.
import { bytesToHex as hex, hexToBytes } from '@noble/hashes/utils.js';
import { bech32m } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { decode } from '../src/index.js';
import {
  baseFields,
  bytesField,
  craft,
  intField,
  PAYMENT_HASH,
  PAYMENT_SECRET,
  type RawField,
  SPEC_PUBKEY,
  textField,
  words,
} from './helpers/craft.js';
import { codeOf, errorOf, parseOnly } from './helpers/outcome.js';

/** An invoice of the base fields plus `extra`. */
const withFields = (extra: RawField[], hrp = 'lnbc'): string =>
  craft({ hrp, fields: [...baseFields(), ...extra] });
/** An invoice whose base field `tag` is replaced by `field`. */
const replacing = (tag: string, field: RawField): string =>
  craft({ fields: baseFields().map((f) => (f.tag === tag ? field : f)) });

describe('p, s, h: 256-bit fields of 52 words', () => {
  it('reads them', () => {
    const inv = decode(craft());
    expect(inv.paymentHash).toEqual(PAYMENT_HASH);
    expect(inv.paymentSecret).toEqual(PAYMENT_SECRET);
  });

  for (const tag of ['p', 's', 'h']) {
    it(`${tag}: a length other than 52 fails, or is skipped with legacy`, () => {
      for (const length of [0, 51, 53]) {
        const invoice = withFields([{ tag, words: new Uint8Array(length) }]);
        const e = errorOf(invoice);
        expect(e.code).toBe('invalid-field-length');
        expect(e.field).toBe(tag);
        expect(e.message).toContain(String(length));
        const inv = decode(invoice, { legacy: true });
        expect(inv.ignoredFields.map((f) => [f.tag, f.words.length])).toEqual([[tag, length]]);
      }
    });
  }

  it('non-zero padding bits fail (BOLT 11: "MUST pad field data to a multiple of 5 bits, using 0s")', () => {
    const padded = Uint8Array.from(bytesField('p', PAYMENT_HASH).words);
    padded[51] = (padded[51] as number) | 1;
    const e = errorOf(replacing('p', { tag: 'p', words: padded }));
    expect(e.code).toBe('invalid-padding');
    expect(e.field).toBe('p');
  });
});

describe('n: payee node key', () => {
  it('verifies the signature against n instead of recovering', () => {
    const inv = decode(withFields([bytesField('n', hexToBytes(SPEC_PUBKEY))]));
    expect(hex(inv.payeeNodeKey)).toBe(SPEC_PUBKEY);
    expect(inv.payeeSource).toBe('n-field');
  });

  it('ldk-field-units: a 52- or 54-word n fails, or is skipped with legacy', () => {
    for (const length of [52, 54]) {
      const invoice = withFields([{ tag: 'n', words: new Uint8Array(length) }]);
      expect(codeOf(invoice)).toBe('invalid-field-length');
      const inv = decode(invoice, { legacy: true });
      expect(inv.payeeSource).toBe('recovered');
      expect(hex(inv.payeeNodeKey)).toBe(SPEC_PUBKEY);
    }
  });

  it('must be a point on the curve (checked unless verify is off)', () => {
    const offCurve = hexToBytes(`05${SPEC_PUBKEY.slice(2)}`);
    const invoice = withFields([bytesField('n', offCurve)]);
    expect(codeOf(invoice)).toBe('invalid-node-key');
    expect(parseOnly(invoice).payeeNodeKey).toEqual(offCurve);
  });
});

describe('d: description', () => {
  it('reads UTF-8 text, including empty text', () => {
    expect(decode(replacing('d', textField('d', 'ナンセンス 1杯 \u{1F600}'))).description).toBe(
      'ナンセンス 1杯 \u{1F600}',
    );
    expect(decode(replacing('d', { tag: 'd', words: [] })).description).toBe('');
  });

  it('takes the longest description a field can hold (639 bytes)', () => {
    const text = 'a'.repeat(639);
    expect(decode(replacing('d', textField('d', text))).description).toBe(text);
  });

  it('rejects invalid UTF-8 (CLN run-bolt11.c cases)', () => {
    for (const tail of ['c0', 'c020', 'e0', 'e0a0', 'e0a020', 'f0', 'f0a0', 'f0a0a0', 'f0a0a020']) {
      const bytes = Uint8Array.from([...new TextEncoder().encode('bad '), ...hexToBytes(tail)]);
      const e = errorOf(replacing('d', bytesField('d', bytes)));
      expect(e.code).toBe('invalid-utf8');
      expect(e.field).toBe('d');
    }
  });
});

describe('x and c: minimal big-endian integers', () => {
  it('reads values, and defaults (3600 s, 18 blocks) when absent', () => {
    const inv = decode(withFields([intField('x', 60), intField('c', 144)]));
    expect([inv.expiry, inv.expiresAt - inv.timestamp, inv.minFinalCltvExpiryDelta]).toEqual([
      60, 60, 144,
    ]);
    const plain = decode(craft());
    expect([plain.expiry, plain.minFinalCltvExpiryDelta]).toEqual([3600, 18]);
  });

  it('ldk-field-units: c "pr" is 35; x "sqqqqqqqqqqqq" (65 bits) overflows', () => {
    expect(decode(withFields([{ tag: 'c', words: words('pr') }])).minFinalCltvExpiryDelta).toBe(35);
    expect(codeOf(withFields([{ tag: 'x', words: words('sqqqqqqqqqqqq') }]))).toBe(
      'integer-too-large',
    );
  });

  it('reads an empty field as 0, its minimal encoding; leading zero words only with legacy', () => {
    // "MUST use the minimum `data_length` possible, i.e. no leading 0 field-elements"
    const zero = decode(
      withFields([
        { tag: 'x', words: [] },
        { tag: 'c', words: [] },
      ]),
    );
    expect([zero.expiry, zero.expiresAt - zero.timestamp, zero.minFinalCltvExpiryDelta]).toEqual([
      0, 0, 0,
    ]);
    expect(zero.relaxed).toEqual([]);
    for (const tag of ['x', 'c']) {
      for (const leading of [[0], [0, 1, 28], [0, 0]]) {
        const invoice = withFields([{ tag, words: leading }]);
        expect(codeOf(invoice)).toBe('non-minimal-encoding');
        const legacy = decode(invoice, { legacy: true });
        expect(legacy.relaxed).toEqual([
          expect.objectContaining({ code: 'non-minimal-encoding', field: tag }),
        ]);
      }
    }
    expect(decode(withFields([{ tag: 'x', words: [0, 1, 28] }]), { legacy: true }).expiry).toBe(60);
  });

  it('keeps 2^35-1 exact and rejects an expiry whose end exceeds 2^53-1', () => {
    expect(decode(withFields([intField('x', 2 ** 35 - 1)])).expiry).toBe(2 ** 35 - 1);
    expect(codeOf(withFields([intField('x', Number.MAX_SAFE_INTEGER)]))).toBe('integer-too-large');
  });
});

describe('9: features', () => {
  it('names BOLT 9 bits and marks required (even) and optional (odd)', () => {
    const inv = decode(replacing('9', { tag: '9', words: words('gqqqqqqsgq') })); // the spec's 8, 14, 48
    expect(inv.features).toEqual([
      { bit: 8, name: 'var_onion_optin', required: true, known: true },
      { bit: 14, name: 'payment_secret', required: true, known: true },
      { bit: 48, name: 'option_payment_metadata', required: true, known: true },
    ]);
    const optional = decode(replacing('9', { tag: '9', words: words('9qsq') })); // bits 9, 15, 17
    expect(optional.features.map((f) => [f.bit, f.name, f.required])).toEqual([
      [9, 'var_onion_optin', false],
      [15, 'payment_secret', false],
      [17, 'basic_mpp', false],
    ]);
  });

  it('lists odd unknown bits and accepts them (it is ok to be odd)', () => {
    const inv = decode(replacing('9', { tag: '9', words: words('sqqqqqqqqqqqqqqqqsgq') }));
    expect(inv.features.map((f) => f.bit)).toEqual([8, 14, 99]);
    expect(inv.features[2]).toEqual({ bit: 99, name: undefined, required: false, known: false });
  });

  it('fails on unknown even bits, naming them', () => {
    const e = errorOf(replacing('9', { tag: '9', words: words('psqqqqqqqqqqqqqqqqsgq') }));
    expect(e.code).toBe('unknown-required-feature');
    expect(e.message).toContain('100');
  });

  it('fails on even bits of features BOLT 9 does not allow in invoices', () => {
    // bit 22 (option_anchors, context INT) required: a payer cannot know what an invoice means by it
    const e = errorOf(replacing('9', { tag: '9', words: [4, 0, 16, 8, 0] }));
    expect(e.code).toBe('unknown-required-feature');
    expect(e.message).toContain('22');
  });

  it('ldk-missing-features: no 9 field, or an empty one, is valid', () => {
    expect(decode(craft({ fields: baseFields().filter((f) => f.tag !== '9') })).features).toEqual(
      [],
    );
    expect(decode(replacing('9', { tag: '9', words: [] })).features).toEqual([]);
  });

  it('rejects a leading zero word', () => {
    expect(codeOf(replacing('9', { tag: '9', words: words('qsgq') }))).toBe('non-minimal-encoding');
  });
});

describe('f: fallback addresses', () => {
  const p2pkh = hexToBytes('3172b5654f6683c8fb146959d347ce303cae4ca7');
  const fallback = (version: number, program: Uint8Array): RawField => {
    const w = bytesField('f', program).words;
    return { tag: 'f', words: [version, ...Array.from(w)] };
  };

  it('renders each version in the address format of the invoice network', () => {
    const program32 = new Uint8Array(32).fill(7);
    const cases: [string, number, Uint8Array, string][] = [
      ['lntb', 17, p2pkh, 'mk2QpYatsKicvFVuTAQLBryyccRXMUaGHP'],
      ['lntbs', 17, p2pkh, 'mk2QpYatsKicvFVuTAQLBryyccRXMUaGHP'],
      [
        'lnbc',
        18,
        hexToBytes('8f55563b9a19f321c211e9b9f38cdf686ea07845'),
        '3EktnHQD7RiAE6uzMj2ZifT9YgRrkSgzQX',
      ],
      [
        'lnbc',
        0,
        hexToBytes('751e76e8199196d454941c45d1b3a323f1433bd6'),
        'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
      ],
      [
        'lntbs',
        0,
        hexToBytes('751e76e8199196d454941c45d1b3a323f1433bd6'),
        'tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx',
      ],
      ['lnbcrt', 1, program32, bech32m.encode('bcrt', [1, ...bech32m.toWords(program32)])],
    ];
    for (const [hrp, version, program, address] of cases) {
      const inv = decode(withFields([fallback(version, program)], hrp));
      expect(inv.fallbackAddresses).toEqual([{ version, program, address }]);
    }
  });

  it('lnd-unknown-witness-version-fallback: version 2 is a valid witness version (bech32m, bc1z…)', () => {
    const inv = decode(withFields([fallback(2, new Uint8Array(32).fill(1))]));
    expect(inv.fallbackAddresses[0]?.address.startsWith('bc1z')).toBe(true);
  });

  it('keeps several f fields in order', () => {
    const inv = decode(withFields([fallback(17, p2pkh), fallback(0, new Uint8Array(20))]));
    expect(inv.fallbackAddresses.map((f) => f.version)).toEqual([17, 0]);
  });

  it('ldk-fallback-field-units: unknown versions are skipped, bad ones fail', () => {
    const skipped = decode(withFields([{ tag: 'f', words: [21, ...new Array(40).fill(0)] }]));
    expect(skipped.fallbackAddresses).toEqual([]);
    expect(skipped.ignoredFields.map((f) => f.reason)).toEqual(['unknown fallback version 21']);
    expect(codeOf(withFields([{ tag: 'f', words: [] }]))).toBe('invalid-fallback');
    expect(codeOf(withFields([{ tag: 'f', words: [1, ...new Array(80).fill(0)] }]))).toBe(
      'invalid-fallback',
    );
    expect(codeOf(withFields([{ tag: 'f', words: [17] }]))).toBe('invalid-fallback');
    expect(codeOf(withFields([{ tag: 'f', words: [18] }]))).toBe('invalid-fallback');
  });

  it('rejects witness programs of impossible lengths', () => {
    expect(codeOf(withFields([fallback(0, new Uint8Array(25))]))).toBe('invalid-fallback');
    expect(codeOf(withFields([fallback(1, new Uint8Array(1))]))).toBe('invalid-fallback');
    expect(codeOf(withFields([fallback(16, new Uint8Array(41))]))).toBe('invalid-fallback');
    expect(decode(withFields([fallback(16, new Uint8Array(40))])).fallbackAddresses).toHaveLength(
      1,
    );
  });
});

describe('r: route hints', () => {
  const hop = (
    pubkey: string,
    scid: string,
    base: number,
    prop: number,
    cltv: number,
  ): Uint8Array =>
    hexToBytes(
      pubkey +
        scid +
        base.toString(16).padStart(8, '0') +
        prop.toString(16).padStart(8, '0') +
        cltv.toString(16).padStart(4, '0'),
    );

  it('reads routes of hops, each r field a route, short channel ids as BxTxO', () => {
    const a = hop(SPEC_PUBKEY, '0102030405060708', 1, 20, 3);
    const b = hop(SPEC_PUBKEY, 'ffffffffffffffff', 0xffffffff, 0xffffffff, 0xffff);
    const inv = decode(
      withFields([bytesField('r', Uint8Array.from([...a, ...b])), bytesField('r', a)]),
    );
    expect(inv.routeHints.map((route) => route.length)).toEqual([2, 1]);
    expect(inv.routeHints[0]?.[0]).toEqual({
      pubkey: hexToBytes(SPEC_PUBKEY),
      shortChannelId: '66051x263430x1800',
      feeBaseMsat: 1,
      feeProportionalMillionths: 20,
      cltvExpiryDelta: 3,
    });
    expect(inv.routeHints[0]?.[1]).toMatchObject({
      shortChannelId: '16777215x16777215x65535',
      feeBaseMsat: 4294967295,
      feeProportionalMillionths: 4294967295,
      cltvExpiryDelta: 65535,
    });
  });

  it('ldk-field-units: lengths that are not a non-zero multiple of 51 bytes fail', () => {
    expect(codeOf(withFields([{ tag: 'r', words: new Array(40).fill(0) }]))).toBe(
      'invalid-route-hint',
    );
    expect(codeOf(withFields([{ tag: 'r', words: [] }]))).toBe('invalid-route-hint');
    expect(codeOf(withFields([bytesField('r', new Uint8Array(52))]))).toBe('invalid-route-hint');
  });

  it('hop keys must be points on the curve (checked unless verify is off)', () => {
    const bad = hop(`04${SPEC_PUBKEY.slice(2)}`, '0102030405060708', 1, 2, 3);
    const invoice = withFields([bytesField('r', bad)]);
    const e = errorOf(invoice);
    expect(e.code).toBe('invalid-route-hint-key');
    expect(e.message).toContain('hop 0');
    expect(parseOnly(invoice).routeHints).toHaveLength(1);
  });
});

describe('m: metadata, and unknown fields', () => {
  it('reads metadata bytes', () => {
    const inv = decode(withFields([bytesField('m', hexToBytes('01fafaf0'))]));
    expect(hex(inv.metadata as Uint8Array)).toBe('01fafaf0');
  });

  it('keeps unknown fields raw, in order, among the known ones', () => {
    const inv = decode(
      craft({
        fields: [{ tag: 'v', words: [1, 2, 3] }, ...baseFields(), { tag: '2', words: [0, 0, 0] }],
      }),
    );
    expect(inv.unknownFields.map((f) => [f.tag, f.type, Array.from(f.words)])).toEqual([
      ['v', 12, [1, 2, 3]],
      ['2', 10, [0, 0, 0]],
    ]);
    expect(inv.fields.map((f) => f.tag)).toEqual(['v', 'p', 's', 'd', '9', '2']);
  });
});
