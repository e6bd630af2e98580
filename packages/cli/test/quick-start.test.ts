// The root README's first command, run as written from the repository root (after the build
// the test suite already needs): the answer on stdout and nothing at all on stderr, although
// `pnpm lninvoice` runs turbo's build first (its banner and summary are held back).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const README = readFileSync(new URL('README.md', `file://${ROOT}`), 'utf8');

/** The README's first command that runs the CLI (after `install &&`), as an argument list. */
const quickStart = (): string[] => {
  const line = README.split('\n').find((l) => l.includes('--silent lninvoice decode')) as string;
  return line
    .slice(line.lastIndexOf('&&') + 2)
    .trim()
    .split(/\s+/);
};

describe('pnpm --silent lninvoice (README quick start)', () => {
  it('prints the decoded invoice and nothing on stderr', () => {
    const [npx, ...args] = quickStart();
    expect([npx, ...args.slice(0, 4)]).toEqual([
      'npx',
      '-y',
      'pnpm@10.34.8',
      '--silent',
      'lninvoice',
    ]);
    // As typed in a shell: not with the npm_config_* settings of the pnpm run that runs this
    // test (npm warns of the ones it does not know).
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([name]) => !/^(npm|pnpm)_/i.test(name)),
    );
    const r = spawnSync(npx as string, args, { cwd: ROOT, encoding: 'utf8', env });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect([json.num_msat, json.description]).toEqual(['250000000', '1 cup coffee']);
  });
});
