// The BIP 353 proof tool in a browser: BIP 353's three valid example proofs verify offline to
// the URI, TTL and path @lninvoice/bip353 finds in Node; the two invalid ones show their codes,
// linked to the bip353 page; what is typed or found in a proof is shown as text, never markup.
import { Bip353Error, verifyBip353Proof } from '@lninvoice/bip353';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import {
  BIP353_EXAMPLES,
  type Bip353Example,
  bareProofHex,
  exampleProof,
  VALID_AT,
} from '../src/playground/bip353-samples';
import { type Site, startSite } from './helpers/site';

let site: Site;
let page: Page;
beforeAll(async () => {
  site = await startSite();
  page = await site.open('playground.html#bip353');
  // The examples are loaded when the tab is shown.
  await page.locator('#bip353-samples[data-loaded]').waitFor({ state: 'attached' });
});
afterAll(() => site.close());
afterEach(() => {
  expect(site.takeProblems()).toEqual([]);
});

const output = () => page.locator('#bip353-form [data-output]');
/** What the tool shows once it has checked the form. */
const settled = async () => {
  await page.locator('#bip353-form [data-output][data-state="done"]').waitFor();
  return output();
};
const row = (key: string) =>
  output().locator(`:scope > table > tbody > tr[data-key="${key}"] > td`);

/** Types a name, a proof and a time into the form. */
const fill = async (name: string, proof: string, now: string) => {
  await page.locator('#bip353-now').fill(now);
  await page.locator('#bip353-name').fill(name);
  await page.locator('#bip353-proof').fill(proof);
  return settled();
};

const VALID = BIP353_EXAMPLES.filter((e) => e.uri !== undefined);
const INVALID = BIP353_EXAMPLES.filter((e) => e.code !== undefined);

