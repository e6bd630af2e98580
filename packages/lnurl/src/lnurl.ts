// LUD-01 bech32 LNURLs and LUD-17 scheme URLs: from what a user scans to the URL to request.
import { bytesToWords, encodeBech32, readBech32, wordsToBytes } from '@lninvoice/core/bech32';
import type { Span } from '@lninvoice/core/errors';
import { isBoolean, readOptions } from '@lninvoice/core/options';
import { decodeUtf8, encodeUtf8, showText } from '@lninvoice/core/text';
import { type AuthRequest, parseAuthQuery } from './auth.js';
import { LnurlError, lnurlError } from './errors.js';
import { LENIENT } from './options.js';
import { parseFastWithdraw, type WithdrawRequest } from './responses.js';
import { parseServiceUrl, queryParams } from './url.js';

/** Longest LNURL string accepted (LUD-01 decodes with a limit of 2000; URLs can be longer). */
export const MAX_LNURL_LENGTH = 4096;
const HRP = 'lnurl';
/** LUD-17: "`lnurlc://` for LNURL-channel, `lnurlw://` for LNURL-withdraw, `lnurlp://` for LNURL-pay, `keyauth://` for LNURL-auth". */
const LUD17_SCHEMES = ['lnurlp', 'lnurlw', 'lnurlc', 'keyauth'] as const;
export type Lud17Scheme = (typeof LUD17_SCHEMES)[number];
/** The `tag` each LUD-17 scheme stands for. */
export const SCHEME_TAGS: Readonly<Record<Lud17Scheme, string>> = {
  lnurlp: 'payRequest',
  lnurlw: 'withdrawRequest',
  lnurlc: 'channelRequest',
  keyauth: 'login',
};

export interface DecodeLnurlOptions {
  /**
   * Also accept real-world forms no LUD defines: `lightning:lnurlp://…`, `lnurlp:host/path`
   * without slashes, and LUD-01 fallback URLs with parameters after `lightning=`.
   */
  readonly lenient?: boolean;
}

export interface DecodedLnurl {
  /** The URL to request: https, or http for an onion host. */
  readonly url: string;
  /** The host, lowercase: what a wallet shows the user ("Domain name extracted from LNURL"). */
  readonly domain: string;
  /** How it was written. */
  readonly form: 'bech32' | 'lud17' | 'fallback';
  /** The LUD-17 scheme, which names the kind of request. */
  readonly scheme?: Lud17Scheme;
  /** The `tag` query parameter, when the URL carries one (LUD-01: "this LNURL has a special meaning"). */
  readonly tag?: string;
  /**
   * `tag=login`: the auth request, acted on without fetching anything (LUD-04); absent when its
   * parameters are invalid (`parseAuthRequest(url)` says why).
   */
  readonly login?: AuthRequest;
  /** `tag=withdrawRequest` with every parameter in the URL and valid: a fast withdraw (LUD-08). */
  readonly withdraw?: WithdrawRequest;
}

/** The URL inside a bech32 LNURL (`LNURL1…` or `lnurl1…`) that starts at `offset` of the input. */
const fromBech32 = (text: string, offset: number): string => {
  const { words } = readBech32(text, {
    limit: MAX_LNURL_LENGTH,
    checksum: 'bech32',
    what: 'the LNURL',
    offset,
    checkPrefix: (hrp, span) => {
      if (hrp !== HRP)
        throw new LnurlError('unknown-prefix', `${showText(hrp)} is not the LNURL prefix "lnurl"`, {
          span,
        });
    },
    error: lnurlError,
  });
  const span: Span = [offset, offset + text.length];
  const bytes = wordsToBytes(words);
  if (bytes === undefined)
    throw new LnurlError('invalid-padding', 'the LNURL ends in padding bits that are not zero', {
      span,
    });
  const url = decodeUtf8(bytes);
  if (url === undefined)
    throw new LnurlError('invalid-utf8', 'the LNURL does not hold UTF-8 text', { span });
  return url;
};

const LIGHTNING = /^lightning:/i;
const SCHEME = /^(lnurlp|lnurlw|lnurlc|keyauth):(\/\/)?/i;
const WEB = /^https?:\/\//i;

