// Create, sign in upper case for a QR code (alphanumeric mode), and decode it back: the same
// invoice. The key is a throwaway test key: never use it with funds.
import { createInvoice, decode, encode, nodeKeyOf, signInvoice } from '@lninvoice/core';

const TEST_KEY = '11'.repeat(32); // a well-known test key: never use it with funds

export default () => {
  const unsigned = createInvoice({
    network: 'regtest',
    amountMsat: 1_500n,
    description: 'test',
    paymentHash: '00'.repeat(32),
    payeeNodeKey: nodeKeyOf(TEST_KEY), // writes the n field
    timestamp: 1_700_000_000,
  });
  const forQr = signInvoice(unsigned, TEST_KEY, { uppercase: true });
  const decoded = decode(forQr);
  return {
    forQr,
    amountMsat: decoded.amountMsat,
    lowercase: encode(decoded) === forQr.toLowerCase(),
  };
};
