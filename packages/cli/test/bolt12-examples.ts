// BOLT 12 messages the CLI tests read: an offer of Alice (21 sat a coffee, up to 5), Bob's
// request for 2 with a note, and Alice's invoice for it (42 sat, made at CREATED_AT, one path).
import {
  createInvoice,
  createInvoiceRequest,
  createOffer,
  encodeBolt12,
  signBolt12,
} from '@lninvoice/bolt12';
import { nodeKeyOf } from '@lninvoice/core';

/** 2023-11-14T22:13:20Z: when INVOICE was made (it expires 7200 s later). */
export const CREATED_AT = 1_700_000_000;
export const ALICE = '41'.repeat(32);
export const BOB = '42'.repeat(32);
export const G = '0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798';

/** A blinded path of one hop, all through G, as createInvoice takes it. */
export const PATH = {
  firstNodeId: { nodeId: G },
  firstPathKey: G,
  hops: [{ blindedNodeId: G, encryptedRecipientData: 'aabb' }],
  blindedPayInfo: {
    feeBaseMsat: 1000,
    feeProportionalMillionths: 100,
    cltvExpiryDelta: 144,
    htlcMinimumMsat: 1n,
    htlcMaximumMsat: 10n ** 10n,
  },
};

export const OFFER = encodeBolt12(
  createOffer({
    description: 'a coffee',
    amountMsat: 21000n,
    issuer: 'example.com',
    quantityMax: 5n,
    issuerId: nodeKeyOf(ALICE),
  }),
);
export const REQUEST = signBolt12(
  createInvoiceRequest({
    offer: OFFER,
    payerId: nodeKeyOf(BOB),
    quantity: 2n,
    payerNote: 'thanks',
    invreqMetadata: '0102',
  }),
  BOB,
);
export const INVOICE = signBolt12(
  createInvoice({
    request: REQUEST,
    paymentHash: '11'.repeat(32),
    createdAt: CREATED_AT,
    paths: [PATH],
  }),
  ALICE,
);
