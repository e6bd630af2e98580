// JSON for test inputs: what fast-check generates (bigints, bytes, undefined, odd numbers) written
// so that a saved counterexample reads back as the very same value.

type Tagged =
  | { $hole: true }
  | { $bigint: string }
  | { $bytes: string }
  | { $undefined: true }
  | { $number: 'NaN' | 'Infinity' | '-Infinity' | '-0' };

const TAGS = new Set(['$hole', '$bigint', '$bytes', '$undefined', '$number']);

const toHex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

const fromHex = (hex: string): Uint8Array =>
  Uint8Array.from(hex.match(/../g) ?? [], (h) => Number.parseInt(h, 16));

/** A JSON-safe form of `value`. */
export const encodeValue = (value: unknown): unknown => {
  if (typeof value === 'bigint') return { $bigint: value.toString() } satisfies Tagged;
  if (value instanceof Uint8Array) return { $bytes: toHex(value) } satisfies Tagged;
  if (value === undefined) return { $undefined: true } satisfies Tagged;
  if (typeof value === 'number' && !Number.isFinite(value))
    return { $number: String(value) as 'NaN' } satisfies Tagged;
  if (Object.is(value, -0)) return { $number: '-0' } satisfies Tagged;
  // Holes of sparse arrays stay holes (JSON would make them null, another input).
  if (Array.isArray(value))
    return Array.from(value.keys(), (i) => (i in value ? encodeValue(value[i]) : { $hole: true }));
  if (value !== null && typeof value === 'object') {
    // Own keys only, `__proto__` included, as data: a hostile key must survive the round trip.
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      Object.defineProperty(out, key, {
        value: encodeValue((value as Record<string, unknown>)[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
};

/** The value `encodeValue` wrote. Objects come back with their own keys (JSON.parse's rule). */
const isHole = (json: unknown): boolean =>
  typeof json === 'object' && json !== null && Object.keys(json).join() === '$hole';

export const decodeValue = (json: unknown): unknown => {
  if (Array.isArray(json)) {
    const out: unknown[] = new Array(json.length);
    json.forEach((item, i) => {
      if (!isHole(item)) out[i] = decodeValue(item);
    });
    return out;
  }
  if (json === null || typeof json !== 'object') return json;
  const keys = Object.keys(json);
  const only = keys.length === 1 ? keys[0] : undefined;
  if (only !== undefined && TAGS.has(only)) {
    const tag = json as Tagged;
    if ('$bigint' in tag) return BigInt(tag.$bigint);
    if ('$bytes' in tag) return fromHex(tag.$bytes);
    if ('$undefined' in tag) return undefined;
    if ('$number' in tag) return tag.$number === '-0' ? -0 : Number(tag.$number);
  }
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    Object.defineProperty(out, key, {
      value: decodeValue((json as Record<string, unknown>)[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
};
