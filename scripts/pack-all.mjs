// Until a release is on npm: builds every published package, packs it into one folder
// (`packs/` of the repository, or the folder given) and prints the `npm install` command of
// each, with the tarballs of the @lninvoice packages it needs. The build's output goes to
// stderr, the commands to stdout.
//   node scripts/pack-all.mjs [folder]
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildPublished } from './build-packages.mjs';
import { installCommands, packPackages, tarballPrefix } from './pack.mjs';
import { publishedPackages, ROOT } from './workspace.mjs';

const dest = resolve(process.argv[2] ?? join(ROOT, 'packs'));
const packages = publishedPackages();

buildPublished();
// Tarballs of an earlier version left in the folder would be mistaken for the current ones.
mkdirSync(dest, { recursive: true });
const prefixes = packages.map((p) => tarballPrefix(p.manifest.name));
for (const file of readdirSync(dest))
  if (file.endsWith('.tgz') && prefixes.some((p) => file.startsWith(p))) rmSync(join(dest, file));

const packs = packPackages(dest);
console.log(`Packed ${packs.length} packages into ${dest}. In your project, run one of these:\n`);
for (const { name, line } of installCommands(packs)) console.log(`# ${name}\n${line}\n`);
