// Options and parameter objects of the public functions: checked to be objects before a field is
// read, so that a `null` is a TypeError naming the argument, not "Cannot read properties of null".

/** `value` when it is an object; `{}` when it is undefined; a TypeError naming `name` otherwise. */
export const optionsObject = <T extends object>(
  value: T | undefined,
  name: string,
): T | Partial<T> => {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null)
    throw new TypeError(`${name} must be an object, got ${value === null ? 'null' : typeof value}`);
  return value;
};
