// The workspace packages, read from the file system (no pnpm API needed).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname;

/** Folders holding packages, and the single-package folders (pnpm-workspace.yaml lists both). */
const GROUPS = ['packages', 'apps'];
const SINGLES = ['bench', 'test-support', 'platform'];

/** Every workspace package under `root` (this repository, or a scratch copy of it). */
export const workspacePackages = (root = ROOT) =>
  [
    ...GROUPS.flatMap((group) => {
      const dir = join(root, group);
      return existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : [];
    }),
    ...SINGLES.map((name) => join(root, name)),
  ]
    .filter((path) => existsSync(join(path, 'package.json')))
    .map((path) => ({
      path,
      manifest: JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')),
    }));

/** The packages npm gets: every one not marked private. */
export const publishedPackages = (root = ROOT) =>
  workspacePackages(root).filter(({ manifest }) => !manifest.private);
