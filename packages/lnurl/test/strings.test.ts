// LNURL strings and Lightning Addresses, read with core's @lninvoice/core/service-url as
// @lninvoice/uri reads them: the forms of test-support/lnurl-forms.ts (uri's tests read them too),
// hosts, ports, user information, onion hosts, LUD-16 as amended, and what is no LNURL.
import { LNURL_FORMS, lnurlOf } from 'test-support/lnurl-forms';
import { describe, expect, it } from 'vitest';
import { decodeLnurl, type LnurlError, parseLightningAddress } from '../src/index.js';
import { outcomeOf } from './helpers/outcome.js';

const API = 'https://service.com/api?q=1';

/** The URL `text` decodes to, or the code refusing it (a well-formed LnurlError). */
const decoded = (text: string, lenient: boolean) => {
  const result = outcomeOf(() => decodeLnurl(text, { lenient }), text);
  return 'url' in result ? { url: result.url } : { code: (result as LnurlError).code };
};
const address = (text: string, lenient = false) =>
  outcomeOf(() => parseLightningAddress(text, { lenient }));
const codeOf = (result: unknown) => (result as LnurlError).code;

describe('the LNURL forms @lninvoice/uri reads', () => {
  it.each(LNURL_FORMS.map((f) => [f.why, f] as const))('%s', (_, form) => {
    expect(decoded(form.text, false)).toEqual(form.strict);
    expect(decoded(form.text, true)).toEqual(form.lenient);
  });
});

describe('decodeLnurl', () => {
  it('refuses ports outside 1–65535, blaming the port of a LUD-17 URL', () => {
    for (const port of ['0', '65536', '99999'])
      expect(decoded(lnurlOf(`https://service.com:${port}/p`), false)).toEqual({
        code: 'invalid-url',
      });
    const text = 'lnurlp://service.com:99999/p';
    expect(outcomeOf(() => decodeLnurl(text), text)).toMatchObject({
      code: 'invalid-url',
      span: [21, 26],
      message: expect.stringContaining('not one from 1 to 65535'),
    });
  });

  it('refuses user information, wherever the URL comes from', () => {
    const text = ' lnurlp://service.com@evil.example/pay';
    expect(outcomeOf(() => decodeLnurl(text, { lenient: true }), text)).toMatchObject({
      code: 'invalid-url',
      span: [10, 22],
    });
    const fallback = `https://s.com/?lightning=${lnurlOf('https://a@evil.example/')}`;
    expect(decoded(fallback, false)).toEqual({ code: 'invalid-url' });
  });

  it('pairs https with clearnet and http with onion hosts only (LUD-01)', () => {
    expect(decodeLnurl('lnurlp://abc.onion/p')).toMatchObject({
      url: 'http://abc.onion/p',
      domain: 'abc.onion',
    });
    const onion = lnurlOf('https://abc.onion/p');
    expect(outcomeOf(() => decodeLnurl(onion), onion)).toMatchObject({
      code: 'invalid-scheme',
      message: expect.stringContaining('onion services over http://'),
    });
  });

  it('reads a fallback URL with lightning= in any case, and lightning:// only when lenient', () => {
    const lnurl = lnurlOf(API).toUpperCase();
    expect(decodeLnurl(`HTTPS://S.COM/?LIGHTNING=${lnurl}`)).toMatchObject({
      url: API,
      form: 'fallback',
    });
    expect(decoded(`lightning://${lnurl}`, false)).toEqual({ code: 'non-standard-form' });
    expect(decodeLnurl(`LIGHTNING://${lnurl}`, { lenient: true })).toMatchObject({
      url: API,
      form: 'bech32',
    });
  });

  it('says a Lightning Address or a BIP 353 name is one, and where to read it', () => {
    for (const text of [
      'Satoshi@bitcoin.org',
      'satoshi@bitcoin.org',
      '₿satoshi@bitcoin.org',
      '@bitcoin.org',
      'lightning:satoshi@bitcoin.org',
    ]) {
      const error = outcomeOf(() => decodeLnurl(text), text) as LnurlError;
      expect(error.code, text).toBe('unsupported-input');
      expect(error.message).toContain('Lightning Address');
      expect(error.message).toContain('parseLightningAddress');
    }
  });
});

describe('parseLightningAddress', () => {
  it('takes domains whose DNS labels hold "_" (BIP 353’s own examples)', () => {
    expect(address('simple@dnssec_proof_tests.bitcoin.ninja')).toEqual({
      address: 'simple@dnssec_proof_tests.bitcoin.ninja',
      username: 'simple',
      tag: undefined,
      domain: 'dnssec_proof_tests.bitcoin.ninja',
      url: 'https://dnssec_proof_tests.bitcoin.ninja/.well-known/lnurlp/simple',
    });
    // What is no host name stays refused.
    for (const bad of ['a@-x.com', 'a@x-.com', 'a@x..com', 'a@1.2.3.4', 'a@x.com:443', 'a@x'])
      expect(codeOf(address(bad)), bad).toBe('invalid-domain');
  });

  it('reads @domain and _@domain as the domain’s own address (luds PR #296)', () => {
    for (const text of ['@bitcoin.org', '_@Bitcoin.org', ' ₿_@bitcoin.org '])
      expect(address(text), text).toEqual({
        address: '_@bitcoin.org',
        username: '_',
        tag: undefined,
        domain: 'bitcoin.org',
        url: 'https://bitcoin.org/.well-known/lnurlp/_',
      });
  });

  it('takes the ₿ of a BIP 353 name before an address, not without a user', () => {
    expect(address('₿satoshi+tip@bitcoin.org')).toMatchObject({
      address: 'satoshi+tip@bitcoin.org',
      tag: 'tip',
      url: 'https://bitcoin.org/.well-known/lnurlp/satoshi+tip',
    });
    expect(codeOf(address('₿@bitcoin.org'))).toBe('invalid-username');
    expect(codeOf(address('₿₿satoshi@bitcoin.org'))).toBe('invalid-username');
  });

  it('reads what uri’s lenient reads: upper case users, a lightning: before the address', () => {
    expect(codeOf(address('Satoshi@bitcoin.org'))).toBe('invalid-username');
    expect(codeOf(address('lightning:satoshi@bitcoin.org'))).toBe('invalid-username');
    for (const text of ['Satoshi@bitcoin.org', 'LIGHTNING:Satoshi@bitcoin.org'])
      expect(address(text, true)).toMatchObject({
        address: 'satoshi@bitcoin.org',
        url: 'https://bitcoin.org/.well-known/lnurlp/satoshi',
      });
  });
});
