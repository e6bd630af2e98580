// Edit the amount of a signed invoice and fix up its checksum: with an n field the signature no
// longer matches; without one, a different payee is recovered. (A throwaway test key: never use
// it with funds.)
import { createInvoice, decode, encode, nodeKeyOf, signInvoice } from '@lninvoice/core';

const TEST_KEY = '11'.repeat(32); // a well-known test key: never use it with funds

/** The same words and signature under another amount, with a valid checksum. */
const withAmount = (text: string, hrp: string) =>
  encode({ ...decode(text, { verify: false }), hrp });

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

const codeOf = (run: () => unknown): string => {
  try {
    run();
    return 'decoded';
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
};

export default () => {
  const params = {
    network: 'bitcoin',
    amountMsat: 2_500_000_000n,
    description: 'a bike',
    paymentHash: '55'.repeat(32),
  } as const;
  const withN = signInvoice(
    createInvoice({ ...params, payeeNodeKey: nodeKeyOf(TEST_KEY) }),
    TEST_KEY,
  );
  const withoutN = signInvoice(createInvoice(params), TEST_KEY);
  return {
    withN: codeOf(() => decode(withAmount(withN, 'lnbc1'))),
    withoutN: {
      signedBy: hex(decode(withoutN).payeeNodeKey),
      afterEdit: hex(decode(withAmount(withoutN, 'lnbc1')).payeeNodeKey),
    },
  };
};
