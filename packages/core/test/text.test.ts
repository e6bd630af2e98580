// Text from outside: strict UTF-8, and showing untrusted text in messages without a character
// that could steer a terminal or disguise text.
import fc from 'fast-check';
import { checkProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import {
  decodeUtf8,
  describeValue,
  encodeUtf8,
  escapeUnsafe,
  previewValue,
  showText,
  UNSAFE_CHARACTERS,
  unsafeKind,
} from '../src/text.js';

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

describe('UTF-8 both ways', () => {
  it('keeps a byte-order mark: it is text like any other', () => {
    expect(decodeUtf8(Uint8Array.of(0xef, 0xbb, 0xbf, 0x61))).toBe('\ufeffa');
    expect(decodeUtf8(Uint8Array.of(0x61, 0xef, 0xbb, 0xbf))).toBe('a\ufeff');
  });

  it('decodes a megabyte in one piece, astral characters across chunk boundaries too', () => {
    const text = `${'a'.repeat(8191)}\u{1F600}${'é'.repeat(300_000)}`;
    expect(decodeUtf8(new TextEncoder().encode(text))).toBe(text);
  });

  it('encodes text as TextEncoder does, and refuses a lone surrogate', () => {
    checkProperty(
      'text-encodes-as-textencoder',
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        expect(encodeUtf8(text)).toEqual(new TextEncoder().encode(text));
      }),
      { seed: 9, numRuns: 1000 },
    );
    expect(encodeUtf8('a\ud800')).toBeUndefined();
    expect(encodeUtf8('\udc00a')).toBeUndefined();
  });
});

/** Every code point the issue names unsafe, and a few neighbours that are not. */
const UNSAFE = [
  ...Array.from({ length: 0x20 }, (_, i) => i),
  0x7f,
  ...Array.from({ length: 0x20 }, (_, i) => 0x80 + i),
  0xad,
  0x61c,
  0x180e,
  0x200b,
  0x200e,
  0x200f,
  0x2028,
  0x2029,
  0x202a,
  0x202e,
  ...Array.from({ length: 0x10 }, (_, i) => 0x2060 + i),
  0x3164,
  0xfeff,
  0xe0000,
  0xe0041,
  0xe007f,
];
const SAFE = [0x20, 0x7e, 0xa0, 0xe9, 0x200c, 0x200d, 0x2027, 0x202f, 0x2070, 0x1f600, 0xe0080];

describe('unsafe characters', () => {
  it('are the controls, bidi, invisible and tag characters, and nothing else around them', () => {
    for (const c of UNSAFE) expect(unsafeKind(c), c.toString(16)).toBeDefined();
    for (const c of SAFE) expect(unsafeKind(c), c.toString(16)).toBeUndefined();
    expect(unsafeKind(0x202e)).toBe('bidi');
    expect(unsafeKind(0x200b)).toBe('invisible');
    expect(unsafeKind(0x9b)).toBe('control');
    expect(unsafeKind(0xd800)).toBe('control');
  });

  it('never reach a message: showText escapes each, and only those', () => {
    for (const c of UNSAFE) {
      const shown = showText(`a${String.fromCodePoint(c)}b`);
      expect([...shown].some((x) => unsafeKind(x.codePointAt(0) as number) !== undefined)).toBe(
        false,
      );
      expect(JSON.parse(shown)).toBe(`a${String.fromCodePoint(c)}b`);
    }
    for (const c of SAFE) {
      const char = String.fromCodePoint(c);
      expect(showText(char)).toBe(JSON.stringify(char));
    }
    expect(showText('pay \u202eevil')).toBe('"pay \\u202eevil"');
    expect(showText('tag\u{E0041}')).toBe('"tag\\udb40\\udc41"');
    expect(showText('half \ud800')).toBe('"half \\ud800"');
  });

  it('are escaped in any text, with the same JSON value', () => {
    checkProperty(
      'text-show-any-text',
      fc.property(
        fc.string({ unit: 'binary', maxLength: 100 }),
        fc.integer({ min: 4, max: 120 }),
        (text, max) => {
          const shown = showText(text, max);
          for (const x of shown)
            expect(unsafeKind(x.codePointAt(0) as number), shown).toBeUndefined();
          const value = JSON.parse(shown) as string;
          if (text.length <= max) expect(value).toBe(text);
          else expect(text.startsWith(value.slice(0, -3))).toBe(true);
        },
      ),
      { seed: 21, numRuns: 2000 },
    );
  });

  it('are one set: UNSAFE_CHARACTERS and escapeUnsafe take exactly what unsafeKind names', () => {
    // Every code point, lone surrogates included: the regular expression, which escapeUnsafe
    // uses, and unsafeKind can never drift apart.
    const disagree: string[] = [];
    for (let c = 0; c <= 0x10ffff; c++) {
      const char = String.fromCodePoint(c);
      const named = unsafeKind(c) !== undefined;
      if (UNSAFE_CHARACTERS.test(char) !== named || (escapeUnsafe(char) !== char) !== named)
        disagree.push(c.toString(16));
    }
    expect(disagree).toEqual([]);
    // What the CLI's adversarial review found printed raw, among them.
    for (const c of [0x7f, 0x2060, 0xad, 0x180e, 0x3164, 0xe0000, 0xe007f, 0x2028, 0x2029])
      expect(unsafeKind(c), c.toString(16)).toBeDefined();
  });

  it('are escaped in JSON text by escapeUnsafe, which keeps its value', () => {
    const json = JSON.stringify({ d: 'x\u2066y\u00adz' });
    expect(escapeUnsafe(json)).toBe('{"d":"x\\u2066y\\u00adz"}');
    expect(JSON.parse(escapeUnsafe(json))).toEqual(JSON.parse(json));
  });

  it('never reach a message through describeValue or previewValue', () => {
    expect(describeValue('a\u202eb')).toBe('"a\\u202eb"');
    expect(describeValue(Object.create(null))).toBe('an object');
    expect(describeValue({ toString: 1 })).toBe('an object');
    expect(describeValue(new Uint8Array(3))).toBe('Uint8Array(3)');
    expect(previewValue({ 'k\u202e': ['v\u200b', 1n, null] })).toBe(
      '{"k\\u202e":["v\\u200b",1n,null]}',
    );
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(previewValue(deep).length).toBeLessThanOrEqual(60);
    expect(previewValue(`${'x'.repeat(58)}\u{1F600}`, 60)).not.toMatch(/[\ud800-\udbff]\.\.\./);
  });
});
