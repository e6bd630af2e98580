// invoiceSections splits an invoice into its parts, with character spans (the playground's
// coloured view is drawn from it).
import { invoiceSections } from '@lninvoice/core';

export default () =>
  invoiceSections(
    'lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgquk0rl77nj30yxdy8j9vdx85fkpmdla2087ne0xh8nhedh8w27kyke0lp53ut353s06fv3qfegext0eh0ymjpf39tuven09sam30g4vgpfna3rh',
  ).map(({ kind, span, name }) => `${kind.padEnd(9)} ${String(span).padEnd(8)} ${name ?? ''}`);
