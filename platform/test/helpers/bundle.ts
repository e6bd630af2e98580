// A library's check bundled by esbuild with the library's built dist (and its dependencies) into
// one classic script, as a browser or a generic runtime gets it. The script defines the global
// `lninvoiceCheck` with `run(vectorsJson): Promise<resultsJson>`.
import { build, type Platform } from 'esbuild';
import type { LibraryName } from './libraries.js';

const PLATFORM_DIR = new URL('../..', import.meta.url).pathname;
export const BUNDLE_GLOBAL = 'lninvoiceCheck';

/**
 * `neutral`: no `browser` or `node` export conditions (what Deno, React Native or a worker bundler
 * without browser fields resolves); `browser`: what a web app's bundler resolves.
 */
export const bundleCheck = async (name: LibraryName, platform: Platform): Promise<string> => {
  const result = await build({
    stdin: {
      contents: `import { check } from './src/checks/${name}.js';
import { runner } from './src/run.js';
export const run = runner(check);`,
      resolveDir: PLATFORM_DIR,
      sourcefile: `${name}-check.ts`,
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
    globalName: BUNDLE_GLOBAL,
    platform,
    target: 'es2022',
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
};
