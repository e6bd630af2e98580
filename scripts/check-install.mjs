// Installs the packed packages as a user would, with npm and the commands pack-all.mjs prints,
// into fresh projects, and uses them from:
// - an ES module (import) and a CommonJS module (require: our packages are ES modules only,
//   which require() loads on Node >= 20.19, without a warning);
// - TypeScript in a CommonJS project with module nodenext and node20 (compiled, then run), and
//   with node16 and node18, which must fail with TS1479 on every import, as the README says;
//   TypeScript in an ES module project with nodenext;
// - the command, installed globally; and the library needing the most tarballs, alone.
// Offline: the registry dependencies (noble, scure) are packed from the workspace's own copies
// and given to npm as overrides, and npm gets an empty cache of its own. Needs the packages
// built. Exit status 1 when any check fails.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { installCommands, packPackages, tarballsFor } from './pack.mjs';
import { thirdPartyTarballs } from './third-party-tarballs.mjs';
import { ROOT } from './workspace.mjs';

// A BOLT 11 spec vector: decoding it checks the signature and recovers the payee.
const VECTOR = JSON.parse(
  readFileSync(join(ROOT, 'test-support/vectors/bolt11/spec-valid.json'), 'utf8'),
).find((v) => v.name === 'coffee-2500u-expiry-60');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

// npm run from `pnpm test` inherits pnpm's npm_config_* settings: a user's npm has none.
const env = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(npm|pnpm)_/i.test(key)),
);
const run = (cmd, args, cwd) => spawnSync(cmd, args, { cwd, env, encoding: 'utf8' });

const tmp = mkdtempSync(join(tmpdir(), 'lninvoice-install-'));
let failed = 0;
/** Runs one check: `body` returns nothing when it holds, or throws saying what went wrong. */
const check = (label, body) => {
  try {
    body();
    console.log(`ok   ${label}`);
  } catch (error) {
    failed++;
    console.log(`FAIL ${label}\n${error instanceof Error ? error.message : error}`);
  }
};
const write = (file, text) => {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
};
/** A fresh npm project in `dir`, whose registry dependencies come from `overrides`. */
const npmProject = (dir, overrides, installArgs) => {
  write(join(dir, 'package.json'), JSON.stringify({ name: 'app', private: true, overrides }));
  const args = ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'];
  const r = run('npm', [...args, '--cache', join(tmp, 'npm-cache'), ...installArgs], dir);
  if (r.status !== 0) throw new Error(`npm ${installArgs.join(' ')}:\n${r.stdout}${r.stderr}`);
};
/** Runs `node file` and returns what it printed as JSON; fails on any warning. */
const runJson = (file, cwd) => {
  const r = run(process.execPath, [file], cwd);
  if (r.status !== 0 || /Warning|ERR_/.test(r.stderr))
    throw new Error(`node ${file}: exit ${r.status}\n${r.stdout}${r.stderr}`);
  return JSON.parse(r.stdout);
};

// What each probe prints: the export names of every entry point, and the vector decoded.
const REPORT = `JSON.stringify({
  names,
  amountMsat: String(invoice.amountMsat),
  description: invoice.description,
  payee,
})`;
const expected = (report, entries) => {
  if (report.amountMsat !== VECTOR.amount_msat) throw new Error(`amount ${report.amountMsat}`);
  if (report.description !== VECTOR.description) throw new Error(`${report.description}`);
  if (report.payee !== VECTOR.payee) throw new Error(`payee ${report.payee}`);
  const empty = entries.filter((e) => !(report.names[e]?.length > 0));
  if (empty.length > 0) throw new Error(`no exports from ${empty.join(', ')}`);
};

