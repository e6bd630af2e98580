// Before the browser tests: the built site must be there and current, and Chromium installed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM } from 'test-support/browser';
import { build } from 'vite';
import { APP_DIR, DIST } from './helpers/paths';

export default async function setup(): Promise<void> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (.ci/run does it)`);
  }
  // Under turbo, the test task depends on the build task: the site is built already.
  if (process.env.TURBO_HASH === undefined) {
    const packages = spawnSync(process.execPath, ['scripts/build-packages.mjs'], {
      cwd: APP_DIR,
      stdio: 'inherit',
    });
    if (packages.status !== 0) throw new Error('building the @lninvoice packages failed');
    await build({ root: APP_DIR, configFile: `${APP_DIR}/vite.config.ts`, logLevel: 'warn' });
  }
  if (!existsSync(`${DIST}/index.html`)) throw new Error(`${DIST} has no built site`);
}
