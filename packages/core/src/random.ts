// Randomness from the platform's CSPRNG (Web Crypto), present in browsers, Node, Deno and Bun.
type RandomSource = { getRandomValues?: (array: Uint8Array) => Uint8Array };

export const randomBytes = (length: number): Uint8Array => {
  const crypto = (globalThis as { crypto?: RandomSource }).crypto;
  if (typeof crypto?.getRandomValues !== 'function') {
    throw new Error(
      'crypto.getRandomValues is not available here: pass paymentSecret and preimage yourself, or install a polyfill (e.g. react-native-get-random-values)',
    );
  }
  return crypto.getRandomValues(new Uint8Array(length));
};
