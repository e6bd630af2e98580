// Text from outside: strict UTF-8 both ways, and the one way every package shows untrusted text
// (an invoice's description, a service's answer, a pasted string, a DNS record) in a message.
// No TextDecoder: React Native's Hermes lacks it.

const SCRATCH = new Uint16Array(4096);

/**
 * The string `bytes` encode, or undefined when they are not UTF-8 (RFC 3629): overlong forms,
 * surrogates (U+D800..U+DFFF), code points above U+10FFFF and truncated sequences are invalid.
 * A byte-order mark is text like any other (a JSON reader may drop a leading U+FEFF itself).
 */
export const decodeUtf8 = (bytes: Uint8Array): string | undefined => {
  // UTF-16 code units, turned into a string a chunk at a time: linear, and no string grows
  // character by character. Short texts reuse one buffer: allocating a typed array per call made
  // decoding five times slower (nothing else runs between filling and reading it).
  const units = bytes.length <= SCRATCH.length ? SCRATCH : new Uint16Array(bytes.length);
  let i = 0;
  let n = 0;
  while (i < bytes.length) {
    const b0 = bytes[i] as number;
    if (b0 < 0x80) {
      units[n++] = b0;
      i++;
      continue;
    }
    let need: number;
    let cp: number;
    let min: number;
    if (b0 >= 0xc2 && b0 <= 0xdf) [need, cp, min] = [1, b0 & 0x1f, 0x80];
    else if (b0 >= 0xe0 && b0 <= 0xef) [need, cp, min] = [2, b0 & 0x0f, 0x800];
    else if (b0 >= 0xf0 && b0 <= 0xf4) [need, cp, min] = [3, b0 & 0x07, 0x10000];
    else return undefined;
    if (i + need >= bytes.length) return undefined;
    for (let k = 1; k <= need; k++) {
      const b = bytes[i + k] as number;
      if ((b & 0xc0) !== 0x80) return undefined;
      cp = (cp << 6) | (b & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return undefined;
    if (cp < 0x10000) units[n++] = cp;
    else {
      units[n++] = 0xd800 + ((cp - 0x10000) >> 10);
      units[n++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
    }
    i += need + 1;
  }
  let text = '';
  // `apply` with a typed array: several times faster than spreading it.
  for (let at = 0; at < n; at += 8192)
    text += String.fromCharCode.apply(
      null,
      units.subarray(at, Math.min(n, at + 8192)) as unknown as number[],
    );
  return text;
};

/**
 * The UTF-8 bytes of `text`, or undefined when it holds a lone surrogate. Unlike TextEncoder,
 * which silently writes U+FFFD for one, this never alters text on its way out.
 */
export const encodeUtf8 = (text: string): Uint8Array | undefined => {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdfff) {
      const low = text.charCodeAt(i + 1);
      if (cp > 0xdbff || !(low >= 0xdc00 && low <= 0xdfff)) return undefined;
      cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
      i++;
    }
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else
      out.push(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 63),
        0x80 | ((cp >> 6) & 63),
        0x80 | (cp & 63),
      );
  }
  return Uint8Array.from(out);
};

/** What an unsafe character does to text shown on a screen or a terminal. */
export type UnsafeKind = 'control' | 'bidi' | 'invisible';

/**
 * The kind of `codePoint` when it must not be shown as it is, else undefined:
 * - control: C0 and C1 controls, DEL, the line and paragraph separators U+2028/U+2029, and lone
 *   surrogates (half a character). U+009B starts an escape sequence on some terminals.
 * - bidi: the "Trojan Source" characters, which show text in another order than it is written
 *   (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069).
 * - invisible: characters that draw nothing, so that different texts look the same: U+00AD,
 *   U+180E, U+200B, U+2060–U+2065, U+206A–U+206F, U+3164, U+FEFF and the tag characters
 *   U+E0000–U+E007F. The zero-width (non-)joiners U+200C/U+200D stay: emoji and Persian need them.
 */
export const unsafeKind = (codePoint: number): UnsafeKind | undefined => {
  const c = codePoint;
  if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === 0x2028 || c === 0x2029) return 'control';
  if (c >= 0xd800 && c <= 0xdfff) return 'control';
  if (c === 0x61c || c === 0x200e || c === 0x200f || (c >= 0x202a && c <= 0x202e)) return 'bidi';
  if (c >= 0x2066 && c <= 0x2069) return 'bidi';
  if (c === 0xad || c === 0x180e || c === 0x200b || c === 0x3164 || c === 0xfeff)
    return 'invisible';
  if ((c >= 0x2060 && c <= 0x206f) || (c >= 0xe0000 && c <= 0xe007f)) return 'invisible';
  return undefined;
};

