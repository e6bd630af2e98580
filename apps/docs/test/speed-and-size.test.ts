// The "Speed and size" section of the getting-started page (the root README's): it tells a user
// what each import weighs, how fast the work is and how to measure both, and its size table
// holds a row for every budget `pnpm size` measures, at what that measures now.
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { REPO_DIR } from './helpers/paths';
import { type Site, startSite } from './helpers/site';

interface Budget {
  readonly name: string;
  /** Bytes, gzipped; over another budget's bundle when the name says "over". */
  readonly measured: number;
}

/** What `pnpm size` measures, read by its own script (esbuild over the built packages). */
const measureBudgets = async (): Promise<readonly Budget[]> => {
  const script = pathToFileURL(`${REPO_DIR}/scripts/size-budgets.mjs`).href;
  const module = (await import(script)) as { measureBudgets(): Promise<Budget[]> };
  return module.measureBudgets();
};

/**
 * How far a figure may be from the measurement: a change of a few hundred bytes does not fail
 * every branch at once, a table left behind by a release does.
 */
const DRIFT_KIB = 0.5;

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site.close());
afterEach(() => {
  expect(site.takeProblems()).toEqual([]);
});

test('the section tells what it costs, how fast it is, and how to measure it', async () => {
  const page = await site.open('index.html');
  const toc = await page
    .locator('.toc a')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  const at = toc.indexOf('#speed-and-size');
  expect(at).toBeGreaterThan(-1);
  expect(toc.slice(at, at + 4)).toEqual([
    '#speed-and-size',
    '#in-your-bundle',
    '#speed',
    '#measure-it-yourself',
  ]);
  await page.close();
});

test('the size table has a row for every budget, at what pnpm size measures', async () => {
  const page = await site.open('index.html');
  const rows = await page
    .locator('#in-your-bundle ~ .table-scroll')
    .first()
    .locator('tbody tr')
    .evaluateAll((trs) =>
      trs.map((tr) => [...tr.children].map((cell) => cell.textContent?.trim() ?? '')),
    );
  await page.close();
  const budgets = await measureBudgets();
  expect(rows.map((row) => row[2]).sort()).toEqual(budgets.map((b) => b.name).sort());
  for (const [, weighs = '', name] of rows) {
    const budget = budgets.find((b) => b.name === name);
    const shown = Number(/^([\d.]+) KiB/.exec(weighs)?.[1]);
    const measured = (budget?.measured ?? Number.NaN) / 1024;
    expect(
      Math.abs(shown - measured),
      `README.md "Speed and size" says ${weighs} for ${name}; pnpm size measures ${measured.toFixed(1)} KiB`,
    ).toBeLessThanOrEqual(DRIFT_KIB);
    // A figure beside another bundle says which.
    expect(weighs.endsWith('more than core'), name).toBe(name?.endsWith('over core'));
    expect(weighs.endsWith('more than uri'), name).toBe(name?.endsWith('over uri'));
  }
});
