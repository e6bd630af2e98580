// The pieces under the flows: URLs, DER, addresses, metadata, success actions, hostile input.
import { webcrypto } from 'node:crypto';
import { createInvoice, defineNetwork, nodeKeyOf, signInvoice } from '@lninvoice/core';
import { LninvoiceError } from '@lninvoice/core/errors';
import { sha256 } from '@lninvoice/core/hash';
import { nobleSecp256k1 } from '@lninvoice/core/noble';
import { toHex } from '@lninvoice/core/text';
import * as secp from '@noble/secp256k1';
import { base64, bech32 } from '@scure/base';
import fc from 'fast-check';
import { BOLT11_VALID } from 'test-support/bolt11-vectors';
import { expectNoHangAsync } from 'test-support/hang';
import { codeOf, expectSafeText } from 'test-support/outcome';
import { checkProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import { compactToDer, derToCompact } from '../src/der.js';
import {
  authCallbackUrl,
  checkPayInvoice,
  checkVerifyResponse,
  decodeLnurl,
  decryptSuccessAction,
  encodeLnurl,
  getJson,
  LNURL_WARNING_CODES,
  LnurlError,
  linkingKeyPath,
  MAX_LNURL_LENGTH,
  metadataHash,
  openChannel,
  parseAuthRequest,
  parseChannelRequest,
  parseInvoiceResponse,
  parseLightningAddress,
  parseMetadata,
  parsePayRequest,
  parseServiceResponse,
  parseStatusResponse,
  parseSuccessAction,
  parseWithdrawRequest,
  payCallbackUrl,
  payerDataJson,
  requestInvoice,
  resolve,
  signAuth,
  verifyPayment,
  withdrawCallbackUrl,
} from '../src/index.js';
import { appendQuery, parseServiceUrl, queryParams } from '../src/url.js';
import { outcomeOf } from './helpers/outcome.js';

describe('service URLs', () => {
  it('keeps path and query exactly, lowercases scheme and host', () => {
    const url = parseServiceUrl('HTTPS://Service.COM:8443/Path/A?B=C%20d&e', 'u');
    expect(url).toMatchObject({
      href: 'https://service.com:8443/Path/A?B=C%20d&e',
      host: 'service.com',
      port: '8443',
      query: 'B=C%20d&e',
    });
    expect([...queryParams(url)]).toEqual([
      ['B', 'C d'],
      ['e', ''],
    ]);
  });

  it('appends parameters after the existing query, dropping a fragment', () => {
    const add = (text: string) =>
      appendQuery(parseServiceUrl(text, 'u'), [
        ['amount', '1000'],
        ['comment', 'a b&c'],
      ]);
    expect(add('https://s.com/cb')).toBe('https://s.com/cb?amount=1000&comment=a%20b%26c');
    expect(add('https://s.com/cb?x=1')).toBe('https://s.com/cb?x=1&amount=1000&comment=a%20b%26c');
    expect(add('https://s.com/cb?')).toBe('https://s.com/cb?amount=1000&comment=a%20b%26c');
    expect(add('https://s.com/cb?x=1&')).toBe('https://s.com/cb?x=1&amount=1000&comment=a%20b%26c');
    expect(add('https://s.com/cb?x=1#frag')).toBe(
      'https://s.com/cb?x=1&amount=1000&comment=a%20b%26c',
    );
  });

  it('refuses http off onion, other schemes, user info and broken hosts', () => {
    const code = (text: string) => codeOf(() => parseServiceUrl(text, 'u'));
    expect(code('http://service.com/x')).toBe('insecure-scheme');
    expect(code('http://abc.onion/x')).toBe('ok');
    expect(code('ftp://service.com/x')).toBe('invalid-scheme');
    expect(code('https://service.com@evil.example/x')).toBe('invalid-url');
    expect(code('https://exa mple.com/')).toBe('invalid-url');
    expect(code('https:///path')).toBe('invalid-url');
    expect(code('https://-bad-.com/')).toBe('invalid-url');
    expect(code('https://s.com:99999999/')).toBe('invalid-url');
    expect(code('https://[::1]:8080/x')).toBe('ok');
  });
});

describe('bech32 LNURLs', () => {
  it('round-trips any service URL, in either case', () => {
    const url = fc
      .tuple(fc.domain(), fc.webPath(), fc.option(fc.webQueryParameters(), { nil: undefined }))
      .map(
        ([host, path, query]) =>
          `https://${host.toLowerCase()}${path}${query === undefined ? '' : `?${query}`}`,
      );
    checkProperty(
      'bech32-round-trip',
      fc.property(url, fc.boolean(), (text, uppercase) => {
        expect(decodeLnurl(encodeLnurl(text, { uppercase })).url).toBe(text);
      }),
      { seed: 51, numRuns: 300 },
    );
  });

  it('locates bad characters and mistyped ones, and caps the length before decoding', () => {
    const good = encodeLnurl('https://service.com/api');
    const errorOf = (text: string) => {
      try {
        decodeLnurl(text);
      } catch (e) {
        return e as LnurlError;
      }
    };
    // `b` is no bech32 character: found where it is, before any checksum.
    const bad = `lightning:${good.slice(0, 12)}b${good.slice(13)}`;
    expect(errorOf(bad)).toMatchObject({ code: 'invalid-character', span: [22, 23] });
    const typo = `lightning:${good.slice(0, 12)}${good[12] === 'q' ? 'p' : 'q'}${good.slice(13)}`;
    expect(errorOf(typo)).toMatchObject({
      code: 'invalid-checksum',
      span: [typo.length - 6, typo.length],
    });
    expect(errorOf(`lnurl1${'q'.repeat(MAX_LNURL_LENGTH)}`)).toMatchObject({
      code: 'too-long',
      span: [0, MAX_LNURL_LENGTH + 6],
    });
    expect(codeOf(() => decodeLnurl('lnurl1 qqqq'))).toBe('invalid-character');
    expect(() => decodeLnurl(42 as never)).toThrow(TypeError);
  });

  it('fails each rule of bech32 with the code every package gives it', () => {
    const good = encodeLnurl('https://service.com/api');
    expect(codeOf(() => decodeLnurl(' '))).toBe('empty');
    expect(codeOf(() => decodeLnurl('lightning:'))).toBe('empty');
    expect(codeOf(() => decodeLnurl('satoshi'))).toBe('missing-separator');
    expect(codeOf(() => decodeLnurl(`1${good.slice(6)}`))).toBe('missing-prefix');
    expect(codeOf(() => decodeLnurl('lnurl1qqqqq'))).toBe('too-short');
    expect(codeOf(() => decodeLnurl(`${good.slice(0, 20)}${good.slice(20).toUpperCase()}`))).toBe(
      'mixed-case',
    );
    // A wrong prefix is named before the checksum, which it would break too.
    const other = `lnurlp${good.slice(5)}`;
    expect(outcomeOf(() => decodeLnurl(other), other)).toMatchObject({
      code: 'unknown-prefix',
      message: '"lnurlp" is not the LNURL prefix "lnurl"',
      span: [0, 6],
    });
    expect(codeOf(() => decodeLnurl('https://service.com/pay?q=1'))).toBe(
      'missing-lightning-param',
    );
    expect(codeOf(() => decodeLnurl(`https://service.com/?lightning=${good}`))).toBe('ok');
  });

  it('lets a fast withdraw with bad numbers fall back to a request', () => {
    const url =
      'https://s.com/w?tag=withdrawRequest&k1=abc&minWithdrawable=1e3&maxWithdrawable=2000&defaultDescription=x&callback=https%3A%2F%2Fs.com%2Fcb';
    const decoded = decodeLnurl(encodeLnurl(url));
    expect([decoded.tag, decoded.withdraw]).toEqual(['withdrawRequest', undefined]);
  });
});

describe('DER signatures', () => {
  it('round-trips every compact signature', () => {
    checkProperty(
      'der-round-trip',
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        (msg, key) => {
          fc.pre(secp.utils.isValidSecretKey(key));
          const compact = nobleSecp256k1.sign(msg, key).signature;
          expect(derToCompact(compactToDer(compact))).toEqual(compact);
        },
      ),
      { seed: 52, numRuns: 200 },
    );
  });

  it('refuses non-strict DER (BIP 66)', () => {
    const der = compactToDer(
      Uint8Array.from({ length: 64 }, (_, i) => (i === 0 || i === 32 ? 0x80 : i)),
    );
    expect(derToCompact(der)).toBeDefined();
    expect(derToCompact(Uint8Array.from([...der, 0]))).toBeUndefined(); // trailing byte
    const r = [0x80, ...new Array(31).fill(1)]; // high bit set and no zero before it: negative
    expect(
      derToCompact(Uint8Array.from([0x30, 68, 0x02, 32, ...r, 0x02, 32, ...new Array(32).fill(1)])),
    ).toBeUndefined();
    const long = [0x7f, ...new Array(32).fill(1)]; // 33 significant bytes: more than 256 bits
    expect(
      derToCompact(
        Uint8Array.from([0x30, 69, 0x02, 33, ...long, 0x02, 32, ...new Array(32).fill(1)]),
      ),
    ).toBeUndefined();
    expect(derToCompact(Uint8Array.of(0x30, 6, 0x02, 1, 0, 0x02, 1, 0))).toEqual(
      new Uint8Array(64),
    );
    expect(derToCompact(Uint8Array.of(0x30, 7, 0x02, 2, 0, 1, 0x02, 1, 1))).toBeUndefined(); // padded R
  });
});

