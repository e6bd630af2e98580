// The one place that talks to services: GET with a timeout and a size cap, redirects followed by
// hand so that none leads off https, JSON checked to be an object, `status: ERROR` surfaced.
// Requests go straight to the service through the injected (or global) fetch: never a proxy.
import { LnurlError, quote } from './errors.js';
import { asObject, type JsonObject, preview } from './json.js';
import { optionsObject } from './options.js';
import { checkStatus } from './responses.js';
import { parseServiceUrl, type ServiceUrl } from './url.js';
import { decodeUtf8 } from './utf8.js';

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
  /** Milliseconds for the whole exchange, redirects and body included. Default 10 000. */
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
  const body = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.length;
  }
  return body;
};

const parseJson = (body: Uint8Array, url: string): JsonObject => {
  const text = decodeUtf8(body);
  if (text === undefined)
    throw new LnurlError('invalid-json', `${url} answered with bytes that are not UTF-8 text`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new LnurlError('invalid-json', `${url} answered ${quote(text, 60)}, which is not JSON`);
  }
  const json = asObject(value, `the answer of ${url}`);
  checkStatus(json);
  return json;
};

/** `options.<name>`: a whole number from 1, or `fallback` when absent. */
const positive = (name: string, value: unknown, fallback: number): number => {
  if (value === undefined) return fallback;
  if (typeof value !== 'number') throw new TypeError(`options.${name} must be a number`);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new RangeError(`options.${name} must be a whole number from 1, got ${value}`);
  return value;
};

/** GETs `url` and returns its JSON object; a `status: ERROR` answer is thrown as `service-error`. */
export const getJson = async (url: string, options?: HttpOptions): Promise<JsonObject> => {
  const opts = optionsObject(options, 'options');
  const fetcher = opts.fetch ?? (globalThis.fetch as unknown as Fetch | undefined);
  if (typeof fetcher !== 'function') throw new TypeError('no fetch: pass options.fetch');
  // A wrong type must not turn the timeout or the size cap off.
  const timeoutMs = positive('timeoutMs', opts.timeoutMs, 10_000);
  const maxBytes = positive('maxBytes', opts.maxBytes, 1 << 20);
  if (opts.signal !== undefined && typeof opts.signal?.addEventListener !== 'function')
    throw new TypeError('options.signal must be an AbortSignal');
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
          `${current.href} redirects, and this environment hides where to: the target cannot be checked`,
        );
      }
      const location = response.headers.get('location');
      if (REDIRECTS.has(response.status) && location) {
        await response.body?.cancel();
        if (hop >= MAX_REDIRECTS)
          throw new LnurlError(
            'too-many-redirects',
            `${url} redirected more than ${MAX_REDIRECTS} times`,
          );
        const target = resolveLocation(current, location);
        try {
          current = parseServiceUrl(target, 'the redirect target');
        } catch (error) {
          throw new LnurlError(
            'insecure-redirect',
            `${current.href} redirects to ${quote(target)}: ${(error as Error).message}`,
            { cause: error },
          );
        }
        continue;
      }
      return parseJson(await readBody(response, maxBytes), current.href);
    }
  } catch (error) {
    if (opts.signal?.aborted) throw opts.signal.reason;
    if (controller.signal.aborted)
      throw new LnurlError('timeout', `${current.href} did not answer within ${timeoutMs} ms`);
    if (error instanceof LnurlError) throw error;
    // A fetch may reject with anything: only a string message is shown as it is.
    const message = (error as { message?: unknown } | null | undefined)?.message;
    throw new LnurlError(
      'network-error',
      `${current.href} could not be reached: ${typeof message === 'string' ? message : preview(error)}`,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', abort);
  }
};
