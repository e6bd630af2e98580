// Packs the published packages as `pnpm publish` would (workspace: ranges become versions), and
// says which tarballs `npm install` needs for each: until a release is on the registry, npm
// finds a package's @lninvoice dependencies only among the tarballs it is given.
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pnpm } from './pnpm.mjs';
import { publishedPackages, ROOT } from './workspace.mjs';

/** The start of a package's tarball names: `@lninvoice/core` → `lninvoice-core-`. */
export const tarballPrefix = (name) => `${name.replace(/^@/, '').replace('/', '-')}-`;

/** npm's and pnpm's name for a package's tarball: lninvoice-core-1.0.0.tgz. */
export const tarballName = ({ name, version }) => `${tarballPrefix(name)}${version}.tgz`;

/**
 * Packs every published package of `root` into `dest` (made if missing), in one pnpm run.
 * Needs the packages built. Returns each package with its tarball and its @lninvoice
 * dependencies.
 */
export const packPackages = (dest, root = ROOT) => {
  const packages = publishedPackages(root);
  mkdirSync(dest, { recursive: true });
  const filters = packages.flatMap(({ manifest }) => ['--filter', manifest.name]);
  pnpm([...filters, 'pack', '--pack-destination', resolve(dest)], root);
  const names = new Set(packages.map(({ manifest }) => manifest.name));
  return packages.map(({ path, manifest }) => {
    const tarball = join(resolve(dest), tarballName(manifest));
    if (!existsSync(tarball)) throw new Error(`pnpm pack made no ${tarball}`);
    return {
      name: manifest.name,
      version: manifest.version,
      dir: path,
      manifest,
      tarball,
      internal: Object.keys(manifest.dependencies ?? {}).filter((dep) => names.has(dep)),
    };
  });
};

/** The tarballs of `name` and of every published package it depends on, dependencies first. */
export const tarballsFor = (name, packs) => {
  const byName = new Map(packs.map((p) => [p.name, p]));
  const order = [];
  const visit = (n) => {
    const pack = byName.get(n);
    if (pack === undefined || order.includes(pack)) return;
    for (const dep of pack.internal) visit(dep);
    order.push(pack);
  };
  visit(name);
  return order.map((p) => p.tarball);
};

const quote = (arg) => (/^[\w./@+:=-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`);

/**
 * The `npm install` commands for the packed packages: one per package (a command, with a
 * `bin`, installed globally) and one for every library at once.
 */
export const installCommands = (packs) => {
  const libraries = packs.filter((p) => p.manifest.bin === undefined);
  const line = (args) => ['npm', 'install', ...args].map(quote).join(' ');
  return [
    ...packs.map((p) => ({
      name: p.name,
      args: [...(p.manifest.bin ? ['--global'] : []), ...tarballsFor(p.name, packs)],
    })),
    {
      name: 'every library',
      args: libraries
        .flatMap((p) => tarballsFor(p.name, packs))
        .filter((t, i, a) => a.indexOf(t) === i),
    },
  ].map((c) => ({ ...c, line: line(c.args) }));
};
