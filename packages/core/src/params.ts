// Checks of the parameters callers pass in. Wrong types are TypeErrors, wrong values RangeErrors;
// every message starts with the parameter's name and shows the value.

const HEX = /^(?:[0-9a-fA-F]{2})*$/;

/**
 * A short, safe picture of any value for an error message. Never throws, even for objects that
 * cannot be turned into strings (null prototypes, hostile toString).
 */
export const describe = (value: unknown): string => {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof Uint8Array) return `Uint8Array(${value.length})`;
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'object' && value !== null) {
    const name = Object.getPrototypeOf(value)?.constructor?.name;
    return typeof name === 'string' && name !== 'Object' ? `a ${name}` : 'an object';
  }
  return String(value); // numbers, booleans, symbols, null, undefined
};

/** Bytes given as a Uint8Array or a hex string, optionally of an exact length. */
export const bytesParam = (name: string, value: unknown, length?: number): Uint8Array => {
  let bytes: Uint8Array;
  if (value instanceof Uint8Array) bytes = value.slice();
  else if (typeof value === 'string') {
    if (!HEX.test(value)) throw new RangeError(`${name} must be hex, got ${describe(value)}`);
    bytes = new Uint8Array(value.length / 2);
    for (let i = 0; i < bytes.length; i++)
      bytes[i] = Number.parseInt(value.slice(2 * i, 2 * i + 2), 16);
  } else {
    throw new TypeError(`${name} must be a Uint8Array or a hex string, got ${describe(value)}`);
  }
  if (length !== undefined && bytes.length !== length) {
    throw new RangeError(`${name} must be ${length} bytes, got ${bytes.length}`);
  }
  return bytes;
};

/** An integer number in [min, max]. */
export const integerParam = (name: string, value: unknown, min: number, max: number): number => {
  if (typeof value !== 'number')
    throw new TypeError(`${name} must be a number, got ${describe(value)}`);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(
      `${name} must be an integer from ${min} to ${max}, got ${describe(value)}`,
    );
  }
  return value;
};

/** An options argument: omitted, or an object. */
export const optionsParam = <T extends object>(name: string, value: T | undefined): Partial<T> => {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null)
    throw new TypeError(`${name} must be an object, got ${describe(value)}`);
  return value;
};
