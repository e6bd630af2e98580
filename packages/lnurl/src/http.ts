// The one place that talks to services: GET with a timeout and a size cap, redirects followed by
// hand so that none leads off https, no request to a loopback, private or link-local host unless
// the caller allows it (every URL, the LNURL's, a callback's, a redirect's, goes through here),
// JSON checked to be an object, `status: ERROR` surfaced. Requests go straight to the service
// through the injected (or global) fetch: never a proxy.
import { classifyHost, type HostKind } from '@lninvoice/core/host';
import { type BodySource, readCappedBody } from '@lninvoice/core/http';
import {
  integerParam,
  isBoolean,
  isFunction,
  type OptionCheck,
  readOptions,
} from '@lninvoice/core/options';
import { decodeUtf8, describeValue, previewValue, showText } from '@lninvoice/core/text';
import { LnurlError } from './errors.js';
import { isObject, type JsonObject } from './json.js';
import { checkStatus } from './responses.js';
import { parseServiceUrl, type ServiceUrl } from './url.js';

/** The part of a fetch `Response` this package reads. */
export interface FetchResponse extends BodySource {
  /**
   * The HTTP status: a redirect is followed by hand, anything else is read as LUD-01 says (the body
   * decides).
   */
  readonly status: number;
  /** The response type: `'opaqueredirect'`, a redirect whose target is hidden, is `insecure-redirect`. */
  readonly type: string;
  /**
   * The body as a stream, read up to `maxBytes`; null when the fetch gives none (then `arrayBuffer`
   * is read).
   */
  readonly body: NonNullable<BodySource['body']> | null;
  /** True when the fetch followed a redirect by itself (React Native's ignores `redirect: 'manual'`). */
  readonly redirected?: boolean;
  /** The URL answered from, after the redirects the fetch followed by itself. */
  readonly url?: string;
}

/** The subset of WHATWG fetch this package uses: the global `fetch` is one. */
export type Fetch = (
  url: string,
  init: { method: 'GET'; redirect: 'manual'; signal: AbortSignal; headers: Record<string, string> },
) => Promise<FetchResponse>;

/**
 * How the package talks to services: the fetch, the time and size limits, and which hosts it may
 * contact.
 */
export interface HttpOptions {
  /** Default: the global `fetch`. */
  readonly fetch?: Fetch;
  /** Milliseconds for the whole exchange, redirects and body included, up to 2^31-1. Default 10 000. */
  readonly timeoutMs?: number;
  /** Largest body read, in bytes. Default 1 MiB (LUD-06 images alone may take 136 kB). */
  readonly maxBytes?: number;
  /** Aborts the request; its reason is thrown as is. */
  readonly signal?: AbortSignal;
  /**
   * Contact loopback, private, link-local and reserved hosts too (`127.0.0.1`, `localhost`,
   * `10.0.0.1`, `[::1]`, `169.254.169.254`, in any spelling): for tests and a service on your own
   * network. Default false: such a URL, from an LNURL, a callback or a redirect, is refused with
   * `insecure-host` (or `insecure-redirect`) before any request.
   */
  readonly allowPrivateHosts?: boolean;
}

const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A `Location` against the URL that sent it (RFC 3986 section 5, for the forms servers use). */
const resolveLocation = (base: ServiceUrl, location: string): string => {
  if (/^[a-z][a-z0-9+.-]*:/i.test(location)) return location;
  const origin = `${base.scheme}://${base.host}${base.port === undefined ? '' : `:${base.port}`}`;
  if (location.startsWith('//')) return `${base.scheme}:${location}`;
  if (location.startsWith('/')) return `${origin}${location}`;
  // The directory of the path, found by hand: `/[^/]*$/` tries every position and scans to the
  // next slash from each, quadratic in a long segment (4 s for a 100 kB callback path).
  return `${origin}${base.path.slice(0, base.path.lastIndexOf('/') + 1)}${location}`;
};

const tooLarge = (size: string, maxBytes: number): LnurlError =>
  new LnurlError('response-too-large', `the service sent ${size}; at most ${maxBytes} are read`);

