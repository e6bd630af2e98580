// invoiceToJSON gives the shape `lncli decodepayreq` prints, plus what lnd leaves out.
import { decode, invoiceToJSON } from '@lninvoice/core';

export default () => {
  const json = invoiceToJSON(
    decode(
      'lnbc20m1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygspp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqhp58yjmdan79s6qqdhdzgynm4zwqd5d7xmw5fk98klysy043l2ahrqs9qrsgq7ea976txfraylvgzuxs8kgcw23ezlrszfnh8r6qtfpr6cxga50aj6txm9rxrydzd06dfeawfk6swupvz4erwnyutnjq7x39ymw6j38gp7ynn44',
    ),
  );
  return {
    num_satoshis: json.num_satoshis,
    description_hash: json.description_hash,
    destination: json.destination,
  };
};
