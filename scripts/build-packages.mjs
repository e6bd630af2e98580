// Builds the published packages of `root` (this repository or a scratch copy) with turbo, as
// `pnpm run release` does before publishing. Output goes to stderr: stdout stays for results.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { withPnpmOnPath } from './pnpm.mjs';
import { publishedPackages, ROOT } from './workspace.mjs';

/** `force`: rebuild everything, reading no cache (a scratch copy's first build). */
export const buildPublished = (root = ROOT, { force = false } = {}) =>
  execFileSync(
    join(root, 'node_modules', '.bin', 'turbo'),
    [
      'run',
      'build',
      '--output-logs=errors-only',
      ...(force ? ['--force'] : []),
      ...publishedPackages(root).map((p) => `--filter=${p.manifest.name}`),
    ],
    {
      cwd: root,
      stdio: ['ignore', process.stderr, process.stderr],
      env: withPnpmOnPath({
        ...process.env,
        TURBO_TELEMETRY_DISABLED: '1',
        TURBO_NO_UPDATE_NOTIFIER: '1',
      }),
    },
  );
