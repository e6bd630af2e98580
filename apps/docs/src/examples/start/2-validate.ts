// Check an invoice before paying: every finding, with its code, severity and rule.
import { validate } from '@lninvoice/validate';

export default () => {
  const result = validate(
    'lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgquk0rl77nj30yxdy8j9vdx85fkpmdla2087ne0xh8nhedh8w27kyke0lp53ut353s06fv3qfegext0eh0ymjpf39tuven09sam30g4vgpfna3rh',
    {
      network: 'bitcoin',
      now: 1496314700, // 42 s after the invoice was made (its expiry is 60 s)
      amountMsat: 250_000_000n,
    },
  );
  return { ok: result.ok, issues: result.issues.map(({ code, severity }) => ({ code, severity })) };
};
