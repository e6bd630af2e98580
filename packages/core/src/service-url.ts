// LNURL services, reached the same way from every package: the URL a wallet requests for a bech32
// LNURL (LUD-01), a LUD-17 URL, a LUD-01 fallback URL or a Lightning Address (LUD-16), and the host
// names those accept. Read with RFC 3986 rather than WHATWG `URL` (incomplete on React Native), and
// never re-serialised: what the service wrote is what is requested (scheme and host lowercased).
//
// LUD-01: "`LNURL` is acceptable in two forms: either an `https://` clearnet link (no self-signed
// certificates allowed) or an `http://` v2/v3 onion link." LUD-16 and LUD-17 map the same way:
// https for a clearnet host, http for an onion host, and no other pairing.

import { type Bech32ErrorCode, readBech32, wordsToBytes } from './bech32.js';
import type { ErrorFactory, Span } from './errors.js';
import { decodeUtf8, showText } from './text.js';

/**
 * LUD-17: "`lnurlc://` for LNURL-channel, `lnurlw://` for LNURL-withdraw, `lnurlp://` for
 * LNURL-pay, `keyauth://` for LNURL-auth".
 */
export const LUD17_SCHEMES = ['lnurlp', 'lnurlw', 'lnurlc', 'keyauth'] as const;
/** One of {@link LUD17_SCHEMES}: `lnurlp`, `lnurlw`, `lnurlc` or `keyauth`. */
export type Lud17Scheme = (typeof LUD17_SCHEMES)[number];

/** The `tag` each LUD-17 scheme stands for. */
export const LUD17_TAGS: Readonly<Record<Lud17Scheme, string>> = {
  lnurlp: 'payRequest',
  lnurlw: 'withdrawRequest',
  lnurlc: 'channelRequest',
  keyauth: 'login',
};

/** Longest bech32 LNURL read (LUD-01 decodes with a limit of 2000; URLs can be longer). */
export const MAX_LNURL_LENGTH = 4096;

// ---- hosts -------------------------------------------------------------------------------------

/**
 * One DNS label: 1 to 63 letters, digits, `-` and `_`, not starting or ending with `-`. DNS labels
 * may hold `_` (BIP 353's own `dnssec_proof_tests.bitcoin.ninja`, `_bitcoin-payment`), and WHATWG
 * URLs, which `fetch` reads, accept it in a host.
 */
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
/** WHATWG URL "ends in a number": such a host is read as an IPv4 address, or is no host at all. */
const NUMBER = /^(?:\d+|0x[0-9a-f]*)$/;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
/** Loosely: hex groups with at least two colons (an IPv4 tail allowed), at most 45 characters. */
const IPV6 = /^[0-9a-f:.]{2,45}$/;

/** How a host is written: a DNS name, an IPv4 address, or an IPv6 address (without brackets); `HostKind` of `@lninvoice/core/host` says whether it may be contacted. */
export type HostForm = 'name' | 'ipv4' | 'ipv6';

/**
 * The kind of the lowercase `host` (IPv6 without its brackets), or undefined when no request can go
 * to it: empty labels, a label of other characters or over 63, a name over 253 characters, or a
 * last label that is a number without the whole being an IPv4 address (`1.2.3.999`).
 */
export const hostForm = (host: string): HostForm | undefined => {
  if (IPV4.test(host)) return 'ipv4';
  if (IPV6.test(host) && host.split(':').length > 2) return 'ipv6';
  if (host.length === 0 || host.length > 253) return undefined;
  const labels = host.split('.');
  if (NUMBER.test(labels[labels.length - 1] as string)) return undefined;
  return labels.every((label) => LABEL.test(label)) ? 'name' : undefined;
};

/**
 * True when `name` (any case) is a domain name a Lightning Address or a BIP 353 name can have: a
 * DNS name of at least two labels, not an IP address.
 */
export const isDomainName = (name: string): boolean => {
  const lower = name.toLowerCase();
  return hostForm(lower) === 'name' && lower.includes('.');
};

/** LUD-01, LUD-16, LUD-17: an onion service, reached over `http://`. */
export const isOnionHost = (host: string): boolean => host.toLowerCase().endsWith('.onion');

// ---- service URLs ------------------------------------------------------------------------------

