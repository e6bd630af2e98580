// RRSIG times are seconds since 1970 modulo 2^32, compared by "serial number arithmetic, as
// defined in RFC 1982" (RFC 4034 section 3.1.5), so that they keep working after 2106.

/** `time - now` in seconds, for a 32-bit `time` read as the value within 68 years of `now`. */
export const secondsFrom = (now: number, time: number): number => {
  const difference = (time - (now % 2 ** 32) + 2 ** 32) % 2 ** 32;
  return difference >= 2 ** 31 ? difference - 2 ** 32 : difference;
};

/** An instant for messages, e.g. "2025-08-21T12:05:18Z". */
export const formatTime = (now: number, time: number): string =>
  new Date((now + secondsFrom(now, time)) * 1000).toISOString().replace('.000Z', 'Z');
