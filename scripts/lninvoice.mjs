// `pnpm lninvoice <command> …` (the README's quick start): builds the CLI and the packages it
// bundles (turbo, cached after the first run), then runs it with the arguments given. Turbo's
// banner ("• Packages in scope", "turbo 2.x") and summary cannot be turned off by a flag, so its
// output is kept and shown only when the build fails: `pnpm --silent lninvoice decode …` prints
// the answer and nothing else, on stdout and stderr alike.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT } from './workspace.mjs';

const build = spawnSync(
  join(ROOT, 'node_modules', '.bin', 'turbo'),
  ['run', 'build', '--filter=@lninvoice/cli...', '--output-logs=errors-only'],
  {
    cwd: ROOT,
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A failing build's logs, whatever their size (the default cap kills the child at 1 MiB).
    maxBuffer: 1 << 30,
  },
);
if (build.status !== 0) {
  process.stderr.write(build.stdout ?? '');
  process.stderr.write(build.stderr ?? '');
  if (build.error)
    process.stderr.write(`lninvoice: the build did not run: ${build.error.message}\n`);
  // 1, whatever turbo's status: 2 is the CLI's usage error.
  process.exit(1);
}
// The CLI in this process: it reads process.argv from index 2, as when Node starts it.
createRequire(import.meta.url)('../packages/cli/dist/main.cjs');
