// Runs the pnpm of package.json "packageManager", as the README does (`npx -y pnpm@X`), without
// paying npx's start-up at every call: the one on PATH when `pnpm <script>` started us, else
// the path npx gives it, looked up once.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { ROOT } from './workspace.mjs';

export const PNPM_VERSION = JSON.parse(
  readFileSync(join(ROOT, 'package.json'), 'utf8'),
).packageManager.replace(/^pnpm@/, '');

let found;
/** The pinned pnpm's executable. */
export const pnpmBin = () => {
  if (found !== undefined) return found;
  const onPath = spawnSync('pnpm', ['--version'], { encoding: 'utf8' });
  if (onPath.status === 0 && onPath.stdout.trim() === PNPM_VERSION) found = 'pnpm';
  else
    found = execFileSync(
      'npx',
      ['-y', `pnpm@${PNPM_VERSION}`, 'exec', 'sh', '-c', 'command -v pnpm'],
      { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
    ).trim();
  return found;
};

/** `env` with the pinned pnpm first on PATH, for tools that run it themselves (turbo). */
export const withPnpmOnPath = (env = process.env) => {
  const bin = pnpmBin();
  return bin === 'pnpm' ? env : { ...env, PATH: `${dirname(bin)}${delimiter}${env.PATH ?? ''}` };
};

/** Runs pnpm with `args` in `cwd`; its output is returned, and shown only if it fails. */
export const pnpm = (args, cwd) => {
  const r = spawnSync(pnpmBin(), args, { cwd, encoding: 'utf8' });
  if (r.status !== 0)
    throw new Error(`pnpm ${args.join(' ')} failed in ${cwd}:\n${r.stdout}${r.stderr}`);
  return r.stdout;
};
