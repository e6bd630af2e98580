// LNURL service URLs, the one reader @lninvoice/uri and @lninvoice/lnurl share: hosts, ports, user
// information, the https / onion http pairing of LUD-01, LUD-17 and LUD-16, and LNURL strings.
import { describe, expect, it } from 'vitest';
import { bytesToWords, encodeBech32 } from '../src/bech32.js';
import { LninvoiceError } from '../src/errors.js';
import {
  hostForm,
  isDomainName,
  isOnionHost,
  lightningAddressUrl,
  lud17SchemeOf,
  readBech32Lnurl,
  readFallbackUrl,
  readLud16Name,
  readLud17Url,
  readServiceUrl,
} from '../src/service-url.js';
import { encodeUtf8 } from '../src/text.js';

const error = (code: string, message: string, span?: readonly [number, number]) =>
  new LninvoiceError(code, message, { span });

/** What `read` gives, or the code and span of its error. */
const outcome = <T>(read: () => T): T | { code: string; span: unknown } => {
  try {
    return read();
  } catch (e) {
    if (!(e instanceof LninvoiceError)) throw e;
    return { code: e.code, span: e.span };
  }
};

const url = (text: string, offset?: number) =>
  outcome(() =>
    readServiceUrl(text, { what: 'u', error, ...(offset === undefined ? {} : { offset }) }),
  );
const lud17 = (text: string, lenient = false) =>
  outcome(() => readLud17Url(text, { lenient, offset: 0, error }));
const lnurlOf = (href: string) =>
  encodeBech32('lnurl', bytesToWords(encodeUtf8(href) as Uint8Array));

describe('hosts', () => {
  it('takes DNS labels with "_" (BIP 353 names, DNS service labels), refuses what is no host', () => {
    expect(hostForm('dnssec_proof_tests.bitcoin.ninja')).toBe('name');
    expect(hostForm('_bitcoin-payment.example.com')).toBe('name');
    expect(hostForm('localhost')).toBe('name');
    expect(hostForm('1.2.3.4')).toBe('ipv4');
    expect(hostForm('::1')).toBe('ipv6');
    for (const bad of ['', 'a..b', '-a.com', 'a-.com', 'a b.com', 'a%41.com', 'exa$mple.com'])
      expect(hostForm(bad), bad).toBeUndefined();
    // A last label that is a number makes an IPv4 address of a WHATWG URL, or no URL at all.
    expect(hostForm('1.2.3.999')).toBeUndefined();
    expect(hostForm('example.0x1f')).toBeUndefined();
    expect(hostForm(`${'a'.repeat(63)}.com`)).toBe('name');
    expect(hostForm(`${'a'.repeat(64)}.com`)).toBeUndefined();
    expect(hostForm(`${'a.'.repeat(126)}a`)).toBe('name');
    expect(hostForm(`${'a.'.repeat(126)}ab`)).toBeUndefined();
  });

  it('names a domain of at least two labels, in any case, never an IP address', () => {
    expect(isDomainName('Bitcoin.ORG')).toBe(true);
    expect(isDomainName('dnssec_proof_tests.bitcoin.ninja')).toBe(true);
    expect(isDomainName('localhost')).toBe(false);
    expect(isDomainName('1.2.3.4')).toBe(false);
    expect(isDomainName('bitcoin.org:443')).toBe(false);
    expect(isDomainName('bitcoin.org.')).toBe(false);
    expect(isOnionHost('Abc.ONION')).toBe(true);
    expect(isOnionHost('onion.com')).toBe(false);
  });
});

