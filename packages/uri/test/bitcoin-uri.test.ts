// bitcoin: URIs, rule by rule of BIP 321, beyond the vector cases.
import { describe, expect, it } from 'vitest';
import { type BitcoinUri, parseUri, type UriWarning } from '../src/index.js';
import {
  ADDRESS,
  ADDRESS_BC,
  BIP321_ADDRESS,
  blamed,
  errorOf,
  INVOICE,
  OFFER,
} from './helpers/index.js';

const bitcoin = (text: string, lenient = false) => parseUri(text, { lenient }) as BitcoinUri;
const withQuery = (query: string) => bitcoin(`bitcoin:${ADDRESS}?${query}`);
const codeOf = (text: string) => errorOf(() => parseUri(text)).code;

describe('amount', () => {
  it.each([
    ['20.3', 2_030_000_000n],
    ['0.00000001', 1n],
    ['.5', 50_000_000n],
    ['5.', 500_000_000n],
    ['0001.10', 110_000_000n],
    ['21000000', 2_100_000_000_000_000n],
    ['1.000000000000', 100_000_000n],
    ['%32%31', 2_100_000_000n],
  ])('amount=%s is %i sat exactly, msat = sat × 1000', (text, sat) => {
    const { amount } = withQuery(`amount=${text}`);
    expect(amount?.sat).toBe(sat);
    expect(amount?.msat).toBe(sat * 1000n);
    expect(amount?.btc).toBe(decodeURIComponent(text));
  });

  it.each([
    ['', 'invalid-amount'],
    ['.', 'invalid-amount'],
    ['1.2.3', 'invalid-amount'],
    ['+1', 'invalid-amount'],
    ['1e-8', 'invalid-amount'],
    ['0x10', 'invalid-amount'],
    ['1%20', 'invalid-amount'],
    ['%D9%A3', 'invalid-amount'],
    ['0.123456789', 'amount-too-precise'],
    ['21000000.00000001', 'amount-too-large'],
    ['99999999', 'amount-too-large'],
    [`1${'0'.repeat(5000)}`, 'amount-too-large'],
  ])('amount=%s fails with %s, blaming the parameter', (text, code) => {
    const input = `bitcoin:${ADDRESS}?label=x&amount=${text}`;
    const error = errorOf(() => parseUri(input));
    expect(error.code).toBe(code);
    expect(blamed(input, error)).toBe(`amount=${text}`);
    expect(error.message).toContain('amount');
  });
});

describe('keys and values', () => {
  it('reads keys in any case, and percent-encoded keys', () => {
    const uri = bitcoin(`bitcoin:${ADDRESS}?LABEL=a&Message=b&AmOuNt=1&%6Cightning=${INVOICE}`);
    expect([uri.label, uri.message, uri.amount?.sat, uri.lightning]).toEqual([
      'a',
      'b',
      100_000_000n,
      [INVOICE],
    ]);
  });

  it('decodes UTF-8 percent-escapes and keeps a + as a +', () => {
    const uri = withQuery('label=%E2%82%BF%20caf%C3%A9&message=1+1%3D2');
    expect(uri.label).toBe('₿ café');
    expect(uri.message).toBe('1+1=2');
  });

  it('keeps values that hold "=", "?", "/", ":" and "@"', () => {
    expect(withQuery('x=a=b?c/d:e@f').unknown.x).toEqual(['a=b?c/d:e@f']);
  });

  it('skips empty parameters and reads a key without "=" as an empty value', () => {
    const uri = bitcoin(`bitcoin:${ADDRESS}?&&label&&x=1&`);
    expect(uri.label).toBe('');
    expect({ ...uri.unknown }).toEqual({ x: ['1'] });
  });

  it('keeps repeated unknown keys and payment instructions in order', () => {
    const uri = withQuery(`r=1&R=2&lightning=${INVOICE}&lightning=lnbc1x&sp=sp1a&sp=sp1b&pay=p`);
    expect(uri.unknown.r).toEqual(['1', '2']);
    expect(uri.lightning).toEqual([INVOICE, 'lnbc1x']);
    expect(uri.sp).toEqual(['sp1a', 'sp1b']);
    expect(uri.pay).toEqual(['p']);
  });

  it.each([
    ['message=a&message=b', 'duplicate-message', 'message=b'],
    ['pop=a:&pop=b:', 'duplicate-pop', 'pop=b:'],
    ['req-pop=a:&REQ-POP=a:', 'duplicate-pop', 'REQ-POP=a:'],
    ['=x', 'missing-key', '=x'],
    ['req-amount=1', 'unknown-required-param', 'req-amount=1'],
    ['Req-Foo', 'unknown-required-param', 'Req-Foo'],
  ])('%s fails with %s', (query, code, part) => {
    const input = `bitcoin:${ADDRESS}?${query}`;
    const error = errorOf(() => parseUri(input));
    expect(error.code).toBe(code);
    expect(blamed(input, error)).toBe(part);
  });
});

