// Invoices are single-use: keep a record of the payment hashes you paid, and refuse a second
// payment. Nothing in an invoice can tell you it was paid already.
import { decode } from '@lninvoice/core';

const paid = new Set<string>(); // in a wallet: a database table

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

const pay = (text: string): string => {
  const hash = hex(decode(text).paymentHash);
  if (paid.has(hash)) return `refused: ${hash.slice(0, 8)}… was paid already`;
  paid.add(hash); // record before sending, so a crash cannot cause a second payment
  return `paying ${hash.slice(0, 8)}…`;
};

export default () => {
  const invoice =
    'lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgquk0rl77nj30yxdy8j9vdx85fkpmdla2087ne0xh8nhedh8w27kyke0lp53ut353s06fv3qfegext0eh0ymjpf39tuven09sam30g4vgpfna3rh';
  paid.clear();
  return [pay(invoice), pay(invoice)];
};
