// A 402 answer's WWW-Authenticate value: the L402 challenge is found among other schemes, its
// token read and its invoice decoded (the amount to check before paying).
import { parseL402Challenge } from '@lninvoice/l402';

export default () => {
  const header =
    'Bearer realm="api", L402 version="0", token="AgEEbHNhdAJCAAAn", ' +
    'invoice="lnbc100n1p54twgqpp54cskcth4y3ar0qkpxhh6y7drunxuvyy5yu8462l9333qfdaxztyssp5yg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3qdp2fs6rqv3qw3jhxap6yqcnqgrnv96zqen0wgsz7ctsdyxqzjc9qrsgqe752nflfxclqqe5z3mqumpdpjc3g62k5q97vzejtj3ey5p60dpvyq9lqz25edzwuallvnt3kvq0zpa67nnzhxn485mcxgmt6dwn0s8spx7fc94"';
  const challenge = parseL402Challenge(header);
  return {
    scheme: challenge.scheme,
    token: challenge.token,
    amountMsat: challenge.decoded.amountMsat,
    description: challenge.decoded.description,
  };
};