/**
 * Every character `unsafeKind` names, as one regular expression: with the `u` flag a lone
 * surrogate is a character of its own, and a tag character one character rather than a pair.
 */
export const UNSAFE_CHARACTERS =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  /[\0-\x1f\x7f-\x9f\xad\u061c\u180e\u200b\u200e\u200f\u2028-\u202e\u2060-\u206f\u3164\ud800-\udfff\ufeff\u{e0000}-\u{e007f}]/u;
const UNSAFE_GLOBAL = new RegExp(UNSAFE_CHARACTERS.source, 'gu');

/** `text` with every unsafe character written as `\uXXXX` escapes (two for a tag character). */
export const escapeUnsafe = (text: string): string =>
  text.replace(UNSAFE_GLOBAL, (c) =>
    c
      .split('')
      .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .join(''),
  );

/**
 * Untrusted `text` as it is shown in every message of every package: quoted as a JSON string,
 * cut after `max` characters (never inside a character), and with no character that could steer
 * a terminal or disguise text (see `unsafeKind`): those are written as `\uXXXX`.
 */
export const showText = (text: string, max = 80): string =>
  escapeUnsafe(JSON.stringify(shortened(text, max)));

/** `text`, or its first `max - 3` code units and "...", never cut inside a character. */
const shortened = (text: string, max: number): string => {
  if (text.length <= max) return text;
  const code = text.charCodeAt(max - 4);
  return `${text.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 4 : max - 3)}...`;
};

/**
 * A short, safe picture of a value a caller passed, for a TypeError or RangeError: strings
 * shown with `showText`, bytes and arrays by their length, objects by their class. Never
 * throws, even for objects that cannot be turned into strings (no prototype, a hostile toString).
 */
export const describeValue = (value: unknown): string => {
  if (typeof value === 'string') return showText(value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof Uint8Array) return `Uint8Array(${value.length})`;
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  if (typeof value === 'object' && value !== null) {
    const name = Object.getPrototypeOf(value)?.constructor?.name;
    return typeof name === 'string' && name !== 'Object' ? `a ${name}` : 'an object';
  }
  return String(value); // numbers, booleans, null, undefined
};

/**
 * Any value from outside (a service's JSON answer) as JSON-like text for a message, at most `max`
 * characters. Not JSON.stringify or String: they recurse through 10 000 levels of nesting until
 * the stack overflows, call a `toString` an answer carries, and refuse bigints. This stops once
 * it has `max` characters, so it never goes deeper than `max` levels; strings in it are safe.
 */
export const previewValue = (value: unknown, max = 60): string => {
  let out = '';
  const write = (v: unknown): void => {
    if (typeof v === 'string') out += showText(v, max);
    else if (typeof v === 'bigint') out += `${v}n`;
    else if (typeof v === 'symbol' || typeof v === 'function') out += typeof v;
    else if (typeof v !== 'object' || v === null) out += String(v);
    else {
      const array = Array.isArray(v);
      out += array ? '[' : '{';
      for (const [i, key] of Object.keys(v).entries()) {
        if (out.length > max) break;
        out += `${i > 0 ? ',' : ''}${array ? '' : `${showText(key, max)}:`}`;
        write((v as Record<string, unknown>)[key]);
      }
      out += array ? ']' : '}';
    }
  };
  write(value);
  return shortened(out, max);
};

/** `parts` joined into one array (a response's chunks, a message's records). */
export const concatBytes = (...parts: readonly Uint8Array[]): Uint8Array => {
  let size = 0;
  for (const part of parts) size += part.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

/** True when `a` and `b` hold the same bytes. */
export const equalBytes = (a: Uint8Array, b: Uint8Array): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** Lowercase hex of `bytes`. */
export const toHex = (bytes: Uint8Array): string => {
  let hex = '';
  for (const b of bytes) hex += (b < 16 ? '0' : '') + b.toString(16);
  return hex;
};

/**
 * `value` as JSON data: bigints as decimal strings, bytes as hex, the rest as it is (arrays and
 * plain objects converted member by member). What `JSON.stringify` of a decoded value prints.
 */
export const toJsonValue = (value: unknown): unknown => {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return toHex(value);
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) out[key] = toJsonValue(member);
  return out;
};

/**
 * `value` with a non-enumerable `toJSON` giving `toJsonValue` of its own enumerable members:
 * `JSON.stringify` of a decoded message then prints bigints as decimal strings and bytes as hex
 * instead of throwing on a bigint, and `structuredClone` still copies it as plain data.
 */
export const withToJSON = <T extends object>(value: T): T =>
  // defineProperty makes it non-enumerable (and read-only) by default.
  Object.defineProperty(value, 'toJSON', {
    value(this: T) {
      return toJsonValue({ ...this });
    },
  });
