// Base64 as the L402 specification names it: "<base64 encoding>" of RFC 3548 section 3 (the
// standard alphabet, `+` and `/`, padded with `=` to a multiple of four characters). Strict both
// ways: a token is read only in its one canonical spelling (no missing or extra padding, no
// URL-safe alphabet, no bits set after the last byte), so that the string a client sends back is
// the string the server minted. @scure/base would do the same; the package depends on core only.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Map([...ALPHABET].map((c, i) => [c, i]));

/** The bytes of canonical, padded base64 `text`, or undefined when it is not that (or empty). */
export const decodeBase64 = (text: string): Uint8Array | undefined => {
  if (text.length === 0 || text.length % 4 !== 0) return undefined;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  let bits = 0;
  let count = 0;
  let at = 0;
  for (let i = 0; i < text.length - padding; i++) {
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
  // Canonical: the bits after the last whole byte are zero.
  return bits === 0 ? out : undefined;
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
