// Whatever the input, decode returns an invoice or throws Bolt11Error: never another exception.
// Fixed seeds and bounded runs here; `pnpm fuzz` (issue 9) runs longer with random seeds.
import fc from 'fast-check';
import { checkProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import { Bolt11Error, decode } from '../src/index.js';
import { CHARSET } from '../src/words.js';
import { withValidChecksum } from './helpers/craft.js';
import implementations from './vectors/implementations.json' with { type: 'json' };
import valid from './vectors/spec-valid.json' with { type: 'json' };

const decodesOrBolt11Error = (input: string, options = {}): void => {
  try {
    decode(input, options);
  } catch (e) {
    if (!(e instanceof Bolt11Error)) throw e;
    expect(typeof e.code).toBe('string');
    if (e.span) {
      expect(e.span[0]).toBeGreaterThanOrEqual(0);
      expect(e.span[1]).toBeLessThanOrEqual(input.length);
      expect(e.span[0]).toBeLessThanOrEqual(e.span[1]);
    }
  }
};

const seeds = [
  ...valid.map((v) => v.invoice),
  ...implementations.flatMap((c) => (c.invoice && c.invoice.length < 2000 ? [c.invoice] : [])),
];
const bech32Char = fc.constantFrom(...CHARSET);

type Mutation = { seed: string; kind: string; at: number; other: number; char: string };

/** One edit of an invoice string: flip, insert or delete a character, or rewrite a length word. */
const mutation = fc.record({
  seed: fc.constantFrom(...seeds),
  kind: fc.constantFrom('flip', 'insert', 'delete', 'swap'),
  at: fc.nat(),
  other: fc.nat(),
  char: bech32Char,
});

const mutate = ({ seed, kind, at, other, char }: Mutation): string => {
  const sep = seed.lastIndexOf('1');
  const i = sep + 1 + (at % (seed.length - sep - 1));
  const j = sep + 1 + (other % (seed.length - sep - 1));
  if (kind === 'flip') return seed.slice(0, i) + char + seed.slice(i + 1);
  if (kind === 'insert') return seed.slice(0, i) + char + seed.slice(i);
  if (kind === 'delete') return seed.slice(0, i) + seed.slice(i + 1);
  const chars = [...seed];
  [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
  return chars.join('');
};

describe('decode never throws anything but Bolt11Error', () => {
  it('on random strings of any characters', () => {
    checkProperty(
      'decode-random-strings',
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => decodesOrBolt11Error(s)),
      { seed: 1, numRuns: 2000 },
    );
  });

  it('on random bech32 strings with valid checksums (reaching the field parser)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('lnbc', 'lntb', 'lntbs', 'lnbcrt', 'lnbc2500u', 'lnbc10p', 'lnbc1p'),
        fc.array(bech32Char, { minLength: 100, maxLength: 500 }),
        (hrp, chars) => {
          const input = withValidChecksum(`${hrp}1${chars.join('')}qqqqqq`);
          decodesOrBolt11Error(input);
          decodesOrBolt11Error(input, { verify: false, legacy: true });
        },
      ),
      { seed: 2, numRuns: 1500 },
    );
  });

  it('on random mutations of valid invoices, with and without a recomputed checksum', () => {
    fc.assert(
      fc.property(mutation, (m) => {
        const mutated = mutate(m);
        decodesOrBolt11Error(mutated);
        decodesOrBolt11Error(withValidChecksum(mutated));
        decodesOrBolt11Error(withValidChecksum(mutated), { legacy: true });
      }),
      { seed: 3, numRuns: 1500 },
    );
  });
});
