// Inputs for the property tests: LNURL strings and addresses as a QR code or a web page holds
// them, and service answers as a hostile or broken service writes them. Bodies are JSON *text*:
// what arrives over the network, with `__proto__` keys, 10 000 levels of nesting and numbers no
// JavaScript value can hold exactly.
import { createInvoice, signInvoice } from '@lninvoice/core';
import { sha256 } from '@lninvoice/core/hash';
import { toHex } from '@lninvoice/core/text';
import fc from 'fast-check';
import { edited, stretch, stretched, stretching } from 'test-support/edits';
import { K1, METADATA, ORIGIN, SERVICE_KEY, SERVICE_NODE } from 'test-support/lnurl-service';
import vectors from 'test-support/vectors/lnurl/cases.json' with { type: 'json' };

const TEXT_OPS = new Set(['decode', 'lightning-address', 'auth-request']);

/** Every string input of the vectors, and the URL forms the flows use. */
export const SAMPLES: readonly string[] = [
  ...vectors.cases.flatMap((c) =>
    TEXT_OPS.has(c.op) && typeof c.input === 'string' ? [c.input] : [],
  ),
  `${ORIGIN}/lnurlp/alice?tag=payRequest`,
  `keyauth://svc.test/auth?tag=login&k1=${K1}&action=login`,
  'lnurlw://svc.test/w?tag=withdrawRequest&k1=a&minWithdrawable=1000&maxWithdrawable=2000&defaultDescription=x&callback=https%3A%2F%2Fsvc.test%2Fcb',
  'alice+tip@svc.test',
  'alice@examplennnnnnnn.onion',
];

/** Characters and fragments that mean something to an LNURL, a URL or an address. */
// biome-ignore format: a compact table
const SPECIAL = [
  '1', 'lnurl', 'LNURL', 'lightning:', '://', '//', '@', '+', '.', '-', '_', '%', '%2F', '%00',
  '?', '&', '#', '=', ':', '[', ']', ' ', '\n', '\u0000', '\u2028', 'é', '\ud800', '.onion',
  ':443', '[::1]', 'xn--', 'http://', 'https://', 'lightning=', 'tag=login', 'k1=', 'user@',
  '__proto__', 'constructor',
];
export const special = fc.constantFrom(...SPECIAL);

/** A sample with one to four edits, or text glued from fragments. */
export const lnurlText = fc.oneof(
  { weight: 4, arbitrary: edited(SAMPLES, special) },
  {
    weight: 1,
    arbitrary: fc.array(fc.oneof(special, fc.string()), { maxLength: 8 }).map((p) => p.join('')),
  },
);

/** Minimal examples of each place a reader works through, as [before, value, after]. */
// biome-ignore format: a table
const TEMPLATES: readonly (readonly [string, string, string])[] = [
  ['lnurlp://', 'a.b.c', '/p?x=1'],
  ['lnurlp://a.com/', 'p/q', ''],
  ['lnurlp://a.com/p?', 'a=1&b', ''],
  ['https://a.com/?lightning=', 'LNURL1DP68', ''],
  ['https://a.com/', 'x?y', '&lightning=lnurl1dp68'],
  ['', 'user.name', '@a.com'],
  ['u@', 'a.b-c.com', ''],
  ['u+', 't.a-g', '@a.com'],
  [`keyauth://a.com/?tag=login&k1=${K1}&action=`, 'login', ''],
  ['lnurlp://a.com:', '443', '/p'],
  ['lnurlp://[', '::1', ']/p'],
  ['lightning:', 'LNURL1', 'DP68'],
];

/** A text of 64 kB to 1 MB with a run of characters where a slow reader would backtrack. */
export const hugeLnurlText = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(...TEMPLATES), stretching(special))
      .map(([[before, value, after], how]) => before + stretch(value, how) + after),
  },
  { weight: 1, arbitrary: stretched(SAMPLES, special) },
);

/** A JSON object as [key, JSON text of the value] pairs, in order; keys may repeat. */
export type Body = readonly (readonly [string, string])[];

