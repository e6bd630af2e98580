// The API references (build/api-docs.ts): each package's page links to its reference, whose pages
// load under the site's policy, list every export of every entry point, and document the
// package's main export; and the check that every export has a doc comment finds the ones that
// have none.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { checkDocumented, entryPoints, writeReference } from '../build/api-docs';
import { API_PACKAGES, apiHref } from '../build/api-link';
import { APP_DIR, DIST, REPO_DIR } from './helpers/paths';
import { type Site, startSite } from './helpers/site';

let site: Site;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site.close());
afterEach(() => {
  expect(site.takeProblems()).toEqual([]);
});

/** The names a module page (or a package's only module, on its index page) lists. */
const LISTED = 'dt.tsd-member-summary .tsd-member-summary-name > a:not(.tsd-anchor-icon)';

describe.each(API_PACKAGES)('@lninvoice/$name', ({ name, main }) => {
  const packageDir = join(REPO_DIR, 'packages', name);

  test(`its page links to its API reference, which documents ${main}`, async () => {
    const tab = await site.open(`${name}.html`);
    const link = tab.locator(`.doc .api-reference a[href="${apiHref(name)}"]`);
    expect(await link.count()).toBe(1);
    await Promise.all([tab.waitForURL(`**/${apiHref(name)}`), link.click()]);
    expect(await tab.title()).toContain(`@lninvoice/${name}`);
    // A package with subpaths lists its modules first: its main export is in the main one.
    const module = tab.locator(LISTED, { hasText: new RegExp(`^@lninvoice/${name}$`) });
    if ((await module.count()) > 0)
      await Promise.all([tab.waitForURL('**/modules/*.html'), module.click()]);
    const member = tab.locator(LISTED, { hasText: new RegExp(`^${main}$`) });
    await Promise.all([tab.waitForURL(`**/functions/*${main}.html`), member.click()]);
    expect((await tab.locator('h1').textContent())?.trim()).toBe(`Function ${main}`);
    const comment = await tab.locator('.tsd-description .tsd-comment').first().textContent();
    expect(comment?.trim().length).toBeGreaterThan(20);
    // Its links back to the site.
    const back = tab.locator('#tsd-toolbar-links a', { hasText: 'guide' });
    expect(await back.getAttribute('href')).toBe(`../../../${name}.html`);
    await tab.close();
  });

  test('lists every runtime export of every entry point', async () => {
    const entries = entryPoints(packageDir);
    const index = await site.open(apiHref(name));
    // A package with subpaths: one page per module, linked from the index by its name.
    const modules = await index
      .locator(LISTED)
      .evaluateAll((links) =>
        links.map((a) => [a.textContent ?? '', a.getAttribute('href') ?? '']),
      );
    const pages = new Map<string, string>(
      entries.length === 1
        ? [[entries[0]?.specifier ?? '', apiHref(name)]]
        : modules.map(([text = '', href = '']) => [text, `api/${name}/${href}`]),
    );
    await index.close();
    expect([...pages.keys()].sort()).toEqual(entries.map((e) => e.specifier).sort());
    for (const { specifier } of entries) {
      const tab = await site.open(pages.get(specifier) ?? '');
      const listed = await tab.locator(LISTED).allTextContents();
      await tab.close();
      const exported = Object.keys(await import(specifier));
      expect(exported.length, specifier).toBeGreaterThan(0);
      for (const value of exported) expect(listed, `${specifier} ${value}`).toContain(value);
    }
  });

  test('has a doc comment on every export and member', async () => {
    expect(await checkDocumented(packageDir)).toEqual([]);
  });
});

test('every link of the references leads to a file of the site', () => {
  const pages = readdirSync(join(DIST, 'api'), { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.html'),
  );
  expect(pages.length).toBeGreaterThan(API_PACKAGES.length * 10);
  const broken = new Set<string>();
  let crossLinks = 0;
  for (const page of pages) {
    const file = join(DIST, 'api', page);
    for (const [, href = ''] of readFileSync(file, 'utf8').matchAll(/ href="([^"]*)"/g)) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#')) continue;
      const target = resolve(dirname(file), decodeURI(href.split('#')[0] ?? ''));
      if (!target.startsWith(`${DIST}/`) || !existsSync(target)) broken.add(`${page} → ${href}`);
      // A type of another package links into that package's reference.
      const into = /^(?:\.\.\/)+api\/(\w+)\//.exec(href)?.[1];
      if (into !== undefined && into !== page.split('/')[0]) crossLinks++;
    }
  }
  expect([...broken]).toEqual([]);
  expect(crossLinks).toBeGreaterThan(0);
});

const FIXTURE = join(APP_DIR, 'test/fixtures/undocumented');

test('the check finds every export and member without a doc comment, in every entry point', async () => {
  const problems = await checkDocumented(FIXTURE);
  const undocumented = problems
    .map((p) => /^(\S+) \(\w+\), defined in .* does not have any documentation$/.exec(p)?.[1])
    .sort();
  expect(undocumented).toEqual([
    'undocumented-fixture.Options.undocumentedProperty',
    'undocumented-fixture.backend.__type.run',
    'undocumented-fixture.undocumentedFunction',
    'undocumented-fixture/extra.UNDOCUMENTED_CONSTANT',
  ]);
});

test('the build of a reference fails on an undocumented export, naming it', async () => {
  const out = join(APP_DIR, 'reports/api-fixture');
  await expect(writeReference({ packageDir: FIXTURE, out })).rejects.toThrow(
    /undocumented-fixture\.undocumentedFunction \(CallSignature\)/,
  );
  expect(existsSync(out)).toBe(false);
});
