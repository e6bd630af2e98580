// Each built library, bundled for browsers (esbuild, platform browser), loaded by a page served
// from 127.0.0.1 into headless Chromium, runs its vectors there: every vector passes, the results
// are exactly Node's, and the page logs no error and requests nothing but its own two files.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from 'test-support/browser';
import { type StaticServer, serveStatic } from 'test-support/static-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../src/view.js';
import { BUNDLE_GLOBAL, bundleCheck } from './helpers/bundle.js';
import { LIBRARIES } from './helpers/libraries.js';
import { nodeRun } from './helpers/node-run.js';

/** The page of one library: its bundle, and an empty icon so that Chromium asks for no favicon. */
const page = (name: string) =>
  `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>${name}</title><script src="${name}.js"></script>`;

let site: string;
let server: StaticServer;
let browser: Browser;

beforeAll(async () => {
  site = mkdtempSync(join(tmpdir(), 'lninvoice-platform-'));
  for (const { name } of LIBRARIES) {
    writeFileSync(join(site, `${name}.html`), page(name));
    writeFileSync(join(site, `${name}.js`), await bundleCheck(name, 'browser'));
  }
  [server, browser] = await Promise.all([serveStatic(site), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(site, { recursive: true, force: true });
});

/** Opens the library's page; the problems it shows (errors, requests elsewhere) are collected. */
const open = async (name: string): Promise<{ tab: Page; problems: string[] }> => {
  const tab = await browser.newPage();
  const problems: string[] = [];
  tab.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'assert') problems.push(`console: ${m.text()}`);
  });
  tab.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  tab.on('request', (r) => {
    if (!r.url().startsWith(`${server.origin}/${name}.`)) problems.push(`request: ${r.url()}`);
  });
  await tab.goto(`${server.origin}/${name}.html`, { waitUntil: 'load' });
  return { tab, problems };
};

describe.each(LIBRARIES)('$packageName', (library) => {
  it('gives Node’s results in Chromium, where every vector passes', async () => {
    const vectors = JSON.stringify(library.vectors());
    const expected = JSON.parse(await nodeRun(library.name)(vectors)) as Result[];
    const { tab, problems } = await open(library.name);
    const json = await tab.evaluate(
      ([global, input]) =>
        (globalThis as unknown as Record<string, { run(v: string): Promise<string> }>)[global]?.run(
          input,
        ),
      [BUNDLE_GLOBAL, vectors] as const,
    );
    await tab.close();
    const results = JSON.parse(json ?? '[]') as Result[];
    expect(results.filter((r) => !r.pass).map((r) => r.id)).toEqual([]);
    expect(results.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    for (const [i, result] of results.entries()) expect(result, result.id).toEqual(expected[i]);
    expect(problems).toEqual([]);
  });
});
