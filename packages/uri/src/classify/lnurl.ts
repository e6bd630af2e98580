// LNURLs: the bech32 form and the fallback URLs of LUD-01, the URL schemes of LUD-17, read by
// core's one reader (@lninvoice/core/service-url), which @lninvoice/lnurl reads them with too.
import { readBech32Lnurl, readFallbackUrl, readLud17Url } from '@lninvoice/core/service-url';
import { uriError } from '../errors.js';
import type { LnurlInput, Lud17Input } from '../types.js';

/** The bech32 LNURL `text`, found at `offset` of the input. */
export const classifyLnurl = (text: string, offset: number): LnurlInput => ({
  kind: 'lnurl',
  value: text,
  form: 'bech32',
  url: readBech32Lnurl(text, { offset, error: uriError }).href,
});

/**
 * The LUD-01 fallback URL `text` (`https://…?lightning=LNURL1…`), found at `offset` of the input:
 * "`LNURL` can be used as a fallback inside of other URI schemes, with the key 'lightning' and the
 * value equal to the bech32-encoding". Read in every mode, since LUD-01 defines it.
 */
export const classifyFallback = (text: string, offset: number, lenient: boolean): LnurlInput => ({
  kind: 'lnurl',
  value: text,
  form: 'fallback',
  url: readFallbackUrl(text, { lenient, offset, error: uriError }).href,
});

/** The LUD-17 URL `text` (`lnurlp://…`), found at `offset` of the input. */
export const classifyLud17 = (text: string, offset: number, lenient: boolean): Lud17Input => {
  const { url, scheme } = readLud17Url(text, { lenient, offset, error: uriError });
  return { kind: 'lud17', value: text, lnurlScheme: scheme, url: url.href };
};
