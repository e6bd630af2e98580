// No package shows untrusted text raw: whatever a user pastes, a service answers or an invoice
// describes, every message of every library and everything every CLI command prints (JSON
// included, and what lnurl pay prints of a hostile service) holds no control, bidirectional or
// invisible character (test-support/outcome.ts lists them, apart from the libraries' own list).
// The libraries are read here through their public API, as an app would.
import type { Server } from 'node:http';
import { createOffer, decodeBolt12, encodeBolt12 } from '@lninvoice/bolt12';
import {
  BITCOIN,
  createInvoice,
  decode,
  invoiceSections,
  nodeKeyOf,
  parseAddress,
  signInvoice,
} from '@lninvoice/core';
import {
  decodeLnurl,
  parseLightningAddress,
  parseMetadata,
  parseServiceResponse,
  parseSuccessAction,
  verifyAuthSignature,
} from '@lninvoice/lnurl';
import { formatUri, normalizeBolt12, parseInput, parseUri } from '@lninvoice/uri';
import { formatIssues, validate } from '@lninvoice/validate';
import fc from 'fast-check';
import { HOSTILE_TEXT, startService } from 'test-support/lnurl-service';
import { expectNoPollution, expectSafeText } from 'test-support/outcome';
import { checkProperty } from 'test-support/property';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, runAsync } from './helpers.js';

const hex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

/** The characters a message must not show, a few of each kind, and lone surrogates. */
const UNSAFE = [
  '\u0000',
  '\u0007',
  '\u001b',
  '\n',
  '\u007f',
  '\u009b',
  '\u00ad',
  '\u061c',
  '\u180e',
  '\u200b',
  '\u200e',
  '\u202e',
  '\u2028',
  '\u2029',
  '\u2060',
  '\u2066',
  '\u206f',
  '\u3164',
  '\ufeff',
  '\u{E0000}',
  '\u{E0041}',
  '\u{E007F}',
  '\ud800',
  '\udfff',
];

const KEY = 'e126f68f7eafcc8b74f54d269fe206be715000f94dac067d1c04a8ca3b2db734';
const INVOICE = signInvoice(
  createInvoice({
    network: 'bitcoin',
    amountMsat: 1000n,
    paymentHash: '00'.repeat(32),
    paymentSecret: '11'.repeat(32),
    description: 'coffee',
    timestamp: 1_700_000_000,
  }),
  KEY,
);
/** A signed invoice whose description is `description`. */
const describedInvoice = (description: string): string =>
  signInvoice(
    createInvoice({
      network: 'bitcoin',
      paymentHash: '00'.repeat(32),
      description,
      timestamp: 1_700_000_000,
    }),
    KEY,
  );
/** Texts that reach the readers' deeper checks, to put unsafe characters into. */
const SAMPLES = [
  INVOICE,
  `lightning:${INVOICE}`,
  `bitcoin:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4?amount=0.001&label=shop&lightning=${INVOICE}`,
  'LNURL1DP68GURN8GHJ7UM9WFMXJCM99E3K7MF0V9CXJ0M385EKVCENXC6R2C35XVUKXEFCV5MKVV34X5EKZD3EV56NYD3HXQURZEPEXEJXXEPNXSCRVWFNV9NXZCN9XQ6XYEFHVGCXXCMYXYMNSERXFQ5FNS',
  'lnurlp://svc.test/pay',
  'alice@svc.test',
  '₿alice@svc.test',
  'lno1pqps7sjqpgtyzm3qv4uxzmtsd3jjqer9wd3hy6tsw35k7msjzfpy7nz5yqcnygrfdej82um5wf5k2uckyypwa3eyt44h6txtxquqh7lz5djge4afgfjn7k4rgrkuag0jsd5xvxg',
  '0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798@[::1]:9735',
  'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
];

