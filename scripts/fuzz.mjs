// `pnpm fuzz`: the property tests of the libraries, run many times longer than in CI with a random
// seed. Whatever fails is shrunk and saved under the package's test/regressions/, where every
// later `pnpm test` replays it first. Options:
//   --runs N       runs per property, as a multiple of its CI count (default 20)
//   --seed S       a fixed seed instead of a random one (to replay a reported run)
//   --package P    only this package (core, validate, lnurl, uri); repeatable
//   anything else  passed to vitest (e.g. a test file name filter)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from './workspace.mjs';

const LIBRARIES = ['core', 'validate', 'lnurl', 'uri', 'bolt12', 'l402', 'bip353'];
const { values, positionals } = parseArgs({
  options: {
    runs: { type: 'string', default: '20' },
    seed: { type: 'string' },
    package: { type: 'string', multiple: true },
  },
  allowPositionals: true,
});
const chosen = values.package ?? LIBRARIES;
for (const name of chosen) {
  if (!LIBRARIES.includes(name))
    throw new Error(`--package ${name}: one of ${LIBRARIES.join(', ')}`);
}

const regressions = (dir) => {
  const folder = join(dir, 'test', 'regressions');
  return existsSync(folder) ? readdirSync(folder).map((f) => join(folder, f)) : [];
};

const env = {
  ...process.env,
  FUZZ_RUNS: values.runs,
  ...(values.seed ? { FUZZ_SEED: values.seed } : {}),
};
const vitest = join(ROOT, 'node_modules', '.bin', 'vitest');
const results = [];
for (const name of chosen) {
  const dir = join(ROOT, 'packages', name);
  const before = new Set(regressions(dir));
  console.log(
    `\n=== fuzz @lninvoice/${name}: ${values.runs}× the CI runs, ${values.seed ? `seed ${values.seed}` : 'random seeds'}`,
  );
  const { status } = spawnSync(
    vitest,
    ['run', '--testTimeout=0', '--hookTimeout=0', ...positionals],
    {
      cwd: dir,
      env,
      stdio: 'inherit',
    },
  );
  const found = regressions(dir).filter((f) => !before.has(f));
  results.push({ name, ok: status === 0, found });
}

console.log('\n=== fuzz summary');
for (const { name, ok, found } of results) {
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} @lninvoice/${name}${found.length ? ` — new regression files: ${found.join(', ')}` : ''}`,
  );
}
console.log(
  'Counterexamples are also appended to existing files under test/regressions/ (see git status).',
);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