describe('payment instructions', () => {
  const TB = 'tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx';
  it.each([
    ['lightning=', 'invalid-payment-instruction', 'lightning='],
    ['lno=&label=x', 'invalid-payment-instruction', 'lno='],
    [
      `lightning=${encodeURIComponent('lno1qqqq')}`,
      'invalid-lightning-param',
      'lightning=lno1qqqq',
    ],
    ['lightning=bc1qqqqq', 'invalid-lightning-param', 'lightning=bc1qqqqq'],
    ['tb=bc1qqqqqqq', 'network-mismatch', 'tb=bc1qqqqqqq'],
    ['bc=bcrt1qqqqqqq', 'network-mismatch', 'bc=bcrt1qqqqqqq'],
    [
      'bc=1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH',
      'network-mismatch',
      'bc=1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH',
    ],
    // Addresses in bc= and tb= are read as addresses are: checksum, program, padding.
    [`tb=${TB.slice(0, -1)}y`, 'invalid-checksum', `${TB.slice(-6, -1)}y`],
    ['tb=tb1q%71qqqqqqq', 'invalid-checksum', 'qqqqqq'],
    [`bc=${ADDRESS_BC.slice(0, -1)}7`, 'invalid-checksum', `${ADDRESS_BC.slice(-6, -1)}7`],
    ['bc=bc1pw5dgrnzv', 'invalid-address', 'bc1pw5dgrnzv'],
  ])(
    '%s alone fails with %s; beside a valid address it is left out with a warning',
    (query, code, part) => {
      const alone = `bitcoin:?${query}`;
      const error = errorOf(() => parseUri(alone));
      expect(error.code).toBe(code);
      expect(blamed(alone, error)).toBe(part);
      const input = `bitcoin:${ADDRESS}?${query}&message=m`;
      const uri = bitcoin(input);
      expect([uri.address, uri.message, uri.lightning, uri.lno, uri.bc, uri.tb]).toEqual([
        ADDRESS,
        'm',
        [],
        [],
        [],
        [],
      ]);
      expect(uri.warnings).toHaveLength(1);
      const [warning] = uri.warnings as [UriWarning];
      expect(warning).toMatchObject({ code, key: query.split('=')[0], message: error.message });
      expect(input.slice(...warning.span)).toBe(part);
      expect(warning.value).toBe(
        decodeURIComponent(query.slice(query.indexOf('=') + 1).split('&')[0] as string),
      );
    },
  );

  it('keeps what is valid beside what is not, in order, and warns of each refusal', () => {
    const input = `bitcoin:?lightning=${INVOICE}&lno=lno1bogusoffer&lightning=&bc=${ADDRESS_BC}&sp=sp1x&pay=`;
    const uri = bitcoin(input);
    expect([uri.lightning, uri.lno, uri.bc, uri.sp, uri.pay, uri.offers]).toEqual([
      [INVOICE],
      [],
      [ADDRESS_BC],
      ['sp1x'],
      [],
      [],
    ]);
    expect(uri.warnings.map((w) => [w.key, w.code, w.value])).toEqual([
      ['lno', 'invalid-lno-param', 'lno1bogusoffer'],
      ['lightning', 'invalid-payment-instruction', ''],
      ['pay', 'invalid-payment-instruction', ''],
    ]);
  });

  it('fails a URI with nothing valid left with its first refusal, in reading order', () => {
    const input = `bitcoin:${BIP321_ADDRESS}?lno=lno1bogusoffer&lightning=`;
    const error = errorOf(() => parseUri(input));
    expect([error.code, blamed(input, error)]).toEqual(['invalid-checksum', BIP321_ADDRESS]);
    expect(errorOf(() => parseUri('bitcoin:?lno=lno1bogusoffer&lightning=')).code).toBe(
      'invalid-lno-param',
    );
  });

  it('fails the whole URI for a fault of the URI, whatever instructions it holds', () => {
    for (const [query, code] of [
      ['amount=x', 'invalid-amount'],
      ['label=a&label=b', 'duplicate-label'],
      ['req-pop=https%3Ax', 'invalid-pop-scheme'],
      ['req-x=1', 'unknown-required-param'],
      ['label=%ZZ', 'invalid-percent-encoding'],
    ])
      expect(codeOf(`bitcoin:${ADDRESS}?lightning=${INVOICE}&${query}`), query).toBe(code);
  });

  it('accepts an LNURL in the lightning parameter only when lenient', () => {
    const input =
      'bitcoin:?lightning=LNURL1DP68GURN8GHJ7UM9WFMXJCM99E3K7MF0V9CXJ0M385EKVCENXC6R2C35XVUKXEFCV5MKVV34X5EKZD3EV56NYD3HXQURZEPEXEJXXEPNXSCRVWFNV9NXZCN9XQ6XYEFHVGCXXCMYXYMNSERXFQ5FNS';
    expect(codeOf(input)).toBe('invalid-lightning-param');
    expect(bitcoin(input, true).lightning).toHaveLength(1);
  });
});

