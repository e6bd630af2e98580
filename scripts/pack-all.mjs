// Until a release is on npm: builds every published package, packs it into one folder
// (`packs/` of the repository, or the folder given) and prints the `npm install` command of
// each, with the tarballs of the @lninvoice packages it needs. The build's output goes to
// stderr, the commands to stdout.
//   node scripts/pack-all.mjs [folder]
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { installCommands, packPackages, tarballPrefix } from './pack.mjs';
import { withPnpmOnPath } from './pnpm.mjs';
import { publishedPackages, ROOT } from './workspace.mjs';

const dest = resolve(process.argv[2] ?? join(ROOT, 'packs'));
const packages = publishedPackages();

execFileSync(
  join(ROOT, 'node_modules', '.bin', 'turbo'),
  [
    'run',
    'build',
    '--output-logs=errors-only',
    ...packages.map((p) => `--filter=${p.manifest.name}`),
  ],
  {
    cwd: ROOT,
    stdio: ['ignore', process.stderr, process.stderr],
    env: withPnpmOnPath({ ...process.env, TURBO_TELEMETRY_DISABLED: '1' }),
  },
);
// Tarballs of an earlier version left in the folder would be mistaken for the current ones.
mkdirSync(dest, { recursive: true });
const prefixes = packages.map((p) => tarballPrefix(p.manifest.name));
for (const file of readdirSync(dest))
  if (file.endsWith('.tgz') && prefixes.some((p) => file.startsWith(p))) rmSync(join(dest, file));

const packs = packPackages(dest);
console.log(`Packed ${packs.length} packages into ${dest}. In your project, run one of these:\n`);
for (const { name, line } of installCommands(packs)) console.log(`# ${name}\n${line}\n`);
