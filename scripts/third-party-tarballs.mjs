// The registry dependencies of the packed packages (noble, scure), packed from the workspace's
// own installed copies: given to npm as overrides, they let `npm install --offline` of our
// tarballs into a fresh project resolve everything without the registry or npm's cache.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The folder Node would load `name` from, starting at `from` (a package folder). */
const installedDir = (name, from) => {
  for (let dir = realpathSync(from); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dir === dirname(dir)) throw new Error(`${name} is not installed above ${from}`);
  }
};

/**
 * Packs, into `dest`, every package outside `packs` that they depend on, directly or not.
 * Returns npm `overrides`: each name → `file:` its tarball.
 */
export const thirdPartyTarballs = (packs, dest) => {
  const ours = new Set(packs.map((p) => p.name));
  const found = new Map(); // name → installed folder
  const queue = packs.flatMap((p) =>
    Object.keys(p.manifest.dependencies ?? {})
      .filter((name) => !ours.has(name))
      .map((name) => [name, p.dir]),
  );
  while (queue.length > 0) {
    const [name, from] = queue.shift();
    const dir = installedDir(name, from);
    const seen = found.get(name);
    if (seen === dir) continue;
    // npm overrides hold one version per name: two would need a finer mapping than this.
    if (seen !== undefined) throw new Error(`two copies of ${name}: ${seen} and ${dir}`);
    found.set(name, dir);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    for (const dep of Object.keys(manifest.dependencies ?? {})) queue.push([dep, dir]);
  }
  if (found.size === 0) return {};
  mkdirSync(dest, { recursive: true });
  const packed = JSON.parse(
    execFileSync(
      'npm',
      [
        'pack',
        '--json',
        '--ignore-scripts',
        '--pack-destination',
        resolve(dest),
        ...found.values(),
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    ),
  );
  return Object.fromEntries(
    packed.map(({ name, filename }) => [name, `file:${join(resolve(dest), filename)}`]),
  );
};