/** A URL a wallet may request. */
export interface ServiceUrl {
  /** The URL to request: as written, with scheme and host lowercased (a LUD-17 scheme mapped). */
  readonly href: string;
  /** `https`, or `http` for an onion host (LUD-01). */
  readonly scheme: 'https' | 'http';
  /** Lowercase host name, IPv4 address or bracketed IPv6 address, without the port. */
  readonly host: string;
  /** The port as written (1-65535); undefined when none is. */
  readonly port: string | undefined;
  /** The path as written, `/` included; `''` when there is none. */
  readonly path: string;
  /** The query without its `?`, as written; undefined when there is none. */
  readonly query: string | undefined;
}

/** The codes of `readServiceUrl`: every package that reads service URLs has them. */
export type ServiceUrlErrorCode = 'invalid-url' | 'invalid-scheme' | 'insecure-scheme';

/**
 * The options of {@link readServiceUrl}: what the URL is for messages, where it is for spans, and
 * the caller's error.
 */
export interface ReadServiceUrlOptions {
  /** What the URL is, for messages: `'the LNURL'`, `'callback'`. */
  readonly what: string;
  /**
   * Where the text starts in the caller's input, for spans; none when the URL is not part of an
   * input (a service's callback).
   */
  readonly offset?: number;
  /** The span of every failure, when the URL is not written in the input (a decoded LNURL). */
  readonly span?: Span;
  /** Makes the caller's own error. */
  readonly error: ErrorFactory<ServiceUrlErrorCode>;
}

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const NOT_IN_URL = /[\u0000-\u0020\u007f]/;
/** Half of a surrogate pair (with the `u` flag, a whole pair is one code point outside the range). */
const LONE_SURROGATE = /[\ud800-\udfff]/u;
const PORT = /^\d{1,5}$/;

/** True when `text` is whole characters: half a surrogate pair has no UTF-8, so no URL holds it. */
export const isWellFormed = (text: string): boolean => !LONE_SURROGATE.test(text);

/** Where characters [from, to) of a URL are in the caller's input, if they are in it. */
const spanIn =
  ({ offset, span }: ReadServiceUrlOptions) =>
  (from: number, to: number): Span | undefined =>
    span ?? (offset === undefined ? undefined : [offset + from, offset + to]);

