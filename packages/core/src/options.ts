// The arguments of every package's functions, checked the same way: wrong types are TypeErrors,
// wrong values RangeErrors, and every message starts with the name of what was wrong. Options
// are checked like parameters: a misspelt or unknown option is an error, never silently ignored.
import { describeValue } from './text.js';

/** Checks one option's value (never undefined); throws a TypeError or RangeError naming `name`. */
export type OptionCheck = (value: unknown, name: string) => void;

/** `true` or `false`: `'false'`, `0` or `[]` do not pass for a flag. */
export const isBoolean: OptionCheck = (value, name) => {
  if (typeof value !== 'boolean')
    throw new TypeError(`${name} must be true or false, got ${describeValue(value)}`);
};

/** Checks an option is a function: a `TypeError` naming it otherwise. */
export const isFunction: OptionCheck = (value, name) => {
  if (typeof value !== 'function')
    throw new TypeError(`${name} must be a function, got ${describeValue(value)}`);
};

/** Checks an option is an array: a `TypeError` naming it otherwise. */
export const isArray: OptionCheck = (value, name) => {
  if (!Array.isArray(value))
    throw new TypeError(`${name} must be an array, got ${describeValue(value)}`);
};

/** Checks an option is a string: a `TypeError` naming it otherwise. */
export const isString: OptionCheck = (value, name) => {
  if (typeof value !== 'string')
    throw new TypeError(`${name} must be a string, got ${describeValue(value)}`);
};

/** An option whose value the function checks itself, where it is used. */
export const checkedWhereUsed: OptionCheck = () => {};

/**
 * The options object `value` of a function, every option in it checked by `checks`: omitted,
 * it is `{}`; anything but an object, or an option `checks` does not know (a misspelling), is a
 * TypeError naming it; a known option goes through its check. Options are read as `for…in`
 * sees them, inherited ones too, so none is ever silently dropped. Returns the defined ones.
 */
export const readOptions = <T extends object>(
  name: string,
  value: unknown,
  checks: { readonly [K in keyof T]-?: OptionCheck },
): Partial<T> => {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new TypeError(`${name} must be an object, got ${describeValue(value)}`);
  const options: Record<string, unknown> = {};
  for (const key in value) {
    const check = Object.hasOwn(checks, key)
      ? (checks as Record<string, OptionCheck>)[key]
      : undefined;
    if (check === undefined)
      throw new TypeError(
        `${name} has no option ${describeValue(key)}; the options are ${Object.keys(checks).join(', ')}`,
      );
    const option = (value as Record<string, unknown>)[key];
    if (option === undefined) continue;
    check(option, `${name}.${key}`);
    options[key] = option;
  }
  return options as Partial<T>;
};

const HEX = /^(?:[0-9a-fA-F]{2})*$/;

/** Bytes given as a Uint8Array or a hex string, optionally of an exact length; always a copy. */
export const bytesParam = (name: string, value: unknown, length?: number): Uint8Array => {
  let bytes: Uint8Array;
  if (value instanceof Uint8Array) bytes = value.slice();
  else if (typeof value === 'string') {
    if (!HEX.test(value)) throw new RangeError(`${name} must be hex, got ${describeValue(value)}`);
    bytes = new Uint8Array(value.length / 2);
    for (let i = 0; i < bytes.length; i++)
      bytes[i] = Number.parseInt(value.slice(2 * i, 2 * i + 2), 16);
  } else {
    throw new TypeError(
      `${name} must be a Uint8Array or a hex string, got ${describeValue(value)}`,
    );
  }
  if (length !== undefined && bytes.length !== length)
    throw new RangeError(`${name} must be ${length} bytes, got ${bytes.length}`);
  return bytes;
};

/** An integer number in [min, max]. */
export const integerParam = (name: string, value: unknown, min: number, max: number): number => {
  if (typeof value !== 'number')
    throw new TypeError(`${name} must be a number, got ${describeValue(value)}`);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(
      `${name} must be an integer from ${min} to ${max}, got ${describeValue(value)}`,
    );
  }
  return value;
};
