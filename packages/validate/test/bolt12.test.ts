// validateBolt12: what it takes and gives, and each item of the BOLT 12 checklist: pass, fail and
// the boundary.
import { readFileSync } from 'node:fs';
import {
  type Bolt12,
  decodeBolt12,
  decodeInvoiceRequest,
  encodeBolt12,
  type Invoice,
  type TlvRecord,
} from '@lninvoice/bolt12';
import fc from 'fast-check';
import {
  BOLT12_FORMAT_STRINGS,
  BOLT12_INVALID_OFFERS,
  BOLT12_VALID_OFFERS,
} from 'test-support/bolt12-vectors';
import { expectSafeText } from 'test-support/outcome';
import { checkProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import { BOLT12_RULES } from '../src/bolt12/rules.js';
import { ISSUES, VALIDATION_ISSUE_CODES, validateBolt12 } from '../src/index.js';
import {
  codes12 as codes,
  G,
  ISSUER,
  ISSUER_HEX,
  invoice,
  offer,
  PATH,
  PAY_INFO,
  PAYER,
  request,
  T0,
} from './helpers/bolt12.js';
import { make } from './helpers/index.js';
import { expectWellFormed } from './helpers/outcome.js';

const OTHER = `02${'11'.repeat(32)}`;
/** The private key 1, whose public key is G: the final blinded node of PATH signs with it. */
const G_KEY = `${'00'.repeat(31)}01`;

/** `text` with one character changed to another bech32 character, `at` from the end. */
const flip = (text: string, at: number): string => {
  const i = text.length - at;
  return `${text.slice(0, i)}${text[i] === 'q' ? 'p' : 'q'}${text.slice(i + 1)}`;
};

/** An offer's records, with the record of `type` set to `hex` (written without checks). */
const withOfferRecord = (text: string, type: bigint, hex: string): string => {
  const records = decodeBolt12(text).records.filter((r) => r.type !== type);
  const value = Uint8Array.from(hex.match(/../g) ?? [], (b) => Number.parseInt(b, 16));
  const all: TlvRecord[] = [...records, { type, value }].sort((a, b) => (a.type < b.type ? -1 : 1));
  return encodeBolt12({ kind: 'offer', records: all });
};

describe('what validateBolt12 takes and gives', () => {
  it('returns the message, its signature verified, when no finding is an error', () => {
    const good = validateBolt12(offer());
    expect([good.ok, good.issues, good.message?.kind]).toEqual([true, [], 'offer']);
    const paid = validateBolt12(invoice(), { now: T0, request: request() });
    expect(paid.ok && paid.message.kind === 'invoice' && paid.message.verified).toBe(true);
    expect(codes(paid)).toEqual([]);
  });

  it('reports a string that does not decode with its Bolt12Error code, span and rule', () => {
    for (const v of BOLT12_INVALID_OFFERS) {
      const r = validateBolt12(v.bolt12);
      expect([r.ok, codes(r), r.message], v.description).toEqual([false, [v.code], undefined]);
      expect(r.issues[0]?.rule, v.description).toMatch(/^(BOLT|BIP)/);
      expectWellFormed(r, v.bolt12, 'bolt12');
    }
    for (const v of BOLT12_FORMAT_STRINGS.filter((s) => !s.valid)) {
      const r = validateBolt12(v.string);
      expect(r.ok, v.comment).toBe(false);
      expectWellFormed(r, v.string, 'bolt12');
    }
    const bolt11 = validateBolt12(make());
    expect(codes(bolt11)).toEqual(['unknown-prefix']);
    expect(bolt11.issues[0]?.message).toContain('BOLT 11');
  });

  it('passes every valid offer of the spec (warnings only: amount or expiry left to the payer)', () => {
    for (const v of BOLT12_VALID_OFFERS) {
      const r = validateBolt12(v.bolt12);
      expect(r.ok, v.description).toBe(true);
      expect(
        codes(r).every((c) =>
          ['currency-conversion-needed', 'expiry-unchecked', 'amount-unspecified'].includes(c),
        ),
        `${v.description}: ${codes(r)}`,
      ).toBe(true);
      expectWellFormed(r, v.bolt12, 'bolt12');
    }
  });

  it('keeps checking after a bad signature, so that every finding is listed', () => {
    for (const text of [flip(invoice(), 5), flip(request(), 5)]) {
      const r = validateBolt12(text, { now: T0 + 7201 });
      expect(r.ok).toBe(false);
      expect(r.issues[0]).toMatchObject({ code: 'invalid-signature', field: 'signature' });
      expect((r.message as Invoice).verified).toBe(false);
    }
    expect(codes(validateBolt12(flip(invoice(), 5), { now: T0 + 7201 }))).toEqual([
      'invalid-signature',
      'expired',
      'request-unchecked',
    ]);
  });

  it('takes a decoded message, and trusts only the records it was read from', () => {
    const decoded = decodeBolt12(invoice()) as Invoice;
    expect(codes(validateBolt12(decoded, { now: T0 }))).toEqual(['request-unchecked']);
    const tampered = { ...decoded, amountMsat: 1n, nodeId: PAYER } as Bolt12;
    const r = validateBolt12(tampered, { now: T0, amountMsat: 1n, payee: ISSUER });
    expect(codes(r)).toEqual(['amount-mismatch', 'request-unchecked']);
    expect((r.message as Invoice).amountMsat).toBe(5000n);
    // A message decoded without its signature checked is checked here.
    expect(codes(validateBolt12(decodeBolt12(flip(invoice(), 5), { verify: false })))).toContain(
      'invalid-signature',
    );
  });

  it('throws only for a malformed argument or policy', () => {
    for (const input of [42, {}, null, { kind: 'offer', records: 5 }, { kind: 'lnbc' }])
      expect(() => validateBolt12(input as never), String(input)).toThrow(
        /^validateBolt12 takes a BOLT 12 string or a message/,
      );
    const misuse: [unknown, RegExp, ErrorConstructor][] = [
      [{ quantity: 0 }, /^policy\.quantity must be an integer from 1/, RangeError],
      [{ quantity: 0n }, /^policy\.quantity must be from 1 to 2\^64 - 1, got 0/, RangeError],
      [{ quantity: 1.5 }, /^policy\.quantity must be an integer/, RangeError],
      [{ quantity: '2' }, /^policy\.quantity must be a number/, TypeError],
      [{ convert: 5 }, /^policy\.convert must be a function/, TypeError],
      [{ request: 5 }, /^policy\.request must be an invoice request/, TypeError],
      [{ request: { kind: 'offer' } }, /^policy\.request must be an invoice request/, TypeError],
      [
        { quantty: 2 },
        /^policy has no option "quantty"; the options are .*convert, quantity, request$/,
        TypeError,
      ],
    ];
    for (const [policy, message, type] of misuse) {
      expect(() => validateBolt12(offer(), policy as never), message.source).toThrow(message);
      expect(() => validateBolt12(offer(), policy as never)).toThrow(type);
    }
    // The payer's own request must read: its failure is the caller's, not the invoice's.
    expect(() => validateBolt12(invoice(), { request: 'lnr1qqqq' })).toThrow(/^policy\.request: /);
    expect(() => validateBolt12(invoice(), { request: 'lnr1qqqq' })).toThrow(RangeError);
    // A decoded request is re-read from its records, as the message is.
    const damaged = { kind: 'invoice_request', records: 5 } as never;
    expect(() => validateBolt12(invoice(), { request: damaged })).toThrow(
      /^policy\.request must be an invoice request: message\.records must be an array/,
    );
    const offerAsRequest = { ...decodeBolt12(offer()), kind: 'invoice_request' } as never;
    expect(() => validateBolt12(invoice(), { request: offerAsRequest })).toThrow(
      /^policy\.request: /,
    );
    const priced = offer({ amountMsat: undefined, amount: 100, currency: 'USD' });
    expect(() => validateBolt12(priced, { convert: () => 5 as never })).toThrow(
      /^policy\.convert must return a bigint of millisatoshis, got 5$/,
    );
    expect(() => validateBolt12(priced, { convert: () => -1n })).toThrow(TypeError);
  });

  it('never throws on whatever string it is given', () => {
    checkProperty(
      'bolt12-random-strings',
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 300 }),
          fc.string({ maxLength: 300 }).map((s) => `lno1${s}`),
          fc.stringMatching(/^ln[oir]1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{0,200}$/),
        ),
        (s) => {
          const r = validateBolt12(s, { now: T0 });
          expect(r.ok).toBe(false);
          expectWellFormed(r, s, 'bolt12');
        },
      ),
      { seed: 51, numRuns: 300 },
    );
  });
});

