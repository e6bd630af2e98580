// createOffer builds an offer (offers are not signed: issuerId names the key whose invoices
// answer it); encodeBolt12 writes it, in upper case for a QR code's alphanumeric mode. The key
// is a well-known test key: never use it with funds.
import { createOffer, decodeOffer, encodeBolt12 } from '@lninvoice/bolt12';
import { nodeKeyOf } from '@lninvoice/core';

const TEST_KEY = '41'.repeat(32); // the spec's "Alice": never use it with funds

export default () => {
  const offer = createOffer({
    description: 'coffee',
    amountMsat: 5_000_000n,
    issuer: 'a test shop',
    issuerId: nodeKeyOf(TEST_KEY),
    quantityMax: 0n, // any quantity
    chains: ['signet'],
  });
  const forQr = encodeBolt12(offer, { uppercase: true });
  const read = decodeOffer(forQr);
  return {
    forQr,
    amountMsat: read.amountMsat,
    chains: read.chains,
    sameOffer: encodeBolt12(read) === forQr.toLowerCase(),
  };
};
