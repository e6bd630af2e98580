// Inputs for property tests that start from valid samples: random text rarely gets past the
// first check of a parser, a sample with a few edits reaches the checks behind it. Samples with a
// run of characters stretched to a huge size: the shape that makes a backtracking regex or a
// nested scan take quadratic time. And objects with one value replaced, anywhere.
import fc from 'fast-check';

export interface Edit {
  readonly kind: 'replace' | 'insert' | 'delete' | 'case' | 'escape';
  /** Where, modulo the length of the text. */
  readonly at: number;
  /** What `replace` and `insert` put there; its length is how many more `delete` removes. */
  readonly text: string;
}

/** `char` as the percent-escapes of its UTF-8 bytes; half a surrogate pair has none. */
const percentEscaped = (char: string): string =>
  /^[\ud800-\udfff]?$/.test(char)
    ? char
    : Array.from(new TextEncoder().encode(char), (b) => `%${b.toString(16).padStart(2, '0')}`).join(
        '',
      );

/** `text` with `edit` applied. */
export const applyEdit = (text: string, { kind, at, text: piece }: Edit): string => {
  const i = text.length === 0 ? 0 : at % text.length;
  const char = text.charAt(i);
  const rest = text.slice(i + 1);
  if (kind === 'replace') return text.slice(0, i) + piece + rest;
  if (kind === 'insert') return text.slice(0, i) + piece + text.slice(i);
  if (kind === 'delete') return text.slice(0, i) + rest.slice(piece.length % 4);
  if (kind === 'case') {
    const other = char === char.toUpperCase() ? char.toLowerCase() : char.toUpperCase();
    return text.slice(0, i) + other + rest;
  }
  return text.slice(0, i) + percentEscaped(char) + rest;
};

/** One edit, inserting or replacing with `pieces` or a few random characters. */
export const edit = (pieces: fc.Arbitrary<string>): fc.Arbitrary<Edit> =>
  fc.record({
    kind: fc.constantFrom('replace', 'insert', 'delete', 'case', 'escape'),
    at: fc.nat(),
    text: fc.oneof(pieces, fc.string({ unit: 'binary', maxLength: 3 })),
  });

/** One of `samples` with one to `maxEdits` edits. */
export const edited = (
  samples: readonly string[],
  pieces: fc.Arbitrary<string>,
  maxEdits = 4,
): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom(...samples),
      fc.array(edit(pieces), { minLength: 1, maxLength: maxEdits }),
    )
    .map(([sample, edits]) => edits.reduce(applyEdit, sample));

export interface Stretch {
  /** Where the run goes, modulo the length of the text. */
  readonly at: number;
  /** How many characters of the text, from `at`, are repeated (when there is no `fragment`). */
  readonly length: number;
  /** Repeated instead of the text's own characters. */
  readonly fragment: string | undefined;
  /** About how many characters the run has. */
  readonly size: number;
}

/** `text` with a run of its characters at `at` (or of `fragment`) of about `size` characters. */
export const stretch = (text: string, { at, length, fragment, size }: Stretch): string => {
  const i = text.length === 0 ? 0 : at % text.length;
  const unit = fragment || text.slice(i, i + length) || 'x';
  return text.slice(0, i) + unit.repeat(Math.ceil(size / unit.length)) + text.slice(i);
};

/**
 * How to stretch a text: mostly one to three of its own characters, one time in four a fragment
 * of `pieces`; the size mostly 64 to 128 kB (where quadratic work already takes seconds, so many
 * runs stay cheap), one time in ten up to 1 MB.
 */
export const stretching = (pieces: fc.Arbitrary<string>): fc.Arbitrary<Stretch> =>
  fc.record({
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 3 }),
    fragment: fc.oneof(
      { weight: 3, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: pieces },
    ),
    size: fc.oneof(
      { weight: 9, arbitrary: fc.integer({ min: 1 << 16, max: 1 << 17 }) },
      { weight: 1, arbitrary: fc.integer({ min: 1 << 19, max: 1 << 20 }) },
    ),
  });

/** One of `samples`, stretched. */
export const stretched = (
  samples: readonly string[],
  pieces: fc.Arbitrary<string>,
): fc.Arbitrary<string> =>
  fc
    .tuple(fc.constantFrom(...samples), stretching(pieces))
    .map(([sample, how]) => stretch(sample, how));

/**
 * A copy of `root` with `value` at `path` (copies along the path, the rest shared). The value is
 * defined, never assigned, so that `__proto__` is a key like any other.
 */
export const replaced = (
  root: unknown,
  path: readonly (string | number)[],
  value: unknown,
): unknown => {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy: object = Array.isArray(root) ? [...root] : { ...(root as object) };
  Object.defineProperty(copy, head, {
    value: replaced((root as Record<string | number, unknown> | undefined)?.[head], rest, value),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return copy;
};
