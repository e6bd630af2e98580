// BOLT 11: "`signature`: compact ECDSA/secp256k1 signature of the above (520 bits: 64-byte R||S +
// 1-byte recovery id)", over "the SHA-256 hash of: the human-readable part (as UTF-8 bytes)
// concatenated with the data part (excluding the signature), with 0 bits appended to pad to a
// byte boundary."

import { etc } from '@noble/secp256k1';
import { wordsToBytes, wordsToPaddedBytes } from '../bech32.js';
import type { Span } from '../errors.js';
import { sha256 } from '../hash.js';
import { CURVE_ORDER } from '../secp256k1.js';
import { Bolt11Error } from './error.js';
import type { InvoiceSignature } from './invoice.js';

const ORDER = etc.numberToBytesBE(CURVE_ORDER);
const HALF_ORDER = etc.numberToBytesBE(CURVE_ORDER >> 1n);

/** a < b, both 32 big-endian bytes: compared as bytes, no bigint needed. */
const isBelow = (a: Uint8Array, b: Uint8Array): boolean => {
  for (let i = 0; i < 32; i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number);
  return false;
};

/** The hash the payee signed: computed over the words as written, never a re-serialisation. */
export const signingHash = (hrp: string, signedWords: Uint8Array): Uint8Array => {
  const body = wordsToPaddedBytes(signedWords);
  const preimage = new Uint8Array(hrp.length + body.length);
  for (let i = 0; i < hrp.length; i++) preimage[i] = hrp.charCodeAt(i);
  preimage.set(body, hrp.length);
  return sha256(preimage);
};

/** The 104 signature words as R||S and recovery id, with R and S in [1, n-1]. */
export const readSignature = (words: Uint8Array, span: Span): InvoiceSignature => {
  const bytes = wordsToBytes(words) as Uint8Array; // 520 bits: no padding to check
  const recoveryId = bytes[64] as number;
  // "followed by a trailing 1-byte recovery id in {0,1,2,3}"
  if (recoveryId > 3) {
    throw new Bolt11Error(
      'invalid-recovery-id',
      `signature recovery id is ${recoveryId}; it must be 0, 1, 2 or 3`,
      { span },
    );
  }
  const compact = bytes.slice(0, 64);
  if (!isValidCompact(compact)) {
    throw new Bolt11Error(
      'invalid-signature',
      'signature R or S is zero or not below the curve order',
      { span },
    );
  }
  return { compact, recoveryId };
};

/** A 32-byte big-endian integer in [1, n-1]: what a private key, R and S must be. */
export const isValidScalar = (bytes: Uint8Array): boolean =>
  bytes.length === 32 && bytes.some((b) => b !== 0) && isBelow(bytes, ORDER);

/** R and S of a 64-byte compact signature are both in [1, n-1]. */
export const isValidCompact = (compact: Uint8Array): boolean =>
  isValidScalar(compact.subarray(0, 32)) && isValidScalar(compact.subarray(32));

/** S above n/2: the form BIP 62 ("low-S") forbids. */
export const hasHighS = (signature: InvoiceSignature): boolean =>
  isBelow(HALF_ORDER, signature.compact.subarray(32));
