// `lninvoice validate`, run as a user runs it.

import { type CreateInvoiceParams, createInvoice, signInvoice } from '@lninvoice/core';
import { BOLT11_VALID as valid } from 'test-support/bolt11-vectors';
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const KEY = 'e126f68f7eafcc8b74f54d269fe206be715000f94dac067d1c04a8ca3b2db734';
const T0 = 1_700_000_000;
/** A signet invoice for 5 sat, signed: `extra` adds to or replaces its parameters. */
const invoiceWith = (extra: Partial<CreateInvoiceParams> = {}) =>
  signInvoice(
    createInvoice({
      network: 'signet',
      amountMsat: 5000n,
      paymentHash: '00'.repeat(32),
      paymentSecret: '11'.repeat(32),
      description: 'tea',
      timestamp: T0,
      ...extra,
    } as CreateInvoiceParams),
    KEY,
  );
const INVOICE = invoiceWith({ expiry: 600 });

/** An invoice whose one route hint asks 60 sat + 2% and 200 blocks. */
const ROUTED = invoiceWith({
  routeHints: [
    [
      {
        pubkey: '03e7156ae33b0a208d0744199163177e909e80176e55d97a2f221ede0f934dd9ad',
        shortChannelId: '1x2x3',
        feeBaseMsat: 60_000,
        feeProportionalMillionths: 20_000,
        cltvExpiryDelta: 200,
      },
    ],
  ],
});

describe('lninvoice validate: route hints', () => {
  it('refuses a route hint above the default ceilings, and follows the payer’s own', () => {
    const base = ['validate', ROUTED, '--now', String(T0 + 60), '--network', 'signet'];
    const refused = run(base);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('route-hint-fee-too-large');
    expect(refused.stdout).toContain('route hint 0 asks a fee of 60000 msat + 20000 ppm');
    const ceilings = ['--max-route-hint-fee-base', '60000', '--max-route-hint-fee-ppm', '20000'];
    expect(run([...base, ...ceilings])).toMatchObject({ code: 0, stdout: 'valid\n' });
    const cltv = run([...base, ...ceilings, '--max-route-hint-cltv-delta', '199']);
    expect(cltv.code).toBe(1);
    expect(cltv.stdout).toContain('route-hint-cltv-delta-too-large');
    const bad = run([...base, '--max-route-hint-fee-ppm', '1.5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--max-route-hint-fee-ppm');
  });
});

describe('lninvoice validate', () => {
  it('says valid and exits 0 when nothing is wrong', () => {
    const r = run([
      'validate',
      INVOICE,
      '--network',
      'signet',
      '--now',
      String(T0 + 60),
      '--amount-msat',
      '5000',
    ]);
    expect([r.code, r.stdout]).toEqual([0, 'valid\n']);
  });

  it('prints each finding with code and rule, and exits 1 on an error', () => {
    const r = run([
      'validate',
      INVOICE,
      '--network',
      'bitcoin',
      '--now',
      String(T0 + 601),
      '--max-amount-msat',
      '4000',
    ]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines.map((l) => l.split(':')[0])).toEqual([
      'error   network-mismatch',
      'error   expired',
      'error   amount-above-maximum',
      'invalid',
    ]);
    expect(lines.at(-1)).toBe('invalid: 3 errors, 0 warnings');
    expect(lines[1]).toContain('SHOULD NOT attempt a payment');
  });

  it('reads the machine’s clock when --now is not given', () => {
    const r = run(['validate', valid[1]?.invoice as string]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('error   expired');
  });

  it('exits 0 with warnings only', () => {
    const r = run([
      'validate',
      INVOICE,
      '--now',
      String(T0),
      '--supported-features',
      'var_onion_optin,14',
    ]);
    expect([r.code, r.stdout]).toEqual([0, 'valid\n']);
    const any = signInvoice(
      createInvoice({
        network: 'signet',
        paymentHash: '00'.repeat(32),
        description: '\u202Eevil',
        timestamp: T0,
      }),
      KEY,
    );
    const w = run(['validate', any, '--now', String(T0)]);
    expect(w.code).toBe(0);
    expect(w.stdout).toContain('warning amount-unspecified');
    expect(w.stdout).toContain('warning description-bidi-characters');
    expect(w.stdout.trim().split('\n').at(-1)).toBe('valid (2 warnings)');
    const refused = run(['validate', any, '--now', String(T0), '--no-amountless']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('error   missing-amount');
  });

  it('underlines the part of a string that does not decode', () => {
    const r = run(['validate', INVOICE.replace('lntbs', 'lntbx'), '--now', String(T0)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('invalid-checksum');
    expect(r.stdout).toContain('^^^^^^');
  });

  it('prints JSON with --json', () => {
    const r = run(['validate', INVOICE, '--json', '--now', String(T0), '--description', 'coffee']);
    const json = JSON.parse(r.stdout);
    expect(json.ok).toBe(false);
    expect(json.issues.map((i: { code: string }) => i.code)).toEqual(['description-mismatch']);
    expect(json.invoice.description).toBe('tea');
  });

  it('checks one invoice per line from stdin', () => {
    const r = run(['validate', '-', '--now', String(T0)], `${INVOICE}\nnot-an-invoice\n`);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('line 1:\nvalid');
    expect(r.stdout).toContain('line 2:\nerror   missing-separator');
  });

  it('names the valid networks when --network names none', () => {
    // 'mainnet' used to fail every invoice with network-mismatch.
    const r = run(['validate', INVOICE, '--network', 'mainnet', '--now', String(T0)]);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(
      'lninvoice validate: --network: "mainnet" is not a network; the networks are bitcoin, testnet, signet, regtest\nRun "lninvoice validate --help" for usage.\n',
    );
  });

  it('exits 2 on a policy it cannot use', () => {
    for (const args of [
      ['--min-amount-msat', '10', '--max-amount-msat', '5'],
      ['--now', 'yesterday'],
      ['--supported-features', 'warp_drive'],
      ['--payee', 'abc'],
    ]) {
      const r = run(['validate', INVOICE, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('lninvoice validate:');
    }
  });
});
