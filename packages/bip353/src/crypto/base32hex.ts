// Base 32 with the "Extended Hex" alphabet (RFC 4648 section 7), the form of NSEC3's hashed owner
// names: "an unpadded sequence of case-insensitive base32 digits, without whitespace" (RFC 5155
// section 3.3). Written out here: a few lines, where @scure/base would be a dependency more.

const ALPHABET = '0123456789abcdefghijklmnopqrstuv';
// Both cases of each digit, ASCII only (RFC 4343): `toLowerCase` would also read the Kelvin sign
// U+212A as "k".
const VALUES: ReadonlyMap<string, number> = new Map(
  [...ALPHABET].flatMap((c, i) => [
    [c, i],
    [c.toUpperCase(), i],
  ]),
);

/** `bytes` as unpadded lowercase base32hex, as NSEC3 owner names are written. */
export const base32hexEncode = (bytes: Uint8Array): string => {
  let out = '';
  let bits = 0;
  let count = 0;
  for (const byte of bytes) {
    bits = (bits << 8) | byte;
    count += 8;
    while (count >= 5) {
      count -= 5;
      out += ALPHABET.charAt((bits >> count) & 31);
    }
    bits &= (1 << count) - 1;
  }
  return count > 0 ? out + ALPHABET.charAt((bits << (5 - count)) & 31) : out;
};

/**
 * The bytes of unpadded base32hex `text`, either case, or undefined when it is none: another
 * character (padding included), a length no bytes have (1, 3 or 6 characters past a multiple of
 * 8), or set bits after the last whole byte. So each hash has one spelling only, up to case.
 */
export const base32hexDecode = (text: string): Uint8Array | undefined => {
  if ([1, 3, 6].includes(text.length % 8)) return undefined;
  const out = new Uint8Array(Math.floor((text.length * 5) / 8));
  let bits = 0;
  let count = 0;
  let at = 0;
  for (let i = 0; i < text.length; i++) {
    const value = VALUES.get(text.charAt(i));
    if (value === undefined) return undefined;
    bits = (bits << 5) | value;
    count += 5;
    if (count >= 8) {
      count -= 8;
      out[at++] = (bits >> count) & 0xff;
      bits &= (1 << count) - 1;
    }
  }
  return bits === 0 ? out : undefined;
};
