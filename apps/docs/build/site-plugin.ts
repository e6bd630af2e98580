// The Vite plugin that makes the static site: one HTML entry per page, the navigation and the
// rendered Markdown written into each page at build time, a Content-Security-Policy that allows
// no request off the site, and `virtual:site-data` (code meanings, example invoices and offers)
// for scripts.
import { basename, join } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { withApiLink } from './api-link';
import { bolt12Samples } from './bolt12-samples';
import { codeMeanings } from './code-tables';
import { renderPage, type TocEntry } from './markdown';
import { PAGES, type SitePage } from './pages';
import { invoiceSamples } from './samples';

const VIRTUAL_ID = 'virtual:site-data';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

// Nothing may leave the site: no CDN, fonts, analytics or API calls (connect-src 'none').
// Images: the QR code is a data: URL. Fonts: the site's own ₿ (src/styles/fonts).
export const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Cpath d='M9 0 2 9h5l-1 7 7-9H8z' fill='%23f7931a'/%3E%3C/svg%3E";

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"]/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c,
  );

const header = (current: SitePage): string => {
  const links = PAGES.map((page) => {
    const here = page === current ? ' aria-current="page"' : '';
    return `<li><a href="${page.file}"${here}>${escapeHtml(page.nav)}</a></li>`;
  }).join('');
  return `<header class="site-header"><a class="brand" href="index.html">lninvoice</a><nav class="site-nav" aria-label="Site"><ul>${links}</ul></nav></header>`;
};

const tocHtml = (toc: readonly TocEntry[]): string => {
  if (toc.length === 0) return '';
  const items = toc
    .map((e) => `<li class="toc-${e.depth}"><a href="#${e.id}">${e.html}</a></li>`)
    .join('');
  return `<nav class="toc" aria-label="On this page"><p>On this page</p><ul>${items}</ul></nav>`;
};

export interface SitePluginOptions {
  /** apps/docs */
  readonly appDir: string;
  /** The repository root. */
  readonly repoDir: string;
}

export const sitePlugin = ({ appDir, repoDir }: SitePluginOptions): Plugin => {
  const readme = (name: string) => join(repoDir, 'packages', name, 'README.md');
  const vectors = join(repoDir, 'test-support/vectors/bolt11');
  const watched = new Set<string>([
    ...['core', 'bolt12', 'validate', 'lnurl', 'uri', 'l402'].map(readme),
    join(vectors, 'spec-valid.json'),
    join(vectors, 'spec-invalid.json'),
    ...['offers-test.json', 'format-string-test.json', 'signature-test.json'].map((file) =>
      join(repoDir, 'test-support/vectors/bolt12', file),
    ),
  ]);
  let isBuild = false;

  const siteData = () => ({
    codeMeanings: {
      core: codeMeanings(readme('core')),
      bolt12: codeMeanings(readme('bolt12')),
      validate: codeMeanings(readme('validate')),
      lnurl: codeMeanings(readme('lnurl')),
      uri: codeMeanings(readme('uri')),
      l402: codeMeanings(readme('l402')),
      bip353: codeMeanings(readme('bip353')),
    },
    invoiceSamples: invoiceSamples(),
    bolt12Samples: bolt12Samples(),
  });

  return {
    name: 'lninvoice-site',
    config(_, { command }) {
      isBuild = command === 'build';
      return {
        build: {
          rollupOptions: { input: PAGES.map((page) => join(appDir, page.file)) },
        },
      };
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      for (const file of watched) this.addWatchFile(file);
      return `export default ${JSON.stringify(siteData())};`;
    },
    transformIndexHtml(html, ctx) {
      const page = PAGES.find((p) => p.file === basename(ctx.filename));
      if (page === undefined) throw new Error(`${ctx.filename} is not in build/pages.ts`);
      let content = '';
      if (page.source !== undefined) {
        const rendered = renderPage(join(appDir, page.source), repoDir, page.examples);
        for (const file of rendered.files) watched.add(file);
        content = `<div class="doc-layout">${tocHtml(rendered.toc)}<article class="doc">${withApiLink(rendered.html, page.file)}</article></div>`;
      }
      const head = [
        `<link rel="icon" href="${FAVICON}" />`,
        ...(isBuild ? [`<meta http-equiv="Content-Security-Policy" content="${CSP}" />`] : []),
      ].join('\n    ');
      return html
        .replace(/<title>.*<\/title>/, `<title>${escapeHtml(page.title)} · lninvoice</title>`)
        .replace('</title>', `</title>\n    ${head}`)
        .replace('<!--site:header-->', header(page))
        .replace('<!--site:content-->', content);
    },
    configureServer(server: ViteDevServer) {
      // Markdown and vectors live outside the module graph: reload the page when they change.
      server.watcher.add([...watched, join(appDir, 'content')]);
      server.watcher.on('change', (file) => {
        if (!watched.has(file) && !file.startsWith(join(appDir, 'content'))) return;
        const data = server.moduleGraph.getModuleById(RESOLVED_ID);
        if (data !== undefined) server.moduleGraph.invalidateModule(data);
        server.ws.send({ type: 'full-reload' });
      });
    },
  };
};
