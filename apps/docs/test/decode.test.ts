// The decoder in a browser: every BOLT 11 spec example shows what the core library reads from it
// (payment hash, amount, payee; for an invalid one its error code and the span at fault
// underlined), a link carries the invoice in its fragment only, sections explain themselves on
// hover, and the checklist follows the policy.
import { Bolt11Error, decode } from '@lninvoice/core';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { type Site, startSite } from './helpers/site';
import { invalidVectors, validVectors } from './helpers/vectors';

let site: Site;
let page: Page;
beforeAll(async () => {
  site = await startSite();
  page = await site.open('playground.html');
});
afterAll(() => site.close());
afterEach(() => {
  expect(site.takeProblems()).toEqual([]);
});

const paste = async (text: string) => {
  await page.locator('#invoice-input').fill(text);
};
const cell = (field: string) => page.locator(`#decoded-fields tr[data-field="${field}"] td`);
const text = async (selector: string) => (await page.locator(selector).allTextContents()).join('');

/** The span the library reports for `invoice`, or undefined. */
const errorOf = (invoice: string, legacy = false): Bolt11Error | undefined => {
  try {
    decode(invoice, { legacy });
    return undefined;
  } catch (error) {
    if (error instanceof Bolt11Error) return error;
    throw error;
  }
};

test('the vectors are there', () => {
  expect(validVectors.length).toBe(16);
  expect(invalidVectors.length).toBe(10);
});

describe.each(validVectors.filter((v) => v.conformance_status !== 'disputed'))(
  'valid: $name',
  (vector) => {
    test('shows its payment hash, amount and payee, and no error', async () => {
      await paste(vector.invoice);
      expect(await cell('payment-hash').textContent()).toBe(vector.payment_hash);
      const amount = await cell('amount').textContent();
      if (vector.amount_msat === null) expect(amount).toBe('any amount: the payer chooses');
      else expect(amount?.startsWith(`${vector.amount_msat} msat (`), amount ?? '').toBe(true);
      expect(await cell('payee').textContent()).toContain(vector.payee);
      expect(await page.locator('#decode-error').textContent()).toBe('');
      // Every character belongs to a coloured section, in order.
      const sections = await page.locator('#invoice-string [data-section]').allTextContents();
      expect(sections.join('')).toBe(vector.invoice.trim());
    });
  },
);

test('the disputed spec example fails by default and decodes with the legacy option', async () => {
  const vector = validVectors.find((v) => v.conformance_status === 'disputed');
  if (vector === undefined) throw new Error('no disputed vector');
  await paste(vector.invoice);
  expect(await text('[data-testid="error-code"]')).toBe('invalid-field-length');
  expect(await text('#invoice-string mark.bad')).toBe(
    vector.invoice.slice(...(errorOf(vector.invoice)?.span ?? [0, 0])),
  );
  await page.locator('#opt-legacy').check();
  expect(await text('#decode-error')).toBe('');
  expect(await cell('payment-hash').textContent()).toBe(vector.payment_hash);
  expect(await cell('ignored-fields').textContent()).toContain('data_length is 51; it must be 52');
  await page.locator('#opt-legacy').uncheck();
});

describe.each(invalidVectors)('invalid: $name', (vector) => {
  test(`shows ${vector.code} and underlines the span at fault`, async () => {
    await paste(vector.invoice);
    expect(await text('[data-testid="error-code"]')).toBe(vector.code);
    expect(await page.locator('[data-testid="error-code"] a').getAttribute('href')).toBe(
      `core.html#code-${vector.code}`,
    );
    const error = errorOf(vector.invoice);
    expect(error?.code).toBe(vector.code);
    const marked = await page.locator('#invoice-string mark.bad').allTextContents();
    if (error?.span === undefined) expect(marked).toEqual([]);
    else expect(marked.join('')).toBe(vector.invoice.slice(...error.span));
    expect(await text('#checklist [data-check="decode"] .finding')).toContain(vector.code);
  });
});

test('an invalid spec example underlines its bad span (screenshot)', async () => {
  const vector = invalidVectors.find((v) => v.code === 'invalid-multiplier');
  await paste(vector?.invoice ?? '');
  expect(await text('#invoice-string mark.bad')).toBe('x');
  await site.screenshot(page, 'playground-decode-invalid');
});

test('hovering a section explains it and lights up its row', async () => {
  const vector = validVectors.find((v) => v.name === 'coffee-2500u-expiry-60');
  await paste(vector?.invoice ?? '');
  await page.locator('#invoice-string [data-kind="amount"]').hover();
  expect(await text('[data-testid="section-title"]')).toBe('amount');
  expect(await text('[data-testid="section-value"]')).toContain('250000000 msat');
  expect(await page.locator('#decoded-fields tr.hl').getAttribute('data-field')).toBe('amount');
  await page.locator('#invoice-string [data-tag="d"]').hover();
  expect(await text('[data-testid="section-value"]')).toBe('1 cup coffee');
  await site.screenshot(page, 'playground-decode');
});

test('the checklist follows the policy: network, amount, now', async () => {
  const vector = validVectors.find((v) => v.name === 'coffee-2500u-expiry-60');
  await paste(vector?.invoice ?? '');
  const status = (check: string) =>
    page.locator(`#checklist [data-check="${check}"]`).getAttribute('data-status');
  await page.locator('#policy-form select[name="network"]').selectOption('signet');
  expect(await status('network')).toBe('error');
  expect(
    await page
      .locator('#checklist .finding[data-code="network-mismatch"] a.code')
      .getAttribute('href'),
  ).toBe('validate.html#code-network-mismatch');
  await page.locator('#policy-form select[name="network"]').selectOption('bitcoin');
  expect(await status('network')).toBe('ok');

  expect(await status('expiry')).toBe('error'); // now is this computer's clock, years later
  await page.locator('#now-created').click();
  expect(await status('expiry')).toBe('ok');
  await page.locator('#policy-form input[name="now"]').fill(String(1496314658 + 61));
  expect(await status('expiry')).toBe('error');
  expect(await page.locator('#checklist .finding[data-code="expired"]').count()).toBe(1);

  await page.locator('#policy-form input[name="amount"]').fill('1000');
  expect(await status('amount')).toBe('error');
  expect(await text('#checklist .finding[data-code="amount-mismatch"] .meaning')).toContain(
    'is not',
  );
  await page.locator('#policy-form input[name="amount"]').fill('250000000');
  await page.locator('#policy-form input[name="now"]').fill(String(1496314658 + 30));
  expect(await status('amount')).toBe('ok');
  expect(await text('[data-testid="verdict"]')).toMatch(/^Acceptable by this policy/);
  await page.locator('#policy-form input[name="amount"]').fill('twelve');
  expect(await text('#policy-problems')).toContain('Amount');
  await page.locator('#policy-form input[name="amount"]').fill('');
});

test('a link carries the invoice in its fragment, which never reaches the server', async () => {
  const vector = validVectors.find((v) => v.name === 'payment-metadata');
  const invoice = vector?.invoice ?? '';
  await paste(invoice);
  await page.locator('#copy-link').click();
  const url = page.url();
  expect(url).toMatch(new RegExp(`#${invoice}$`));
  const opened = await site.open(url.replace(`${site.server.origin}/`, ''));
  expect(
    await opened.locator('#decoded-fields tr[data-field="payment-hash"] td').textContent(),
  ).toBe(vector?.payment_hash);
  expect(await opened.locator('#invoice-input').inputValue()).toBe(invoice);
  await opened.close();
  expect(site.server.requests.filter((request) => request.includes(invoice.slice(0, 20)))).toEqual(
    [],
  );
});
