// `lninvoice validate` on BOLT 12 offers and invoices, run as a user runs it.
import {
  createInvoice,
  createInvoiceRequest,
  createOffer,
  encodeBolt12,
  signBolt12,
} from '@lninvoice/bolt12';
import { nodeKeyOf } from '@lninvoice/core';
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const ALICE = '41'.repeat(32);
const BOB = '42'.repeat(32);
const G = '0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798';
const T0 = 1_700_000_000;
const OFFER = encodeBolt12(
  createOffer({
    description: 'coffee',
    amountMsat: 5000n,
    issuerId: nodeKeyOf(ALICE),
    quantityMax: 3,
    absoluteExpiry: T0 + 3600,
  }),
);
const REQUEST = signBolt12(
  createInvoiceRequest({
    offer: OFFER,
    payerId: nodeKeyOf(BOB),
    quantity: 2,
    invreqMetadata: '01',
  }),
  BOB,
);
const PATH = {
  firstNodeId: { nodeId: G },
  firstPathKey: G,
  hops: [{ blindedNodeId: G, encryptedRecipientData: 'aa' }],
};
const INVOICE = signBolt12(
  createInvoice({
    request: REQUEST,
    paymentHash: '11'.repeat(32),
    createdAt: T0,
    paths: [
      {
        ...PATH,
        blindedPayInfo: {
          feeBaseMsat: 0,
          feeProportionalMillionths: 0,
          cltvExpiryDelta: 144,
          htlcMinimumMsat: 1n,
          htlcMaximumMsat: 10n ** 9n,
        },
      },
    ],
  }),
  ALICE,
);

describe('lninvoice validate, BOLT 12', () => {
  it('checks an offer against the payer policy', () => {
    const ok = run([
      'validate',
      OFFER,
      '--network',
      'bitcoin',
      '--now',
      String(T0),
      '--quantity',
      '2',
    ]);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^valid/m);
    const expired = run([
      'validate',
      OFFER,
      '--network',
      'bitcoin',
      '--now',
      String(T0 + 7200),
      '--quantity',
      '2',
    ]);
    expect(expired.code).toBe(1);
    expect(expired.stdout).toMatch(/expired/);
    const tooMany = run([
      'validate',
      OFFER,
      '--network',
      'bitcoin',
      '--now',
      String(T0),
      '--quantity',
      '4',
    ]);
    expect([tooMany.code, tooMany.stdout.includes('invalid-quantity')]).toEqual([1, true]);
  });

  it('checks an invoice against the request the payer sent, and prints the BOLT 12 JSON view', () => {
    const r = run([
      'validate',
      INVOICE,
      '--network',
      'bitcoin',
      '--now',
      String(T0 + 60),
      '--request',
      REQUEST,
      '--json',
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.ok).toBe(true);
    expect(json.message).toMatchObject({ kind: 'invoice', invoice_amount: '10000' });
    const other = signBolt12(
      createInvoiceRequest({
        offer: OFFER,
        payerId: nodeKeyOf(BOB),
        quantity: 1,
        invreqMetadata: '02',
      }),
      BOB,
    );
    const mismatch = run([
      'validate',
      INVOICE,
      '--network',
      'bitcoin',
      '--now',
      String(T0 + 60),
      '--request',
      other,
    ]);
    expect([mismatch.code, mismatch.stdout.includes('field-mismatch')]).toEqual([1, true]);
  });

  it('refuses options of the other format', () => {
    expect(run(['validate', OFFER, '--legacy']).code).toBe(2);
    const r = run(['validate', INVOICE.replace(/^lni/, 'lnbc'), '--quantity', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--quantity is for BOLT 12/);
  });
});
