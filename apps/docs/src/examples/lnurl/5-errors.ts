// Every refusal is an LnurlError with a stable code: here, plain http to a clearnet host.
import { decodeLnurl, LnurlError } from '@lninvoice/lnurl';

export default () => {
  try {
    return decodeLnurl(
      'LNURL1DP68GUP69UHHXETJWE5KXEFWVDHK6TMPWP5N7UFAXDNXXVEKXS6KYDPN893K2WR9XANRYDF4XDSNVWT9X5ERVDES8QCKGWFKV33KGVE5XQMRJVMPVESKYEFSX33X2DMZXP3KXEP3XUUXGES2LFA6D',
    );
  } catch (error) {
    if (!(error instanceof LnurlError)) throw error;
    return { code: error.code, message: error.message };
  }
};
