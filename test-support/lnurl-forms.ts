// The LNURL forms a wallet meets, and what each reads as in strict and in lenient mode: one table
// for @lninvoice/uri (parseInput) and @lninvoice/lnurl (decodeLnurl), which read them with the
// one reader of @lninvoice/core/service-url, so that a string reads the same in both packages.
import { bech32 } from '@scure/base';

/** The bech32 LNURL of `url` (built with @scure/base, independent of the reader under test). */
export const lnurlOf = (url: string): string =>
  bech32.encode('lnurl', bech32.toWords(new TextEncoder().encode(url)), 2000);

/** What a form reads as: the URL to request, or the code of the refusal. */
export type FormOutcome = { readonly url: string } | { readonly code: string };

export interface LnurlForm {
  readonly text: string;
  readonly strict: FormOutcome;
  readonly lenient: FormOutcome;
  /** Why it reads so. */
  readonly why: string;
}

const API = 'https://service.com/api?q=1';
const LNURL = lnurlOf(API);
const both = (outcome: FormOutcome) => ({ strict: outcome, lenient: outcome });
const lenientOnly = (url: string) => ({
  strict: { code: 'non-standard-form' },
  lenient: { url },
});

export const LNURL_FORMS: readonly LnurlForm[] = [
  { text: LNURL, ...both({ url: API }), why: 'LUD-01 bech32' },
  { text: LNURL.toUpperCase(), ...both({ url: API }), why: 'LUD-01: uppercase for QR codes' },
  { text: `lightning:${LNURL}`, ...both({ url: API }), why: 'LUD-06: lightning: prefix' },
  { text: `LIGHTNING:${LNURL.toUpperCase()}`, ...both({ url: API }), why: 'schemes in any case' },
  { text: `lightning://${LNURL}`, ...lenientOnly(API), why: 'BOLT 11: "not lightning://"' },
  {
    text: 'lnurlw://domain.com/path',
    ...both({ url: 'https://domain.com/path' }),
    why: 'LUD-17 example',
  },
  {
    text: 'LNURLP://Domain.COM/Path?A=1',
    ...both({ url: 'https://domain.com/Path?A=1' }),
    why: 'RFC 3986: scheme and host in any case; path and query as written',
  },
  {
    text: 'lnurlp://examplennnnnnnn.onion/path',
    ...both({ url: 'http://examplennnnnnnn.onion/path' }),
    why: 'LUD-17 example: http for onion',
  },
  {
    text: 'lnurlp:domain.com/path',
    ...lenientOnly('https://domain.com/path'),
    why: 'LUD-17 without "//" (Breez)',
  },
  {
    text: 'lightning:lnurlp://domain.com/path',
    ...lenientOnly('https://domain.com/path'),
    why: 'LUD-17 inside lightning: (LNbits)',
  },
  {
    text: `https://service.com/giftcard/redeem?id=123&lightning=${LNURL}`,
    ...both({ url: API }),
    why: 'LUD-01 fallback URL',
  },
  {
    text: `https://service.com/redeem?lightning=${LNURL}&extra=1`,
    ...lenientOnly(API),
    why: 'LUD-01 fallback with parameters after the LNURL',
  },
  {
    text: 'lnurlp://service.com@evil.example/pay',
    ...both({ code: 'invalid-url' }),
    why: 'user information: one domain shown, another contacted',
  },
  {
    text: lnurlOf('https://service.com@evil.example/pay'),
    ...both({ code: 'invalid-url' }),
    why: 'user information, bech32',
  },
  { text: 'lnurlp://service.com:99999/pay', ...both({ code: 'invalid-url' }), why: 'port' },
  { text: lnurlOf('https://service.com:0/'), ...both({ code: 'invalid-url' }), why: 'port 0' },
  {
    text: lnurlOf('https://service.com:65535/'),
    ...both({ url: 'https://service.com:65535/' }),
    why: 'the highest port',
  },
  {
    text: lnurlOf('https://abc.onion/p'),
    ...both({ code: 'invalid-scheme' }),
    why: 'LUD-01: onion links are http://',
  },
  {
    text: lnurlOf('http://abc.onion/p'),
    ...both({ url: 'http://abc.onion/p' }),
    why: 'LUD-01: http:// onion link',
  },
  {
    text: lnurlOf('http://service.com/p'),
    ...both({ code: 'insecure-scheme' }),
    why: 'LUD-01: clearnet links are https://',
  },
  {
    text: lnurlOf('https://dnssec_proof_tests.bitcoin.ninja/p'),
    ...both({ url: 'https://dnssec_proof_tests.bitcoin.ninja/p' }),
    why: 'DNS labels may hold "_"',
  },
  {
    text: lnurlOf('https://1.2.3.999/p'),
    ...both({ code: 'invalid-url' }),
    why: 'a last label that is a number is an IPv4 address or no host',
  },
];
