// A fresh install of the workspace prints no warning about the lninvoice command: its bin is a
// launcher kept in git (bin/lninvoice.cjs), which exists before anything is built, where a bin
// pointing into dist/ made pnpm warn "Failed to create bin at …/bench/node_modules/.bin/lninvoice".
// The repository's committed state is cloned and installed from pnpm's store (--offline).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'lninvoice-install-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** As typed in a shell: without the npm_config_* settings of a pnpm run around this test. */
const env = Object.fromEntries(
  Object.entries(process.env).filter(([name]) => !/^(npm|pnpm)_/i.test(name)),
);

describe('a fresh install', () => {
  it.skipIf(!existsSync(join(ROOT, '.git')))('links the lninvoice bin without a warning', () => {
    const clone = join(scratch, 'repo');
    const cloned = spawnSync('git', ['clone', '--quiet', ROOT, clone], { encoding: 'utf8' });
    expect(cloned.stderr).toBe('');
    const r = spawnSync('npx', ['-y', 'pnpm@10.34.8', 'install', '--offline'], {
      cwd: clone,
      encoding: 'utf8',
      env,
    });
    const output = r.stdout + r.stderr;
    expect(output).not.toContain('Failed to create bin');
    expect(output).not.toMatch(/\bWARN\b/);
    expect(r.status).toBe(0);
    // The bin a link would be made to (by a workspace package depending on the CLI, or by
    // `npm install --global`) is the launcher, there before any build: it needs dist/ only when
    // run. (No workspace package links it today: bench builds the CLI through turbo.json.)
    const cli = join(clone, 'packages', 'cli');
    const { bin } = JSON.parse(readFileSync(join(cli, 'package.json'), 'utf8'));
    expect(bin).toEqual({ lninvoice: './bin/lninvoice.cjs' });
    expect(readFileSync(join(cli, bin.lninvoice), 'utf8')).toContain("require('../dist/main.cjs')");
    expect(existsSync(join(cli, 'dist'))).toBe(false);
  });
});