describe('offer', () => {
  it('is for one of the payer’s chains: its network, mapped to BOLT 12 chains', () => {
    expect(validateBolt12(offer(), { network: 'bitcoin' }).ok).toBe(true);
    const r = validateBolt12(offer(), { network: 'testnet' });
    expect(codes(r)).toEqual(['network-mismatch']);
    expect(r.issues[0]).toMatchObject({
      field: 'offer_chains',
      message: 'the offer is for bitcoin, the payer is on testnet (chain testnet or testnet4)',
      rule: BOLT12_RULES['network-mismatch'],
    });
    // testnet is testnet3 and testnet4, as BOLT 11's lntb is.
    expect(validateBolt12(offer({ chains: ['testnet4'] }), { network: 'testnet' }).ok).toBe(true);
    expect(codes(validateBolt12(offer({ chains: ['testnet4'] }), { network: 'signet' }))).toEqual([
      'network-mismatch',
    ]);
    const both = offer({ chains: ['bitcoin', 'signet'] });
    expect(validateBolt12(both, { network: 'signet' }).ok).toBe(true);
    expect(validateBolt12(both, { network: 'regtest' }).ok).toBe(false);
    expect(codes(validateBolt12(offer({ chains: ['liquidv1'] }), { network: 'bitcoin' }))).toEqual([
      'network-mismatch',
    ]);
  });

  it('has not expired: fails a second after offer_absolute_expiry, not at it', () => {
    const expiring = offer({ absoluteExpiry: T0 + 600 });
    expect(validateBolt12(expiring, { now: T0 + 600 }).ok).toBe(true);
    const r = validateBolt12(expiring, { now: T0 + 601 });
    expect(codes(r)).toEqual(['expired']);
    expect(r.issues[0]).toMatchObject({ field: 'offer_absolute_expiry', severity: 'error' });
    expect(r.issues[0]?.message).toMatch(/^the offer expired at 2023-11-14T22:23:20Z/);
    expect(r.issues[0]?.rule).toContain('MUST NOT respond to the offer');
    expect(codes(validateBolt12(expiring, { now: T0 + 540, minExpiryLeft: 60 }))).toEqual([]);
    expect(codes(validateBolt12(expiring, { now: T0 + 541, minExpiryLeft: 60 }))).toEqual([
      'expires-too-soon',
    ]);
  });

  it('warns that expiry was not checked only when the offer expires', () => {
    const r = validateBolt12(offer({ absoluteExpiry: T0 }));
    expect([r.ok, codes(r)]).toEqual([true, ['expiry-unchecked']]);
    expect(r.issues[0]?.field).toBe('offer_absolute_expiry');
    expect(codes(validateBolt12(offer()))).toEqual([]);
    // No creation time: clock skew has nothing to apply to.
    expect(codes(validateBolt12(offer(), { now: 0, clockSkew: 0 }))).toEqual([]);
  });

  it('asks an amount within the payer’s bounds, inclusive, times the quantity', () => {
    expect(
      validateBolt12(offer(), { minAmountMsat: 5000n, maxAmountMsat: 5000n, amountMsat: 5000n }).ok,
    ).toBe(true);
    expect(codes(validateBolt12(offer(), { minAmountMsat: 5001n }))).toEqual([
      'amount-below-minimum',
    ]);
    const above = validateBolt12(offer(), { maxAmountMsat: 4999n });
    expect(codes(above)).toEqual(['amount-above-maximum']);
    expect(above.issues[0]).toMatchObject({
      field: 'amount',
      message: '5000 msat (5 sat) is above the maximum of 4999 msat (4.999 sat)',
    });
    const dozen = offer({ quantityMax: 12 });
    expect(validateBolt12(dozen, { quantity: 3, maxAmountMsat: 15000n }).ok).toBe(true);
    expect(codes(validateBolt12(dozen, { quantity: 3, maxAmountMsat: 14999n }))).toEqual([
      'amount-above-maximum',
    ]);
  });

  it('fails when the payer means to pay less than the price; paying more is allowed', () => {
    const r = validateBolt12(offer(), { amountMsat: 4999n });
    expect(codes(r)).toEqual(['amount-too-small']);
    expect(r.issues[0]?.message).toBe(
      'the offer asks 5000 msat (5 sat), more than the 4999 msat (4.999 sat) the payer means to pay',
    );
    expect(r.issues[0]?.rule).toContain('MUST specify `invreq_amount`.`msat` as greater or equal');
    expect(validateBolt12(offer(), { amountMsat: 6000n }).ok).toBe(true);
    const dozen = offer({ quantityMax: 12 });
    expect(codes(validateBolt12(dozen, { quantity: 2, amountMsat: 9999n }))).toEqual([
      'amount-too-small',
    ]);
    expect(validateBolt12(dozen, { quantity: 2n, amountMsat: 10000n }).ok).toBe(true);
  });

  it('leaves an amountless offer’s amount to the payer, or refuses it', () => {
    const any = offer({ amountMsat: undefined });
    const r = validateBolt12(any);
    expect([r.ok, codes(r)]).toEqual([true, ['amount-unspecified']]);
    expect(r.issues[0]?.rule).toBe(BOLT12_RULES['amount-unspecified']);
    expect(codes(validateBolt12(any, { allowAmountless: false }))).toEqual(['missing-amount']);
    expect(codes(validateBolt12(any, { amountMsat: 7000n, minAmountMsat: 7000n }))).toEqual([]);
  });

  it('asks the payer to convert a currency, then checks the converted amount', () => {
    const usd = offer({ amountMsat: undefined, amount: 250, currency: 'USD' });
    const r = validateBolt12(usd, { maxAmountMsat: 1n });
    expect([r.ok, codes(r)]).toEqual([true, ['currency-conversion-needed']]);
    expect(r.issues[0]).toMatchObject({ severity: 'warning', field: 'offer_currency' });
    expect(r.issues[0]?.message).toBe(
      'the offer asks 250 in "USD" minor units (exponent 2): pass policy.convert to check the amount in millisatoshis',
    );
    const calls: [bigint, string][] = [];
    const convert = (amount: bigint, currency: string) => {
      calls.push([amount, currency]);
      return amount * 10_000n; // a cent is 10 sat
    };
    expect(validateBolt12(usd, { convert, maxAmountMsat: 2_500_000n }).ok).toBe(true);
    expect(calls).toEqual([[250n, 'USD']]);
    expect(codes(validateBolt12(usd, { convert, maxAmountMsat: 2_499_999n }))).toEqual([
      'amount-above-maximum',
    ]);
    const each = offer({ amountMsat: undefined, amount: 250, currency: 'USD', quantityMax: 0 });
    expect(codes(validateBolt12(each, { convert, quantity: 2, amountMsat: 4_999_999n }))).toEqual([
      'amount-too-small',
    ]);
    expect(validateBolt12(each, { convert, quantity: 2, amountMsat: 5_000_000n }).ok).toBe(true);
  });

  it('sells the quantity the payer means to buy', () => {
    const five = offer({ quantityMax: 5 });
    expect(validateBolt12(five, { quantity: 5 }).ok).toBe(true);
    const r = validateBolt12(five, { quantity: 6 });
    expect(codes(r)).toEqual(['invalid-quantity']);
    expect(r.issues[0]).toMatchObject({
      field: 'invreq_quantity',
      message: 'the payer means to buy 6 items; the offer sells at most 5',
    });
    expect(validateBolt12(offer({ quantityMax: 0 }), { quantity: 2n ** 40n }).ok).toBe(true);
    expect(validateBolt12(offer(), { quantity: 1 }).ok).toBe(true);
    expect(codes(validateBolt12(offer(), { quantity: 2 }))).toEqual(['invalid-quantity']);
    expect(validateBolt12(offer(), { quantity: 2 }).issues[0]?.message).toBe(
      'the offer sells one item (it has no offer_quantity_max); the payer means to buy 2',
    );
  });

  it('refuses unknown even features unless the payer supports them', () => {
    // offer_features (type 12) with bit 20 set: the builders refuse to write it.
    const bit20 = withOfferRecord(offer(), 12n, '100000');
    const r = validateBolt12(bit20);
    expect(codes(r)).toEqual(['unknown-required-feature']);
    expect(r.issues[0]?.field).toBe('offer_features');
    expect(r.issues[0]?.rule).toContain('MUST NOT respond to the offer');
    expect(validateBolt12(bit20, { supportedFeatures: [20] }).ok).toBe(true);
    expect(validateBolt12(bit20, { supportedFeatures: [21] }).ok).toBe(true);
    expect(validateBolt12(withOfferRecord(offer(), 12n, '200000')).ok).toBe(true); // odd: 21
    const spec = BOLT12_INVALID_OFFERS.find((v) => v.code === 'unknown-required-feature');
    expect(validateBolt12(spec?.bolt12 as string, { supportedFeatures: [122] }).ok).toBe(true);
  });

  it('comes from the expected issuer, when it names one', () => {
    expect(validateBolt12(offer(), { payee: ISSUER }).ok).toBe(true);
    const r = validateBolt12(offer(), { payee: OTHER });
    expect(codes(r)).toEqual(['payee-mismatch']);
    expect(r.issues[0]).toMatchObject({
      field: 'offer_issuer_id',
      message: `the offer is from ${ISSUER_HEX}, the payer expects ${OTHER}`,
    });
    // Reached by blinded paths only: no key of the issuer to compare.
    expect(validateBolt12(offer({ issuerId: undefined, paths: [PATH] }), { payee: OTHER }).ok).toBe(
      true,
    );
  });

  it('describes what the payer expects, and warns of text that can disguise it', () => {
    expect(validateBolt12(offer(), { description: 'coffee' }).ok).toBe(true);
    const tea = validateBolt12(offer(), { description: 'tea' });
    expect(codes(tea)).toEqual(['description-mismatch']);
    expect(tea.issues[0]).toMatchObject({
      field: 'offer_description',
      message: 'the offer says "coffee", the payer expects "tea"',
    });
    const none = offer({ amountMsat: undefined, description: undefined });
    expect(validateBolt12(none, { description: 'x', amountMsat: 1n }).issues[0]?.message).toBe(
      'the offer has no description, the payer expects "x"',
    );
    const disguised = validateBolt12(
      offer({ description: 'pay \u202eevil', issuer: 'shop\u200b.com\u001b[31m' }),
    );
    expect([disguised.ok, codes(disguised)]).toEqual([
      true,
      [
        'description-bidi-characters',
        'description-control-characters',
        'description-invisible-characters',
      ],
    ]);
    expect(disguised.issues.map((i) => i.field)).toEqual([
      'offer_description',
      'offer_issuer',
      'offer_issuer',
    ]);
    expect(disguised.issues[0]?.message).toBe(
      'offer_description holds 1 bidirectional formatting character(s): U+202E at 4',
    );
    expect(disguised.issues[0]?.rule).toBe(BOLT12_RULES['description-bidi-characters']);
    for (const { message } of disguised.issues) expectSafeText(message);
  });
});

