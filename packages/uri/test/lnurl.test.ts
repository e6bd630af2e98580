// LNURLs, LUD-17 URLs, LUD-01 fallback URLs and names, read as @lninvoice/lnurl reads them (core's
// @lninvoice/core/service-url): the forms of test-support/lnurl-forms.ts, which lnurl's tests read
// too, and what parseInput says of each.
import { LNURL_FORMS, lnurlOf } from 'test-support/lnurl-forms';
import { describe, expect, it } from 'vitest';
import { type Input, parseInput, parseUri, UriError } from '../src/index.js';
import { blamed, errorOf } from './helpers/index.js';

const API = 'https://service.com/api?q=1';
const LNURL = lnurlOf(API);

/** The URL `text` leads to, or the code refusing it. */
const outcome = (text: string, lenient: boolean) => {
  try {
    return { url: (parseInput(text, { lenient }) as { url: string }).url };
  } catch (error) {
    expect(error).toBeInstanceOf(UriError);
    return { code: (error as UriError).code };
  }
};

describe('the LNURL forms @lninvoice/lnurl reads', () => {
  it.each(LNURL_FORMS.map((f) => [f.why, f] as const))('%s', (_, form) => {
    expect(outcome(form.text, false)).toEqual(form.strict);
    expect(outcome(form.text, true)).toEqual(form.lenient);
  });
});

describe('LUD-01 fallback URLs', () => {
  it('are LNURLs in every mode: the web URL is never requested, the LNURL in it is', () => {
    const text = `https://service.com/giftcard/redeem?id=123&lightning=${LNURL}`;
    for (const lenient of [false, true])
      expect(parseInput(` ${text}\n`, { lenient })).toEqual({
        kind: 'lnurl',
        value: text,
        form: 'fallback',
        url: API,
      });
    // In a lightning: URI, as any LNURL.
    expect(parseUri(`lightning:${text}`)).toMatchObject({ scheme: 'lightning', form: 'fallback' });
  });

  it('blame the LNURL in them, or what follows it', () => {
    const bad = `https://s.com/?lightning=${LNURL.slice(0, -1)}q`;
    const error = errorOf(() => parseInput(bad));
    expect([error.code, blamed(bad, error)]).toEqual([
      'invalid-checksum',
      `${LNURL.slice(-6, -1)}q`,
    ]);
    const trailing = `https://s.com/?lightning=${LNURL}&x=1#y`;
    const after = errorOf(() => parseInput(trailing));
    expect([after.code, blamed(trailing, after)]).toEqual(['non-standard-form', '&x=1#y']);
    expect(errorOf(() => parseInput('https://s.com/?lightning=&x=1')).code).toBe(
      'missing-lightning-param',
    );
    // A web URL without one is no LNURL.
    expect(errorOf(() => parseInput('https://service.com/pay?lightningx=1')).code).toBe(
      'unknown-input',
    );
  });
});

describe('LUD-17 URLs', () => {
  it('refuse user information and ports out of range, where they stand', () => {
    const text = 'lnurlp://service.com@evil.example/pay';
    const error = errorOf(() => parseInput(text, { lenient: true }));
    expect([error.code, blamed(text, error)]).toEqual(['invalid-url', 'service.com@']);
    expect(error.message).toContain('user information');
    const port = 'LIGHTNING:lnurlw://s.com:65536/w';
    const refused = errorOf(() => parseUri(port, { lenient: true }));
    expect([refused.code, blamed(port, refused)]).toEqual(['invalid-url', '65536']);
  });
});

describe('names (LUD-16, BIP 353)', () => {
  const name = (text: string, lenient = false) => parseInput(text, { lenient }) as Input;

  it('take DNS labels with "_": BIP 353’s own examples', () => {
    expect(name('₿simple@dnssec_proof_tests.bitcoin.ninja')).toEqual({
      kind: 'bip353',
      value: '₿simple@dnssec_proof_tests.bitcoin.ninja',
      user: 'simple',
      domain: 'dnssec_proof_tests.bitcoin.ninja',
      dnsName: 'simple.user._bitcoin-payment.dnssec_proof_tests.bitcoin.ninja',
    });
    expect(name('override.x_domain_cname_wild@dnssec_proof_tests.bitcoin.ninja')).toMatchObject({
      kind: 'lightning-address',
      url: 'https://dnssec_proof_tests.bitcoin.ninja/.well-known/lnurlp/override.x_domain_cname_wild',
    });
    // What is no host name stays refused.
    for (const bad of ['a@-x.com', 'a@x-.com', 'a@x..com', 'a@1.2.3.4', 'a@x.com:443', 'a@x'])
      expect(errorOf(() => name(bad)).code, bad).toBe('invalid-name');
  });

  it('read @domain and _@domain as the domain’s own address (luds PR #296)', () => {
    for (const text of ['@bitcoin.org', '_@Bitcoin.org'])
      expect(name(text)).toMatchObject({
        kind: 'lightning-address',
        user: '_',
        domain: 'bitcoin.org',
        url: 'https://bitcoin.org/.well-known/lnurlp/_',
        dnsName: '_.user._bitcoin-payment.bitcoin.org',
      });
    // A ₿ name has a user: "₿@domain" is neither form.
    expect(errorOf(() => name('₿@bitcoin.org')).code).toBe('invalid-name');
  });

  it('read an upper case user as a Lightning Address only when lenient, as lnurl does', () => {
    expect(name('Satoshi@bitcoin.org').kind).toBe('bip353');
    expect(name('Satoshi@bitcoin.org', true)).toMatchObject({
      kind: 'lightning-address',
      user: 'satoshi',
      url: 'https://bitcoin.org/.well-known/lnurlp/satoshi',
    });
  });
});
