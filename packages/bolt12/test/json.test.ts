// bolt12ToJSON: the spec's TLV names, the conventions of core's invoiceToJSON (64-bit numbers as
// decimal strings, bytes as hex, every field present), and plain JSON data.
import { BOLT12_VALID_OFFERS } from 'test-support/bolt12-vectors';
import { describe, expect, test } from 'vitest';
import { FIELDS } from '../src/fields.js';
import {
  bolt12ToJSON,
  createInvoice,
  createInvoiceRequest,
  createOffer,
  decodeBolt12,
  decodeInvoice,
  decodeInvoiceRequest,
  decodeOffer,
  signBolt12,
} from '../src/index.js';
import {
  ALICE_ID,
  BOB,
  BOB_ID,
  edited,
  G,
  hex,
  invoice,
  offer,
  PATH,
  PAY_INFO,
  request,
} from './helpers.js';

const ALICE_HEX = hex(ALICE_ID);
const BOB_HEX = hex(BOB_ID);

/** Fails unless `value` is JSON data as it is: what JSON.parse of its JSON gives back. */
const expectPlainJson = (value: unknown, at = 'view'): void => {
  if (value === null || ['string', 'boolean'].includes(typeof value)) return;
  if (typeof value === 'number') {
    expect(Number.isSafeInteger(value), at).toBe(true);
    return;
  }
  expect(typeof value, at).toBe('object');
  const proto = Object.getPrototypeOf(value);
  expect(proto === Object.prototype || proto === Array.prototype, `${at} is plain`).toBe(true);
  for (const [key, member] of Object.entries(value as object))
    expectPlainJson(member, `${at}.${key}`);
};

describe('bolt12ToJSON of an offer', () => {
  test('every field by its TLV name, numbers as decimal strings, bytes as hex', () => {
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
    expect(bolt12ToJSON(o)).toEqual({
      kind: 'offer',
      offer_chains: ['testnet', 'signet'],
      offer_metadata: 'abcd',
      offer_currency: null,
      offer_currency_exponent: null,
      offer_amount: '5000',
      offer_description: 'coffee',
      offer_features: {
        '1': { name: 'option_data_loss_protect', is_required: false, is_known: false },
        '99': { name: '', is_required: false, is_known: false },
      },
      offer_absolute_expiry: '2000000000',
      offer_paths: [
        {
          first_node_id: G,
          first_scid: null,
          first_scid_dir: null,
          first_path_key: G,
          path: [{ blinded_node_id: G, encrypted_recipient_data: 'aabb' }],
        },
        {
          first_node_id: null,
          first_scid: '700000x1x2',
          first_scid_dir: 1,
          first_path_key: G,
          path: [{ blinded_node_id: G, encrypted_recipient_data: 'aabb' }],
        },
      ],
      offer_issuer: 'example.com',
      offer_quantity_max: '10',
      offer_issuer_id: ALICE_HEX,
      offer_id: { sha256: hex(o.offerId.sha256), ldk: hex(o.offerId.ldk) },
      unknown_records: [{ type: '1000000001', hex: 'ff' }],
    });
  });

  test('a minimal offer has every key, null or empty where the field is absent', () => {
    const json = bolt12ToJSON(createOffer({ issuerId: ALICE_ID }));
    expect(json).toMatchObject({
      offer_chains: ['bitcoin'],
      offer_amount: null,
      offer_description: null,
      offer_features: {},
      offer_paths: [],
      offer_issuer_id: ALICE_HEX,
      unknown_records: [],
    });
    expect(Object.keys(json)).toEqual(Object.keys(bolt12ToJSON(decodeOffer(offer()))));
  });

  test('a price in a currency: the amount as written, with the ISO 4217 exponent', () => {
    const json = bolt12ToJSON(
      decodeOffer(offer({ amountMsat: undefined, amount: 250, currency: 'JPY' })),
    );
    expect([json.offer_amount, json.offer_currency, json.offer_currency_exponent]).toEqual([
      '250',
      'JPY',
      0,
    ]);
  });

  test('the offer id is both ids, Core Lightning and LDK, in hex', () => {
    const o = decodeOffer(offer());
    expect(bolt12ToJSON(o).offer_id).toEqual({
      sha256: hex(o.offerId.sha256),
      ldk: hex(o.offerId.ldk),
    });
    expect(bolt12ToJSON(o).offer_id.sha256).not.toBe(bolt12ToJSON(o).offer_id.ldk);
  });
});

