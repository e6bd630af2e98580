// How the commands print library values as JSON: one casing, snake_case like lncli and like the
// JSON views of decode and validate, whatever the library names its fields.

/** Objects whose keys are data, not field names (a URI's unknown parameters): kept as written. */
const DATA_KEYS = new Set(['unknown']);

/** `witnessVersion` → `witness_version`, `bip353Name` → `bip353_name`, `dnsName` → `dns_name`. */
export const snakeCase = (key: string): string =>
  key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/**
 * The replacer of JSON.stringify for what a command prints: bigints as decimal strings, bytes as
 * hex, and every key of a plain object in snake_case (JSON.stringify calls it on each object
 * before its members, so the members of the renamed copy are replaced in turn).
 */
export const jsonValue = (key: string, value: unknown): unknown => {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString('hex');
  if (!isPlainObject(value) || DATA_KEYS.has(key)) return value;
  const renamed: Record<string, unknown> = {};
  for (const [name, member] of Object.entries(value)) renamed[snakeCase(name)] = member;
  return renamed;
};