/** Reads what follows `<scheme>://` (or a LUD-17 `<scheme>:`) in `text`, from `start` on. */
const readAfterScheme = (
  text: string,
  start: number,
  given: 'https' | 'http' | undefined,
  options: ReadServiceUrlOptions,
): ServiceUrl => {
  const at = spanIn(options);
  const fail = (code: ServiceUrlErrorCode, why: string, from = 0, to = text.length) =>
    options.error(code, `${options.what} ${showText(text)} ${why}`, at(from, to));
  const control = NOT_IN_URL.exec(text);
  if (control !== null)
    throw fail(
      'invalid-url',
      'contains spaces or control characters',
      control.index,
      control.index + 1,
    );
  // No request can carry it, and UTF-8 (encodeLnurl) would write U+FFFD in its place: another URL.
  if (!isWellFormed(text)) throw fail('invalid-url', 'holds half of a surrogate pair');
  const tail = text.slice(start);
  const authority = tail.slice(0, tail.search(/[/?#]|$/));
  const end = start + authority.length;
  const userInfo = authority.lastIndexOf('@');
  // lnurlp://service.com@evil.example would show one domain and contact another.
  if (userInfo >= 0)
    throw fail(
      'invalid-url',
      'carries user information before its host',
      start,
      start + userInfo + 1,
    );
  const colon = authority.lastIndexOf(':');
  const hasPort = colon > authority.lastIndexOf(']');
  const hostText = hasPort ? authority.slice(0, colon) : authority;
  const host = hostText.toLowerCase();
  const bracketed = host.startsWith('[') && host.endsWith(']');
  const kind = hostForm(bracketed ? host.slice(1, -1) : host);
  if (kind === undefined || (kind === 'ipv6') !== bracketed)
    throw fail('invalid-url', 'has no valid host', start, start + hostText.length);
  const port = hasPort ? authority.slice(colon + 1) : undefined;
  if (port !== undefined && !(PORT.test(port) && Number(port) >= 1 && Number(port) <= 65535))
    throw fail(
      'invalid-url',
      `has port ${showText(port)}, not one from 1 to 65535`,
      start + colon + 1,
      end,
    );
  const onion = kind === 'name' && isOnionHost(host);
  const scheme = given ?? (onion ? 'http' : 'https');
  if (scheme === 'http' && !onion)
    throw fail('insecure-scheme', 'uses http, which LNURL allows only for .onion hosts');
  if (scheme === 'https' && onion)
    throw fail(
      'invalid-scheme',
      'uses https to an onion host: LUD-01 reaches onion services over http:// only',
    );
  const rest = text.slice(end);
  const question = rest.search(/[?#]/);
  const path = question < 0 ? rest : rest.slice(0, question);
  const hash = rest.indexOf('#');
  const query =
    rest[path.length] === '?'
      ? rest.slice(path.length + 1, hash < 0 ? undefined : hash)
      : undefined;
  const href = `${scheme}://${host}${port === undefined ? '' : `:${port}`}${rest}`;
  return { href, scheme, host, port, path, query };
};

/**
 * The service URL `text`: an https URL, or an http URL to an onion host (LUD-01), with a valid host
 * (DNS labels of letters, digits, `-`, `_`; an IPv4 or bracketed IPv6 address), no user information
 * (`https://service.com@evil.example` would show one domain and contact another), a port from 1 to
 * 65535, and no spaces, control characters or half surrogate pairs. Fails with `invalid-url`,
 * `invalid-scheme` (another scheme, or https to an onion host) or `insecure-scheme` (http to a
 * clearnet host).
 */
export const readServiceUrl = (text: string, options: ReadServiceUrlOptions): ServiceUrl => {
  const { what, error } = options;
  const at = spanIn(options);
  const scheme = SCHEME.exec(text)?.[1];
  if (scheme === undefined || !text.startsWith('//', scheme.length + 1))
    throw error(
      'invalid-url',
      `${what} ${showText(text)} is not an absolute URL`,
      at(0, text.length),
    );
  const lower = scheme.toLowerCase();
  if (lower !== 'https' && lower !== 'http')
    throw error(
      'invalid-scheme',
      `${what} ${showText(text)} is not an https URL`,
      at(0, scheme.length),
    );
  return readAfterScheme(text, scheme.length + 3, lower, options);
};

// ---- LNURL strings -----------------------------------------------------------------------------

/** The codes of the LNURL readers below. */
export type LnurlStringErrorCode =
  | Bech32ErrorCode
  | ServiceUrlErrorCode
  | 'unknown-prefix'
  | 'invalid-padding'
  | 'invalid-utf8'
  | 'missing-lightning-param'
  | 'non-standard-form';

/**
 * The options of the LNURL readers: strictness, where the text is for spans, and the caller's
 * error.
 */
export interface ReadLnurlOptions {
  /** Also accept the forms no LUD defines (see each reader). */
  readonly lenient: boolean;
  /** Where the text starts in the caller's input, for spans. */
  readonly offset?: number;
  /** Makes the caller's own error. */
  readonly error: ErrorFactory<LnurlStringErrorCode>;
}

/** The URL of the bech32 LNURL `text` (`LNURL1…` or `lnurl1…`, LUD-01). */
export const readBech32Lnurl = (
  text: string,
  { offset = 0, error }: Omit<ReadLnurlOptions, 'lenient'>,
): ServiceUrl => {
  const { words } = readBech32(text, {
    limit: MAX_LNURL_LENGTH,
    checksum: 'bech32',
    what: 'the LNURL',
    offset,
    checkPrefix: (hrp, span) => {
      if (hrp !== 'lnurl')
        throw error('unknown-prefix', `${showText(hrp)} is not the LNURL prefix "lnurl"`, span);
    },
    error,
  });
  const span: Span = [offset, offset + text.length];
  const bytes = wordsToBytes(words);
  if (bytes === undefined)
    throw error('invalid-padding', 'the LNURL ends in padding bits that are not zero', span);
  const url = decodeUtf8(bytes);
  if (url === undefined) throw error('invalid-utf8', 'the LNURL does not hold UTF-8 text', span);
  return readServiceUrl(url, { what: 'the LNURL', span, error });
};

const LUD17 = /^(lnurlp|lnurlw|lnurlc|keyauth):(\/\/)?/i;

/** The LUD-17 scheme `text` starts with (`lnurlp:`, any case), if any. */
export const lud17SchemeOf = (text: string): Lud17Scheme | undefined =>
  LUD17.exec(text)?.[1]?.toLowerCase() as Lud17Scheme | undefined;

/**
 * The LUD-17 URL `text` (`lnurlp://…`, `lnurlw://`, `lnurlc://`, `keyauth://`, the scheme in any
 * case): "replacing `https://` (for clearnet URLs) and `http://` (for onion URLs)". `lenient`
 * also reads it without the `//` (`lnurlp:host/path`, as Breez does), which no LUD defines.
 */
export const readLud17Url = (
  text: string,
  options: ReadLnurlOptions,
): {
  /** The URL to request: the scheme replaced by `https`, or `http` for an onion host. */
  readonly url: ServiceUrl;
  /** The LUD-17 scheme, lowercase. */
  readonly scheme: Lud17Scheme;
} => {
  const { lenient, offset = 0, error } = options;
  const match = LUD17.exec(text);
  if (match === null)
    throw error('invalid-url', `${showText(text)} is not a LUD-17 URL`, [
      offset,
      offset + text.length,
    ]);
  const scheme = (match[1] as string).toLowerCase() as Lud17Scheme;
  if (match[2] === undefined && !lenient) {
    throw error(
      'non-standard-form',
      `${showText(text)} lacks the "//" of ${scheme}:// (LUD-17): accepted only with the lenient option`,
      [offset, offset + match[0].length],
    );
  }
  return {
    url: readAfterScheme(text, match[0].length, undefined, {
      what: 'the LUD-17 URL',
      offset,
      error,
    }),
    scheme,
  };
};

/**
 * The URL of the LNURL in the LUD-01 fallback URL `text`: "with the key 'lightning' and the value
 * equal to the bech32-encoding", e.g. `https://service.com/giftcard/redeem?id=123&lightning=LNURL1…`.
 * The web URL itself is never requested. LUD-01 writes the LNURL last; `lenient` also reads
 * parameters or a fragment after it, which wallets meet.
 */
export const readFallbackUrl = (text: string, options: ReadLnurlOptions): ServiceUrl => {
  const { lenient, offset = 0, error } = options;
  const at = text.search(/[?&]lightning=/i);
  const start = at + '?lightning='.length;
  const after = at < 0 ? '' : text.slice(start);
  const length = after.search(/[&#]|$/);
  if (length === 0) {
    throw error(
      'missing-lightning-param',
      `${showText(text)} is a web URL without an LNURL in a lightning= parameter`,
      [offset, offset + text.length],
    );
  }
  if (length < after.length && !lenient) {
    throw error(
      'non-standard-form',
      'LUD-01 puts the LNURL last (…&lightning=LNURL1…); this URL has more after it: accepted only with the lenient option',
      [offset + start + length, offset + text.length],
    );
  }
  return readBech32Lnurl(after.slice(0, length), { offset: offset + start, error });
};

// ---- Lightning Addresses -----------------------------------------------------------------------

/** BIP 353: "wallets SHOULD prefix it with ₿, i.e. ₿user@domain". */
export const BITCOIN_SIGN = '\u20bf';

/** The user part of a Lightning Address, read. */
export interface Lud16Name {
  /** The name before any `+`: `a-z0-9-_.` (LUD-16); `_` for the domain's own address. */
  readonly username: string;
  /** The part after `+` (luds PR #277), if any. */
  readonly tag: string | undefined;
  /** What is requested: `username`, or `username+tag`. */
  readonly name: string;
}

// LUD-16: "The `<username>` is limited to `a-z0-9-_.`".
const LUD16_NAME = /^[a-z0-9\-_.]+$/;

/**
 * The LUD-16 name `local` (the part of an address before `@`): `a-z0-9-_.`, with an optional
 * `+tag` (luds PR #277); empty or `_`, the domain's own address (`@domain`, `_@domain`: luds PR
 * #296, requested as `_`). `lenient` lowercases upper case, as many wallets do (LUD-16 allows only
 * lowercase, and some servers compare names case-sensitively). Undefined when it is none.
 */
export const readLud16Name = (local: string, lenient: boolean): Lud16Name | undefined => {
  const text = local === '' ? '_' : lenient ? local.toLowerCase() : local;
  const [username = '', tag, ...more] = text.split('+');
  const valid = (part: string | undefined) => part !== undefined && LUD16_NAME.test(part);
  if (!valid(username) || (tag !== undefined && !valid(tag)) || more.length > 0) return undefined;
  return { username, tag, name: text };
};

/**
 * LUD-16: "`https://<domain>/.well-known/lnurlp/<username>` endpoint if `domain` is clearnet or
 * `http://<domain>/.well-known/lnurlp/<username>` if `domain` is onion", for the lowercase
 * `domain` and a `name` from `readLud16Name`.
 */
export const lightningAddressUrl = (name: string, domain: string): string =>
  `${isOnionHost(domain) ? 'http' : 'https'}://${domain}/.well-known/lnurlp/${name}`;
