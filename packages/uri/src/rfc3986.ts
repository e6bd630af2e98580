// The URI syntax of RFC 3986 that BIP 321 builds on: schemes, allowed characters,
// percent-encoding of UTF-8.
import type { Span } from '@lninvoice/core/errors';
import { showText } from '@lninvoice/core/text';
import { UriError } from './errors.js';

const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/** The scheme of `text`, lowercased, or undefined. RFC 3986: "schemes are case-insensitive". */
export const schemeOf = (text: string): string | undefined => SCHEME.exec(text)?.[1]?.toLowerCase();

/** ASCII letters lowercased, nothing else changed (keys are compared without Unicode folding). */
export const asciiLowercase = (text: string): string =>
  text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());

/** Characters outside a query: RFC 3986 `pchar / "/" / "?"`, and `%` for escapes. */
export const NOT_QUERY_CHARACTER = /[^A-Za-z0-9\-._~!$&'()*+,;=:@/?%]/;

/** Throws `invalid-character` at the first character of `text` that `notAllowed` matches. */
export const checkCharacters = (
  text: string,
  offset: number,
  notAllowed: RegExp,
  part: string,
): void => {
  const match = notAllowed.exec(text);
  if (match === null) return;
  // A whole code point, so the message never shows half a surrogate pair.
  const char = String.fromCodePoint(text.codePointAt(match.index) as number);
  throw new UriError(
    'invalid-character',
    `${part}: ${showText(char)} at offset ${offset + match.index} is not allowed in a URI (RFC 3986); it must be percent-encoded`,
    { span: [offset + match.index, offset + match.index + char.length] },
  );
};

const PERCENT_ESCAPE = /%(?![0-9A-Fa-f]{2})/;

/** Throws `invalid-percent-encoding` at the first `%` not followed by two hex digits. */
const checkPercentEscapes = (text: string, offset: number, part: string): void => {
  const match = PERCENT_ESCAPE.exec(text);
  if (match === null) return;
  const end = Math.min(match.index + 3, text.length);
  throw new UriError(
    'invalid-percent-encoding',
    `${part}: ${showText(text.slice(match.index, end))} is not a percent-encoded byte (% and two hex digits)`,
    { span: [offset + match.index, offset + end] },
  );
};

/**
 * The text `raw` percent-encodes. BIP 321: characters "must first be encoded according to UTF-8,
 * and then each octet of the corresponding UTF-8 sequence must be percent-encoded as described
 * in RFC 3986". A `+` stays a `+` (this is not form encoding).
 */
export const percentDecode = (raw: string, offset: number, part: string): string => {
  if (!raw.includes('%')) return raw;
  checkPercentEscapes(raw, offset, part);
  try {
    // Strict UTF-8: overlong forms, surrogates and truncated sequences throw a URIError.
    return decodeURIComponent(raw);
  } catch {
    throw new UriError(
      'invalid-utf8',
      `${part}: ${showText(raw)} percent-encodes bytes that are not UTF-8`,
      { span: [offset, offset + raw.length] },
    );
  }
};

/**
 * Where characters [from, to) of `percentDecode(raw)` are written in the input, `raw` starting
 * at `offset`: an escaped character spans its escapes (`%C3%A9` for `é`).
 */
export const rawSpanOf = (raw: string, offset: number, [from, to]: Span): Span => {
  if (!raw.includes('%')) return [offset + from, offset + to];
  // Where each UTF-16 unit of the decoded text starts in `raw` (raw is ASCII: escapes and
  // characters a URI holds as they are), and the end.
  const starts: number[] = [];
  for (let at = 0; at < raw.length; ) {
    starts.push(at);
    if (raw[at] !== '%') {
      at += 1;
      continue;
    }
    // UTF-8: the lead byte says how many bytes the character takes; four make a surrogate pair.
    const lead = Number.parseInt(raw.slice(at + 1, at + 3), 16);
    const bytes = lead < 0xc0 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
    if (bytes === 4) starts.push(at);
    at += 3 * bytes;
  }
  starts.push(raw.length);
  const at = (i: number) => offset + (starts[Math.min(i, starts.length - 1)] as number);
  return [at(from), at(to)];
};

/** `text` percent-encoded as UTF-8; only letters, digits and `-_.!~*'()` stay as they are. */
export const percentEncode = (text: string, part: string): string => {
  try {
    return encodeURIComponent(text);
  } catch {
    throw new RangeError(
      `${part}: ${showText(text)} holds a lone surrogate, which UTF-8 cannot encode`,
    );
  }
};
