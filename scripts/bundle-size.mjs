// The size a browser pays for some imports: bundled by esbuild for browsers, minified, gzipped.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/**
 * Bytes of the bundle of `source` (ES module text importing packages resolvable from
 * `resolveDir`), minified and gzipped at level 9. Packages marked side-effect free are
 * tree-shaken as a user's bundler would.
 */
export const bundleSize = async (source, resolveDir, extra = {}) => {
  const result = await build({
    stdin: { contents: source, resolveDir, loader: 'js' },
    bundle: true,
    write: false,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
    ...extra,
  });
  const code = result.outputFiles[0].contents;
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length };
};

export const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
