// Each item of the checklist: pass, fail and the boundary.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { expectSafeText } from 'test-support/outcome';
import { describe, expect, it } from 'vitest';
import { validate } from '../src/index.js';
import { codes, make, PUBKEY, T0 } from './helpers/index.js';

const at = (now: number, extra = {}) => ({ now, ...extra });

describe('network', () => {
  it('passes on the payer’s network, fails on another', () => {
    expect(validate(make(), at(T0, { network: 'bitcoin' })).ok).toBe(true);
    const r = validate(make({ network: 'signet' }), at(T0, { network: 'bitcoin' }));
    expect(codes(r)).toEqual(['network-mismatch']);
    expect(r.issues[0]?.message).toContain('signet (prefix lntbs)');
  });
});

describe('expiry', () => {
  const invoice = make({ expiry: 600 });
  it('passes before expiry and at the very second it expires, fails one second later', () => {
    expect(validate(invoice, at(T0 + 599)).ok).toBe(true);
    expect(validate(invoice, at(T0 + 600)).ok).toBe(true);
    const r = validate(invoice, at(T0 + 601));
    expect(codes(r)).toEqual(['expired']);
    expect(r.issues[0]).toMatchObject({ severity: 'error', field: 'x' });
    expect(r.issues[0]?.rule).toContain('SHOULD NOT attempt a payment');
  });

  it('uses 3600 s without an x field', () => {
    expect(validate(make(), at(T0 + 3600)).ok).toBe(true);
    expect(codes(validate(make(), at(T0 + 3601)))).toEqual(['expired']);
  });

  it('fails when less than minExpiryLeft remains, passes at exactly that much', () => {
    expect(validate(invoice, at(T0 + 540, { minExpiryLeft: 60 })).ok).toBe(true);
    expect(codes(validate(invoice, at(T0 + 541, { minExpiryLeft: 60 })))).toEqual([
      'expires-too-soon',
    ]);
  });

  it('warns, without failing, when no clock is given', () => {
    const r = validate(invoice);
    expect(r.ok).toBe(true);
    expect(codes(r)).toEqual(['expiry-unchecked']);
  });

  it('warns of a timestamp beyond the clock skew, not at it', () => {
    expect(codes(validate(invoice, at(T0 - 600)))).toEqual([]);
    expect(codes(validate(invoice, at(T0 - 601)))).toEqual(['timestamp-in-future']);
    expect(codes(validate(invoice, at(T0 - 10, { clockSkew: 9 })))).toEqual([
      'timestamp-in-future',
    ]);
  });

  it('fails above maxExpiry, passes at it; warns of more than 30 days otherwise', () => {
    expect(validate(invoice, at(T0, { maxExpiry: 600 })).ok).toBe(true);
    expect(codes(validate(invoice, at(T0, { maxExpiry: 599 })))).toEqual(['expiry-too-long']);
    expect(codes(validate(make({ expiry: 30 * 86400 }), at(T0)))).toEqual([]);
    const long = validate(make({ expiry: 30 * 86400 + 1 }), at(T0));
    expect([long.ok, codes(long)]).toEqual([true, ['long-expiry']]);
  });
});

describe('amount', () => {
  it('passes an equal amount, fails another', () => {
    expect(validate(make(), at(T0, { amountMsat: 1_000_000n })).ok).toBe(true);
    const r = validate(make(), at(T0, { amountMsat: 999_999n }));
    expect(codes(r)).toEqual(['amount-mismatch']);
    expect(r.issues[0]?.message).toBe(
      'the invoice asks 1000000 msat (1000 sat), the payer expects 999999 msat (999.999 sat)',
    );
  });

  it('checks bounds inclusively', () => {
    expect(
      validate(make(), at(T0, { minAmountMsat: 1_000_000n, maxAmountMsat: 1_000_000n })).ok,
    ).toBe(true);
    expect(codes(validate(make(), at(T0, { minAmountMsat: 1_000_001n })))).toEqual([
      'amount-below-minimum',
    ]);
    expect(codes(validate(make(), at(T0, { maxAmountMsat: 999_999n })))).toEqual([
      'amount-above-maximum',
    ]);
  });

  it('says an amountless invoice leaves the amount to the payer, or refuses it', () => {
    const any = make({ amountMsat: undefined });
    const r = validate(any, at(T0));
    expect([r.ok, codes(r)]).toEqual([true, ['amount-unspecified']]);
    expect(codes(validate(any, at(T0, { allowAmountless: false })))).toEqual(['missing-amount']);
    expect(codes(validate(any, at(T0, { amountMsat: 5000n, maxAmountMsat: 5000n })))).toEqual([]);
    expect(codes(validate(any, at(T0, { amountMsat: 5000n, minAmountMsat: 5000n })))).toEqual([]);
  });
});

