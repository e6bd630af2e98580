// "What is this?" in a browser: for every parse vector of the uri package, the page names the
// kind parseInput finds, or shows its error code with the part at fault underlined.
import { parseInput, UriError } from '@lninvoice/uri';
import type { Page } from 'playwright-core';
import { uriVectorCode } from 'test-support/uri-vectors';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { PARSE_SAMPLES } from '../src/playground/parse-samples';
import { type Site, startSite } from './helpers/site';
import { uriCases } from './helpers/vectors';

let site: Site;
let page: Page;
beforeAll(async () => {
  site = await startSite();
  page = await site.open('playground.html#parse');
});
afterAll(() => site.close());
afterEach(() => {
  expect(site.takeProblems()).toEqual([]);
});

const output = () => page.locator('#parse-form [data-output]');

const expectShown = async (input: string, lenient = false) => {
  let expected: { kind: string } | UriError;
  try {
    expected = parseInput(input, { lenient });
  } catch (error) {
    if (!(error instanceof UriError)) throw error;
    expected = error;
  }
  if (expected instanceof UriError) {
    expect(await output().locator('[data-testid="error-code"]').textContent()).toBe(expected.code);
    const marked = (await output().locator('[data-testid="echo"] mark.bad').allTextContents()).join(
      '',
    );
    expect(marked).toBe(expected.span === undefined ? '' : input.slice(...expected.span));
  } else {
    expect(await output().locator('[data-testid="input-kind"]').getAttribute('data-kind')).toBe(
      expected.kind,
    );
  }
  return expected;
};

test('the vectors are there', () => {
  expect(uriCases.filter((c) => c.op === 'parse').length).toBeGreaterThan(50);
});

describe.each(uriCases.filter((c) => c.op === 'parse'))('$id', (vector) => {
  // Forms no spec defines are read in lenient mode only.
  const lenient = vector.level === 'interop' && vector.error === undefined;
  // The vectors keep the codes they were written with; the test is named with ours.
  const error = vector.error === undefined ? undefined : uriVectorCode(vector.error);
  test(error === undefined ? 'names its kind' : `shows ${error}`, async () => {
    await page.locator('#parse-form [name="lenient"]').setChecked(lenient);
    await page.locator('#parse-input').fill(vector.input);
    const shown = await expectShown(vector.input, lenient);
    if (vector.error !== undefined) expect(shown).toBeInstanceOf(UriError);
    else if (typeof vector.expect?.kind === 'string')
      expect(shown).toMatchObject({ kind: vector.expect.kind });
  });
});

test('every example in the menu is recognised, or explained', async () => {
  await page.locator('#parse-form [name="lenient"]').uncheck();
  for (const sample of PARSE_SAMPLES) {
    await page.locator('#parse-samples').selectOption(sample);
    expect(await page.locator('#parse-input').inputValue()).toBe(sample);
    await expectShown(sample);
  }
});

test('a bitcoin: URI read without an instruction shows what was left out, and where', async () => {
  const uri = PARSE_SAMPLES.find((s) => s.includes('lno1bogusoffer')) ?? '';
  await page.locator('#parse-form [name="lenient"]').uncheck();
  await page.locator('#parse-input').fill(uri);
  expect(await output().locator('[data-testid="input-kind"]').getAttribute('data-kind')).toBe(
    'bitcoin-uri',
  );
  const warning = output().locator('[data-testid="uri-warning"]');
  expect(await warning.count()).toBe(1);
  expect(await warning.locator('[data-testid="warning-code"]').textContent()).toBe(
    'invalid-lno-param',
  );
  expect(await warning.locator('[data-testid="echo"] mark.bad').textContent()).toBe('b');
  expect(await warning.locator('a.code').getAttribute('href')).toBe(
    'uri.html#code-invalid-lno-param',
  );
});

test('an invoice inside a bitcoin: URI opens in the decoder', async () => {
  const uri = PARSE_SAMPLES[0] ?? '';
  await page.locator('#parse-input').fill(uri);
  expect(
    await page
      .locator(
        '#parse-form [data-output] > table > tbody > tr[data-key="amount"] tr[data-key="sat"] td',
      )
      .textContent(),
  ).toBe('21000');
  await site.screenshot(page, 'playground-parse');
  await output().getByRole('button', { name: 'Open the invoice in the decoder' }).click();
  expect(await page.locator('#panel-decode').isVisible()).toBe(true);
  expect(await page.locator('#decoded-fields tr[data-field="description"] td').textContent()).toBe(
    '1 cup coffee',
  );
});
