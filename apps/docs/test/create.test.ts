// The create tool in a browser: the form makes an invoice that the core library decodes to what
// was asked, signed by the tab's test key, and a QR image that reads back as the upper-case
// invoice (alphanumeric mode).
import { decode, nodeKeyOf } from '@lninvoice/core';
import type { Page } from 'playwright-core';
import encodeQR from 'qr';
import decodeQR from 'qr/decode.js';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { QR_OPTIONS } from '../src/playground/create/qr-image';
import { qrPixels as readQrPixels } from './helpers/qr';
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

const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** The pixels of the QR image as the page draws it, read back through a canvas. */
const qrPixels = () => readQrPixels(page, '#created-qr');

const form = (name: string) => page.locator(`#create-form [name="${name}"]`);

test('the tool warns that its key is a throwaway test key', async () => {
  expect(await page.locator('#panel-create').isVisible()).toBe(true);
  expect(await page.locator('.test-key-warning').textContent()).toContain(
    'never use it with funds',
  );
  const privateKey = (await page.locator('#test-key-private').textContent()) ?? '';
  expect(privateKey).toMatch(/^[0-9a-f]{64}$/);
  expect(await page.locator('#test-key-node').textContent()).toBe(hex(nodeKeyOf(privateKey)));
});

test('the form makes an invoice that decode accepts, with the fields asked for', async () => {
  await form('network').selectOption('regtest');
  await form('amount').fill('1500');
  await form('description').fill('playground test: café ☕');
  await form('expiry').fill('600');
  await form('cltv').fill('144');
  await form('fallback').fill('bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080');
  await form('includeNodeKey').check();
  await page.locator('#create-form button[type="submit"]').click();

  const invoice = await page.locator('#created-invoice').inputValue();
  expect(invoice).toMatch(/^lnbcrt15n1/); // 1500 msat, in the shortest form
  const decoded = decode(invoice);
  expect(decoded.network).toBe('regtest');
  expect(decoded.amountMsat).toBe(1500n);
  expect(decoded.description).toBe('playground test: café ☕');
  expect(decoded.expiry).toBe(600);
  expect(decoded.minFinalCltvExpiryDelta).toBe(144);
  expect(decoded.fallbackAddresses.map((f) => f.address)).toEqual([
    'bcrt1qw508d6qejxtdg4y5r3zarvary0c5xw7kygt080',
  ]);
  expect(decoded.payeeSource).toBe('n-field');
  expect(hex(decoded.payeeNodeKey)).toBe(await page.locator('#test-key-node').textContent());
  expect(hex(decoded.paymentHash)).toBe(await page.locator('#created-hash').textContent());
  // The preimage shown is the one whose hash the invoice asks to be paid for.
  const preimage = (await page.locator('#created-preimage').textContent()) ?? '';
  const digest = new Uint8Array(
    await crypto.subtle.digest('SHA-256', Buffer.from(preimage, 'hex')),
  );
  expect(hex(digest)).toBe(hex(decoded.paymentHash));
});

test('its QR image reads back as the upper-case invoice, in alphanumeric mode', async () => {
  const invoice = await page.locator('#created-invoice').inputValue();
  const upper = invoice.toUpperCase();
  expect(decodeQR(await qrPixels())).toBe(upper);
  const version = Number(
    /^(\d+)×/.exec((await page.locator('#created-qr-info').textContent()) ?? '')?.[1],
  );
  expect((version - 17) % 4).toBe(0); // a QR symbol is 17 + 4 × version modules wide
  // Exactly the image of the alphanumeric encoding (a byte-mode code would differ).
  expect(await page.locator('#created-qr').getAttribute('src')).toBe(
    encodeQR(upper, 'data-url', QR_OPTIONS),
  );
  expect(await page.locator('#created-qr').getAttribute('src')).not.toBe(
    encodeQR(upper, 'data-url', { ...QR_OPTIONS, encoding: 'byte' }),
  );
  await site.screenshot(page, 'playground-create');
});

test('with the LIGHTNING: option the QR code carries the URI', async () => {
  await form('qrScheme').check();
  await form('amount').fill('');
  await page.locator('#create-form button[type="submit"]').click();
  const invoice = await page.locator('#created-invoice').inputValue();
  expect(decode(invoice).amountMsat).toBeUndefined();
  expect(decodeQR(await qrPixels())).toBe(`LIGHTNING:${invoice.toUpperCase()}`);
  await form('qrScheme').uncheck();
});

test('"Open it in the decoder" shows the new invoice in the decoder', async () => {
  const invoice = await page.locator('#created-invoice').inputValue();
  await page.locator('#created-open').click();
  expect(await page.locator('#panel-decode').isVisible()).toBe(true);
  expect(await page.locator('#invoice-input').inputValue()).toBe(invoice);
  expect(await page.locator('#decode-error').textContent()).toBe('');
  await page.locator('#tab-create').click();
});

test('a parameter the library refuses is explained, and nothing is signed', async () => {
  await form('fallback').fill(
    'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
  ); // mainnet, not regtest
  await page.locator('#create-form button[type="submit"]').click();
  expect(await page.locator('#create-error .error-box').textContent()).toMatch(/fallback/i);
  expect(await page.locator('#create-result').isHidden()).toBe(true);
  await form('fallback').fill('');
  await form('amount').fill('12 sat');
  await page.locator('#create-form button[type="submit"]').click();
  expect(await page.locator('#create-error .error-box').textContent()).toContain(
    'whole millisatoshis',
  );
  await form('amount').fill('21000');
});