describe('Lightning Addresses', () => {
  it('reads tags and onion domains', () => {
    expect(parseLightningAddress(' satoshi+tip@Bitcoin.org ')).toMatchObject({
      username: 'satoshi',
      tag: 'tip',
      address: 'satoshi+tip@bitcoin.org',
    });
    expect(parseLightningAddress('a@b.onion').url).toBe('http://b.onion/.well-known/lnurlp/a');
    expect(codeOf(() => parseLightningAddress('a+b+c@d.com'))).toBe('invalid-username');
    expect(codeOf(() => parseLightningAddress('a+@d.com'))).toBe('invalid-username');
    expect(codeOf(() => parseLightningAddress('a@localhost'))).toBe('invalid-domain');
    expect(codeOf(() => parseLightningAddress('a@d.com:443'))).toBe('invalid-domain');
  });
});

describe('metadata', () => {
  it('reads every known entry and keeps the raw string', () => {
    const raw =
      '[["text/plain","a"],["text/email","a@b.com"],["image/jpeg;base64","AAA="],["x",1]]';
    const meta = parseMetadata(raw);
    expect(meta).toMatchObject({
      raw,
      description: 'a',
      display: 'a',
      email: 'a@b.com',
      image: { type: 'image/jpeg', base64: 'AAA=' },
    });
    expect(meta.entries).toHaveLength(4);
    expect(codeOf(() => parseMetadata('{"text/plain":"a"}'))).toBe('invalid-metadata');
    expect(codeOf(() => parseMetadata('[[1,"a"]]'))).toBe('invalid-metadata');
    expect(codeOf(() => parseMetadata('[["text/plain",5]]'))).toBe('invalid-metadata');
    expect(codeOf(() => parseMetadata('[["text/plain","a"],["image/png;base64",7]]'))).toBe(
      'invalid-metadata',
    );
  });

  it('hashes the UTF-8 of metadata and payer data, and refuses text that has none', () => {
    const metadata = '[["text/plain","caf\u00e9 \ud83d\ude00"]]';
    expect(metadataHash(metadata, '{"name":"a"}')).toBe(
      toHex(sha256(new TextEncoder().encode(`${metadata}{"name":"a"}`))),
    );
    // A lone surrogate (a JSON answer's "\ud800" escape makes one): TextEncoder would hash U+FFFD.
    const lone = '[["text/plain","\ud800"]]';
    expect(codeOf(() => metadataHash(lone))).toBe('invalid-metadata');
    expect(codeOf(() => metadataHash('[]', '{"name":"\ud800"}'))).toBe('invalid-metadata');
    expect(codeOf(() => parsePayRequest({ ...pay, metadata: lone }))).toBe('invalid-metadata');
  });
});

