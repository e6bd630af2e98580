// Every reader MUST of BOLT 12 for invoice requests and invoices (offers: vectors.test.ts), each
// reached by editing a valid message one record at a time and re-signing it.

import { bolt12String } from 'test-support/bolt12-vectors';
import { codeOf } from 'test-support/outcome';
import { describe, expect, test } from 'vitest';
import {
  CHAINS,
  decodeBolt12,
  decodeInvoice,
  decodeInvoiceRequest,
  decodeOffer,
} from '../src/index.js';
import {
  ALICE,
  BOB,
  edited,
  G,
  hex,
  invoice,
  NOT_A_KEY,
  offer,
  PATH,
  PAY_INFO,
  request,
  unhex,
  without,
  withRecord,
} from './helpers.js';

const PATH_ZERO_HOPS = `${G}${G}00`;
const CHAIN: Record<string, string> = Object.fromEntries(CHAINS.map((c) => [c.name, c.hash]));
/** The private key of G, the generator: 1. */
const KEY_OF_G = '01'.padStart(64, '0');

describe('the TLV stream (BOLT 1)', () => {
  const valid = offer();
  test('a type or length written in more bytes than it needs', () => {
    const issuer = `1621${hex(decodeOffer(valid).issuerId as Uint8Array)}`;
    expect(decodeOffer(bolt12String('lno', `0a06636f66666565${issuer}`)).description).toBe(
      'coffee',
    );
    expect(codeOf(() => decodeOffer(bolt12String('lno', `fd000a06636f66666565${issuer}`)))).toBe(
      'non-minimal-encoding',
    );
    expect(codeOf(() => decodeOffer(bolt12String('lno', `0afd0006636f66666565${issuer}`)))).toBe(
      'non-minimal-encoding',
    );
  });
  test('a truncated integer with a leading zero byte', () => {
    expect(codeOf(() => decodeOffer(edited(valid, withRecord(8, '001388'))))).toBe(
      'non-minimal-encoding',
    );
  });
  test('a truncated integer longer than its type allows', () => {
    expect(codeOf(() => decodeOffer(edited(valid, withRecord(8, '010000000000000000'))))).toBe(
      'invalid-field-length',
    );
  });
  test('the same type twice', () => {
    const twice = edited(valid, (r) => [...r.slice(0, 1), ...r.slice(0, 1), ...r.slice(1)]);
    expect(codeOf(() => decodeOffer(twice))).toBe('duplicate-record');
  });
  test('an amount above 21 million bitcoin', () => {
    expect(codeOf(() => decodeOffer(edited(valid, withRecord(8, '1d24b2dfac520001'))))).toBe(
      'amount-too-large',
    );
    expect(decodeOffer(edited(valid, withRecord(8, '1d24b2dfac520000'))).amountMsat).toBe(
      0x1d24b2dfac520000n,
    );
  });
});

