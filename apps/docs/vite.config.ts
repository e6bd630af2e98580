import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { apiReferencePlugin } from './build/api-plugin';
import { sitePlugin } from './build/site-plugin';

const appDir = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  // Relative URLs: the built site works from any directory of any static server.
  base: './',
  plugins: [
    sitePlugin({ appDir, repoDir: resolve(appDir, '../..') }),
    // After the pages: the packages' API references, in dist/api/<package>/.
    apiReferencePlugin({ repoDir: resolve(appDir, '../..') }),
  ],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    // Every supported browser has module preloading; the polyfill would be dead code.
    modulePreload: { polyfill: false },
    // The ₿ fonts stay files: inlined, every page's stylesheet would carry them, needed or not.
    assetsInlineLimit: (file) => (file.endsWith('.woff2') ? false : undefined),
    rollupOptions: {
      output: {
        // The libraries in one file: the playground loads it at once, docs pages on "Run".
        manualChunks: (id) => (/\/(packages|node_modules)\//.test(id) ? 'lninvoice' : undefined),
      },
      onwarn(warning, warn) {
        // @scure/base places a /* @__PURE__ */ where Rollup cannot use it; harmless, not ours.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