describe('service URLs', () => {
  it('pairs https with clearnet hosts and http with onion hosts only (LUD-01)', () => {
    expect(url('HTTPS://Service.COM:8443/P?a=1#f')).toMatchObject({
      href: 'https://service.com:8443/P?a=1#f',
      scheme: 'https',
      host: 'service.com',
      port: '8443',
      path: '/P',
      query: 'a=1',
    });
    expect(url('http://abc.onion/x')).toMatchObject({ href: 'http://abc.onion/x', scheme: 'http' });
    expect(url('http://service.com/x')).toMatchObject({ code: 'insecure-scheme' });
    expect(url('https://abc.onion/x')).toMatchObject({ code: 'invalid-scheme' });
    expect(url('ftp://service.com/x')).toMatchObject({ code: 'invalid-scheme', span: undefined });
    expect(url('https://[::1]:8080/x')).toMatchObject({ host: '[::1]', port: '8080' });
    expect(url('https://::1/x')).toMatchObject({ code: 'invalid-url' });
  });

  it('refuses user information, wherever the "@" is in the authority', () => {
    expect(url('https://service.com@evil.example/pay', 10)).toEqual({
      code: 'invalid-url',
      span: [18, 30],
    });
    expect(url('https://a:b@evil.example/')).toMatchObject({ code: 'invalid-url' });
    // After the authority, an "@" is path or query.
    expect(url('https://service.com/a@b?c=d@e')).toMatchObject({ host: 'service.com' });
  });

  it('takes ports from 1 to 65535 only', () => {
    expect(url('https://s.com:1/')).toMatchObject({ port: '1' });
    expect(url('https://s.com:65535/')).toMatchObject({ port: '65535' });
    for (const port of ['0', '65536', '99999', '123456', '', '8a', '-1'])
      expect(url(`https://s.com:${port}/`, 0), port).toEqual({
        code: 'invalid-url',
        span: [14, 14 + port.length],
      });
  });

  it('refuses spaces, control characters, half surrogate pairs, relative URLs', () => {
    expect(url('https://s.com/a b', 0)).toEqual({ code: 'invalid-url', span: [15, 16] });
    expect(url('https://s.com/\u0000')).toMatchObject({ code: 'invalid-url' });
    expect(url('https://s.com/\ud800')).toMatchObject({ code: 'invalid-url' });
    expect(url('https:/s.com')).toMatchObject({ code: 'invalid-url' });
    expect(url('//s.com/x')).toMatchObject({ code: 'invalid-url' });
    expect(url('https:///x')).toMatchObject({ code: 'invalid-url' });
  });
});

describe('LUD-17 URLs', () => {
  it('map to https, or http for an onion host, keeping path and query as written', () => {
    expect(lud17('lnurlw://domain.com/path')).toMatchObject({
      scheme: 'lnurlw',
      url: { href: 'https://domain.com/path' },
    });
    expect(lud17('LNURLP://Examplennnnnnnn.ONION/Path?A=1')).toMatchObject({
      scheme: 'lnurlp',
      url: { href: 'http://examplennnnnnnn.onion/Path?A=1', scheme: 'http' },
    });
    expect(lud17('keyauth://s.io:8443/')).toMatchObject({ url: { href: 'https://s.io:8443/' } });
    expect(lud17SchemeOf('LnUrLc://x')).toBe('lnurlc');
    expect(lud17SchemeOf('lnurlx://x')).toBeUndefined();
  });

  it('refuses user information and ports out of range, where they stand', () => {
    expect(lud17('lnurlp://service.com@evil.example/pay')).toEqual({
      code: 'invalid-url',
      span: [9, 21],
    });
    expect(lud17('lnurlp://s.com:99999/')).toEqual({ code: 'invalid-url', span: [15, 20] });
    expect(lud17('lnurlp:///x')).toMatchObject({ code: 'invalid-url' });
  });

  it('reads lnurlp:host/path without "//" only when lenient', () => {
    expect(lud17('lnurlp:domain.com/path')).toEqual({ code: 'non-standard-form', span: [0, 7] });
    expect(lud17('lnurlp:domain.com/path', true)).toMatchObject({
      url: { href: 'https://domain.com/path' },
    });
    expect(lud17('lnurlp:user@evil.example/x', true)).toMatchObject({ code: 'invalid-url' });
  });
});

