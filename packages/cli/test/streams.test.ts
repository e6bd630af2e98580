// The commands that read standard input line by line (`decode -`, `validate -`, `inspect -`, …,
// and the same without "-" when input is piped) over long inputs, as in a shell pipeline: a
// reader that stops early (`| head -1`) ends them quietly, and a line longer than any payment
// request is refused as `too-long` without being held in memory.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BOLT11_VALID as valid } from 'test-support/bolt11-vectors';
import { afterAll, describe, expect, it } from 'vitest';
import { LINE_TOO_LONG, MAX_LINE_BYTES } from '../src/lines.js';
import { CLI, run } from './helpers.js';

const COFFEE = valid.find((v) => v.name === 'coffee-2500u-expiry-60')?.invoice as string;
/** Before the invoice expires: `validate` finds nothing to refuse. */
const NOW = '1496314660';
const scratch = mkdtempSync(join(tmpdir(), 'lninvoice-streams-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

interface Ended {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident memory of the command, bytes (`process.resourceUsage().maxRSS`). */
  maxRss: number;
}

/** A preload that writes the process's peak resident memory (bytes) to MAX_RSS_FILE at exit. */
const PRELOAD = join(scratch, 'max-rss.cjs');
writeFileSync(
  PRELOAD,
  `process.on('exit', () => require('node:fs').writeFileSync(process.env.MAX_RSS_FILE, String(process.resourceUsage().maxRSS * 1024)));\n`,
);

/**
 * Runs the CLI with `input` written to its standard input chunk by chunk (the test never holds
 * the whole of it), reading standard output until `stopAfter` bytes, then closing it.
 */
const runStreaming = (
  args: string[],
  input: () => Iterable<string>,
  stopAfter = Number.POSITIVE_INFINITY,
): Promise<Ended> =>
  new Promise((done) => {
    const rssFile = join(scratch, `rss-${Math.random()}`);
    const child = spawn(process.execPath, ['--require', PRELOAD, CLI, ...args], {
      env: { ...process.env, MAX_RSS_FILE: rssFile },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
      // The reader goes away, as `head` does once it has what it wants.
      if (stdout.length >= stopAfter) child.stdout.destroy();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    // The CLI may stop reading before the end: a closed pipe is no failure of the test.
    child.stdin.on('error', () => {});
    const chunks = input()[Symbol.iterator]();
    const feed = () => {
      for (let next = chunks.next(); !next.done; next = chunks.next())
        if (!child.stdin.write(next.value)) return void child.stdin.once('drain', feed);
      child.stdin.end();
    };
    feed();
    child.on('close', (code) => {
      done({ code, stdout, stderr, maxRss: Number(readFileSync(rssFile, 'utf8')) });
    });
  });

/** `count` lines, each an invoice. */
function* invoices(count: number): Generator<string> {
  for (let i = 0; i < count; i++) yield `${COFFEE}\n`;
}

describe('a reader that goes away', () => {
  // 3000 answers are megabytes of JSON: far more than a pipe holds, so the CLI is still writing
  // when the reader closes its end.
  it.each([
    ['decode -', ['decode', '-']],
    ['validate -', ['validate', '-', '--network', 'bitcoin', '--now', NOW]],
    ['validate - --json', ['validate', '-', '--json', '--network', 'bitcoin', '--now', NOW]],
  ])('ends %s quietly, with exit status 0 for what it read', async (_, args) => {
    const r = await runStreaming(args, () => invoices(3000), 1);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  // Every line reader reads through the same capped reader, "-" or piped without it.
  const ADDRESS = 'bc1qhr8mncfw3q7lr8f0fxj08lggm5l8s80ahzm5tl';
  it.each([
    ['decode (piped)', ['decode'], COFFEE],
    ['inspect -', ['inspect', '-'], ADDRESS],
    ['uri parse (piped)', ['uri', 'parse'], `bitcoin:${ADDRESS}`],
    ['lnurl decode -', ['lnurl', 'decode', '-'], 'satoshi@bitcoin.org'],
  ])('ends %s quietly too', async (_, args, text) => {
    const r = await runStreaming(
      args,
      function* () {
        for (let i = 0; i < 3000; i++) yield `${text}\n`;
      },
      1,
    );
    expect([r.code, r.stderr]).toEqual([0, '']);
  });

  it('keeps the status of the lines read before it went: 1 after an invalid one', async () => {
    const r = await runStreaming(
      ['decode', '-'],
      function* () {
        yield 'lnbc1qq\n';
        yield* invoices(3000);
      },
      1,
    );
    expect(r.stderr).toMatch(/^lninvoice: line 1: too-short: [^\n]+\n {2}lnbc1qq\n {7}\^\^\n$/);
    expect(r.code).toBe(1);
  });
});

describe('a line longer than any payment request', () => {
  /** A 100 MB line between two invoices, written 1 MB at a time. */
  function* hugeLine(): Generator<string> {
    yield `${COFFEE}\n`;
    const megabyte = 'q'.repeat(1 << 20);
    for (let i = 0; i < 100; i++) yield megabyte;
    yield `\n${COFFEE}\n`;
  }

  it('is refused as too-long by decode -, and the lines around it decoded', async () => {
    const small = await runStreaming(['decode', '-'], () => invoices(2));
    const huge = await runStreaming(['decode', '-'], hugeLine);
    expect(huge.code).toBe(1);
    expect(huge.stdout).toBe(small.stdout);
    expect(huge.stderr).toBe(
      `lninvoice: line 2: too-long: the line is longer than ${MAX_LINE_BYTES} bytes, which no payment request is (BOLT 12 strings are read up to 65536 characters, BOLT 11 invoices up to 7089)\n`,
    );
    // Holding the line would take at least its 100 MB (and the string decoded from it as much
    // again); reading it past the bound takes no more than a few chunks. The bound is generous:
    // garbage the collector has not yet freed counts too.
    expect(huge.maxRss - small.maxRss).toBeLessThan(60 * 2 ** 20);
  });

  it.each([
    ['decode (piped)', ['decode'], COFFEE],
    ['inspect -', ['inspect', '-'], 'bc1qhr8mncfw3q7lr8f0fxj08lggm5l8s80ahzm5tl'],
    ['uri parse -', ['uri', 'parse', '-'], 'bitcoin:bc1qhr8mncfw3q7lr8f0fxj08lggm5l8s80ahzm5tl'],
    ['lnurl decode (piped)', ['lnurl', 'decode'], 'satoshi@bitcoin.org'],
    ['lnurl encode -', ['lnurl', 'encode', '-'], 'https://svc.test/pay'],
  ])('is refused as too-long by %s, the lines around it read', async (_, args, text) => {
    /** A 2 MB line between two texts. */
    const lines = function* () {
      yield `${text}\n`;
      yield 'q'.repeat(2 << 20);
      yield `\n${text}\n`;
    };
    const r = await runStreaming(args, lines);
    const small = await runStreaming(args, function* () {
      yield `${text}\n\n${text}\n`;
    });
    expect([small.code, small.stderr]).toEqual([0, '']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(small.stdout);
    expect(r.stderr).toBe(`lninvoice: line 2: too-long: ${LINE_TOO_LONG}\n`);
  });

  it('is the bound the help and the README name', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(readme).toContain(
      `${String(MAX_LINE_BYTES).replace(/(\d)(?=(\d{3})+$)/g, '$1 ')} bytes`,
    );
    expect(run(['decode', '--help']).stdout).toContain(`(${MAX_LINE_BYTES} bytes)`);
  });

  it('is a too-long finding of validate -, in text and JSON', async () => {
    const text = await runStreaming(['validate', '-', '--now', NOW], hugeLine);
    expect(text.code).toBe(1);
    expect(text.stdout.split('\n').slice(2, 5)).toEqual([
      'line 2:',
      expect.stringMatching(
        /^error {3}too-long: the line is longer than \d+ bytes, which no payment request is/,
      ),
      'invalid: 1 error, 0 warnings',
    ]);
    const json = await runStreaming(['validate', '-', '--json', '--now', NOW], hugeLine);
    expect(json.code).toBe(1);
    const results = json.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[1]).toMatchObject({
      ok: false,
      issues: [{ code: 'too-long', severity: 'error', field: 'input' }],
      invoice: null,
    });
    expect(json.maxRss - text.maxRss).toBeLessThan(60 * 2 ** 20);
  });
});
