// Forms no LUD or BIP defines are refused by default and accepted with { lenient: true }.
import { decodeLnurl, LnurlError } from '@lninvoice/lnurl';

const text =
  'LIGHTNING:lnurlp://demo.lnbits.com/bitcoinswitch/api/v1/lnurl/b4dEpKaanBbk7DmEoia32D?pin=13';

export default () => {
  let strict: string;
  try {
    strict = decodeLnurl(text).url;
  } catch (error) {
    if (!(error instanceof LnurlError)) throw error;
    strict = error.code;
  }
  return { strict, lenient: decodeLnurl(text, { lenient: true }).url };
};