describe('features', () => {
  const mpp = make({
    features: { var_onion_optin: 'required', payment_secret: 'required', basic_mpp: 'required' },
  });
  it('passes required features the payer supports (by name or by either bit)', () => {
    expect(
      validate(
        mpp,
        at(T0, { supportedFeatures: ['var_onion_optin', 'payment_secret', 'basic_mpp'] }),
      ).ok,
    ).toBe(true);
    expect(validate(mpp, at(T0, { supportedFeatures: [9, 15, 17] })).ok).toBe(true);
  });

  it('fails a required feature the payer lacks, ignores optional ones', () => {
    const r = validate(mpp, at(T0, { supportedFeatures: ['var_onion_optin', 'payment_secret'] }));
    expect(codes(r)).toEqual(['unsupported-feature']);
    expect(r.issues[0]?.message).toContain('basic_mpp (bit 16)');
    const optional = make({
      features: { var_onion_optin: 'required', payment_secret: 'required', basic_mpp: 'optional' },
    });
    expect(validate(optional, at(T0, { supportedFeatures: [8, 14] })).ok).toBe(true);
  });

  it('fails basic_mpp without its dependency payment_secret (BOLT 9)', async () => {
    // createInvoice refuses to write it, so sign such fields by hand through the raw field words.
    const { createInvoice, signInvoice } = await import('@lninvoice/core');
    const unsigned = createInvoice({
      network: 'bitcoin',
      amountMsat: 1000n,
      paymentHash: '00'.repeat(32),
      paymentSecret: '11'.repeat(32),
      description: 'x',
      timestamp: T0,
    });
    const fields = unsigned.fields.map((f) =>
      f.tag === '9' ? { ...f, words: Uint8Array.of(4, 8, 0, 0) } : f,
    ); // bits 8 and 17
    const r = validate(signInvoice({ ...unsigned, fields }, '11'.repeat(32)), at(T0));
    expect(codes(r)).toEqual(['missing-feature-dependency']);
    expect(r.issues[0]?.message).toBe(
      'basic_mpp (bit 17) needs payment_secret, which the invoice does not set',
    );
  });
});

describe('payee', () => {
  it('passes the expected node, fails another', () => {
    expect(validate(make(), at(T0, { payee: PUBKEY })).ok).toBe(true);
    const other = `02${'11'.repeat(32)}`;
    expect(codes(validate(make(), at(T0, { payee: other })))).toEqual(['payee-mismatch']);
  });
});

