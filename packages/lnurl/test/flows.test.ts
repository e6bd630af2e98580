// The wallet completes every LNURL flow against a real HTTP service, and refuses its bad answers.
import type { Server } from 'node:http';
import { createInvoice, decode, nodeKeyOf, signInvoice } from '@lninvoice/core';
import { bytesToHex } from '@noble/hashes/utils.js';
import {
  K1,
  METADATA,
  ORIGIN,
  SERVICE_NODE,
  type Seen,
  serviceFetch,
  startService,
} from 'test-support/lnurl-service';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AuthRequest,
  type ChannelRequest,
  encodeLnurl,
  type HttpOptions,
  LnurlError,
  login,
  openChannel,
  type PayRequest,
  requestInvoice,
  resolve,
  verifyAuthSignature,
  verifyPayment,
  type WithdrawRequest,
  withdraw,
} from '../src/index.js';

let server: Server;
let port: number;
let seen: Seen;
let refused: string[];
let http: HttpOptions;

beforeAll(async () => {
  const started = await startService({ createInvoice, signInvoice, decode, verifyAuthSignature });
  server = started.server;
  port = started.port;
  seen = started.seen;
  refused = [];
  http = { fetch: serviceFetch(started.port, refused), timeoutMs: 2000 };
});
afterAll(() => {
  server.close();
});

const lnurl = (path: string) => encodeLnurl(`${ORIGIN}${path}`, { uppercase: true });
const codeOf = async (promise: Promise<unknown>): Promise<string> => {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(LnurlError);
    return (error as LnurlError).code;
  }
  throw new Error('expected an LnurlError');
};

describe('LNURL-pay', () => {
  it('pays a Lightning Address: resolve, request an invoice, check it', async () => {
    const request = (await resolve('alice@svc.test', http)) as PayRequest;
    expect(request).toMatchObject({
      tag: 'payRequest',
      domain: 'svc.test',
      minSendable: 1000n,
      commentAllowed: 20,
    });
    expect(request.metadata.description).toBe('Coffee');
    expect(request.metadata.raw).toBe(METADATA);

    const result = await requestInvoice(request, {
      ...http,
      amountMsat: 5000n,
      comment: 'for you',
      payerData: { name: 'bob' },
    });
    expect(result.invoice.amountMsat).toBe(5000n);
    expect(bytesToHex(result.invoice.payeeNodeKey)).toBe(SERVICE_NODE);
    expect(result.successAction).toEqual({ tag: 'message', message: 'Thanks!' });
    expect([result.disposable, result.warnings]).toEqual([false, []]);
    expect([seen.comment, seen.payerdata]).toEqual(['for you', '{"name":"bob"}']);
  });

  it('pays through a bech32 LNURL and a LUD-17 lnurlp:// URL alike', async () => {
    for (const input of [
      lnurl('/.well-known/lnurlp/alice'),
      'lnurlp://svc.test/.well-known/lnurlp/alice',
    ]) {
      const request = (await resolve(input, http)) as PayRequest;
      const result = await requestInvoice(request, { ...http, amountMsat: 1000n });
      expect(result.invoice.amountMsat).toBe(1000n);
    }
  });

  it('refuses an invoice for another amount', async () => {
    const request = (await resolve(lnurl('/lnurlp/wrong-amount'), http)) as PayRequest;
    expect(await codeOf(requestInvoice(request, { ...http, amountMsat: 2000n }))).toBe(
      'amount-mismatch',
    );
  });

  it('refuses an invoice whose h is not the hash of the metadata as received, or warns when asked', async () => {
    const request = (await resolve(lnurl('/lnurlp/wrong-hash'), http)) as PayRequest;
    expect(await codeOf(requestInvoice(request, { ...http, amountMsat: 2000n }))).toBe(
      'description-hash-mismatch',
    );
    const warned = await requestInvoice(request, {
      ...http,
      amountMsat: 2000n,
      descriptionHash: 'warn',
    });
    expect(warned.warnings).toHaveLength(1);
    const unchecked = await requestInvoice(request, {
      ...http,
      amountMsat: 2000n,
      descriptionHash: 'off',
    });
    expect(unchecked.warnings).toEqual([]);
  });

  it('refuses success actions it cannot honour, before anything is paid', async () => {
    const foreign = (await resolve(lnurl('/lnurlp/foreign-url-action'), http)) as PayRequest;
    expect(await codeOf(requestInvoice(foreign, { ...http, amountMsat: 1000n }))).toBe(
      'success-action-domain-mismatch',
    );
    const video = (await resolve(lnurl('/lnurlp/video-action'), http)) as PayRequest;
    expect(await codeOf(requestInvoice(video, { ...http, amountMsat: 1000n }))).toBe(
      'unsupported-success-action',
    );
  });

  it('checks amount, comment and payer data before calling back', async () => {
    const request = (await resolve('alice@svc.test', http)) as PayRequest;
    const before = seen.paths.length;
    expect(await codeOf(requestInvoice(request, { ...http, amountMsat: 999n }))).toBe(
      'amount-out-of-range',
    );
    expect(
      await codeOf(
        requestInvoice(request, { ...http, amountMsat: 1000n, comment: 'x'.repeat(21) }),
      ),
    ).toBe('comment-too-long');
    await expect(
      requestInvoice(request, { ...http, amountMsat: 1000n, payerData: { pubkey: '02…' } }),
    ).rejects.toThrow(RangeError);
    const strict = { ...request, payerData: { email: { mandatory: true } } };
    expect(await codeOf(requestInvoice(strict, { ...http, amountMsat: 1000n }))).toBe(
      'missing-payer-data',
    );
    expect(seen.paths.length).toBe(before);
  });
});

