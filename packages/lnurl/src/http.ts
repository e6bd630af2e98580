// The one place that talks to services: GET with a timeout and a size cap, redirects followed by
// hand so that none leads off https, JSON checked to be an object, `status: ERROR` surfaced.
// Requests go straight to the service through the injected (or global) fetch: never a proxy.
import { integerParam, isFunction, type OptionCheck, readOptions } from '@lninvoice/core/options';
import {
  concatBytes,
  decodeUtf8,
  describeValue,
  previewValue,
  showText,
} from '@lninvoice/core/text';
import { LnurlError } from './errors.js';
import { asObject, type JsonObject } from './json.js';
import { checkStatus } from './responses.js';
import { parseServiceUrl, type ServiceUrl } from './url.js';

/** The part of a fetch `Response` this package reads. */
export interface FetchResponse {
  readonly status: number;
  readonly type: string;
  readonly headers: { get(name: string): string | null };
  readonly body: {
    getReader(): {
      read(): Promise<{ done: boolean; value?: Uint8Array | undefined }>;
      cancel(): Promise<void>;
    };
    cancel(): Promise<void>;
  } | null;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** The subset of WHATWG fetch this package uses: the global `fetch` is one. */
export type Fetch = (
  url: string,
  init: { method: 'GET'; redirect: 'manual'; signal: AbortSignal; headers: Record<string, string> },
) => Promise<FetchResponse>;

export interface HttpOptions {
  /** Default: the global `fetch`. */
  readonly fetch?: Fetch;
  /** Milliseconds for the whole exchange, redirects and body included, up to 2^31-1. Default 10 000. */
  readonly timeoutMs?: number;
  /** Largest body read, in bytes. Default 1 MiB (LUD-06 images alone may take 136 kB). */
  readonly maxBytes?: number;
  /** Aborts the request; its reason is thrown as is. */
  readonly signal?: AbortSignal;
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

const readBody = async (response: FetchResponse, maxBytes: number): Promise<Uint8Array> => {
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    await response.body?.cancel();
    throw new LnurlError(
      'response-too-large',
      `the service sent ${declared} bytes; at most ${maxBytes} are read`,
    );
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done || value === undefined) break;
    size += value.length;
    if (size > maxBytes) {
      await reader.cancel();
      throw new LnurlError('response-too-large', `the service sent more than ${maxBytes} bytes`);
    }
    chunks.push(value);
  }
  return concatBytes(...chunks);
};

/** The JSON object of `body`; `from` is the URL it came from, as messages show it. */
const parseJson = (body: Uint8Array, from: string): JsonObject => {
  let text = decodeUtf8(body);
  if (text === undefined)
    throw new LnurlError('invalid-json', `${from} answered with bytes that are not UTF-8 text`);
  // RFC 8259: parsers "MAY ignore the presence of a byte order mark"; TextDecoder drops one too.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new LnurlError(
      'invalid-json',
      `${from} answered ${showText(text, 60)}, which is not JSON`,
    );
  }
  const json = asObject(value, `the answer of ${from}`);
  checkStatus(json);
  return json;
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
};

/** GETs `url` and returns its JSON object; a `status: ERROR` answer is thrown as `service-error`. */
export const getJson = async (url: string, options?: HttpOptions): Promise<JsonObject> => {
  const opts = readOptions<HttpOptions>('options', options, HTTP_OPTIONS);
  const fetcher = opts.fetch ?? (globalThis.fetch as unknown as Fetch | undefined);
  if (typeof fetcher !== 'function') throw new TypeError('no fetch: pass options.fetch');
  const { timeoutMs = 10_000, maxBytes = 1 << 20 } = opts;
  if (opts.signal?.aborted) throw opts.signal.reason;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const abort = () => controller.abort();
  opts.signal?.addEventListener('abort', abort);
  let current = parseServiceUrl(url, 'the URL');
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
        const target = resolveLocation(current, location);
        try {
          current = parseServiceUrl(target, 'the redirect target');
        } catch (error) {
          throw new LnurlError(
            'insecure-redirect',
            `${showText(current.href)} redirects to ${showText(target)}: ${(error as Error).message}`,
            { cause: error },
          );
        }
        continue;
      }
      return parseJson(await readBody(response, maxBytes), showText(current.href));
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
