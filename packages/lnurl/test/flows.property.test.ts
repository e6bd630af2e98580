// Properties of the flows against a hostile or broken service (issue 9): whatever a service and
// the network answer, redirects included, each flow completes or fails with an LnurlError, only
// ever requests URLs a wallet may request, pollutes nothing and does not hang. The service is a
// fetch that answers from a script of replies (real WHATWG Responses, no sockets, so that
// hundreds of runs stay fast); flows.test.ts runs the same flows against a real HTTP server.
import { createInvoice, signInvoice } from '@lninvoice/core';
import { isPublicHost } from '@lninvoice/core/host';
import fc from 'fast-check';
import { expectNoHangAsync } from 'test-support/hang';
import { ORIGIN, SERVICE_KEY, SERVICE_NODE } from 'test-support/lnurl-service';
import { checkAsyncProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import {
  type Fetch,
  getJson,
  type HttpOptions,
  LnurlError,
  login,
  openChannel,
  requestInvoice,
  resolve,
  verifyPayment,
  withdraw,
} from '../src/index.js';
import { parseServiceUrl } from '../src/url.js';
import {
  answerText,
  callbackUrl,
  type Reply,
  redirect,
  reply,
  scenario,
  VERIFY_INVOICE,
} from './helpers/arbitraries.js';
import { asyncOutcomeOf, expectNoPollution } from './helpers/outcome.js';

/** The invoice the wallet hands a withdraw service: 1000 msat, within its usual bounds. */
const WALLET_INVOICE = signInvoice(
  createInvoice({
    network: 'bitcoin',
    amountMsat: 1000n,
    paymentHash: new Uint8Array(32).fill(1),
    paymentSecret: new Uint8Array(32).fill(2),
    description: 'withdraw',
    timestamp: 1_700_000_000,
  }),
  SERVICE_KEY,
);
const LINKING_KEY = new Uint8Array(32).fill(0x44);

/** A fetch that answers each request with the next reply; a 404 once the script runs out. */
const scripted = (replies: readonly Reply[], requested: string[]): Fetch => {
  const queue = [...replies];
  return async (url) => {
    requested.push(url);
    const next = queue.shift() ?? { status: 404, body: '{"status":"ERROR","reason":"gone"}' };
    if ('reject' in next) throw next.reject;
    const headers: Record<string, string> = {};
    if (next.location !== undefined) headers.location = next.location;
    if (next.contentLength !== undefined) headers['content-length'] = next.contentLength;
    return new Response(next.body as BodyInit, { status: next.status, headers });
  };
};

type Scenario = typeof scenario extends fc.Arbitrary<infer S> ? S : never;

/** Runs the flow of `s` to its end, as a wallet would; resolves to what it gave. */
const runFlow = async (s: Scenario, requested: string[]): Promise<unknown> => {
  const http: HttpOptions = { fetch: scripted(s.replies, requested), timeoutMs: 2000 };
  if (s.flow === 'verify') return verifyPayment(s.scanned, VERIFY_INVOICE, http);
  const target = await resolve(s.scanned, http);
  if (target.tag === 'payRequest') {
    const asked = target.payerData && Object.hasOwn(target.payerData, 'name');
    return requestInvoice(target, {
      ...http,
      amountMsat: target.minSendable,
      ...(target.commentAllowed >= 2 ? { comment: 'gm' } : {}),
      ...(asked ? { payerData: { name: 'bob' } } : {}),
    });
  }
  if (target.tag === 'withdrawRequest') return withdraw(target, WALLET_INVOICE, http);
  if (target.tag === 'channelRequest') return openChannel(target, { nodeId: SERVICE_NODE }, http);
  return login(target, LINKING_KEY, http);
};

/**
 * https, or http to an onion host; never user information before the host; never a loopback,
 * private or link-local host (the flows here do not allow them), however a service spells it.
 */
const expectWalletUrls = (requested: readonly string[]): void => {
  for (const url of requested) {
    expect(() => parseServiceUrl(url, 'url')).not.toThrow();
    expect(isPublicHost(new URL(url).hostname), url).toBe(true);
  }
};

describe('redirects', () => {
  it('are followed to wallet URLs only, at most five, from any URL, without hanging', async () => {
    await checkAsyncProperty(
      'redirect-chains',
      fc.asyncProperty(
        callbackUrl,
        fc.array(redirect, { minLength: 1, maxLength: 7 }),
        reply(answerText),
        async (url, redirects, last) => {
          let requested: string[] = [];
          // At most 42 ms on an idle machine (a 1 MB answer; 305 ms before core's UTF-8
          // decoder); a hang guard, not a speed test.
          await expectNoHangAsync(async () => {
            requested = [];
            const fetch = scripted([...redirects, last], requested);
            await asyncOutcomeOf(() => getJson(url, { fetch, timeoutMs: 2000 }));
          }, 50);
          expect(requested.length).toBeLessThanOrEqual(6);
          expectWalletUrls(requested);
          expectNoPollution();
        },
      ),
      { seed: 302, numRuns: 300 },
    );
  });
});

/** Values of every type for each option, `undefined` and `null` too (but a fetch is always
 * given: without one the global fetch would go to the network). */
const optionValue = fc.oneof(
  fc.anything({ withBigInt: true }),
  fc.constantFrom<unknown>(0, -1, 1.5, Number.NaN, 2 ** 53, '100', Object.create(null), {}),
);
const httpOptions = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      {
        fetch: fc.oneof(
          fc.constant('scripted'),
          optionValue.filter((v) => v != null),
        ),
        timeoutMs: fc.oneof(fc.constant(2000), optionValue),
        maxBytes: fc.oneof(fc.constant(10), fc.constant(1 << 20), optionValue),
        signal: fc.oneof(fc.constant('signal'), optionValue),
        allowPrivateHosts: fc.oneof(fc.boolean(), optionValue),
      },
      { requiredKeys: ['fetch'] },
    ),
  },
  { weight: 1, arbitrary: optionValue.filter((v) => typeof v !== 'object' && v !== undefined) },
);

