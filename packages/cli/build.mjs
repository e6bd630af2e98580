// Bundles the command into dist/ as CommonJS, which Node starts faster than an ES module graph:
// main.cjs (the dispatcher), one self-contained file per command, read only when it runs, and
// the parts a command reads only on demand (dist/on-demand).
// Type-checking is tsc's job.
import { readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const COMMON = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  // Node built-ins stay requires; everything else (the @lninvoice packages, noble, scure) is inside.
  packages: 'bundle',
  // Less to read and compile at every start; names kept for readable stack traces.
  minify: true,
  keepNames: true,
  logLevel: 'warning',
};

rmSync('dist', { recursive: true, force: true });
await build({
  ...COMMON,
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.cjs',
  // The commands are separate files, required by name at run time.
  external: ['./commands/*'],
});
await build({
  ...COMMON,
  entryPoints: readdirSync('src/commands').map((file) => `src/commands/${file}`),
  outdir: 'dist/commands',
  outExtension: { '.js': '.cjs' },
});
// Parts a command requires only when it needs them (decode: BOLT 12 and other text), so that
// its common case starts without reading them.
await build({
  ...COMMON,
  entryPoints: readdirSync('src/on-demand').map((file) => `src/on-demand/${file}`),
  outdir: 'dist/on-demand',
  outExtension: { '.js': '.cjs' },
});
