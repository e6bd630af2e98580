// `lninvoice decode --human`: the summary for people, of BOLT 11 and BOLT 12 alike, run as a user
// runs it.
import { createOffer, encodeBolt12 } from '@lninvoice/bolt12';
import { createInvoice, nodeKeyOf, signInvoice } from '@lninvoice/core';
import { BOLT11_VALID as valid } from 'test-support/bolt11-vectors';
import { describe, expect, it } from 'vitest';
import { ALICE, CREATED_AT, INVOICE, REQUEST } from './bolt12-examples.js';
import { run } from './helpers.js';

const COFFEE = valid.find((v) => v.name === 'coffee-2500u-expiry-60')?.invoice as string;
const MADE = 1_496_314_658;
const KEY = 'e126f68f7eafcc8b74f54d269fe206be715000f94dac067d1c04a8ca3b2db734';
const T0 = CREATED_AT;

/** A signed signet invoice made at T0: `extra` adds to or replaces its parameters. */
const invoiceWith = (extra: Record<string, unknown>) =>
  signInvoice(
    createInvoice({
      network: 'signet',
      paymentHash: '00'.repeat(32),
      paymentSecret: '11'.repeat(32),
      description: 'tea',
      timestamp: T0,
      ...extra,
    }),
    KEY,
  );

