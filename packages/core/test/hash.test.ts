// HMAC-SHA256 as written in src/hash.ts: RFC 4231's test cases, and agreement with @noble/hashes'
// hmac on keys and messages around the 64-byte block size.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import fc from 'fast-check';
import { checkProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import { hmacSha256 } from '../src/hash.js';
import { toHex } from '../src/text.js';

const bytes = (length: number, value: number) => new Uint8Array(length).fill(value);
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe('hmacSha256', () => {
  // RFC 4231 section 4, HMAC-SHA-256 results (test case 5, truncated output, is left out).
  it.each([
    [
      '1',
      bytes(20, 0x0b),
      ascii('Hi There'),
      'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
    ],
    [
      '2',
      ascii('Jefe'),
      ascii('what do ya want for nothing?'),
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    ],
    [
      '3',
      bytes(20, 0xaa),
      bytes(50, 0xdd),
      '773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe',
    ],
    [
      '4',
      Uint8Array.from({ length: 25 }, (_, i) => i + 1),
      bytes(50, 0xcd),
      '82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b',
    ],
    [
      '6',
      bytes(131, 0xaa),
      ascii('Test Using Larger Than Block-Size Key - Hash Key First'),
      '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    ],
    [
      '7',
      bytes(131, 0xaa),
      ascii(
        'This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.',
      ),
      '9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2',
    ],
  ])('gives RFC 4231 test case %s', (_, key, message, expected) => {
    expect(toHex(hmacSha256(key, message))).toBe(expected);
  });

  it('agrees with @noble/hashes hmac, keys and messages of 0 to 200 bytes', () => {
    checkProperty(
      'hmac-agrees-with-noble',
      fc.property(
        fc.uint8Array({ maxLength: 200 }),
        fc.uint8Array({ maxLength: 200 }),
        (key, message) => {
          expect(toHex(hmacSha256(key, message))).toBe(toHex(hmac(sha256, key, message)));
        },
      ),
      { seed: 4231, numRuns: 300 },
    );
  });

  it('agrees at the block-size edges and leaves its inputs alone', () => {
    for (const length of [0, 1, 63, 64, 65, 128]) {
      const key = bytes(length, 0x5a);
      const message = bytes(length, 0xa5);
      expect(toHex(hmacSha256(key, message))).toBe(toHex(hmac(sha256, key, message)));
      expect(key.every((b) => b === 0x5a) && message.every((b) => b === 0xa5)).toBe(true);
    }
  });
});
