// The built site in headless Chromium, watched: a console error, an uncaught page error, a
// failed response or any request to a host other than the local server is a problem the tests
// fail on (the site must work offline and send nothing anywhere).
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchChromium } from 'test-support/browser';
import { type StaticServer, serveStatic } from 'test-support/static-server';
import { DIST, SCREENSHOTS } from './paths';

export interface Site {
  readonly server: StaticServer;
  /** Opens `path` (e.g. `playground.html#decode`) in a new tab and waits for it to load. */
  open(path: string): Promise<Page>;
  /** The problems seen since the last call. */
  takeProblems(): string[];
  /** The whole page, or with `at` the viewport scrolled to that element. */
  screenshot(page: Page, name: string, at?: string): Promise<void>;
  close(): Promise<void>;
}

/** `device`: the screen the pages are shown on; by default a desktop browser's window. */
export const startSite = async (
  device: BrowserContextOptions = { viewport: { width: 1280, height: 900 } },
): Promise<Site> => {
  const server = await serveStatic(DIST);
  const browser: Browser = await launchChromium();
  const context: BrowserContext = await browser.newContext(device);
  let problems: string[] = [];

  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (url.startsWith(`${server.origin}/`)) return route.continue();
    problems.push(`request to another host: ${url}`);
    return route.abort('blockedbyclient');
  });

  return {
    server,
    async open(path) {
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'assert')
          problems.push(`console ${message.type()} on ${path}: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error on ${path}: ${error.message}`));
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`${response.status()} for ${response.url()}`);
      });
      await page.goto(`${server.origin}/${path}`, { waitUntil: 'load' });
      return page;
    },
    takeProblems() {
      const seen = problems;
      problems = [];
      return seen;
    },
    async screenshot(page, name, at) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const path = `${SCREENSHOTS}/${name}.png`;
      if (at === undefined) {
        await page.evaluate(() => window.scrollTo(0, 0)); // the sticky header at the top
        await page.screenshot({ path, fullPage: true });
      } else {
        await page.locator(at).evaluate((element) => element.scrollIntoView({ block: 'start' }));
        await page.screenshot({ path });
      }
    },
    async close() {
      await context.close();
      await browser.close();
      await server.close();
    },
  };
};
