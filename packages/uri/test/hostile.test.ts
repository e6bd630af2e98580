// Hostile input: whatever the string, the parsers return a result or throw a UriError with a span
// inside the input and a message safe for a terminal; nothing pollutes a prototype.
import fc from 'fast-check';
import { expectNoHang } from 'test-support/hang';
import { expectNoPollution, expectSafeText } from 'test-support/outcome';
import { checkProperty } from 'test-support/property';
import { describe, expect, it } from 'vitest';
import { type BitcoinUri, parseInput, parseUri } from '../src/index.js';
import { pieces } from './helpers/arbitraries.js';
import { ADDRESS, blamed, errorOf, INVOICE, OFFER } from './helpers/index.js';
import { survives } from './helpers/outcome.js';

describe('hostile input', () => {
  it('reads 10 kB query strings (100 kB amounts) in either of their shapes, or rejects them with a UriError', () => {
    const long = 'x'.repeat(10_000);
    const uri = parseUri(
      `bitcoin:${ADDRESS}?label=${long}&${long}=1&r=${'%41'.repeat(3000)}`,
    ) as BitcoinUri;
    expect(uri.label).toHaveLength(10_000);
    expect(uri.unknown[long]).toEqual(['1']);
    expect(uri.unknown.r?.[0]).toBe('A'.repeat(3000));
    const many = parseUri(`bitcoin:?${'lightning=lnbc1x&'.repeat(1000)}`) as BitcoinUri;
    expect(many.lightning).toHaveLength(1000);
    for (const hostile of [
      `bitcoin:${ADDRESS}?amount=${'9'.repeat(10_000)}`,
      `bitcoin:${ADDRESS}?amount=0.${'0'.repeat(10_000)}1`,
      // Trailing zeros were trimmed with /0+$/, quadratic in a run of zeros: 3.6 s for this one.
      `bitcoin:${ADDRESS}?amount=0.${'0'.repeat(100_000)}1`,
      `bitcoin:${ADDRESS}?${'&'.repeat(10_000)}label=%`,
      `lightning:${INVOICE.repeat(50)}`,
      `${'₿'.repeat(5000)}@example.com`,
      `02${'a'.repeat(64)}@[${':'.repeat(10_000)}]`,
      `lnurlp://${'a'.repeat(10_000)}`,
      `${OFFER}${'+ '.repeat(5000)}q`,
    ]) {
      // Each at most 9.5 ms (re-measured with HANG_TIMINGS); a hang guard, not a speed test.
      expectNoHang(() => survives(hostile), 10, hostile.slice(0, 40));
    }
  });

  it.each([
    ['label=%', 'invalid-percent-encoding', '%'],
    ['label=abc%', 'invalid-percent-encoding', '%'],
    ['label=%A', 'invalid-percent-encoding', '%A'],
    ['label=%%41', 'invalid-percent-encoding', '%%4'],
    ['label=%C3', 'invalid-utf8', '%C3'],
    ['label=%E2%82', 'invalid-utf8', '%E2%82'],
    ['label=%80', 'invalid-utf8', '%80'],
    ['label=%C0%80', 'invalid-utf8', '%C0%80'],
    ['label=%ED%A0%80', 'invalid-utf8', '%ED%A0%80'],
    ['label=%F4%90%80%80', 'invalid-utf8', '%F4%90%80%80'],
    ['message=%FE%FF', 'invalid-utf8', '%FE%FF'],
    ['%C3=1', 'invalid-utf8', '%C3'],
  ])('%s fails with %s', (query, code, part) => {
    const input = `bitcoin:${ADDRESS}?${query}`;
    const error = errorOf(() => parseUri(input));
    expect(error.code).toBe(code);
    expect(blamed(input, error)).toBe(part);
  });

  it('rejects repeated single keys and keeps repeated other keys', () => {
    for (const key of ['amount', 'label', 'message', 'pop']) {
      expect(
        errorOf(() => parseUri(`bitcoin:${ADDRESS}?${key}=1&${key.toUpperCase()}=1`)).code,
      ).toBe(`duplicate-${key}`);
    }
    expect((parseUri(`bitcoin:${ADDRESS}?x=1&X=2&x=3`) as BitcoinUri).unknown.x).toEqual([
      '1',
      '2',
      '3',
    ]);
  });

  it('keeps __proto__, constructor and other Object.prototype names as data, polluting nothing', () => {
    // Keys are lowercased: the names that stay dangerous are the lowercase ones.
    const keys = ['__proto__', 'constructor', 'prototype', 'valueof'];
    const query = keys.map((k, i) => `${k}=${i}&${encodeURIComponent(k)}=x`).join('&');
    const input = `bitcoin:${ADDRESS}?${query}&__proto__%5Bpolluted%5D=1&a=%5F%5Fproto%5F%5F`;
    const uri = parseUri(input) as BitcoinUri;
    expect(Object.getPrototypeOf(uri.unknown)).toBeNull();
    expect(Object.keys(uri.unknown)).toEqual([...keys, '__proto__[polluted]', 'a']);
    for (const [i, k] of keys.entries()) expect(uri.unknown[k]).toEqual([String(i), 'x']);
    expect(uri.unknown.a).toEqual(['__proto__']);
    expect(JSON.stringify(uri.unknown)).toContain('"__proto__":["0","x"]');
    expectNoPollution();
  });

  it('escapes control and bidirectional characters in messages', () => {
    const error = errorOf(() => parseInput('\u001b[31mred\u202Eevil\u0085'));
    expect(error.message).toContain('\\u001b[31mred\\u202eevil\\u0085');
    expectSafeText(error.message);
  });

  it('never throws anything but a UriError, on any string (property)', () => {
    checkProperty('hostile-pieces', fc.property(pieces, survives), { seed: 20260, numRuns: 2000 });
    checkProperty(
      'hostile-binary-strings',
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), survives),
      { seed: 4242, numRuns: 1000 },
    );
    expectNoPollution();
  });
});