describe('invoice', () => {
  const answered = { request: request(), now: T0 };

  it('is for the payer’s chain (invreq_chain, bitcoin when absent)', () => {
    expect(validateBolt12(invoice(), { ...answered, network: 'bitcoin' }).ok).toBe(true);
    const r = validateBolt12(invoice(), { ...answered, network: 'signet' });
    expect(codes(r)).toEqual(['network-mismatch']);
    expect(r.issues[0]).toMatchObject({
      field: 'invreq_chain',
      message: 'the invoice is for bitcoin, the payer is on signet (chain signet)',
    });
    const onSignet = request({ chain: 'signet' }, { chains: ['signet'] });
    const signed = invoice({}, onSignet);
    expect(validateBolt12(signed, { request: onSignet, network: 'signet', now: T0 }).ok).toBe(true);
    expect(validateBolt12(signed, { request: onSignet, network: 'bitcoin', now: T0 }).ok).toBe(
      false,
    );
  });

  it('has not expired: created_at + relative_expiry (7200 s by default), boundary included', () => {
    expect(validateBolt12(invoice(), { ...answered, now: T0 + 7200 }).ok).toBe(true);
    const r = validateBolt12(invoice(), { ...answered, now: T0 + 7201 });
    expect(codes(r)).toEqual(['expired']);
    expect(r.issues[0]).toMatchObject({ field: 'invoice_relative_expiry', severity: 'error' });
    expect(r.issues[0]?.rule).toBe(BOLT12_RULES.expired);
    const short = invoice({ relativeExpiry: 600 });
    expect(validateBolt12(short, { ...answered, now: T0 + 600 }).ok).toBe(true);
    expect(codes(validateBolt12(short, { ...answered, now: T0 + 601 }))).toEqual(['expired']);
    expect(codes(validateBolt12(short, { ...answered, now: T0 + 541, minExpiryLeft: 60 }))).toEqual(
      ['expires-too-soon'],
    );
    expect(validateBolt12(short, { ...answered, now: T0 + 540, minExpiryLeft: 60 }).ok).toBe(true);
    const unchecked = validateBolt12(short, { request: answered.request });
    expect([unchecked.ok, codes(unchecked)]).toEqual([true, ['expiry-unchecked']]);
  });

  it('warns of a creation time beyond the clock skew, not at it', () => {
    expect(codes(validateBolt12(invoice(), { ...answered, now: T0 - 600 }))).toEqual([]);
    const r = validateBolt12(invoice(), { ...answered, now: T0 - 601 });
    expect(codes(r)).toEqual(['timestamp-in-future']);
    expect(r.issues[0]).toMatchObject({ field: 'invoice_created_at', severity: 'warning' });
    expect(codes(validateBolt12(invoice(), { ...answered, now: T0 - 10, clockSkew: 9 }))).toEqual([
      'timestamp-in-future',
    ]);
  });

  it('is valid no longer than maxExpiry; warns of more than 30 days otherwise', () => {
    const short = invoice({ relativeExpiry: 600 });
    expect(validateBolt12(short, { ...answered, now: T0, maxExpiry: 600 }).ok).toBe(true);
    expect(codes(validateBolt12(short, { ...answered, now: T0, maxExpiry: 599 }))).toEqual([
      'expiry-too-long',
    ]);
    const month = invoice({ relativeExpiry: 30 * 86400 });
    expect(codes(validateBolt12(month, { ...answered, now: T0 }))).toEqual([]);
    const long = validateBolt12(invoice({ relativeExpiry: 30 * 86400 + 1 }), {
      ...answered,
      now: T0,
    });
    expect([long.ok, codes(long)]).toEqual([true, ['long-expiry']]);
  });

  it('asks the amount the payer expects, within its bounds', () => {
    expect(validateBolt12(invoice(), { ...answered, amountMsat: 5000n }).ok).toBe(true);
    const r = validateBolt12(invoice(), { ...answered, amountMsat: 4999n });
    expect(codes(r)).toEqual(['amount-mismatch']);
    expect(r.issues[0]?.message).toBe(
      'the invoice asks 5000 msat (5 sat), the payer expects 4999 msat (4.999 sat)',
    );
    expect(validateBolt12(invoice(), { ...answered, maxAmountMsat: 5000n }).ok).toBe(true);
    expect(codes(validateBolt12(invoice(), { ...answered, maxAmountMsat: 4999n }))).toEqual([
      'amount-above-maximum',
    ]);
    expect(codes(validateBolt12(invoice(), { ...answered, minAmountMsat: 5001n }))).toEqual([
      'amount-below-minimum',
    ]);
  });

  it('requires only features the payer supports (MPP, bit 16)', () => {
    const mpp = invoice({ features: [16] });
    expect(validateBolt12(mpp, { ...answered, supportedFeatures: ['basic_mpp'] }).ok).toBe(true);
    expect(validateBolt12(mpp, { ...answered, supportedFeatures: [17] }).ok).toBe(true);
    expect(validateBolt12(mpp, answered).ok).toBe(true);
    const r = validateBolt12(mpp, { ...answered, supportedFeatures: [8] });
    expect(codes(r)).toEqual(['unsupported-feature']);
    expect(r.issues[0]).toMatchObject({
      field: 'invoice_features',
      message: 'the invoice requires basic_mpp (bit 16), which the payer does not support',
    });
    expect(
      validateBolt12(invoice({ features: [17] }), { ...answered, supportedFeatures: [] }).ok,
    ).toBe(true);
  });

  it('is signed by the expected payee, where its node id is the payee’s key', () => {
    expect(validateBolt12(invoice(), { ...answered, payee: ISSUER }).ok).toBe(true);
    const r = validateBolt12(invoice(), { ...answered, payee: OTHER });
    expect(codes(r)).toEqual(['payee-mismatch']);
    expect(r.issues[0]?.field).toBe('invoice_node_id');
    // An offer reached by blinded paths: the invoice is signed by the blinded node, not the payee.
    const blinded = request({}, { issuerId: undefined, paths: [PATH] });
    const byPath = invoice({ nodeId: G }, blinded, G_KEY);
    expect(validateBolt12(byPath, { request: blinded, payee: OTHER, now: T0 }).ok).toBe(true);
    expect(codes(validateBolt12(byPath, { payee: OTHER, now: T0 }))).toEqual(['request-unchecked']);
  });

  it('answers the payer’s own request: checkInvoiceForRequest’s findings, with their rules', () => {
    const r = validateBolt12(invoice(), { now: T0 });
    expect([r.ok, codes(r)]).toEqual([true, ['request-unchecked']]);
    expect(r.issues[0]).toMatchObject({ field: 'invoice', severity: 'warning' });
    const own = validateBolt12(invoice(), { request: decodeInvoiceRequest(request()), now: T0 });
    expect([own.ok, codes(own)]).toEqual([true, []]);
    const another = validateBolt12(invoice(), {
      request: request({ amountMsat: 6000n }),
      now: T0,
    });
    expect(codes(another)).toEqual(['field-mismatch', 'amount-mismatch']);
    expect(another.issues[0]).toMatchObject({ field: 'invreq_amount', severity: 'error' });
    expect(another.issues[1]?.rule).toContain(
      'MUST reject the invoice if `invoice_amount` is not equal to `invreq_amount`',
    );
    expectWellFormed(another, undefined, 'bolt12');
  });

  it('answers a request without offer: its node is the one the payer confirmed (payee)', () => {
    const refund = request({ offer: undefined, description: 'refund', amountMsat: 1000n });
    const paid = invoice({ nodeId: ISSUER }, refund);
    const unconfirmed = validateBolt12(paid, { request: refund, now: T0 });
    expect([unconfirmed.ok, codes(unconfirmed)]).toEqual([true, ['unconfirmed-node-id']]);
    expect(validateBolt12(paid, { request: refund, payee: ISSUER, now: T0 }).issues).toEqual([]);
    expect(codes(validateBolt12(paid, { request: refund, payee: OTHER, now: T0 }))).toEqual([
      'node-id-mismatch',
    ]);
  });

  it('warns of fallbacks anyone could spend', () => {
    const taproot = 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0';
    expect(validateBolt12(invoice({ fallbacks: [taproot] }), answered).ok).toBe(true);
    const r = validateBolt12(
      invoice({ fallbacks: [taproot, 'bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs'] }),
      answered,
    );
    expect([r.ok, codes(r)]).toEqual([true, ['fallback-future-witness-version']]);
    expect(r.issues[0]).toMatchObject({
      field: 'invoice_fallbacks',
      message:
        'invoice_fallbacks 1 (bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs) is a version 2 witness program of 16 bytes: anyone could spend it',
    });
  });

  it('shows the offer’s description and issuer as the offer does', () => {
    const shop = request({}, { issuer: 'shop\u202e' });
    const r = validateBolt12(invoice({}, shop), { request: shop, description: 'tea', now: T0 });
    expect(codes(r)).toEqual(['description-mismatch', 'description-bidi-characters']);
  });
});

