// assertValid returns the verified invoice, or throws one ValidationError with every finding.
import { assertValid, ValidationError } from '@lninvoice/validate';

export default () => {
  try {
    assertValid(
      'lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpu9qrsgquk0rl77nj30yxdy8j9vdx85fkpmdla2087ne0xh8nhedh8w27kyke0lp53ut353s06fv3qfegext0eh0ymjpf39tuven09sam30g4vgpfna3rh',
      { network: 'bitcoin', now: 1_496_314_800 }, // 142 s after it was made; it expired after 60
    );
    return 'valid';
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return { code: error.code, issues: error.issues.map((issue) => issue.code) };
  }
};