describe('description', () => {
  const story = 'One piece of chocolate cake, one icecream cone, one pickle';
  const hashed = make({ description: undefined, descriptionHash: sha256(utf8ToBytes(story)) });

  it('compares d with the expected description', () => {
    expect(validate(make(), at(T0, { description: 'coffee' })).ok).toBe(true);
    expect(codes(validate(make(), at(T0, { description: 'tea' })))).toEqual([
      'description-mismatch',
    ]);
  });

  it('checks h against the hash of the expected description', () => {
    expect(validate(hashed, at(T0, { description: story })).ok).toBe(true);
    expect(codes(validate(hashed, at(T0, { description: `${story}.` })))).toEqual([
      'description-hash-mismatch',
    ]);
  });

  it('checks h against LNURL metadata as received (LUD-06)', () => {
    const metadata = '[["text/plain","lunch"]]';
    const lnurl = make({
      description: undefined,
      descriptionHash: bytesToHex(sha256(utf8ToBytes(metadata))),
    });
    expect(validate(lnurl, at(T0, { metadata })).ok).toBe(true);
    expect(codes(validate(lnurl, at(T0, { metadata: '[["text/plain", "lunch"]]' })))).toEqual([
      'metadata-hash-mismatch',
    ]);
    expect(codes(validate(make(), at(T0, { metadata })))).toEqual(['metadata-hash-mismatch']);
  });

  it('matches no hash with text that has no UTF-8 form (a lone surrogate)', () => {
    // TextEncoder would hash U+FFFD in its place, the hash of another text.
    const replaced = make({
      description: undefined,
      descriptionHash: sha256(utf8ToBytes('a\uFFFD')),
    });
    expect(validate(replaced, at(T0, { description: 'a\uFFFD' })).ok).toBe(true);
    const r = validate(replaced, at(T0, { description: 'a\uD800', metadata: 'a\uD800' }));
    expect(codes(r)).toEqual(['description-hash-mismatch', 'metadata-hash-mismatch']);
    expect(r.issues[0]?.message).toMatch(/of "a\\ud800" \(none: it is not UTF-8 text\)$/);
  });

  it('warns when h cannot be checked', () => {
    const r = validate(hashed, at(T0));
    expect([r.ok, codes(r)]).toEqual([true, ['description-hash-unchecked']]);
  });

  it('warns of characters that can disguise a description, naming them', () => {
    const cases: [string, string[]][] = [
      ['plain text, two\nlines\tand a tab', []],
      ['family 👨‍👩‍👧 emoji (zero-width joiners)', []],
      ['bell \u0007 and escape \u001b[31m', ['description-control-characters']],
      ['pay \u202Eevil\u202C now', ['description-bidi-characters']],
      ['zero\u200Bwidth', ['description-invisible-characters']],
      // The set is core's unsafeKind, the one every package escapes in messages.
      ['carriage\rreturn, line\u2028separator', ['description-control-characters']],
      ['\u3164 filler, \u{E0041} tag, \u206A', ['description-invisible-characters']],
      ['isolate \u2066x\u2069, arabic mark \u061C', ['description-bidi-characters']],
      [
        '\u202E\u200B\u0000',
        [
          'description-control-characters',
          'description-bidi-characters',
          'description-invisible-characters',
        ],
      ],
    ];
    for (const [text, expected] of cases) {
      const r = validate(make({ description: text }), at(T0));
      expect(codes(r), JSON.stringify(text)).toEqual(expected);
      expect(r.ok).toBe(true);
    }
    const r = validate(make({ description: 'a\u202Eb' }), at(T0));
    expect(r.issues[0]?.message).toBe(
      'the description holds 1 bidirectional formatting character(s): U+202E at 1',
    );
    const tag = validate(make({ description: '\u{E0041}\u200B' }), at(T0));
    expect(tag.issues[0]?.message).toBe(
      'the description holds 2 invisible character(s): U+E0041 at 0, U+200B at 2',
    );
  });

  it('reports U+202E as description-bidi-characters, in a message without it', () => {
    const r = validate(make({ description: 'pay \u202Eevil' }), at(T0, { description: 'x' }));
    expect(codes(r)).toEqual(['description-mismatch', 'description-bidi-characters']);
    for (const { message } of r.issues) {
      expect(message).not.toContain('\u202E');
      expectSafeText(message);
    }
    expect(r.issues[0]?.message).toContain('"pay \\u202eevil"');
  });

  it('escapes such characters when quoting a description in a message', () => {
    const r = validate(make({ description: 'a\u202Eb\u0007' }), at(T0, { description: 'x' }));
    const message = r.issues.find((i) => i.code === 'description-mismatch')?.message ?? '';
    expect(message).toContain('"a\\u202eb\\u0007"');
    expect(message.includes('\u202e') || message.includes('\u0007')).toBe(false);
  });
});

describe('min_final_cltv_expiry_delta', () => {
  it('fails above maxCltvExpiryDelta, passes at it', () => {
    const invoice = make({ minFinalCltvExpiryDelta: 144 });
    expect(validate(invoice, at(T0, { maxCltvExpiryDelta: 144 })).ok).toBe(true);
    expect(codes(validate(invoice, at(T0, { maxCltvExpiryDelta: 143 })))).toEqual([
      'cltv-delta-too-large',
    ]);
  });

  it('warns above 2016 blocks when no bound is given', () => {
    expect(codes(validate(make({ minFinalCltvExpiryDelta: 2016 }), at(T0)))).toEqual([]);
    expect(codes(validate(make({ minFinalCltvExpiryDelta: 2017 }), at(T0)))).toEqual([
      'large-cltv-delta',
    ]);
  });
});

