// DNS over HTTPS (RFC 8484): one query to the resolver the caller chose, with the whole
// resolution's deadline, a size cap on the answer, no redirect followed and no private host
// contacted unless the caller allows it. What the resolver says is only data: the chain is
// validated afterwards, here.
import { classifyHost } from '@lninvoice/core/host';
import { type BodySource, readCappedBody } from '@lninvoice/core/http';
import { previewValue, showText } from '@lninvoice/core/text';
import { type DnsAnswer, decodeAnswer, encodeQuery } from './dns/message.js';
import { formatName } from './dns/name.js';
import type { Name } from './dns/types.js';
import { typeName } from './dnssec/validator.js';
import { Bip353Error } from './errors.js';

/** The part of a fetch `Response` this package reads. */
export interface FetchResponse extends BodySource {
  /** The HTTP status: anything but 200 fails with `service-error`. */
  readonly status: number;
}

/** The subset of WHATWG fetch this package uses: the global `fetch` is one. */
export type Fetch = (
  url: string,
  init: {
    method: 'GET' | 'POST';
    redirect: 'manual';
    signal: AbortSignal;
    headers: Record<string, string>;
    body?: Uint8Array;
  },
) => Promise<FetchResponse>;

/** The resolver's URL, checked: https (http only to a loopback host, when private hosts are allowed). */
export const checkResolverUrl = (dohUrl: string, allowPrivateHosts: boolean): URL => {
  let url: URL;
  try {
    url = new URL(dohUrl);
  } catch {
    throw new RangeError(`options.dohUrl must be an https URL, got ${showText(dohUrl)}`);
  }
  const { kind } = classifyHost(url.hostname);
  if (kind === 'invalid')
    throw new RangeError(`options.dohUrl has no valid host: ${showText(dohUrl)}`);
  if (kind !== 'public' && !allowPrivateHosts)
    throw new Bip353Error(
      'insecure-host',
      `the resolver ${showText(dohUrl)} is on a ${kind} host, which is not contacted unless private hosts are allowed`,
    );
  if (
    url.protocol !== 'https:' &&
    !(url.protocol === 'http:' && kind === 'loopback' && allowPrivateHosts)
  )
    throw new Bip353Error(
      'insecure-scheme',
      `the resolver ${showText(dohUrl)} is not https: (RFC 8484 section 5: "DoH servers ... MUST use https")`,
    );
  if (url.username || url.password)
    throw new RangeError('options.dohUrl must not carry a user name or password');
  return url;
};

/** RFC 4648 section 5's base64url without padding: "the dns parameter ... MUST be encoded" so. */
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
export const base64url = (bytes: Uint8Array): string => {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.ceil((Math.min(3, bytes.length - i) * 8) / 6);
    for (let j = 0; j < chars; j++) out += BASE64URL[(n >> (18 - 6 * j)) & 63];
  }
  return out;
};

/** What one exchange needs besides the question. */
export interface Exchange {
  readonly url: URL;
  readonly fetch: Fetch;
  readonly method: 'GET' | 'POST';
  readonly signal: AbortSignal;
  readonly maxBytes: number;
}

/** Asks the resolver for the `type` records of `name` and reads its answer. */
export const queryDoh = async (
  exchange: Exchange,
  name: Name,
  type: number,
): Promise<DnsAnswer> => {
  const what = `${formatName(name)} ${typeName(type)}`;
  const query = encodeQuery(name, type);
  const headers: Record<string, string> = { accept: 'application/dns-message' };
  let href = exchange.url.href;
  if (exchange.method === 'GET')
    href += `${exchange.url.search ? '&' : '?'}dns=${base64url(query)}`;
  else headers['content-type'] = 'application/dns-message';
  let response: FetchResponse;
  try {
    response = await exchange.fetch(href, {
      method: exchange.method,
      redirect: 'manual',
      signal: exchange.signal,
      headers,
      ...(exchange.method === 'POST' ? { body: query } : {}),
    });
  } catch (error) {
    if (exchange.signal.aborted) throw error;
    const message = (error as { message?: unknown } | null | undefined)?.message;
    throw new Bip353Error(
      'network-error',
      `the resolver could not be reached for ${what}: ${typeof message === 'string' ? showText(message, 200) : previewValue(error)}`,
      { cause: error },
    );
  }
  if (response.status !== 200) {
    await response.body?.cancel();
    throw new Bip353Error(
      'service-error',
      `the resolver answered ${what} with HTTP ${response.status}${response.status >= 300 && response.status < 400 ? ' (a redirect, not followed)' : ''}`,
    );
  }
  const type_ = /^\s*([^;\s]*)/
    .exec(response.headers.get('content-type') ?? '')?.[1]
    ?.toLowerCase();
  if (type_ !== 'application/dns-message') {
    await response.body?.cancel();
    throw new Bip353Error(
      'invalid-response',
      `the resolver answered ${what} with ${type_ ? showText(type_, 60) : 'no content type'}, not application/dns-message`,
    );
  }
  const body = await readCappedBody(
    response,
    exchange.maxBytes,
    (size) =>
      new Bip353Error(
        'response-too-large',
        `the resolver's answer to ${what} is ${size}; at most ${exchange.maxBytes} are read`,
      ),
  );
  return decodeAnswer(body, name, type);
};
