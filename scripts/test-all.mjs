// The whole test suite, as CI runs it: lint, build, typecheck, unit and integration tests of
// every package, the packed-package checks, the size budgets, a quick run of the benchmark and
// the changesets configuration. Ends with one line, "N passed, N failed": the tests of every
// vitest report plus one per check step.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
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

const reports = workspacePackages().map(({ path, manifest }) => ({
  name: manifest.name,
  file: join(path, 'reports', 'vitest.json'),
  hasTests: Boolean(manifest.scripts?.test),
}));
for (const r of reports) rmSync(r.file, { force: true });

const steps = [
  ['lint and format', biome, ['ci', '.']],
  ['build and typecheck', turbo, ['run', 'build', 'typecheck', '--output-logs=errors-only']],
  ['tests', turbo, ['run', 'test', '--output-logs=full', '--concurrency=1']],
  ['packed packages', process.execPath, [join(ROOT, 'scripts', 'check-packages.mjs')]],
  ['size budgets', process.execPath, [join(ROOT, 'scripts', 'size.mjs')]],
  // The benchmark suite must keep running; its numbers are only meaningful from `pnpm bench`.
  ['benchmark (quick run)', process.execPath, [join(ROOT, 'bench', 'src', 'run.mjs'), '--quick']],
  ['changesets config', join(ROOT, 'node_modules', '.bin', 'changeset'), ['status']],
];
const results = steps.map(([label, cmd, args]) => ({ label, ok: run(label, cmd, args) }));

let passed = 0;
let failed = 0;
console.log('\n=== summary');
for (const r of reports.filter((x) => x.hasTests)) {
  if (!existsSync(r.file)) {
    failed++;
    console.log(`FAIL ${r.name}: no test report (the tests did not run)`);
    continue;
  }
  const json = JSON.parse(readFileSync(r.file, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  const suitesFailed = json.testResults.filter(
    (t) => t.status === 'failed' && t.assertionResults.length === 0,
  );
  failed += suitesFailed.length;
  console.log(
    `${json.numFailedTests + suitesFailed.length === 0 ? 'ok  ' : 'FAIL'} ${r.name}: ${json.numPassedTests} passed, ${json.numFailedTests} failed${suitesFailed.length ? `, ${suitesFailed.length} test files did not load` : ''}`,
  );
}
for (const { label, ok } of results.filter((x) => x.label !== 'tests')) {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}`);
}
if (!results.find((x) => x.label === 'tests')?.ok && failed === 0) failed++;
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
