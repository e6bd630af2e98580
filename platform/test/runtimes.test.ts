// Each built library, bundled for a generic runtime (esbuild, platform neutral, as vm.test.ts
// bundles it), runs its vectors under Bun and under Deno — the binaries of the npm packages pinned
// in package.json, Deno with no permission at all — and gives exactly the results it gives in
// Node, where every vector passes. Then Hermes' compiler, which React Native runs on every bundle
// it ships, compiles the same script: Hermes accepts its syntax (what Hermes lacks at run time is
// vm.test.ts's Hermes context).
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../src/view.js';
import { bunBinary, denoBinary, hermescBinary, pinnedVersion } from './helpers/binaries.js';
import { BUNDLE_GLOBAL, bundleCheck } from './helpers/bundle.js';
import { execute } from './helpers/execute.js';
import { LIBRARIES } from './helpers/libraries.js';
import { nodeRun } from './helpers/node-run.js';

let dir: string;

/** A runtime's environment: its caches in the test's folder, no update check, no colour. */
const env = (): NodeJS.ProcessEnv => ({
  ...process.env,
  NO_COLOR: '1',
  DENO_DIR: join(dir, 'deno-cache'),
  DENO_NO_UPDATE_CHECK: '1',
  BUN_RUNTIME_TRANSPILER_CACHE_PATH: '0',
  DO_NOT_TRACK: '1',
});

interface Runtime {
  readonly name: string;
  /** What the script reports: name and version, the one platform/package.json pins. */
  readonly version: string;
  /** The binary and its arguments that run `script`. */
  readonly command: (script: string) => readonly [string, readonly string[]];
}

const BUN: Runtime = {
  name: 'Bun',
  version: `Bun ${pinnedVersion('bun')}`,
  command: (script) => [bunBinary(), [script]],
};

/** No --allow-* flag; --no-prompt: a permission the script asks for fails it, without waiting. */
const DENO: Runtime = {
  name: 'Deno',
  version: `Deno ${pinnedVersion('deno')}`,
  command: (script) => [
    denoBinary(),
    ['run', '--no-prompt', '--no-config', '--no-lock', '--no-remote', '--no-npm', script],
  ],
};

/** hermesc compiling `script` to Hermes bytecode. */
const hermesc = (script: string) =>
  execute(hermescBinary(), ['-emit-binary', '-out', `${script}.hbc`, script], {
    cwd: dir,
    env: env(),
  });

/**
 * The library's check as a script: its bundle, then one run on `vectors` that prints the
 * runtime's name and version and the results, as one line of JSON.
 */
const script = (bundle: string, vectors: string): string => `${bundle}
const runtime = typeof Deno !== 'undefined' ? 'Deno ' + Deno.version.deno
  : typeof Bun !== 'undefined' ? 'Bun ' + Bun.version : 'unknown';
${BUNDLE_GLOBAL}.run(${JSON.stringify(vectors)}).then((results) =>
  console.log(JSON.stringify({ runtime, results: JSON.parse(results) })));
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lninvoice-runtimes-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe.each(LIBRARIES)('$packageName', (library) => {
  const vectors = JSON.stringify(library.vectors());
  let expected: Result[];
  let file: string;

  beforeAll(async () => {
    expected = JSON.parse(await nodeRun(library.name)(vectors)) as Result[];
    file = join(dir, `${library.name}.js`);
    writeFileSync(file, script(await bundleCheck(library.name, 'neutral'), vectors));
  });

  it.each([BUN, DENO])(
    'gives Node’s results in $name, where every vector passes',
    async (runtime) => {
      const [binary, args] = runtime.command(file);
      const run = await execute(binary, args, { cwd: dir, env: env() });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const { runtime: version, results } = JSON.parse(run.stdout) as {
        runtime: string;
        results: Result[];
      };
      expect(version).toBe(runtime.version);
      expect(results.filter((r) => !r.pass).map((r) => r.id)).toEqual([]);
      expect(results.map((r) => r.id)).toEqual(expected.map((r) => r.id));
      for (const [i, result] of results.entries()) expect(result, result.id).toEqual(expected[i]);
    },
  );

  it('compiles with Hermes’ compiler (React Native)', async () => {
    const run = await hermesc(file);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(statSync(`${file}.hbc`).size).toBeGreaterThan(10_000);
  });
});

describe('the harness', () => {
  it('Deno has no permission: reading the environment fails', async () => {
    const file = join(dir, 'env.js');
    writeFileSync(file, 'console.log(Deno.env.get("HOME"));');
    const [binary, args] = DENO.command(file);
    const run = await execute(binary, args, { cwd: dir, env: env() });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('NotCapable');
  });

  it('hermesc refuses syntax Hermes lacks (a RegExp with the v flag, ES2024)', async () => {
    const file = join(dir, 'v-flag.js');
    writeFileSync(file, 'const letters = /[\\p{L}--[a-z]]/v;');
    const run = await hermesc(file);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain('Invalid regular expression');
  });
});