describe('invoice requests: "The reader"', () => {
  const valid = request();
  const rs = (change: Parameters<typeof edited>[1]) => edited(valid, change, BOB);
  test('the valid request decodes, signature checked', () => {
    expect(decodeInvoiceRequest(valid).verified).toBe(true);
  });
  test('"MUST reject the invoice request if invreq_payer_id or invreq_metadata are not present"', () => {
    expect(codeOf(() => decodeInvoiceRequest(rs(without(0))))).toBe('missing-invreq-metadata');
    expect(codeOf(() => decodeInvoiceRequest(edited(valid, without(88))))).toBe('missing-payer-id');
  });
  test('"MUST reject … if any non-signature TLV fields are outside the inclusive ranges"', () => {
    expect(codeOf(() => decodeInvoiceRequest(rs(withRecord(161, '00'))))).toBe(
      'record-out-of-range',
    );
    expect(codeOf(() => decodeInvoiceRequest(rs(withRecord(3000000001n, '00'))))).toBe(
      'record-out-of-range',
    );
    // odd types inside the ranges, and signature types, are fine
    expect(decodeInvoiceRequest(rs(withRecord(2000000001n, '00'))).unknownRecords).toHaveLength(1);
    expect(
      decodeInvoiceRequest(
        edited(
          rs((r) => r),
          withRecord(241, '00'),
        ),
      ).verified,
    ).toBe(true);
  });
  test('"if invreq_features contains unknown even bits that are non-zero: MUST reject"', () => {
    expect(codeOf(() => decodeInvoiceRequest(rs(withRecord(84, '01'))))).toBe(
      'unknown-required-feature',
    );
    expect(decodeInvoiceRequest(rs(withRecord(84, '02'))).features[0]).toMatchObject({
      bit: 1,
      known: false,
    });
    expect(
      decodeInvoiceRequest(rs(withRecord(84, '01')), { features: [0] }).features[0],
    ).toMatchObject({ bit: 0, known: true });
  });
  test('"MUST reject the invoice request if signature is not correct"', () => {
    expect(codeOf(() => decodeInvoiceRequest(edited(valid, withRecord(89, '6869'))))).toBe(
      'invalid-signature',
    );
    expect(codeOf(() => decodeInvoiceRequest(edited(valid, without(240))))).toBe(
      'missing-signature',
    );
    expect(
      codeOf(() =>
        decodeInvoiceRequest(rs((r) => r).replace(/.$/, (c) => (c === 'q' ? 'p' : 'q'))),
      ),
    ).toMatch(/invalid-signature|invalid-padding/);
    expect(
      decodeInvoiceRequest(edited(valid, withRecord(89, '6869')), { verify: false }).verified,
    ).toBe(false);
  });
  test("another key's signature", () => {
    expect(codeOf(() => decodeInvoiceRequest(edited(valid, (r) => r, ALICE)))).toBe(
      'invalid-signature',
    );
  });
  test('"if num_hops is 0 in any blinded_path in invreq_paths: MUST reject"', () => {
    expect(codeOf(() => decodeInvoiceRequest(rs(withRecord(90, PATH_ZERO_HOPS))))).toBe(
      'empty-blinded-path',
    );
    expect(codeOf(() => decodeInvoiceRequest(rs(withRecord(90, ''))))).toBe('empty-paths');
  });
  test('quantity: "MUST reject the invoice request if there is no invreq_quantity field"', () => {
    const withMax = request({ quantity: 2 }, { quantityMax: 3 });
    expect(decodeInvoiceRequest(withMax).quantity).toBe(2n);
    expect(codeOf(() => decodeInvoiceRequest(edited(withMax, without(86), BOB)))).toBe(
      'missing-quantity',
    );
    expect(codeOf(() => decodeInvoiceRequest(edited(withMax, withRecord(86, ''), BOB)))).toBe(
      'invalid-quantity',
    );
    expect(codeOf(() => decodeInvoiceRequest(edited(withMax, withRecord(86, '04'), BOB)))).toBe(
      'invalid-quantity',
    );
    expect(codeOf(() => decodeInvoiceRequest(rs(withRecord(86, '01'))))).toBe('unexpected-field');
    const unlimited = request({ quantity: 1000 }, { quantityMax: 0 });
    expect(decodeInvoiceRequest(unlimited).quantity).toBe(1000n);
  });
  test('amount: "MUST reject … if invreq_amount.msat is less than the expected amount"', () => {
    expect(decodeInvoiceRequest(request({ amountMsat: 5000n })).amountMsat).toBe(5000n);
    expect(codeOf(() => decodeInvoiceRequest(rs(withRecord(82, '1387'))))).toBe('amount-too-small');
    const two = request({ quantity: 2 }, { quantityMax: 0 });
    expect(codeOf(() => decodeInvoiceRequest(edited(two, withRecord(82, '1388'), BOB)))).toBe(
      'amount-too-small',
    );
    const noAmount = request({ amountMsat: 1n }, { amountMsat: undefined });
    expect(codeOf(() => decodeInvoiceRequest(edited(noAmount, without(82), BOB)))).toBe(
      'missing-amount',
    );
  });
  test('the offer fields it mirrors follow the offer rules', () => {
    expect(codeOf(() => decodeInvoiceRequest(rs(without(10))))).toBe('missing-description');
  });
  test('without an offer: no offer_chains, offer_features or offer_quantity_max; invreq_amount required', () => {
    const bare = request({ offer: undefined, description: 'refund', amountMsat: 1000n });
    expect(decodeInvoiceRequest(bare).offer.issuerId).toBeUndefined();
    expect(codeOf(() => decodeInvoiceRequest(edited(bare, withRecord(20, '05'), BOB)))).toBe(
      'unexpected-field',
    );
    expect(codeOf(() => decodeInvoiceRequest(edited(bare, withRecord(12, '02'), BOB)))).toBe(
      'unexpected-field',
    );
    expect(codeOf(() => decodeInvoiceRequest(edited(bare, without(82), BOB)))).toBe(
      'missing-amount',
    );
    // "MUST NOT include signature": one published without an offer reads without it
    expect(decodeInvoiceRequest(edited(bare, without(240))).verified).toBe(false);
  });
  test('"MUST reject the invoice request if invreq_chain.chain is not a supported chain"', () => {
    const testnet = request({ chain: 'testnet' }, { chains: ['testnet'] });
    expect(decodeInvoiceRequest(testnet).chain).toBe('testnet');
    expect(codeOf(() => decodeInvoiceRequest(testnet, { chains: ['bitcoin'] }))).toBe(
      'unsupported-chain',
    );
    expect(codeOf(() => decodeInvoiceRequest(valid, { chains: ['testnet'] }))).toBe(
      'unsupported-chain',
    );
  });
  test('"MUST set invreq_chain to one of offer_chains"; without them, only bitcoin', () => {
    const testnet = request({ chain: 'testnet' }, { chains: ['testnet', 'signet'] });
    expect(
      codeOf(() =>
        decodeInvoiceRequest(edited(testnet, withRecord(80, CHAIN.regtest as string), BOB)),
      ),
    ).toBe('chain-mismatch');
    expect(codeOf(() => decodeInvoiceRequest(edited(testnet, without(80), BOB)))).toBe(
      'chain-mismatch',
    );
    expect(codeOf(() => decodeInvoiceRequest(rs(withRecord(80, CHAIN.testnet as string))))).toBe(
      'chain-mismatch',
    );
    expect(decodeInvoiceRequest(rs(withRecord(80, CHAIN.bitcoin as string))).chain).toBe('bitcoin');
  });
  test('an expired offer, when the caller gives the time', () => {
    const expiring = request({}, { absoluteExpiry: 1700000000 });
    expect(decodeInvoiceRequest(expiring, { now: 1700000000 }).offer.absoluteExpiry).toBe(
      1700000000n,
    );
    expect(codeOf(() => decodeInvoiceRequest(expiring, { now: 1700000001 }))).toBe('expired');
  });
  test('"MUST reject the invoice request if name or domain contain any bytes which are not 0-9, a-z, A-Z, -, _ or ."', () => {
    const named = request({ bip353Name: { name: 'alice', domain: 'example.com' } });
    expect(decodeInvoiceRequest(named).bip353Name).toEqual({
      name: 'alice',
      domain: 'example.com',
    });
    expect(codeOf(() => decodeInvoiceRequest(rs(withRecord(91, '05616c6963650140'))))).toBe(
      'invalid-bip353-name',
    );
    expect(codeOf(() => decodeInvoiceRequest(rs(withRecord(91, '05616c696365'))))).toBe(
      'invalid-field-length',
    );
  });
  test('an invalid payer id', () => {
    expect(codeOf(() => decodeInvoiceRequest(edited(valid, withRecord(88, NOT_A_KEY))))).toBe(
      'invalid-public-key',
    );
  });
});

