// LUD-01 bech32 LNURLs, LUD-17 scheme URLs and LUD-01 fallback URLs: from what a user scans to the
// URL to request. The forms and their URLs are read by core's readers
// (@lninvoice/core/service-url), which @lninvoice/uri reads them with too: one set of forms, one
// lenient mode, in both packages.
import { bytesToWords, encodeBech32 } from '@lninvoice/core/bech32';
import { isBoolean, readOptions } from '@lninvoice/core/options';
import {
  BITCOIN_SIGN,
  LUD17_TAGS,
  type Lud17Scheme,
  lud17SchemeOf,
  MAX_LNURL_LENGTH,
  readBech32Lnurl,
  readFallbackUrl,
  readLud17Url,
  type ServiceUrl,
} from '@lninvoice/core/service-url';
import { encodeUtf8, showText } from '@lninvoice/core/text';
import { type AuthRequest, parseAuthQuery } from './auth.js';
import { LnurlError, lnurlError } from './errors.js';
import { LENIENT } from './options.js';
import { parseFastWithdraw, type WithdrawRequest } from './responses.js';
import { parseServiceUrl, queryParams } from './url.js';

export { type Lud17Scheme, MAX_LNURL_LENGTH };

const HRP = 'lnurl';
/** The `tag` each LUD-17 scheme stands for. */
export const SCHEME_TAGS = LUD17_TAGS;

/** The options of {@link decodeLnurl}. */
export interface DecodeLnurlOptions {
  /**
   * Also accept real-world forms no LUD defines: `lightning://…`, `lightning:lnurlp://…`,
   * `lnurlp:host/path` without slashes, and LUD-01 fallback URLs with parameters after
   * `lightning=` (the forms @lninvoice/uri's `lenient` reads too).
   */
  readonly lenient?: boolean;
}

/**
 * An LNURL read by {@link decodeLnurl}: the URL to request, its domain, and what its own parameters
 * already say.
 */
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

const LIGHTNING = /^lightning:/i;
/** A scheme followed by `//`: a web URL (a LUD-01 fallback) or some other kind of link. */
const AUTHORITY_SCHEME = /^([a-z][a-z0-9+.-]*):\/\//i;

/** What `read` gives, or nothing when it throws: decoding shows the URL even if its parameters are bad. */
const attempt = <T extends object>(read: () => T): T | Record<string, never> => {
  try {
    return read();
  } catch {
    return {};
  }
};

const describe = (
  parsed: ServiceUrl,
  form: DecodedLnurl['form'],
  scheme?: Lud17Scheme,
): DecodedLnurl => {
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
  let at = input.length - input.trimStart().length;
  let text = input.trim();
  if (LIGHTNING.test(text)) {
    text = text.slice('lightning:'.length);
    at += 'lightning:'.length;
    // BOLT 11: "use 'lightning:' as a prefix before the BOLT-11 encoding (note: not 'lightning://')".
    if (text.startsWith('//')) {
      if (!lenient)
        throw new LnurlError(
          'non-standard-form',
          'lightning: URIs have no "//" after the scheme: write lightning:… , not lightning://… (accepted only with the lenient option)',
          { span: [at, at + 2] },
        );
      text = text.slice(2);
      at += 2;
    }
    if (lud17SchemeOf(text) !== undefined && !lenient) {
      throw new LnurlError(
        'non-standard-form',
        'lightning: wrapped around a LUD-17 URL is no LUD form: accepted only with the lenient option',
        { span: [at - 'lightning:'.length, at] },
      );
    }
  }
  const read = { lenient, offset: at, error: lnurlError };
  if (lud17SchemeOf(text) !== undefined) {
    const { url, scheme } = readLud17Url(text, read);
    return describe(url, 'lud17', scheme);
  }
  const scheme = AUTHORITY_SCHEME.exec(text)?.[1]?.toLowerCase();
  if (scheme === 'https' || scheme === 'http')
    return describe(readFallbackUrl(text, read), 'fallback');
  if (scheme !== undefined) {
    throw new LnurlError(
      'unknown-scheme',
      `${showText(text.split(':')[0] ?? '')}:// is not an LNURL scheme (lnurlp, lnurlw, lnurlc, keyauth)`,
      { span: [at, at + scheme.length] },
    );
  }
  // LUD-16 and BIP 353 names: no LNURL, but what a user may well paste where one is asked for.
  if (text.startsWith(BITCOIN_SIGN) || (text.includes('@') && !/^[a-z][a-z0-9+.-]*:/i.test(text))) {
    throw new LnurlError(
      'unsupported-input',
      `${showText(text)} is a Lightning Address (LUD-16) or a BIP 353 name, not an LNURL: read it with parseLightningAddress`,
      { span: [at, at + text.length] },
    );
  }
  return describe(readBech32Lnurl(text, read), 'bech32');
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
