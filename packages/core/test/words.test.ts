// The words layer: bech32 checksums (BIP 173 / BIP 350 vectors) and 5-bit ⇄ 8-bit conversion.
import fc from 'fast-check';
import { checkProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import { segwitAddress } from '../src/addresses.js';
import { BITCOIN } from '../src/networks.js';
import { decodeUtf8 } from '../src/utf8.js';
import {
  BECH32,
  bytesToWords,
  CHARSET,
  charsToWords,
  wordsToBytes,
  wordsToPaddedBytes,
  wordsToSafeInteger,
} from '../src/words.js';

/** The checksum constant of a bech32 string, read by `charsToWords`. */
const constantOf = (s: string): number => {
  const lower = s.toLowerCase();
  const sep = lower.lastIndexOf('1');
  const read = charsToWords(lower, sep + 1, lower.slice(0, sep));
  if (typeof read === 'number') throw new Error(`bad character at ${read}`);
  expect(Array.from(read.words, (w) => CHARSET[w]).join('')).toBe(lower.slice(sep + 1));
  return read.constant;
};

describe('bech32 checksum', () => {
  it('accepts the valid strings of BIP 173', () => {
    for (const s of [
      'A12UEL5L',
      'a12uel5l',
      'an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs',
      'abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw',
      '11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j',
      'split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w',
    ]) {
      expect(constantOf(s)).toBe(BECH32);
    }
  });

  it('rejects a bech32m checksum where bech32 is required (BIP 350 valid bech32m string)', () => {
    expect(constantOf('a1lqfn3a')).not.toBe(BECH32);
  });

  it('gives the index of the first character outside the alphabet', () => {
    expect(charsToWords('lnbc1qqb1q', 5, 'lnbc')).toBe(7);
    expect(charsToWords('a1qqo', 2, 'a')).toBe(4);
  });

  it('writes the segwit addresses of BIP 173 and BIP 350', () => {
    const program = (hex: string) =>
      Uint8Array.from(hex.match(/../g) ?? [], (h) => Number.parseInt(h, 16));
    expect(segwitAddress(BITCOIN, 0, program('751e76e8199196d454941c45d1b3a323f1433bd6'))).toBe(
      'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
    );
    expect(
      segwitAddress(
        BITCOIN,
        1,
        program('79be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798'),
      ),
    ).toBe('bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0');
    expect(segwitAddress(BITCOIN, 16, program('751e'))).toBe('bc1sw50qgdz25j');
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

describe('strict UTF-8', () => {
  const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const reference = (bytes: Uint8Array): string | undefined => {
    try {
      return fatal.decode(bytes);
    } catch {
      return undefined;
    }
  };

  it('agrees with a fatal TextDecoder on random bytes and on random text', () => {
    checkProperty(
      'words-agrees-with-a-fatal-textdecoder-on',
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        expect(decodeUtf8(bytes)).toBe(reference(bytes));
      }),
      { seed: 7, numRuns: 3000 },
    );
    checkProperty(
      'words-agrees-with-a-fatal-textdecoder-on-2',
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        expect(decodeUtf8(new TextEncoder().encode(text))).toBe(text);
      }),
      { seed: 8, numRuns: 1000 },
    );
  });

  it('rejects overlong forms, surrogates, code points above U+10FFFF and truncation', () => {
    for (const bad of [
      [0xc0, 0x80],
      [0xe0, 0x80, 0x80],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xe2, 0x82],
      [0xff],
    ]) {
      expect(decodeUtf8(Uint8Array.from(bad))).toBeUndefined();
    }
    expect(decodeUtf8(Uint8Array.of(0xf0, 0x9f, 0x98, 0x80))).toBe('\u{1F600}');
  });
});
