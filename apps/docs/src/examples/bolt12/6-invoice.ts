// The issuer answers a request with an invoice signed by its key; the payer decodes it (with
// the time now, so an expired one is refused) and checks it against the request it sent.
import {
  checkInvoiceForRequest,
  createInvoice,
  createInvoiceRequest,
  createOffer,
  decodeInvoice,
  signBolt12,
} from '@lninvoice/bolt12';
import { nodeKeyOf } from '@lninvoice/core';

const ISSUER_KEY = '41'.repeat(32); // test keys: never use them with funds
const PAYER_KEY = '42'.repeat(32);
const G = '0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798'; // a valid point

export default () => {
  const offer = createOffer({
    description: 'coffee',
    amountMsat: 5_000_000n,
    issuerId: nodeKeyOf(ISSUER_KEY),
  });
  const request = signBolt12(
    createInvoiceRequest({ offer, payerId: nodeKeyOf(PAYER_KEY) }),
    PAYER_KEY,
  );
  const answer = signBolt12(
    createInvoice({
      request,
      paymentHash: crypto.getRandomValues(new Uint8Array(32)),
      relativeExpiry: 600,
      paths: [
        {
          firstNodeId: { nodeId: G }, // in practice: a blinded path to the issuer
          firstPathKey: G,
          hops: [{ blindedNodeId: G, encryptedRecipientData: 'aabb' }],
          blindedPayInfo: {
            feeBaseMsat: 1000,
            feeProportionalMillionths: 100,
            cltvExpiryDelta: 144,
            htlcMinimumMsat: 1n,
            htlcMaximumMsat: 10_000_000_000n,
          },
        },
      ],
    }),
    ISSUER_KEY,
  );
  const invoice = decodeInvoice(answer, { now: Math.floor(Date.now() / 1000) });
  return {
    amountMsat: invoice.amountMsat,
    relativeExpiry: invoice.relativeExpiry,
    signedByIssuer: invoice.verified,
    check: checkInvoiceForRequest(invoice, request),
  };
};
