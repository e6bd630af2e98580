// LNURLs: the bech32 form of LUD-01 and the URL schemes of LUD-17.
import { MAX_INVOICE_LENGTH } from '@lninvoice/core';
import { readBech32, wordsToBytes } from '@lninvoice/core/bech32';
import { decodeUtf8, showText } from '@lninvoice/core/text';
import { UriError, uriError } from '../errors.js';
import { checkCharacters, checkPercentEscapes, NOT_URI_CHARACTER, schemeOf } from '../rfc3986.js';
import type { LnurlInput, Lud17Input } from '../types.js';

export const LUD17_SCHEMES: ReadonlySet<string> = new Set([
  'lnurlp',
  'lnurlw',
  'lnurlc',
  'keyauth',
]);

/** The host of `scheme://host…` without user info or port, lowercased; `''` when there is none. */
const hostOf = (url: string): string => {
  const scheme = schemeOf(url);
  const rest = scheme === undefined ? '' : url.slice(scheme.length + 1);
  if (!rest.startsWith('//')) return '';
  const authority = rest.slice(2).split(/[/?#]/, 1)[0] ?? '';
  const host = authority.slice(authority.lastIndexOf('@') + 1);
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':', 1)[0];
  return (name ?? '').toLowerCase();
};

/** LUD-01, LUD-16, LUD-17: onion services are reached over `http://`, the rest over `https://`. */
export const isOnion = (host: string): boolean => host.toLowerCase().endsWith('.onion');

/** The URL of the bech32 LNURL `text`, found at `offset` of the input. */
export const classifyLnurl = (text: string, offset: number): LnurlInput => {
  const { words } = readBech32(text, {
    limit: MAX_INVOICE_LENGTH,
    checksum: 'bech32',
    what: 'the LNURL',
    offset,
    error: uriError,
  });
  const bytes = wordsToBytes(words);
  const url = bytes && decodeUtf8(bytes);
  const invalid = (why: string) =>
    new UriError('invalid-lnurl', `LNURL: ${why}`, { span: [offset, offset + text.length] });
  if (url === undefined) throw invalid('its data is not a UTF-8 URL');
  // LUD-01: "LNURL is acceptable in two forms: either an `https://` clearnet link (no self-signed
  // certificates allowed) or an `http://` v2/v3 onion link."
  const scheme = schemeOf(url);
  const host = hostOf(url);
  const web = scheme === 'https' || (scheme === 'http' && isOnion(host));
  if (!web || host === '' || NOT_URI_CHARACTER.test(url))
    throw invalid(`${showText(url)} is neither an https:// URL nor an http:// onion URL`);
  return { kind: 'lnurl', value: text, url };
};

/** The LUD-17 URL `text` (`lnurlp://…`), found at `offset` of the input. */
export const classifyLud17 = (text: string, offset: number): Lud17Input => {
  const scheme = schemeOf(text) as Lud17Input['lnurlScheme'];
  checkCharacters(text, offset, NOT_URI_CHARACTER, 'LUD-17 URL');
  checkPercentEscapes(text, offset, 'LUD-17 URL');
  const host = hostOf(text);
  if (host === '') {
    throw new UriError(
      'invalid-lnurl',
      `LUD-17 URL: ${showText(text)} has no host after "${scheme}://"`,
      { span: [offset, offset + text.length] },
    );
  }
  // LUD-17: "`lnurlc://`, `lnurlw://`, `lnurlp://` and `keyauth://` replacing `https://` (for
  // clearnet URLs) and `http://` (for onion URLs)".
  return {
    kind: 'lud17',
    value: text,
    lnurlScheme: scheme,
    url: `${isOnion(host) ? 'http' : 'https'}${text.slice(scheme.length)}`,
  };
};