test('the BIP examples are there, and the menu offers each', async () => {
  expect([VALID.length, INVALID.length]).toEqual([3, 2]);
  const options = await page
    .locator('#bip353-samples option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(options).toEqual(['', ...BIP353_EXAMPLES.map((e) => e.id)]);
});

const expectProven = async (e: Bip353Example) => {
  // What the library finds in Node for the same proof, time and name.
  const expected = await verifyBip353Proof(e.name, exampleProof(e.id), { now: VALID_AT });
  expect([expected.uri, expected.path, expected.ttl]).toEqual([e.uri, e.path, e.ttl]);
  const shown = await settled();
  expect(await shown.locator('[data-testid="bip353-verdict"]').textContent()).toBe('proven');
  expect(await shown.locator('[data-testid="bip353-uri"]').textContent()).toBe(expected.uri);
  expect(await row('name').textContent()).toBe(`₿${expected.name}`);
  expect(await row('dnsName').textContent()).toBe(expected.dnsName);
  expect(await row('path').locator('li').allTextContents()).toEqual(expected.path);
  expect(await row('ttl').textContent()).toBe(`${expected.ttl} s`);
  expect(await row('checkedAt').textContent()).toBe('2025-08-08T00:00:00Z (1754611200)');
  expect(await row('proof').textContent()).toBe(`${expected.proof.length} bytes`);
  // The instructions as parsed: each on-chain address and offer of the URI.
  const parsed = shown.locator('[data-testid="bip353-parsed"] > table > tbody');
  for (const key of ['bc', 'lno'] as const) {
    const values = expected.parsed[key];
    const cells = parsed.locator(`:scope > tr[data-key="${key}"] li`);
    expect(await cells.allTextContents(), key).toEqual(values);
  }
};

describe.each(VALID)('$id', (e) => {
  test('verifies from the menu (the PSBT form the BIP writes)', async () => {
    await page.locator('#bip353-samples').selectOption(e.id);
    expect(await page.locator('#bip353-name').inputValue()).toBe(`₿${e.name}`);
    expect(await page.locator('#bip353-proof').inputValue()).toBe(e.psbt);
    expect(await page.locator('#bip353-now').inputValue()).toBe(String(VALID_AT));
    await expectProven(e);
  });

  test('verifies typed as a bare proof, wrapped, without ₿', async () => {
    await fill(e.name, bareProofHex(e).replace(/.{80}/g, '$&\n'), String(VALID_AT));
    await expectProven(e);
  });
});

describe.each(INVALID)('$id', (e) => {
  test(`shows ${e.code}, linked to its meaning`, async () => {
    let expected: unknown;
    try {
      await verifyBip353Proof(e.name, exampleProof(e.id), { now: VALID_AT });
    } catch (error) {
      expected = error;
    }
    expect(expected).toBeInstanceOf(Bip353Error);
    const { code, message } = expected as Bip353Error;
    expect(code).toBe(e.code);
    await page.locator('#bip353-samples').selectOption(e.id);
    const shown = await settled();
    const link = shown.locator('[data-testid="error-code"] a');
    expect(await link.textContent()).toBe(e.code);
    expect(await link.getAttribute('href')).toBe(`bip353.html#code-${e.code}`);
    expect(await shown.locator('.error-message').textContent()).toBe(message);
    expect(await shown.locator('.meaning').textContent()).toMatch(/^Meaning: \S/);
    expect(await shown.locator('[data-testid="bip353-verdict"]').count()).toBe(0);
  });
});

test('a proof checked after its signatures expired is refused', async () => {
  const simple = VALID[0] as Bip353Example;
  const shown = await fill(simple.name, simple.psbt, '1893456000');
  expect(await shown.locator('[data-testid="error-code"]').textContent()).toBe('expired');
});

test('a time in milliseconds, a proof that is no hex, a proof for another name are explained', async () => {
  const simple = VALID[0] as Bip353Example;
  const ms = await fill(simple.name, simple.psbt, `${VALID_AT}000`);
  expect(await ms.locator('.error-message').textContent()).toContain('looks like milliseconds');
  const hex = await fill(simple.name, `${simple.psbt}zz`, String(VALID_AT));
  expect(await hex.locator('.error-message').textContent()).toBe(
    'the proof must be hex, but holds "z"',
  );
  const other = await fill(
    '₿other@dnssec_proof_tests.bitcoin.ninja',
    simple.psbt,
    String(VALID_AT),
  );
  expect(await other.locator('.error-message').textContent()).toBe(
    `the proof starts with the name ₿${simple.name} (BIP 353's PSBT form), not ₿other@dnssec_proof_tests.bitcoin.ninja`,
  );
});

test('a hostile name is shown as text, escaped, never as markup', async () => {
  const simple = VALID[0] as Bip353Example;
  const hostile = '<img src=x onerror="document.title=1">\u202Eevil@example.com';
  const shown = await fill(hostile, bareProofHex(simple), String(VALID_AT));
  expect(await shown.locator('[data-testid="error-code"]').textContent()).toBe('invalid-name');
  expect(await shown.locator('img').count()).toBe(0);
  const message = (await shown.locator('.error-message').textContent()) ?? '';
  expect(message).toContain('<img src=x onerror=');
  // The override is written as an escape by the library: it cannot reorder the text shown.
  expect(message).toContain('\\u202e');
  expect(message).not.toContain('\u202E');
  expect(await page.title()).not.toBe('1');
});

test('an offer found in the instructions opens in the decoder', async () => {
  await page.locator('#bip353-samples').selectOption('cname-wildcard');
  const shown = await settled();
  await site.screenshot(page, 'playground-bip353', '#panel-bip353');
  await shown.getByRole('button', { name: 'Open the offer in the decoder' }).click();
  expect(await page.locator('#panel-decode').isHidden()).toBe(false);
  expect(await page.locator('#invoice-input').inputValue()).toMatch(/^lno1/);
  await page.locator('#tab-bip353').click();
});
