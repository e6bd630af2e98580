// Every page of the built site on a phone and on a desktop screen: the page never scrolls
// sideways, and nothing sticks out of the screen except inside its own scrolling box (a wide
// table, a code block). The playground is checked in every tab and with every example of its
// menus, whose long names once widened the page to 762 px on a 390 px phone. Screenshots of
// each page at both sizes go to reports/screenshots/layout-<size>-<page>.png.
import { readdirSync } from 'node:fs';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { PAGES } from '../build/pages';
import { TABS } from '../src/playground/tabs';
import { expectFit } from './helpers/fit';
import { DIST } from './helpers/paths';
import { type Site, startSite } from './helpers/site';
import { lnurlCases } from './helpers/vectors';

const SCREENS: Readonly<Record<string, BrowserContextOptions & { viewport: { width: number } }>> = {
  // A common phone (iPhone 12 to 15): CSS pixels, drawn at twice the density, touch only.
  phone: {
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  },
  desktop: { viewport: { width: 1280, height: 800 } },
};

/** Every page the build wrote, not only those the navigation lists. */
const FILES = readdirSync(DIST).filter((file) => file.endsWith('.html'));

test('the site is the pages of build/pages.ts', () => {
  expect([...FILES].sort()).toEqual(PAGES.map((p) => p.file).sort());
});

describe.each(Object.entries(SCREENS))('on a %s', (screen, device) => {
  const width = device.viewport.width;
  let site: Site;
  beforeAll(async () => {
    site = await startSite(device);
  });
  afterAll(() => site.close());
  afterEach(() => {
    expect(site.takeProblems()).toEqual([]);
  });

  const shoot = (page: Page, name: string) => site.screenshot(page, `layout-${screen}-${name}`);

  test.each(FILES.filter((file) => file !== 'playground.html'))('%s fits', async (file) => {
    const page = await site.open(file);
    await expectFit(page, width, file);
    await shoot(page, file.slice(0, -'.html'.length));
    await page.close();
  });

  /** The playground open at `tab`, once the tab has loaded what it shows. */
  const openTab = async (tab: string) => {
    const page = await site.open(`playground.html#${tab}`);
    expect(await page.locator(`#panel-${tab}`).isVisible()).toBe(true);
    return page;
  };

  test.each(TABS)('the playground tab %s fits', async (tab) => {
    const page = await openTab(tab);
    if (tab === 'bip353')
      await page.locator('#bip353-samples[data-loaded]').waitFor({ state: 'attached' });
    await expectFit(page, width, `playground#${tab}`);
    await shoot(page, `playground-${tab}`);
    await page.close();
  });

  /** Chooses each example of `menu` in turn, and checks the page with what it shows. */
  const everyExample = async (page: Page, menu: string, shown: () => Promise<unknown>) => {
    const values = await page
      .locator(`${menu} option`)
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    const examples = values.filter((value) => value !== '');
    expect(examples.length).toBeGreaterThan(2);
    for (const value of examples) {
      await page.locator(menu).selectOption(value);
      await shown();
      await expectFit(page, width, `${menu} ${value}`);
    }
  };

  test('the decoder fits with every spec example of its menu', async () => {
    const page = await openTab('decode');
    await everyExample(page, '#invoice-samples', () =>
      page.locator('#decode-result').waitFor({ state: 'visible' }),
    );
    await shoot(page, 'playground-decode-example');
    await page.close();
  });

  test('"What is this?" fits with every example of its menu', async () => {
    const page = await openTab('parse');
    await everyExample(page, '#parse-samples', () =>
      page.locator('#parse-form [data-output] > *').first().waitFor(),
    );
    await shoot(page, 'playground-parse-example');
    await page.close();
  });

  test('the BIP 353 tool fits with every example of its menu', async () => {
    const page = await openTab('bip353');
    await page.locator('#bip353-samples[data-loaded]').waitFor({ state: 'attached' });
    await everyExample(page, '#bip353-samples', () =>
      page.locator('#bip353-form [data-output][data-state="done"]').waitFor(),
    );
    await shoot(page, 'playground-bip353-example');
    await page.close();
  });

  test('the create tab fits with the invoice and the offer it made', async () => {
    const page = await openTab('create');
    await page.locator('#create-form button[type="submit"]').click();
    await page.locator('#create-result').waitFor({ state: 'visible' });
    await page.locator('#offer-form button[type="submit"]').click();
    await page.locator('#offer-result').waitFor({ state: 'visible' });
    await expectFit(page, width, 'playground#create, both made');
    await shoot(page, 'playground-create-made');
    await page.close();
  });

  test('the LNURL tools fit with every vector of the lnurl package', async () => {
    const page = await openTab('lnurl');
    const tools = {
      decode: 'lnurl-decode',
      encode: 'lnurl-encode',
      'lightning-address': 'lnurl-address',
    };
    let checked = 0;
    for (const vector of lnurlCases) {
      const tool = tools[vector.op as keyof typeof tools];
      if (tool === undefined) continue;
      await page.locator(`#${tool}-input`).fill(vector.input);
      await page.locator(`#${tool} [data-output] > *`).first().waitFor();
      await expectFit(page, width, `${vector.op} ${vector.id}`);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(40);
    await shoot(page, 'playground-lnurl-filled');
    await page.close();
  });
});
