// Paying an offer: the payer builds an invoice request and signs it with a fresh key; the
// issuer decodes it (the signature is verified) and checks it against its offer.
import {
  checkRequestForOffer,
  createInvoiceRequest,
  createOffer,
  decodeInvoiceRequest,
  signBolt12,
} from '@lninvoice/bolt12';
import { nodeKeyOf } from '@lninvoice/core';

const ISSUER_KEY = '41'.repeat(32); // test keys: never use them with funds

export default () => {
  const offer = createOffer({
    description: 'coffee',
    amountMsat: 5_000_000n,
    issuerId: nodeKeyOf(ISSUER_KEY),
    quantityMax: 10n,
  });
  const payerKey = crypto.getRandomValues(new Uint8Array(32)); // "a transient public key"
  const text = signBolt12(
    createInvoiceRequest({
      offer,
      payerId: nodeKeyOf(payerKey),
      quantity: 2n,
      payerNote: 'thanks',
    }),
    payerKey,
  );
  const request = decodeInvoiceRequest(text);
  return {
    prefix: text.slice(0, 4),
    verified: request.verified,
    quantity: request.quantity,
    expectedMsat: (request.offer.amountMsat ?? 0n) * (request.quantity ?? 1n),
    check: checkRequestForOffer(request, offer, { now: Math.floor(Date.now() / 1000) }),
  };
};