/** The JSON text of `body`. */
export const bodyText = (body: Body): string =>
  `{${body.map(([key, value]) => `${JSON.stringify(key)}:${value}`).join(',')}}`;

/** The JSON text of the value of the last `key` of `body` (JSON.parse keeps the last one). */
export const lastValue = (body: Body, key: string): string | undefined =>
  body.filter(([k]) => k === key).at(-1)?.[1];

const json = (value: unknown): string => JSON.stringify(value);

/** Nesting that a recursive reader (or JSON.stringify) would overflow the stack on. */
const deep = fc
  .tuple(fc.constantFrom(100, 10_000, 100_000), fc.constantFrom('array', 'object'))
  .map(([depth, kind]) =>
    kind === 'array'
      ? `${'['.repeat(depth)}${']'.repeat(depth)}`
      : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`,
  );

/** Strings of 64 kB to 900 kB (under the 1 MiB cap): plain, escaped, or shaped like a URL. */
const huge = fc
  .tuple(fc.integer({ min: 1 << 16, max: 900_000 }), fc.constantFrom('x', '\\u0000', 'url', 'a/'))
  .map(([size, unit]) =>
    unit === 'url'
      ? json(`${ORIGIN}/${'a'.repeat(size)}/cb`)
      : `"${unit.repeat(Math.floor(size / unit.length))}"`,
  );

/** Values that are wrong in a way a careless reader takes for right. */
// biome-ignore format: a table
const LITERALS = [
  '0', '1', '-1', '-0', '0.5', '1000.5', '1e3', '1E21', '1e400', '-1e400', '9007199254740991',
  '9007199254740992', '9007199254740993', '18446744073709551615', '18446744073709551616',
  '123456789012345678901234567890', '"1000"', '"-1"', '""', '"payRequest"', '"withdrawRequest"',
  '"channelRequest"', '"login"', '"ERROR"', '"OK"', '"message"', '"url"', '"aes"',
  json(`${ORIGIN}/cb`), '"http://svc.test/cb"', '"https://evil.example/cb"',
  '"https://svc.test@evil.example/"', '"javascript:alert(1)"', '"\\u0000"', '"\\ud800"',
  json(METADATA), '"not json"', '"[]"', '{}', '[]', 'null', 'true', 'false',
  '{"toString":1}', '{"valueOf":1,"toString":1}', '[{"toString":1}]', '[[{"toString":1}]]',
  '{"__proto__":{"polluted":1}}', '{"constructor":{"prototype":{"polluted":1}}}',
  '{"mandatory":true}', '{"__proto__":{"mandatory":true}}', '{"name":{"mandatory":true}}',
  '"https://127.0.0.1/cb"', '"https://2130706433/cb"', '"https://[::ffff:a9fe:a9fe]/"',
  '"https://10.1/cb"', '"https://localhost/cb"', json('11'.repeat(32)),
  json(`${SERVICE_NODE}@127.0.0.1:9735`),
];

/** The JSON text of a value no service should send, and some it should. */
export const hostileValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...LITERALS) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }).map(json) },
  { weight: 1, arbitrary: deep },
  { weight: 1, arbitrary: huge },
);

// biome-ignore format: a table
const KEYS = [
  '__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', 'status',
  'reason', 'tag', 'callback', 'minSendable', 'maxSendable', 'metadata', 'commentAllowed',
  'payerData', 'pr', 'successAction', 'disposable', 'k1', 'settled', 'preimage', 'mandatory',
  'verify',
];

type Change = { kind: 'replace' | 'add' | 'delete'; at: number; key: string; value: string };

const change: fc.Arbitrary<Change> = fc.record({
  kind: fc.constantFrom('replace', 'replace', 'add', 'delete'),
  at: fc.nat(),
  key: fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 4 })),
  value: hostileValue,
});

const applyChange = (body: Body, { kind, at, key, value }: Change): Body => {
  const i = body.length === 0 ? 0 : at % body.length;
  if (kind === 'add' || body.length === 0) return [...body, [key, value]];
  if (kind === 'delete') return body.filter((_, j) => j !== i);
  return body.map((pair, j) => (j === i ? [pair[0], value] : pair));
};

/** `base` with up to three changes (a wrong value, a hostile key, a field gone). */
export const changed = (base: fc.Arbitrary<Body>): fc.Arbitrary<Body> =>
  fc
    .tuple(base, fc.array(change, { maxLength: 3 }))
    .map(([body, changes]) => changes.reduce(applyChange, body));

/** A callback URL of every shape a service may write; one in four 100 kB long. */
export const callbackUrl = fc.oneof(
  fc.constantFrom(
    `${ORIGIN}/cb`,
    `${ORIGIN}/cb?session=abc&`,
    `${ORIGIN}/cb#fragment`,
    'http://examplennnnnnnn.onion/cb',
    'https://[::1]:8443/cb',
    'https://0x7f.1/cb',
    'https://169.254.169.254/latest/meta-data',
  ),
  fc.constantFrom(`${ORIGIN}/${'a'.repeat(100_000)}/cb`, `${ORIGIN}/cb?${'q'.repeat(100_000)}`),
);

