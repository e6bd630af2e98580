// Base64 as the L402 specification names it: "<base64 encoding>" of RFC 3548 section 3, the
// standard alphabet (`+` and `/`). A token is opaque to the client, which sends it back exactly
// as the server wrote it, so the reading is as wide as is unambiguous: the padding is not
// counted (token68 of RFC 7235 allows any number of trailing `=`, and the specification's own
// example token, `AGIAJEemVQUTEyNCR0exk7ek90Cg==`, carries two where none belong: 30 characters
// for 21 bytes), and bits after the last whole byte are dropped. What it refuses is what could
// not be base64 at all: another alphabet, a space, a comma, a colon, a control character, or a
// length no bytes have. Writing is canonical. @scure/base is stricter; the package depends on
// core only.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Map([...ALPHABET].map((c, i) => [c, i]));

/** The bytes of base64 `text` (any padding), or undefined when it is none (or empty). */
export const decodeBase64 = (text: string): Uint8Array | undefined => {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x3d) end--;
  // Four characters are three bytes; one character left over is not a byte.
  if (end === 0 || end % 4 === 1) return undefined;
  const out = new Uint8Array(Math.floor((end * 6) / 8));
  let bits = 0;
  let count = 0;
  let at = 0;
  for (let i = 0; i < end; i++) {
    const value = VALUES.get(text.charAt(i));
    if (value === undefined) return undefined;
    bits = (bits << 6) | value;
    count += 6;
    if (count >= 8) {
      count -= 8;
      out[at++] = (bits >> count) & 0xff;
      bits &= (1 << count) - 1;
    }
  }
  return out;
};

/** `bytes` as padded base64 of the standard alphabet. */
export const encodeBase64 = (bytes: Uint8Array): string => {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = ((bytes[i] as number) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(bytes.length - i, 3) + 1;
    for (let j = 0; j < 4; j++)
      out += j < chars ? ALPHABET.charAt((chunk >> (18 - 6 * j)) & 63) : '=';
  }
  return out;
};
