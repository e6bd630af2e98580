// The ₿ of BIP 353 names is drawn as a real glyph, not a missing-glyph box, on a machine whose
// fonts have none (Debian's DejaVu and Liberation, all a fresh machine with Chromium has): the
// site's own ₿ fonts, fetched from the site, draw it, in a placeholder too. The test compares
// each ₿ with two unassigned code points, which no font draws: missing glyphs all look alike.
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { type Site, startSite } from './helpers/site';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site.close());
afterEach(() => {
  expect(site.takeProblems()).toEqual([]);
});

/** Unassigned code points (Greek block): every font lacks them. */
const MISSING = ['\u0378', '\u0379'];

/**
 * Screenshots of `target` as the page drew it, then with each ₿ of its text (or of its
 * `attribute`) replaced by each missing code point.
 */
const drawings = async (target: Locator, attribute?: string): Promise<Buffer[]> => {
  const shots = [await target.screenshot()];
  for (const sign of MISSING) {
    await target.evaluate(
      (element, [sign = '', attribute]) => {
        const swap = (text: string) => text.replace(/[₿\u0378\u0379]/gu, sign);
        if (attribute !== undefined) {
          element.setAttribute(attribute, swap(element.getAttribute(attribute) ?? ''));
          return;
        }
        const texts = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let text = texts.nextNode(); text !== null; text = texts.nextNode())
          text.textContent = swap(text.textContent ?? '');
      },
      [sign, attribute],
    );
    shots.push(await target.screenshot());
  }
  return shots;
};

/** How many pixels of two screenshots of one size differ, read through a canvas of `page`. */
const differingPixels = (page: Page, a: Buffer, b: Buffer): Promise<number> =>
  page.evaluate(
    async (pngs) => {
      const pixels: Uint8ClampedArray[] = [];
      for (const png of pngs) {
        const image = new Image();
        image.src = `data:image/png;base64,${png}`;
        await image.decode();
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d');
        context?.drawImage(image, 0, 0);
        pixels.push(
          context?.getImageData(0, 0, image.width, image.height).data ?? new Uint8ClampedArray(),
        );
      }
      const [first = new Uint8ClampedArray(), second = new Uint8ClampedArray()] = pixels;
      if (first.length !== second.length) return Number.POSITIVE_INFINITY;
      let count = 0;
      for (let i = 0; i < first.length; i += 4)
        if (
          first[i] !== second[i] ||
          first[i + 1] !== second[i + 1] ||
          first[i + 2] !== second[i + 2]
        )
          count += 1;
      return count;
    },
    [a.toString('base64'), b.toString('base64')],
  );

/** Fails unless `target` (whose text or `attribute` holds a ₿) draws its ₿ as a glyph. */
const expectGlyph = async (page: Page, selector: string, attribute?: string) => {
  // Pinned: the locator must find the element once its ₿ is gone.
  const target = page.locator(selector).first();
  await target.evaluate((element) => element.setAttribute('data-sign-test', ''));
  const pinned = page.locator('[data-sign-test]');
  const text = await (attribute === undefined
    ? pinned.textContent()
    : pinned.getAttribute(attribute));
  expect(text).toContain('₿');
  const [asDrawn, missing, alsoMissing] = await drawings(pinned, attribute);
  if (asDrawn === undefined || missing === undefined || alsoMissing === undefined)
    throw new Error('no screenshots');
  // The method: two missing glyphs draw the same box (up to a few pixels of an edge)…
  expect(await differingPixels(page, missing, alsoMissing)).toBeLessThan(10);
  // …and the ₿ is not that box.
  expect(await differingPixels(page, asDrawn, missing)).toBeGreaterThan(40);
  await pinned.evaluate((element) => element.removeAttribute('data-sign-test'));
};

/** Opens `path` and waits for the fonts its text needs. */
const openLoaded = async (path: string): Promise<Page> => {
  const page = await site.open(path);
  await page.evaluate(() => document.fonts.ready);
  return page;
};

test('the placeholder of the BIP 353 name draws its ₿', async () => {
  const page = await openLoaded('playground.html#bip353');
  await expectGlyph(page, '#bip353-name', 'placeholder');
  await page.close();
});

test('the BIP 353 tab draws the ₿ of its hint and of a name from its menu', async () => {
  const page = await openLoaded('playground.html#bip353');
  await expectGlyph(page, '#panel-bip353 p.hint code');
  await page.locator('#bip353-samples[data-loaded]').waitFor({ state: 'attached' });
  await page.locator('#bip353-samples').selectOption('simple');
  await page.locator('#bip353-form [data-output][data-state="done"]').waitFor();
  await page.evaluate(() => document.fonts.ready);
  await expectGlyph(page, '#bip353-form [data-output] .kind');
  await page.close();
});

test('the placeholder of "What is this?" draws its ₿', async () => {
  const page = await openLoaded('playground.html#parse');
  await expectGlyph(page, '#parse-input', 'placeholder');
  await page.close();
});

test('the bip353 page draws the ₿ of its names', async () => {
  const page = await openLoaded('bip353.html');
  await expectGlyph(page, '.doc p code:text-is("₿alice@example.com")');
  await page.close();
});

test('the ₿ fonts come from the site itself, and each has the glyph', async () => {
  const page = await site.open('index.html');
  const faces = await page.evaluate(async () => {
    const loaded = [];
    for (const font of [
      '16px "Bitcoin Sign"',
      'bold 16px "Bitcoin Sign"',
      '16px "Bitcoin Sign Mono"',
    ]) {
      const [face] = await document.fonts.load(font, '₿');
      loaded.push([font, face?.status, face?.unicodeRange, document.fonts.check(font, '₿')]);
    }
    return loaded;
  });
  expect(faces).toEqual([
    ['16px "Bitcoin Sign"', 'loaded', 'U+20BF', true],
    ['bold 16px "Bitcoin Sign"', 'loaded', 'U+20BF', true],
    ['16px "Bitcoin Sign Mono"', 'loaded', 'U+20BF', true],
  ]);
  const fonts = site.server.requests
    .filter((path) => path.endsWith('.woff2'))
    .map((path) => path.replace(/-[\w-]{8}\.woff2$/, '.woff2'));
  expect([...new Set(fonts)].sort()).toEqual([
    '/assets/bitcoin-sign-mono-400.woff2',
    '/assets/bitcoin-sign-sans-400.woff2',
    '/assets/bitcoin-sign-sans-700.woff2',
  ]);
  await page.close();
});
