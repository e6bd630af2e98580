// The shared bech32 reader (BIP 173 / BIP 350 vectors, every failure with its code) and 5-bit ⇄
// 8-bit conversion.
import fc from 'fast-check';
import { checkProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import {
  type Bech32ErrorCode,
  bytesToWords,
  encodeBech32,
  type ReadBech32Options,
  readBech32,
  wordsToBytes,
  wordsToChars,
  wordsToPaddedBytes,
} from '../src/bech32.js';
import { wordsToSafeInteger } from '../src/bolt11/fields/integer.js';
import { LninvoiceError } from '../src/errors.js';

const error = (code: Bech32ErrorCode, message: string, span?: readonly [number, number]) =>
  new LninvoiceError(code, message, { span });
const read = (text: string, options: Partial<ReadBech32Options> = {}) =>
  readBech32(text, { limit: 90, checksum: 'bech32', what: 'the string', error, ...options });
/** The code `read` fails with, or 'read'. */
const codeOf = (text: string, options: Partial<ReadBech32Options> = {}): string => {
  try {
    read(text, options);
    return 'read';
  } catch (e) {
    if (e instanceof LninvoiceError) return e.code;
    throw e;
  }
};

describe('bech32 checksum', () => {
  it('accepts the valid strings of BIP 173, and gives back their words', () => {
    for (const s of [
      'A12UEL5L',
      'a12uel5l',
      'an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs',
      'abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw',
      '11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j',
      'split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w',
    ]) {
      const lower = s.toLowerCase();
      const separator = lower.lastIndexOf('1');
      const { hrp, words, variant, uppercase } = read(s);
      expect(hrp).toBe(lower.slice(0, separator));
      expect(wordsToChars(words)).toBe(lower.slice(separator + 1, -6));
      expect(variant).toBe('bech32');
      expect(uppercase).toBe(s !== lower);
      expect(encodeBech32(hrp, words)).toBe(lower);
    }
  });

  it('tells bech32 from bech32m (BIP 350) and checks the one asked for', () => {
    expect(read('a1lqfn3a', { checksum: 'bech32m' }).variant).toBe('bech32m');
    expect(read('a1lqfn3a', { checksum: 'any' }).variant).toBe('bech32m');
    expect(codeOf('a1lqfn3a')).toBe('invalid-checksum');
    expect(codeOf('a12uel5l', { checksum: 'bech32m' })).toBe('invalid-checksum');
    expect(encodeBech32('a', [], 'bech32m')).toBe('a1lqfn3a');
  });

  it('refuses the invalid strings of BIP 173 and BIP 350, each with its code and span', () => {
    const cases: [string, string, (readonly [number, number])?][] = [
      ['\u00201nwldj5', 'invalid-character', [0, 1]],
      ['\u007f1axkwrx', 'invalid-character', [0, 1]],
      ['\u00801eym55h', 'invalid-character', [0, 1]],
      ['pzry9x0s0muk', 'missing-separator'],
      ['1pzry9x0s0muk', 'missing-prefix'],
      ['x1b4n0q5v', 'invalid-character', [2, 3]],
      ['li1dgmt3', 'too-short', [3, 8]],
      ['de1lg7wt\u00ff', 'invalid-character', [8, 9]],
      ['A1G7SGD8', 'invalid-checksum', [2, 8]],
      ['10a06t8', 'missing-prefix'],
      ['1qzzfhee', 'missing-prefix'],
      ['a1B2c3D4e5', 'mixed-case', [2, 3]],
      ['', 'empty'],
    ];
    for (const [text, code, span] of cases) {
      let thrown: unknown;
      try {
        read(text);
      } catch (e) {
        thrown = e;
      }
      expect(thrown, text).toBeInstanceOf(LninvoiceError);
      expect((thrown as LninvoiceError).code, text).toBe(code);
      if (span) expect((thrown as LninvoiceError).span, text).toEqual(span);
    }
  });

  it('checks the length first, and offsets spans by where the text stands in the input', () => {
    expect(codeOf(`a1${'q'.repeat(100)}`)).toBe('too-long');
    expect(codeOf(`\u0000${'q'.repeat(100)}`)).toBe('too-long');
    let thrown: LninvoiceError | undefined;
    try {
      read('x1b4n0q5v', { offset: 10 });
    } catch (e) {
      thrown = e as LninvoiceError;
    }
    expect(thrown?.span).toEqual([12, 13]);
  });

  it('reads strings without a checksum when asked (BOLT 12)', () => {
    const { hrp, words, variant } = read('lno1pqps7', { checksum: 'none' });
    expect([hrp, wordsToChars(words), variant]).toEqual(['lno', 'pqps7', undefined]);
    expect(read('lno1', { checksum: 'none' }).words).toHaveLength(0);
  });

  it('lets the caller judge the prefix before the data', () => {
    expect(() =>
      read('ab1qqqqqq', {
        checkPrefix: (hrp, span) => {
          throw new LninvoiceError('unknown-prefix', hrp, { span });
        },
      }),
    ).toThrow(expect.objectContaining({ code: 'unknown-prefix', span: [0, 2] }));
  });
});

describe('5-bit ⇄ 8-bit', () => {
  it('round-trips any bytes', () => {
    checkProperty(
      'words-round-trips-any-bytes',
      fc.property(fc.uint8Array({ maxLength: 700 }), (bytes) => {
        expect(wordsToBytes(bytesToWords(bytes))).toEqual(bytes);
      }),
      { seed: 11, numRuns: 300 },
    );
  });

  it('rejects non-zero padding bits', () => {
    // 52 words = 260 bits: 32 bytes and 4 padding bits, which must be zero.
    const words = new Uint8Array(52);
    expect(wordsToBytes(words)).toEqual(new Uint8Array(32));
    expect(wordsToBytes(words)?.buffer.byteLength).toBe(32); // a copy, not a view of 33 bytes
    words[51] = 1;
    expect(wordsToBytes(words)).toBeUndefined();
    words[51] = 16; // the last data bit, not padding
    expect(wordsToBytes(words)?.[31]).toBe(1);
  });

  it('rejects 5 or more padding bits (a whole word too many)', () => {
    expect(wordsToBytes(new Uint8Array(3))).toBeUndefined(); // 15 bits: 1 byte + 7 padding bits
    expect(wordsToBytes(new Uint8Array(2))).toEqual(new Uint8Array(1)); // 10 bits: 1 byte + 2
    expect(wordsToBytes(new Uint8Array(1))).toBeUndefined(); // 5 bits: no byte at all
  });

  it('pads the signing preimage with zero bits to a whole byte', () => {
    expect(wordsToPaddedBytes(Uint8Array.of(31))).toEqual(Uint8Array.of(0xf8));
    expect(wordsToPaddedBytes(Uint8Array.of(31, 31))).toEqual(Uint8Array.of(0xff, 0xc0));
  });

  it('unpacks bytes five at a time exactly as bit by bit, for every length', () => {
    const bitByBit = (bytes: Uint8Array): Uint8Array => {
      const bits = Array.from(bytes, (b) => b.toString(2).padStart(8, '0')).join('');
      const padded = bits.padEnd(Math.ceil(bits.length / 5) * 5, '0');
      return Uint8Array.from(padded.match(/.{5}/g) ?? [], (w) => Number.parseInt(w, 2));
    };
    checkProperty(
      'words-unpacks-bytes-five-at-a-time',
      fc.property(fc.uint8Array({ maxLength: 70 }), (bytes) => {
        expect(bytesToWords(bytes)).toEqual(bitByBit(bytes));
      }),
      { seed: 13, numRuns: 500 },
    );
  });

  it('packs words eight at a time exactly as bit by bit, for every length', () => {
    const bitByBit = (words: Uint8Array): Uint8Array => {
      const bits = Array.from(words, (w) => w.toString(2).padStart(5, '0')).join('');
      const padded = bits.padEnd(Math.ceil(bits.length / 8) * 8, '0');
      return Uint8Array.from(padded.match(/.{8}/g) ?? [], (b) => Number.parseInt(b, 2));
    };
    checkProperty(
      'words-packs-words-eight-at-a-time',
      fc.property(fc.array(fc.integer({ min: 0, max: 31 }), { maxLength: 90 }), (list) => {
        const words = Uint8Array.from(list);
        expect(wordsToPaddedBytes(words)).toEqual(bitByBit(words));
      }),
      { seed: 12, numRuns: 500 },
    );
  });

  it('reads big-endian integers exactly, refusing anything above 2^53-1', () => {
    expect(wordsToSafeInteger(Uint8Array.of(1, 28))).toBe(60);
    expect(wordsToSafeInteger(Uint8Array.of(18, 14, 20, 0))).toBe(604800);
    expect(wordsToSafeInteger(new Uint8Array(0))).toBe(0);
    const ones = Array(10).fill(31); // 50 one-bits
    expect(wordsToSafeInteger(Uint8Array.of(0, ...ones))).toBe(2 ** 50 - 1);
    expect(wordsToSafeInteger(Uint8Array.of(7, ...ones))).toBe(Number.MAX_SAFE_INTEGER);
    expect(wordsToSafeInteger(Uint8Array.of(8, ...Array(10).fill(0)))).toBeUndefined(); // 2^53
    expect(wordsToSafeInteger(Uint8Array.of(15, ...ones))).toBeUndefined();
    expect(wordsToSafeInteger(Uint8Array.of(...ones, 31, 31, 31))).toBeUndefined();
  });
});
