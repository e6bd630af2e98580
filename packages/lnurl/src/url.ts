// Service URLs: read by core's one reader (@lninvoice/core/service-url), which every package
// shares, never re-serialised: what a service wrote is what is requested, with parameters appended.
// LUD-01: "`LNURL` is acceptable in two forms: either an `https://` clearnet link (no self-signed
// certificates allowed) or an `http://` v2/v3 onion link."
import { isWellFormed, readServiceUrl, type ServiceUrl } from '@lninvoice/core/service-url';
import { lnurlError } from './errors.js';

export { isWellFormed, type ServiceUrl };

/**
 * A URL a wallet may request: https, or http to a `.onion` host, with a valid host and port and no
 * user information. `what` names the URL in errors (e.g. `'the decoded LNURL'`, `'callback'`).
 */
export const parseServiceUrl = (text: string, what: string): ServiceUrl =>
  readServiceUrl(text, { what, error: lnurlError });

/** Percent-decoding of a query component (`+` is a space, as in HTML forms). */
const decodeComponent = (text: string): string | undefined => {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
};

/** The query parameters of `url`, first occurrence of each name; undecodable ones are skipped. */
export const queryParams = (url: ServiceUrl): Map<string, string> => {
  const params = new Map<string, string>();
  for (const pair of (url.query ?? '').split('&')) {
    if (pair === '') continue;
    const at = pair.indexOf('=');
    const name = decodeComponent(at < 0 ? pair : pair.slice(0, at));
    const value = decodeComponent(at < 0 ? '' : pair.slice(at + 1));
    if (name !== undefined && value !== undefined && !params.has(name)) params.set(name, value);
  }
  return params;
};

/**
 * `url` with `params` appended to its query, which stays exactly as written ("<callback><?|&>…");
 * a fragment, which is never sent, is dropped.
 */
export const appendQuery = (
  url: ServiceUrl,
  params: readonly (readonly [string, string])[],
): string => {
  const base = url.href.replace(/#.*$/, '');
  const added = params
    .map(([name, value]) => {
      // encodeURIComponent would throw URIError: a caller's comment, sig or key.
      if (!isWellFormed(value)) throw new RangeError(`${name} holds half of a surrogate pair`);
      return `${encodeURIComponent(name)}=${encodeURIComponent(value)}`;
    })
    .join('&');
  if (added === '') return base;
  const separator =
    url.query === undefined ? '?' : url.query === '' || base.endsWith('&') ? '' : '&';
  return `${base}${separator}${added}`;
};
