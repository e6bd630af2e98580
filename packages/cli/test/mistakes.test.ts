// Mistakes people make on the command line, caught before they give a wrong answer: a time in
// milliseconds, a network name no invoice has, a check left out without a word, sat for msat.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BOLT11_VALID as valid } from 'test-support/bolt11-vectors';
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

/** lnbc2500u…: 250 000 sat on bitcoin, made at 1496314658, for 60 seconds. */
const COFFEE = valid.find((v) => v.name === 'coffee-2500u-expiry-60')?.invoice as string;
const MADE = 1_496_314_658;
const dir = mkdtempSync(join(tmpdir(), 'lninvoice-mistakes-'));
const KEY = join(dir, 'key.hex');
writeFileSync(KEY, 'e126f68f7eafcc8b74f54d269fe206be715000f94dac067d1c04a8ca3b2db734');
const NETWORK_WARNING =
  "lninvoice: warning: the network was not checked: --network names the payer's (bitcoin, testnet, signet, regtest)\n";

describe('a time in milliseconds', () => {
  it('validate --now refuses it, where it used to say "expired … before +049386-…"', () => {
    const r = run(['validate', COFFEE, '--network', 'bitcoin', '--now', `${MADE}000`]);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(
      `lninvoice validate: --now is seconds since 1970; ${MADE}000 looks like milliseconds (${MADE} seconds)\nRun "lninvoice validate --help" for usage.\n`,
    );
    // Seconds up to the year 5138 are still seconds.
    const seconds = run(['validate', COFFEE, '--network', 'bitcoin', '--now', '99999999999']);
    expect([seconds.code, seconds.stdout]).toEqual([1, expect.stringContaining('error   expired')]);
  });

  it('create --timestamp refuses it', () => {
    const r = run([
      'create',
      '--network',
      'bitcoin',
      '--key-file',
      KEY,
      '--description',
      'a',
      '--timestamp',
      '1700000000000',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      '--timestamp is seconds since 1970; 1700000000000 looks like milliseconds',
    );
  });
});

describe('a network name that is none', () => {
  it.each([
    [['validate', COFFEE, '--network', 'mainnet']],
    [['create', '--network', 'mainnet', '--key-file', KEY, '--description', 'a']],
    [['lnurl', 'pay', 'satoshi@bitcoin.org', '--amount-sat', '1', '--network', 'mainnet']],
  ])('%j is a usage error listing the names, before anything is checked or fetched', (args) => {
    const r = run(args);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr.split('\n')[0]).toBe(
      `lninvoice ${args[0]}: --network: "mainnet" is not a network; the networks are bitcoin, testnet, signet, regtest`,
    );
  });
});

describe('validate without --network', () => {
  it('says on standard error that the network was not checked', () => {
    const r = run(['validate', COFFEE, '--now', String(MADE)]);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, 'valid\n', NETWORK_WARNING]);
    const checked = run(['validate', COFFEE, '--now', String(MADE), '--network', 'bitcoin']);
    expect([checked.code, checked.stderr]).toEqual([0, '']);
  });

  it('says it once for all the lines of standard input, and with --json', () => {
    const r = run(['validate', '-', '--now', String(MADE), '--json'], `${COFFEE}\n${COFFEE}\n`);
    expect(r.code).toBe(0);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).ok),
    ).toEqual([true, true]);
    expect(r.stderr).toBe(NETWORK_WARNING);
  });
});

describe('validate --amount-sat', () => {
  const base = ['validate', COFFEE, '--now', String(MADE), '--network', 'bitcoin'];

  it('is the amount in satoshis, as for create and lnurl pay', () => {
    expect(run([...base, '--amount-sat', '250000'])).toMatchObject({ code: 0, stdout: 'valid\n' });
    const sat = run([...base, '--amount-sat', '25']);
    const msat = run([...base, '--amount-msat', '25000']);
    expect(sat.code).toBe(1);
    expect(sat.stdout).toContain(
      'error   amount-mismatch: the invoice asks 250000000 msat (250000 sat), the payer expects 25000 msat (25 sat)',
    );
    expect(sat.stdout).toBe(msat.stdout);
  });

  it('goes with --amount-msat as in create: one or the other', () => {
    const r = run([...base, '--amount-sat', '25', '--amount-msat', '25000']);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')[0]).toBe(
      'lninvoice validate: give --amount-msat or --amount-sat, not both',
    );
    expect(run([...base, '--amount-sat', '2.5']).stderr).toContain(
      '--amount-sat must be a whole number',
    );
  });
});
