// Pieces of signatures for the elliptic-curve cross-checks.
import { bytesToHex as hex } from '@noble/hashes/utils.js';
import fc from 'fast-check';
import { CURVE_ORDER as N } from '../../src/secp256k1.js';

export const bytes32 = fc.uint8Array({ minLength: 32, maxLength: 32 });

/** A scalar as 32 big-endian bytes. */
export const toBytes = (n: bigint): Uint8Array =>
  Uint8Array.from(Buffer.from(n.toString(16).padStart(64, '0'), 'hex'));

/** The same signature with S replaced by n - S: the high-S twin of a low-S signature. */
export const flipS = (signature: Uint8Array): Uint8Array => {
  const s = BigInt(`0x${hex(signature.subarray(32))}`);
  return Uint8Array.from([...signature.subarray(0, 32), ...toBytes(N - s)]);
};
