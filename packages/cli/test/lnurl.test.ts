// `lninvoice lnurl`, run as a user runs it; `pay` against a real LNURL service on 127.0.0.1.
import type { Server } from 'node:http';
import { createInvoice, decode, signInvoice } from '@lninvoice/core';
import { verifyAuthSignature } from '@lninvoice/lnurl';
import { ORIGIN, type Seen, startService } from 'test-support/lnurl-service';
import lnurlVectors from 'test-support/vectors/lnurl/cases.json' with { type: 'json' };
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, runAsync } from './helpers.js';

const LUD01 = lnurlVectors.cases.find((c) => c.id === 'lud01-example-upper')?.input as string;
let server: Server;
let port: number;
let seen: Seen;
/** The service's address, and the network of its invoices. */
let connect: string[];

beforeAll(async () => {
  const started = await startService({ createInvoice, signInvoice, decode, verifyAuthSignature });
  server = started.server;
  port = started.port;
  seen = started.seen;
  connect = ['--connect-to', `svc.test=http://127.0.0.1:${port}`, '--network', 'regtest'];
});
afterAll(() => {
  server.close();
});

describe('lninvoice lnurl decode / encode', () => {
  it('decodes an LNURL to its URL', () => {
    const r = run(['lnurl', 'decode', LUD01]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({
      url: 'https://service.com/api?q=3fc3645b439ce8e7f2553a69e5267081d96dcd340693afabe04be7b0ccd178df',
      domain: 'service.com',
      form: 'bech32',
    });
  });

  it('decodes a Lightning Address; uppercase only with --lenient', () => {
    expect(JSON.parse(run(['lnurl', 'decode', 'satoshi+tip@bitcoin.org']).stdout)).toMatchObject({
      username: 'satoshi',
      tag: 'tip',
      url: 'https://bitcoin.org/.well-known/lnurlp/satoshi+tip',
    });
    const strict = run(['lnurl', 'decode', 'Satoshi@bitcoin.org']);
    expect([strict.code, strict.stderr]).toEqual([1, expect.stringContaining('invalid-username')]);
    expect(
      JSON.parse(run(['lnurl', 'decode', 'Satoshi@bitcoin.org', '--lenient']).stdout).username,
    ).toBe('satoshi');
  });

  it('encodes a URL, upper case for QR codes', () => {
    const url =
      'https://service.com/api?q=3fc3645b439ce8e7f2553a69e5267081d96dcd340693afabe04be7b0ccd178df';
    expect(run(['lnurl', 'encode', url, '--uppercase']).stdout.trim()).toBe(LUD01);
    expect(run(['lnurl', 'encode', 'http://service.com/x']).stderr).toContain('insecure-scheme');
  });
});

describe('lninvoice lnurl pay', () => {
  it('prints a checked invoice for the amount asked', async () => {
    const r = await runAsync([
      'lnurl',
      'pay',
      'alice@svc.test',
      '--amount-sat',
      '5',
      '--comment',
      'hi',
      ...connect,
    ]);
    expect(r.code).toBe(0);
    const invoice = decode(r.stdout.trim());
    expect(invoice.amountMsat).toBe(5000n);
    // The invoice alone on standard output; its LUD-21 verify URL on standard error.
    expect(r.stderr).toBe(
      `lninvoice: verify (LUD-21): ${ORIGIN}/verify/${Buffer.from(invoice.paymentHash).toString('hex')}\n`,
    );
  });

  it('prints JSON with the description and success action', async () => {
    const r = await runAsync([
      'lnurl',
      'pay',
      'lnurlp://svc.test/.well-known/lnurlp/alice',
      '--amount-msat',
      '1234',
      '--json',
      '--payer-name',
      'bob',
      ...connect,
    ]);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({
      domain: 'svc.test',
      description: 'Coffee',
      success_action: { tag: 'message', message: 'Thanks!' },
      disposable: false,
      verify: expect.stringMatching(/^https:\/\/svc\.test\/verify\/[0-9a-f]{64}$/),
      warnings: [],
    });
    expect(json.decoded.num_msat).toBe('1234');
  });

  it('pays a service that cannot commit to the metadata, with the LUD-06 warning; --strict refuses it', async () => {
    const r = await runAsync(['lnurl', 'pay', 'cln@svc.test', '--amount-msat', '2000', ...connect]);
    expect(r.code).toBe(0);
    expect(decode(r.stdout.trim()).description).toBe('Coffee');
    expect(r.stderr).toMatch(
      /^lninvoice: warning: description-hash-mismatch: the invoice has no description hash; expected [0-9a-f]{64} \(SHA-256 of the metadata\)\nlninvoice: verify \(LUD-21\): https:\/\/svc\.test\/verify\/[0-9a-f]{64}\n$/,
    );
    const json = JSON.parse(
      (
        await runAsync([
          'lnurl',
          'pay',
          'cln@svc.test',
          '--amount-msat',
          '2000',
          '--json',
          ...connect,
        ])
      ).stdout,
    );
    expect(json.warnings).toEqual([
      { code: 'description-hash-mismatch', message: expect.stringMatching(/^the invoice has no/) },
    ]);
    const strict = await runAsync([
      'lnurl',
      'pay',
      'cln@svc.test',
      '--amount-msat',
      '2000',
      '--strict',
      ...connect,
    ]);
    expect([strict.code, strict.stdout]).toEqual([1, '']);
    expect(strict.stderr).toMatch(
      /^lninvoice: description-hash-mismatch: .* \(without --strict, a warning\)\n$/,
    );
  });

  it('refuses an invoice for another network: bitcoin unless --network says otherwise', async () => {
    const route = ['--connect-to', `svc.test=http://127.0.0.1:${port}`];
    // A mainnet Lightning Address whose service answers lnbcrt… was printed, exit 0.
    const r = await runAsync(['lnurl', 'pay', 'alice@svc.test', '--amount-sat', '1', ...route]);
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toBe(
      `lninvoice: network-mismatch: the service's invoice is for "regtest" ("lnbcrt"…); the wallet pays on bitcoin (--network names the wallet's network)\n`,
    );
    const testnet = await runAsync([
      'lnurl',
      'pay',
      'testnet@svc.test',
      '--amount-sat',
      '1',
      ...route,
    ]);
    expect(testnet.stderr).toMatch(/^lninvoice: network-mismatch: /);
    const ok = await runAsync([
      'lnurl',
      'pay',
      'testnet@svc.test',
      '--amount-sat',
      '1',
      '--network',
      'testnet',
      ...route,
    ]);
    expect([ok.code, decode(ok.stdout.trim()).network]).toEqual([0, 'testnet']);
    const mainnet = await runAsync([
      'lnurl',
      'pay',
      'mainnet@svc.test',
      '--amount-sat',
      '1',
      ...route,
    ]);
    expect([mainnet.code, mainnet.stdout]).toEqual([0, expect.stringMatching(/^lnbc1/)]);
    const misspelt = run([
      'lnurl',
      'pay',
      'a@svc.test',
      '--amount-sat',
      '1',
      '--network',
      'mainnet',
    ]);
    expect([misspelt.code, misspelt.stderr]).toEqual([
      2,
      expect.stringContaining('"mainnet" is not a network; the networks are bitcoin, testnet'),
    ]);
  });

  it('refuses an invoice whose route hint asks absurd fees, unless the ceilings are raised', async () => {
    const greedy = ['lnurl', 'pay', 'greedy@svc.test', '--amount-sat', '1', ...connect];
    const r = await runAsync([...greedy, '--network', 'regtest']);
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toBe(
      [
        "lninvoice: route-hint-fee-too-large: the service's invoice: route hint 0 asks a fee of 4294967295 msat + 4294967295 ppm, more than the 50000 msat + 10000 ppm accepted (--max-route-hint-fee-base and --max-route-hint-fee-ppm raise the ceilings)",
        "lninvoice: route-hint-cltv-delta-too-large: the service's invoice: route hint 0 adds a CLTV delta of 65535 blocks, more than the 2016 accepted (--max-route-hint-cltv-delta raises the ceiling)",
        '',
      ].join('\n'),
    );
    const raised = await runAsync([
      ...greedy,
      '--network',
      'regtest',
      '--max-route-hint-fee-base',
      String(2 ** 32 - 1),
      '--max-route-hint-fee-ppm',
      String(2 ** 32 - 1),
      '--max-route-hint-cltv-delta',
      '65535',
    ]);
    expect([raised.code, raised.stdout]).toEqual([0, expect.stringMatching(/^lnbcrt/)]);
  });

  it('pays the domain’s own address (@domain, LUD-16 as amended by luds PR #296)', async () => {
    const before = seen.paths.length;
    const r = await runAsync(['lnurl', 'pay', '@svc.test', '--amount-sat', '2', ...connect]);
    expect([r.code, decode(r.stdout.trim()).amountMsat]).toEqual([0, 2000n]);
    expect(seen.paths.slice(before, before + 1)).toEqual(['/.well-known/lnurlp/_']);
  });

  it('shows what the pay request said on standard error: a zap key it dropped', async () => {
    const r = await runAsync([
      'lnurl',
      'pay',
      'bad-nostr@svc.test',
      '--amount-sat',
      '1',
      ...connect,
    ]);
    expect([r.code, decode(r.stdout.trim()).amountMsat]).toEqual([0, 1000n]);
    expect(r.stderr).toMatch(/^lninvoice: warning: invalid-nostr-pubkey: /m);
    const json = await runAsync([
      'lnurl',
      'pay',
      'bad-nostr@svc.test',
      '--amount-sat',
      '1',
      '--json',
      ...connect,
    ]);
    expect(JSON.parse(json.stdout).warnings.map((w: { code: string }) => w.code)).toContain(
      'invalid-nostr-pubkey',
    );
  });

  it('gives up after --timeout on a service that never finishes its answer', async () => {
    const r = await runAsync([
      'lnurl',
      'pay',
      'lnurlp://svc.test/slow',
      '--amount-sat',
      '1',
      '--timeout',
      '300',
      ...connect,
    ]);
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toMatch(/^lninvoice: timeout: /);
  });

  it('refuses an invoice already expired by this machine’s clock', async () => {
    const r = await runAsync(['lnurl', 'pay', 'expired@svc.test', '--amount-sat', '1', ...connect]);
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toMatch(
      /^lninvoice: expired: the service's invoice expired at \d+, \d+ s before now/,
    );
  });

  it('contacts no private host unless --allow-private-hosts says so', async () => {
    const before = seen.paths.length;
    const args = ['lnurl', 'pay', 'private-callback@svc.test', '--amount-msat', '1000', ...connect];
    const refused = await runAsync(args);
    expect([refused.code, refused.stdout]).toEqual([1, '']);
    expect(refused.stderr).toBe(
      'lninvoice: insecure-host: the URL "https://10.0.0.1/pay/cb?session=abc&amount=1000" is on a private address (10.0.0.1), which is not contacted unless private hosts are allowed (--allow-private-hosts allows it)\n',
    );
    // Only the pay request was fetched: not the callback on 10.0.0.1.
    expect(seen.paths.slice(before)).toEqual(['/.well-known/lnurlp/private-callback']);
    const allowed = await runAsync([
      ...args,
      '--allow-private-hosts',
      '--connect-to',
      `10.0.0.1=http://127.0.0.1:${port}`,
    ]);
    expect(allowed.code).toBe(0);
    expect(decode(allowed.stdout.trim()).amountMsat).toBe(1000n);
    expect(seen.paths.at(-1)).toBe('/pay/cb');
    const loopback = await runAsync(['lnurl', 'pay', 'lnurlp://127.0.0.1/x', '--amount-msat', '1']);
    expect(loopback.stderr).toMatch(
      /^lninvoice: insecure-host: .*loopback address \(127\.0\.0\.1\)/,
    );
    // fetch would read 0x7f.1 as 127.0.0.1: no host a service URL may have.
    const numeric = await runAsync(['lnurl', 'pay', 'lnurlp://0x7f.1/x', '--amount-msat', '1']);
    expect([numeric.code, numeric.stderr]).toEqual([
      1,
      'lninvoice: invalid-url: the LUD-17 URL "lnurlp://0x7f.1/x" has no valid host\n',
    ]);
  });

  it.each([
    [
      'its invoice is for another amount',
      'lnurlp://svc.test/lnurlp/wrong-amount',
      'amount-mismatch: ',
    ],
    [
      'the LNURL leads to another request',
      'lnurlw://svc.test/withdraw',
      'tag-mismatch: "lnurlw://svc.test/withdraw" leads to a withdrawRequest, not a payRequest\n',
    ],
  ])('exits 1 with the code when %s', async (_, target, message) => {
    const r = await runAsync(['lnurl', 'pay', target, '--amount-msat', '2000', ...connect]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`lninvoice: ${message}`);
    expect(r.stdout).toBe('');
  });

  it('refuses --payer-name for a service that asks for no payer data, as a usage error', async () => {
    const before = seen.paths.length;
    const r = await runAsync([
      'lnurl',
      'pay',
      'anonymous@svc.test',
      '--amount-sat',
      '1',
      '--payer-name',
      'bob',
      ...connect,
    ]);
    // One line naming the flag (and the pointer to --help), not an uncaught RangeError.
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(
      'lninvoice lnurl: --payer-name: svc.test asks for no payer name (LUD-18: a wallet sends only the payer data a service asks for)\nRun "lninvoice lnurl --help" for usage.\n',
    );
    // Nothing was sent to the callback.
    expect(seen.paths.slice(before)).toEqual(['/.well-known/lnurlp/anonymous']);
    // Without it, the same service is paid.
    const paid = await runAsync([
      'lnurl',
      'pay',
      'anonymous@svc.test',
      '--amount-sat',
      '1',
      ...connect,
    ]);
    expect(paid.code).toBe(0);
    expect(decode(paid.stdout.trim()).amountMsat).toBe(1000n);
  });

  it('exits 2 on usage errors', () => {
    for (const args of [
      ['lnurl', 'verify', `${ORIGIN}/verify/x`],
      ['lnurl', 'verify', `${ORIGIN}/verify/x`, 'lnbc1oops'],
      ['lnurl', 'pay', 'alice@svc.test', '--amount-msat', '1', '--network', 'lnbc'],
      ['lnurl', 'pay', 'alice@svc.test', '--amount-msat', '1', '--timeout', '0'],
      ['lnurl', 'pay', 'alice@svc.test', '--amount-msat', '1', '--timeout', '2147483648'],
      ['lnurl', 'pay', 'alice@svc.test'],
      ['lnurl', 'frob', 'x'],
      ['lnurl', 'pay', 'alice@svc.test', '--amount-msat', '1', '--connect-to', 'nonsense'],
      ['lnurl', 'encode', `https://svc.test/${'a'.repeat(3000)}`],
    ]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      // One line naming what is wrong, then the pointer to --help: no stack, no bundle.
      expect(r.stderr, args.join(' ')).toMatch(
        /^lninvoice lnurl: [^\n]+\nRun "lninvoice lnurl --help" for usage\.\n$/,
      );
    }
  });
});

describe('lninvoice lnurl verify', () => {
  it('says whether the invoice is paid, with its preimage checked against it', async () => {
    const paid = await runAsync([
      'lnurl',
      'pay',
      'alice@svc.test',
      '--amount-sat',
      '3',
      ...connect,
    ]);
    const pr = paid.stdout.trim();
    const verifyUrl = /verify \(LUD-21\): (\S+)/.exec(paid.stderr)?.[1] as string;
    const pending = await runAsync(['lnurl', 'verify', verifyUrl, pr, ...connect]);
    expect([pending.code, pending.stdout, pending.stderr]).toEqual([0, 'not settled\n', '']);
    const hash = Buffer.from(decode(pr).paymentHash).toString('hex');
    const issued = seen.invoices.get(hash);
    if (issued) issued.settled = true;
    const settled = await runAsync(['lnurl', 'verify', verifyUrl, pr, ...connect]);
    expect([settled.code, settled.stdout]).toEqual([0, `settled ${issued?.preimage}\n`]);
    const json = await runAsync(['lnurl', 'verify', verifyUrl, pr, '--json', ...connect]);
    expect(JSON.parse(json.stdout)).toEqual({ settled: true, preimage: issued?.preimage, pr });
  });

  it('exits 1 when the service claims a payment it cannot prove', async () => {
    const paid = await runAsync([
      'lnurl',
      'pay',
      'liar-preimage@svc.test',
      '--amount-sat',
      '3',
      ...connect,
    ]);
    const verifyUrl = /verify \(LUD-21\): (\S+)/.exec(paid.stderr)?.[1] as string;
    const r = await runAsync(['lnurl', 'verify', verifyUrl, paid.stdout.trim(), ...connect]);
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toMatch(/^lninvoice: preimage-mismatch: /);
  });
});