/** What the README allows for each option; getJson must refuse anything else. */
const OPTION_ALLOWED: Record<string, (v: unknown) => boolean> = {
  allowPrivateHosts: (v) => typeof v === 'boolean',
  fetch: (v) => typeof v === 'function',
  timeoutMs: (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1,
  maxBytes: (v) => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1,
  signal: (v) => v instanceof AbortSignal,
};

describe('HTTP options', () => {
  it('of the wrong type are a TypeError or RangeError, never a timeout or size cap turned off', async () => {
    await checkAsyncProperty(
      'http-options',
      fc.asyncProperty(httpOptions, async (given) => {
        const requested: string[] = [];
        // A body of 54 bytes: over a maxBytes of 10, under the default.
        const fetch = scripted(
          [{ status: 200, body: `{"status":"OK","padding":"${'x'.repeat(24)}"}` }],
          requested,
        );
        const options =
          typeof given === 'object' && given !== null
            ? Object.fromEntries(
                Object.entries(given).map(([k, v]) => [
                  k,
                  v === 'scripted' ? fetch : v === 'signal' ? new AbortController().signal : v,
                ]),
              )
            : given;
        let answer: unknown;
        try {
          answer = await getJson(`${ORIGIN}/x`, options as HttpOptions);
        } catch (error) {
          if (error instanceof LnurlError) {
            expect(['response-too-large', 'network-error']).toContain(error.code);
            return;
          }
          expect(error instanceof TypeError || error instanceof RangeError, String(error)).toBe(
            true,
          );
          expect((error as Error).message).toMatch(/^(options|no fetch)\b/);
          return;
        }
        expect(answer).toMatchObject({ status: 'OK' });
        for (const [key, value] of Object.entries(options as object)) {
          if (value !== undefined) expect(OPTION_ALLOWED[key]?.(value), key).toBe(true);
        }
      }),
      { seed: 1024, numRuns: 300 },
    );
  });
});

describe('flows against a hostile service', () => {
  it('complete or fail with an LnurlError, request only wallet URLs, and never hang', async () => {
    await checkAsyncProperty(
      'hostile-service-flows',
      fc.asyncProperty(scenario, async (s) => {
        let requested: string[] = [];
        // At most 65 ms on an idle machine (1 MB answers; 342 ms before core's UTF-8 decoder);
        // a hang guard, not a speed test.
        await expectNoHangAsync(
          async () => {
            requested = [];
            await asyncOutcomeOf(() => runFlow(s, requested));
          },
          70,
          s.flow,
        );
        expectWalletUrls(requested);
        expectNoPollution();
      }),
      { seed: 2026, numRuns: 400 },
    );
  });
});
