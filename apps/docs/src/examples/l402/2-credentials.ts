// After paying: the credential the specification's example shows, written and read back; a
// preimage checked against the invoice; a malformed credential refused with its code and span.
import {
  checkL402Preimage,
  formatL402Authorization,
  L402Error,
  parseL402Authorization,
} from '@lninvoice/l402';

export default () => {
  const authorization = formatL402Authorization({
    token: 'AGIAJEemVQUTEyNCR0exk7ek90Cg==',
    preimage: '1234abcd1234abcd1234abcd',
  });
  const invoice =
    'lnbc100n1p54twgqpp54cskcth4y3ar0qkpxhh6y7drunxuvyy5yu8462l9333qfdaxztyssp5yg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3qdp2fs6rqv3qw3jhxap6yqcnqgrnv96zqen0wgsz7ctsdyxqzjc9qrsgqe752nflfxclqqe5z3mqumpdpjc3g62k5q97vzejtj3ey5p60dpvyq9lqz25edzwuallvnt3kvq0zpa67nnzhxn485mcxgmt6dwn0s8spx7fc94';
  const preimage = '0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20';
  let refused: unknown;
  try {
    parseL402Authorization('L402 AgEE:bHNh:00');
  } catch (error) {
    if (!(error instanceof L402Error)) throw error;
    refused = { code: error.code, span: error.span };
  }
  return {
    authorization,
    readBack: parseL402Authorization(authorization).tokens,
    paid: checkL402Preimage(invoice, preimage),
    wrongPreimage: checkL402Preimage(invoice, '00'.repeat(32)),
    refused,
  };
};