describe('invoices: "A reader of an invoice"', () => {
  const valid = invoice();
  const rs = (change: Parameters<typeof edited>[1]) => edited(valid, change, ALICE);
  test('the valid invoice decodes, with its defaults', () => {
    const inv = decodeInvoice(valid);
    expect([inv.verified, inv.relativeExpiry, inv.expiresAt, inv.amountMsat]).toEqual([
      true,
      7200,
      1700007200n,
      5000n,
    ]);
    expect(inv.paths[0]?.blindedPayInfo).toMatchObject({
      feeBaseMsat: 1000,
      cltvExpiryDelta: 144,
      usable: true,
    });
  });
  test.each([
    [170, 'missing-amount'],
    [164, 'missing-created-at'],
    [168, 'missing-payment-hash'],
    [176, 'missing-node-id'],
    [160, 'missing-paths'],
    [162, 'missing-blindedpay'],
  ])('"MUST reject the invoice if" type %i "is not present"', (type, code) => {
    expect(codeOf(() => decodeInvoice(rs(without(type))))).toBe(code);
  });
  test('"MUST reject the invoice if invoice_paths … is empty"; "if num_hops is 0"', () => {
    expect(codeOf(() => decodeInvoice(rs(withRecord(160, ''))))).toBe('empty-paths');
    expect(codeOf(() => decodeInvoice(rs(withRecord(160, PATH_ZERO_HOPS))))).toBe(
      'empty-blinded-path',
    );
  });
  test('"exactly one blinded_payinfo per invoice_paths.blinded_path"', () => {
    const payInfo = Buffer.from(
      decodeBolt12(valid).records.find((r) => r.type === 162n)?.value as Uint8Array,
    ).toString('hex');
    expect(codeOf(() => decodeInvoice(rs(withRecord(162, payInfo + payInfo))))).toBe(
      'payinfo-count-mismatch',
    );
    expect(codeOf(() => decodeInvoice(rs(withRecord(162, payInfo.slice(0, -2)))))).toBe(
      'invalid-payinfo',
    );
  });
  test('"MUST NOT use the corresponding path if payinfo.features has any unknown even bits"; none left: reject', () => {
    const payInfo = (features: string) =>
      `000003e8000000640090${'0000000000000001'}${'00000002540be400'}${(features.length / 2).toString(16).padStart(4, '0')}${features}`;
    expect(codeOf(() => decodeInvoice(rs(withRecord(162, payInfo('01')))))).toBe(
      'missing-usable-path',
    );
    const path = { ...PATH, blindedPayInfo: PAY_INFO };
    const two = invoice({ paths: [path, path] });
    const pays = payInfo('01') + payInfo('');
    const inv = decodeInvoice(edited(two, withRecord(162, pays), ALICE));
    expect(inv.paths.map((p) => p.blindedPayInfo.usable)).toEqual([false, true]);
  });
  test('"if invoice_features contains unknown even bits that are non-zero: MUST reject the invoice"', () => {
    expect(codeOf(() => decodeInvoice(rs(withRecord(174, '04'))))).toBe('unknown-required-feature');
    // MPP/compulsory (16) is BOLT 12's own bit
    expect(decodeInvoice(rs(withRecord(174, '010000'))).features[0]).toMatchObject({
      bit: 16,
      name: 'basic_mpp',
      known: true,
    });
  });
  test('expiry: "greater than invoice_created_at plus seconds_from_creation" (7200 when absent)', () => {
    expect(decodeInvoice(valid, { now: 1700007200 }).expiresAt).toBe(1700007200n);
    expect(codeOf(() => decodeInvoice(valid, { now: 1700007201 }))).toBe('expired');
    const short = invoice({ relativeExpiry: 60 });
    expect(decodeInvoice(short).relativeExpiry).toBe(60);
    expect(codeOf(() => decodeInvoice(short, { now: 1700000061 }))).toBe('expired');
  });
  test('"if invreq_amount is present: MUST reject the invoice if invoice_amount is not equal to invreq_amount"', () => {
    const asked = invoice({}, { amountMsat: 6000n });
    expect(decodeInvoice(asked).amountMsat).toBe(6000n);
    expect(codeOf(() => decodeInvoice(edited(asked, withRecord(170, '1771'), ALICE)))).toBe(
      'amount-mismatch',
    );
  });
  test('"MUST reject the invoice if invoice_node_id is not equal to offer_issuer_id"', () => {
    expect(codeOf(() => decodeInvoice(edited(valid, withRecord(176, G), KEY_OF_G)))).toBe(
      'node-id-mismatch',
    );
  });
  test('"MUST reject the invoice if signature is not a valid signature using invoice_node_id"', () => {
    expect(codeOf(() => decodeInvoice(edited(valid, withRecord(168, '22'.repeat(32)))))).toBe(
      'invalid-signature',
    );
    expect(codeOf(() => decodeInvoice(edited(valid, without(240))))).toBe('missing-signature');
    expect(codeOf(() => decodeInvoice(edited(valid, (r) => r, BOB)))).toBe('invalid-signature');
  });
  test('"MUST reject the invoice if invreq_chain.chain is not a supported chain"', () => {
    expect(codeOf(() => decodeInvoice(valid, { chains: ['signet'] }))).toBe('unsupported-chain');
    expect(decodeInvoice(valid, { chains: ['bitcoin', 'signet'] }).chain).toBe('bitcoin');
  });
  test('fallbacks: unusable ones are ignored, as the spec requires; a truncated one is an error', () => {
    const fallbacks = `00${'0014'}${'11'.repeat(20)}${'11'}${'0002'}${'2222'}${'01'}${'0001'}${'33'}`;
    const inv = decodeInvoice(rs(withRecord(172, fallbacks)));
    // version 0 with 20 bytes is kept; a 2-byte version 17 program and a 1-byte one are not
    expect(inv.fallbacks).toHaveLength(1);
    expect(inv.fallbacks[0]).toMatchObject({ version: 0, program: unhex('11'.repeat(20)) });
    expect(inv.fallbacks[0]?.address).toMatch(/^bc1q/);
    expect(codeOf(() => decodeInvoice(rs(withRecord(172, '000014'))))).toBe('invalid-fallback');
  });
  test('an invoice for an offer without issuer id is signed by the final blinded node of an offer path', () => {
    const viaPath = invoice({ nodeId: G }, {}, { issuerId: undefined, paths: [PATH] }, KEY_OF_G);
    expect(decodeInvoice(viaPath).nodeId).toEqual(unhex(G));
  });
});

describe('spans point at the characters that hold the field at fault', () => {
  test('in a plain string, and in one split with "+" and whitespace', () => {
    const bad = edited(offer(), withRecord(22, NOT_A_KEY));
    const error = (() => {
      try {
        decodeOffer(bad);
      } catch (e) {
        return e as { span: [number, number]; field: string };
      }
      throw new Error('no error');
    })();
    expect(error.field).toBe('offer_issuer_id');
    const [start, end] = error.span;
    // The record is the last one: its characters run to the end of the string.
    expect(end).toBe(bad.length);
    expect(end - start).toBeGreaterThanOrEqual(Math.floor(((2 + 33) * 8) / 5));
    const split = `${bad.slice(0, 20)}+\n  ${bad.slice(20, 40)}+ ${bad.slice(40)}`;
    const again = (() => {
      try {
        decodeOffer(`  ${split}`);
      } catch (e) {
        return e as { span: [number, number] };
      }
      throw new Error('no error');
    })();
    const covered = `  ${split}`.slice(...again.span).replace(/\+\s*/g, '');
    expect(covered).toBe(bad.slice(start, end));
  });
});
