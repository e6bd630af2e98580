// `lninvoice lnurl`, run as a user runs it; `pay` against a real LNURL service on 127.0.0.1.
import type { Server } from 'node:http';
import { createInvoice, decode, signInvoice } from '@lninvoice/core';
import { verifyAuthSignature } from '@lninvoice/lnurl';
import { startService } from 'test-support/lnurl-service';
import lnurlVectors from 'test-support/vectors/lnurl/cases.json' with { type: 'json' };
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, runAsync } from './helpers.js';

const LUD01 = lnurlVectors.cases.find((c) => c.id === 'lud01-example-upper')?.input as string;
let server: Server;
let connect: string[];

beforeAll(async () => {
  const started = await startService({ createInvoice, signInvoice, decode, verifyAuthSignature });
  server = started.server;
  connect = ['--connect-to', `svc.test=http://127.0.0.1:${started.port}`];
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
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(decode(r.stdout.trim()).amountMsat).toBe(5000n);
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
    });
    expect(json.decoded.num_msat).toBe('1234');
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

  it('exits 2 on usage errors', () => {
    for (const args of [
      ['lnurl', 'pay', 'alice@svc.test', '--amount-msat', '1', '--timeout', '0'],
      ['lnurl', 'pay', 'alice@svc.test', '--amount-msat', '1', '--timeout', '2147483648'],
      ['lnurl', 'pay', 'alice@svc.test'],
      ['lnurl', 'frob', 'x'],
      ['lnurl', 'pay', 'alice@svc.test', '--amount-msat', '1', '--connect-to', 'nonsense'],
    ]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
    }
  });
});