const successAction = fc.constantFrom<Body>(
  [
    ['tag', json('message')],
    ['message', json('Thanks!')],
  ],
  [
    ['tag', json('url')],
    ['description', json('Order')],
    ['url', json(`${ORIGIN}/order`)],
  ],
  [
    ['tag', json('aes')],
    ['description', json('PIN')],
    ['ciphertext', json('AAAAAAAAAAAAAAAAAAAAAA==')],
    ['iv', json('AAAAAAAAAAAAAAAAAAAAAA==')],
  ],
);

/** The preimage of VERIFY_INVOICE: a verify answer that gives it proves the payment. */
export const VERIFY_PREIMAGE = new Uint8Array(32).fill(7);
/** The invoice the verify flow asks about (LUD-21). */
export const VERIFY_INVOICE = signInvoice(
  createInvoice({
    network: 'bitcoin',
    amountMsat: 1000n,
    paymentHash: sha256(VERIFY_PREIMAGE),
    description: 'verify',
    timestamp: 1_700_000_000,
  }),
  SERVICE_KEY,
);

/** Each kind of answer a service gives, valid, before any change. */
export const ANSWERS = {
  payRequest: callbackUrl.map(
    (callback): Body => [
      ['status', json('OK')],
      ['tag', json('payRequest')],
      ['callback', json(callback)],
      ['minSendable', '1000'],
      ['maxSendable', '1000000000'],
      ['metadata', json(METADATA)],
      ['commentAllowed', '20'],
      ['payerData', bodyText([['name', '{"mandatory":false}']])],
    ],
  ),
  withdrawRequest: callbackUrl.map(
    (callback): Body => [
      ['tag', json('withdrawRequest')],
      ['callback', json(callback)],
      ['k1', json('withdraw-k1')],
      ['defaultDescription', json('Refund')],
      ['minWithdrawable', '0'],
      ['maxWithdrawable', '100000'],
    ],
  ),
  channelRequest: callbackUrl.map(
    (callback): Body => [
      ['tag', json('channelRequest')],
      ['uri', json(`${SERVICE_NODE}@127.0.0.1:9735`)],
      ['callback', json(callback)],
      ['k1', json('chan-k1')],
    ],
  ),
  invoice: successAction.map(
    (action): Body => [
      ['pr', json('lnbc1…')],
      ['successAction', bodyText(action)],
      ['disposable', 'false'],
      ['verify', json(`${ORIGIN}/verify/1`)],
    ],
  ),
  successAction,
  verify: fc.constant<Body>([
    ['status', json('OK')],
    ['settled', 'true'],
    ['preimage', json(toHex(VERIFY_PREIMAGE))],
    ['pr', json(VERIFY_INVOICE)],
  ]),
  status: fc.constantFrom<Body>(
    [['status', json('OK')]],
    [
      ['status', json('ERROR')],
      ['reason', json('Not today')],
    ],
  ),
};

/** Any answer, changed; or no object at all. */
export const answerText = fc.oneof(
  {
    weight: 6,
    arbitrary: changed(fc.oneof(...Object.values(ANSWERS))).map(bodyText),
  },
  { weight: 1, arbitrary: hostileValue },
);