describe('invoice request', () => {
  it('is signed by its payer id and answers an unexpired offer on the payer’s chain', () => {
    expect(validateBolt12(request(), { now: T0, network: 'bitcoin' }).ok).toBe(true);
    expect(codes(validateBolt12(flip(request(), 5)))).toEqual(['invalid-signature']);
    const expiring = request({}, { absoluteExpiry: T0 });
    expect(validateBolt12(expiring, { now: T0 }).ok).toBe(true);
    const r = validateBolt12(expiring, { now: T0 + 1, network: 'testnet' });
    expect(codes(r)).toEqual(['network-mismatch', 'expired']);
    expect(r.issues.map((i) => i.field)).toEqual(['invreq_chain', 'offer_absolute_expiry']);
  });

  it('asks invreq_amount, or the offer’s price times the quantity', () => {
    const three = request({ quantity: 3 }, { quantityMax: 5 });
    expect(validateBolt12(three, { amountMsat: 15000n }).ok).toBe(true);
    expect(codes(validateBolt12(three, { maxAmountMsat: 14999n }))).toEqual([
      'amount-above-maximum',
    ]);
    const more = request({ amountMsat: 6000n });
    expect(codes(validateBolt12(more, { amountMsat: 5000n }))).toEqual(['amount-mismatch']);
    expect(codes(validateBolt12(request(), { payee: OTHER }))).toEqual(['payee-mismatch']);
  });
});

