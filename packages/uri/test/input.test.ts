// parseInput: each kind of input, and why a string is none of them.

import { LninvoiceError } from '@lninvoice/core/errors';
import { sha256 } from '@noble/hashes/sha2.js';
import { bech32, createBase58check } from '@scure/base';
import { expectSafeText } from 'test-support/outcome';
import addresses from 'test-support/vectors/uri/bip350-addresses.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import {
  type Input,
  type ParseOptions,
  parseInput,
  parseUri,
  URI_ERROR_CODES,
  UriError,
} from '../src/index.js';
import { blamed, errorOf, INVOICE, OFFER } from './helpers/index.js';

const NODE = '02eec7245d6b7d2ccb30380bfbe2a3648cd7a942653f5aa340edcea1f283686619';
const hex = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const kind = <K extends Input['kind']>(text: string, k: K) => {
  const input = parseInput(text);
  expect(input.kind).toBe(k);
  return input as Input & { kind: K };
};
const codeOf = (text: string) => errorOf(() => parseInput(text)).code;
/** A bech32 string with a valid checksum, `hrp` + `1` + `data` + checksum. */
const bech32Of = (hrp: string, data = 'qqqqqqqq') =>
  bech32.encode(hrp, bech32.toWords(new TextEncoder().encode(data)), false);

describe('on-chain addresses', () => {
  it.each(addresses.valid.map((v) => [v.address, v.scriptPubKey]))(
    'BIP 350 valid: %s',
    (address, scriptPubKey) => {
      const input = kind(address, 'onchain-address');
      // scriptPubKey = OP_n, push length, program
      const version = Number.parseInt(scriptPubKey.slice(0, 2), 16);
      expect(input.witnessVersion).toBe(version === 0 ? 0 : version - 0x50);
      expect(hex(input.program)).toBe(scriptPubKey.slice(4));
      expect(input.networks).toEqual(
        address.toLowerCase().startsWith('bc1') ? ['bitcoin'] : ['testnet', 'signet'],
      );
    },
  );

  const INVALID: Record<string, string> = {
    'Invalid human-readable part': 'unknown-input',
    'Invalid checksum (Bech32 instead of Bech32m)': 'invalid-checksum',
    'Invalid checksum (Bech32m instead of Bech32)': 'invalid-checksum',
    'Invalid character in checksum': 'invalid-character',
    'Invalid witness version': 'invalid-address',
    'Invalid program length (1 byte)': 'invalid-address',
    'Invalid program length (41 bytes)': 'invalid-address',
    'Invalid program length for witness version 0 (per BIP141)': 'invalid-address',
    'Mixed case': 'mixed-case',
    'zero padding of more than 4 bits': 'invalid-address',
    'Non-zero padding in 8-to-5 conversion': 'invalid-address',
    'Empty data section': 'invalid-address',
  };
  it.each(addresses.invalid.map((v) => [v.address, v.reason]))(
    'BIP 350 invalid: %s (%s)',
    (address, reason) => {
      expect(codeOf(address)).toBe(INVALID[reason]);
    },
  );

  it('reads addresses through core, blaming the address at its offset in the untrimmed input', () => {
    for (const { address, reason } of addresses.invalid) {
      const code = INVALID[reason] as string;
      if (code === 'unknown-input') continue;
      const text = ` \n${address}\t`;
      const error = errorOf(() => parseInput(text));
      expect(error.code, reason).toBe(code);
      const [start, end] = error.span ?? [];
      expect(
        start !== undefined && start >= 2 && (end as number) <= 2 + address.length,
        reason,
      ).toBe(true);
      // A failure of the address as a whole blames all of it.
      if (code === 'invalid-address' || code === 'invalid-checksum')
        expect(blamed(text, error), reason).toBe(address);
    }
    for (const { address } of addresses.valid)
      expect(parseInput(` ${address} `)).toEqual(parseInput(address));
  });

  it('names the type and networks of each kind of address', () => {
    const of = (a: string) => {
      const { type, networks } = kind(a, 'onchain-address');
      return [type, networks.join(' ')];
    };
    expect(of('1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH')).toEqual(['p2pkh', 'bitcoin']);
    expect(of('3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy')).toEqual(['p2sh', 'bitcoin']);
    expect(of('mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn')).toEqual(['p2pkh', 'testnet signet regtest']);
    expect(of('2MzQwSSnBHWHqSAqtTVQ6v47XtaisrJa1Vc')).toEqual(['p2sh', 'testnet signet regtest']);
    expect(of('bc1qhr8mncfw3q7lr8f0fxj08lggm5l8s80ahzm5tl')).toEqual(['p2wpkh', 'bitcoin']);
    expect(of('tb1p0vztr8q25czuka5u4ta5pqu0h8dxkf72mam89cpg4tg40fm8wgmqp3gv99')).toEqual([
      'p2tr',
      'testnet signet',
    ]);
    expect(of('bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs')).toEqual(['witness-unknown', 'bitcoin']);
    const regtest = bech32.encode('bcrt', [0, ...bech32.toWords(new Uint8Array(20))]);
    expect(of(regtest)).toEqual(['p2wpkh', 'regtest']);
  });

  it('checks base58check: checksum, length and version byte', () => {
    // The example address of BIP 21 and 321 has a broken checksum, on purpose.
    expect(codeOf('175tWpb8K1S7NmH4Zx6rewF9WQrcZv245W')).toBe('invalid-checksum');
    expect(codeOf('1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMh')).toBe('invalid-checksum');
    const base58check = createBase58check(sha256);
    // Version byte 6 (a "3…" address) is no Bitcoin address; a 19-byte hash is no P2PKH hash.
    expect(codeOf(base58check.encode(Uint8Array.of(6, ...new Uint8Array(20).fill(7))))).toBe(
      'invalid-address',
    );
    expect(codeOf(base58check.encode(Uint8Array.of(0, ...new Uint8Array(19).fill(7))))).toBe(
      'invalid-address',
    );
  });

  it('treats "1" inside a base58 address as no bech32 separator', () => {
    expect(kind('1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', 'onchain-address').type).toBe('p2pkh');
    expect(kind('3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', 'onchain-address').type).toBe('p2sh');
  });
});