describe('route hints', () => {
  const hop = (fees: { base?: number; ppm?: number; cltv?: number } = {}) => ({
    pubkey: PUBKEY,
    shortChannelId: '66051x263430x1800',
    feeBaseMsat: fees.base ?? 1000,
    feeProportionalMillionths: fees.ppm ?? 100,
    cltvExpiryDelta: fees.cltv ?? 40,
  });
  const routed = (...routes: ReturnType<typeof hop>[][]) => make({ routeHints: routes });

  it('pass at the default ceilings (50 000 msat, 10 000 ppm, 2016 blocks), fail one above', () => {
    expect(
      codes(validate(routed([hop({ base: 50_000, ppm: 10_000, cltv: 2016 })]), at(T0))),
    ).toEqual([]);
    expect(codes(validate(routed([hop({ base: 50_001 })]), at(T0)))).toEqual([
      'route-hint-fee-too-large',
    ]);
    expect(codes(validate(routed([hop({ ppm: 10_001 })]), at(T0)))).toEqual([
      'route-hint-fee-too-large',
    ]);
    expect(codes(validate(routed([hop({ cltv: 2017 })]), at(T0)))).toEqual([
      'route-hint-cltv-delta-too-large',
    ]);
  });

  it('add up the hops of a route, and judge each route alone', () => {
    const two = [hop({ base: 30_000, ppm: 6000, cltv: 1000 }), hop({ base: 30_000, cltv: 1017 })];
    const r = validate(routed([hop()], two), at(T0));
    expect(codes(r)).toEqual(['route-hint-fee-too-large', 'route-hint-cltv-delta-too-large']);
    expect(r.ok).toBe(false);
    expect(r.issues[0]).toMatchObject({ severity: 'error', field: 'r' });
    expect(r.issues[0]?.message).toBe(
      'route hint 1 asks a fee of 60000 msat + 6100 ppm, more than the 50000 msat + 10000 ppm accepted',
    );
    expect(r.issues[1]?.message).toBe(
      'route hint 1 adds a CLTV delta of 2017 blocks, more than the 2016 accepted',
    );
  });

  it('report the largest a u32 allows (a fee of 4 294 967 sat, 65535 blocks)', () => {
    const extreme = routed([hop({ base: 2 ** 32 - 1, ppm: 2 ** 32 - 1, cltv: 65535 })]);
    expect(codes(validate(extreme, at(T0)))).toEqual([
      'route-hint-fee-too-large',
      'route-hint-cltv-delta-too-large',
    ]);
  });

  it('follow the payer’s own ceilings, inclusive', () => {
    const invoice = routed([hop({ base: 2000, ppm: 500, cltv: 144 })]);
    const ceilings = {
      maxRouteHintFeeBaseMsat: 2000,
      maxRouteHintFeePpm: 500,
      maxRouteHintCltvDelta: 144,
    };
    expect(validate(invoice, at(T0, ceilings)).ok).toBe(true);
    expect(
      codes(validate(invoice, at(T0, { ...ceilings, maxRouteHintFeeBaseMsat: 1999 }))),
    ).toEqual(['route-hint-fee-too-large']);
    expect(codes(validate(invoice, at(T0, { ...ceilings, maxRouteHintFeePpm: 499 })))).toEqual([
      'route-hint-fee-too-large',
    ]);
    expect(codes(validate(invoice, at(T0, { ...ceilings, maxRouteHintCltvDelta: 143 })))).toEqual([
      'route-hint-cltv-delta-too-large',
    ]);
    // A payer that accepts any fee says so with the largest value.
    const extreme = routed([hop({ base: 2 ** 32 - 1, ppm: 2 ** 32 - 1, cltv: 65535 })]);
    const anything = {
      maxRouteHintFeeBaseMsat: 2 ** 32 - 1,
      maxRouteHintFeePpm: 2 ** 32 - 1,
      maxRouteHintCltvDelta: 65535,
    };
    expect(validate(extreme, at(T0, anything)).ok).toBe(true);
  });

  it('refuse ceilings that are no whole number', () => {
    expect(() => validate(make(), { maxRouteHintFeePpm: 0.5 })).toThrow(
      /^policy\.maxRouteHintFeePpm/,
    );
    expect(() => validate(make(), { maxRouteHintFeeBaseMsat: -1 })).toThrow(
      /^policy\.maxRouteHintFeeBaseMsat/,
    );
    expect(() => validate(make(), { maxRouteHintCltvDelta: '144' as never })).toThrow(TypeError);
  });
});

describe('fallback addresses', () => {
  it('passes addresses of the invoice’s chain', () => {
    const invoice = make({
      fallbackAddresses: [
        'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
        '1RustyRX2oai4EYYDpQGWvEL62BBGqN9T',
      ],
    });
    expect(validate(invoice, at(T0)).ok).toBe(true);
    expect(codes(validate(invoice, at(T0)))).toEqual([]);
  });

  it('warns of witness versions anyone can spend; v1 of 32 bytes (taproot) is fine', () => {
    const taproot = 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0';
    expect(codes(validate(make({ fallbackAddresses: [taproot] }), at(T0)))).toEqual([]);
    for (const future of [
      'bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs',
      'BC1SW50QGDZ25J',
      'bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y',
    ]) {
      const r = validate(make({ fallbackAddresses: [future] }), at(T0));
      expect(codes(r)).toEqual(['fallback-future-witness-version']);
      expect(r.ok).toBe(true);
    }
  });
});
