// What a check hands back: plain JSON, built the same way in every runtime, so that the results
// of Node, the bare V8 context and Chromium can be compared with one deep equality. Bigints and
// bytes get tagged strings, so JSON cannot confuse them with numbers and text.
// Runs inside the sandbox and the browser: no Node API here.

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/** One vector's outcome: whether it met its expectation, and everything the library returned. */
export interface Result {
  readonly id: string;
  readonly pass: boolean;
  readonly got: Plain;
}

const hex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** `value` as JSON data: `12n` for bigints, `bytes:<hex>` for byte arrays, errors by their fields. */
export const plain = (value: unknown): Plain => {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'bigint':
      return `${value}n`;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'boolean':
    case 'string':
      return value;
    case 'function':
    case 'symbol':
      return `[${typeof value}]`;
  }
  // ArrayBuffer.isView, not instanceof: a view made by another realm (a host's TextEncoder) counts.
  if (ArrayBuffer.isView(value))
    return `bytes:${hex(new Uint8Array(value.buffer, value.byteOffset, value.byteLength))}`;
  if (Array.isArray(value)) return value.map(plain);
  if (value instanceof Map) return [...value].map(plain);
  if (value instanceof Set) return [...value].map(plain);
  const object: { [key: string]: Plain } = {};
  // An error's name and message are not enumerable; they are part of what it says.
  if (value instanceof Error) Object.assign(object, { name: value.name, message: value.message });
  for (const [key, field] of Object.entries(value)) {
    if (field !== undefined) object[key] = plain(field);
  }
  return object;
};

export type Outcome = { value: Plain } | { error: Plain };

/** What `run` returned, or the error it threw. */
export const attempt = (run: () => unknown): Outcome => {
  try {
    return { value: plain(run()) };
  } catch (error) {
    return { error: plain(error) };
  }
};

/** What `run` resolved to, or the error it threw or rejected with. */
export const attemptAsync = async (run: () => Promise<unknown>): Promise<Outcome> => {
  try {
    return { value: plain(await run()) };
  } catch (error) {
    return { error: plain(error) };
  }
};

/** The `code` of a thrown error (`attempt`'s view), or undefined when nothing was thrown. */
export const codeOf = (outcome: Outcome): Plain | undefined =>
  'error' in outcome && outcome.error !== null && typeof outcome.error === 'object'
    ? (outcome.error as { [key: string]: Plain }).code
    : undefined;

const isObject = (value: unknown): value is { [key: string]: unknown } =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether `actual` has every field of `expected` with an equal value (vitest's toMatchObject:
 * objects may have more fields, arrays must have the same length).
 */
export const matches = (actual: unknown, expected: unknown): boolean => {
  if (Array.isArray(expected))
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, i) => matches(actual[i], item))
    );
  if (isObject(expected))
    return isObject(actual) && Object.keys(expected).every((k) => matches(actual[k], expected[k]));
  return Object.is(actual, expected);
};

/** Deep equality of JSON data (vitest's toEqual on what `plain` gives: key order is free). */
export const equals = (a: unknown, b: unknown): boolean => {
  if (Array.isArray(a) || Array.isArray(b))
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => equals(item, b[i]))
    );
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => equals(a[k], b[k]));
  }
  return Object.is(a, b);
};
