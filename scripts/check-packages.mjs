// Packs every publishable package as it would be published, then checks each tarball with
// publint and @arethetypeswrong/cli (scripts/tarball-checks.mjs). Needs the packages built.
// Exit status 1 when any check fails.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { packPackages } from './pack.mjs';
import { checkTarball } from './tarball-checks.mjs';

const out = mkdtempSync(join(tmpdir(), 'lninvoice-pack-'));
let failed = 0;
try {
  for (const { name, manifest, tarball } of packPackages(out)) {
    for (const { tool, ok, output } of checkTarball(tarball, manifest)) {
      if (ok) console.log(`ok   ${tool} ${name}`);
      else {
        failed++;
        console.log(`FAIL ${tool} ${name}\n${output}`);
      }
    }
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
process.exitCode = failed === 0 ? 0 : 1;
