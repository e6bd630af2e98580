// Saved counterexamples must read back as the very values fast-check generated.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { decodeValue, encodeValue } from './values.js';

const roundTrip = (value: unknown): unknown =>
  decodeValue(JSON.parse(JSON.stringify(encodeValue(value))));

it('round-trips anything fast-check makes, through JSON text', () => {
  fc.assert(
    fc.property(
      fc.anything({
        withBigInt: true,
        withTypedArray: false,
        withNullPrototype: false,
        withBoxedValues: false,
        withMap: false,
        withSet: false,
        withDate: false,
        withSparseArray: true,
      }),
      (value) => {
        expect(roundTrip(value)).toStrictEqual(value);
      },
    ),
    { seed: 1, numRuns: 500 },
  );
});

it('keeps the holes of sparse arrays, which JSON would turn into null', () => {
  // biome-ignore lint/suspicious/noSparseArray: the point of the test
  const back = roundTrip([1, , 3]) as unknown[];
  expect(back).toHaveLength(3);
  expect(1 in back).toBe(false);
});

it('keeps bytes, undefined, odd numbers and hostile keys', () => {
  expect(roundTrip([Uint8Array.of(0, 255), undefined, Number.NaN, -0, -Infinity])).toStrictEqual([
    Uint8Array.of(0, 255),
    undefined,
    Number.NaN,
    -0,
    -Infinity,
  ]);
  const hostile = JSON.parse('{"__proto__": {"polluted": 1}, "constructor": 2}');
  const back = roundTrip(hostile) as Record<string, unknown>;
  expect(Object.keys(back)).toEqual(['__proto__', 'constructor']);
  expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});
