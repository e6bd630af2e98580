// formatUri: examples, misuse, and the round trip parseUri(formatUri(x)) as a property.
import fc from 'fast-check';
import { BOLT12_VALID_OFFERS } from 'test-support/bolt12-vectors';
import { checkProperty } from 'test-support/property';
import { URI_VECTOR_REFUSED, withValidAddresses } from 'test-support/uri-vectors';
import addresses from 'test-support/vectors/uri/bip350-addresses.json' with { type: 'json' };
import vectors from 'test-support/vectors/uri/cases.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import {
  type BitcoinUri,
  type BitcoinUriParts,
  formatUri,
  type InstructionKey,
  parseUri,
  type UriParts,
} from '../src/index.js';
import { ADDRESS, INVOICE, OFFER } from './helpers/index.js';
import type { UriCase } from './helpers/vectors.js';

const SEGWIT = 'bc1qhr8mncfw3q7lr8f0fxj08lggm5l8s80ahzm5tl';
const LNURL =
  'lnurl1dp68gurn8ghj7um9wfmxjcm99e3k7mf0v9cxj0m385ekvcenxc6r2c35xvukxefcv5mkvv34x5ekzd3ev56nyd3hxqurzepexejxxepnxscrvwfnv9nxzcn9xq6xyefhvgcxxcmyxymnserxfq5fns';

