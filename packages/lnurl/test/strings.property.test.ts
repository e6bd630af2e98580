// Properties of the readers of what a user scans or pastes (issue 9): LNURLs in every form and
// Lightning Addresses, edited, glued from fragments or a megabyte long. A URL a wallet would
// request, or an LnurlError; never another exception, never a hang.
import fc from 'fast-check';
import { expectNoHang } from 'test-support/hang';
import { expectOwnError } from 'test-support/outcome';
import { checkProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import {
  type DecodedLnurl,
  decodeLnurl,
  encodeLnurl,
  type LightningAddress,
  LnurlError,
  parseAuthRequest,
  parseLightningAddress,
  resolve,
} from '../src/index.js';
import { parseServiceUrl } from '../src/url.js';
import { hugeLnurlText, lnurlText } from './helpers/arbitraries.js';
import { expectNoPollution, LNURL, outcomeOf } from './helpers/outcome.js';

/** A decoded LNURL leads to a URL a wallet may request, on the domain it shows. */
const expectRequestable = (decoded: DecodedLnurl): void => {
  const url = parseServiceUrl(decoded.url, 'url');
  expect(url.href).toBe(decoded.url);
  expect(url.host).toBe(decoded.domain);
  // The bech32 form of that URL reads back as the same URL.
  expect(decodeLnurl(encodeLnurl(decoded.url)).url).toBe(decoded.url);
  if (decoded.login) expect(decoded.login.k1).toMatch(/^[0-9a-f]{64}$/);
  if (decoded.withdraw)
    expect(decoded.withdraw.minWithdrawable <= decoded.withdraw.maxWithdrawable).toBe(true);
};

/** An address names its parts, and its URL is LUD-16's, on its own domain. */
const expectAddress = (address: LightningAddress): void => {
  const name = address.tag === undefined ? address.username : `${address.username}+${address.tag}`;
  expect(address.address).toBe(`${name}@${address.domain}`);
  expect(address.username).toMatch(/^[a-z0-9\-_.]+$/);
  expect(parseServiceUrl(address.url, 'url')).toMatchObject({
    host: address.domain,
    path: `/.well-known/lnurlp/${name}`,
  });
};

const READERS = {
  decodeLnurl: (s: string) => decodeLnurl(s),
  'decodeLnurl lenient': (s: string) => decodeLnurl(s, { lenient: true }),
  parseLightningAddress: (s: string) => parseLightningAddress(s),
  'parseLightningAddress lenient': (s: string) => parseLightningAddress(s, { lenient: true }),
  parseAuthRequest: (s: string) => parseAuthRequest(s),
};

describe('LNURL strings and Lightning Addresses', () => {
  it('read as a URL to request, or refused with an LnurlError whose span is in the input', () => {
    checkProperty(
      'lnurl-strings',
      fc.property(lnurlText, (text) => {
        for (const lenient of [false, true]) {
          const decoded = outcomeOf(() => decodeLnurl(text, { lenient }), text);
          if (!(decoded instanceof LnurlError)) expectRequestable(decoded);
          const address = outcomeOf(() => parseLightningAddress(text, { lenient }), text);
          if (!(address instanceof LnurlError)) expectAddress(address);
        }
        outcomeOf(() => parseAuthRequest(text), text);
        expectNoPollution();
      }),
      { seed: 16, numRuns: 1500 },
    );
  });

  it('a megabyte is read without super-linear work', () => {
    checkProperty(
      'huge-lnurl-strings',
      fc.property(hugeLnurlText, (text) => {
        for (const [name, read] of Object.entries(READERS)) {
          // At most 54 ms on an idle machine; a hang guard, not a speed test.
          expectNoHang(
            () => outcomeOf(() => read(text), text),
            60,
            `${name}(${JSON.stringify(text.slice(0, 60))}…)`,
          );
        }
      }),
      { seed: 17, numRuns: 150 },
    );
  });
});

/** Values of every type but the one asked for; `null` and objects without a prototype too. */
const notString = fc.oneof(
  fc.anything().filter((x) => typeof x !== 'string'),
  fc.constantFrom<unknown>(null, Object.create(null), { toString: 1 }, 1n),
);
const notOptions = fc.oneof(
  fc.constantFrom<unknown>(null, 1, 'lenient', true, 1n),
  fc.record({ lenient: fc.anything(), uppercase: fc.anything() }),
);
/** Our messages name the argument; JavaScript's own ("Cannot read properties…") do not. */
const OUR_MESSAGE = /^(an LNURL|a Lightning Address|url|options)\b/;

/** `call` returns, throws an LnurlError, or throws a TypeError or RangeError of ours. */
const expectMisuseHandled = (call: () => unknown): void => {
  try {
    call();
  } catch (error) {
    if (error instanceof LnurlError) return void expectOwnError(error, LNURL);
    expect(error instanceof TypeError || error instanceof RangeError, String(error)).toBe(true);
    expect((error as Error).message).toMatch(OUR_MESSAGE);
  }
};

describe('arguments of the wrong type', () => {
  it('are a TypeError or RangeError that names the argument', async () => {
    const readers = [decodeLnurl, parseLightningAddress, encodeLnurl] as ((
      text: unknown,
      options?: unknown,
    ) => unknown)[];
    const text = fc.constantFrom('https://svc.test/p', 'alice@svc.test', 'lnurlp://svc.test/p');
    checkProperty(
      'argument-types',
      fc.property(notString, notOptions, text, (wrong, options, right) => {
        for (const read of readers) {
          expect(() => read(wrong)).toThrow(TypeError);
          expectMisuseHandled(() => read(wrong));
          expectMisuseHandled(() => read(right, options));
        }
      }),
      { seed: 18, numRuns: 300 },
    );
    await expect(resolve(42 as never)).rejects.toThrow(/^input must be a string/);
  });
});