/** A sample with unsafe characters (and any others) inserted, or any text at all. */
const hostile = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(...SAMPLES),
      fc.array(
        fc.tuple(fc.nat(), fc.oneof(fc.constantFrom(...UNSAFE), fc.string({ maxLength: 3 }))),
        { minLength: 1, maxLength: 4 },
      ),
    )
    .map(([sample, edits]) =>
      edits.reduce((text, [at, piece]) => {
        const i = at % (text.length + 1);
        return text.slice(0, i) + piece + text.slice(i);
      }, sample),
    ),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.array(fc.constantFrom(...UNSAFE), { minLength: 1, maxLength: 6 }).map((c) => c.join('')),
);

/** Runs `f`; what it throws (any error) must have a safe message. */
const messageOf = (f: () => unknown): void => {
  try {
    f();
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    expectSafeText(error.message, `${error.name} message`);
  }
};
const asyncMessageOf = async (f: () => Promise<unknown>): Promise<void> => {
  try {
    await f();
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    expectSafeText(error.message, `${error.name} message`);
  }
};

/** Every reader of every package given `text`, where text can go. */
const readAll = (text: string): void => {
  // core
  messageOf(() => decode(text));
  messageOf(() => decode(text, { legacy: true }));
  messageOf(() => invoiceSections(text));
  messageOf(() => parseAddress(text, BITCOIN, 'address'));
  messageOf(() => createInvoice({ network: text, paymentHash: '00'.repeat(32), description: 'x' }));
  messageOf(() =>
    createInvoice({ network: 'bitcoin', paymentHash: text, description: 'x' } as never),
  );
  messageOf(() => decode(INVOICE, { [text]: true } as never));
  // bolt12
  messageOf(() => decodeBolt12(text));
  messageOf(() => createOffer({ description: text, issuerId: text }));
  // uri
  messageOf(() => parseInput(text));
  messageOf(() => parseInput(text, { lenient: true }));
  messageOf(() => parseUri(text));
  messageOf(() => normalizeBolt12(text));
  messageOf(() => formatUri({ scheme: 'bitcoin', address: text } as never));
  // lnurl
  messageOf(() => decodeLnurl(text));
  messageOf(() => decodeLnurl(text, { lenient: true }));
  messageOf(() => parseLightningAddress(text));
  messageOf(() => parseMetadata(text));
  messageOf(() => parseServiceResponse({ status: 'ERROR', reason: text }));
  messageOf(() => parseServiceResponse({ tag: text }));
  messageOf(() => parseServiceResponse({ tag: 'payRequest', callback: text }));
  messageOf(() => parseSuccessAction({ tag: 'message', message: text }, 'svc.test'));
  messageOf(() => parseSuccessAction({ tag: 'url', description: 'x', url: text }, 'svc.test'));
  // validate: its findings as well as what it throws
  messageOf(() => {
    const result = validate(text, { network: 'bitcoin' });
    for (const issue of result.issues) expectSafeText(issue.message, `finding ${issue.code}`);
    expectSafeText(formatIssues(result.issues), 'formatIssues');
  });
  messageOf(() => {
    const result = validate(INVOICE, { description: text, network: 'bitcoin' });
    for (const issue of result.issues) expectSafeText(issue.message, `finding ${issue.code}`);
  });
  messageOf(() => validate(INVOICE, { network: text }));
};

describe('untrusted text in messages', () => {
  it('never reaches a message of any package raw', () => {
    checkProperty(
      'untrusted-text-in-messages',
      fc.property(hostile, (text) => {
        readAll(text);
        expectNoPollution();
      }),
      { seed: 1337, numRuns: 600 },
    );
  });

  it('never reaches a message raw from an invoice description either', async () => {
    // A lone surrogate is no text: createInvoice refuses it, and no description can hold one.
    for (const unsafe of UNSAFE.filter((c) => !/^[\ud800-\udfff]$/.test(c))) {
      const described = describedInvoice(`pay ${unsafe} evil`);
      const result = validate(described, { network: 'bitcoin', description: 'pay evil' });
      for (const issue of result.issues) expectSafeText(issue.message, `finding ${issue.code}`);
      await asyncMessageOf(async () => decode(described));
    }
  });
});

