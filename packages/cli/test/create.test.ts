// `lninvoice create`, run as a user runs it.

import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInvoice, decode, signInvoice } from '@lninvoice/core';
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');
const sha256 = (bytes: Uint8Array): Uint8Array => createHash('sha256').update(bytes).digest();
const SPEC_KEY = 'e126f68f7eafcc8b74f54d269fe206be715000f94dac067d1c04a8ca3b2db734';
const SPEC_PUBKEY = '03e7156ae33b0a208d0744199163177e909e80176e55d97a2f221ede0f934dd9ad';
const dir = mkdtempSync(join(tmpdir(), 'lninvoice-cli-'));
const hexKey = join(dir, 'key.hex');
const rawKey = join(dir, 'key.bin');
writeFileSync(hexKey, `${SPEC_KEY}\n`);
writeFileSync(rawKey, Buffer.from(SPEC_KEY, 'hex'));

const FIXED = [
  '--payment-hash',
  '00'.repeat(32),
  '--payment-secret',
  '11'.repeat(32),
  '--timestamp',
  '1700000000',
];

describe('lninvoice create', () => {
  it('prints the invoice the library makes from the same parameters', () => {
    const r = run([
      'create',
      '--network',
      'signet',
      '--key-file',
      hexKey,
      '--amount-msat',
      '2500',
      '--description',
      'tea',
      '--expiry',
      '600',
      ...FIXED,
    ]);
    expect(r.code).toBe(0);
    const expected = signInvoice(
      createInvoice({
        network: 'signet',
        amountMsat: 2500n,
        description: 'tea',
        expiry: 600,
        paymentHash: '00'.repeat(32),
        paymentSecret: '11'.repeat(32),
        timestamp: 1700000000,
      }),
      SPEC_KEY,
    );
    expect(r.stdout).toBe(`${expected}\n`);
  });

  it('makes a preimage when given none, and prints it after the invoice', () => {
    const r = run([
      'create',
      '--network',
      'bitcoin',
      '--key-file',
      rawKey,
      '--description',
      'any amount',
    ]);
    const [invoice, preimageLine] = r.stdout.trim().split('\n');
    const preimage = preimageLine?.replace('preimage ', '') ?? '';
    expect(preimage).toMatch(/^[0-9a-f]{64}$/);
    const inv = decode(invoice ?? '');
    expect(hex(inv.paymentHash)).toBe(hex(sha256(Buffer.from(preimage, 'hex'))));
    expect(inv.amountMsat).toBeUndefined();
    expect(hex(inv.payeeNodeKey)).toBe(SPEC_PUBKEY);
  });

  it('prints JSON with --json, and takes sats, fallbacks, route hints, features, n and upper case', () => {
    const r = run([
      'create',
      '--network',
      'testnet',
      '--key-file',
      hexKey,
      '--amount-sat',
      '21',
      '--description',
      'x',
      '--json',
      '--fallback',
      'mk2QpYatsKicvFVuTAQLBryyccRXMUaGHP',
      '--route-hint',
      `${SPEC_PUBKEY},1x2x3,1000,10,40;${SPEC_PUBKEY},4x5x6,0,1,144`,
      '--feature',
      'basic_mpp=optional',
      '--include-node-key',
      '--uppercase',
      '--min-final-cltv-expiry-delta',
      '80',
      '--metadata',
      '01fafaf0',
      ...FIXED,
    ]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.invoice).toBe(json.invoice.toUpperCase());
    expect(json.preimage).toBeNull();
    const inv = decode(json.invoice);
    expect(json.payment_hash).toBe(hex(inv.paymentHash));
    expect(inv.amountMsat).toBe(21_000n);
    expect(inv.fallbackAddresses[0]?.address).toBe('mk2QpYatsKicvFVuTAQLBryyccRXMUaGHP');
    expect(inv.routeHints[0]?.map((h) => h.shortChannelId)).toEqual(['1x2x3', '4x5x6']);
    expect(inv.features.map((f) => f.bit)).toEqual([8, 14, 17]);
    expect([inv.payeeSource, inv.minFinalCltvExpiryDelta, hex(inv.metadata as Uint8Array)]).toEqual(
      ['n-field', 80, '01fafaf0'],
    );
  });

  it('exits 2 and names the problem for missing or invalid options', () => {
    const base = ['create', '--network', 'bitcoin', '--key-file', hexKey, '--description', 'x'];
    const cases: [string[], string][] = [
      [['create', '--key-file', hexKey, '--description', 'x'], '--network is required'],
      [['create', '--network', 'bitcoin', '--description', 'x'], '--key-file is required'],
      [[...base, '--amount-msat', '1', '--amount-sat', '1'], 'not both'],
      [[...base, '--amount-msat', '1.5'], '--amount-msat must be a whole number'],
      [
        [...base, '--fallback', 'tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx'],
        'is a testnet/signet address, but the invoice is for bitcoin',
      ],
      [[...base, '--route-hint', 'abc'], '--route-hint hop "abc"'],
      [[...base, '--feature', 'basic_mpp=maybe'], '--feature basic_mpp=maybe'],
      [
        [...base, '--network', 'mainnet'],
        '--network: "mainnet" is not a network; the networks are bitcoin, testnet, signet, regtest',
      ],
      [
        [
          'create',
          '--network',
          'bitcoin',
          '--key-file',
          join(dir, 'missing'),
          '--description',
          'x',
        ],
        'cannot read --key-file',
      ],
      [
        [
          'create',
          '--network',
          'bitcoin',
          '--key-file',
          join(dir, 'key.bad'),
          '--description',
          'x',
        ],
        'cannot read',
      ],
      [
        [...base, '--description-hash', '00'.repeat(32)],
        'give exactly one of --description <text> and --description-hash <hex>',
      ],
      [[...base, 'extra'], 'unexpected argument "extra"'],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stdout).toBe('');
    }
  });

  it('refuses a key file that holds no key', () => {
    const bad = join(dir, 'short.key');
    writeFileSync(bad, 'abcd');
    const r = run(['create', '--network', 'bitcoin', '--key-file', bad, '--description', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('64 hex characters or 32 raw bytes');
  });
});
