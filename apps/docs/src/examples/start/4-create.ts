// Create and sign an invoice, then read it back. The key is a throwaway test key: never use it
// with funds.
import { createInvoice, createPaymentPreimage, decode, signInvoice } from '@lninvoice/core';

const TEST_KEY = '11'.repeat(32); // a well-known test key: never use it with funds

export default () => {
  const { preimage, paymentHash } = createPaymentPreimage(); // keep preimage secret until paid
  const unsigned = createInvoice({
    network: 'signet',
    amountMsat: 21_000n,
    description: 'a coffee',
    paymentHash,
    expiry: 600,
  });
  const invoice = signInvoice(unsigned, TEST_KEY);
  const decoded = decode(invoice);
  return {
    invoice,
    preimageBytes: preimage.length,
    amountMsat: decoded.amountMsat,
    description: decoded.description,
  };
};
