// RSASSA-PKCS1-v1_5 with SHA-256 through WebCrypto (browsers, Node, Deno, Bun): the platform's
// audited and fast implementation, where there is one.
import type { RsaKey } from './rsa-key.js';

/** The part of WebCrypto's SubtleCrypto used here (the package's lib has no DOM types). */
export interface Subtle {
  importKey(
    format: 'jwk',
    keyData: { kty: 'RSA'; n: string; e: string; ext: boolean },
    algorithm: { name: 'RSASSA-PKCS1-v1_5'; hash: 'SHA-256' },
    extractable: boolean,
    usages: ['verify'],
  ): Promise<unknown>;
  verify(
    algorithm: 'RSASSA-PKCS1-v1_5',
    key: unknown,
    signature: Uint8Array,
    data: Uint8Array,
  ): Promise<boolean>;
}

/** The platform's `crypto.subtle`, or undefined. Read on each use: a polyfill may come later. */
export const platformSubtle = (): Subtle | undefined =>
  (globalThis as { crypto?: { subtle?: Subtle } }).crypto?.subtle;

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** `bytes` as unpadded base64url (RFC 4648 section 5), as a JWK's `n` and `e` are (RFC 7518). */
const base64url = (bytes: Uint8Array): string => {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = ((bytes[i] as number) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(bytes.length - i, 3) + 1;
    for (let j = 0; j < chars; j++) out += BASE64URL.charAt((chunk >> (18 - 6 * j)) & 63);
  }
  return out;
};

/**
 * WebCrypto's verdict on `signature` of `data` under `key`. Throws when the platform refuses the
 * key (some refuse large exponents): the caller then computes the verdict itself.
 */
export const verifyRsaPkcs1WebCrypto = async (
  subtle: Subtle,
  key: RsaKey,
  data: Uint8Array,
  signature: Uint8Array,
): Promise<boolean> => {
  const imported = await subtle.importKey(
    'jwk',
    { kty: 'RSA', n: base64url(key.modulus), e: base64url(key.exponent), ext: true },
    { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    false,
    ['verify'],
  );
  return await subtle.verify('RSASSA-PKCS1-v1_5', imported, signature, data);
};
