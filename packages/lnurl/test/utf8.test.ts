// UTF-8 without TextDecoder (React Native's Hermes has none): core's strict decoder (tested
// against a fatal TextDecoder in core) reads LNURLs, service answers and aes success actions, and
// the package's decoders work where TextDecoder is missing.
import { webcrypto } from 'node:crypto';
import { bytesToWords, encodeBech32 } from '@lninvoice/core/bech32';
import { base64 } from '@scure/base';
import { codeOf } from 'test-support/outcome';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  decodeLnurl,
  decryptSuccessAction,
  type Fetch,
  getJson,
  parseSuccessAction,
} from '../src/index.js';

/** A fetch that answers every request with `body`. */
const answering =
  (body: Uint8Array): Fetch =>
  async () =>
    new Response(body as BodyInit);

describe('UTF-8 in LNURLs and answers', () => {
  it('refuses an LNURL whose bytes are not UTF-8, or whose padding bits are not zero', () => {
    const url = new TextEncoder().encode('https://s.com/\u00e9');
    expect(decodeLnurl(encodeBech32('lnurl', bytesToWords(url))).url).toBe('https://s.com/\u00e9');
    const overlong = Uint8Array.from([...url.subarray(0, -2), 0xc0, 0xa9]);
    expect(codeOf(() => decodeLnurl(encodeBech32('lnurl', bytesToWords(overlong))))).toBe(
      'invalid-utf8',
    );
    // 16 bytes are 26 words and 2 bits of padding: a 1 in them.
    const words = bytesToWords(url);
    words[words.length - 1] = (words[words.length - 1] as number) | 1;
    const error = (() => {
      try {
        decodeLnurl(` ${encodeBech32('lnurl', words)}`);
      } catch (e) {
        return e as { code: string; span: readonly [number, number] };
      }
    })();
    expect(error).toMatchObject({ code: 'invalid-padding', span: [1, 39] });
  });

  it('drops one byte-order mark before a JSON answer (RFC 8259), as TextDecoder did', async () => {
    const bom = [0xef, 0xbb, 0xbf];
    const json = new TextEncoder().encode('{"status":"OK","x":"\ufeff"}');
    expect(
      await getJson('https://s.com/', { fetch: answering(Uint8Array.from([...bom, ...json])) }),
    ).toEqual({
      status: 'OK',
      x: '\ufeff',
    });
    await expect(
      getJson('https://s.com/', { fetch: answering(Uint8Array.from([...bom, ...bom, ...json])) }),
    ).rejects.toMatchObject({ code: 'invalid-json' });
    await expect(
      getJson('https://s.com/', { fetch: answering(Uint8Array.of(0x7b, 0xc0, 0x80, 0x7d)) }),
    ).rejects.toMatchObject({ code: 'invalid-json' });
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
