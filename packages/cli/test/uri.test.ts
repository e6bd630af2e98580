// `lninvoice uri parse` and `lninvoice inspect`, run as a user runs them: the built binary in a
// child process.
import { parseInput } from '@lninvoice/uri';
import { describe, expect, it } from 'vitest';
import { run } from './helpers.js';

const INVOICE =
  'lnbc25m1pvjluezpp5qqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqqqsyqcyq5rqwzqfqypqdq5vdhkven9v5sxyetpdeessp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zygs9q5sqqqqqqqqqqqqqqqqsgq2a25dxl5hrntdtn6zvydt7d66hyzsyhqs4wdynavys42xgl6sgx9c4g7me86a27t07mdtfry458rtjr0v92cnmswpsjscgt2vcse3sgpz3uapa';
const NODE = '02eec7245d6b7d2ccb30380bfbe2a3648cd7a942653f5aa340edcea1f283686619';

describe('lninvoice uri parse', () => {
  it('prints a bitcoin: URI as JSON, amounts as decimal strings, and exits 0', () => {
    const r = run([
      'uri',
      'parse',
      `bitcoin:?amount=20.3&label=Luke+Jr%20%E2%82%BF&lightning=${INVOICE}&x=1`,
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      kind: 'bitcoin-uri',
      scheme: 'bitcoin',
      address: '',
      amount: { btc: '20.3', sat: '2030000000', msat: '2030000000000' },
      label: 'Luke+Jr ₿',
      lightning: [INVOICE],
      lno: [],
      offers: [],
      sp: [],
      pay: [],
      bc: [],
      tb: [],
      unknown: { x: ['1'] },
      warnings: [],
    });
  });

  it('prints what a bitcoin: URI left out under "warnings", and each on stderr, and exits 0', () => {
    const input = `bitcoin:bc1qhr8mncfw3q7lr8f0fxj08lggm5l8s80ahzm5tl?lno=lno1bogusoffer&lightning=${INVOICE}`;
    const r = run(['uri', 'parse', input]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({
      address: 'bc1qhr8mncfw3q7lr8f0fxj08lggm5l8s80ahzm5tl',
      onchain: { kind: 'onchain-address', type: 'p2wpkh', networks: ['bitcoin'] },
      lightning: [INVOICE],
      lno: [],
    });
    expect(json.warnings).toEqual([
      expect.objectContaining({ code: 'invalid-lno-param', key: 'lno', value: 'lno1bogusoffer' }),
    ]);
    const [message, shown, marks] = r.stderr.split('\n');
    expect(message).toMatch(/^lninvoice: warning: invalid-lno-param: lno: not a BOLT 12 offer/);
    expect(shown?.trim()).toBe(input);
    // The span of the offer's first non-bech32 character: the "b" after "lno1".
    expect(marks?.trim()).toBe('^');
    expect(marks?.indexOf('^')).toBe((shown?.indexOf('lno1bogusoffer') ?? 0) + 4);
  });

  it('refuses a URI whose address is no address, and nothing else pays', () => {
    for (const [input, code] of [
      ['bitcoin:testinvalidaddress', 'invalid-address'],
      [`bitcoin:${INVOICE}`, 'invalid-address'],
      ['bitcoin:175tWpb8K1S7NmH4Zx6rewF9WQrcZv245W', 'invalid-checksum'],
    ]) {
      const r = run(['uri', 'parse', input as string]);
      expect([r.code, r.stderr.split(': ')[1]], input).toEqual([1, code]);
    }
  });

  it('prints a lightning: URI with its payload', () => {
    const json = JSON.parse(run(['uri', 'parse', `LIGHTNING:${INVOICE.toUpperCase()}`]).stdout);
    expect(json).toMatchObject({
      scheme: 'lightning',
      kind: 'bolt11',
      network: 'bitcoin',
      amount_msat: '2500000000',
    });
  });

  it('prints the code and message of an invalid URI on stderr, underlines the part, exits 1', () => {
    const input = 'bitcoin:1abc?amount=42&amount=42';
    const r = run(['uri', 'parse', input]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const [message, shown, marks] = r.stderr.split('\n');
    expect(message).toMatch(/^lninvoice: duplicate-amount: amount: /);
    expect(shown?.trim()).toBe(input);
    expect(marks?.trim()).toBe('^'.repeat('amount=42'.length));
    expect(marks?.indexOf('^')).toBe(shown?.lastIndexOf('amount=42'));
  });

  it('accepts the interop forms only with --lenient', () => {
    const input = 'lightning:satoshi@bitcoin.org';
    expect(run(['uri', 'parse', input]).stderr).toMatch(/^lninvoice: non-standard-form: /);
    const r = run(['uri', 'parse', '--lenient', input]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).url).toBe('https://bitcoin.org/.well-known/lnurlp/satoshi');
  });

  it('reads only bitcoin: and lightning: URIs', () => {
    const r = run(['uri', 'parse', NODE]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^lninvoice: missing-scheme: /);
    expect(run(['uri', 'parse', 'satoshi:1abc']).stderr).toMatch(/^lninvoice: unknown-scheme: /);
  });
});

describe('lninvoice inspect', () => {
  it.each([
    [INVOICE, 'bolt11'],
    ['bc1qhr8mncfw3q7lr8f0fxj08lggm5l8s80ahzm5tl', 'onchain-address'],
    [`${NODE}@[2001:db8::1]:9735`, 'node-uri'],
    ['₿matt@mattcorallo.com', 'bip353'],
    ['lnurlp://example.com/p', 'lud17'],
    [
      'https://service.com/?lightning=LNURL1DP68GURN8GHJ7UM9WFMXJCM99E3K7MF0V9CXJ0M385EKVCENXC6R2C35XVUKXEFCV5MKVV34X5EKZD3EV56NYD3HXQURZEPEXEJXXEPNXSCRVWFNV9NXZCN9XQ6XYEFHVGCXXCMYXYMNSERXFQ5FNS',
      'lnurl',
    ],
    ['@bitcoin.org', 'lightning-address'],
  ])('prints %s as JSON with kind %s, bytes as hex', (text, kind) => {
    const r = run(['inspect', `\n ${text}\t`]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.kind).toBe(kind);
    // What parseInput returns, its keys in snake_case (`nodeId` is `node_id`).
    const expected = JSON.parse(
      JSON.stringify(parseInput(text), (_, v) =>
        typeof v === 'bigint'
          ? String(v)
          : v instanceof Uint8Array
            ? Buffer.from(v).toString('hex')
            : v,
      ).replace(
        /"(\w+)":/g,
        (_, key: string) => `"${key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()}":`,
      ),
    );
    expect(json).toEqual(expected);
  });

  it('prints the hex of node ids and address programs', () => {
    expect(JSON.parse(run(['inspect', NODE.toUpperCase()]).stdout).node_id).toBe(NODE);
    const address = JSON.parse(
      run(['inspect', 'bc1qhr8mncfw3q7lr8f0fxj08lggm5l8s80ahzm5tl']).stdout,
    );
    expect(address.program).toBe('b8cfb9e12e883df19d2f49a4f3fd08dd3e781dfd');
  });

  it('says why a text is none of the kinds, and exits 1', () => {
    const r = run(['inspect', 'hello']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^lninvoice: unknown-input: "hello" is not/);
  });

  it('never prints control or bidirectional characters of the input raw', () => {
    for (const [input, escaped] of [
      ['\u001b[2Jevil', '\\u001b[2Jevil'],
      ['pay\u202Eevil', 'pay\\u202eevil'],
    ]) {
      const r = run(['inspect', input as string]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(escaped);
      expect(r.stderr.includes('\u001b') || r.stderr.includes('\u202E'), r.stderr).toBe(false);
    }
  });
});

describe('usage', () => {
  it('exits 2 on usage errors, pointing at the help', () => {
    for (const args of [
      ['uri'],
      ['uri', 'format', 'x'],
      ['uri', 'parse'],
      ['uri', 'parse', 'a', 'b'],
      ['inspect'],
      ['inspect', '--bogus', 'x'],
    ]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('--help" for usage');
    }
  });

  it('prints help', () => {
    expect(run(['--help']).stdout).toMatch(/uri parse <uri>[\s\S]*inspect <text>/);
    expect(run(['uri', '--help']).stdout).toContain('--lenient');
    expect(run(['uri', 'parse', '--help']).stdout).toContain('Usage: lninvoice uri parse');
    expect(run(['inspect', '--help']).stdout).toContain('Usage: lninvoice inspect');
  });
});
