// The pieces of a view for people (`decode --human`): amounts in sat and BTC from exact msat,
// times as dates and as "in 12 minutes", untrusted text escaped, and aligned lines.
import { formatDecimal } from '@lninvoice/core/amount';
import { showText, unsafeKind } from '@lninvoice/core/text';

/** Millisatoshis as people read them, exactly: `250000 sat (0.0025 BTC)`, `0.001 sat (…)`. */
export const amountText = (msat: bigint): string =>
  `${formatDecimal(msat, 3)} sat (${formatDecimal(msat, 11)} BTC)`;

/** The latest time a Date holds (year 275760): later times are written as seconds only. */
const MAX_DATE_SECONDS = 8.64e12;

/** `seconds` since 1970 as `2017-06-01T10:58:38Z`, or as `<seconds> s after 1970` past Date's range. */
export const isoTime = (seconds: bigint): string =>
  seconds > BigInt(MAX_DATE_SECONDS)
    ? `${seconds} s after 1970`
    : new Date(Number(seconds) * 1000).toISOString().replace('.000Z', 'Z');

const UNITS: readonly [name: string, seconds: bigint][] = [
  ['year', 31_536_000n],
  ['day', 86_400n],
  ['hour', 3_600n],
  ['minute', 60n],
  ['second', 1n],
];

/** A span of seconds in its largest whole unit: `9 years`, `12 minutes`, `1 second`. */
export const duration = (seconds: bigint): string => {
  const [name, size] = UNITS.find(([, size]) => seconds >= size) ?? ['second', 1n];
  const count = seconds / size;
  return `${count} ${name}${count === 1n ? '' : 's'}`;
};

/** When `at` is, seen from `now`: `expires in 12 minutes` or `expired 9 years ago`. */
export const expiryText = (at: bigint, now: bigint): string =>
  at > now ? `expires in ${duration(at - now)}` : `expired ${duration(now - at)} ago`;

/** Untrusted text as the view shows it: JSON-quoted, unsafe characters as `\uXXXX` (showText). */
export const quoted = (text: string): string => showText(text, 1000);

/** The kinds of unsafe characters `text` holds (`bidi`, `control`, `invisible`), for a warning. */
export const unsafeKinds = (text: string): string[] => {
  const kinds = new Set<string>();
  for (const c of text) {
    const kind = unsafeKind(c.codePointAt(0) as number);
    if (kind !== undefined) kinds.add(kind);
  }
  return [...kinds].sort();
};

/** `label  value` lines, the values aligned; rows without a value are left out. */
export const table = (rows: readonly (readonly [string, string | undefined])[]): string => {
  const shown = rows.filter((row): row is [string, string] => row[1] !== undefined);
  const width = Math.max(...shown.map(([label]) => label.length));
  return shown.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n');
};