describe('formatUri', () => {
  it('writes the BIP 321 examples', () => {
    expect(
      formatUri({
        scheme: 'bitcoin',
        address: ADDRESS,
        amount: { sat: 2_030_000_000n },
        label: 'Luke-Jr',
      }),
    ).toBe(`bitcoin:${ADDRESS}?amount=20.3&label=Luke-Jr`);
    expect(
      formatUri({
        scheme: 'bitcoin',
        address: ADDRESS,
        amount: { sat: 5_000_000_000n },
        message: 'Donation for project xyz',
      }),
    ).toBe(`bitcoin:${ADDRESS}?amount=50&message=Donation%20for%20project%20xyz`);
    // BIP 321's example writes "lno1bogusoffer": a real offer here, since lno values are read.
    expect(formatUri({ scheme: 'bitcoin', lno: [OFFER], sp: ['sp1qsilentpayment'] })).toBe(
      `bitcoin:?lno=${OFFER}&sp=sp1qsilentpayment`,
    );
    expect(
      formatUri({ scheme: 'bitcoin', address: ADDRESS, pop: { uri: 'app:?', required: true } }),
    ).toBe(`bitcoin:${ADDRESS}?req-pop=app%3A%3F`);
  });

  it('writes the QR form: upper case for the scheme and bech32, the rest as it must be', () => {
    const uri = formatUri(
      {
        scheme: 'bitcoin',
        address: SEGWIT,
        amount: { sat: 1000n },
        label: 'sbddesign: For lunch Tuesday',
        lightning: [INVOICE],
        lno: [OFFER],
        pay: ['payCaseKept'],
        unknown: { r: ['https://x/Y'] },
      },
      { uppercase: true },
    );
    expect(uri).toBe(
      `BITCOIN:${SEGWIT.toUpperCase()}?amount=0.00001&label=sbddesign%3A%20For%20lunch%20Tuesday&lightning=${INVOICE.toUpperCase()}&lno=${OFFER.toUpperCase()}&pay=payCaseKept&r=https%3A%2F%2Fx%2FY`,
    );
    expect(formatUri({ scheme: 'bitcoin', address: ADDRESS }, { uppercase: true })).toBe(
      `BITCOIN:${ADDRESS}`,
    );
    expect(formatUri({ scheme: 'lightning', value: INVOICE }, { uppercase: true })).toBe(
      `LIGHTNING:${INVOICE.toUpperCase()}`,
    );
    expect(formatUri({ scheme: 'lightning', value: LNURL })).toBe(`lightning:${LNURL}`);
  });

  it('writes back what parseUri read', () => {
    const uri = parseUri(`bitcoin:${ADDRESS}?amount=1.50&req-pop=app%3a&lightning=${INVOICE}&x=1`);
    expect(formatUri(uri)).toBe(
      `bitcoin:${ADDRESS}?amount=1.5&lightning=${INVOICE}&req-pop=app%3A&x=1`,
    );
  });

  it('throws TypeError for parts of the wrong type', () => {
    const bad: unknown[] = [
      null,
      'bitcoin:x',
      { scheme: 'bitcoin', address: 1 },
      { scheme: 'bitcoin', address: ADDRESS, label: 1 },
      { scheme: 'bitcoin', address: ADDRESS, amount: { sat: 1 } },
      { scheme: 'bitcoin', lightning: INVOICE },
      { scheme: 'bitcoin', lightning: [1] },
      { scheme: 'bitcoin', address: ADDRESS, unknown: { x: 'y' } },
      { scheme: 'lightning' },
      // Each message names the part, not what JavaScript tripped over inside formatUri.
      { scheme: 'bitcoin', address: ADDRESS, amount: null },
      { scheme: 'bitcoin', address: ADDRESS, pop: null },
      { scheme: 'bitcoin', address: ADDRESS, unknown: null },
    ];
    for (const parts of bad)
      expect(() => formatUri(parts as UriParts), String(parts && Object.keys(parts))).toThrow(
        TypeError,
      );
    expect(() => formatUri({ scheme: 'bitcoin', address: ADDRESS, amount: null } as never)).toThrow(
      /^amount must be an object, got null$/,
    );
    expect(() => formatUri({ scheme: 'bitcoin', address: ADDRESS, pop: 'app:' } as never)).toThrow(
      /^pop must be an object, got string$/,
    );
    expect(() =>
      formatUri({ scheme: 'lightning', value: INVOICE }, { uppercase: 1 as unknown as boolean }),
    ).toThrow(TypeError);
    expect(() => formatUri({ scheme: 'lightning', value: INVOICE }, null as never)).toThrow(
      /^formatUri: options must be an object, got null$/,
    );
  });

  it('throws RangeError for parts that make no valid URI, naming the problem', () => {
    const bad: [UriParts, RegExp][] = [
      [{ scheme: 'ftp' } as unknown as UriParts, /scheme/],
      [{ scheme: Object.create(null) } as unknown as UriParts, /scheme .*got an object/],
      [
        { scheme: 'bitcoin', address: ADDRESS, unknown: { x: ['\uD800'] } },
        /^unknown\["x"\]: .*lone surrogate/,
      ],
      [{ scheme: 'bitcoin', address: ADDRESS, amount: { sat: -1n } }, /amount\.sat/],
      [
        { scheme: 'bitcoin', address: ADDRESS, amount: { sat: 2_100_000_000_000_001n } },
        /amount\.sat/,
      ],
      [{ scheme: 'bitcoin', address: ADDRESS, label: 'a\uD800' }, /lone surrogate/],
      [{ scheme: 'bitcoin', address: ADDRESS, unknown: { label: ['x'] } }, /unknown/],
      [{ scheme: 'bitcoin', address: ADDRESS, unknown: { 'req-x': ['x'] } }, /unknown/],
      [{ scheme: 'bitcoin', address: ADDRESS, unknown: { Foo: ['x'] } }, /unknown/],
      [{ scheme: 'bitcoin', address: ADDRESS, unknown: { '': ['x'] } }, /unknown/],
      [{ scheme: 'bitcoin' }, /no address and no payment instruction/],
      [{ scheme: 'bitcoin', address: 'not an address' }, /address/],
      [{ scheme: 'bitcoin', bc: ['tb1qqqqqq'] }, /bc1/],
      [{ scheme: 'bitcoin', lightning: [OFFER] }, /BOLT 11/],
      [{ scheme: 'bitcoin', lno: ['lno1bogusoffer'] }, /not a BOLT 12 offer/],
      // What parseUri would leave out with a warning is no part of a valid URI either.
      [{ scheme: 'bitcoin', address: '175tWpb8K1S7NmH4Zx6rewF9WQrcZv245W' }, /checksum/],
      [
        { scheme: 'bitcoin', address: ADDRESS, lightning: [INVOICE, OFFER] },
        /lightning: .* is not a BOLT 11 invoice/,
      ],
      [{ scheme: 'bitcoin', address: ADDRESS, bc: [`${SEGWIT.slice(0, -1)}q`] }, /checksum/],
      [
        { scheme: 'bitcoin', address: ADDRESS, pop: { uri: 'https://x', required: true } },
        /web browser/,
      ],
      [{ scheme: 'lightning', value: 'alice@example.com' }, /lightning-address/],
      [{ scheme: 'lightning', value: `${INVOICE}x` }, /checksum/],
      [{ scheme: 'lightning', value: `${INVOICE} ` }, /whitespace/],
    ];
    for (const [parts, message] of bad)
      expect(() => formatUri(parts), message.source).toThrow(message);
    for (const [parts] of bad) expect(() => formatUri(parts)).toThrow(RangeError);
  });
});

