// Service URLs, read with RFC 3986 rather than WHATWG `URL` (incomplete on React Native) and
// never re-serialised: what a service wrote is what is requested, with parameters appended.
// LUD-01: "`LNURL` is acceptable in two forms: either an `https://` clearnet link (no self-signed
// certificates allowed) or an `http://` v2/v3 onion link."
import { showText } from '@lninvoice/core/text';
import { LnurlError } from './errors.js';

export interface ServiceUrl {
  /** The URL as given, with scheme and host lowercased. */
  readonly href: string;
  readonly scheme: 'https' | 'http';
  /** Lowercase host name (or IP literal), without the port. */
  readonly host: string;
  readonly port: string | undefined;
  readonly path: string;
  /** The query without its `?`, as written; undefined when there is none. */
  readonly query: string | undefined;
}

/** RFC 3986, appendix B. */
const URI = /^(?:([^:/?#]+):)?(?:\/\/([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$/;
const HOST_NAME =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/;
const PORT = /^\d{1,5}$/;
/** Half of a surrogate pair (with the `u` flag, a whole pair is one code point outside the range). */
const LONE_SURROGATE = /[\ud800-\udfff]/u;

/** True when `text` is whole characters: half a surrogate pair has no UTF-8, so no URL holds it. */
export const isWellFormed = (text: string): boolean => !LONE_SURROGATE.test(text);

export const isOnion = (host: string): boolean => host.endsWith('.onion');

/**
 * A URL a wallet may request: https, or http to a `.onion` host. `what` names the URL in errors
 * (e.g. `'the decoded LNURL'`, `'callback'`).
 */
export const parseServiceUrl = (text: string, what: string): ServiceUrl => {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u0020\u007f]/.test(text)) {
    throw new LnurlError(
      'invalid-url',
      `${what} ${showText(text)} contains spaces or control characters`,
    );
  }
  // No request can carry it, and UTF-8 (encodeLnurl) would write U+FFFD in its place: another URL.
  if (!isWellFormed(text)) {
    throw new LnurlError('invalid-url', `${what} ${showText(text)} holds half of a surrogate pair`);
  }
  const match = URI.exec(text);
  const [, rawScheme, authority, path = '', query] = match ?? [];
  if (rawScheme === undefined || authority === undefined) {
    throw new LnurlError('invalid-url', `${what} ${showText(text)} is not an absolute URL`);
  }
  const scheme = rawScheme.toLowerCase();
  if (scheme !== 'https' && scheme !== 'http') {
    throw new LnurlError('invalid-scheme', `${what} ${showText(text)} is not an https URL`);
  }
  if (authority.includes('@')) {
    // https://service.com@evil.example would show one domain and contact another.
    throw new LnurlError(
      'invalid-url',
      `${what} ${showText(text)} carries user information before its host`,
    );
  }
  const portAt = authority.lastIndexOf(':');
  const hasPort = portAt > authority.lastIndexOf(']');
  const host = (hasPort ? authority.slice(0, portAt) : authority).toLowerCase();
  const port = hasPort ? authority.slice(portAt + 1) : undefined;
  if (!(HOST_NAME.test(host) || IPV6.test(host)) || (port !== undefined && !PORT.test(port))) {
    throw new LnurlError('invalid-url', `${what} ${showText(text)} has no valid host`);
  }
  if (scheme === 'http' && !isOnion(host)) {
    throw new LnurlError(
      'insecure-scheme',
      `${what} ${showText(text)} uses http, which LNURL allows only for .onion hosts`,
    );
  }
  const href = `${scheme}://${host}${port === undefined ? '' : `:${port}`}${text.slice(rawScheme.length + 3 + authority.length)}`;
  return { href, scheme, host, port, path, query };
};

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
