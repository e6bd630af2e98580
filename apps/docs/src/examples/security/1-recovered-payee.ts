// Without an n field, any signature recovers *some* key. Re-signed by someone else, an invoice
// still decodes; only the payee differs. Check the payee you expect. (Test keys: never use them
// with funds.)
import { createInvoice, nodeKeyOf, signInvoice } from '@lninvoice/core';
import { validate } from '@lninvoice/validate';

const SHOP_KEY = '11'.repeat(32); // throwaway test keys: never use them with funds
const ATTACKER_KEY = '22'.repeat(32);

export default () => {
  const params = {
    network: 'bitcoin',
    amountMsat: 50_000_000n,
    description: 'order 1337',
    paymentHash: '33'.repeat(32),
  } as const;
  const forged = signInvoice(createInvoice(params), ATTACKER_KEY);
  const withoutPayee = validate(forged);
  const withPayee = validate(forged, { payee: nodeKeyOf(SHOP_KEY) });
  return {
    decodes: withoutPayee.ok,
    withPayee: withPayee.issues.filter((i) => i.severity === 'error').map((i) => i.code),
  };
};
