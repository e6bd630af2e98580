// Properties of the parsers over what a QR code or a web page may hold (issue 9): an answer or a
// UriError, never another exception; no hang on huge input; amounts exact; parse and format
// inverse; nothing written to a prototype. Fixed seeds and counts here; `pnpm fuzz` runs longer.
import { bech32 } from '@scure/base';
import fc from 'fast-check';
import { replaced } from 'test-support/edits';
import { expectNoHang } from 'test-support/hang';
import { expectNoPollution, expectSafeText } from 'test-support/outcome';
import { checkProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import {
  type BitcoinUri,
  type BitcoinUriParts,
  formatUri,
  type Input,
  normalizeBolt12,
  parseInput,
  parseUri,
  URI_ERROR_CODES,
  UriError,
} from '../src/index.js';
import { hugeInput, mutatedSample } from './helpers/arbitraries.js';
import { ADDRESS, INVOICE, OFFER } from './helpers/index.js';
import { outcomeOf, PARSERS, survives } from './helpers/outcome.js';

/**
 * A URI as a value to compare: the amount by its exact satoshis (its text may be respelled), and
 * without its warnings (what the reader left out is not written back).
 */
const comparable = (uri: BitcoinUri) => ({
  ...uri,
  amount: uri.amount?.sat,
  unknown: Object.entries(uri.unknown),
  warnings: [],
});

/** What `input` reads as, checked against every way of reading it. */
const readsConsistently = (input: string): void => {
  const asUri = outcomeOf(parseUri, input);
  const asInput = outcomeOf(parseInput, input);
  if (!(asUri instanceof UriError)) {
    // parseInput hands URIs to parseUri: the same answer.
    expect(asInput).toEqual(asUri);
    if (asUri.kind === 'bitcoin-uri') {
      // What it leaves out is said as an error would be: a code, a safe message, a span in the
      // input, the value; and it leaves out nothing it keeps.
      for (const warning of asUri.warnings) {
        expect(URI_ERROR_CODES).toContain(warning.code);
        expectSafeText(warning.message);
        const [start, end] = warning.span;
        expect(0 <= start && start <= end && end <= input.length).toBe(true);
        if (warning.key !== 'address') expect(asUri[warning.key]).not.toContain(warning.value);
      }
      // Whatever parseUri accepts, formatUri writes back, and the written URI reads the same.
      const written = formatUri(asUri);
      const again = parseUri(written) as BitcoinUri;
      expect(again.warnings).toEqual([]);
      expect(comparable(again)).toEqual(comparable(asUri));
      expect(formatUri(again)).toBe(written);
    } else {
      const again = parseUri(formatUri({ scheme: 'lightning', value: asUri.value }));
      expect(again).toEqual(asUri);
    }
  }
  if (asInput instanceof UriError || asInput.kind === 'bitcoin-uri' || 'scheme' in asInput) return;
  // A bare payload is given back as written, without the whitespace around it.
  expect((asInput as Exclude<Input, BitcoinUri>).value).toBe(input.trim());
  if (asInput.kind.startsWith('bolt12'))
    expect((asInput as { normalized: string }).normalized).toBe(normalizeBolt12(input));
};

describe('any text', () => {
  it('edited vectors: an answer or a UriError, and URIs that format back to themselves', () => {
    checkProperty(
      'vector-mutations',
      fc.property(mutatedSample, (input) => {
        survives(input);
        readsConsistently(input);
      }),
      { seed: 9001, numRuns: 1500 },
    );
    expectNoPollution();
  });

  it('huge input (64 kB to 1 MB) is answered without super-linear work', () => {
    checkProperty(
      'huge-inputs',
      fc.property(hugeInput, (input) => {
        for (const [name, parse] of Object.entries(PARSERS)) {
          // At most 258 ms (re-measured with HANG_TIMINGS); a hang guard, not a speed test.
          expectNoHang(
            () => outcomeOf(parse, input),
            260,
            `${name}(${JSON.stringify(input.slice(0, 60))}…)`,
          );
        }
      }),
      { seed: 1_048_576, numRuns: 300 },
    );
  });

  it('arguments of the wrong type are a TypeError naming the function', () => {
    const notString = fc.anything().filter((x) => typeof x !== 'string');
    const options = fc.oneof(
      fc.anything(),
      fc.record({ lenient: fc.anything() }),
      fc.constant(Object.create(null)),
    );
    checkProperty(
      'argument-types',
      fc.property(notString, options, (text, opts) => {
        for (const [name, parse] of [
          ['parseUri', parseUri],
          ['parseInput', parseInput],
          ['normalizeBolt12', normalizeBolt12],
        ] as const) {
          expect(() => parse(text as string), name).toThrow(
            new RegExp(`^${name}: text must be a string`),
          );
        }
        for (const [name, parse] of [
          ['parseUri', parseUri],
          ['parseInput', parseInput],
        ] as const) {
          try {
            parse(`bitcoin:${ADDRESS}`, opts as never);
          } catch (error) {
            expect(error, name).toBeInstanceOf(TypeError);
            expect((error as Error).message).toMatch(new RegExp(`^${name}: options`));
          }
        }
      }),
      { seed: 77, numRuns: 300 },
    );
  });
});

/** BIP 321 amounts, written as a writer might, digits possibly percent-encoded. */
const btcAmount = fc.record({
  whole: fc.oneof(
    fc.stringMatching(/^0{0,3}[0-9]{0,9}$/),
    fc.constantFrom('21000000', '20999999', '021000000', '9007199254740993'),
  ),
  decimals: fc.option(
    fc.oneof(
      fc.stringMatching(/^[0-9]{0,8}0{0,4}$/),
      fc.stringMatching(/^[0-9]{9,12}$/),
      fc.constantFrom('99999999', '00000001', '000000001', '000000010', '12345678000'),
    ),
    { nil: undefined },
  ),
  junk: fc.option(fc.constantFrom('-', '+', 'e3', ',', '%20', '.', 'x', '%2D'), { nil: undefined }),
  escaped: fc.boolean(),
});

/** The satoshis of a decimal BTC text, by long-hand decimal arithmetic; or the error code. */
const expectedSat = (text: string): bigint | string => {
  if (!/^[0-9]*(\.[0-9]*)?$/.test(text) || !/[0-9]/.test(text)) return 'invalid-amount';
  const [whole = '', decimals = ''] = text.split('.');
  let significant = decimals;
  while (significant.endsWith('0')) significant = significant.slice(0, -1);
  if (significant.length > 8) return 'amount-too-precise';
  const sat = BigInt(`0${whole}`) * 100_000_000n + BigInt(`0${significant.padEnd(8, '0')}`);
  return sat > 21_000_000n * 100_000_000n ? 'amount-too-large' : sat;
};

const escapeAll = (text: string) =>
  Array.from(text, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join('');

/** 2^64 - 1: Lightning's amounts are u64 millisatoshis. */
const MAX_MSAT = 18_446_744_073_709_551_615n;
const MSAT_PER: Record<string, bigint> = { '': 100_000_000_000n, m: 100_000_000n, u: 100_000n };

/** The millisatoshis of a BOLT 11 amount and multiplier; or the error code. */
const expectedMsat = (digits: string, multiplier: string): bigint | string | undefined => {
  if (digits === '') return multiplier === '' ? undefined : 'unknown-prefix';
  // In core's order: the form, then the length, then the pico rule.
  if (digits.startsWith('0')) return 'invalid-amount';
  if (digits.length > 30) return 'amount-too-large';
  if (multiplier === 'p' && !digits.endsWith('0')) return 'invalid-pico-amount';
  const msat =
    multiplier === 'p'
      ? BigInt(digits.slice(0, -1))
      : multiplier === 'n'
        ? BigInt(digits) * 100n
        : BigInt(digits) * (MSAT_PER[multiplier] as bigint);
  return msat > MAX_MSAT ? 'amount-too-large' : msat;
};

const bolt11Amount = fc.record({
  digits: fc.oneof(
    fc.stringMatching(/^[1-9][0-9]{0,24}$/),
    fc.stringMatching(/^0[0-9]{0,3}$/),
    fc.stringMatching(/^[1-9][0-9]{30,40}$/),
    fc.constantFrom('', '18446744073709551615', '184467440737095516150', '1844674407370955162'),
  ),
  multiplier: fc.constantFrom('', 'm', 'u', 'n', 'p'),
  upper: fc.boolean(),
  data: fc.uint8Array({ maxLength: 40 }),
});

describe('amounts are exact', () => {
  it('bitcoin: amounts are exact bigint satoshis and millisatoshis, or the right error', () => {
    checkProperty(
      'btc-amounts-exact',
      fc.property(btcAmount, ({ whole, decimals, junk, escaped }) => {
        const text = `${whole}${decimals === undefined ? '' : `.${decimals}`}${junk ?? ''}`;
        const written = escaped ? escapeAll(text) : text;
        const input = `bitcoin:${ADDRESS}?label=x&amount=${written}`;
        const start = input.indexOf('amount=');
        const decoded = decodeURIComponent(written);
        const expected = expectedSat(decoded);
        const result = outcomeOf(parseUri, input);
        if (typeof expected === 'string') {
          expect(result).toBeInstanceOf(UriError);
          expect((result as UriError).code).toBe(expected);
          expect((result as UriError).span).toEqual([start, input.length]);
          return;
        }
        expect((result as BitcoinUri).amount).toEqual({
          btc: decoded,
          sat: expected,
          msat: expected * 1000n,
        });
        // Written back as the shortest decimal, it reads as the same satoshis.
        const again = parseUri(formatUri(result as BitcoinUri)) as BitcoinUri;
        expect(again.amount?.sat).toBe(expected);
      }),
      { seed: 21_000_000, numRuns: 1000 },
    );
  });

  it('BOLT 11 amounts are exact bigint millisatoshis up to 2^64 - 1, or the right error', () => {
    checkProperty(
      'bolt11-amounts-exact',
      fc.property(bolt11Amount, ({ digits, multiplier, upper, data }) => {
        const lower = bech32.encode(
          `lnbc${digits}${multiplier}`,
          bech32.toWords(data),
          false,
        ) as string;
        const invoice = upper ? lower.toUpperCase() : lower;
        const expected = expectedMsat(digits, multiplier);
        for (const input of [invoice, `lightning:${invoice}`]) {
          const result = outcomeOf(parseInput, input);
          if (typeof expected === 'string') {
            expect((result as UriError).code, input).toBe(expected);
            continue;
          }
          expect(result, input).toMatchObject({ kind: 'bolt11', network: 'bitcoin' });
          expect((result as { amountMsat?: bigint }).amountMsat).toBe(expected);
        }
      }),
      { seed: 64, numRuns: 1000 },
    );
  });
});

/** Names that mean something on Object.prototype, or to code that merges query strings. */
const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  'valueOf',
  '__defineGetter__',
  '__lookupSetter__',
  'isPrototypeOf',
  '__proto__[polluted]',
  'constructor[prototype][polluted]',
  'constructor.prototype.polluted',
  'polluted',
];

/** A key written in any ASCII case, characters percent-encoded at random (brackets always). */
const writtenKey = fc
  .tuple(
    fc.constantFrom(...HOSTILE_KEYS),
    fc.array(fc.constantFrom('as is', 'upper', 'escaped'), { minLength: 40, maxLength: 40 }),
  )
  .map(([key, how]) => ({
    key,
    written: Array.from(key, (c, i) =>
      how[i] === 'escaped' || c === '[' || c === ']'
        ? `%${c.charCodeAt(0).toString(16)}`
        : how[i] === 'upper'
          ? c.toUpperCase()
          : c,
    ).join(''),
  }));

describe('prototype pollution', () => {
  it('keeps __proto__, constructor and prototype keys as data, in order, polluting nothing', () => {
    const param = fc.record({
      key: writtenKey,
      value: fc.string({ unit: 'grapheme', maxLength: 8 }),
    });
    checkProperty(
      'prototype-keys',
      fc.property(fc.array(param, { minLength: 1, maxLength: 6 }), (params) => {
        const query = params
          .map(({ key, value }) => `${key.written}=${encodeURIComponent(value)}`)
          .join('&');
        const uri = parseUri(`bitcoin:${ADDRESS}?${query}`) as BitcoinUri;
        const expected = new Map<string, string[]>();
        for (const { key, value } of params)
          expected.set(key.key.toLowerCase(), [
            ...(expected.get(key.key.toLowerCase()) ?? []),
            value,
          ]);
        expect(Object.getPrototypeOf(uri.unknown)).toBeNull();
        expect(Object.entries(uri.unknown)).toEqual([...expected]);
        const again = parseUri(formatUri(uri)) as BitcoinUri;
        expect(Object.entries(again.unknown)).toEqual([...expected]);
        expectNoPollution();
      }),
      { seed: 1337, numRuns: 500 },
    );
  });
});

/** Values of every type, and the ones that break careless code: no prototype, no toString. */
const junk = fc.oneof(
  fc.anything(),
  fc.constantFrom<unknown>(
    null,
    undefined,
    Number.NaN,
    -1n,
    '',
    '\ud800',
    [],
    [null],
    ['\ud800'],
    {},
    Object.create(null),
    { toString: 1 },
    Symbol('s'),
    () => 1,
  ),
);
/** Every place of the parts and of the options where a wrong value can go. */
const PLACES: readonly (readonly (string | number)[])[] = [
  [],
  ['scheme'],
  ['address'],
  ['amount'],
  ['amount', 'sat'],
  ['label'],
  ['message'],
  ['pop'],
  ['pop', 'uri'],
  ['pop', 'required'],
  ['lightning'],
  ['lightning', 0],
  ['lno'],
  ['sp'],
  ['pay'],
  ['bc'],
  ['tb'],
  ['unknown'],
  ['unknown', 'x'],
  ['unknown', 'x', 0],
  ['unknown', '__proto__'],
  ['value'],
]
  .flatMap((place) => [['parts', ...place]])
  .concat([['options'], ['options', 'uppercase']]);
const formatArguments = () => ({
  parts: {
    scheme: 'bitcoin',
    address: ADDRESS,
    amount: { sat: 1000n },
    label: 'l',
    message: 'm',
    pop: { uri: 'app:', required: false },
    lightning: [INVOICE],
    lno: [OFFER],
    unknown: { x: ['1'] },
  },
  options: { uppercase: false },
});

/** The names formatUri's messages start with: the function, or the part at fault. */
const PART_MESSAGE =
  /^(formatUri|value|address|amount|label|message|pop|lightning|lno|sp|pay|bc|tb|unknown)\b/;

describe('formatUri on wrong parts', () => {
  it('writes a URI that reads back, or throws TypeError or RangeError naming the part', () => {
    checkProperty(
      'format-wrong-parts',
      fc.property(fc.constantFrom(...PLACES), junk, (place, value) => {
        const { parts, options } = replaced(formatArguments(), place, value) as {
          parts: BitcoinUriParts;
          options: object;
        };
        let uri: string;
        try {
          uri = formatUri(parts, options);
        } catch (error) {
          if (!(error instanceof TypeError || error instanceof RangeError)) throw error;
          expect(error.message).toMatch(PART_MESSAGE);
          return;
        }
        expect(() => parseUri(uri)).not.toThrow();
        expectNoPollution();
      }),
      { seed: 404, numRuns: 1500 },
    );
  });
});