/** What the fake network answers to one request: a response, or a failure to connect. */
export type Reply =
  | {
      readonly status: number;
      readonly body: string | Uint8Array;
      readonly location?: string;
      readonly contentLength?: string;
    }
  | { readonly reject: unknown };

/** Where a redirect points: relative forms (resolved against the URL that sent it) most often. */
const location = fc.constantFrom(
  'x',
  '../x',
  'y?z=1',
  '/.well-known/lnurlp/alice',
  '//svc.test/y',
  'http://svc.test/y',
  'https://user@evil.example/',
  'https://evil.example/y',
  'https://127.1/y',
  'https://[::ffff:127.0.0.1]/y',
  'ftp://svc.test/',
  '?q=1',
  'a'.repeat(100_000),
);

export const redirect: fc.Arbitrary<Reply> = fc.record({
  status: fc.constantFrom(301, 302, 303, 307, 308),
  body: fc.constant(''),
  location,
});

/** Anything a service or the network may answer, `answer` most often. */
export const reply = (answer: fc.Arbitrary<string>): fc.Arbitrary<Reply> =>
  fc.oneof(
    { weight: 8, arbitrary: answer.map((body) => ({ status: 200, body })) },
    {
      weight: 1,
      arbitrary: fc.record({
        status: fc.constantFrom(200, 404, 500),
        body: fc.uint8Array({ maxLength: 40 }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        status: fc.constant(200),
        body: answer,
        contentLength: fc.constantFrom('-1', 'abc', '1e9', '99999999999', '0', '2'),
      }),
    },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom<unknown>('offline', null, undefined, { toString: 1 }, { message: 5 }, [1])
        .map((reject) => ({ reject })),
    },
  );

/** The replies to one request of a flow: none to two redirects first, one time in three. */
const exchange = (answer: fc.Arbitrary<string>): fc.Arbitrary<Reply[]> =>
  fc
    .tuple(
      fc.oneof(
        { weight: 2, arbitrary: fc.constant([]) },
        fc.array(redirect, { minLength: 1, maxLength: 2 }),
      ),
      reply(answer),
    )
    .map(([redirects, last]) => [...redirects, last]);

/** Answers of one kind, changed at most once: mostly what the flow expects, a little wrong. */
const answerOf = (base: fc.Arbitrary<Body>): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 3, arbitrary: base.map(bodyText) },
    { weight: 3, arbitrary: changed(base).map(bodyText) },
    { weight: 1, arbitrary: answerText },
  );

/** A flow from what the user scanned to its last request, and what the service answers to each. */
export const scenario = fc.oneof(
  fc.record({
    flow: fc.constant('pay' as const),
    scanned: fc.constantFrom('alice@svc.test', 'lnurlp://svc.test/lnurlp/alice'),
    replies: fc
      .tuple(exchange(answerOf(ANSWERS.payRequest)), exchange(answerOf(ANSWERS.invoice)))
      .map((r) => r.flat()),
  }),
  fc.record({
    flow: fc.constant('withdraw' as const),
    scanned: fc.constant('lnurlw://svc.test/withdraw'),
    replies: fc
      .tuple(exchange(answerOf(ANSWERS.withdrawRequest)), exchange(answerOf(ANSWERS.status)))
      .map((r) => r.flat()),
  }),
  fc.record({
    flow: fc.constant('channel' as const),
    scanned: fc.constant('lnurlc://svc.test/channel'),
    replies: fc
      .tuple(exchange(answerOf(ANSWERS.channelRequest)), exchange(answerOf(ANSWERS.status)))
      .map((r) => r.flat()),
  }),
  fc.record({
    flow: fc.constant('login' as const),
    scanned: fc.constant(`keyauth://svc.test/auth?tag=login&k1=${K1}`),
    replies: exchange(answerOf(ANSWERS.status)),
  }),
  fc.record({
    flow: fc.constant('verify' as const),
    scanned: fc.constant(`${ORIGIN}/verify/x`),
    replies: exchange(answerOf(ANSWERS.verify)),
  }),
);
