// Whatever the input, decode returns an invoice or throws Bolt11Error, never another exception;
// what it accepts it writes back byte for byte. Fixed seeds and bounded runs here; `pnpm fuzz`
// runs the same properties longer with random seeds and saves what fails in test/regressions/.

import fc from 'fast-check';
import { withValidChecksum } from 'test-support/bech32';
import {
  BOLT11_IMPLEMENTATIONS as implementations,
  BOLT11_VALID as valid,
} from 'test-support/bolt11-vectors';
import { expectNoHang } from 'test-support/hang';
import { checkProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import { CHARSET } from '../src/bech32.js';
import { Bolt11Error, type DecodeOptions, decode, encode, invoiceSections } from '../src/index.js';

/**
 * Decodes `input` with `options`: it must either throw a Bolt11Error whose span lies inside the
 * input, or give an invoice that `encode` writes back exactly as it was written (lowercase,
 * without the `lightning:` prefix or surrounding whitespace, which are presentation).
 */
const decodesExactlyOrBolt11Error = (input: string, options: DecodeOptions = {}): void => {
  let invoice: ReturnType<typeof decode>;
  try {
    invoice = decode(input, options);
  } catch (e) {
    if (!(e instanceof Bolt11Error)) throw e;
    expect(typeof e.code).toBe('string');
    if (e.span) {
      expect(e.span[0]).toBeGreaterThanOrEqual(0);
      expect(e.span[1]).toBeLessThanOrEqual(input.length);
      expect(e.span[0]).toBeLessThanOrEqual(e.span[1]);
    }
    return;
  }
  const written = input
    .trim()
    .replace(/^lightning:/i, '')
    .toLowerCase();
  expect(encode(invoice)).toBe(written);
};

const seeds = [
  ...valid.map((v) => v.invoice),
  ...implementations.flatMap((c) => (c.invoice && c.invoice.length < 2000 ? [c.invoice] : [])),
];
const bech32Char = fc.constantFrom(...CHARSET);

/**
 * One edit of an invoice string: flip, insert or delete a character, swap two characters, swap
 * two whole tagged fields, or rewrite a field's length word.
 */
const mutation = fc.record({
  seed: fc.constantFrom(...seeds),
  kind: fc.constantFrom('flip', 'insert', 'delete', 'swap', 'swap-fields', 'length'),
  at: fc.nat(),
  other: fc.nat(),
  char: bech32Char,
});

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

/** The fields of a valid seed, by character span. */
const fieldSpans = (seed: string): (readonly [number, number])[] => {
  try {
    return invoiceSections(seed)
      .filter((s) => s.kind === 'field')
      .map((s) => s.span);
  } catch {
    return [];
  }
};

const mutate = ({ seed, kind, at, other, char }: Mutation): string => {
  const sep = seed.lastIndexOf('1');
  const i = sep + 1 + (at % (seed.length - sep - 1));
  const j = sep + 1 + (other % (seed.length - sep - 1));
  if (kind === 'flip') return seed.slice(0, i) + char + seed.slice(i + 1);
  if (kind === 'insert') return seed.slice(0, i) + char + seed.slice(i);
  if (kind === 'delete') return seed.slice(0, i) + seed.slice(i + 1);
  const fields = fieldSpans(seed);
  if (kind === 'swap' || fields.length < 2) {
    const chars = [...seed];
    [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
    return chars.join('');
  }
  const [a, b] = [fields[at % fields.length], fields[other % fields.length]] as [
    readonly [number, number],
    readonly [number, number],
  ];
  if (kind === 'length') {
    // The two characters after the type are the 10-bit data_length.
    const k = a[0] + 1 + (other % 2);
    return seed.slice(0, k) + char + seed.slice(k + 1);
  }
  // swap-fields: the later field first, then everything between, then the earlier one.
  const [first, second] = a[0] <= b[0] ? [a, b] : [b, a];
  if (first === second) return seed;
  return (
    seed.slice(0, first[0]) +
    seed.slice(second[0], second[1]) +
    seed.slice(first[1], second[0]) +
    seed.slice(first[0], first[1]) +
    seed.slice(second[1])
  );
};

describe('decode: a Bolt11Error, or an invoice written back byte for byte', () => {
  it('on random strings of any characters', () => {
    checkProperty(
      'decode-random-strings',
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) =>
        decodesExactlyOrBolt11Error(s),
      ),
      { seed: 1, numRuns: 2000 },
    );
  });

  it('on random bech32 strings with valid checksums (reaching the field parser)', () => {
    checkProperty(
      'decode-random-bech32',
      fc.property(
        fc.constantFrom('lnbc', 'lntb', 'lntbs', 'lnbcrt', 'lnbc2500u', 'lnbc10p', 'lnbc1p'),
        fc.array(bech32Char, { minLength: 100, maxLength: 500 }),
        (hrp, chars) => {
          const input = withValidChecksum(`${hrp}1${chars.join('')}qqqqqq`);
          decodesExactlyOrBolt11Error(input);
          decodesExactlyOrBolt11Error(input, { verify: false, legacy: true });
        },
      ),
      { seed: 2, numRuns: 1500 },
    );
  });

  it('on random mutations of valid invoices, with and without a recomputed checksum', () => {
    checkProperty(
      'decode-mutations',
      fc.property(mutation, (m) => {
        const mutated = mutate(m);
        decodesExactlyOrBolt11Error(mutated);
        decodesExactlyOrBolt11Error(withValidChecksum(mutated));
        decodesExactlyOrBolt11Error(withValidChecksum(mutated), { legacy: true });
        decodesExactlyOrBolt11Error(withValidChecksum(mutated), { verify: false });
      }),
      { seed: 3, numRuns: 2000 },
    );
  });

  it('reaches the field rules: some recomputed mutations decode, others fail field by field', () => {
    // Without this, a mutation generator that always broke the framing would pass the test above.
    const outcomes = new Set<string>();
    fc.assert(
      fc.property(mutation, (m) => {
        try {
          decode(withValidChecksum(mutate(m)), { verify: false });
          outcomes.add('decoded');
        } catch (e) {
          outcomes.add((e as Bolt11Error).code);
        }
      }),
      { seed: 4, numRuns: 1000 },
    );
    for (const code of [
      'decoded',
      'truncated-field',
      'invalid-field-length',
      'missing-payment-hash',
      'invalid-padding',
      'invalid-utf8',
      'unknown-required-feature',
    ])
      expect(outcomes).toContain(code);
  });
});

