// The wallet completes every LNURL flow against a real HTTP service, and refuses its bad answers.
import type { Server } from 'node:http';
import { createInvoice, decode, nodeKeyOf, signInvoice } from '@lninvoice/core';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { expectNoHangAsync } from 'test-support/hang';
import {
  K1,
  METADATA,
  ORIGIN,
  SERVICE_NODE,
  type Seen,
  serviceFetch,
  startService,
} from 'test-support/lnurl-service';
import { expectSafeText } from 'test-support/outcome';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AuthRequest,
  type ChannelRequest,
  encodeLnurl,
  type Fetch,
  type FetchResponse,
  getJson,
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
/** The service issues regtest invoices: the wallet of these tests is on regtest. */
const REGTEST = { network: 'regtest' } as const;

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
const errorOf = async (promise: Promise<unknown>): Promise<LnurlError> => {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(LnurlError);
    expectSafeText((error as LnurlError).message);
    return error as LnurlError;
  }
  throw new Error('expected an LnurlError');
};
const codeOf = async (promise: Promise<unknown>): Promise<string> => (await errorOf(promise)).code;

describe('LNURL-pay', () => {
  it('pays the domain’s own address: @domain and _@domain ask /.well-known/lnurlp/_', async () => {
    for (const address of ['@svc.test', '_@svc.test', '₿_@svc.test']) {
      const before = seen.paths.length;
      const request = (await resolve(address, http)) as PayRequest;
      expect([request.tag, seen.paths.slice(before)], address).toEqual([
        'payRequest',
        ['/.well-known/lnurlp/_'],
      ]);
      const { invoice } = await requestInvoice(request, { ...http, ...REGTEST, amountMsat: 2000n });
      expect(invoice.amountMsat).toBe(2000n);
    }
  });

  it('resolves an address after lightning: when lenient, and says what strict reading wants', async () => {
    const request = (await resolve('lightning:alice@svc.test', {
      ...http,
      lenient: true,
    })) as PayRequest;
    expect([request.tag, request.domain]).toEqual(['payRequest', 'svc.test']);
    const strict = await errorOf(resolve('lightning:alice@svc.test', http));
    expect(strict.code).not.toBe('unsupported-input');
    expect(strict.message).toContain('lightning:');
  });

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
      ...REGTEST,
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
      const result = await requestInvoice(request, { ...http, ...REGTEST, amountMsat: 1000n });
      expect(result.invoice.amountMsat).toBe(1000n);
    }
  });

  it('refuses an invoice for another amount', async () => {
    const request = (await resolve(lnurl('/lnurlp/wrong-amount'), http)) as PayRequest;
    expect(await codeOf(requestInvoice(request, { ...http, ...REGTEST, amountMsat: 2000n }))).toBe(
      'amount-mismatch',
    );
  });

  it('reports an h that is not the hash of the metadata as a warning (LUD-06 after luds PR #234); strict refuses it', async () => {
    const request = (await resolve(lnurl('/lnurlp/wrong-hash'), http)) as PayRequest;
    const warned = await requestInvoice(request, { ...http, ...REGTEST, amountMsat: 2000n });
    expect(warned.invoice.amountMsat).toBe(2000n);
    expect(warned.warnings).toEqual([
      {
        code: 'description-hash-mismatch',
        message: expect.stringMatching(
          /^the invoice's description hash [0-9a-f]{64} is not [0-9a-f]{64}, the SHA-256 of the metadata as received$/,
        ),
      },
    ]);
    expect(
      await codeOf(
        requestInvoice(request, {
          ...http,
          ...REGTEST,
          amountMsat: 2000n,
          descriptionHash: 'strict',
        }),
      ),
    ).toBe('description-hash-mismatch');
    const unchecked = await requestInvoice(request, {
      ...http,
      ...REGTEST,
      amountMsat: 2000n,
      descriptionHash: 'off',
    });
    expect(unchecked.warnings).toEqual([]);
  });

  it('pays a service whose node cannot commit to the metadata (a plain description, no h)', async () => {
    const request = (await resolve('cln@svc.test', http)) as PayRequest;
    const result = await requestInvoice(request, { ...http, ...REGTEST, amountMsat: 3000n });
    expect([result.invoice.description, result.invoice.descriptionHash]).toEqual([
      'Coffee',
      undefined,
    ]);
    expect(result.warnings).toEqual([
      {
        code: 'description-hash-mismatch',
        message: `the invoice has no description hash; expected ${request.metadataHash} (SHA-256 of the metadata)`,
      },
    ]);
    // The amount and the signature are still checked.
    expect(bytesToHex(result.invoice.payeeNodeKey)).toBe(SERVICE_NODE);
    expect(
      await codeOf(
        requestInvoice(request, {
          ...http,
          ...REGTEST,
          amountMsat: 3000n,
          descriptionHash: 'strict',
        }),
      ),
    ).toBe('description-hash-mismatch');
  });

  it('refuses an invoice for another network than the wallet’s: bitcoin unless told', async () => {
    // A mainnet Lightning Address answering lnbcrt… or lntb…: no payment a mainnet wallet makes.
    const alice = (await resolve('alice@svc.test', http)) as PayRequest;
    const error = await errorOf(requestInvoice(alice, { ...http, amountMsat: 1000n }));
    expect([error.code, error.message]).toEqual([
      'network-mismatch',
      `the service's invoice is for "regtest" ("lnbcrt"…); the wallet pays on bitcoin`,
    ]);
    const testnet = (await resolve('testnet@svc.test', http)) as PayRequest;
    expect(await codeOf(requestInvoice(testnet, { ...http, amountMsat: 1000n }))).toBe(
      'network-mismatch',
    );
    expect(await codeOf(requestInvoice(testnet, { ...http, ...REGTEST, amountMsat: 1000n }))).toBe(
      'network-mismatch',
    );
    expect(
      (await requestInvoice(testnet, { ...http, network: 'testnet', amountMsat: 1000n })).invoice
        .network,
    ).toBe('testnet');
    const mainnet = (await resolve('mainnet@svc.test', http)) as PayRequest;
    expect((await requestInvoice(mainnet, { ...http, amountMsat: 1000n })).pr).toMatch(/^lnbc1/);
    // A misspelt network is the caller's mistake, found before the service is asked.
    const before = seen.paths.length;
    await expect(
      requestInvoice(mainnet, { ...http, network: 'mainnet', amountMsat: 1000n }),
    ).rejects.toThrow(
      new RangeError(
        'options.network: "mainnet" is not a network; the networks are bitcoin, testnet, signet, regtest',
      ),
    );
    expect(seen.paths.length).toBe(before);
  });

  it('refuses an invoice that expired before it arrived, given the time', async () => {
    const request = (await resolve('expired@svc.test', http)) as PayRequest;
    const now = Math.floor(Date.now() / 1000);
    const error = await errorOf(
      requestInvoice(request, { ...http, ...REGTEST, now, amountMsat: 1000n }),
    );
    expect(error.code).toBe('expired');
    expect(error.message).toMatch(/^the service's invoice expired at \d+, 71\d\d s before now/);
    // Without a clock it is not checked (a wallet checks expiry when it pays).
    const unchecked = await requestInvoice(request, { ...http, ...REGTEST, amountMsat: 1000n });
    expect(unchecked.invoice.expiresAt).toBeLessThan(now);
    const fresh = (await resolve('alice@svc.test', http)) as PayRequest;
    await requestInvoice(fresh, { ...http, ...REGTEST, now, amountMsat: 1000n });
  });

  it('refuses success actions it cannot honour, before anything is paid', async () => {
    const foreign = (await resolve(lnurl('/lnurlp/foreign-url-action'), http)) as PayRequest;
    expect(await codeOf(requestInvoice(foreign, { ...http, ...REGTEST, amountMsat: 1000n }))).toBe(
      'success-action-domain-mismatch',
    );
    const video = (await resolve(lnurl('/lnurlp/video-action'), http)) as PayRequest;
    expect(await codeOf(requestInvoice(video, { ...http, ...REGTEST, amountMsat: 1000n }))).toBe(
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
});

describe('LUD-21 verify', () => {
  it('hands back the verify URL, and reads the invoice as unpaid, then paid with its preimage', async () => {
    const request = (await resolve('alice@svc.test', http)) as PayRequest;
    const { pr, invoice, verify } = await requestInvoice(request, {
      ...http,
      ...REGTEST,
      amountMsat: 7000n,
    });
    const hash = bytesToHex(invoice.paymentHash);
    expect(verify).toBe(`${ORIGIN}/verify/${hash}`);
    expect(await verifyPayment(verify as string, pr, http)).toEqual({
      settled: false,
      preimage: null,
      pr,
    });
    const issued = seen.invoices.get(hash);
    if (issued) issued.settled = true;
    const paid = await verifyPayment(verify as string, pr.toUpperCase(), http);
    expect(paid).toEqual({ settled: true, preimage: issued?.preimage, pr });
    expect(bytesToHex(sha256(hexToBytes(paid.preimage as string)))).toBe(hash);
  });

  it('never reads a claim it cannot prove as settled: another invoice, a wrong or missing preimage', async () => {
    for (const [lie, code] of [
      ['pr', 'invoice-mismatch'],
      ['preimage', 'preimage-mismatch'],
      ['unproven', 'invalid-response'],
    ] as const) {
      const request = (await resolve(`liar-${lie}@svc.test`, http)) as PayRequest;
      const { pr, verify } = await requestInvoice(request, {
        ...http,
        ...REGTEST,
        amountMsat: 1000n,
      });
      expect(verify).toMatch(new RegExp(`^${ORIGIN}/verify-${lie}/[0-9a-f]{64}$`));
      expect(await codeOf(verifyPayment(verify as string, pr, http)), lie).toBe(code);
    }
  });

  it('reports the service’s error, and refuses a pr that is no invoice before asking', async () => {
    const { pr } = await requestInvoice((await resolve('alice@svc.test', http)) as PayRequest, {
      ...http,
      ...REGTEST,
      amountMsat: 1000n,
    });
    const error = await errorOf(verifyPayment(`${ORIGIN}/verify/${'00'.repeat(32)}`, pr, http));
    expect([error.code, error.reason]).toEqual(['service-error', 'Not found']);
    const before = seen.paths.length;
    await expect(verifyPayment(`${ORIGIN}/verify/x`, 'lnbc1oops', http)).rejects.toThrow(
      /^pr is not a BOLT 11 invoice: /,
    );
    await expect(verifyPayment(`${ORIGIN}/verify/x`, 5 as never, http)).rejects.toThrow(
      new TypeError('pr must be a string, got number'),
    );
    expect(seen.paths.length).toBe(before);
  });
});

describe('private hosts (server-side request forgery)', () => {
  it('a callback on a private address is refused before any request, unless allowed', async () => {
    const request = (await resolve('private-callback@svc.test', http)) as PayRequest;
    expect(request.callback).toBe('https://10.0.0.1/pay/cb?session=abc');
    const before = seen.paths.length;
    const error = await errorOf(
      requestInvoice(request, { ...http, ...REGTEST, amountMsat: 1000n }),
    );
    expect([error.code, error.message]).toEqual([
      'insecure-host',
      'the URL "https://10.0.0.1/pay/cb?session=abc&amount=1000" is on a private address (10.0.0.1), which is not contacted unless private hosts are allowed',
    ]);
    expect([seen.paths.length, refused]).toEqual([before, []]);
    // A caller who runs the service on its own network allows it.
    const result = await requestInvoice(request, {
      ...http,
      fetch: serviceFetch(port, refused, ['https://10.0.0.1']),
      allowPrivateHosts: true,
      ...REGTEST,
      amountMsat: 1000n,
    });
    expect(result.invoice.amountMsat).toBe(1000n);
    expect(seen.paths.at(-1)).toBe('/pay/cb');
  });

  it('a redirect to a numeric spelling of 127.0.0.1 is refused without contacting it', async () => {
    // fetch would read https://2130706433/ as 127.0.0.1; a service URL's host is a name or an
    // address written as one (core/service-url), so the spelling is refused before its address.
    const error = await errorOf(resolve(lnurl('/redirect-private'), http));
    expect(error.code).toBe('insecure-redirect');
    expect(error.message).toBe(
      '"https://svc.test/redirect-private" redirects to "https://2130706433/.well-known/lnurlp/alice": the redirect target "https://2130706433/.well-known/lnurlp/alice" has no valid host',
    );
    expect(refused).toEqual([]);
  });

  it('a verify URL on a link-local address fails the invoice request, unless allowed', async () => {
    const request = (await resolve('private-verify@svc.test', http)) as PayRequest;
    expect(await codeOf(requestInvoice(request, { ...http, ...REGTEST, amountMsat: 1000n }))).toBe(
      'insecure-host',
    );
    const allowed = await requestInvoice(request, {
      ...http,
      allowPrivateHosts: true,
      ...REGTEST,
      amountMsat: 1000n,
    });
    expect(allowed.verify).toBe('https://169.254.169.254/latest/');
    expect(await codeOf(verifyPayment(allowed.verify as string, allowed.pr, http))).toBe(
      'insecure-host',
    );
    expect(refused).toEqual([]);
  });

  it('applies to every URL a flow fetches: the LNURL, withdraw and login callbacks', async () => {
    const before = seen.paths.length;
    // Numeric spellings of an address are no host a service URL may have; the others are hosts
    // that are not public.
    for (const [scanned, code] of [
      ['lnurlp://127.1/.well-known/lnurlp/alice', 'invalid-url'],
      ['bob@0x7f.1', 'invalid-domain'],
      ['lnurlp://127.0.0.1/.well-known/lnurlp/alice', 'insecure-host'],
      ['lnurlp://[::ffff:169.254.169.254]/latest/meta-data', 'insecure-host'],
      ['lnurlp://localhost/x', 'insecure-host'],
    ]) {
      expect(await codeOf(resolve(scanned as string, http)), scanned).toBe(code);
    }
    const fast = (await resolve(
      'lnurlw://svc.test/w?tag=withdrawRequest&k1=a&minWithdrawable=1000&maxWithdrawable=2000&defaultDescription=x&callback=https%3A%2F%2F192.168.1.1%2Fcb',
      http,
    )) as WithdrawRequest;
    const pr = signInvoice(
      createInvoice({
        network: 'regtest',
        amountMsat: 1000n,
        paymentHash: '00'.repeat(32),
        description: 'x',
      }),
      new Uint8Array(32).fill(0x33),
    );
    expect(await codeOf(withdraw(fast, pr, http))).toBe('insecure-host');
    const auth = (await resolve(`keyauth://[::1]/auth?tag=login&k1=${K1}`, http)) as AuthRequest;
    expect(await codeOf(login(auth, new Uint8Array(32).fill(0x44), http))).toBe('insecure-host');
    expect([seen.paths.length, refused]).toEqual([before, []]);
  });

  it('a keyauth:// URL without tag=login is refused before any request (LUD-17)', async () => {
    const before = seen.paths.length;
    const error = await errorOf(resolve(`keyauth://svc.test/auth?k1=${K1}`, http));
    expect([error.code, error.message]).toEqual([
      'tag-mismatch',
      'a keyauth:// URL is a login (LUD-17), but its tag is missing: nothing was requested',
    ]);
    expect(await codeOf(resolve(`lnurlp://svc.test/auth?tag=login&k1=${K1}`, http))).toBe(
      'tag-mismatch',
    );
    expect(seen.paths.length).toBe(before);
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

  it('an answer that is not JSON is described, never quoted', async () => {
    const error = await errorOf(resolve(lnurl('/text'), http));
    expect([error.code, error.message]).toEqual([
      'invalid-json',
      `"${ORIGIN}/text" answered 62 bytes of "text/plain" (HTTP 500), which is not JSON`,
    ]);
    const array = await errorOf(resolve(lnurl('/array'), http));
    expect(array.message).toBe(
      `"${ORIGIN}/array" answered JSON that is not an object but an array of 0`,
    );
    const secret = async () => new Response('"AWS_SECRET_ACCESS_KEY=abc"');
    expect((await errorOf(getJson(`${ORIGIN}/x`, { fetch: secret }))).message).toBe(
      `"${ORIGIN}/x" answered JSON that is not an object but a string of 25 characters`,
    );
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
    const local = encodeLnurl(`https://127.0.0.1:${port}/error`);
    expect(await codeOf(resolve(local, options))).toBe('insecure-host');
    // https to the plain-HTTP test server: the TLS handshake fails at once, locally.
    expect(await codeOf(resolve(local, { ...options, allowPrivateHosts: true }))).toBe(
      'network-error',
    );
  });

  it('a fetch without a body stream (React Native) is capped too, before anything is parsed', async () => {
    const huge = new TextEncoder().encode(`{"status":"OK","x":"${'x'.repeat(64 << 20)}"}`).buffer;
    let read = 0;
    /** `body` with no stream, as React Native's fetch answers, and a content-length or none. */
    const streamless =
      (body: ArrayBuffer, contentLength: string | null = null): Fetch =>
      async () =>
        ({
          status: 200,
          type: 'basic',
          headers: { get: (name: string) => (name === 'content-length' ? contentLength : null) },
          body: null,
          arrayBuffer: async () => {
            read++;
            return body;
          },
        }) satisfies FetchResponse;
    // Reading and parsing it took 31 s of one core; now its size is looked at before any of it
    // is decoded: at most 2 ms on an idle machine, for the three.
    await expectNoHangAsync(async () => {
      for (const contentLength of [null, '12', 'abc']) {
        const error = await errorOf(
          getJson(`${ORIGIN}/x`, { fetch: streamless(huge, contentLength) }),
        );
        expect([error.code, error.message]).toEqual([
          'response-too-large',
          `the service sent ${(64 << 20) + 22} bytes; at most 1048576 are read`,
        ]);
      }
    }, 5);
    expect(read).toBeGreaterThanOrEqual(3);
    // A declared size above the cap is refused without reading a byte.
    read = 0;
    await expect(
      getJson(`${ORIGIN}/x`, { fetch: streamless(huge, String(64 << 20)) }),
    ).rejects.toThrow(`the service sent ${64 << 20} bytes; at most 1048576 are read`);
    expect(read).toBe(0);
    const small = new TextEncoder().encode('{"status":"OK"}').buffer;
    expect(await getJson(`${ORIGIN}/x`, { fetch: streamless(small) })).toEqual({ status: 'OK' });
    expect(await codeOf(getJson(`${ORIGIN}/x`, { fetch: streamless(small), maxBytes: 14 }))).toBe(
      'response-too-large',
    );
  });

  it('a fetch that follows redirects itself has its answer used only if the target is allowed', async () => {
    const landed =
      (url: string): Fetch =>
      async () =>
        Object.defineProperties(new Response('{"status":"OK"}'), {
          redirected: { value: true },
          url: { value: url },
        });
    expect(await getJson(`${ORIGIN}/x`, { fetch: landed(`${ORIGIN}/y`) })).toEqual({
      status: 'OK',
    });
    for (const url of ['https://127.0.0.1/y', 'http://svc.test/y', '']) {
      const error = await errorOf(getJson(`${ORIGIN}/x`, { fetch: landed(url) }));
      expect(error.code, url).toBe('insecure-redirect');
      expect(error.message).toContain('was redirected by the fetch itself to');
    }
  });

  it('refuses a timeout setTimeout cannot keep, in every flow, before any request', async () => {
    const request = (await resolve('alice@svc.test', http)) as PayRequest;
    const { pr } = await requestInvoice(request, { ...http, ...REGTEST, amountMsat: 1000n });
    const before = seen.paths.length;
    const calls: (() => Promise<unknown>)[] = [
      () => resolve('alice@svc.test', { ...http, timeoutMs: 2 ** 31 }),
      () => requestInvoice(request, { ...http, timeoutMs: 2 ** 31, amountMsat: 1000n }),
      () => verifyPayment(`${ORIGIN}/verify/x`, pr, { ...http, timeoutMs: 2 ** 40 }),
      () => getJson(`${ORIGIN}/x`, { ...http, timeoutMs: Number.POSITIVE_INFINITY }),
    ];
    for (const call of calls) {
      await expect(call()).rejects.toThrow(
        /^options\.timeoutMs must be an integer from 1 to 2147483647, got /,
      );
    }
    expect(seen.paths.length).toBe(before);
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