describe('LNURL-withdraw, -auth, -channel and LUD-21 verify', () => {
  it('withdraws: the service receives the wallet’s invoice', async () => {
    const request = (await resolve(lnurl('/withdraw'), http)) as WithdrawRequest;
    expect(request).toMatchObject({
      tag: 'withdrawRequest',
      minWithdrawable: 1000n,
      maxWithdrawable: 100_000n,
      defaultDescription: 'Refund',
    });
    const walletKey = new Uint8Array(32).fill(0x33);
    const pr = signInvoice(
      createInvoice({
        network: 'regtest',
        amountMsat: 2000n,
        paymentHash: '00'.repeat(32),
        description: request.defaultDescription,
      }),
      walletKey,
    );
    await withdraw(request, pr, http);
    expect(seen.withdrawnInvoice).toBe(pr);
    const tooMuch = signInvoice(
      createInvoice({
        network: 'regtest',
        amountMsat: 200_000n,
        paymentHash: '00'.repeat(32),
        description: 'x',
      }),
      walletKey,
    );
    expect(await codeOf(withdraw(request, tooMuch, http))).toBe('amount-out-of-range');
  });

  it('logs in without fetching the login URL until it is signed', async () => {
    const before = seen.paths.length;
    const request = (await resolve(
      lnurl(`/auth?tag=login&k1=${K1}&action=login`),
      http,
    )) as AuthRequest;
    expect(request).toMatchObject({ tag: 'login', domain: 'svc.test', k1: K1, action: 'login' });
    expect(seen.paths.length).toBe(before);
    const linkingKey = new Uint8Array(32).fill(0x44);
    await login(request, linkingKey, http);
    expect(seen.loginKey).toBe(bytesToHex(nodeKeyOf(linkingKey)));
  });

  it('refuses a login LNURL with a bad k1, without fetching it', async () => {
    const before = seen.paths.length;
    expect(await codeOf(resolve(lnurl('/auth?tag=login&k1=hex_coin'), http))).toBe('invalid-k1');
    expect(seen.paths.length).toBe(before);
  });

  it('asks for a channel', async () => {
    const request = (await resolve(lnurl('/channel'), http)) as ChannelRequest;
    const nodeId = bytesToHex(nodeKeyOf(new Uint8Array(32).fill(0x55)));
    await openChannel(request, { nodeId, private: true }, http);
    expect(seen.channel).toEqual({ k1: 'chan-k1', remoteid: nodeId, private: '1', cancel: null });
  });

  it('reads a LUD-21 verify answer', async () => {
    expect(await verifyPayment(`${ORIGIN}/verify/paid`, http)).toEqual({
      settled: true,
      preimage: '11'.repeat(32),
      pr: 'lnbcrt1…',
    });
  });
});

describe('a service that misbehaves', () => {
  it('ERROR status: an LnurlError with the service’s reason', async () => {
    const error = await resolve(lnurl('/error'), http).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'service-error', reason: 'Not today' });
  });

  it('malformed JSON, or JSON that is not an object', async () => {
    expect(await codeOf(resolve(lnurl('/malformed'), http))).toBe('invalid-json');
    expect(await codeOf(resolve(lnurl('/array'), http))).toBe('invalid-response');
  });

  it('an oversized body is cut off', async () => {
    expect(await codeOf(resolve(lnurl('/huge'), http))).toBe('response-too-large');
  });

  it('a slow response times out', async () => {
    expect(await codeOf(resolve(lnurl('/slow'), { ...http, timeoutMs: 300 }))).toBe('timeout');
  });

  it('a redirect to http is refused without contacting it; https redirects are followed', async () => {
    expect(await codeOf(resolve(lnurl('/redirect-http'), http))).toBe('insecure-redirect');
    expect(refused).toEqual([]);
    expect(((await resolve(lnurl('/redirect-https'), http)) as PayRequest).tag).toBe('payRequest');
    expect(await codeOf(resolve(lnurl('/redirect-loop'), http))).toBe('too-many-redirects');
  });

  it('takes the global fetch as it is (types and behaviour)', async () => {
    const options: HttpOptions = { fetch: globalThis.fetch, timeoutMs: 2000 };
    // https to the plain-HTTP test server: the TLS handshake fails at once, locally.
    const local = encodeLnurl(`https://127.0.0.1:${port}/error`);
    expect(await codeOf(resolve(local, options))).toBe('network-error');
  });

  it('an unreachable host is a network error; a caller’s abort passes through', async () => {
    expect(await codeOf(resolve('bob@elsewhere.test', http))).toBe('network-error');
    expect(refused).toEqual(['https://elsewhere.test/.well-known/lnurlp/bob']);
    const controller = new AbortController();
    controller.abort(new Error('user left'));
    await expect(resolve(lnurl('/slow'), { ...http, signal: controller.signal })).rejects.toThrow(
      'user left',
    );
  });

  it('a LUD-17 scheme that does not match the answer', async () => {
    expect(await codeOf(resolve('lnurlw://svc.test/.well-known/lnurlp/alice', http))).toBe(
      'tag-mismatch',
    );
  });
});
