// The Vite plugin that adds the API references to the built site: after the pages are written,
// TypeDoc writes each library package's reference to dist/api/<package>/, and each of its pages
// gets the site's Content-Security-Policy (no request off the site) and links back to the site.
// The dev server writes them once, when it starts, to Vite's cache, and serves them from there.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { writeReference } from './api-docs';
import { API_PACKAGES } from './api-link';
import { CSP, FAVICON } from './site-plugin';

/** TypeDoc writes links as given on every page, at every depth: links to the site are written
 * with this prefix, made relative to each page afterwards. */
const SITE = 'lninvoice-site:';

const htmlFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => join(dir, file));

/**
 * The site's policy, with what TypeDoc's pages need: their one inline script (the colour theme,
 * before the page shows), allowed by its hash, and the style element its filters write. Styles
 * can make no request the policy does not already refuse (no fonts, images only from the site).
 */
const policyFor = (html: string): string => {
  const hashes = [...html.matchAll(/<script>([^<]*)<\/script>/g)].map(
    ([, body]) =>
      `'sha256-${createHash('sha256')
        .update(body ?? '')
        .digest('base64')}'`,
  );
  return CSP.replace(
    "script-src 'self'",
    ["script-src 'self'", ...new Set(hashes)].join(' '),
  ).replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");
};

/** The site's policy and icon in each page's head, and its links to the site made relative. */
const finishPages = (referenceDir: string, siteDir: string): void => {
  for (const file of htmlFiles(referenceDir)) {
    const toSite = relative(join(file, '..'), siteDir).split(sep).join('/');
    const html = readFileSync(file, 'utf8');
    const head = `<meta http-equiv="Content-Security-Policy" content="${policyFor(html)}"/><link rel="icon" href="${FAVICON}"/>`;
    const finished = html
      .replace('<meta charset="utf-8"/>', (charset) => `${charset}${head}`)
      // TypeDoc opens links it thinks external in a new tab; those into the site are not.
      .replace(/(href="lninvoice-site:[^"]*"[^>]*?) target="_blank"/g, '$1')
      .replaceAll(`href="${SITE}`, `href="${toSite}/`);
    if (!finished.includes('Content-Security-Policy')) throw new Error(`${file}: no <head> found`);
    writeFileSync(file, finished);
  }
};

/**
 * Writes every package's reference to `siteDir`/api/<package>/. A package's types and links lead
 * into the references of the packages it uses, written before it (API_PACKAGES lists them so);
 * any other symbol of a package, to its index.
 */
const writeReferences = async (repoDir: string, siteDir: string): Promise<void> => {
  const written = new Map<string, Record<string, string>>();
  for (const { name } of API_PACKAGES) {
    const links = Object.fromEntries(
      API_PACKAGES.filter((p) => p.name !== name).map((p) => {
        const at = `${SITE}api/${p.name}/`;
        const targets = Object.entries(written.get(p.name) ?? {});
        return [
          `@lninvoice/${p.name}`,
          {
            ...Object.fromEntries(targets.map(([symbol, url]) => [symbol, `${at}${url}`])),
            '*': `${at}index.html`,
          },
        ];
      }),
    );
    const out = join(siteDir, 'api', name);
    const targets = await writeReference({
      packageDir: join(repoDir, 'packages', name),
      out,
      navigation: {
        [`@lninvoice/${name} guide`]: `${SITE}${name}.html`,
        'All packages': `${SITE}index.html`,
      },
      links,
    });
    written.set(name, targets);
    finishPages(out, siteDir);
  }
};

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The dev server: the references written to `siteDir` when it starts, served under /api/. */
const serveReferences = (server: ViteDevServer, repoDir: string, siteDir: string): void => {
  let state: 'writing' | 'ready' | Error = 'writing';
  writeReferences(repoDir, siteDir).then(
    () => {
      state = 'ready';
      server.config.logger.info('API references written', { timestamp: true });
    },
    (error: Error) => {
      state = error;
      server.config.logger.error(error.message, { timestamp: true });
    },
  );
  server.middlewares.use(async (request, response, next) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://dev').pathname);
    if (!path.startsWith('/api/')) return next();
    if (state !== 'ready') {
      const why = state === 'writing' ? 'being written: reload in a moment' : state.message;
      response.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end(why);
      return;
    }
    const file = resolve(siteDir, `.${path}${path.endsWith('/') ? 'index.html' : ''}`);
    if (!file.startsWith(`${siteDir}${sep}`)) return next();
    try {
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      });
      response.end(body);
    } catch {
      next();
    }
  });
};

export interface ApiPluginOptions {
  /** The repository root. */
  readonly repoDir: string;
}

export const apiReferencePlugin = ({ repoDir }: ApiPluginOptions): Plugin => {
  let outDir = '';
  let cacheDir = '';
  return {
    name: 'lninvoice-api-reference',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      cacheDir = resolve(config.cacheDir, 'lninvoice-api');
    },
    async writeBundle() {
      await writeReferences(repoDir, outDir);
    },
    configureServer(server) {
      serveReferences(server, repoDir, cacheDir);
    },
  };
};
