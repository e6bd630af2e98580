// What every published package.json must say for npm: where its source is (provenance checks
// that `repository` is the repository that built it), its homepage and issue tracker, its
// licence, and public access with provenance.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isDeepStrictEqual } from 'node:util';

export const REPOSITORY = 'https://github.com/lninvoice/lninvoice';

/** The fields of the package in `relDir` (`packages/core`), as they must be. */
export const releaseFields = (relDir) => ({
  license: 'MIT',
  repository: { type: 'git', url: `git+${REPOSITORY}.git`, directory: relDir },
  homepage: `${REPOSITORY}/tree/main/${relDir}#readme`,
  bugs: { url: `${REPOSITORY}/issues` },
  publishConfig: { access: 'public', provenance: true },
});

/** What is wrong with the package at `dir` of the repository at `root` (nothing: []). */
export const releaseFieldProblems = (manifest, dir, root) => {
  const relDir = relative(root, dir);
  const problems = Object.entries(releaseFields(relDir))
    .filter(([key, value]) => !isDeepStrictEqual(manifest[key], value))
    .map(
      ([key, value]) =>
        `"${key}" is ${JSON.stringify(manifest[key])}, not ${JSON.stringify(value)}`,
    );
  if (!/^>=\s*20\.19/.test(manifest.engines?.node ?? ''))
    problems.push(`"engines.node" is ${JSON.stringify(manifest.engines?.node)}, not ">=20.19"`);
  if (!existsSync(join(dir, 'README.md'))) problems.push('no README.md');
  return problems.map((p) => `${manifest.name}: ${p}`);
};