describe('LUD-05 linking key path', () => {
  // The example of LUD-05's companion test vectors is in run-vector.ts; these are the edges.
  const key = new Uint8Array(32).fill(7);
  it('ignores a final full stop and refuses a domain that is not text', () => {
    expect(linkingKeyPath(key, 'site.com.')).toEqual(linkingKeyPath(key, 'site.com'));
    expect(linkingKeyPath(key, 'site.com').path).toMatch(/^m\/138'(\/\d+){4}$/);
    expect(() => linkingKeyPath(key, 'site\udc00.com')).toThrow(
      new TypeError('domain holds a lone UTF-16 surrogate: it is not text'),
    );
  });
});

/** A valid pay request, for tests that change one field. */
const pay = {
  tag: 'payRequest',
  callback: 'https://s.com/cb',
  minSendable: 1,
  maxSendable: 10,
  metadata: '[["text/plain","x"]]',
};

describe('service responses', () => {
  it('names the field and value of a wrong type', () => {
    expect(() => parsePayRequest({ ...pay, maxSendable: '10' })).toThrow(
      'payRequest.maxSendable must be a whole number from 0 to 2^53-1, got "10"',
    );
    expect(codeOf(() => parsePayRequest({ ...pay, maxSendable: 2 ** 53 }))).toBe('invalid-amount');
    expect(codeOf(() => parsePayRequest({ ...pay, callback: 'http://s.com/cb' }))).toBe(
      'invalid-callback',
    );
    expect(codeOf(() => parsePayRequest({ ...pay, commentAllowed: -1 }))).toBe('invalid-response');
    expect(
      codeOf(() =>
        parseWithdrawRequest({
          tag: 'withdrawRequest',
          callback: 'https://s.com',
          k1: 'x',
          defaultDescription: '',
          minWithdrawable: 5,
          maxWithdrawable: 4,
        }),
      ),
    ).toBe('invalid-amount');
    expect(
      codeOf(() =>
        parseChannelRequest({
          tag: 'channelRequest',
          uri: 'nope',
          callback: 'https://s.com',
          k1: 'x',
        }),
      ),
    ).toBe('invalid-response');
  });

  it('never takes inherited or prototype keys for fields', () => {
    const hostile = JSON.parse(
      '{"tag":"payRequest","__proto__":{"callback":"https://evil.example/cb"},"minSendable":1,"maxSendable":2,"metadata":"[[\\"text/plain\\",\\"x\\"]]"}',
    );
    expect(codeOf(() => parsePayRequest(hostile))).toBe('invalid-response');
    const payerData = parsePayRequest({
      ...pay,
      payerData: JSON.parse('{"__proto__":{"mandatory":true},"name":{"mandatory":false}}'),
    }).payerData;
    expect(Object.getPrototypeOf(payerData)).toBeNull();
    expect(({} as Record<string, unknown>).mandatory).toBeUndefined();
  });

  it('gives only LnurlErrors for any JSON value', () => {
    checkProperty(
      'json-values',
      fc.property(fc.jsonValue({ maxDepth: 6 }), (value) => {
        try {
          parseServiceResponse(value);
        } catch (error) {
          expect(error).toBeInstanceOf(LnurlError);
        }
      }),
      { seed: 53, numRuns: 1000 },
    );
  });
});

describe('hostile values (found by the property tests)', () => {
  it('shows any value in a message: no toString of the service runs, no stack overflows', () => {
    const deep = JSON.parse(`${'['.repeat(10_000)}${']'.repeat(10_000)}`);
    const noString = JSON.parse('{"toString":1}');
    for (const value of [noString, [noString], deep, 10n, Object.create(null)]) {
      for (const read of [
        () => parsePayRequest({ tag: value }),
        () => parseServiceResponse({ tag: value }),
        () => parseSuccessAction({ tag: value }, 'https://s.com'),
        () => parseStatusResponse({ status: value }),
        () => parsePayRequest({ ...pay, minSendable: value }),
        () => parsePayRequest(value),
      ]) {
        expect(codeOf(read)).not.toBe('ok');
      }
    }
    expect(() => parsePayRequest({ ...pay, minSendable: deep })).toThrow(
      /minSendable must be a whole number from 0 to 2\^53-1, got \[\[\[\[.*\.\.\.$/,
    );
    expect(() => parseServiceResponse({ tag: noString })).toThrow(
      'the service answered tag {"toString":1}, which is not payRequest',
    );
  });

  it('reports a network failure whatever the fetch rejects with', async () => {
    for (const reason of [JSON.parse('{"toString":1}'), null, { message: 5 }, 'offline']) {
      const fetch = () => Promise.reject(reason);
      await expect(getJson('https://s.com/x', { fetch })).rejects.toMatchObject({
        code: 'network-error',
      });
    }
  });

  it('follows a relative redirect from a 100 kB path in linear time', async () => {
    const requested: string[] = [];
    const redirectOnce = () => {
      let calls = 0;
      return async (url: string) => {
        requested.push(url);
        return ++calls === 1
          ? new Response('', { status: 302, headers: { location: 'x' } })
          : new Response('{"ok":true}');
      };
    };
    const url = `https://s.com/${'a'.repeat(100_000)}/cb`;
    // The directory of the path was found with /[^/]*$/: 4 s for this one; 26 ms now.
    await expectNoHangAsync(() => getJson(url, { fetch: redirectOnce() }), 30);
    expect(requested[1]).toBe(`https://s.com/${'a'.repeat(100_000)}/x`);
  });

  it('refuses URLs holding half a surrogate pair, which no request can carry', () => {
    expect(codeOf(() => decodeLnurl('lnurlp://s.com/\ud800'))).toBe('invalid-url');
    expect(codeOf(() => encodeLnurl('https://s.com/\udc00x'))).toBe('invalid-url');
    expect(decodeLnurl('lnurlp://s.com/\ud83d\ude00').url).toBe('https://s.com/\ud83d\ude00');
  });

  it('writes no LNURL it would not read back: at most MAX_LNURL_LENGTH characters', () => {
    const longest = `https://s.com/${'a'.repeat(2538)}`;
    expect(decodeLnurl(encodeLnurl(longest)).url).toBe(longest);
    expect(() => encodeLnurl(`${longest}a`)).toThrow(
      new RangeError('url makes an LNURL of 4097 characters; at most 4096 are read'),
    );
  });

  it('refuses text a URL cannot carry before building one (found by pnpm fuzz)', () => {
    // A k1 of half a surrogate pair made withdraw throw URIError: URI malformed.
    const withdrawal = {
      tag: 'withdrawRequest',
      callback: 'https://s.com/cb',
      k1: '\ud800',
      defaultDescription: '',
      minWithdrawable: 0,
      maxWithdrawable: 10,
    };
    expect(() => parseWithdrawRequest(withdrawal)).toThrow(/k1 .* half of a surrogate pair/);
    expect(codeOf(() => parseWithdrawRequest(withdrawal))).toBe('invalid-response');
    const request = parsePayRequest({ ...pay, commentAllowed: 10 });
    expect(() => payCallbackUrl(request, { amountMsat: 1n, comment: 'a\udc00' })).toThrow(
      new RangeError('comment holds half of a surrogate pair'),
    );
    const login = parseAuthRequest(`https://s.com/?tag=login&k1=${'00'.repeat(32)}`);
    expect(() => authCallbackUrl(login, '\ud800', '02')).toThrow(
      new RangeError('sig holds half of a surrogate pair'),
    );
  });

  it('gives a TypeError or RangeError naming the argument for options of the wrong type', async () => {
    expect(() => decodeLnurl('lnurlp://s.com', null as never)).toThrow(
      new TypeError('options must be an object, got null'),
    );
    expect(() => parseLightningAddress('a@s.com', 1 as never)).toThrow(
      'options must be an object, got 1',
    );
    expect(() => encodeLnurl('https://s.com', null as never)).toThrow(TypeError);
    const fetch = () => Promise.reject(new Error('not called'));
    for (const [options, message] of [
      [null, /^options must be an object/],
      [{ fetch, maxBytes: 'abc' }, /^options\.maxBytes must be a number/],
      [{ fetch, timeoutMs: 0 }, /^options\.timeoutMs must be an integer from 1 to 2147483647/],
      // setTimeout fires at once after a longer delay: the timeout would be no timeout.
      [{ fetch, timeoutMs: 2 ** 31 }, /^options\.timeoutMs must be an integer from 1 to/],
      [{ fetch, maxBytes: 1.5 }, /^options\.maxBytes must be an integer from 1/],
      [{ fetch, signal: {} }, /^options\.signal must be an AbortSignal/],
    ] as const) {
      await expect(getJson('https://s.com', options as never)).rejects.toThrow(message);
    }
  });
});

describe('LnurlError', () => {
  it('is a LninvoiceError, caught with the errors of every package', () => {
    const cause = new Error('under');
    const error = new LnurlError('service-error', 'm', { span: [1, 2], cause, reason: 'r' });
    expect(error).toBeInstanceOf(LninvoiceError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'LnurlError', code: 'service-error', message: 'm' });
    expect([error.span, error.cause, error.reason]).toEqual([[1, 2], cause, 'r']);
    expect(outcomeOf(() => decodeLnurl('satoshi'), 'satoshi')).toBeInstanceOf(LninvoiceError);
  });

  it('shows a service’s reason escaped, and keeps it as sent in `reason`', () => {
    const error = outcomeOf(() =>
      parseServiceResponse({ status: 'ERROR', reason: 'pay \u202Eevil' }),
    ) as LnurlError;
    expect(error.code).toBe('service-error');
    // A raw U+202E would show the rest of the line reversed: "pay live".
    expect(error.message).toBe('the service answered ERROR: "pay \\u202eevil"');
    expectSafeText(error.message);
    expect(error.reason).toBe('pay \u202Eevil');
  });

  it('shows every untrusted text escaped: URLs, pasted text, tags, values', () => {
    // The pasted texts: their errors have spans into them.
    const pasted = ['https://s.com/\u202E', 'lnurlp:s.com/\u2066x'].map(
      (text) => (outcomeOf(() => decodeLnurl(text), text) as LnurlError).message,
    );
    const messages = [
      () => parseLightningAddress('a\u200b@s.com'),
      () => parsePayRequest({ ...pay, callback: 'http://s.com/\u202e' }),
      () => parseServiceResponse({ tag: 'pay\u202eRequest' }),
      () => parseStatusResponse({ status: ['\u0000', { '\u009b': 1 }] }),
      () => parseMetadata('\u202e['),
      () =>
        parseSuccessAction(
          { tag: 'url', url: 'https://e.com/\u202e', description: '' },
          'https://s.com',
        ),
      () => parseAuthRequest('https://s.com/?tag=login&k1=\u202e'),
    ].map((read) => (outcomeOf(read) as LnurlError).message);
    for (const message of [...pasted, ...messages]) {
      expect(message).toMatch(/\\u(202e|2066|200b|0000|009b)/);
      expectSafeText(message);
    }
  });
});

describe('options', () => {
  const fetch = () => Promise.reject(new Error('not called'));

  it('a misspelt or unknown option is a TypeError naming it, never ignored', async () => {
    await expect(getJson('https://s.com', { timeout: 5 } as never)).rejects.toThrow(
      new TypeError(
        'options has no option "timeout"; the options are fetch, timeoutMs, maxBytes, signal, allowPrivateHosts',
      ),
    );
    expect(() => decodeLnurl('lnurlp://s.com', { lenent: true } as never)).toThrow(
      /^options has no option "lenent"; the options are lenient$/,
    );
    expect(() => encodeLnurl('https://s.com', { upperCase: true } as never)).toThrow(
      /^options has no option "upperCase"/,
    );
    expect(() => parseLightningAddress('a@s.com', { lenient: 'yes' } as never)).toThrow(
      new TypeError('options.lenient must be true or false, got "yes"'),
    );
    await expect(resolve('a@s.com', { fetch, timeout: 5 } as never)).rejects.toThrow(
      /^options has no option "timeout"; the options are fetch, timeoutMs, maxBytes, signal, allowPrivateHosts, lenient$/,
    );
  });

  it('are all checked before any request, in every flow', async () => {
    const requested: string[] = [];
    const recording = async (url: string) => {
      requested.push(url);
      return new Response('{"status":"OK"}');
    };
    const request = parsePayRequest({ ...pay, commentAllowed: 10 });
    await expect(
      requestInvoice(request, { fetch: recording, amountMsat: 1n, coment: 'hi' } as never),
    ).rejects.toThrow(/^options has no option "coment"/);
    await expect(
      requestInvoice(request, {
        fetch: recording,
        amountMsat: 1n,
        descriptionHash: 'Strict',
      } as never),
    ).rejects.toThrow(
      new RangeError('options.descriptionHash must be "strict", "warn" or "off", got "Strict"'),
    );
    await expect(requestInvoice(request, { fetch: recording } as never)).rejects.toThrow(
      new TypeError('options.amountMsat must be a bigint of millisatoshis, got undefined'),
    );
    expect(() => payCallbackUrl(request, { amountMsat: 1, comment: 'x' } as never)).toThrow(
      new TypeError('params.amountMsat must be a bigint of millisatoshis, got 1'),
    );
    expect(() => payCallbackUrl(request, { amountMsat: 1n, payerData: 'bob' } as never)).toThrow(
      new TypeError('params.payerData must be an object, got "bob"'),
    );
    const channel = parseChannelRequest({
      tag: 'channelRequest',
      uri: `02${'11'.repeat(32)}@1.2.3.4:9735`,
      callback: 'https://s.com/cb',
      k1: 'x',
    });
    await expect(
      openChannel(channel, { nodeId: `02${'11'.repeat(32)}`, privat: true } as never, {
        fetch: recording,
      }),
    ).rejects.toThrow(/^params has no option "privat"/);
    await expect(openChannel(channel, {} as never, { fetch: recording })).rejects.toThrow(
      new TypeError('params.nodeId must be a string, got undefined'),
    );
    const pr = BOLT11_VALID[0]?.invoice as string;
    await expect(
      verifyPayment('https://s.com/v', pr, { fetch: recording, maxbytes: 9 } as never),
    ).rejects.toThrow(/^options has no option "maxbytes"/);
    await expect(
      requestInvoice(request, { fetch: recording, amountMsat: 1n, network: 'lnbc' } as never),
    ).rejects.toThrow(
      new RangeError(
        'options.network: "lnbc" is not a network; the networks are bitcoin, testnet, signet, regtest',
      ),
    );
    await expect(
      requestInvoice(request, {
        fetch: recording,
        amountMsat: 1n,
        now: Date.now() / 1000,
      } as never),
    ).rejects.toThrow(/^options\.now must be an integer from 0 to/);
    await expect(
      requestInvoice(request, { fetch: recording, amountMsat: 1n, allowPrivateHosts: 1 } as never),
    ).rejects.toThrow(new TypeError('options.allowPrivateHosts must be true or false, got 1'));
    expect(requested).toEqual([]);
  });

  it('checkPayInvoice takes only the decode options that keep an invoice payable', () => {
    const vector = BOLT11_VALID.find((v) => v.amount_msat !== null) as (typeof BOLT11_VALID)[0];
    const pr = vector.invoice;
    const amountMsat = BigInt(vector.amount_msat as string);
    const check = { amountMsat, metadata: '[]', descriptionHash: 'off' } as const;
    expect(checkPayInvoice(pr, check).invoice.amountMsat).toBe(amountMsat);
    expect(() => checkPayInvoice(pr, { ...check, decode: { verify: false } } as never)).toThrow(
      /^check\.decode has no option "verify"; the options are networks, secp256k1$/,
    );
    expect(() => checkPayInvoice(pr, { ...check, descriptionHash: 'strct' } as never)).toThrow(
      RangeError,
    );
    expect(() => checkPayInvoice(pr, { metadata: '[]' } as never)).toThrow(
      new TypeError('check.amountMsat must be a bigint of millisatoshis, got undefined'),
    );
  });
});

describe('aes success actions (LUD-10)', () => {
  it('decrypts what AES-256-CBC encrypted with the preimage, and fails on another preimage', async () => {
    const preimage = new Uint8Array(32).fill(7);
    const iv = new Uint8Array(16).fill(1);
    const key = await webcrypto.subtle.importKey('raw', preimage, 'AES-CBC', false, ['encrypt']);
    const secret = 'PIN 4242 — ünïcode';
    const ciphertext = new Uint8Array(
      await webcrypto.subtle.encrypt(
        { name: 'AES-CBC', iv },
        key,
        new TextEncoder().encode(secret),
      ),
    );
    const action = parseSuccessAction(
      {
        tag: 'aes',
        description: 'code',
        ciphertext: base64.encode(ciphertext),
        iv: base64.encode(iv),
      },
      'https://s.com/cb',
    );
    expect(await decryptSuccessAction(action as never, preimage)).toBe(secret);
    await expect(decryptSuccessAction(action as never, new Uint8Array(32))).rejects.toMatchObject({
      code: 'decryption-failed',
    });
    expect(
      codeOf(() =>
        parseSuccessAction(
          { tag: 'aes', description: 'x', ciphertext: 'AAAA', iv: base64.encode(iv) },
          'https://s.com',
        ),
      ),
    ).toBe('invalid-success-action');
  });
});

describe('README', () => {
  it('lists every error code, in order, each with a meaning and an example', async () => {
    const { readFileSync } = await import('node:fs');
    const { LNURL_ERROR_CODES } = await import('../src/index.js');
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf('## Errors'), readme.indexOf('### Zap findings'));
    const rows = [...table.matchAll(/^\| `([a-z0-9-]+)` *\|(.*)\|(.*)\|$/gm)];
    expect(rows.map((m) => m[1])).toEqual([...LNURL_ERROR_CODES]);
    for (const [, code, meaning, example] of rows) {
      expect(meaning?.trim().length, code).toBeGreaterThan(10);
      expect(example?.trim().length, `${code} has an example`).toBeGreaterThan(2);
    }
  });
});

describe('the invoice of a payment (issue 15)', () => {
  const key = new Uint8Array(32).fill(0x22);
  const METADATA = '[["text/plain","x"]]';
  type Params = Parameters<typeof createInvoice>[0];
  const invoice = (params: Partial<Params> = {}) =>
    signInvoice(
      createInvoice({
        network: 'bitcoin',
        amountMsat: 1000n,
        paymentHash: '00'.repeat(32),
        ...('description' in params ? {} : { descriptionHash: metadataHash(METADATA) }),
        timestamp: 1_700_000_000,
        ...params,
      } as Params),
      key,
    );
  const check = { amountMsat: 1000n, metadata: METADATA };

  it('is on the wallet’s network: bitcoin by default, another (or a custom one) when told', () => {
    expect(checkPayInvoice(invoice(), check).invoice.network).toBe('bitcoin');
    const regtest = invoice({ network: 'regtest' });
    expect(() => checkPayInvoice(regtest, check)).toThrow(
      new LnurlError(
        'network-mismatch',
        `the service's invoice is for "regtest" ("lnbcrt"…); the wallet pays on bitcoin`,
      ),
    );
    expect(checkPayInvoice(regtest, { ...check, network: 'regtest' }).warnings).toEqual([]);
    const simnet = defineNetwork({
      name: 'simnet',
      prefix: 'lnsb',
      bech32: 'sb',
      pubKeyHash: 0x3f,
      scriptHash: 0x7b,
    });
    const onSimnet = invoice({ network: simnet });
    const decoding = { decode: { networks: [simnet] } };
    expect(codeOf(() => checkPayInvoice(onSimnet, { ...check, ...decoding }))).toBe(
      'network-mismatch',
    );
    expect(
      checkPayInvoice(onSimnet, { ...check, ...decoding, network: 'simnet' }).invoice.network,
    ).toBe('simnet');
    expect(() => checkPayInvoice(invoice(), { ...check, network: 'simnet' })).toThrow(
      /^check\.network: "simnet" is not a network; the networks are bitcoin, testnet, signet, regtest$/,
    );
  });

  it('has not expired, given the time: BOLT 11 "after the timestamp plus expiry has passed: SHOULD NOT attempt a payment"', () => {
    const pr = invoice({ expiry: 600 });
    const expiresAt = 1_700_000_600;
    expect(checkPayInvoice(pr, { ...check, now: expiresAt }).invoice.expiresAt).toBe(expiresAt);
    expect(() => checkPayInvoice(pr, { ...check, now: expiresAt + 1 })).toThrow(
      new LnurlError(
        'expired',
        `the service's invoice expired at ${expiresAt}, 1 s before now (${expiresAt + 1}, seconds since 1970)`,
      ),
    );
    expect(checkPayInvoice(pr, check).pr).toBe(pr);
    expect(() => checkPayInvoice(pr, { ...check, now: -1 })).toThrow(RangeError);
  });

  it('warns of a description hash that is not the metadata’s, and still checks amount and signature', () => {
    const plain = invoice({ description: 'x' });
    expect(checkPayInvoice(plain, check).warnings).toEqual([
      {
        code: 'description-hash-mismatch',
        message: `the invoice has no description hash; expected ${metadataHash(METADATA)} (SHA-256 of the metadata)`,
      },
    ]);
    expect(LNURL_WARNING_CODES).toEqual(['description-hash-mismatch', 'invalid-nostr-pubkey']);
    expect(codeOf(() => checkPayInvoice(plain, { ...check, descriptionHash: 'strict' }))).toBe(
      'description-hash-mismatch',
    );
    expect(codeOf(() => checkPayInvoice(plain, { ...check, amountMsat: 999n }))).toBe(
      'amount-mismatch',
    );
    // One word of the payment hash changed after signing (checksum recomputed): the signature
    // no longer matches the payee its `n` names.
    const signed = invoice({ description: 'x', payeeNodeKey: toHex(nodeKeyOf(key)) });
    const { prefix, words } = bech32.decode(signed as `${string}1${string}`, false);
    const forged = bech32.encode(
      prefix,
      words.map((w, i) => (i === 20 ? w ^ 1 : w)),
      false,
    );
    const error = outcomeOf(() => checkPayInvoice(forged, check)) as LnurlError;
    expect([error.code, error.message]).toEqual([
      'invalid-invoice',
      expect.stringMatching(/^the service's invoice is invalid: invalid-signature: /),
    ]);
  });

  it('the invoice handed to a withdraw service is checked with LnurlError codes, as the README says', () => {
    const request = parseWithdrawRequest({
      tag: 'withdrawRequest',
      callback: 'https://s.com/cb',
      k1: 'k',
      defaultDescription: '',
      minWithdrawable: 0,
      maxWithdrawable: 10_000,
    });
    const error = outcomeOf(() => withdrawCallbackUrl(request, 'lnbc1garbage'));
    expect(error).toBeInstanceOf(LnurlError);
    expect(error).toMatchObject({ code: 'invalid-invoice' });
    expect((error as LnurlError).message).toMatch(/^the invoice to withdraw to is invalid: /);
    expect(withdrawCallbackUrl(request, invoice())).toMatch(/^https:\/\/s\.com\/cb\?k1=k&pr=lnbc/);
  });
});

describe('LUD-21 answers, checked against the invoice', () => {
  const preimage = new Uint8Array(32).fill(9);
  const pr = signInvoice(
    createInvoice({
      network: 'bitcoin',
      amountMsat: 1000n,
      paymentHash: sha256(preimage),
      description: 'x',
      timestamp: 1_700_000_000,
    }),
    new Uint8Array(32).fill(0x22),
  );
  const answer = (fields: object) => ({ status: 'OK', settled: true, pr, ...fields });

  it('settled only with the preimage of the invoice’s payment hash', () => {
    expect(checkVerifyResponse(answer({ preimage: toHex(preimage).toUpperCase() }), pr)).toEqual({
      settled: true,
      preimage: toHex(preimage),
      pr,
    });
    expect(checkVerifyResponse(answer({ settled: false, preimage: null }), pr)).toEqual({
      settled: false,
      preimage: null,
      pr,
    });
    for (const [fields, code] of [
      [{ preimage: '11'.repeat(32) }, 'preimage-mismatch'],
      [{ preimage: 'zz' }, 'invalid-response'],
      [{ preimage: null }, 'invalid-response'],
      [{ settled: false, preimage: toHex(preimage) }, 'invalid-response'],
      [{ preimage: toHex(preimage), pr: 'lnbc1other' }, 'invoice-mismatch'],
      [{ status: 'ERROR', reason: 'Not found' }, 'service-error'],
    ] as const) {
      expect(
        codeOf(() => checkVerifyResponse(answer(fields), pr)),
        JSON.stringify(fields),
      ).toBe(code);
    }
  });

  it('a verify URL in the invoice response is an https URL like every other', () => {
    const response = { pr, routes: [] };
    expect(parseInvoiceResponse(response, 'https://s.com/cb').verify).toBeUndefined();
    expect(
      parseInvoiceResponse({ ...response, verify: 'HTTPS://S.com/v/1' }, 'https://s.com/cb').verify,
    ).toBe('https://s.com/v/1');
    for (const verify of ['http://s.com/v', 'https://s.com@evil.example/v', 'v/1', 5]) {
      expect(
        codeOf(() => parseInvoiceResponse({ ...response, verify }, 'https://s.com/cb')),
        String(verify),
      ).toBe(typeof verify === 'number' ? 'invalid-response' : 'invalid-verify-url');
    }
  });
});

describe('LUD-04, -09, -18 limits (issue 15)', () => {
  it('signs only a k1 of 32 bytes, even in a request built by hand', () => {
    const request = parseAuthRequest(`https://s.com/?tag=login&k1=${'00'.repeat(32)}`);
    const key = new Uint8Array(32).fill(1);
    expect(signAuth(request, key).url).toMatch(/&sig=30[0-9a-f]+&key=0[23][0-9a-f]{64}$/);
    for (const k1 of ['0011', '00'.repeat(33), '', 'zz'.repeat(32)]) {
      expect(() => signAuth({ ...request, k1 }, key), k1).toThrow(RangeError);
      expect(() => signAuth({ ...request, k1 }, key)).toThrow(/^request\.k1 must be /);
    }
  });

  it('refuses success-action texts beyond LUD-09’s 144 characters', () => {
    const ok = 'é'.repeat(144);
    expect(parseSuccessAction({ tag: 'message', message: ok }, 'https://s.com')).toEqual({
      tag: 'message',
      message: ok,
    });
    // 900 kB of message was accepted and shown.
    for (const action of [
      { tag: 'message', message: 'x'.repeat(900_000) },
      { tag: 'message', message: `${ok}é` },
      { tag: 'url', description: 'x'.repeat(145), url: 'https://s.com/o' },
      {
        tag: 'aes',
        description: 'x'.repeat(145),
        ciphertext: 'AAAAAAAAAAAAAAAAAAAAAA==',
        iv: 'AAAAAAAAAAAAAAAAAAAAAA==',
      },
    ]) {
      const error = outcomeOf(() => parseSuccessAction(action, 'https://s.com')) as LnurlError;
      expect([error.code, error.message]).toEqual([
        'invalid-success-action',
        expect.stringMatching(/is longer than the 144 characters LUD-09 allows$/),
      ]);
    }
    // Counted in characters, not UTF-16 units: 144 emoji are 288 units.
    const emoji = '\u{1F600}'.repeat(144);
    expect(parseSuccessAction({ tag: 'message', message: emoji }, 'https://s.com')).toBeDefined();
  });

  it('finds mandatory payer data among what was given, never among Object.prototype’s names', () => {
    for (const kind of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const request = JSON.parse(`{"${kind}":{"mandatory":true}}`);
      expect(
        codeOf(() => payerDataJson(request, {})),
        kind,
      ).toBe('missing-payer-data');
      expect(
        codeOf(() => payerDataJson(request, { name: 'bob' })),
        kind,
      ).toBe('missing-payer-data');
      const given = JSON.parse(`{"${kind}":"bob"}`);
      expect(payerDataJson(request, given), kind).toBe(`{"${kind}":"bob"}`);
    }
  });
});