describe('Lightning invoices and offers', () => {
  it('reads the network and amount of a BOLT 11 invoice, in either case', () => {
    expect(parseInput(INVOICE)).toEqual({
      kind: 'bolt11',
      value: INVOICE,
      prefix: 'lnbc',
      network: 'bitcoin',
      amountMsat: 2_500_000_000n,
    });
    expect(kind(INVOICE.toUpperCase(), 'bolt11').amountMsat).toBe(2_500_000_000n);
  });

  it.each([
    ['lnbc', 'bitcoin', undefined],
    ['lntb10u', 'testnet', 1_000_000n],
    ['lntbs1m', 'signet', 100_000_000n],
    ['lnbcrt2500n', 'regtest', 250_000n],
    ['lnbc10p', 'bitcoin', 1n],
    ['lnbc1', 'bitcoin', 100_000_000_000n],
    ['lnbc184467440737095516150p', 'bitcoin', 2n ** 64n - 1n],
  ])('%s: %s, %s msat', (hrp, network, amountMsat) => {
    const input = kind(bech32Of(hrp), 'bolt11');
    expect([input.network, input.amountMsat]).toEqual([network, amountMsat]);
  });

  it.each([
    ['lnsb', 'unknown-prefix'],
    ['lnbcm', 'unknown-prefix'],
    ['lnbc025m', 'invalid-amount'],
    ['lnbc0', 'invalid-amount'],
    ['lnbc1p', 'invalid-pico-amount'],
    ['lnbc2500x', 'invalid-multiplier'],
    ['lnbc184467440737095516160p', 'amount-too-large'],
    [`lnbc${'9'.repeat(40)}`, 'amount-too-large'],
  ])('the prefix %s fails with %s', (hrp, code) => {
    expect(codeOf(bech32Of(hrp))).toBe(code);
  });

  it('checks bech32: separator, characters, checksum, case, length', () => {
    expect(codeOf('lnbc1qqqqq')).toBe('too-short');
    expect(codeOf('lnbcqqqqqqqq')).toBe('missing-separator');
    expect(codeOf('lnbc1qqqqqqbqq')).toBe('invalid-character');
    expect(codeOf(`${INVOICE.slice(0, -1)}q`)).toBe('invalid-checksum');
    expect(codeOf(`${INVOICE.slice(0, 10)}${INVOICE.slice(10).toUpperCase()}`)).toBe('mixed-case');
    expect(codeOf(`lnbc1${'q'.repeat(7085)}`)).toBe('too-long');
    const spaced = `lnbc25m1pvjl uez${INVOICE.slice(16)}`;
    expect(
      blamed(
        spaced,
        errorOf(() => parseInput(spaced)),
      ),
    ).toBe(' ');
  });

  it('reads BOLT 12 strings, with + joins, in either case (more in bolt12.test.ts)', () => {
    const joined = `${OFFER.slice(0, 20)}+\n  ${OFFER.slice(20)}`;
    expect(parseInput(joined)).toMatchObject({
      kind: 'bolt12-offer',
      value: joined,
      normalized: OFFER,
    });
    expect(kind(OFFER.toUpperCase(), 'bolt12-offer').normalized).toBe(OFFER);
    // The shape of a request or an invoice is not enough: the decoder reads them.
    expect(codeOf('lnr1qqqq')).toBe('invalid-bolt12-message');
    expect(codeOf('LNI1QQQQ')).toBe('invalid-bolt12-message');
    expect(codeOf('lno1')).toBe('invalid-bolt12-message');
    expect(codeOf('lno1qqbq')).toBe('invalid-bolt12-string');
    expect(codeOf('lno1qq qq')).toBe('invalid-bolt12-string');
  });
});