// Values for the round trip: anything text can hold (the two last draw surrogate pairs and
// characters outside the Basic Multilingual Plane), and the shapes payment instructions take.
const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({
    unit: fc.constantFrom('%', '+', '&', '=', '?', '#', ' ', '\n', '₿', '😀', 'A', 'é'),
  }),
);
/** Valid addresses (parseUri reads them: a broken one is left out), by their segwit prefix. */
const SEGWIT_ADDRESSES = [SEGWIT, ...addresses.valid.map((a) => a.address)];
const segwitOf = (prefix: string) =>
  fc.constantFrom(...SEGWIT_ADDRESSES.filter((a) => a.toLowerCase().startsWith(`${prefix}1`)));
const bech32ish = (prefix: string) =>
  fc
    .string({ unit: fc.constantFrom(...'qpzry9x8gf2tvdw0s3jn54khce6mua7l'), minLength: 1 })
    .map((s) => `${prefix}${s}`);
const INSTRUCTIONS: Record<InstructionKey, fc.Arbitrary<string>> = {
  lightning: fc.oneof(bech32ish('lnbc1'), fc.constant(INVOICE)),
  // lno values are decoded: the offers of BOLT 12's vectors, some joined with "+" (and spaces).
  lno: fc.oneof(
    fc.constantFrom(...BOLT12_VALID_OFFERS.map((v) => v.bolt12)),
    fc
      .tuple(fc.integer({ min: 5, max: OFFER.length - 1 }), fc.constantFrom('+', '+ ', '+\n\t'))
      .map(([at, join]) => `${OFFER.slice(0, at)}${join}${OFFER.slice(at)}`),
  ),
  sp: bech32ish('sp1'),
  pay: text.filter((s) => s !== ''),
  bc: segwitOf('bc'),
  tb: segwitOf('tb'),
};
const INSTRUCTION_KEYS = Object.keys(INSTRUCTIONS) as InstructionKey[];
const KNOWN_KEYS = ['amount', 'label', 'message', 'pop', 'req-pop', ...INSTRUCTION_KEYS];
const unknownKey = fc
  .oneof(
    fc.string({ minLength: 1 }),
    fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty'),
  )
  .filter((k) => k === k.replace(/[A-Z]/g, '') && !KNOWN_KEYS.includes(k) && !k.startsWith('req-'));

const bitcoinParts: fc.Arbitrary<BitcoinUriParts> = fc
  .record(
    {
      address: fc.constantFrom('', ADDRESS, ...SEGWIT_ADDRESSES),
      amount: fc.bigInt({ min: 0n, max: 2_100_000_000_000_000n }).map((sat) => ({ sat })),
      label: text,
      message: text,
      pop: fc.record({
        uri: fc
          .tuple(fc.constantFrom('app:', 'callback:x?pop=', 'https:'), text)
          .map(([s, t]) => s + t),
        required: fc.boolean(),
      }),
      ...Object.fromEntries(
        Object.entries(INSTRUCTIONS).map(([key, value]) => [
          key,
          fc.array(value, { maxLength: 3 }),
        ]),
      ),
      unknown: fc
        .array(fc.tuple(unknownKey, fc.array(text, { minLength: 1, maxLength: 3 })), {
          maxLength: 3,
        })
        .map((entries) => {
          const record: Record<string, string[]> = Object.create(null);
          for (const [key, values] of entries) record[key] = values;
          return record;
        }),
    },
    { requiredKeys: [] },
  )
  .map((parts) => ({ scheme: 'bitcoin', ...parts }) as BitcoinUriParts)
  // What no URI can say: a req-pop that opens a browser, nothing to pay to.
  .filter((p) => !(p.pop?.required && p.pop.uri.startsWith('https:')))
  .filter((p) => Boolean(p.address) || INSTRUCTION_KEYS.some((k) => (p[k] ?? []).length > 0));

