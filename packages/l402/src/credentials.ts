// The Authorization header of L402: "auth-tokens ':' preimage", the tokens base64 and comma
// separated, the preimage hex. formatL402Authorization writes it (the client), and
// parseL402Authorization reads it (the server, and the round trip).
import { bytesParam, checkedWhereUsed, readOptions } from '@lninvoice/core/options';
import { describeValue, showText, toHex } from '@lninvoice/core/text';
import { decodeBase64, encodeBase64 } from './base64.js';
import { L402Error } from './errors.js';

/** What `formatL402Authorization` writes: one token or several, and the preimage. */
export interface L402AuthorizationParams {
  /** The token, base64 as the challenge sent it or bytes. Give `token` or `tokens`. */
  readonly token?: string | Uint8Array;
  /** Several tokens, in order. Give `token` or `tokens`. */
  readonly tokens?: readonly (string | Uint8Array)[];
  /** The preimage the payment revealed: hex or bytes (32 for a Lightning payment). */
  readonly preimage: string | Uint8Array;
  /** `'L402'` (default), or `'LSAT'` to answer a server that only sent an LSAT challenge. */
  readonly scheme?: 'L402' | 'LSAT';
}

/** What `parseL402Authorization` reads from an Authorization value. */
export interface L402Authorization {
  /** The scheme, as the specification spells it (in the header it may be in any case). */
  readonly scheme: 'L402' | 'LSAT';
  /** The tokens, base64 as sent. */
  readonly tokens: readonly string[];
  /** The tokens' bytes. */
  readonly tokenBytes: readonly Uint8Array[];
  /** The preimage's bytes. */
  readonly preimage: Uint8Array;
}

const PARAMS = {
  token: checkedWhereUsed,
  tokens: checkedWhereUsed,
  preimage: checkedWhereUsed,
  scheme: checkedWhereUsed,
} as const;

const HEX = /^(?:[0-9a-fA-F]{2})+$/;

/** One token parameter as base64: a canonical base64 string, or non-empty bytes encoded. */
const tokenParam = (name: string, value: unknown): string => {
  if (value instanceof Uint8Array) {
    if (value.length === 0) throw new RangeError(`${name} must not be empty`);
    return encodeBase64(value);
  }
  if (typeof value !== 'string')
    throw new TypeError(
      `${name} must be a base64 string or a Uint8Array, got ${describeValue(value)}`,
    );
  // "there should be no problem with either containing control characters or colons": a token
  // that is not base64 (a colon, a comma, a space, a control character) is refused here.
  if (decodeBase64(value) === undefined)
    throw new RangeError(`${name} must be base64 (standard alphabet), got ${describeValue(value)}`);
  return value;
};

/** The preimage parameter as lowercase hex: whole bytes (core's `bytesParam`), at least one. */
const preimageParam = (name: string, value: unknown): string => {
  const bytes = bytesParam(name, value);
  if (bytes.length === 0) throw new RangeError(`${name} must not be empty`);
  return toHex(bytes);
};

/**
 * The Authorization value `L402 <base64 token>[,<base64 token>…]:<hex preimage>`, exactly as the
 * specification's example writes it. Throws a `TypeError` or `RangeError` naming the parameter.
 */
export const formatL402Authorization = (params: L402AuthorizationParams): string => {
  if (typeof params !== 'object' || params === null || Array.isArray(params))
    throw new TypeError(`params must be an object, got ${describeValue(params)}`);
  const {
    token,
    tokens,
    preimage,
    scheme = 'L402',
  } = readOptions<L402AuthorizationParams>('params', params, PARAMS);
  if (scheme !== 'L402' && scheme !== 'LSAT')
    throw new RangeError(`params.scheme must be 'L402' or 'LSAT', got ${describeValue(scheme)}`);
  let written: string[];
  if (token !== undefined && tokens !== undefined)
    throw new TypeError('params must have token or tokens, not both');
  if (token !== undefined) written = [tokenParam('params.token', token)];
  else if (tokens !== undefined) {
    if (!Array.isArray(tokens))
      throw new TypeError(`params.tokens must be an array, got ${describeValue(tokens)}`);
    if (tokens.length === 0) throw new RangeError('params.tokens must hold at least one token');
    written = tokens.map((t, i) => tokenParam(`params.tokens[${i}]`, t));
  } else throw new TypeError('params must have token or tokens');
  if (preimage === undefined) throw new TypeError('params.preimage is required');
  return `${scheme} ${written.join(',')}:${preimageParam('params.preimage', preimage)}`;
};

/**
 * The scheme, tokens and preimage of the Authorization value `header`: `L402` or `LSAT` in any
 * case, one or more spaces, base64 tokens separated by commas, one colon, the hex preimage.
 * Throws `L402Error`: a server answers any of them with a new challenge (402).
 */
export const parseL402Authorization = (header: string): L402Authorization => {
  if (typeof header !== 'string')
    throw new TypeError(`header must be a string, got ${describeValue(header)}`);
  const start = header.search(/[^ \t]/);
  if (start < 0)
    throw new L402Error('empty', 'Authorization is empty', { span: [0, header.length] });
  let end = header.length;
  while (header[end - 1] === ' ' || header[end - 1] === '\t') end--;
  const schemeEnd = header.slice(start, end).search(/[ \t]/) + start;
  const scheme = (
    schemeEnd < start ? header.slice(start, end) : header.slice(start, schemeEnd)
  ).toUpperCase();
  if (scheme !== 'L402' && scheme !== 'LSAT')
    throw new L402Error(
      'unknown-scheme',
      `Authorization: the scheme ${showText(header.slice(start, schemeEnd < start ? end : schemeEnd), 40)} is not L402 or LSAT`,
      { span: [start, schemeEnd < start ? end : schemeEnd] },
    );
  if (schemeEnd < start)
    throw new L402Error('invalid-credentials', `Authorization: ${scheme} without credentials`, {
      span: [start, end],
    });
  let at = schemeEnd;
  while (header[at] === ' ' || header[at] === '\t') at++;
  const credentials = header.slice(at, end);
  // "auth-tokens ':' preimage": exactly one colon.
  const colon = credentials.indexOf(':');
  if (colon < 0 || credentials.indexOf(':', colon + 1) >= 0)
    throw new L402Error(
      'invalid-credentials',
      `Authorization: ${scheme} credentials must be <tokens>:<preimage> with one colon, got ${showText(credentials, 40)}`,
      { span: [at, end] },
    );
  const tokens: string[] = [];
  const tokenBytes: Uint8Array[] = [];
  let from = at;
  for (const token of credentials.slice(0, colon).split(',')) {
    const span = [from, from + token.length] as const;
    from += token.length + 1;
    if (token === '')
      throw new L402Error('missing-token', `Authorization: an empty token before ":"`, { span });
    const bytes = decodeBase64(token);
    if (bytes === undefined)
      throw new L402Error(
        'invalid-token',
        `Authorization: the token ${showText(token, 40)} is not base64 (standard alphabet)`,
        { span },
      );
    tokens.push(token);
    tokenBytes.push(bytes);
  }
  const hex = credentials.slice(colon + 1);
  const preimageSpan = [at + colon + 1, end] as const;
  if (hex === '')
    throw new L402Error('missing-preimage', 'Authorization: no preimage after ":"', {
      span: preimageSpan,
    });
  if (!HEX.test(hex))
    throw new L402Error(
      'invalid-preimage',
      `Authorization: the preimage ${showText(hex, 40)} is not hex of whole bytes`,
      { span: preimageSpan },
    );
  return { scheme, tokens, tokenBytes, preimage: bytesParam('preimage', hex) };
};
