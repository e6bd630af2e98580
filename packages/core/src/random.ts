// @lninvoice/core/random: randomness from the platform's CSPRNG (Web Crypto), present in browsers,
// Node, Deno and Bun; a clear error where it is missing (React Native without a polyfill), read on
// each call so that a polyfill installed after the import counts. Every random byte the libraries
// use comes from here.
type RandomSource = { getRandomValues?: (array: Uint8Array) => Uint8Array };

/**
 * `length` random bytes from `crypto.getRandomValues`. Where it is missing, an Error names it and
 * says what to do: `hint`, the caller's way around it (`pass paymentSecret yourself`), or a polyfill.
 */
export const randomBytes = (length: number, hint?: string): Uint8Array => {
  const crypto = (globalThis as { crypto?: RandomSource }).crypto;
  if (typeof crypto?.getRandomValues !== 'function') {
    throw new Error(
      `crypto.getRandomValues is not available here: ${hint === undefined ? '' : `${hint}, or `}install a polyfill (e.g. react-native-get-random-values)`,
    );
  }
  return crypto.getRandomValues(new Uint8Array(length));
};
