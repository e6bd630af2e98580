// Bundles the command into dist/: one file to start (node resolves and links a few modules
// instead of fifty) and one chunk per command, loaded when it runs. Type-checking is tsc's job.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/main.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  // Node built-ins stay imports; everything else (the @lninvoice packages, noble, scure) is inside.
  packages: 'bundle',
  logLevel: 'warning',
});
