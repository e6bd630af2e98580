// The JSON view: lncli decodepayreq names, hex and decimal strings, safe to stringify and clone.
import { BOLT11_VALID as valid } from 'test-support/bolt11-vectors';
import { describe, expect, it } from 'vitest';
import { decode, invoiceToJSON } from '../src/index.js';
import { toHex as hex } from '../src/text.js';

const vector = (name: string) => valid.find((v) => v.name === name) as (typeof valid)[number];

describe('JSON view', () => {
  it('uses lncli decodepayreq names with int64 values as strings', () => {
    const v = vector('coffee-2500u-expiry-60');
    const json = invoiceToJSON(decode(v.invoice));
    expect(json).toMatchObject({
      destination: v.payee,
      payment_hash: v.payment_hash,
      num_satoshis: '250000',
      num_msat: '250000000',
      amount_msat: '250000000',
      timestamp: '1496314658',
      expiry: '60',
      expires_at: '1496314718',
      description: '1 cup coffee',
      description_hash: '',
      fallback_addr: '',
      cltv_expiry: '18',
      payment_addr: v.payment_secret,
      network: 'bitcoin',
      payee_source: 'recovered',
      features: {
        8: { name: 'var_onion_optin', is_required: true, is_known: true },
        14: { name: 'payment_secret', is_required: true, is_known: true },
      },
    });
  });

  it('writes hop hints with lnd’s u64 chan_id and our BxTxO form', () => {
    const v = vector('mainnet-fallback-p2pkh-route-hints');
    const json = invoiceToJSON(decode(v.invoice));
    const hop = json.route_hints[0]?.hop_hints[0];
    expect(hop?.chan_id).toBe(BigInt('0x0102030405060708').toString());
    expect(hop?.short_channel_id).toBe('66051x263430x1800');
    expect(json.fallback_addr).toBe('1RustyRX2oai4EYYDpQGWvEL62BBGqN9T');
  });

  it('keeps an absent amount apart from zero', () => {
    const json = invoiceToJSON(decode(vector('donation-any-amount').invoice));
    expect(json.amount_msat).toBeNull();
    expect(json.num_msat).toBe('0');
  });

  it('rounds num_satoshis down but keeps the exact amount in amount_msat', () => {
    const json = invoiceToJSON(decode(vector('pico-amount-expiry-cltv-route-hint').invoice));
    expect(json.num_satoshis).toBe('967878');
    expect(json.amount_msat).toBe('967878534');
  });

  it('makes JSON.stringify(invoice) print the invoice itself, and structuredClone keep plain data', () => {
    const inv = decode(vector('payment-metadata').invoice);
    const json = JSON.parse(JSON.stringify(inv));
    expect(json.amountMsat).toBe('1000000000');
    expect(json.paymentHash).toBe(hex(inv.paymentHash));
    expect(json.payeeNodeKey).toBe(hex(inv.payeeNodeKey));
    expect(json.metadata).toBe('01fafaf0');
    expect(json.features).toEqual(inv.features);
    expect(json.description).toBe(inv.description);
    const defined = Object.entries(inv).filter(([, value]) => value !== undefined);
    expect(Object.keys(json).sort()).toEqual(defined.map(([key]) => key).sort());
    const clone = structuredClone(inv);
    expect(clone.amountMsat).toBe(1_000_000_000n);
    expect(clone.paymentHash).toEqual(inv.paymentHash);
    expect(Object.keys(inv)).not.toContain('toJSON');
  });

  it('lists unknown and ignored fields with their raw data', () => {
    const v = vector('ignored-fields-disputed');
    const json = invoiceToJSON(decode(v.invoice, { legacy: true }));
    expect(json.unknown_fields).toEqual([{ tag: '2', type: 10, data_length: 3, data: 'qqq' }]);
    expect(json.ignored_fields.map((f) => [f.tag, f.data_length])).toEqual(
      v.ignored_fields?.map((f) => [f.char, f.data_length]),
    );
  });

  it('describes an unverified invoice without a payee', () => {
    const json = invoiceToJSON(decode(vector('donation-any-amount').invoice, { verify: false }));
    expect(json.destination).toBe('');
    expect(json.payee_source).toBe('');
  });
});