describe('README', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  it('lists the codes whose BOLT 12 rule differs, with that rule, in order', () => {
    const table = readme.slice(
      readme.indexOf('## BOLT 12 findings'),
      readme.indexOf('## Decoding failures'),
    );
    const rows = [...table.matchAll(/^\| `([a-z0-9-]+)` *\|(.*)\|(.*)\|$/gm)];
    expect(rows.length).toBeGreaterThan(10);
    const rules = Object.keys(BOLT12_RULES);
    expect(rows.map((m) => m[1]).filter((c) => rules.includes(c as string))).toEqual(rules);
    for (const [, code, fields] of rows) {
      expect(VALIDATION_ISSUE_CODES, code).toContain(code);
      expect(fields?.trim(), code).toMatch(/^`[a-z_]+`/);
    }
    // Every code a BOLT 12 check reports is in the table.
    for (const code of [
      'amount-too-small',
      'currency-conversion-needed',
      'invalid-quantity',
      'request-unchecked',
      'payee-mismatch',
    ])
      expect(
        rows.map((m) => m[1]),
        code,
      ).toContain(code);
    expect(ISSUES['request-unchecked'].severity).toBe('warning');
  });
});

describe('invoice paths: the fees and CLTV delta of invoice_blindedpay', () => {
  const withPay = (pay: Partial<typeof PAY_INFO>) =>
    invoice({ paths: [{ ...PATH, blindedPayInfo: { ...PAY_INFO, ...pay } }] });
  const policy = { now: T0, request: request() };

  it('pass at the ceilings, fail one above, naming the field', () => {
    expect(validateBolt12(withPay({ feeBaseMsat: 50_000, cltvExpiryDelta: 2016 }), policy).ok).toBe(
      true,
    );
    const fee = validateBolt12(withPay({ feeProportionalMillionths: 10_001 }), policy);
    expect(codes(fee)).toEqual(['route-hint-fee-too-large']);
    expect(fee.issues[0]).toMatchObject({ severity: 'error', field: 'invoice_blindedpay' });
    expect(fee.issues[0]?.message).toContain('invoice path 0 asks a fee of 1000 msat + 10001 ppm');
    expect(codes(validateBolt12(withPay({ cltvExpiryDelta: 2017 }), policy))).toEqual([
      'route-hint-cltv-delta-too-large',
    ]);
    expect(
      codes(
        validateBolt12(withPay({ feeBaseMsat: 5000 }), {
          ...policy,
          maxRouteHintFeeBaseMsat: 4999,
        }),
      ),
    ).toEqual(['route-hint-fee-too-large']);
  });
});
