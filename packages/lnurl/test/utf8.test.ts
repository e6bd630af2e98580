// UTF-8 decoding without TextDecoder (React Native's Hermes has none): the same answers as a
// fatal TextDecoder on any bytes, and the package's decoders work where TextDecoder is missing.
import { webcrypto } from 'node:crypto';
import { base64 } from '@scure/base';
import fc from 'fast-check';
import { checkProperty } from 'test-support/property';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { decodeLnurl, decryptSuccessAction, getJson, parseSuccessAction } from '../src/index.js';
import { decodeUtf8 } from '../src/utf8.js';

const textDecoder = new TextDecoder('utf-8', { fatal: true });
const viaTextDecoder = (bytes: Uint8Array): string | undefined => {
  try {
    return textDecoder.decode(bytes);
  } catch {
    return undefined;
  }
};

describe('decodeUtf8', () => {
  it('refuses what UTF-8 forbids and keeps what it allows, as a fatal TextDecoder does', () => {
    const cases: [number[], string | undefined][] = [
      [[0x41, 0x00, 0x7f], 'A\u0000\u007f'],
      [[0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80], '€😀'],
      [[0xef, 0xbb, 0xbf, 0x41], 'A'], // a leading byte-order mark is dropped
      [[0x41, 0xef, 0xbb, 0xbf], 'A\ufeff'], // elsewhere it is a character
      [[0xc0, 0x80], undefined], // overlong NUL
      [[0xe0, 0x80, 0xaf], undefined], // overlong '/'
      [[0xed, 0xa0, 0x80], undefined], // a surrogate
      [[0xf4, 0x90, 0x80, 0x80], undefined], // above U+10FFFF
      [[0xe2, 0x82], undefined], // truncated
      [[0x80], undefined], // a lone continuation byte
      [[0xff], undefined],
    ];
    for (const [bytes, text] of cases) {
      expect(decodeUtf8(Uint8Array.from(bytes)), bytes.join(',')).toBe(text);
      expect(viaTextDecoder(Uint8Array.from(bytes)), bytes.join(',')).toBe(text);
    }
  });

  it('agrees with a fatal TextDecoder on random bytes and on the UTF-8 of random text', () => {
    checkProperty(
      'utf8-random-bytes',
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        expect(decodeUtf8(bytes)).toBe(viaTextDecoder(bytes));
      }),
      { seed: 7, numRuns: 3000 },
    );
    checkProperty(
      'utf8-random-text',
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (text) => {
        const bytes = new TextEncoder().encode(text);
        expect(decodeUtf8(bytes)).toBe(viaTextDecoder(bytes));
      }),
      { seed: 8, numRuns: 1000 },
    );
  });
});

describe('where TextDecoder is missing', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('decodes a bech32 LNURL, a service answer and an aes success action', async () => {
    const preimage = new Uint8Array(32).fill(7);
    const iv = new Uint8Array(16).fill(1);
    const key = await webcrypto.subtle.importKey('raw', preimage, 'AES-CBC', false, ['encrypt']);
    const ciphertext = await webcrypto.subtle.encrypt(
      { name: 'AES-CBC', iv },
      key,
      new TextEncoder().encode('PIN 4242 — ünïcode'),
    );
    const action = parseSuccessAction(
      {
        tag: 'aes',
        description: 'code',
        ciphertext: base64.encode(new Uint8Array(ciphertext)),
        iv: base64.encode(iv),
      },
      'https://s.com/cb',
    );
    const answer = new TextEncoder().encode('{"tag":"payRequest","ünï":"cödé"}');
    // A response as React Native's fetch gives it: no body stream (Node's own Response would
    // need TextDecoder itself).
    const fetch = async () => ({
      status: 200,
      type: 'basic',
      headers: { get: () => null },
      body: null,
      arrayBuffer: async () => answer.buffer,
    });

    vi.stubGlobal('TextDecoder', undefined);
    expect(
      decodeLnurl(
        'LNURL1DP68GURN8GHJ7UM9WFMXJCM99E3K7MF0V9CXJ0M385EKVCENXC6R2C35XVUKXEFCV5MKVV34X5EKZD3EV56NYD3HXQURZEPEXEJXXEPNXSCRVWFNV9NXZCN9XQ6XYEFHVGCXXCMYXYMNSERXFQ5FNS',
      ).url,
    ).toBe(
      'https://service.com/api?q=3fc3645b439ce8e7f2553a69e5267081d96dcd340693afabe04be7b0ccd178df',
    );
    expect(await decryptSuccessAction(action as never, preimage)).toBe('PIN 4242 — ünïcode');
    expect(await getJson('https://s.com/', { fetch })).toMatchObject({
      ünï: 'cödé',
    });
  });
});
