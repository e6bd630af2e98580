// resolveBip353 against a DNS-over-HTTPS resolver on 127.0.0.1 that misbehaves one way at a
// time: each failure has its code and says nothing the resolver sent; the queries are the ones
// RFC 8484 and RFC 4035 describe; the proof returned verifies offline to the same result.
import {
  type DohServer,
  SCENARIO_NOW,
  scenario,
  scenarioWorld,
  startDohServer,
  type TransportFault,
  type World,
} from 'test-support/dns-service';
import { expectNoHangAsync } from 'test-support/hang';
import { expectSafeText } from 'test-support/outcome';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Bip353Error,
  type ResolveOptions,
  resolveBip353,
  verifyBip353Proof,
} from '../src/index.js';
import { readProof } from '../src/proof.js';

let world: World;
let doh: DohServer;
const alice = () => scenario('alice');

beforeAll(async () => {
  world = await scenarioWorld();
  doh = await startDohServer(world, { compression: 'all', authenticData: true });
});
afterAll(() => doh?.close());

const resolveAt = (dohUrl: string, extra: Record<string, unknown> = {}) =>
  resolveBip353(alice().address, {
    dohUrl,
    allowPrivateHosts: true,
    now: SCENARIO_NOW,
    trustAnchors: [world.trustAnchor],
    ...extra,
  });

const codeOf = async (run: Promise<unknown>): Promise<string> =>
  run.then(
    () => 'accepted',
    (error: unknown) => {
      if (!(error instanceof Bip353Error)) throw error;
      expectSafeText(error.message);
      return error.code;
    },
  );

describe('a resolver that answers', () => {
  it('resolves, and the proof it returns verifies offline to the same result', async () => {
    const before = doh.queries.length;
    const r = await resolveAt(doh.url);
    expect(r.uri).toBe(alice().expected.uri);
    expect(r.name).toBe('alice@example.test');
    const again = await verifyBip353Proof(r.name, r.proof, {
      now: SCENARIO_NOW,
      trustAnchors: [world.trustAnchor],
    });
    expect({ ...again, parsed: undefined }).toEqual({ ...r, parsed: undefined });
    // Only what the chain needs: no SOA, NS or OPT records.
    expect(new Set(readProof(r.proof).map((rec) => rec.type))).toEqual(new Set([16, 46, 48, 43]));
    // TXT, then DNSKEY and DS of example.test and test, and the root's DNSKEY.
    const queries = doh.queries.slice(before);
    expect(queries.map((q) => `${q.name} ${q.type}`).sort()).toEqual(
      [
        '. DNSKEY',
        'alice.user._bitcoin-payment.example.test TXT',
        'example.test DNSKEY',
        'example.test DS',
        'test DNSKEY',
        'test DS',
      ].sort(),
    );
    for (const q of queries) {
      expect(q).toMatchObject({
        method: 'GET',
        id: 0,
        rd: true,
        cd: true,
        do: true,
        accept: 'application/dns-message',
      });
    }
  });

  it('does not trust the AD bit: a tampered answer with AD set is refused', async () => {
    const tampered = scenario('tampered');
    const error = await resolveBip353(tampered.address, {
      dohUrl: doh.url,
      allowPrivateHosts: true,
      now: SCENARIO_NOW,
      trustAnchors: [world.trustAnchor],
    }).catch((e: unknown) => e);
    expect((error as Bip353Error).code).toBe('invalid-signature');
  });

  it('checks signatures at the time given, by default the clock', async () => {
    // The world's signatures expired a day after SCENARIO_NOW: today they are refused.
    expect(
      await codeOf(
        resolveBip353(alice().address, {
          dohUrl: doh.url,
          allowPrivateHosts: true,
          trustAnchors: [world.trustAnchor],
        }),
      ),
    ).toBe('expired');
  });
});

