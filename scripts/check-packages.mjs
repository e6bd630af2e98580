// Packs every publishable package as npm would publish it, then checks the tarball with publint
// (package.json, exports, files) and, for libraries with types, @arethetypeswrong/cli (types
// resolve under node16 and bundler resolution; ESM only, so node10/CJS are out of scope).
// Needs the packages built. Exit status 1 when any check fails.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, workspacePackages } from './workspace.mjs';

const bin = (name) => join(ROOT, 'node_modules', '.bin', name);
const out = mkdtempSync(join(tmpdir(), 'lninvoice-pack-'));
let failed = 0;
try {
  for (const { path, manifest } of workspacePackages()) {
    if (manifest.private) continue;
    execFileSync('pnpm', ['pack', '--pack-destination', out], { cwd: path, stdio: 'ignore' });
    const tarball = join(
      out,
      readdirSync(out).find((f) => f.startsWith(manifest.name.replace('@', '').replace('/', '-'))),
    );
    const checks = [[bin('publint'), [tarball, '--strict']]];
    if (manifest.exports?.['.']?.types)
      checks.push([bin('attw'), [tarball, '--profile', 'esm-only', '--format', 'table-flipped']]);
    for (const [cmd, args] of checks) {
      const r = spawnSync(cmd, args, { encoding: 'utf8' });
      const tool = cmd.split('/').at(-1);
      if (r.status === 0) {
        console.log(`ok   ${tool} ${manifest.name}`);
      } else {
        failed++;
        console.log(`FAIL ${tool} ${manifest.name}\n${r.stdout}${r.stderr}`);
      }
    }
    rmSync(tarball);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
process.exitCode = failed === 0 ? 0 : 1;
