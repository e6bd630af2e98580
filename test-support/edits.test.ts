// The edits and stretches the property tests of the packages start from.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { applyEdit, edited, replaced, stretch, stretched } from './edits.js';

it('applies each kind of edit where it says, wrapping the position', () => {
  expect(applyEdit('abc', { kind: 'replace', at: 4, text: 'XY' })).toBe('aXYc');
  expect(applyEdit('abc', { kind: 'insert', at: 0, text: '%' })).toBe('%abc');
  expect(applyEdit('abcdef', { kind: 'delete', at: 1, text: 'zz' })).toBe('aef');
  expect(applyEdit('abc', { kind: 'case', at: 2, text: '' })).toBe('abC');
  expect(applyEdit('a€c', { kind: 'escape', at: 1, text: '' })).toBe('a%e2%82%acc');
  expect(applyEdit('a\ud800', { kind: 'escape', at: 1, text: '' })).toBe('a\ud800');
  expect(applyEdit('', { kind: 'replace', at: 3, text: 'x' })).toBe('x');
});

it('edits one of the samples', () => {
  for (const text of fc.sample(edited(['sample'], fc.constant('!')), { seed: 1, numRuns: 50 }))
    expect(text).not.toBe('sample');
});

it('stretches a run to the size asked for', () => {
  expect(stretch('a0.01', { at: 3, length: 1, fragment: undefined, size: 4 })).toBe('a0.000001');
  expect(stretch('ab', { at: 0, length: 1, fragment: '%', size: 3 })).toBe('%%%ab');
  for (const text of fc.sample(stretched(['0.001'], fc.constant('%')), { seed: 2, numRuns: 20 }))
    expect(text.length).toBeGreaterThanOrEqual(1 << 16);
});

it('replaces one value anywhere, copying the path and defining __proto__ as data', () => {
  const root = { a: [1, { b: 2 }], c: 3 };
  expect(replaced(root, ['a', 1, 'b'], 'x')).toEqual({ a: [1, { b: 'x' }], c: 3 });
  expect(root.a[1]).toEqual({ b: 2 });
  const hostile = replaced(root, ['__proto__'], { polluted: 1 }) as Record<string, unknown>;
  expect(Object.keys(hostile)).toContain('__proto__');
  expect(hostile.polluted).toBeUndefined();
  expect(replaced(root, [], null)).toBeNull();
});