describe('what the CLI prints', () => {
  /** Every unsafe character but NUL, which no command-line argument can hold. */
  const ALL = UNSAFE.filter((c) => c !== '\u0000').join('');
  /** The same as text a payee or a service writes: a lone surrogate is no text. */
  const TEXT = UNSAFE.filter((c) => c !== '\u0000' && !/^[\ud800-\udfff]$/.test(c)).join('');
  const DESCRIBED = describedInvoice(`pay ${TEXT} evil`);
  const OFFER = encodeBolt12(
    createOffer({ description: TEXT, issuer: TEXT, issuerId: nodeKeyOf(KEY) }),
  );
  /** Each command a pasted string reaches, with unsafe characters where they get furthest. */
  const COMMANDS: [string, string[], string?][] = [
    ['decode', ['decode', `lnbc${ALL}1qq`]],
    ['decode, inside an invoice', ['decode', `${INVOICE.slice(0, 40)}\u202e${INVOICE.slice(40)}`]],
    ['decode -, NUL included', ['decode', '-'], `lnbc${UNSAFE.join('')}1qq\n`],
    ['decode, a description', ['decode', DESCRIBED]],
    ['decode -, a description', ['decode', '-'], `${DESCRIBED}\n${OFFER}\n`],
    ['decode, an offer', ['decode', `lno${ALL}1qq`]],
    ['decode, an offer’s texts', ['decode', OFFER]],
    ['decode, a name', ['decode', `alice${ALL}@svc.test`]],
    ['decode, an address', ['decode', `bc1q${ALL}w508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4`]],
    ['create', ['create', '--network', 'bitcoin', '--description', TEXT, '--key-file', ALL]],
    ['create offer', ['create', 'offer', '--issuer-id', ALL, '--description', ALL]],
    [
      'create offer --json',
      ['create', 'offer', '--issuer-id', hex(nodeKeyOf(KEY)), '--description', TEXT, '--json'],
    ],
    ['create invoice', ['create', 'invoice', '--request', `lnr1${ALL}`, '--key-file', ALL]],
    ['inspect', ['inspect', `lnbc${ALL}1qq`]],
    ['inspect, a name', ['inspect', 'alice\u202e@svc.test']],
    ['inspect, a URI', ['inspect', `bitcoin:${ALL}`]],
    ['validate', ['validate', `lnbc${ALL}1qq`]],
    ['validate, a description', ['validate', DESCRIBED, '--description', TEXT]],
    ['validate --json, a description', ['validate', DESCRIBED, '--json', '--description', TEXT]],
    ['validate -, a description', ['validate', '-', '--description', TEXT], `${DESCRIBED}\n`],
    ['validate - --json, NUL included', ['validate', '-', '--json'], `${UNSAFE.join('')}\n`],
    ['validate --json, an offer', ['validate', OFFER, '--json']],
    ['lnurl decode', ['lnurl', 'decode', `lnurl1${ALL}`]],
    ['lnurl decode, an address', ['lnurl', 'decode', `a${ALL}@svc.test`]],
    ['lnurl encode', ['lnurl', 'encode', `https://svc.test/${ALL}`]],
    ['lnurl pay', ['lnurl', 'pay', `a${ALL}@svc.test`, '--amount-msat', '1']],
    ['lnurl verify', ['lnurl', 'verify', `https://svc.test/${ALL}`, `lnbc${ALL}`]],
    [
      'uri parse',
      [
        'uri',
        'parse',
        `bitcoin:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4?label=${encodeURIComponent(TEXT)}&message=${encodeURIComponent(TEXT)}&lightning=${ALL}`,
      ],
    ],
    ['uri parse, broken', ['uri', 'parse', `lightning:${ALL}`]],
    ['resolve', ['resolve', `₿a${ALL}@svc.test`, '--doh', `https://dns.test/${ALL}`]],
    ['verify-proof', ['verify-proof', `a${ALL}@svc.test`, `00${ALL}`]],
    // Standard input read by every command, without "-" too (i18-cli), through the same printer.
    ['decode, piped', ['decode'], `${DESCRIBED}\nlnbc${UNSAFE.join('')}1qq\n`],
    ['decode --human, a description', ['decode', '--human', DESCRIBED]],
    ['decode - --human, an offer', ['decode', '-', '--human'], `${OFFER}\n${DESCRIBED}\n`],
    ['inspect -', ['inspect', '-'], `bitcoin:${ALL}\nalice\u202e@svc.test\n`],
    [
      'uri parse -',
      ['uri', 'parse', '-'],
      `bitcoin:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4?label=${encodeURIComponent(TEXT)}&x${encodeURIComponent(TEXT)}=1\nlightning:${ALL}\n`,
    ],
    ['lnurl decode -', ['lnurl', 'decode', '-'], `lnurl1${ALL}\na${ALL}@svc.test\n`],
    ['lnurl encode, piped', ['lnurl', 'encode'], `https://svc.test/${ALL}\n`],
    ['verify-proof, piped', ['verify-proof', 'a@svc.test'], `00${ALL}`],
    ['an unknown command', [`frob${ALL}`]],
    ['an unknown option', ['decode', `--x${ALL}`, INVOICE]],
  ];

  it.each(COMMANDS)('%s: nothing unsafe on stdout or stderr', (_, args, input) => {
    const r = run(args, input);
    expect(r.stdout + r.stderr).not.toBe('');
    // Each output ends its lines with line breaks, which are the terminal's own.
    expectSafeText(r.stdout.replaceAll('\n', ' '), 'stdout');
    expectSafeText(r.stderr.replaceAll('\n', ' '), 'stderr');
  });

  it('prints a description with unsafe characters escaped, as the same JSON value', () => {
    const described = describedInvoice('pay \u202eevil\u200b');
    const r = run(['decode', described]);
    expectSafeText(r.stdout.replaceAll('\n', ' '), 'stdout');
    expect(JSON.parse(r.stdout).description).toBe('pay \u202eevil\u200b');
    expect(JSON.parse(run(['decode', DESCRIBED]).stdout).description).toBe(`pay ${TEXT} evil`);
  });
});

