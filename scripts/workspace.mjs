// The workspace packages, read from the file system (no pnpm API needed).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname;

/** Every package under packages/ and apps/, with its directory and package.json. */
export const workspacePackages = () =>
  ['packages', 'apps'].flatMap((group) => {
    const dir = join(ROOT, group);
    if (!existsSync(dir)) return [];
    return readdirSync(dir)
      .map((name) => join(dir, name))
      .filter((path) => existsSync(join(path, 'package.json')))
      .map((path) => ({
        path,
        manifest: JSON.parse(readFileSync(join(path, 'package.json'), 'utf8')),
      }));
  });
