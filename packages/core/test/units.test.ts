// Millisatoshis ⇄ satoshis with explicit rounding.
import { describe, expect, it } from 'vitest';
import { formatDecimal } from '../src/amount.js';
import { msatToSat, type Rounding, satToMsat } from '../src/index.js';

describe('msatToSat / satToMsat', () => {
  it('rounds as asked', () => {
    expect([msatToSat(1500n, 'floor'), msatToSat(1500n, 'ceil')]).toEqual([1n, 2n]);
    expect([
      msatToSat(2000n, 'floor'),
      msatToSat(2000n, 'ceil'),
      msatToSat(2000n, 'exact'),
    ]).toEqual([2n, 2n, 2n]);
    expect(msatToSat(0n, 'exact')).toBe(0n);
    expect(msatToSat(2n ** 64n - 1n, 'floor')).toBe(18446744073709551n);
  });

  it('exact refuses sub-satoshi amounts, naming the remainder', () => {
    expect(() => msatToSat(1001n, 'exact')).toThrow('1 msat left over');
  });

  it('refuses floats, negative amounts and unknown rounding', () => {
    expect(() => msatToSat(1000 as unknown as bigint, 'floor')).toThrow(TypeError);
    expect(() => msatToSat(-1n, 'floor')).toThrow(RangeError);
    expect(() => msatToSat(1000n, 'round' as Rounding)).toThrow(RangeError);
    expect(() => msatToSat(1000n, undefined as unknown as Rounding)).toThrow(RangeError);
  });

  it('converts satoshis exactly, from bigint or safe integers only', () => {
    expect(satToMsat(21n)).toBe(21_000n);
    expect(satToMsat(2_100_000_000_000_000)).toBe(2_100_000_000_000_000_000n);
    expect(() => satToMsat(1.5)).toThrow(RangeError);
    expect(() => satToMsat(2 ** 53)).toThrow(RangeError);
    expect(() => satToMsat(-1n)).toThrow(RangeError);
    expect(() => satToMsat('5' as unknown as number)).toThrow(TypeError);
  });
});

describe('formatDecimal', () => {
  it('writes value / 10^places exactly, without trailing zeros', () => {
    expect(formatDecimal(250_000_000n, 11)).toBe('0.0025');
    expect(formatDecimal(1_500n, 3)).toBe('1.5');
    expect(formatDecimal(2_030_000_000n, 8)).toBe('20.3');
    expect(formatDecimal(1n, 11)).toBe('0.00000000001');
    expect(formatDecimal(0n, 3)).toBe('0');
    expect(formatDecimal(42n, 0)).toBe('42');
    expect(formatDecimal(2n ** 64n - 1n, 11)).toBe('184467440.73709551615');
  });

  it('refuses negative values, non-bigints and impossible places', () => {
    expect(() => formatDecimal(-1n, 3)).toThrow(RangeError);
    expect(() => formatDecimal(1 as unknown as bigint, 3)).toThrow(TypeError);
    expect(() => formatDecimal(1n, -1)).toThrow(RangeError);
    expect(() => formatDecimal(1n, 1.5)).toThrow(RangeError);
    expect(() => formatDecimal(1n, 31)).toThrow(RangeError);
  });
});
