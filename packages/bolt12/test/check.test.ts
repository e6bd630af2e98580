// checkInvoiceForRequest and checkRequestForOffer: each finding reached by a real mismatch.
import { describe, expect, test } from 'vitest';
import {
  checkInvoiceForRequest,
  checkRequestForOffer,
  createInvoice,
  createInvoiceRequest,
  decodeInvoice,
  signBolt12,
} from '../src/index.js';
import {
  ALICE,
  BOB,
  BOB_ID,
  edited,
  G,
  invoice,
  offer,
  PATH,
  PAY_INFO,
  request,
  withRecord,
} from './helpers.js';

const codes = (result: { issues: readonly { code: string }[] }) => result.issues.map((i) => i.code);

describe('checkInvoiceForRequest', () => {
  const req = request();
  const inv = signBolt12(
    createInvoice({
      request: req,
      paymentHash: '11'.repeat(32),
      paths: [{ ...PATH, blindedPayInfo: PAY_INFO }],
    }),
    ALICE,
  );

  test('an invoice that answers the request passes', () => {
    expect(checkInvoiceForRequest(inv, req)).toEqual({ ok: true, issues: [] });
    expect(checkInvoiceForRequest(decodeInvoice(inv), req).ok).toBe(true);
  });

  test('"MUST reject the invoice if all fields in ranges 0 to 159 … do not exactly match the invoice request"', () => {
    const other = request({ payerNote: 'another' });
    const result = checkInvoiceForRequest(inv, other);
    expect(result.ok).toBe(false);
    expect(result.issues).toEqual([
      expect.objectContaining({
        code: 'field-mismatch',
        field: 'invreq_payer_note',
        severity: 'error',
      }),
    ]);
    const changed = edited(inv, withRecord(2000000001n, '00'), ALICE);
    expect(codes(checkInvoiceForRequest(changed, req))).toEqual(['field-mismatch']);
  });

  test("the signing key: the offer's issuer id, or a path's final blinded node", () => {
    const viaPath = request({}, { issuerId: undefined, paths: [PATH] });
    const signedByG = signBolt12(
      createInvoice({
        request: viaPath,
        nodeId: G,
        paymentHash: '11'.repeat(32),
        paths: [{ ...PATH, blindedPayInfo: PAY_INFO }],
      }),
      '01'.padStart(64, '0'),
    );
    expect(checkInvoiceForRequest(signedByG, viaPath).ok).toBe(true);
  });

  test('a request without an offer: the node id is to be confirmed out of band', () => {
    const bare = signBolt12(
      createInvoiceRequest({ payerId: BOB_ID, description: 'refund', amountMsat: 1000n }),
      BOB,
    );
    const answer = signBolt12(
      createInvoice({
        request: bare,
        nodeId: G,
        paymentHash: '11'.repeat(32),
        paths: [{ ...PATH, blindedPayInfo: PAY_INFO }],
      }),
      '01'.padStart(64, '0'),
    );
    const unconfirmed = checkInvoiceForRequest(answer, bare);
    expect([unconfirmed.ok, codes(unconfirmed)]).toEqual([true, ['unconfirmed-node-id']]);
    expect(checkInvoiceForRequest(answer, bare, { nodeId: G })).toEqual({ ok: true, issues: [] });
    expect(codes(checkInvoiceForRequest(answer, bare, { nodeId: BOB_ID }))).toEqual([
      'node-id-mismatch',
    ]);
  });

  test('"MUST set invoice_amount to the expected amount" when the request names none', () => {
    const over = edited(inv, withRecord(170, '1389'), ALICE);
    expect(codes(checkInvoiceForRequest(over, req))).toEqual(['amount-mismatch']);
  });

  test("a currency offer: the conversion is the payer's to confirm", () => {
    const usd = request({}, { amountMsat: undefined, amount: 100, currency: 'USD' });
    const answer = signBolt12(
      createInvoice({
        request: usd,
        amountMsat: 123456n,
        paymentHash: '11'.repeat(32),
        paths: [{ ...PATH, blindedPayInfo: PAY_INFO }],
      }),
      ALICE,
    );
    const result = checkInvoiceForRequest(answer, usd);
    expect([result.ok, codes(result)]).toEqual([true, ['currency-conversion-needed']]);
  });

  test('wrong arguments', () => {
    expect(() => checkInvoiceForRequest(req as never, req)).toThrow(
      /^the invoice is an invoice request|this is an invoice request/,
    );
    expect(() => checkInvoiceForRequest({} as never, req)).toThrow(TypeError);
  });
});

describe('checkRequestForOffer', () => {
  const o = offer({ absoluteExpiry: 1800000000 });
  const req = request({}, { absoluteExpiry: 1800000000 });

  test('a request for the offer passes', () => {
    expect(checkRequestForOffer(req, o, { now: 1700000000 })).toEqual({ ok: true, issues: [] });
  });

  test('"MUST reject … if the offer fields do not exactly match a valid, unexpired offer"', () => {
    expect(codes(checkRequestForOffer(req, offer()))).toEqual(['field-mismatch']);
    expect(codes(checkRequestForOffer(req, o, { now: 1800000001 }))).toEqual(['expired']);
  });

  test("the expected amount of a currency offer, through the caller's conversion", () => {
    const usdOffer = offer({ amountMsat: undefined, amount: 100, currency: 'USD' });
    const usdRequest = request(
      { amountMsat: 900n },
      { amountMsat: undefined, amount: 100, currency: 'USD' },
    );
    expect(codes(checkRequestForOffer(usdRequest, usdOffer))).toEqual([
      'currency-conversion-needed',
    ]);
    expect(
      codes(checkRequestForOffer(usdRequest, usdOffer, { convert: (cents) => cents * 10n })),
    ).toEqual(['amount-too-small']);
    expect(checkRequestForOffer(usdRequest, usdOffer, { convert: (cents) => cents * 9n }).ok).toBe(
      true,
    );
    expect(() => checkRequestForOffer(usdRequest, usdOffer, { convert: () => 1 as never })).toThrow(
      /^options.convert must return a bigint/,
    );
  });

  test('wrong options', () => {
    expect(() => checkRequestForOffer(req, o, { now: Date.now() })).toThrow(/milliseconds/);
    expect(() => checkRequestForOffer(req, o, { when: 1 } as never)).toThrow(
      /^options has no option "when"/,
    );
  });
});

test('invoice() from the helpers answers request()', () => {
  expect(checkInvoiceForRequest(invoice(), request()).ok).toBe(true);
});