describe('decode on huge inputs', () => {
  /** Inputs up to 1 MB in the shapes that reach each early step of decoding. */
  const huge = fc
    .record({
      size: fc.integer({ min: 8_000, max: 1_000_000 }),
      shape: fc.constantFrom('bech32', 'spaces', 'prefixed', 'uppercase', 'binary', 'separators'),
      filler: fc.constantFrom(...CHARSET),
    })
    .map(({ size, shape, filler }) => {
      const body = filler.repeat(size);
      if (shape === 'spaces') return `${' '.repeat(size)}lnbc1${body}${' '.repeat(size)}`;
      if (shape === 'prefixed') return `lightning:lnbc1${body}`;
      if (shape === 'uppercase') return `LNBC1${body.toUpperCase()}`;
      if (shape === 'binary') return '\u0000\uffff'.repeat(size / 2);
      if (shape === 'separators') return '1'.repeat(size);
      return `lnbc1${body}`;
    });

  it('refuses them at once: no step does more than linear work before the length check', () => {
    checkProperty(
      'decode-huge-inputs',
      fc.property(huge, (input) => {
        for (const attempt of [() => decode(input), () => invoiceSections(input)]) {
          // Refused within 9 ms on an idle machine; a hang guard, not a speed test.
          expectNoHang(() => expect(attempt).toThrow(Bolt11Error), 10);
        }
      }),
      { seed: 5, numRuns: 40 },
    );
  });
});
