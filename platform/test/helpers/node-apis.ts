// Which Node APIs some modules use, with everything they import: the built-in modules the
// module graph imports (esbuild's metafile), CommonJS files in it, and free references to Node's
// globals in each file of it. For the last, esbuild replaces a global — and only a global: not a
// property or a local variable of the same name — with a marker that is then looked for.
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { build, transform } from 'esbuild';

export const REPO_DIR = new URL('../../..', import.meta.url).pathname;

/** Globals of Node that browsers, Deno and React Native do not have. */
export const NODE_GLOBALS = [
  'Buffer',
  'process',
  'require',
  'module',
  'exports',
  '__dirname',
  '__filename',
  'global',
  'setImmediate',
  'clearImmediate',
] as const;

const MARK = '__node_global__';
const define = Object.fromEntries(
  NODE_GLOBALS.flatMap((name) => [
    [name, `${MARK}${name}`],
    [`globalThis.${name}`, `${MARK}${name}`],
  ]),
);

/** The Node globals `code` (an ES module, in TypeScript when `loader` says so) refers to. */
export const nodeGlobalsIn = async (
  code: string,
  loader: 'js' | 'ts' = 'js',
): Promise<string[]> => {
  const { code: marked } = await transform(code, { define, loader, format: 'esm' });
  return [...new Set(Array.from(marked.matchAll(/__node_global__(\w+)/g), (m) => m[1] ?? ''))];
};

/** Every `.js` file under `dir`. */
export const jsFilesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => join(dir, file));

/**
 * What `entryPoints` and the modules they import use of Node, one line each
 * (`packages/x/dist/y.js imports node:fs`, `… uses Buffer`); empty when nothing.
 */
export const nodeApiUses = async (entryPoints: readonly string[]): Promise<string[]> => {
  const { metafile } = await build({
    entryPoints: [...entryPoints],
    absWorkingDir: REPO_DIR,
    bundle: true,
    write: false,
    outdir: 'out',
    format: 'esm',
    platform: 'neutral',
    metafile: true,
    // Kept out of the bundle, so that the metafile names them instead of the build failing.
    external: ['node:*', ...builtinModules],
    logLevel: 'silent',
  });
  const uses: string[] = [];
  for (const [file, input] of Object.entries(metafile.inputs)) {
    for (const imported of input.imports)
      if (imported.external) uses.push(`${file} imports ${imported.path}`);
    if (input.format === 'cjs') uses.push(`${file} is CommonJS`);
    const code = readFileSync(join(REPO_DIR, file), 'utf8');
    const loader = file.endsWith('.ts') ? 'ts' : 'js';
    for (const name of await nodeGlobalsIn(code, loader)) uses.push(`${file} uses ${name}`);
  }
  return uses;
};