describe('LNURLs', () => {
  it('decodes a bech32 LNURL to its https URL', () => {
    const lnurl = bech32Of('lnurl', 'https://example.com/lnurlp/alice?x=1');
    expect(parseInput(lnurl.toUpperCase())).toEqual({
      kind: 'lnurl',
      value: lnurl.toUpperCase(),
      form: 'bech32',
      url: 'https://example.com/lnurlp/alice?x=1',
    });
    expect(kind(bech32Of('lnurl', 'http://abc.onion/p'), 'lnurl').url).toBe('http://abc.onion/p');
  });

  it('refuses an LNURL that is not an https:// or onion http:// URL of UTF-8', () => {
    for (const [url, code] of [
      ['http://example.com/p', 'insecure-scheme'],
      ['https://abc.onion/p', 'invalid-scheme'],
      ['ftp://example.com', 'invalid-scheme'],
      ['https:///p', 'invalid-url'],
      ['https://x/a b', 'invalid-url'],
      ['https://service.com@evil.example/p', 'invalid-url'],
      ['https://example.com:99999/p', 'invalid-url'],
      ['hello', 'invalid-url'],
    ]) {
      const text = bech32Of('lnurl', url);
      const error = errorOf(() => parseInput(` ${text}`));
      expect(error.code, url).toBe(code);
      // The URL is not in the input: the LNURL that holds it is blamed.
      expect(error.span).toEqual([1, 1 + text.length]);
    }
    const latin1 = bech32.encode('lnurl', bech32.toWords(Uint8Array.from([0x68, 0xe9])), false);
    expect(codeOf(latin1)).toBe('invalid-utf8');
  });

  it('maps LUD-17 schemes to https, or http for onion hosts', () => {
    expect(parseInput('lnurlp://pay.example.com/u/alice?amount=1')).toEqual({
      kind: 'lud17',
      value: 'lnurlp://pay.example.com/u/alice?amount=1',
      lnurlScheme: 'lnurlp',
      url: 'https://pay.example.com/u/alice?amount=1',
    });
    expect(kind('LNURLW://abc.ONION:8080/W', 'lud17')).toMatchObject({
      lnurlScheme: 'lnurlw',
      url: 'http://abc.onion:8080/W',
    });
    expect(kind('keyauth://example.com/a', 'lud17').lnurlScheme).toBe('keyauth');
    expect(kind('lnurlc://example.com/c', 'lud17').lnurlScheme).toBe('lnurlc');
    expect(codeOf('lnurlp:example.com')).toBe('non-standard-form');
    expect(codeOf('lnurlp:///path')).toBe('invalid-url');
    expect(codeOf('lnurlp://example.com/a b')).toBe('invalid-url');
    // What the service wrote is what is requested, as @lninvoice/lnurl does.
    expect(kind('lnurlp://example.com/%zz', 'lud17').url).toBe('https://example.com/%zz');
  });
});

