// Bech32 for tests, on @scure/base (an implementation independent of the one under test): a
// string edited by a property test gets a valid checksum again, so that it reaches the checks
// behind the checksum.
import { bech32 } from '@scure/base';

const CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

/**
 * `text` with its last 6 characters replaced by the bech32 checksum of the rest (lowercased);
 * unchanged when it has no `1`, a character outside the alphabet after it, or a prefix that is
 * not printable ASCII.
 */
export const withValidChecksum = (text: string): string => {
  const lower = text.toLowerCase();
  const separator = lower.lastIndexOf('1');
  const data = [...lower.slice(separator + 1, -6)].map((c) => CHARSET.indexOf(c));
  if (separator < 0 || data.some((w) => w < 0)) return text;
  try {
    return bech32.encode(lower.slice(0, separator), data, false);
  } catch {
    return text; // a prefix bech32 cannot have (not printable ASCII): readers refuse it first
  }
};