/** BIP 173: the prefix is what comes before the last "1". */
const isSegwit = (address: string) =>
  address.includes('1') &&
  ['bc', 'tb', 'bcrt'].includes(address.slice(0, address.lastIndexOf('1')).toLowerCase());

/** What parseUri must give back for `parts`, written in lower or upper case. */
const expected = (parts: BitcoinUriParts, uppercase: boolean): Record<string, unknown> => {
  const caps = (v: string) => (uppercase && /^[A-Za-z0-9+]*$/.test(v) ? v.toUpperCase() : v);
  const address = parts.address ?? '';
  return {
    address: uppercase && isSegwit(address) ? address.toUpperCase() : address,
    amountSat: parts.amount?.sat,
    label: parts.label,
    message: parts.message,
    pop: parts.pop && { uri: parts.pop.uri, required: parts.pop.required ?? false },
    ...Object.fromEntries(
      INSTRUCTION_KEYS.map((key) => {
        const values = parts[key] ?? [];
        return [key, key === 'pay' ? values : values.map(caps)];
      }),
    ),
    unknown: { ...parts.unknown },
  };
};
const actual = (uri: BitcoinUri): Record<string, unknown> => ({
  address: uri.address,
  amountSat: uri.amount?.sat,
  label: uri.label,
  message: uri.message,
  pop: uri.pop && { uri: uri.pop.uri, required: uri.pop.required },
  ...Object.fromEntries(INSTRUCTION_KEYS.map((key) => [key, uri[key]])),
  unknown: { ...uri.unknown },
});

describe('parseUri(formatUri(x)) gives x back', () => {
  it.each([false, true])('bitcoin: URIs, uppercase: %s', (uppercase) => {
    checkProperty(
      `format-round-trip-${uppercase ? 'upper' : 'lower'}-case`,
      fc.property(bitcoinParts, (parts) => {
        const uri = formatUri(parts, { uppercase });
        expect(actual(parseUri(uri) as BitcoinUri)).toEqual(expected(parts, uppercase));
        // The form of a parsed URI is a fixed point.
        expect(formatUri(parseUri(uri) as BitcoinUri, { uppercase })).toBe(uri);
      }),
      { seed: 321, numRuns: 400 },
    );
  });

  it('lightning: URIs', () => {
    const value = fc.oneof(
      fc.constant(INVOICE),
      fc.constant(LNURL),
      fc.constant(INVOICE.toUpperCase()),
    );
    checkProperty(
      'format-round-trip-lightning',
      fc.property(value, fc.boolean(), (v, uppercase) => {
        const uri = parseUri(formatUri({ scheme: 'lightning', value: v }, { uppercase }));
        expect(uri).toMatchObject({ scheme: 'lightning', value: uppercase ? v.toUpperCase() : v });
      }),
      { seed: 11, numRuns: 20 },
    );
  });

  it('every valid bitcoin: vector, parsed, formatted and parsed again, is the same URI', () => {
    // BIP 321's examples with valid addresses in place of their placeholders; a part the reader
    // leaves out (a warning) is not written back.
    const uris = (vectors.cases as UriCase[])
      .filter(
        (c) =>
          c.op === 'parse' &&
          c.level !== 'interop' &&
          c.error === undefined &&
          URI_VECTOR_REFUSED[c.id] !== 'invalid-lno-param' &&
          /^bitcoin:/i.test(c.input),
      )
      .map((c) => withValidAddresses(c.input));
    expect(uris.length).toBeGreaterThan(25);
    for (const input of uris) {
      const parsed = parseUri(input) as BitcoinUri;
      const again = parseUri(formatUri(parsed)) as BitcoinUri;
      expect(again.warnings).toEqual([]);
      expect({ ...again, amount: again.amount?.sat, warnings: [] }, input).toEqual({
        ...parsed,
        amount: parsed.amount?.sat,
        warnings: [],
      });
    }
  });
});
