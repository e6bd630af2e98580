// `lninvoice decode`, run as a user runs it: the built binary in a child process.

import { spawn } from 'node:child_process';
import { decode, invoiceToJSON } from '@lninvoice/core';
import { BOLT11_INVALID as invalid, BOLT11_VALID as valid } from 'test-support/bolt11-vectors';
import { describe, expect, it } from 'vitest';
import { CLI, run } from './helpers.js';

const vector = (name: string): string => valid.find((v) => v.name === name)?.invoice as string;
const COFFEE = vector('coffee-2500u-expiry-60');

describe('lninvoice decode', () => {
  it('prints the JSON view of a valid invoice and exits 0', () => {
    const r = run(['decode', COFFEE]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(invoiceToJSON(decode(COFFEE)));
    expect(r.stderr).toBe('');
  });

  it('stops quietly when the reader of its output has gone (as `| head -c 1` does)', async () => {
    const child = spawn(process.execPath, [CLI, 'decode', COFFEE], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy(); // the reading end closes before the answer is written: EPIPE
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    const code = await new Promise((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('prints the error code and message on stderr, underlines the span, exits 1', () => {
    const bad = invalid.find((v) => v.code === 'invalid-multiplier')?.invoice as string;
    const r = run(['decode', bad]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('invalid-multiplier');
    expect(r.stderr).toContain('2500x');
    const [, shown, marks] = r.stderr.split('\n');
    expect(shown?.trim()).toBe(bad);
    expect(marks?.indexOf('^')).toBe(shown?.indexOf('x'));
  });

  it('--no-verify parses without recovering the payee', () => {
    const json = JSON.parse(run(['decode', '--no-verify', COFFEE]).stdout);
    expect(json.destination).toBe('');
    expect(json.payment_hash).toBe(invoiceToJSON(decode(COFFEE)).payment_hash);
  });

  it('--legacy accepts the disputed spec example, which is rejected by default', () => {
    const disputed = vector('ignored-fields-disputed');
    expect(run(['decode', disputed]).stderr).toContain('invalid-field-length');
    const r = run(['decode', '--legacy', disputed]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).ignored_fields).toHaveLength(9);
  });

  it('reads one invoice per line from stdin with -, printing one JSON line each', () => {
    const input = `${COFFEE}\n\n  lightning:${vector('payment-metadata').toUpperCase()}  \r\n`;
    const r = run(['decode', '-'], input);
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((j) => j.description)).toEqual(['1 cup coffee', 'payment metadata inside']);
  });

  it('on stdin, reports each bad line with its number and exits 1 after the rest', () => {
    const r = run(['decode', '-'], `lnbc1qq\n${COFFEE}\nnot an invoice\n`);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('line 1: too-short');
    expect(r.stderr).toContain('line 3: unknown-input');
  });

  it('exits 2 on usage errors, with the help text', () => {
    for (const args of [
      ['decode'],
      ['decode', 'a', 'b'],
      ['decode', '--bogus', COFFEE],
      ['frobnicate'],
      [],
    ]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr + r.stdout).toMatch(/Usage: lninvoice|--help" for usage/);
    }
  });

  it('prints help and version', () => {
    expect(run(['--help']).stdout).toContain('decode <request | ->');
    expect(run(['decode', '--help']).stdout).toContain('--no-verify');
    expect(run(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