/** The body, at most `maxBytes` of it (core's reader; see the README's Security section). */
const readBody = (response: FetchResponse, maxBytes: number): Promise<Uint8Array> =>
  readCappedBody(response, maxBytes, (size) => tooLarge(size, maxBytes));

/** What a message may say of an answer that is not the JSON expected: never its content. */
interface Answer {
  readonly status: number;
  readonly contentType: string | null;
}

/** "1234 bytes of "text/html" (HTTP 500)": the size, the media type (no parameters), the status. */
const describeAnswer = (size: number, { status, contentType }: Answer): string => {
  const type = /^\s*([a-z0-9!#$&^_.+-]+\/[a-z0-9!#$&^_.+-]+)/i.exec(contentType ?? '')?.[1];
  return `${size} bytes${type === undefined ? '' : ` of ${showText(type.toLowerCase(), 60)}`} (HTTP ${status})`;
};

/** The kind of a JSON value, without any of its content. */
const jsonKind = (value: unknown): string =>
  Array.isArray(value)
    ? `an array of ${value.length}`
    : typeof value === 'string'
      ? `a string of ${value.length} characters`
      : value === null
        ? 'null'
        : typeof value === 'number'
          ? 'a number'
          : 'true or false';

/**
 * The JSON object of `body`; `from` is the URL it came from, as messages show it. An answer that
 * is not a JSON object is described by its size and type, never quoted: a misconfigured server
 * may answer with its environment, a login page or a stack trace.
 */
const parseJson = (body: Uint8Array, from: string, answer: Answer): JsonObject => {
  let text = decodeUtf8(body);
  if (text === undefined)
    throw new LnurlError(
      'invalid-json',
      `${from} answered ${describeAnswer(body.length, answer)} that are not UTF-8 text`,
    );
  // RFC 8259: parsers "MAY ignore the presence of a byte order mark"; TextDecoder drops one too.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new LnurlError(
      'invalid-json',
      `${from} answered ${describeAnswer(body.length, answer)}, which is not JSON`,
    );
  }
  if (!isObject(value))
    throw new LnurlError(
      'invalid-response',
      `${from} answered JSON that is not an object but ${jsonKind(value)}`,
    );
  checkStatus(value);
  return value;
};

const KIND_NAMES: Readonly<Record<Exclude<HostKind, 'public' | 'invalid'>, string>> = {
  loopback: 'a loopback',
  private: 'a private',
  'link-local': 'a link-local',
  unspecified: 'an unspecified',
  reserved: 'a reserved',
};

/**
 * Refuses `url` unless its host is public, as written and as the WHATWG URL parser (which fetch
 * uses) reads it: `https://2130706433/` is https://127.0.0.1/ to fetch. Where `URL` is missing or
 * incomplete (React Native), core's classifyHost reads the WHATWG spellings itself. A public name
 * may still resolve to a private address: only DNS knows (see the README's Security section).
 */
export const checkHost = (url: ServiceUrl, what: string): void => {
  const hosts = [url.host];
  try {
    hosts.push(new URL(url.href).hostname);
  } catch {
    // No complete WHATWG URL here: the host as written, read the WHATWG way by classifyHost.
  }
  for (const host of hosts) {
    const { kind, address } = classifyHost(host);
    if (kind === 'public') continue;
    if (kind === 'invalid')
      throw new LnurlError('invalid-url', `${what} ${showText(url.href)} has no valid host`);
    throw new LnurlError(
      'insecure-host',
      `${what} ${showText(url.href)} is on ${KIND_NAMES[kind]} ${address === undefined ? 'name' : `address (${address})`}, which is not contacted unless private hosts are allowed`,
    );
  }
};

/** The longest delay setTimeout keeps: a longer one fires at once. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;

/**
 * The checks of the HTTP options, for every function that takes them: a wrong type must not turn
 * the timeout or the size cap off, and a misspelt option (`timeout`) is refused, not ignored.
 */
