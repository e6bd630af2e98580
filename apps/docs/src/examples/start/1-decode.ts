// Decode an invoice: exact amounts, the description, and the payee from the signature.
import { decode } from '@lninvoice/core';

export default () => {
  const invoice = decode(
    'lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgquk0rl77nj30yxdy8j9vdx85fkpmdla2087ne0xh8nhedh8w27kyke0lp53ut353s06fv3qfegext0eh0ymjpf39tuven09sam30g4vgpfna3rh',
  );
  return {
    network: invoice.network,
    amountMsat: invoice.amountMsat,
    description: invoice.description,
    expiresAt: new Date(invoice.expiresAt * 1000).toISOString(),
    payeeNodeKey: invoice.payeeNodeKey,
    payeeSource: invoice.payeeSource,
  };
};