describe('bolt12ToJSON of an invoice request', () => {
  test("its own fields, the offer's mirrored ones and the signature's hashes", () => {
    const text = request(
      {
        quantity: 2,
        amountMsat: 12000n,
        payerNote: 'thanks',
        bip353Name: { name: 'alice', domain: 'example.com' },
        features: [1],
        paths: [PATH],
      },
      { quantityMax: 0 },
    );
    const r = decodeInvoiceRequest(text);
    const json = bolt12ToJSON(r);
    expect(json).toMatchObject({
      kind: 'invoice_request',
      offer_description: 'coffee',
      offer_amount: '5000',
      offer_quantity_max: '0',
      offer_issuer_id: ALICE_HEX,
      invreq_metadata: '0102',
      invreq_chain: 'bitcoin',
      invreq_amount: '12000',
      invreq_features: {
        '1': { name: 'option_data_loss_protect', is_required: false, is_known: false },
      },
      invreq_quantity: '2',
      invreq_payer_id: BOB_HEX,
      invreq_payer_note: 'thanks',
      invreq_bip_353_name: { name: 'alice', domain: 'example.com' },
      signature: hex(r.signature as Uint8Array),
      merkle_root: hex(r.merkleRoot),
      signature_hash: hex(r.signatureHash),
      verified: true,
      offer_id: bolt12ToJSON(decodeOffer(offer({ quantityMax: 0 }))).offer_id,
      unknown_records: [],
    });
    expect(json.invreq_paths).toHaveLength(1);
    expect(json.invreq_paths[0]?.first_node_id).toBe(G);
  });

  test('verified is false when read without the signature check', () => {
    const text = request();
    expect(bolt12ToJSON(decodeInvoiceRequest(text, { verify: false })).verified).toBe(false);
    expect(bolt12ToJSON(decodeInvoiceRequest(text)).verified).toBe(true);
  });

  test('a request answering no offer: its offer fields are its own', () => {
    const unsigned = createInvoiceRequest({
      description: 'refund',
      payerId: BOB_ID,
      amountMsat: 1000n,
      invreqMetadata: '01',
    });
    const json = bolt12ToJSON(decodeInvoiceRequest(signBolt12(unsigned, BOB)));
    expect([json.offer_issuer_id, json.offer_description, json.invreq_amount]).toEqual([
      null,
      'refund',
      '1000',
    ]);
  });
});

