// The LNURL tools in a browser: for every decode, encode and Lightning Address vector of the
// lnurl package, the page shows what the library returns (the URL), or its error code with the
// part at fault underlined.
import { decodeLnurl, LnurlError, parseLightningAddress } from '@lninvoice/lnurl';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type Site, startSite } from './helpers/site';
import { lnurlCases } from './helpers/vectors';

let site: Site;
let page: Page;
beforeAll(async () => {
  site = await startSite();
  page = await site.open('playground.html#lnurl');
});
afterAll(() => site.close());
afterEach(() => {
  expect(site.takeProblems()).toEqual([]);
});

/** What the library says about `input`: its URL, or its error. */
const outcome = (call: () => { url: string }): { url: string } | LnurlError => {
  try {
    return call();
  } catch (error) {
    if (error instanceof LnurlError) return error;
    throw error;
  }
};

const expectShown = async (tool: string, input: string, expected: { url: string } | LnurlError) => {
  const output = page.locator(`#${tool} [data-output]`);
  if (expected instanceof LnurlError) {
    expect(await output.locator('[data-testid="error-code"]').textContent()).toBe(expected.code);
    const marked = (await output.locator('[data-testid="echo"] mark.bad').allTextContents()).join(
      '',
    );
    expect(marked).toBe(expected.span === undefined ? '' : input.slice(...expected.span));
  } else {
    const url = page.locator(`#${tool} [data-output] > table > tbody > tr[data-key="url"] > td`);
    expect(await url.textContent()).toBe(expected.url);
  }
};

test('the vectors are there', () => {
  expect(lnurlCases.filter((c) => c.op === 'decode').length).toBeGreaterThan(30);
  expect(lnurlCases.filter((c) => c.op === 'lightning-address').length).toBeGreaterThan(10);
  expect(lnurlCases.filter((c) => c.op === 'encode').length).toBeGreaterThan(1);
});

describe.each(lnurlCases.filter((c) => c.op === 'decode'))('decode $id', (vector) => {
  test(vector.error === undefined ? 'shows the URL' : `shows ${vector.error}`, async () => {
    await page.locator('#lnurl-decode-input').fill(vector.input);
    const expected = outcome(() => decodeLnurl(vector.input));
    if (vector.error !== undefined) expect(expected).toMatchObject({ code: vector.error });
    if (!(expected instanceof LnurlError) && typeof vector.expect?.url === 'string')
      expect(expected.url).toBe(vector.expect.url);
    await expectShown('lnurl-decode', vector.input, expected);
  });
});

describe.each(lnurlCases.filter((c) => c.op === 'lightning-address'))(
  'Lightning Address $id',
  (vector) => {
    test(vector.error === undefined ? 'shows the URL' : `shows ${vector.error}`, async () => {
      await page.locator('#lnurl-address-input').fill(vector.input);
      const expected = outcome(() => parseLightningAddress(vector.input.trim()));
      if (vector.error !== undefined) expect(expected).toMatchObject({ code: vector.error });
      await expectShown('lnurl-address', vector.input, expected);
    });
  },
);

describe.each(lnurlCases.filter((c) => c.op === 'encode'))('encode $id', (vector) => {
  test('shows the LNURL, in lower and in upper case', async () => {
    const lnurl = page.locator(
      '#lnurl-encode [data-output] > table > tbody > tr[data-key="lnurl"] > td',
    );
    await page.locator('#lnurl-encode-input').fill(vector.input);
    expect(await lnurl.textContent()).toBe(vector.expect?.lnurl);
    await page.locator('#lnurl-encode [name="uppercase"]').check();
    expect(await lnurl.textContent()).toBe(String(vector.expect?.lnurl).toUpperCase());
    await page.locator('#lnurl-encode [name="uppercase"]').uncheck();
  });
});

test('lenient decoding accepts the forms no LUD defines', async () => {
  const input = lnurlCases.find((c) => c.id === 'lud17-nested-lightning')?.input ?? '';
  await page.locator('#lnurl-decode-input').fill(input);
  expect(await page.locator('#lnurl-decode [data-testid="error-code"]').textContent()).toBe(
    'non-standard-form',
  );
  await page.locator('#lnurl-decode [name="lenient"]').check();
  expect(
    await page
      .locator('#lnurl-decode [data-output] > table > tbody > tr[data-key="url"] > td')
      .textContent(),
  ).toBe('https://demo.lnbits.com/bitcoinswitch/api/v1/lnurl/b4dEpKaanBbk7DmEoia32D?pin=13');
  await page.locator('#lnurl-decode [name="lenient"]').uncheck();
});

test('screenshot of the LNURL tools', async () => {
  await page
    .locator('#lnurl-decode-input')
    .fill(lnurlCases.find((c) => c.id === 'lud01-example-upper')?.input ?? '');
  await page.locator('#lnurl-encode-input').fill('http://service.com/api');
  await page.locator('#lnurl-address-input').fill('satoshi+tip@bitcoin.org');
  expect(await page.locator('#lnurl-encode [data-testid="error-code"]').textContent()).toBe(
    'insecure-scheme',
  );
  await site.screenshot(page, 'playground-lnurl');
});
