// The builders: what they write reads back to the parameters, and every bad parameter is a
// TypeError or RangeError that names it.

import { schnorr } from '@noble/secp256k1';
import { BOLT12_SIGNED_REQUEST } from 'test-support/bolt12-vectors';
import { describe, expect, test } from 'vitest';
import {
  createInvoice,
  createInvoiceRequest,
  createOffer,
  decodeInvoice,
  decodeInvoiceRequest,
  decodeOffer,
  encodeBolt12,
  signBolt12,
  signBolt12With,
} from '../src/index.js';
import { verifySchnorr } from '../src/signature.js';
import {
  ALICE,
  ALICE_ID,
  BOB,
  BOB_ID,
  flip,
  G,
  hex,
  invoice,
  offer,
  PATH,
  PAY_INFO,
  request,
  unhex,
} from './helpers.js';

describe('round trips', () => {
  test("the spec's signed invoice request, byte for byte", () => {
    const spec = decodeOffer(
      encodeBolt12(
        createOffer({
          description: 'A Mathematical Treatise',
          amount: 100,
          currency: 'USD',
          issuerId: ALICE_ID,
        }),
      ),
    );
    const unsigned = createInvoiceRequest({
      offer: spec,
      payerId: BOB_ID,
      invreqMetadata: '0000000000000000',
    });
    expect(hex(unsigned.merkleRoot)).toBe(BOLT12_SIGNED_REQUEST.merkle);
    expect(signBolt12(unsigned, BOB)).toBe(BOLT12_SIGNED_REQUEST.bolt12);
  });

  test('an offer with every field', () => {
    const text = offer({
      chains: ['testnet', 'signet'],
      metadata: 'abcd',
      features: [1, 99],
      absoluteExpiry: 2000000000n,
      paths: [PATH, { ...PATH, firstNodeId: { shortChannelId: '700000x1x2', direction: 1 } }],
      issuer: 'example.com',
      quantityMax: 10,
      extraRecords: [{ type: 1000000001n, value: 'ff' }],
    });
    const o = decodeOffer(text);
    expect(o).toMatchObject({
      chains: ['testnet', 'signet'],
      metadata: unhex('abcd'),
      description: 'coffee',
      amountMsat: 5000n,
      absoluteExpiry: 2000000000n,
      issuer: 'example.com',
      quantityMax: 10n,
      issuerId: ALICE_ID,
    });
    expect(o.features.map((f) => f.bit)).toEqual([1, 99]);
    expect(o.paths[1]?.firstNodeId).toEqual({ shortChannelId: '700000x1x2', direction: 1 });
    expect(o.unknownRecords).toEqual([{ type: 1000000001n, value: unhex('ff') }]);
    expect(encodeBolt12(o)).toBe(text);
    expect(encodeBolt12(o, { uppercase: true })).toBe(text.toUpperCase());
  });

  test('a bitcoin-only offer omits offer_chains ("SHOULD omit")', () => {
    expect(decodeOffer(offer({ chains: ['bitcoin'] })).records.map((r) => r.type)).not.toContain(
      2n,
    );
  });

  test('a request copies every offer record, unknown ones too, and is signed by its payer', () => {
    const o = offer({ extraRecords: [{ type: 1000000001n, value: 'ff' }] });
    const r = decodeInvoiceRequest(
      request(
        { payerNote: 'thanks', amountMsat: 7000n },
        { extraRecords: [{ type: 1000000001n, value: 'ff' }] },
      ),
    );
    expect(
      r.records.filter(
        (x) => (x.type >= 1n && x.type <= 79n) || (x.type >= 1000000000n && x.type < 2000000000n),
      ),
    ).toEqual(decodeOffer(o).records);
    expect([r.payerNote, r.amountMsat, r.verified]).toEqual(['thanks', 7000n, true]);
    expect(r.offerId).toEqual(decodeOffer(o).offerId);
  });

  test("an invoice copies the request, takes its amount and the offer's issuer id", () => {
    const req = request({ quantity: 3 }, { quantityMax: 5 });
    const inv = decodeInvoice(
      signBolt12(
        createInvoice({
          request: req,
          paymentHash: '11'.repeat(32),
          createdAt: 1700000000,
          relativeExpiry: 600,
          paths: [{ ...PATH, blindedPayInfo: { ...PAY_INFO, features: [1] } }],
          fallbacks: [
            'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
            'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0',
          ],
          features: [17],
        }),
        ALICE,
      ),
    );
    expect(inv.amountMsat).toBe(15000n);
    expect(inv.nodeId).toEqual(ALICE_ID);
    expect(inv.request.quantity).toBe(3n);
    expect(inv.fallbacks.map((f) => f.address)).toEqual([
      'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
      'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0',
    ]);
    expect(inv.features[0]).toMatchObject({ bit: 17, name: 'basic_mpp', known: true });
    expect(inv.paths[0]?.blindedPayInfo.features[0]).toMatchObject({ bit: 1 });
    expect(inv.relativeExpiry).toBe(600);
    expect(inv.offerId).toEqual(decodeInvoiceRequest(req).offerId);
  });

  test('an external signer, and an uppercase string', async () => {
    const unsigned = createInvoiceRequest({
      offer: offer(),
      payerId: BOB_ID,
      invreqMetadata: '01',
    });
    const text = await signBolt12With(
      unsigned,
      (hash) => schnorr.sign(hash, unhex(BOB), new Uint8Array(32)),
      { uppercase: true },
    );
    expect(text).toBe(signBolt12(unsigned, BOB).toUpperCase());
    expect(decodeInvoiceRequest(text).uppercase).toBe(true);
  });

  test('random auxiliary randomness gives another valid signature', () => {
    const unsigned = createInvoiceRequest({ offer: offer(), payerId: BOB_ID });
    const a = decodeInvoiceRequest(signBolt12(unsigned, BOB, { auxRand: '07'.repeat(32) }));
    const b = decodeInvoiceRequest(signBolt12(unsigned, BOB));
    expect(a.signature).not.toEqual(b.signature);
    expect(verifySchnorr(a.signature as Uint8Array, a.signatureHash, BOB_ID)).toBe(true);
    expect(unsigned.records.find((r) => r.type === 0n)?.value).toHaveLength(32);
  });

  test('a request without an offer, and its invoice signed by any node', () => {
    const bare = createInvoiceRequest({
      payerId: BOB_ID,
      description: 'refund',
      amountMsat: 1000n,
      paths: [PATH],
    });
    const text = signBolt12(bare, BOB);
    const inv = decodeInvoice(
      signBolt12(
        createInvoice({
          request: text,
          nodeId: G,
          paymentHash: '11'.repeat(32),
          paths: [{ ...PATH, blindedPayInfo: PAY_INFO }],
        }),
        '01'.padStart(64, '0'),
      ),
    );
    expect([inv.offer.description, inv.amountMsat, inv.request.paths.length]).toEqual([
      'refund',
      1000n,
      1,
    ]);
  });
});