describe('bolt12ToJSON of an invoice', () => {
  const text = invoice(
    {
      relativeExpiry: 600,
      paths: [
        {
          ...PATH,
          blindedPayInfo: { ...PAY_INFO, htlcMaximumMsat: 2n ** 64n - 1n, features: [1] },
        },
      ],
      fallbacks: ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4'],
      features: [17],
    },
    { quantity: 3 },
    { quantityMax: 5 },
  );
  const inv = decodeInvoice(text);
  const json = bolt12ToJSON(inv);

  test('paths with their blinded pay info, 64-bit amounts as decimal strings', () => {
    expect(json.invoice_paths).toEqual([
      {
        first_node_id: G,
        first_scid: null,
        first_scid_dir: null,
        first_path_key: G,
        path: [{ blinded_node_id: G, encrypted_recipient_data: 'aabb' }],
        blinded_payinfo: {
          fee_base_msat: 1000,
          fee_proportional_millionths: 100,
          cltv_expiry_delta: 144,
          htlc_minimum_msat: '1',
          htlc_maximum_msat: '18446744073709551615',
          features: {
            '1': { name: 'option_data_loss_protect', is_required: false, is_known: false },
          },
          usable: true,
        },
      },
    ]);
  });

  test("its own fields, and the request's and offer's mirrored ones", () => {
    expect(json).toMatchObject({
      kind: 'invoice',
      offer_description: 'coffee',
      offer_quantity_max: '5',
      invreq_quantity: '3',
      invreq_payer_id: BOB_HEX,
      invreq_metadata: '0102',
      invoice_created_at: '1700000000',
      invoice_relative_expiry: 600,
      expires_at: '1700000600',
      invoice_payment_hash: '11'.repeat(32),
      invoice_amount: '15000',
      invoice_fallbacks: [
        {
          version: 0,
          program: '751e76e8199196d454941c45d1b3a323f1433bd6',
          address: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
        },
      ],
      invoice_features: { '17': { name: 'basic_mpp', is_required: false, is_known: true } },
      invoice_node_id: ALICE_HEX,
      signature: hex(inv.signature),
      merkle_root: hex(inv.merkleRoot),
      signature_hash: hex(inv.signatureHash),
      verified: true,
      offer_id: { sha256: hex(inv.offerId.sha256), ldk: hex(inv.offerId.ldk) },
    });
  });

  test('the relative expiry is 7200 when the field is absent', () => {
    const plain = bolt12ToJSON(decodeInvoice(invoice()));
    expect([plain.invoice_relative_expiry, plain.expires_at]).toEqual([7200, '1700007200']);
  });

  test('every field of BOLT 12 has its key (the pay info under invoice_paths)', () => {
    const names = [...FIELDS.values()].map((f) => f.name);
    const keys = Object.keys(json);
    expect(names.filter((name) => !keys.includes(name))).toEqual(['invoice_blindedpay']);
  });

  test('unknown records of any type, types as decimal strings', () => {
    const odd = edited(text, (records) => [
      ...records,
      { type: 3000000001n, value: new Uint8Array([1, 2]) },
    ]);
    const view = bolt12ToJSON(decodeBolt12(odd, { verify: false }));
    expect(view.unknown_records).toEqual([{ type: '3000000001', hex: '0102' }]);
  });
});

describe('bolt12ToJSON output', () => {
  test('is plain JSON data: no bigint, no bytes; JSON.parse of its JSON gives it back', () => {
    const messages = [
      ...BOLT12_VALID_OFFERS.map((v) => decodeBolt12(v.bolt12)),
      decodeBolt12(request()),
      decodeBolt12(invoice()),
      createOffer({ description: 'x', amount: 1, currency: 'USD', issuerId: ALICE_ID }),
    ];
    for (const message of messages) {
      const view = bolt12ToJSON(message);
      expectPlainJson(view);
      expect(JSON.parse(JSON.stringify(view))).toEqual(view);
    }
  });

  test('keeps untrusted text as it is: escaping is the renderer’s job', () => {
    const text = 'a\u202Eb\u0000c';
    expect(
      bolt12ToJSON(createOffer({ description: text, issuerId: ALICE_ID })).offer_description,
    ).toBe(text);
  });

  test('refuses what is not a decoded message with a TypeError', () => {
    const unsigned = createInvoice({
      request: request(),
      paymentHash: '11'.repeat(32),
      paths: [{ ...PATH, blindedPayInfo: PAY_INFO }],
    });
    for (const value of [undefined, null, 'lno1…', {}, { kind: 'offer' }, unsigned])
      expect(() => bolt12ToJSON(value as never), String(value)).toThrow(
        /^message must be a decoded BOLT 12 message/,
      );
    expect(() => bolt12ToJSON(unsigned as never)).toThrow(TypeError);
  });
});
