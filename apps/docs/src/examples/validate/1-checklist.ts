// validate never throws on a bad invoice: it collects every finding. formatIssues prints them.
import { formatIssues, validate } from '@lninvoice/validate';

export default () => {
  const result = validate(
    'lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgquk0rl77nj30yxdy8j9vdx85fkpmdla2087ne0xh8nhedh8w27kyke0lp53ut353s06fv3qfegext0eh0ymjpf39tuven09sam30g4vgpfna3rh',
    { network: 'signet', now: 1_700_000_000, amountMsat: 1_000n },
  );
  return { ok: result.ok, report: formatIssues(result.issues).split('\n') };
};
