// The checks of one packed package: publint (package.json, exports, files) and, for libraries
// with types, @arethetypeswrong/cli (types resolve under node16 and bundler resolution; ESM
// only, so node10/CJS are out of scope).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './workspace.mjs';

const bin = (name) => join(ROOT, 'node_modules', '.bin', name);

/** Runs each check on `tarball`; returns `{ tool, ok, output }` for each. */
export const checkTarball = (tarball, manifest) => {
  const checks = [['publint', [tarball, '--strict']]];
  if (manifest.exports?.['.']?.types)
    checks.push(['attw', [tarball, '--profile', 'esm-only', '--format', 'table-flipped']]);
  return checks.map(([tool, args]) => {
    const r = spawnSync(bin(tool), args, { encoding: 'utf8' });
    return { tool, ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
  });
};
