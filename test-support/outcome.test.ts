// The shared contract checks: unsafe characters, own errors, pollution.
import { describe, expect, it } from 'vitest';
import {
  codeOf,
  expectNoPollution,
  expectOwnError,
  firstUnsafe,
  isUnsafe,
  outcomeOf,
} from './outcome.js';

class OwnError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly span?: readonly [number, number],
  ) {
    super(message);
  }
}
const CONTRACT = { type: OwnError, codes: ['bad'] };

describe('unsafe characters', () => {
  it('are the ones the issue lists, and not their neighbours', () => {
    for (const c of [0, 0x1f, 0x7f, 0x9b, 0xad, 0x61c, 0x200e, 0x202e, 0x2066, 0xfeff, 0xe0041])
      expect(isUnsafe(c), c.toString(16)).toBe(true);
    for (const c of [0x20, 0x7e, 0xa0, 0x200c, 0x200d, 0x202f, 0x1f600, 0xe0080])
      expect(isUnsafe(c), c.toString(16)).toBe(false);
    expect(firstUnsafe('ok \u202eevil')).toBe('U+202E at 3');
    expect(firstUnsafe('emoji \u{1F600} and \u200d')).toBeUndefined();
    expect(firstUnsafe('half \ud800')).toBe('U+D800 at 5');
  });
});

describe('own errors', () => {
  it('pass when well formed, and fail with a foreign error, an unknown code or a raw character', () => {
    expect(outcomeOf(() => 1, CONTRACT)).toBe(1);
    expect(
      outcomeOf(
        () => {
          throw new OwnError('bad', 'fine', [0, 2]);
        },
        CONTRACT,
        'ab',
      ),
    ).toMatchObject({ code: 'bad' });
    expect(() => expectOwnError(new TypeError('x'), CONTRACT)).toThrow(TypeError);
    expect(() => expectOwnError(new OwnError('other', 'x'), CONTRACT)).toThrow();
    expect(() => expectOwnError(new OwnError('bad', 'raw \u202e'), CONTRACT)).toThrow(/U\+202E/);
    expect(() => expectOwnError(new OwnError('bad', 'x', [0, 3]), CONTRACT, 'ab')).toThrow();
  });

  it('give the code of what a function throws', () => {
    expect(codeOf(() => 1)).toBe('ok');
    expect(
      codeOf(() => {
        throw new OwnError('bad', 'x');
      }),
    ).toBe('bad');
    expect(() =>
      codeOf(() => {
        throw new Error('no code');
      }),
    ).toThrow('no code');
  });

  it('notice a write to Object.prototype', () => {
    expectNoPollution();
    (Object.prototype as Record<string, unknown>).polluted = 1;
    try {
      expect(() => expectNoPollution()).toThrow();
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
  });
});
