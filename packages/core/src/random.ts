// @lninvoice/core/random: randomness from the platform's CSPRNG (Web Crypto), present in browsers,
// Node, Deno and Bun; a clear error where it is missing (React Native without a polyfill).
type RandomSource = { getRandomValues?: (array: Uint8Array) => Uint8Array };

/** `length` random bytes; `hint` says which parameter the caller can pass instead. */
export const randomBytes = (length: number, hint = 'paymentSecret and preimage'): Uint8Array => {
  const crypto = (globalThis as { crypto?: RandomSource }).crypto;
  if (typeof crypto?.getRandomValues !== 'function') {
    throw new Error(
      `crypto.getRandomValues is not available here: pass ${hint} yourself, or install a polyfill (e.g. react-native-get-random-values)`,
    );
  }
  return crypto.getRandomValues(new Uint8Array(length));
};