describe('LNURL strings', () => {
  it('decode bech32 to the service URL, spans on the LNURL', () => {
    const text = lnurlOf('https://service.com/api?q=1');
    expect(outcome(() => readBech32Lnurl(text, { error }))).toMatchObject({
      href: 'https://service.com/api?q=1',
    });
    const onion = lnurlOf('https://abc.onion/api');
    expect(outcome(() => readBech32Lnurl(onion, { offset: 3, error }))).toEqual({
      code: 'invalid-scheme',
      span: [3, 3 + onion.length],
    });
    const port = lnurlOf('https://s.com:99999/');
    expect(outcome(() => readBech32Lnurl(port, { error }))).toMatchObject({ code: 'invalid-url' });
    const prefixed = encodeBech32(
      'lnurlp',
      bytesToWords(encodeUtf8('https://s.com/') as Uint8Array),
    );
    expect(outcome(() => readBech32Lnurl(prefixed, { error }))).toEqual({
      code: 'unknown-prefix',
      span: [0, 6],
    });
  });

  it('find the LNURL of a LUD-01 fallback URL, last unless lenient', () => {
    const lnurl = lnurlOf('https://service.com/api');
    const fallback = (text: string, lenient = false) =>
      outcome(() => readFallbackUrl(text, { lenient, error }));
    const text = `https://s.com/redeem?id=1&lightning=${lnurl}`;
    expect(fallback(text)).toMatchObject({ href: 'https://service.com/api' });
    expect(fallback(`http://s.com/?LIGHTNING=${lnurl.toUpperCase()}`)).toMatchObject({
      href: 'https://service.com/api',
    });
    expect(fallback(`${text}&x=1`)).toEqual({
      code: 'non-standard-form',
      span: [text.length, text.length + 4],
    });
    expect(fallback(`${text}#f`, true)).toMatchObject({ href: 'https://service.com/api' });
    expect(fallback('https://s.com/?x=1')).toMatchObject({ code: 'missing-lightning-param' });
    expect(fallback('https://s.com/?lightning=&x=1')).toMatchObject({
      code: 'missing-lightning-param',
    });
    const bad = `https://s.com/?lightning=${lnurl.slice(0, -1)}q`;
    expect(fallback(bad)).toMatchObject({ code: 'invalid-checksum' });
  });
});

describe('Lightning Addresses (LUD-16)', () => {
  it('read a-z0-9-_. names, +tags, and @domain as the domain’s own address _', () => {
    expect(readLud16Name('satoshi', false)).toEqual({
      username: 'satoshi',
      tag: undefined,
      name: 'satoshi',
    });
    expect(readLud16Name('a.b-c_d0+tip', false)).toEqual({
      username: 'a.b-c_d0',
      tag: 'tip',
      name: 'a.b-c_d0+tip',
    });
    // luds PR #296: "@domain" and "_@domain" are requested as `_`.
    expect(readLud16Name('', false)).toEqual({ username: '_', tag: undefined, name: '_' });
    expect(readLud16Name('_', false)?.name).toBe('_');
    expect(readLud16Name('Satoshi', false)).toBeUndefined();
    expect(readLud16Name('Satoshi', true)?.name).toBe('satoshi');
    for (const bad of ['sat!oshi', 'a+b+c', 'a+', '+a', 'a b', 'é'])
      expect(readLud16Name(bad, true), bad).toBeUndefined();
  });

  it('request https://<domain>/.well-known/lnurlp/<name>, http for an onion domain', () => {
    expect(lightningAddressUrl('_', 'bitcoin.org')).toBe(
      'https://bitcoin.org/.well-known/lnurlp/_',
    );
    expect(lightningAddressUrl('satoshi', 'examplennnnnnnn.onion')).toBe(
      'http://examplennnnnnnn.onion/.well-known/lnurlp/satoshi',
    );
  });
});
