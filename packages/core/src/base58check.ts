// Base58Check, the encoding of P2PKH and P2SH addresses: payload || first 4 bytes of
// SHA-256(SHA-256(payload)), written in base 58 with one '1' per leading zero byte. Addresses are
// 25 bytes, so plain bigint arithmetic is short and fast enough.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Characters: a 25-byte address takes at most 35; leave room for longer payloads. */
const MAX_LENGTH = 128;

const checksum = (payload: Uint8Array): Uint8Array => sha256(sha256(payload)).subarray(0, 4);

export const base58checkEncode = (payload: Uint8Array): string => {
  const bytes = new Uint8Array(payload.length + 4);
  bytes.set(payload);
  bytes.set(checksum(payload), payload.length);
  let value = BigInt(`0x${bytesToHex(bytes) || '0'}`);
  let text = '';
  for (; value > 0n; value /= 58n) text = ALPHABET[Number(value % 58n)] + text;
  const zeros = bytes.findIndex((b) => b !== 0);
  return '1'.repeat(zeros < 0 ? bytes.length : zeros) + text;
};

/** The payload of a Base58Check string, or undefined when it is not one (alphabet, checksum). */
export const base58checkDecode = (text: string): Uint8Array | undefined => {
  // Far longer than any address: refuse before the quadratic bigint work.
  if (text.length > MAX_LENGTH) return undefined;
  let value = 0n;
  for (const char of text) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) return undefined;
    value = value * 58n + BigInt(digit);
  }
  const hex = value > 0n ? value.toString(16) : '';
  const zeros = /^1*/.exec(text)?.[0].length ?? 0;
  const body = hex.padStart(hex.length + (hex.length & 1), '0');
  const bytes = new Uint8Array(zeros + body.length / 2);
  for (let i = 0; i < body.length / 2; i++)
    bytes[zeros + i] = Number.parseInt(body.slice(2 * i, 2 * i + 2), 16);
  if (bytes.length < 4) return undefined;
  const payload = bytes.subarray(0, -4);
  const sum = checksum(payload);
  return sum.every((b, i) => b === bytes[payload.length + i]) ? payload.slice() : undefined;
};