describe('parameters', () => {
  const o = offer();
  test.each([
    ['no params', () => createOffer(undefined as never), TypeError, /^params must be an object/],
    [
      'an unknown param',
      () => createOffer({ descripton: 'x', issuerId: ALICE_ID } as never),
      TypeError,
      /^params has no option "descripton"/,
    ],
    [
      'a float amount',
      () => createOffer({ description: 'x', amountMsat: 1.5 as never, issuerId: ALICE_ID }),
      TypeError,
      /^params.amountMsat must be a bigint/,
    ],
    [
      'a zero amount',
      () => createOffer({ description: 'x', amountMsat: 0n, issuerId: ALICE_ID }),
      RangeError,
      /^params.amountMsat must be from 1/,
    ],
    [
      'an amount without description',
      () => createOffer({ amountMsat: 1n, issuerId: ALICE_ID }),
      RangeError,
      /^params.description is required/,
    ],
    [
      'a currency in lower case',
      () => createOffer({ description: 'x', amount: 1, currency: 'usd', issuerId: ALICE_ID }),
      RangeError,
      /^params.currency must be/,
    ],
    [
      'a currency without amount',
      () => createOffer({ description: 'x', currency: 'USD', issuerId: ALICE_ID }),
      RangeError,
      /^params.currency needs/,
    ],
    [
      'no issuer id and no paths',
      () => createOffer({ description: 'x' }),
      RangeError,
      /^params: give issuerId, paths/,
    ],
    [
      'an issuer id off the curve',
      () => createOffer({ issuerId: `02${'ff'.repeat(32)}` }),
      RangeError,
      /^params.issuerId is not/,
    ],
    [
      'an unknown chain',
      () => createOffer({ issuerId: ALICE_ID, chains: ['mainnet'] }),
      RangeError,
      /^params.chains\[0\] must be bitcoin/,
    ],
    [
      'a path without hops',
      () => createOffer({ paths: [{ ...PATH, hops: [] }] }),
      RangeError,
      /^params.paths\[0\].hops must be/,
    ],
    [
      'a bad short channel id',
      () =>
        createOffer({ paths: [{ ...PATH, firstNodeId: { shortChannelId: '1x2', direction: 0 } }] }),
      RangeError,
      /shortChannelId/,
    ],
    [
      'an even extra record',
      () => createOffer({ issuerId: ALICE_ID, extraRecords: [{ type: 1000000000n, value: '' }] }),
      RangeError,
      /must be odd/,
    ],
    [
      'a lone surrogate',
      () => createOffer({ issuerId: ALICE_ID, description: '\ud800' }),
      RangeError,
      /^params.description holds a lone surrogate/,
    ],
    [
      'a request without payer id',
      () => createInvoiceRequest({ offer: o } as never),
      TypeError,
      /^params.payerId must be/,
    ],
    [
      'a request below the offer amount',
      () => createInvoiceRequest({ offer: o, payerId: BOB_ID, amountMsat: 4999n }),
      RangeError,
      /^params: invreq_amount 4999 msat is less/,
    ],
    [
      'a quantity the offer does not sell',
      () => createInvoiceRequest({ offer: o, payerId: BOB_ID, quantity: 2 }),
      RangeError,
      /^params.quantity is only/,
    ],
    [
      'a chain the offer is not for',
      () => createInvoiceRequest({ offer: o, payerId: BOB_ID, chain: 'testnet' }),
      RangeError,
      /not one of the offer's chains/,
    ],
    [
      'a description with an offer',
      () => createInvoiceRequest({ offer: o, payerId: BOB_ID, description: 'x' }),
      RangeError,
      /comes from the offer/,
    ],
    [
      'no amount without an offer',
      () => createInvoiceRequest({ payerId: BOB_ID, description: 'x' }),
      RangeError,
      /^params.amountMsat is required without an offer/,
    ],
    [
      'a bad BIP 353 name',
      () =>
        createInvoiceRequest({
          offer: o,
          payerId: BOB_ID,
          bip353Name: { name: 'a b', domain: 'x' },
        }),
      RangeError,
      /^params.bip353Name.name/,
    ],
    [
      'a tampered request',
      () =>
        createInvoice({
          request: flip(request(), -20),
          paymentHash: '11'.repeat(32),
          paths: [{ ...PATH, blindedPayInfo: PAY_INFO }],
        }),
      Error,
      /signature|padding/,
    ],
    [
      'an invoice without paths',
      () => createInvoice({ request: request(), paymentHash: '11'.repeat(32), paths: [] }),
      RangeError,
      /^params.paths must hold/,
    ],
    [
      'a path without pay info',
      () => createInvoice({ request: request(), paymentHash: '11'.repeat(32), paths: [PATH] }),
      TypeError,
      /^params.paths\[0\].blindedPayInfo must be/,
    ],
    [
      'a short payment hash',
      () =>
        createInvoice({
          request: request(),
          paymentHash: '11',
          paths: [{ ...PATH, blindedPayInfo: PAY_INFO }],
        }),
      RangeError,
      /^params.paymentHash must be 32 bytes/,
    ],
    [
      "another amount than the request's",
      () =>
        createInvoice({
          request: request({ amountMsat: 6000n }),
          amountMsat: 5000n,
          paymentHash: '11'.repeat(32),
          paths: [{ ...PATH, blindedPayInfo: PAY_INFO }],
        }),
      RangeError,
      /invreq_amount, 6000 msat/,
    ],
    [
      'a testnet fallback on bitcoin',
      () =>
        createInvoice({
          request: request(),
          paymentHash: '11'.repeat(32),
          paths: [{ ...PATH, blindedPayInfo: PAY_INFO }],
          fallbacks: ['tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx'],
        }),
      RangeError,
      /^params.fallbacks\[0\]/,
    ],
    [
      'a base58 fallback',
      () =>
        createInvoice({
          request: request(),
          paymentHash: '11'.repeat(32),
          paths: [{ ...PATH, blindedPayInfo: PAY_INFO }],
          fallbacks: ['1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2'],
        }),
      RangeError,
      /not a segwit address/,
    ],
    [
      'the wrong signing key',
      () => signBolt12(createInvoiceRequest({ offer: o, payerId: BOB_ID }), ALICE),
      RangeError,
      /^privateKey is not the key of the message's invreq_payer_id/,
    ],
    ['not an unsigned message', () => signBolt12({} as never, BOB), TypeError, /^unsigned must be/],
    [
      'a bad auxRand',
      () => signBolt12(createInvoiceRequest({ offer: o, payerId: BOB_ID }), BOB, { auxRand: '00' }),
      RangeError,
      /^options.auxRand must be 32 bytes/,
    ],
  ])('%s', (_, run, kind, message) => {
    expect(run).toThrow(kind);
    expect(run).toThrow(message);
  });

  test('an external signer that signs with another key', async () => {
    const unsigned = createInvoiceRequest({ offer: offer(), payerId: BOB_ID });
    await expect(
      signBolt12With(unsigned, (h) => schnorr.sign(h, unhex(ALICE), new Uint8Array(32))),
    ).rejects.toThrow(/the signature does not verify/);
    await expect(signBolt12With(unsigned, () => new Uint8Array(3))).rejects.toThrow(
      /^signer must return a 64-byte/,
    );
  });

  test('invoice() helper sanity: the invoice pays the offer it answers', () => {
    expect(decodeInvoice(invoice()).offer.description).toBe('coffee');
  });
});

test('JSON.stringify of a decoded message: bigints as decimal strings, bytes as hex', () => {
  const json = JSON.parse(JSON.stringify(decodeInvoice(invoice())));
  expect(json).toMatchObject({
    kind: 'invoice',
    amountMsat: '5000',
    createdAt: '1700000000',
    paymentHash: '11'.repeat(32),
  });
  expect(json.records[0]).toEqual({ type: '0', value: '0102' });
  expect(structuredClone(decodeOffer(offer())).description).toBe('coffee');
});