export const HTTP_OPTIONS: { readonly [K in keyof HttpOptions]-?: OptionCheck } = {
  fetch: isFunction,
  timeoutMs: (value, name) => void integerParam(name, value, 1, MAX_TIMEOUT_MS),
  maxBytes: (value, name) => void integerParam(name, value, 1, Number.MAX_SAFE_INTEGER),
  signal: (value, name) => {
    if (typeof (value as { addEventListener?: unknown }).addEventListener !== 'function')
      throw new TypeError(`${name} must be an AbortSignal, got ${describeValue(value)}`);
  },
  allowPrivateHosts: isBoolean,
};

/** GETs `url` and returns its JSON object; a `status: ERROR` answer is thrown as `service-error`. */
export const getJson = async (url: string, options?: HttpOptions): Promise<JsonObject> => {
  const opts = readOptions<HttpOptions>('options', options, HTTP_OPTIONS);
  const fetcher = opts.fetch ?? (globalThis.fetch as unknown as Fetch | undefined);
  if (typeof fetcher !== 'function') throw new TypeError('no fetch: pass options.fetch');
  const { timeoutMs = 10_000, maxBytes = 1 << 20, allowPrivateHosts = false } = opts;
  let current = parseServiceUrl(url, 'the URL');
  if (!allowPrivateHosts) checkHost(current, 'the URL');
  if (opts.signal?.aborted) throw opts.signal.reason;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const abort = () => controller.abort();
  opts.signal?.addEventListener('abort', abort);
  /** A redirect target, checked as the first URL was: a failure is an insecure redirect. */
  const redirectTarget = (target: string, how: string): ServiceUrl => {
    try {
      const next = parseServiceUrl(target, 'the redirect target');
      if (!allowPrivateHosts) checkHost(next, 'the redirect target');
      return next;
    } catch (error) {
      throw new LnurlError(
        'insecure-redirect',
        `${showText(current.href)} ${how} ${showText(target)}: ${(error as Error).message}`,
        { cause: error },
      );
    }
  };
  try {
    for (let hop = 0; ; hop++) {
      const response = await fetcher(current.href, {
        method: 'GET',
        redirect: 'manual',
        signal: controller.signal,
        headers: { accept: 'application/json' },
      });
      if (response.type === 'opaqueredirect') {
        throw new LnurlError(
          'insecure-redirect',
          `${showText(current.href)} redirects, and this environment hides where to: the target cannot be checked`,
        );
      }
      const location = response.headers.get('location');
      if (REDIRECTS.has(response.status) && location) {
        await response.body?.cancel();
        if (hop >= MAX_REDIRECTS)
          throw new LnurlError(
            'too-many-redirects',
            `${showText(url)} redirected more than ${MAX_REDIRECTS} times`,
          );
        current = redirectTarget(resolveLocation(current, location), 'redirects to');
        continue;
      }
      if (response.redirected === true) {
        // The fetch followed a redirect itself: the request is made, but its answer is used only
        // if a redirect by hand would have been followed there too.
        const landed = typeof response.url === 'string' ? response.url : '';
        try {
          current = redirectTarget(landed, 'was redirected by the fetch itself to');
        } catch (error) {
          await response.body?.cancel();
          throw error;
        }
      }
      const body = await readBody(response, maxBytes);
      return parseJson(body, showText(current.href), {
        status: response.status,
        contentType: response.headers.get('content-type'),
      });
    }
  } catch (error) {
    if (opts.signal?.aborted) throw opts.signal.reason;
    if (controller.signal.aborted)
      throw new LnurlError(
        'timeout',
        `${showText(current.href)} did not answer within ${timeoutMs} ms`,
      );
    if (error instanceof LnurlError) throw error;
    // A fetch may reject with anything: its message, or a preview of what it rejected with.
    const message = (error as { message?: unknown } | null | undefined)?.message;
    throw new LnurlError(
      'network-error',
      `${showText(current.href)} could not be reached: ${typeof message === 'string' ? showText(message, 200) : previewValue(error)}`,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', abort);
  }
};