describe('a resolver that misbehaves', () => {
  const cases: [TransportFault, string][] = [
    ['http-500', 'service-error'],
    ['redirect', 'service-error'],
    ['content-type', 'invalid-response'],
    ['huge', 'response-too-large'],
    ['huge-length', 'response-too-large'],
    ['truncated', 'invalid-response'],
    ['tc', 'invalid-response'],
    ['wrong-question', 'invalid-response'],
    ['wrong-type', 'invalid-response'],
    ['not-response', 'invalid-response'],
    ['servfail', 'service-error'],
    ['refused', 'service-error'],
    ['nxdomain', 'missing-record'],
  ];
  it.each(cases)('%s: %s', async (fault, code) => {
    expect(await codeOf(resolveAt(doh.urlFor(fault)))).toBe(code);
  });

  it('redirect: not followed', async () => {
    const before = doh.queries.length;
    await codeOf(resolveAt(doh.urlFor('redirect')));
    expect(doh.queries.slice(before).some((q) => q.path.startsWith('/elsewhere'))).toBe(false);
  });

  it('wrong-id: the answer is still the answer (DoH pairs them by HTTP exchange)', async () => {
    expect(await codeOf(resolveAt(doh.urlFor('wrong-id')))).toBe('accepted');
  });

  it('hang and silent: a timeout within the deadline', async () => {
    for (const fault of ['hang', 'silent'] as const) {
      await expectNoHangAsync(async () => {
        expect(await codeOf(resolveAt(doh.urlFor(fault), { timeoutMs: 300 }))).toBe('timeout');
      }, 300);
    }
  });

  it('a huge answer is cut off at maxBytes, unread beyond it', async () => {
    expect(await codeOf(resolveAt(doh.urlFor('huge'), { maxBytes: 512 }))).toBe(
      'response-too-large',
    );
  });

  it('a connection refused: network-error', async () => {
    const closed = await startDohServer(world);
    const url = closed.url;
    await closed.close();
    expect(await codeOf(resolveAt(url))).toBe('network-error');
  });

  it('an abort: the caller’s reason, as is', async () => {
    const reason = new Error('user left');
    const controller = new AbortController();
    const run = resolveAt(doh.urlFor('hang'), { signal: controller.signal });
    setTimeout(() => controller.abort(reason), 20);
    await expect(run).rejects.toBe(reason);
  });
});

describe('the resolver URL and options', () => {
  it('refuses http: off loopback and private hosts unless allowed', async () => {
    expect(
      await codeOf(resolveBip353('a@example.com', { dohUrl: 'http://dns.example/dns-query' })),
    ).toBe('insecure-scheme');
    expect(await codeOf(resolveBip353('a@example.com', { dohUrl: doh.url }))).toBe('insecure-host');
    expect(
      await codeOf(resolveBip353('a@example.com', { dohUrl: 'https://192.168.1.1/dns-query' })),
    ).toBe('insecure-host');
    expect(
      await codeOf(resolveBip353('a@example.com', { dohUrl: 'https://[::1]/dns-query' })),
    ).toBe('insecure-host');
    expect(
      await codeOf(
        resolveBip353('a@example.com', {
          dohUrl: 'http://10.0.0.1/dns-query',
          allowPrivateHosts: true,
        }),
      ),
    ).toBe('insecure-scheme');
  });

  it('says what is wrong with the options, before any request', async () => {
    const before = doh.queries.length;
    // @ts-expect-error: no options
    await expect(resolveBip353('a@example.com')).rejects.toThrow(TypeError);
    // @ts-expect-error: no dohUrl
    await expect(resolveBip353('a@example.com', {})).rejects.toThrow(/dohUrl/);
    await expect(resolveBip353('a@example.com', { dohUrl: 'not a url' })).rejects.toThrow(
      RangeError,
    );
    const put = { dohUrl: doh.url, method: 'PUT' } as unknown as ResolveOptions;
    await expect(resolveBip353('a@example.com', put)).rejects.toThrow(RangeError);
    await expect(resolveBip353('a@example.com', { dohUrl: doh.url, timeoutMs: 0 })).rejects.toThrow(
      RangeError,
    );
    // @ts-expect-error: a misspelt option
    await expect(resolveBip353('a@example.com', { dohUrl: doh.url, timeout: 5 })).rejects.toThrow(
      TypeError,
    );
    expect(await codeOf(resolveBip353('alice', { dohUrl: doh.url }))).toBe('invalid-name');
    expect(await codeOf(resolveBip353('ålice@example.com', { dohUrl: doh.url }))).toBe(
      'invalid-name',
    );
    expect(doh.queries.length).toBe(before);
  });
});