describe('names', () => {
  it('reads user@domain with a LUD-16 user as a Lightning Address, and a BIP 353 name', () => {
    expect(parseInput('alice+tips@example.com')).toEqual({
      kind: 'lightning-address',
      value: 'alice+tips@example.com',
      user: 'alice+tips',
      domain: 'example.com',
      url: 'https://example.com/.well-known/lnurlp/alice+tips',
      dnsName: 'alice+tips.user._bitcoin-payment.example.com',
    });
    expect(kind('bob@xyz.onion', 'lightning-address').url).toBe(
      'http://xyz.onion/.well-known/lnurlp/bob',
    );
  });

  it('reads ₿user@domain, and user@domain with upper case, as a BIP 353 name only', () => {
    expect(kind('₿matt@mattcorallo.com', 'bip353').dnsName).toBe(
      'matt.user._bitcoin-payment.mattcorallo.com',
    );
    expect(kind('Matt@MattCorallo.com', 'bip353')).toMatchObject({
      user: 'Matt',
      domain: 'mattcorallo.com',
      dnsName: 'Matt.user._bitcoin-payment.mattcorallo.com',
    });
  });

  it.each([
    ['alice@example', 'invalid-name', 'example'],
    ['alice@@example.com', 'invalid-name', 'alice@@example.com'],
    ['₿@example.com', 'invalid-name', '@example.com'],
    ['a..b@example.com', 'invalid-name', 'a..b'],
    ['al ice@example.com', 'invalid-name', 'al ice'],
    ['alice@-example.com', 'invalid-name', '-example.com'],
    ['alice@example.com.', 'invalid-name', 'example.com.'],
    [`${'a'.repeat(64)}@example.com`, 'invalid-name', 'a'.repeat(64)],
    [
      `${'a.'.repeat(100)}a@${'b.'.repeat(30)}com`,
      'invalid-name',
      `${'a.'.repeat(100)}a@${'b.'.repeat(30)}com`,
    ],
    ['₿alice', 'invalid-name', 'alice'],
    ['alice@ex\u0430mple.com', 'invalid-name', '\u0430'],
    ['₿\u202Ealice@example.com', 'invalid-name', '\u202E'],
  ])('%j fails with %s', (text, code, part) => {
    const error = errorOf(() => parseInput(text));
    expect(error.code).toBe(code);
    expect(blamed(text, error)).toBe(part);
  });

  it('asks for punycode when a name is not ASCII', () => {
    const error = errorOf(() => parseInput('alice@ex\u0430mple.com'));
    expect(error.message).toMatch(/punycode/);
    expect(error.message).toContain('"\u0430" is not ASCII');
  });
});

describe('nodes', () => {
  it('reads a node id, and node URIs with every kind of host', () => {
    expect(hex(kind(NODE.toUpperCase(), 'node-id').nodeId)).toBe(NODE);
    const uri = (address: string) => kind(`${NODE}@${address}`, 'node-uri');
    expect(uri('1.2.3.4:9735')).toMatchObject({ host: '1.2.3.4', port: 9735 });
    expect(uri('[2001:db8::1]:9736')).toMatchObject({ host: '2001:db8::1', port: 9736 });
    expect(uri('node.example.com')).not.toHaveProperty('port');
    // DNS labels may hold "_", as every package reads hosts.
    expect(uri('node_1.example.com:9735')).toMatchObject({ host: 'node_1.example.com' });
    expect(
      uri('abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz234567.onion:9735').host,
    ).toMatch(/\.onion$/);
  });

  it.each([
    '1.2.3.4:0',
    '1.2.3.4:65536',
    '1.2.3.4:09735',
    '1.2.3.4:',
    'host:port',
    '::1',
    '[::1',
    '[::1]9735',
    'a b.com',
    '1.2.3.999',
    '',
  ])('refuses %j after the node id', (address) => {
    expect(codeOf(`${NODE}@${address}`)).toBe('invalid-node-uri');
  });
});

