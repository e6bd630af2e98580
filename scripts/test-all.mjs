// The whole test suite, as CI runs it: lint, build, typecheck, unit and integration tests of
// every package, the packed-package checks, their install into fresh projects, the release
// configuration and a release dry run, the size budgets, the benchmark's smoke run and the
// changesets configuration. Every step runs, and every package's tests run, even when another
// fails, so that one run shows every failure. Ends with one line, "N passed, N failed": the tests
// of every vitest report plus one per check step, after a summary that names each failure.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, workspacePackages } from './workspace.mjs';

const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: '1',
  TURBO_NO_UPDATE_NOTIFIER: '1',
  NO_COLOR: '1',
};
const run = (label, cmd, args) => {
  console.log(`\n=== ${label}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env });
  return r.status === 0;
};
const turbo = join(ROOT, 'node_modules', '.bin', 'turbo');
const biome = join(ROOT, 'node_modules', '.bin', 'biome');
// A task whose own dependencies built runs whatever else failed: a failing test in one package
// leaves the others' reports; a package whose build failed is not tested against a stale dist.
const CONTINUE = '--continue=dependencies-successful';

const reports = workspacePackages().map(({ path, manifest }) => ({
  name: manifest.name,
  file: join(path, 'reports', 'vitest.json'),
  hasTests: Boolean(manifest.scripts?.test),
}));
for (const r of reports) rmSync(r.file, { force: true });

const steps = [
  ['lint and format', biome, ['ci', '.']],
  [
    'build and typecheck',
    turbo,
    ['run', 'build', 'typecheck', '--output-logs=errors-only', CONTINUE],
  ],
  ['tests', turbo, ['run', 'test', '--output-logs=full', '--concurrency=1', CONTINUE]],
  ['packed packages', process.execPath, [join(ROOT, 'scripts', 'check-packages.mjs')]],
  // The tarballs installed with npm (offline) into fresh ESM, CommonJS and TypeScript projects.
  ['installed packages', process.execPath, [join(ROOT, 'scripts', 'check-install.mjs')]],
  ['release configuration', process.execPath, [join(ROOT, 'scripts', 'check-release.mjs')]],
  // changeset version in a scratch copy, then the versioned tarballs checked (no network).
  ['release dry run', process.execPath, [join(ROOT, 'scripts', 'release-dry-run.mjs')]],
  ['size budgets', process.execPath, [join(ROOT, 'scripts', 'size.mjs')]],
  // Whether the benchmark runs and its contenders agree; its numbers come from `pnpm bench`.
  ['benchmark smoke run', process.execPath, [join(ROOT, 'bench', 'src', 'smoke.mjs')]],
  ['changesets config', join(ROOT, 'node_modules', '.bin', 'changeset'), ['status']],
];
const results = steps.map(([label, cmd, args]) => ({ label, ok: run(label, cmd, args) }));

/** At most this many failed tests are named per package; the log above has them all. */
const NAMED = 20;
let passed = 0;
let failed = 0;
const failures = [];
console.log('\n=== summary');
for (const r of reports.filter((x) => x.hasTests)) {
  if (!existsSync(r.file)) {
    failed++;
    failures.push(
      `${r.name}: its tests did not run (its build or a dependency's failed, or vitest could not start: see above)`,
    );
    console.log(`FAIL ${r.name}: no test report`);
    continue;
  }
  const json = JSON.parse(readFileSync(r.file, 'utf8'));
  const notLoaded = json.testResults.filter(
    (t) => t.status === 'failed' && t.assertionResults.length === 0,
  );
  const failedTests = json.testResults.flatMap((t) =>
    t.assertionResults
      .filter((a) => a.status === 'failed')
      .map((a) => `${relative(ROOT, t.name)} › ${a.fullName}`),
  );
  // vitest also fails a run for errors outside any test (an unhandled rejection, say).
  const outside = json.success === false && failedTests.length + notLoaded.length === 0 ? 1 : 0;
  passed += json.numPassedTests;
  failed += json.numFailedTests + notLoaded.length + outside;
  for (const name of failedTests.slice(0, NAMED)) failures.push(`${r.name}: ${name}`);
  if (failedTests.length > NAMED)
    failures.push(`${r.name}: and ${failedTests.length - NAMED} more failed tests`);
  for (const t of notLoaded) failures.push(`${r.name}: ${relative(ROOT, t.name)} did not load`);
  if (outside) failures.push(`${r.name}: errors outside any test (see above)`);
  const bad = json.numFailedTests + notLoaded.length + outside;
  console.log(
    `${bad === 0 ? 'ok  ' : 'FAIL'} ${r.name}: ${json.numPassedTests} passed, ${json.numFailedTests} failed${notLoaded.length ? `, ${notLoaded.length} test files did not load` : ''}`,
  );
}
for (const { label, ok } of results.filter((x) => x.label !== 'tests')) {
  if (ok) passed++;
  else {
    failed++;
    failures.push(`step "${label}" failed (see its output above)`);
  }
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}`);
}
if (!results.find((x) => x.label === 'tests')?.ok && failed === 0) {
  failed++;
  failures.push('step "tests" failed, though every report passed (see its output above)');
}
if (failures.length > 0) {
  console.log('\n=== failures');
  for (const f of failures) console.log(`- ${f}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
