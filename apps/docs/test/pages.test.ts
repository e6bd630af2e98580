// The docs pages in a browser: each loads without a problem, links to pages and anchors that
// exist, lists every error code its package exports, and runs every example without an error.
import { readdirSync } from 'node:fs';
import { BIP353_ERROR_CODES } from '@lninvoice/bip353';
import { BOLT12_CHECK_CODES, BOLT12_ERROR_CODES } from '@lninvoice/bolt12';
import { BOLT11_ERROR_CODES } from '@lninvoice/core';
import { L402_ERROR_CODES } from '@lninvoice/l402';
import { LNURL_ERROR_CODES } from '@lninvoice/lnurl';
import { ZAP_ISSUE_CODES } from '@lninvoice/lnurl/zap';
import { URI_ERROR_CODES } from '@lninvoice/uri';
import { VALIDATION_ISSUE_CODES } from '@lninvoice/validate';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { PAGES } from '../build/pages';
import { APP_DIR } from './helpers/paths';
import { type Site, startSite } from './helpers/site';

let site: Site;
/** The ids on each page, read once. */
const idsOf = new Map<string, Set<string>>();
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site.close());
afterEach(() => {
  expect(site.takeProblems()).toEqual([]);
});

const CODES: Readonly<Record<string, readonly string[]>> = {
  core: BOLT11_ERROR_CODES,
  // Decoding errors, and the findings of the two-message checks (some codes are in both).
  bolt12: [...new Set<string>([...BOLT12_ERROR_CODES, ...BOLT12_CHECK_CODES])],
  validate: VALIDATION_ISSUE_CODES,
  // Its errors, and the findings of the zap validators (@lninvoice/lnurl/zap; some in both).
  lnurl: [...new Set<string>([...LNURL_ERROR_CODES, ...ZAP_ISSUE_CODES])],
  l402: L402_ERROR_CODES,
  bip353: BIP353_ERROR_CODES,
  uri: URI_ERROR_CODES,
};

describe.each(PAGES)('$file', (page) => {
  test('loads with its title, heading and navigation', async () => {
    const tab = await site.open(page.file);
    expect(await tab.title()).toBe(`${page.title} · lninvoice`);
    expect((await tab.locator('h1').first().textContent())?.trim()).not.toBe('');
    const nav = tab.locator('.site-nav a');
    expect(await nav.evaluateAll((links) => links.map((a) => a.getAttribute('href')))).toEqual(
      PAGES.map((p) => p.file),
    );
    expect(await tab.locator('.site-nav a[aria-current="page"]').getAttribute('href')).toBe(
      page.file,
    );
    // The policy that keeps every visitor's browser from contacting anything but this site.
    expect(
      await tab.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'),
    ).toContain("connect-src 'none'");
    await tab.close();
  });

  test('links only to pages and anchors that exist', async () => {
    const tab = await site.open(page.file);
    const hrefs = await tab
      .locator('a[href]')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    await tab.close();
    // Links into the API references are followed by api-reference.test.ts.
    const local = [
      ...new Set(hrefs.filter((href) => !/^[a-z]+:/i.test(href) && !href.startsWith('api/'))),
    ];
    expect(local.length).toBeGreaterThan(0);
    for (const href of local) {
      const [file = '', anchor] = href.split('#');
      const target = file === '' ? page.file : file;
      expect(
        PAGES.map((p) => p.file),
        href,
      ).toContain(target);
      if (anchor === undefined || anchor === '' || target === 'playground.html') continue;
      if (!idsOf.has(target)) {
        const other = await site.open(target);
        idsOf.set(
          target,
          new Set(await other.locator('[id]').evaluateAll((els) => els.map((e) => e.id))),
        );
        await other.close();
      }
      expect(idsOf.get(target)?.has(decodeURIComponent(anchor)), `${page.file} → ${href}`).toBe(
        true,
      );
    }
  });

  if (page.codes !== undefined) {
    const codes = CODES[page.codes] ?? [];
    test(`explains every code @lninvoice/${page.codes} exports, and no other`, async () => {
      const tab = await site.open(page.file);
      const rows = await tab
        .locator('table.codes tr[id^="code-"]')
        .evaluateAll((trs) =>
          trs.map((tr) => [tr.id.slice(5), tr.children[1]?.textContent?.trim() ?? '']),
        );
      await tab.close();
      expect(codes.length).toBeGreaterThan(5);
      expect(rows.map(([code]) => code).sort()).toEqual([...codes].sort());
      for (const [code, meaning] of rows) expect(meaning, code).not.toBe('');
    });
  }

  if (page.examples !== undefined) {
    const files = readdirSync(`${APP_DIR}/src/examples/${page.examples}`);
    test(`runs its ${files.length} examples without an error`, async () => {
      const tab = await site.open(page.file);
      const examples = tab.locator('[data-example]');
      expect(await examples.count()).toBe(files.length);
      for (const example of await examples.all()) {
        await example.locator('button.run').click();
        const output = example.locator('output');
        await output.locator('xpath=self::*[@data-state="ok" or @data-state="error"]').waitFor();
        expect(await output.getAttribute('data-state'), (await output.textContent()) ?? '').toBe(
          'ok',
        );
        expect((await output.textContent())?.length).toBeGreaterThan(0);
      }
      if (page.file === 'core.html' || page.file === 'bolt12.html')
        await site.screenshot(tab, `docs-${page.file.slice(0, -5)}`, '#runnable-examples');
      await tab.close();
    });
  }
});

test('the getting-started page shows the packages and runs the first steps', async () => {
  const tab = await site.open('index.html');
  for (const name of ['core', 'bolt12', 'validate', 'lnurl', 'uri', 'l402', 'bip353', 'cli'])
    expect(await tab.locator(`.doc a[href="${name}.html"]`).count()).toBeGreaterThan(0);
  // The README's Install section: the npm lines, and the way to install before a release.
  const install = (await tab.locator('.doc').textContent()) ?? '';
  for (const text of ['npm install @lninvoice/core', 'node scripts/pack-all.mjs', 'TS1479'])
    expect(install).toContain(text);
  expect(await tab.locator('h3#commonjs-and-typescript').count()).toBe(1);
  await tab.locator('[data-example="start-1-decode"] button.run').click();
  const output = tab.locator('[data-example="start-1-decode"] output[data-state="ok"]');
  expect(await output.textContent()).toContain('amountMsat: 250000000n');
  await site.screenshot(tab, 'docs-getting-started', 'h1');
  await tab.close();
});

test('the security page links to a spoofed invoice that the playground shows with its hidden characters', async () => {
  const tab = await site.open('security.html');
  const href = await tab.locator('a[href^="playground.html#lnbc"]').getAttribute('href');
  await tab.close();
  const playground = await site.open(href ?? '');
  const description = playground.locator('tr[data-field="description"] td');
  expect(await description.locator('.hidden-char').allTextContents()).toEqual([
    '⟨U+202E⟩',
    '⟨U+202C⟩',
  ]);
  expect(
    await playground.locator('.finding[data-code="description-bidi-characters"]').count(),
  ).toBe(1);
  await playground.close();
});

test('a request to another host is refused by the page and reported by the tests', async () => {
  const tab = await site.open('playground.html');
  const outcome = await tab.evaluate(() =>
    fetch('https://example.com/').then(
      () => 'sent',
      () => 'refused',
    ),
  );
  expect(outcome).toBe('refused');
  const problems = site.takeProblems();
  expect(problems.some((p) => p.includes('Content Security Policy'))).toBe(true);
  await tab.close();
});
