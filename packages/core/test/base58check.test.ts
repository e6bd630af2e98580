// Base58Check against @scure/base, an independent implementation, on random payloads.
import { sha256 } from '@noble/hashes/sha2.js';
import { createBase58check } from '@scure/base';
import fc from 'fast-check';
import { checkProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import { base58checkDecode, base58checkEncode } from '../src/base58check.js';

const scure = createBase58check(sha256);
/** Payloads with runs of leading zero bytes, which base58 writes as '1's. */
const payload = fc
  .tuple(fc.integer({ min: 0, max: 4 }), fc.uint8Array({ maxLength: 40 }))
  .map(([zeros, rest]) => Uint8Array.from([...new Array(zeros).fill(0), ...rest]));

describe('base58check', () => {
  it('writes what @scure/base writes, and reads it back', () => {
    checkProperty(
      'base58check-writes-what-scure-base-writes-and',
      fc.property(payload, (bytes) => {
        const text = base58checkEncode(bytes);
        expect(text).toBe(scure.encode(bytes));
        expect(base58checkDecode(text)).toEqual(bytes);
      }),
      { seed: 58, numRuns: 2000 },
    );
  });

  it('refuses what @scure/base refuses: a changed character, a foreign one, a short string', () => {
    checkProperty(
      'base58check-refuses-what-scure-base-refuses-a',
      fc.property(
        payload,
        fc.nat(),
        fc.constantFrom('0', 'O', 'I', 'l', '+', 'z', '2'),
        (bytes, at, char) => {
          const text = base58checkEncode(bytes);
          const i = at % text.length;
          const changed = text.slice(0, i) + char + text.slice(i + 1);
          let expected: Uint8Array | undefined;
          try {
            expected = scure.decode(changed);
          } catch {
            expected = undefined;
          }
          const ours = base58checkDecode(changed);
          expect(ours || undefined).toEqual(expected);
        },
      ),
      { seed: 59, numRuns: 2000 },
    );
    expect(base58checkDecode('')).toBe(false);
    expect(base58checkDecode('111')).toBe(false);
    expect(base58checkDecode('1O1')).toBeUndefined(); // not in the alphabet
  });
});