describe('what parseInput is given', () => {
  it('ignores surrounding whitespace and line breaks, blaming offsets of the original', () => {
    expect(kind(`\r\n  ${INVOICE}\n\t`, 'bolt11').value).toBe(INVOICE);
    const text = `\n  ${INVOICE.slice(0, -1)}q  `;
    // The checksum, the last 6 characters of the invoice, is what does not match.
    expect(errorOf(() => parseInput(text)).span).toEqual([
      3 + INVOICE.length - 6,
      3 + INVOICE.length,
    ]);
  });

  it('reads bitcoin: and lightning: URIs as parseUri does', () => {
    expect(kind(`LIGHTNING:${INVOICE.toUpperCase()}`, 'bolt11').scheme).toBe('lightning');
    const lno = `BITCOIN:?LNO=${OFFER.toUpperCase()}`;
    expect(kind(lno, 'bitcoin-uri').lno).toEqual([OFFER.toUpperCase()]);
  });

  it.each([
    ['hello', 'unknown-input'],
    ['https://example.com/?x=lightning', 'unknown-input'],
    ['ftp://example.com/?lightning=x', 'unknown-input'],
    ['0123', 'unknown-input'],
    ['  \n\t ', 'empty'],
    ['', 'empty'],
  ])('%j fails with %s', (text, code) => {
    expect(codeOf(text)).toBe(code);
  });

  it('throws TypeError on arguments of the wrong type', () => {
    expect(() => parseInput(42 as unknown as string)).toThrow(TypeError);
    expect(() => parseInput(INVOICE, null as unknown as ParseOptions)).toThrow(TypeError);
    expect(() => parseInput(INVOICE, { lenient: 'yes' as unknown as boolean })).toThrow(TypeError);
  });

  it('checks options like parameters: a misspelt or unknown option is a TypeError naming it', () => {
    for (const [name, parse] of [
      ['parseInput', parseInput],
      ['parseUri', parseUri],
    ] as const) {
      expect(() => parse(INVOICE, { lenint: true } as ParseOptions)).toThrow(
        new TypeError(`${name}: options has no option "lenint"; the options are lenient`),
      );
      expect(() => parse(INVOICE, { lenient: 1 } as unknown as ParseOptions)).toThrow(
        /^\w+: options\.lenient must be true or false, got 1$/,
      );
      // Inherited options are read too: none is silently dropped.
      expect(() => parse(INVOICE, Object.create({ strict: true }))).toThrow(/"strict"/);
      expect(() => parse(INVOICE, [] as ParseOptions)).toThrow(TypeError);
    }
  });

  it('never puts a control, bidirectional or invisible character of the input in a message', () => {
    for (const text of [
      'lnbc1\u202eqqqqqq',
      'lnbc1qq\u0000qqqq',
      `${INVOICE.slice(0, 20)}\u001b[2J${INVOICE.slice(20)}`,
      'lnurl1\u2066x',
      'bc1q\u200bqqqq',
      'alice@example\u202e.com',
      'hello\u0085\u2028',
      'bitcoin:?req-\u001b=1',
      'bitcoin:1abc?%1B=%C3',
    ]) {
      const error = errorOf(() => parseInput(text));
      expectSafeText(error.message);
    }
    const error = errorOf(() => parseInput('lnbc1\u202eqqqqqq'));
    expect([error.code, error.span]).toEqual(['invalid-character', [5, 6]]);
    expect(error.message).toContain('"\\u202e"');
  });
});

describe('UriError', () => {
  it("is a LninvoiceError, constructed like every package's error", () => {
    const error = errorOf(() => parseInput('hello'));
    expect(error).toBeInstanceOf(LninvoiceError);
    expect(error).toBeInstanceOf(Error);
    expect([error.name, error.code, error.span]).toEqual(['UriError', 'unknown-input', [0, 5]]);
    const cause = new Error('inner');
    const made = new UriError('invalid-name', 'name "x": why', { span: [1, 2], cause });
    expect([made.code, made.message, made.span, made.cause]).toEqual([
      'invalid-name',
      'name "x": why',
      [1, 2],
      cause,
    ]);
    expect(new UriError('empty', 'nothing').span).toBeUndefined();
  });

  it('has codes that follow the naming rule, each once', () => {
    expect(new Set(URI_ERROR_CODES).size).toBe(URI_ERROR_CODES.length);
    for (const code of URI_ERROR_CODES) expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });
});