describe('decode --human of BOLT 11', () => {
  it('says what the invoice asks, of whom and until when, at --now', () => {
    const r = run(['decode', '--human', '--now', String(MADE + 48), COFFEE]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toBe(
      [
        'BOLT 11 invoice on bitcoin',
        'amount        250000 sat (0.0025 BTC)',
        'description   "1 cup coffee"',
        'payee         03e7156ae33b0a208d0744199163177e909e80176e55d97a2f221ede0f934dd9ad (recovered from the signature)',
        'created       2017-06-01T10:57:38Z',
        'expires       2017-06-01T10:58:38Z (expires in 12 seconds)',
        'payment hash  0001020304050607080900010203040506070809000102030405060708090102',
        'cltv delta    18 blocks',
        'features      var_onion_optin, payment_secret',
        '',
      ].join('\n'),
    );
  });

  it('says how long ago it expired, by the clock without --now, with a warning', () => {
    const r = run(['decode', '--human', COFFEE]);
    expect(r.code).toBe(0);
    // Made in 2017: at least 9 years ago by any clock this test runs on.
    const [, years] = /\(expired (\d+) years ago\)/.exec(r.stdout) ?? [];
    expect(Number(years)).toBeGreaterThanOrEqual(9);
    expect(r.stdout).toMatch(/\nwarning: expired \d+ years ago: it must not be paid\n$/);
    const minutes = run(['decode', '--human', '--now', String(MADE + 60 + 12 * 60 + 5), COFFEE]);
    expect(minutes.stdout).toContain('(expired 12 minutes ago)');
  });

  it('writes amounts exactly from millisatoshis, down to 1 msat and up to 2^64 - 1', () => {
    const amount = (msat: bigint) =>
      /\namount +(.*)\n/.exec(
        run(['decode', '--human', '--now', String(T0), invoiceWith({ amountMsat: msat })]).stdout,
      )?.[1];
    expect(amount(1n)).toBe('0.001 sat (0.00000000001 BTC)');
    expect(amount(123_456_789n)).toBe('123456.789 sat (0.00123456789 BTC)');
    expect(amount(2n ** 64n - 1n)).toBe('18446744073709551.615 sat (184467440.73709551615 BTC)');
    const any = run(['decode', '--human', '--now', String(T0), invoiceWith({})]).stdout;
    expect(any).toContain('\namount        any (the payer chooses)\n');
    expect(any).toContain('(expires in 1 hour)');
  });

  it('escapes the description with core’s showText, and warns of what it holds', () => {
    const hostile = invoiceWith({ description: 'pay \u202Eevil\u001b[2J' });
    const r = run(['decode', '--human', '--now', String(T0), hostile]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('description   "pay \\u202eevil\\u001b[2J"\n');
    expect(r.stdout).toContain(
      'warning: the description holds bidi and control characters, shown as \\u escapes\n',
    );
    expect(r.stdout.includes('\u001b') || r.stdout.includes('\u202e')).toBe(false);
  });

  it('warns that nothing is known of the payee with --no-verify', () => {
    const r = run(['decode', '--human', '--no-verify', '--now', String(MADE), COFFEE]);
    expect(r.stdout).not.toMatch(/^payee /m);
    expect(r.stdout).toContain('warning: the signature was not checked (--no-verify)');
  });

  it('prints one summary per line of standard input, a blank line after each', () => {
    const r = run(
      ['decode', '--human', '--now', String(T0), '-'],
      `${invoiceWith({})}\n${COFFEE}\n`,
    );
    expect(r.code).toBe(0);
    const views = r.stdout.split('\n\n');
    expect(views.map((v) => v.split('\n')[0])).toEqual([
      'BOLT 11 invoice on signet',
      'BOLT 11 invoice on bitcoin',
      '',
    ]);
  });

  it('takes --now in seconds, and only with --human', () => {
    expect(run(['decode', '--human', '--now', `${T0}000`, COFFEE]).stderr).toContain(
      '--now is seconds since 1970',
    );
    const alone = run(['decode', '--now', String(T0), COFFEE]);
    expect([alone.code, alone.stderr.split('\n')[0]]).toEqual([
      2,
      'lninvoice decode: --now goes with --human: the JSON view says no time relative to now',
    ]);
  });
});

/** `run`, its rows as `label: value` whatever the width of the labels. */
const view = (args: string[]) => {
  const r = run(args);
  return { ...r, stdout: r.stdout.replace(/^(\S.*?) {2,}/gm, '$1: ') };
};

describe('decode --human of BOLT 12', () => {
  const offer = encodeBolt12(
    createOffer({
      description: 'a coffee',
      amountMsat: 21_000n,
      issuer: 'example.com',
      quantityMax: 5n,
      absoluteExpiry: BigInt(T0 + 86_400 * 30),
      issuerId: nodeKeyOf(ALICE),
    }),
  );
  const invoice = INVOICE;
  const request = REQUEST;

  it('sums up an offer: its price per item, issuer, expiry, no signature', () => {
    const r = view(['decode', '--human', '--now', String(T0), offer]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('BOLT 12 offer');
    expect(r.stdout).toContain('\namount: 21 sat (0.00000021 BTC) per item\n');
    expect(r.stdout).toContain('\nissuer: "example.com"\n');
    expect(r.stdout).toContain('\noffer expires: 2023-12-14T22:13:20Z (expires in 30 days)\n');
    expect(r.stdout).toContain('\nsignature: none (offers are not signed)\n');
  });

  it('sums up an invoice: the amount it asks, its payee, when it expires', () => {
    const r = view(['decode', '--human', '--now', String(T0 + 6 * 3600), invoice]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('BOLT 12 invoice');
    expect(r.stdout).toContain('\namount: 42 sat (0.00000042 BTC)\n');
    expect(r.stdout).toContain('\noffer amount: 21 sat (0.00000021 BTC) per item\n');
    expect(r.stdout).toContain('\npayer note: "thanks"\n');
    expect(r.stdout).toContain(`\nnode id: ${Buffer.from(nodeKeyOf(ALICE)).toString('hex')}\n`);
    expect(r.stdout).toContain('\nexpires: 2023-11-15T00:13:20Z (expired 4 hours ago)\n');
    expect(r.stdout).toContain('\nsignature: verified\n');
    expect(r.stdout).toMatch(/\nwarning: expired 4 hours ago: it must not be paid\n$/);
  });

  it('sums up an invoice request, and says when its signature was not checked', () => {
    const r = view(['decode', '--human', '--no-verify', '--now', String(T0), request]);
    expect(r.stdout.split('\n')[0]).toBe('BOLT 12 invoice request');
    expect(r.stdout).toContain('\nquantity: 2\n');
    expect(r.stdout).toContain('\nsignature: not checked\n');
    expect(r.stdout).toContain('warning: the signature was not checked (--no-verify)');
  });
});