try {
  const packs = packPackages(join(tmp, 'packs'));
  const overrides = thirdPartyTarballs(packs, join(tmp, 'deps'));
  const commands = installCommands(packs);
  const libraries = packs.filter((p) => p.manifest.bin === undefined);
  const entriesOf = (p) =>
    Object.keys(p.manifest.exports)
      .filter((subpath) => subpath !== './package.json')
      .map((subpath) => `${p.name}${subpath.slice(1)}`);
  const entries = libraries.flatMap(entriesOf);
  const app = join(tmp, 'app');
  let esm;

  check('npm install of every library (the command pack-all prints)', () =>
    npmProject(app, overrides, commands.find((c) => c.name === 'every library').args),
  );

  check(`import of ${entries.length} entry points in an ES module`, () => {
    write(join(app, 'esm/package.json'), '{ "type": "module" }');
    write(
      join(app, 'esm/index.js'),
      `const names = {};
for (const entry of ${JSON.stringify(entries)}) names[entry] = Object.keys(await import(entry)).sort();
const invoice = (await import('@lninvoice/core')).decode(${JSON.stringify(VECTOR.invoice)});
const payee = (await import('@lninvoice/core/text')).toHex(invoice.payeeNodeKey);
console.log(${REPORT});\n`,
    );
    esm = runJson('esm/index.js', app);
    expected(esm, entries);
  });

  check('require() of every entry point in a CommonJS module, the same exports', () => {
    write(join(app, 'cjs/package.json'), '{ "type": "commonjs" }');
    write(
      join(app, 'cjs/index.js'),
      `const names = {};
for (const entry of ${JSON.stringify(entries)}) names[entry] = Object.keys(require(entry)).sort();
const invoice = require('@lninvoice/core').decode(${JSON.stringify(VECTOR.invoice)});
const payee = require('@lninvoice/core/text').toHex(invoice.payeeNodeKey);
console.log(${REPORT});\n`,
    );
    const report = runJson('cjs/index.js', app);
    expected(report, entries);
    if (!isDeepStrictEqual(report, esm)) throw new Error('require() and import differ');
  });

  // Every entry point imported by name; `import * as` compiled to require() adds `default`.
  const m = (entry) => `m${entries.indexOf(entry)}`;
  const tsSource = `${entries.map((e, i) => `import * as m${i} from '${e}';`).join('\n')}
const modules: Record<string, object> = { ${entries.map((e, i) => `'${e}': m${i}`).join(', ')} };
const names: Record<string, string[]> = {};
for (const [entry, m] of Object.entries(modules))
  names[entry] = Object.keys(m).filter((k) => k !== 'default').sort();
const invoice = ${m('@lninvoice/core')}.decode(${JSON.stringify(VECTOR.invoice)});
const amount: bigint | undefined = invoice.amountMsat;
const payee: string = ${m('@lninvoice/core/text')}.toHex(invoice.payeeNodeKey ?? new Uint8Array(0));
console.log(${REPORT.replace('invoice.amountMsat', 'amount')});\n`;
  const tsProject = (dir, type, module, noEmit) => {
    write(join(app, dir, 'package.json'), JSON.stringify({ type }));
    write(join(app, dir, 'index.ts'), tsSource);
    const compilerOptions = {
      module,
      target: 'es2022',
      lib: ['es2022', 'dom'],
      types: [],
      strict: true,
      skipLibCheck: false, // our .d.ts files too, as this project resolves them
      outDir: `out-${module}`,
      noEmit,
    };
    write(
      join(app, dir, `tsconfig.${module}.json`),
      JSON.stringify({ compilerOptions, files: ['index.ts'] }),
    );
    return run(process.execPath, [TSC, '-p', `tsconfig.${module}.json`], join(app, dir));
  };
  for (const [dir, type, module] of [
    ['ts-cjs', 'commonjs', 'nodenext'],
    ['ts-cjs', 'commonjs', 'node20'],
    ['ts-esm', 'module', 'nodenext'],
  ])
    check(
      `TypeScript, ${type === 'module' ? 'ES module' : 'CommonJS'} project, module ${module}: compiles and runs`,
      () => {
        const r = tsProject(dir, type, module, false);
        if (r.status !== 0) throw new Error(`tsc:\n${r.stdout}${r.stderr}`);
        const report = runJson(join(dir, `out-${module}`, 'index.js'), app);
        if (!isDeepStrictEqual(report, esm)) throw new Error('differs from the ES module');
      },
    );

  for (const module of ['node16', 'node18'])
    check(`TypeScript, CommonJS project, module ${module}: TS1479 on every import`, () => {
      const r = tsProject('ts-cjs', 'commonjs', module, true);
      const codes = [...r.stdout.matchAll(/error (TS\d+)/g)].map((m) => m[1]);
      if (r.status === 0 || codes.length !== entries.length || codes.some((c) => c !== 'TS1479'))
        throw new Error(`expected ${entries.length} × TS1479, got:\n${r.stdout}${r.stderr}`);
    });

  const cli = packs.find((p) => p.manifest.bin !== undefined);
  check(`npm install --global ${cli.name}; lninvoice decode`, () => {
    const prefix = join(tmp, 'global');
    const args = commands.find((c) => c.name === cli.name).args;
    npmProject(join(tmp, 'cli'), overrides, ['--prefix', prefix, ...args]);
    const bin = join(prefix, 'bin', Object.keys(cli.manifest.bin)[0]);
    const decoded = run(bin, ['decode', VECTOR.invoice], tmp);
    const json = JSON.parse(decoded.stdout || 'null');
    if (decoded.status !== 0 || json?.num_msat !== VECTOR.amount_msat)
      throw new Error(`${bin} decode:\n${decoded.stdout}${decoded.stderr}`);
    const version = run(bin, ['--version'], tmp).stdout.trim();
    if (version !== cli.version) throw new Error(`--version says ${version}`);
  });

  // The printed command of one library names exactly the tarballs it needs.
  const deepest = libraries.reduce((a, b) =>
    tarballsFor(b.name, packs).length > tarballsFor(a.name, packs).length ? b : a,
  );
  check(`${deepest.name} alone, with the tarballs pack-all names for it`, () => {
    const dir = join(tmp, 'one');
    npmProject(dir, overrides, commands.find((c) => c.name === deepest.name).args);
    const own = entriesOf(deepest);
    write(
      join(dir, 'index.mjs'),
      `for (const entry of ${JSON.stringify(own)}) if (Object.keys(await import(entry)).length === 0) throw new Error(entry);\nconsole.log('{}');\n`,
    );
    runJson('index.mjs', dir);
  });
} catch (error) {
  failed++;
  console.log(`FAIL ${error instanceof Error ? error.message : error}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exitCode = failed === 0 ? 0 : 1;
