// decode(text, { verify: false }) parses without elliptic-curve work; verifyInvoice finishes it.
import { decode, verifyInvoice } from '@lninvoice/core';

export default () => {
  const parsed = decode(
    'lnbc1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdpl2pkx2ctnv5sxxmmwwd5kgetjypeh2ursdae8g6twvus8g6rfwvs8qun0dfjkxaq9qrsgq357wnc5r2ueh7ck6q93dj32dlqnls087fxdwk8qakdyafkq3yap9us6v52vjjsrvywa6rt52cm9r9zqt8r2t7mlcwspyetp5h2tztugp9lfyql',
    { verify: false },
  );
  const before = parsed.payeeNodeKey; // undefined: no n field, nothing recovered yet
  const verified = verifyInvoice(parsed);
  return { before, after: verified.payeeNodeKey, source: verified.payeeSource };
};
