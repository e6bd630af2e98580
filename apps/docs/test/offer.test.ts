// The offer form in a browser: it makes an offer that decodeOffer reads back to the values asked
// for, naming the tab's demo key unless another issuer id is given, and a QR image that reads
// back (decoded from its pixels) as the upper-case offer, in alphanumeric mode.
import { decodeOffer } from '@lninvoice/bolt12';
import { nodeKeyOf } from '@lninvoice/core';
import type { Page } from 'playwright-core';
import encodeQR from 'qr';
import decodeQR from 'qr/decode.js';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { QR_OPTIONS } from '../src/playground/create/qr-image';
import { qrPixels } from './helpers/qr';
import { type Site, startSite } from './helpers/site';

let site: Site;
let page: Page;
beforeAll(async () => {
  site = await startSite();
  page = await site.open('playground.html#create');
});
afterAll(() => site.close());
afterEach(() => {
  expect(site.takeProblems()).toEqual([]);
});

const hex = (bytes: Uint8Array | undefined) =>
  Array.from(bytes ?? [], (b) => b.toString(16).padStart(2, '0')).join('');

const form = (name: string) => page.locator(`#offer-form [name="${name}"]`);
const create = async () => {
  await page.locator('#offer-form button[type="submit"]').click();
  return page.locator('#created-offer').inputValue();
};

test('the form makes an offer that decodeOffer reads as asked, naming the demo key', async () => {
  await form('chain').selectOption('regtest');
  await form('amount').fill('1500');
  await form('currency').fill('');
  await form('description').fill('playground offer: café ☕');
  await form('issuer').fill('the test shop');
  await form('quantityMax').fill('5');
  await form('absoluteExpiry').fill('2000000000');
  expect(await page.locator('#offer-expiry-readable').textContent()).toBe('2033-05-18T03:33:20Z');
  await form('issuerId').fill('');
  const offer = await create();
  expect(offer).toMatch(/^lno1/);

  const decoded = decodeOffer(offer);
  expect(decoded.chains).toEqual(['regtest']);
  expect(decoded.amountMsat).toBe(1500n);
  expect(decoded.currency).toBeUndefined();
  expect(decoded.description).toBe('playground offer: café ☕');
  expect(decoded.issuer).toBe('the test shop');
  expect(decoded.quantityMax).toBe(5n);
  expect(decoded.absoluteExpiry).toBe(2000000000n);
  // The demo key: the tab's throwaway test key, labelled as such.
  const demo = (await page.locator('#test-key-node').textContent()) ?? '';
  expect(hex(nodeKeyOf((await page.locator('#test-key-private').textContent()) ?? ''))).toBe(demo);
  expect(hex(decoded.issuerId)).toBe(demo);
  expect(await page.locator('#created-offer-issuer').textContent()).toBe(demo);
  expect(await page.locator('#created-offer-issuer-note').textContent()).toContain('demo key');
  expect(await page.locator('.demo-key-note').textContent()).toContain('never use it with funds');
  expect(await page.locator('#created-offer-id').textContent()).toBe(hex(decoded.offerId.sha256));
});

test('its QR image reads back as the upper-case offer, in alphanumeric mode', async () => {
  const offer = await page.locator('#created-offer').inputValue();
  const upper = offer.toUpperCase();
  const read = decodeQR(await qrPixels(page, '#created-offer-qr'));
  expect(read).toBe(upper);
  expect(decodeOffer(read).description).toBe('playground offer: café ☕');
  const modules = Number(
    /^(\d+)×/.exec((await page.locator('#created-offer-qr-info').textContent()) ?? '')?.[1],
  );
  expect((modules - 17) % 4).toBe(0); // a QR symbol is 17 + 4 × version modules wide
  // Exactly the image of the alphanumeric encoding (a byte-mode code would differ).
  const src = await page.locator('#created-offer-qr').getAttribute('src');
  expect(src).toBe(encodeQR(upper, 'data-url', QR_OPTIONS));
  expect(src).not.toBe(encodeQR(upper, 'data-url', { ...QR_OPTIONS, encoding: 'byte' }));
  await site.screenshot(page, 'playground-create-offer', '#offer-result');
});

test('an amount in a currency, a given issuer id, no expiry: read back as asked', async () => {
  const issuerId = hex(nodeKeyOf('41'.repeat(32)));
  await form('chain').selectOption('bitcoin');
  await form('amount').fill('250');
  await form('currency').fill('USD');
  await form('issuer').fill('');
  await form('quantityMax').fill('0');
  await form('absoluteExpiry').fill('');
  await form('issuerId').fill(issuerId);
  const offer = await create();
  const decoded = decodeOffer(offer);
  expect(decoded.chains).toEqual(['bitcoin']);
  expect(decoded.records.some((r) => r.type === 2n)).toBe(false); // bitcoin alone: no offer_chains
  expect([decoded.amount, decoded.currency, decoded.amountMsat]).toEqual([250n, 'USD', undefined]);
  expect(decoded.issuer).toBeUndefined();
  expect(decoded.quantityMax).toBe(0n);
  expect(decoded.absoluteExpiry).toBeUndefined();
  expect(hex(decoded.issuerId)).toBe(issuerId);
  expect(await page.locator('#created-offer-issuer-note').textContent()).toBe('given in the form');
  expect(decodeQR(await qrPixels(page, '#created-offer-qr'))).toBe(offer.toUpperCase());
});

test('with no amount the payer chooses', async () => {
  await form('amount').fill('');
  await form('currency').fill('');
  const decoded = decodeOffer(await create());
  expect([decoded.amount, decoded.amountMsat]).toEqual([undefined, undefined]);
});

test('"Open it in the decoder" shows the new offer in the decoder', async () => {
  const offer = await page.locator('#created-offer').inputValue();
  expect(await page.locator('#created-offer-open').getAttribute('href')).toBe(`#${offer}`);
  await page.locator('#created-offer-open').click();
  expect(await page.locator('#panel-decode').isVisible()).toBe(true);
  expect(await page.locator('#invoice-input').inputValue()).toBe(offer);
  expect(await page.locator('#decode-error').textContent()).toBe('');
  expect(await page.locator('[data-testid="decoded-kind"]').getAttribute('data-kind')).toBe(
    'offer',
  );
  expect(
    await page
      .locator('#decoded-fields tr[data-field="description"] [data-testid="value"]')
      .textContent(),
  ).toBe('playground offer: café ☕');
  await page.locator('#tab-create').click();
});

test('a value the library refuses is explained, and no offer is shown', async () => {
  await form('amount').fill('250');
  await form('currency').fill('usd');
  await create();
  expect(await page.locator('#offer-error .error-box').textContent()).toMatch(/currency/);
  expect(await page.locator('#offer-result').isHidden()).toBe(true);
  await form('currency').fill('');
  await form('issuerId').fill('02abcd');
  await create();
  expect(await page.locator('#offer-error .error-box').textContent()).toMatch(/issuerId/);
  await form('issuerId').fill('');
  await form('quantityMax').fill('five');
  await create();
  expect(await page.locator('#offer-error .error-box').textContent()).toContain(
    'quantity max must be a whole number',
  );
  await form('quantityMax').fill('');
  await create();
  expect(await page.locator('#offer-error').textContent()).toBe('');
  expect(await page.locator('#offer-result').isHidden()).toBe(false);
});