describe('what lnurl pay prints of a hostile service', () => {
  let server: Server;
  let connect: string[];
  beforeAll(async () => {
    const started = await startService({ createInvoice, signInvoice, decode, verifyAuthSignature });
    server = started.server;
    connect = ['--connect-to', `svc.test=http://127.0.0.1:${started.port}`, '--network', 'regtest'];
  });
  afterAll(() => {
    server.close();
  });

  it('prints its invoice alone, as a wallet reads it, and nothing unsafe', async () => {
    const r = await runAsync(['lnurl', 'pay', 'hostile@svc.test', '--amount-sat', '2', ...connect]);
    expect([r.code, r.stderr]).toEqual([0, '']);
    // The service wrapped it in "\r\v\f LIGHTNING:…\u2028\r", upper case.
    expect(r.stdout).toMatch(/^lnbcrt20n1[02-9ac-hj-np-z]+\n$/);
    expect(decode(r.stdout.trim()).amountMsat).toBe(2000n);
  });

  it('escapes its texts in --json, and they parse back to what it sent', async () => {
    const r = await runAsync([
      'lnurl',
      'pay',
      'hostile@svc.test',
      '--amount-sat',
      '2',
      '--json',
      ...connect,
    ]);
    expect(r.code).toBe(0);
    expectSafeText(r.stdout.replaceAll('\n', ' '), 'stdout');
    expectSafeText(r.stderr.replaceAll('\n', ' '), 'stderr');
    const json = JSON.parse(r.stdout);
    expect(json.invoice).toMatch(/^lnbcrt20n1[02-9ac-hj-np-z]+$/);
    expect(json.description).toBe(HOSTILE_TEXT);
    expect(json.success_action).toMatchObject({ tag: 'message', message: HOSTILE_TEXT });
  });
});
