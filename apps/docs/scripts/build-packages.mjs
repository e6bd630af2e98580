// The site imports the @lninvoice packages from their built dist/, as a user's app would, so
// they must be built first. Turbo builds them (from its cache when nothing changed), unless
// turbo is what runs this script: then the task's ^build dependency has already built them.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

if (process.env.TURBO_HASH === undefined) {
  const turbo = fileURLToPath(new URL('../../../node_modules/.bin/turbo', import.meta.url));
  const result = spawnSync(
    turbo,
    ['run', 'build', '--filter=docs^...', '--output-logs=errors-only'],
    {
      stdio: 'inherit',
      env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', TURBO_NO_UPDATE_NOTIFIER: '1' },
    },
  );
  process.exitCode = result.status ?? 1;
}