describe('address', () => {
  it('reads the address (BIP 321: base58 P2PKH / P2SH, segwit v0, segwit v1+) with its networks', () => {
    expect(bitcoin(`bitcoin:${ADDRESS}`)).toMatchObject({
      address: ADDRESS,
      onchain: { kind: 'onchain-address', value: ADDRESS, type: 'p2pkh', networks: ['bitcoin'] },
      warnings: [],
    });
    const upper = ADDRESS_BC.toUpperCase();
    expect(bitcoin(`BITCOIN:${upper}`)).toMatchObject({
      address: upper,
      onchain: { type: 'p2wpkh', witnessVersion: 0, networks: ['bitcoin'] },
    });
    const tb = 'tb1p0vztr8q25czuka5u4ta5pqu0h8dxkf72mam89cpg4tg40fm8wgmqp3gv99';
    expect(bitcoin(`bitcoin:${tb}`).onchain?.networks).toEqual(['testnet', 'signet']);
    expect(bitcoin(`bitcoin:?lightning=${INVOICE}`).onchain).toBeUndefined();
  });

  it.each([
    [BIP321_ADDRESS, 'invalid-checksum', BIP321_ADDRESS],
    ['testinvalidaddress', 'invalid-address', 'testinvalidaddress'],
    ['invalidaddress', 'invalid-address', 'invalidaddress'],
    ['BC1QXYZ', 'too-short', 'QXYZ'],
    [INVOICE, 'invalid-address', INVOICE],
    [INVOICE.toUpperCase(), 'invalid-address', INVOICE.toUpperCase()],
  ])('refuses bitcoin:%s, or leaves it out beside a valid instruction', (address, code, part) => {
    const alone = `bitcoin:${address}?label=x`;
    const error = errorOf(() => parseUri(alone));
    expect([error.code, blamed(alone, error)]).toEqual([code, part]);
    if (address.toLowerCase() === INVOICE) expect(error.message).toContain('lightning=');
    const uri = bitcoin(`bitcoin:${address}?lno=${OFFER}`);
    expect([uri.address, uri.onchain, uri.lno]).toEqual(['', undefined, [OFFER]]);
    expect(uri.warnings).toEqual([
      { code, message: error.message, span: error.span, key: 'address', value: address },
    ]);
  });

  it('allows an empty address only beside a payment instruction', () => {
    for (const empty of ['bitcoin:', 'bitcoin:?', 'bitcoin:?label=x&amount=1&r=x&pop=a:'])
      expect(codeOf(empty), empty).toBe('missing-payment-instruction');
    const values = {
      lightning: 'lnbc1qqqqqq',
      lno: OFFER,
      sp: 'sp1qqqqqq',
      pay: 'pay1qqqqqq',
      bc: ADDRESS_BC,
      tb: 'tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx',
    };
    for (const [key, value] of Object.entries(values))
      expect(bitcoin(`bitcoin:?${key}=${value}`)[key as 'lno']).toEqual([value]);
  });

  it.each([
    [`bitcoin:${ADDRESS.slice(0, 5)}%31`, 'invalid-address', `${ADDRESS.slice(0, 5)}%31`],
    ['bitcoin:a/b', 'invalid-address', 'a/b'],
    ['bitcoin:1abc:?label=x', 'invalid-address', '1abc:'],
    ['bitcoin:1abc?label=x y', 'invalid-character', ' '],
    ['bitcoin:1abc?label=x#frag', 'invalid-character', '#'],
    ['bitcoin:1abc?label=caf\u00e9', 'invalid-character', '\u00e9'],
    ['bitcoin:1abc?label=\u{1F600}', 'invalid-character', '\u{1F600}'],
    ['bitcoin:1abc?label=a\nb', 'invalid-character', '\n'],
    ['bitcoin:1abc?label=%', 'invalid-percent-encoding', '%'],
    ['bitcoin:1abc?label=%4', 'invalid-percent-encoding', '%4'],
    ['bitcoin:1abc?label=%zz1', 'invalid-percent-encoding', '%zz'],
    ['bitcoin:1abc?label=%C3%28', 'invalid-utf8', '%C3%28'],
    ['bitcoin:1abc?%FF=1', 'invalid-utf8', '%FF'],
    ['bitcoin://1abc', 'non-standard-form', '//'],
    ['satoshi:1abc', 'unknown-scheme', 'satoshi'],
    ['1abc?label=x', 'missing-scheme', '1abc?label=x'],
  ])('%j fails with %s', (input, code, part) => {
    const error = errorOf(() => parseUri(input));
    expect(error.code).toBe(code);
    expect(blamed(input, error)).toBe(part);
  });

  it('reads bitcoin://, and nothing else, differently when lenient', () => {
    expect(bitcoin(`bitcoin://${ADDRESS}`, true).address).toBe(ADDRESS);
    expect(errorOf(() => parseUri('bitcoin:///1abc', { lenient: true })).code).toBe(
      'invalid-address',
    );
  });

  it('blames offsets of the untrimmed input', () => {
    const input = ' \r\n\tbitcoin:1abc?amount=1&amount=2  \n';
    expect(
      blamed(
        input,
        errorOf(() => parseUri(input)),
      ),
    ).toBe('amount=2');
  });
});

describe('proof of payment (pop, req-pop)', () => {
  it.each([
    ['pop=myapp%3Aok', { uri: 'myapp:ok', required: false, allowed: true }],
    ['req-pop=my-app.v2%3A', { uri: 'my-app.v2:', required: true, allowed: true }],
    ['pop=HTTPS%3A%2F%2Fx', { uri: 'HTTPS://x', required: false, allowed: false }],
    ['pop=JavaScript%3Aalert(1)', { uri: 'JavaScript:alert(1)', required: false, allowed: false }],
    ['pop=data%3Atext', { uri: 'data:text', required: false, allowed: false }],
    ['pop=no-scheme', { uri: 'no-scheme', required: false, allowed: false }],
    ['pop=app%253A', { uri: 'app%3A', required: false, allowed: false }],
  ])('%s', (query, pop) => {
    expect(withQuery(query).pop).toEqual(pop);
  });

  it('refuses a req-pop the wallet must not open: the wallet must not pay', () => {
    for (const value of ['mailto%3Ax', 'file%3A%2F%2F%2Fetc', 'noscheme', ''])
      expect(codeOf(`bitcoin:${ADDRESS}?req-pop=${value}`), value).toBe('invalid-pop-scheme');
  });
});
