// A description is the payee's text: validate warns about characters that hide or reorder it.
// Show it as text, with such characters visible. (A throwaway test key: never use it with funds.)
import { createInvoice, signInvoice } from '@lninvoice/core';
import { validate } from '@lninvoice/validate';

export default () => {
  const description = 'Refund to \u202Etellaw ruoy\u202C #1337'; // displays as "Refund to your wallet #1337"
  const invoice = signInvoice(
    createInvoice({
      network: 'bitcoin',
      amountMsat: 1_000n,
      description,
      paymentHash: '44'.repeat(32),
    }),
    '11'.repeat(32),
  );
  const findings = validate(invoice).issues.filter((i) => i.code.startsWith('description'));
  return findings.map(({ code, severity, message }) => ({ code, severity, message }));
};
