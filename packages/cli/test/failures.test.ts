// What no command foresaw ends in one line and exit status 1, never in Node's report of an
// uncaught exception (the line of the minified bundle that threw, tens of kilobytes, and a
// stack). The built CLI is copied with one command replaced by a file that fails on purpose.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLI } from './helpers.js';

let dist: string;
beforeAll(() => {
  dist = join(mkdtempSync(join(tmpdir(), 'lninvoice-failures-')), 'dist');
  cpSync(dirname(CLI), dist, { recursive: true });
});
afterAll(() => {
  rmSync(dirname(dist), { recursive: true, force: true });
});

/** Runs the copied CLI's `inspect` command, whose file is replaced by `body`. */
const runBroken = (body: string) => {
  writeFileSync(join(dist, 'commands', 'inspect.cjs'), `exports.runInspect = ${body};\n`);
  const r = spawnSync(process.execPath, [join(dist, 'main.cjs'), 'inspect', 'x'], {
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('an unexpected error', () => {
  it.each([
    [
      'thrown by a command',
      'async () => { throw new RangeError("an impossible \\u001b[2J state"); }',
      'lninvoice: internal error: RangeError: an impossible \\u001b[2J state\n',
    ],
    [
      'thrown outside of any command, later',
      'async () => { setTimeout(() => { throw new TypeError("late"); }, 1); return new Promise(() => {}); }',
      'lninvoice: internal error: TypeError: late\n',
    ],
    ['that is no Error', 'async () => { throw 42; }', 'lninvoice: internal error: number\n'],
  ])('%s prints one line and exits 1', (_, body, stderr) => {
    const r = runBroken(body);
    expect(r).toEqual({ code: 1, stdout: '', stderr });
  });

  it('prints a long message cut, on one line', () => {
    const r = runBroken('async () => { throw new Error("x\\n".repeat(100000)); }');
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr.length).toBeLessThan(500 * 6 + 100);
  });
});
