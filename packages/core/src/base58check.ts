// Base58Check, the encoding of P2PKH and P2SH addresses: payload || first 4 bytes of
// SHA-256(SHA-256(payload)), written in base 58 with one '1' per leading zero byte. Addresses are
// 25 bytes: plain bigint arithmetic is short and fast enough.
import { sha256 } from './hash.js';

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
/** Far longer than any address: refused before the quadratic bigint work. */
export const MAX_BASE58_LENGTH = 128;

const checksum = (payload: Uint8Array): Uint8Array => sha256(sha256(payload)).subarray(0, 4);

export const base58checkEncode = (payload: Uint8Array): string => {
  const bytes = new Uint8Array(payload.length + 4);
  bytes.set(payload);
  bytes.set(checksum(payload), payload.length);
  let value = 0n;
  for (const b of bytes) value = (value << 8n) | BigInt(b);
  let text = '';
  for (; value > 0n; value /= 58n) text = BASE58[Number(value % 58n)] + text;
  const zeros = bytes.findIndex((b) => b !== 0);
  return '1'.repeat(zeros < 0 ? bytes.length : zeros) + text;
};

/**
 * The payload of a base58check string: undefined when a character is outside the alphabet,
 * `false` when the checksum does not match.
 */
export const base58checkDecode = (text: string): Uint8Array | false | undefined => {
  let value = 0n;
  for (const char of text) {
    const digit = BASE58.indexOf(char);
    if (digit < 0) return undefined;
    value = value * 58n + BigInt(digit);
  }
  const zeros = /^1*/.exec(text)?.[0].length ?? 0;
  const body: number[] = [];
  for (; value > 0n; value >>= 8n) body.unshift(Number(value & 255n));
  const bytes = Uint8Array.from([...new Array<number>(zeros).fill(0), ...body]);
  if (bytes.length < 4) return false;
  const payload = bytes.subarray(0, -4);
  const sum = checksum(payload);
  return sum.every((b, i) => b === bytes[payload.length + i]) && payload.slice();
};
