// The next release rehearsed, with no network and nothing published. In a scratch copy of the
// working tree (tracked and new files as they are on disk, so uncommitted work counts),
// `changeset version` writes what the version pull request of the release workflow would; then,
// as the workflow does once it is merged, every published package is built (from scratch: the
// command bundles its package.json, version included) and packed as `changeset publish`
// publishes it, and checked: publint and attw on each tarball; one new version for all (the
// fixed group), the @lninvoice dependencies pinned to it and no `workspace:` range left; the
// release fields and a CHANGELOG.md with the version's entry; the versioned tree passing
// `biome ci`; the command reporting the new version. Private packages keep their version and
// get no changelog. Exit status 1 when any check fails.
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildPublished } from './build-packages.mjs';
import { packPackages } from './pack.mjs';
import { pnpm } from './pnpm.mjs';
import { releaseFieldProblems } from './release-fields.mjs';
import { checkTarball } from './tarball-checks.mjs';
import { publishedPackages, ROOT, workspacePackages } from './workspace.mjs';

const scratch = mkdtempSync(join(tmpdir(), 'lninvoice-release-'));
let failed = 0;
const report = (ok, label, detail = '') => {
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}${ok || detail === '' ? '' : `\n${detail}`}`);
};
const newer = (a, b) => {
  const [x, y] = [a, b].map((v) => v.split(/[.-]/).slice(0, 3).map(Number));
  const i = x.findIndex((n, k) => n !== y[k]);
  return i !== -1 && x[i] > y[i];
};

try {
  // The copy: what git would commit now, and the builds.
  const files = execFileSync(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  )
    .split('\0')
    .filter((file) => file !== '' && existsSync(join(ROOT, file)));
  for (const file of files) cpSync(join(ROOT, file), join(scratch, file));
  pnpm(['install', '--offline', '--frozen-lockfile', '--ignore-scripts'], scratch);

  const before = new Map(workspacePackages(scratch).map((p) => [p.path, p.manifest]));
  const changesets = readdirSync(join(scratch, '.changeset')).filter(
    (f) => f.endsWith('.md') && f !== 'README.md',
  );
  const version = spawnSync(join(scratch, 'node_modules', '.bin', 'changeset'), ['version'], {
    cwd: scratch,
    encoding: 'utf8',
  });
  report(
    version.status === 0,
    `changeset version (${changesets.length} changesets)`,
    `${version.stdout}${version.stderr}`,
  );
  const left = readdirSync(join(scratch, '.changeset')).filter(
    (f) => f.endsWith('.md') && f !== 'README.md',
  );
  report(left.length === 0, 'every changeset consumed', left.join(', '));

  // Versions, changelogs and fields, as the version pull request would leave them.
  const published = publishedPackages(scratch);
  const versions = new Set(published.map((p) => p.manifest.version));
  const [next] = versions;
  const old = before.get(published[0].path).version;
  report(
    versions.size === 1 && (changesets.length === 0 ? next === old : newer(next, old)),
    `one version for all ${published.length} published packages: ${old} → ${[...versions].join(', ')}`,
  );
  for (const { path, manifest } of published) {
    const changelog = join(path, 'CHANGELOG.md');
    const text = existsSync(changelog) ? readFileSync(changelog, 'utf8') : '';
    report(
      text.startsWith(`# ${manifest.name}\n`) && text.includes(`\n## ${next}\n`),
      `${manifest.name}: CHANGELOG.md with a "## ${next}" entry`,
      text.slice(0, 400),
    );
    const problems = releaseFieldProblems(manifest, path, scratch);
    report(problems.length === 0, `${manifest.name}: release fields`, problems.join('\n'));
  }
  for (const { path, manifest } of workspacePackages(scratch).filter((p) => p.manifest.private)) {
    const was = before.get(path)?.version;
    // A changelog the copy has and the working tree has not: changesets wrote it.
    const changelog =
      existsSync(join(path, 'CHANGELOG.md')) &&
      !existsSync(join(ROOT, relative(scratch, path), 'CHANGELOG.md'));
    report(
      manifest.version === was && !changelog,
      `${manifest.name} (private): not versioned`,
      `version ${was} → ${manifest.version}${changelog ? ', a CHANGELOG.md written' : ''}`,
    );
  }
  // The version pull request passes the lint step of CI (changesets' CHANGELOG.md files are
  // not in Biome's files, as .changeset/*.md are not).
  const biome = spawnSync(join(ROOT, 'node_modules', '.bin', 'biome'), ['ci', '.'], {
    cwd: scratch,
    encoding: 'utf8',
  });
  report(biome.status === 0, 'biome ci . after versioning', `${biome.stdout}${biome.stderr}`);

  // The tarballs `changeset publish` would upload, built after versioning.
  buildPublished(scratch, { force: true });
  for (const { name, manifest, tarball } of packPackages(join(scratch, 'packs'), scratch)) {
    const packed = execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], {
      encoding: 'utf8',
    });
    const json = JSON.parse(packed);
    const pins = Object.entries(json.dependencies ?? {}).filter(([dep]) =>
      dep.startsWith('@lninvoice/'),
    );
    report(
      json.version === next &&
        pins.every(([, range]) => range === next) &&
        !packed.includes('workspace:'),
      `${name}: packed at ${next}, its @lninvoice dependencies too`,
      packed,
    );
    for (const { tool, ok, output } of checkTarball(tarball, manifest))
      report(ok, `${tool} ${name}@${next}`, output);
    if (manifest.bin !== undefined) {
      const dir = join(scratch, 'unpacked', manifest.name);
      mkdirSync(dir, { recursive: true });
      execFileSync('tar', ['-xzf', tarball, '-C', dir]);
      const bin = join(dir, 'package', Object.values(manifest.bin)[0]);
      const said = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8' });
      report(
        said.stdout.trim() === next,
        `${name} --version says ${next}`,
        `${said.stdout}${said.stderr}`,
      );
    }
  }
} catch (error) {
  report(false, 'release dry run', error instanceof Error ? error.message : String(error));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
console.log(
  failed === 0 ? 'release dry run: all checks passed' : `release dry run: ${failed} failed`,
);
process.exitCode = failed === 0 ? 0 : 1;