/** A LUD-17 URL: the scheme replaced by https, or http for an onion host. */
const fromLud17 = (text: string, lenient: boolean): { url: string; scheme: Lud17Scheme } => {
  const match = SCHEME.exec(text) as RegExpExecArray;
  const scheme = (match[1] as string).toLowerCase() as Lud17Scheme;
  if (!match[2] && !lenient) {
    throw new LnurlError(
      'non-standard-form',
      `${showText(text)} lacks the "//" of ${scheme}:// (LUD-17): accepted only with the lenient option`,
    );
  }
  const rest = text.slice(match[0].length).replace(/^\/\//, '');
  const host = (rest.split(/[/?#]/)[0] ?? '').toLowerCase();
  // "when it sees `lnurlp://examplennnnnnnn.onion/path` it should make a request to `http://…`"
  return {
    url: `${host.replace(/:\d+$/, '').endsWith('.onion') ? 'http' : 'https'}://${rest}`,
    scheme,
  };
};

/** LUD-01 fallback: "with the key 'lightning' and the value equal to the bech32-encoding". */
const fromFallback = (text: string, offset: number, lenient: boolean): string => {
  const at = text.search(/[?&]lightning=/i);
  if (at < 0)
    throw new LnurlError(
      'missing-lightning-param',
      `${showText(text)} is a web URL without a lightning= parameter`,
    );
  const start = at + '?lightning='.length;
  const value = text.slice(start);
  const end = value.search(/[&#]/);
  if (end >= 0 && !lenient) {
    throw new LnurlError(
      'non-standard-form',
      'LUD-01 puts the LNURL last (…&lightning=LNURL1…); this URL has more after it: accepted only with the lenient option',
    );
  }
  return fromBech32(end < 0 ? value : value.slice(0, end), offset + start);
};

/** What `read` gives, or nothing when it throws: decoding shows the URL even if its parameters are bad. */
const attempt = <T extends object>(read: () => T): T | Record<string, never> => {
  try {
    return read();
  } catch {
    return {};
  }
};

const describe = (url: string, form: DecodedLnurl['form'], scheme?: Lud17Scheme): DecodedLnurl => {
  const parsed = parseServiceUrl(url, 'the LNURL');
  const params = queryParams(parsed);
  const tag = params.get('tag');
  return {
    url: parsed.href,
    domain: parsed.host,
    form,
    ...(scheme ? { scheme } : {}),
    ...(tag === undefined ? {} : { tag }),
    ...(tag === 'login' ? attempt(() => ({ login: parseAuthQuery(parsed, params) })) : {}),
    ...(tag === 'withdrawRequest' ? attempt(() => parseFastWithdraw(params)) : {}),
  };
};

/**
 * The URL behind an LNURL as scanned or pasted: bech32 (`LNURL1…`, with or without
 * `lightning:`), LUD-17 (`lnurlp://…` and the other schemes) or a LUD-01 fallback URL
 * (`https://…?lightning=LNURL1…`). The URL must be https, or http for an onion host.
 */
export const decodeLnurl = (input: string, options?: DecodeLnurlOptions): DecodedLnurl => {
  if (typeof input !== 'string')
    throw new TypeError(`an LNURL must be a string, got ${typeof input}`);
  const lenient = readOptions<DecodeLnurlOptions>('options', options, LENIENT).lenient === true;
  const offset = input.length - input.trimStart().length;
  let text = input.trim();
  let at = offset;
  if (LIGHTNING.test(text)) {
    text = text.slice('lightning:'.length);
    at += 'lightning:'.length;
    if (SCHEME.test(text) && !lenient) {
      throw new LnurlError(
        'non-standard-form',
        'lightning: wrapped around a LUD-17 URL is no LUD form: accepted only with the lenient option',
      );
    }
  }
  if (SCHEME.test(text)) {
    const { url, scheme } = fromLud17(text, lenient);
    return describe(url, 'lud17', scheme);
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) && !WEB.test(text)) {
    throw new LnurlError(
      'unknown-scheme',
      `${showText(text.split(':')[0] ?? '')}:// is not an LNURL scheme (lnurlp, lnurlw, lnurlc, keyauth)`,
    );
  }
  if (WEB.test(text)) return describe(fromFallback(text, at, lenient), 'fallback');
  return describe(fromBech32(text, at), 'bech32');
};

/** The bech32 LNURL of a service URL (lowercase, or uppercase for QR codes as LUD-01 advises). */
export const encodeLnurl = (url: string, options?: { readonly uppercase?: boolean }): string => {
  if (typeof url !== 'string') throw new TypeError(`url must be a string, got ${typeof url}`);
  const { uppercase } = readOptions<{ uppercase?: boolean }>('options', options, {
    uppercase: isBoolean,
  });
  // Whole characters only: parseServiceUrl refuses half a surrogate pair, which has no UTF-8.
  const bytes = encodeUtf8(parseServiceUrl(url, 'url').href) as Uint8Array;
  const text = encodeBech32(HRP, bytesToWords(bytes));
  // An LNURL no reader here (or LUD-01's 2000-character limit) would take back is no LNURL.
  if (text.length > MAX_LNURL_LENGTH)
    throw new RangeError(
      `url makes an LNURL of ${text.length} characters; at most ${MAX_LNURL_LENGTH} are read`,
    );
  return uppercase ? text.toUpperCase() : text;
};
