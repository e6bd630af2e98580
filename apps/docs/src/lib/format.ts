// Values shown to people: bytes as hex, amounts in every unit, times in UTC.

export const hex = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** An exact decimal of `value / 10^decimals`, without trailing zeros. */
const decimal = (value: bigint, decimals: number): string => {
  const scale = 10n ** BigInt(decimals);
  const whole = value / scale;
  const fraction = (value % scale).toString().padStart(decimals, '0').replace(/0+$/, '');
  return fraction === '' ? whole.toString() : `${whole}.${fraction}`;
};

/** `250000000 msat (250000 sat, 0.0025 BTC)`: exact, never through floating point. */
export const formatMsat = (msat: bigint): string =>
  `${msat} msat (${decimal(msat, 3)} sat, ${decimal(msat, 11)} BTC)`;

/** `2017-06-01T10:57:38Z (1496314658)`. */
export const formatTime = (seconds: number): string => {
  const date = new Date(seconds * 1000);
  const iso = Number.isNaN(date.getTime())
    ? 'out of range'
    : date.toISOString().replace('.000Z', 'Z');
  return `${iso} (${seconds})`;
};

/** `3600 s (1 h)`. */
export const formatDuration = (seconds: number): string => {
  const units: [number, string][] = [
    [86400, 'd'],
    [3600, 'h'],
    [60, 'min'],
  ];
  const unit = units.find(([size]) => seconds >= size && seconds % size === 0);
  return unit === undefined ? `${seconds} s` : `${seconds} s (${seconds / unit[0]} ${unit[1]})`;
};

/** A whole number of millisatoshis typed by a person: digits only. */
export const parseMsat = (text: string): bigint | undefined => {
  const trimmed = text.trim().replace(/[_\s]/g, '');
  return /^\d+$/.test(trimmed) ? BigInt(trimmed) : undefined;
};
