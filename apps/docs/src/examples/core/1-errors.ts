// Every rejection is a Bolt11Error with a stable code, a message and the span at fault.
import { Bolt11Error, decode } from '@lninvoice/core';

export default () => {
  const text =
    'lnbc2500x1pvjluezpp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5xysxxatsyp3k7enxv4jsxqzpusp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygs9qrsgqrrzc4cvfue4zp3hggxp47ag7xnrlr8vgcmkjxk3j5jqethnumgkpqp23z9jclu3v0a7e0aruz366e9wqdykw6dxhdzcjjhldxq0w6wgqcnu43j';
  try {
    decode(text);
    return 'decoded';
  } catch (error) {
    if (!(error instanceof Bolt11Error)) throw error;
    const [start, end] = error.span ?? [0, 0];
    return {
      code: error.code,
      message: error.message,
      span: error.span,
      atFault: text.slice(start, end),
    };
  }
};
