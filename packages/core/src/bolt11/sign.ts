// Signing: "MUST set `signature` to a valid compact ECDSA signature over secp256k1 of the SHA-256
// hash of: the human-readable part (as UTF-8 bytes) concatenated with the data part (excluding the
// signature), with 0 bits appended to pad to a byte boundary."

import { getPublicKey } from '@noble/secp256k1';
import { fastSecp256k1, fastVerifier } from '../ec/fast.js';
import { bytesParam, checkedWhereUsed, isBoolean, readOptions } from '../options.js';
import {
  type Secp256k1,
  type Secp256k1Verifier,
  signerParam,
  verifierParam,
} from '../secp256k1.js';
import { describeValue, toHex } from '../text.js';
import { Bolt11Error } from './error.js';
import type { InvoiceSignature, UnsignedInvoice } from './invoice.js';
import { writableInvoiceParam } from './invoice-params.js';
import { invoiceString, signedWords } from './serialize.js';
import { hasHighS, isValidCompact, isValidScalar, signingHash } from './signature.js';

/** The options of {@link signInvoice} and {@link signInvoiceWith}. */
export interface SignOptions {
  /** Write the invoice in upper case, for QR codes. */
  readonly uppercase?: boolean;
  /** The elliptic-curve implementation (default: `fastSecp256k1`). */
  readonly secp256k1?: Secp256k1;
}

const SIGN_OPTIONS = { uppercase: isBoolean, secp256k1: checkedWhereUsed } as const;

/** Signs a 32-byte hash somewhere else (an HSM, a remote node) and returns R || S and the recovery id. */
export type ExternalSigner = (hash: Uint8Array) =>
  | Promise<{
      /** R || S, 64 bytes. */
      signature: Uint8Array;
      /** 0-3: which key the signature recovers to. */
      recoveryId: number;
    }>
  | {
      /** R || S, 64 bytes. */
      signature: Uint8Array;
      /** 0-3: which key the signature recovers to. */
      recoveryId: number;
    };

/** The `n` key an unsigned invoice must be signed by, if it has one. */
const payeeKeyOf = (unsigned: UnsignedInvoice): Uint8Array | undefined => {
  const n = unsigned.payeeNodeKey;
  if (n !== undefined && !(n instanceof Uint8Array && n.length === 33))
    throw new TypeError(`unsigned.payeeNodeKey must be 33 bytes, got ${describeValue(n)}`);
  return n;
};

/** Checks an external signer's answer as a reader would check the invoice's signature. */
const checkSignerAnswer = (
  unsigned: UnsignedInvoice,
  hash: Uint8Array,
  signature: InvoiceSignature,
  secp: Secp256k1Verifier,
): void => {
  const n = payeeKeyOf(unsigned);
  if (n !== undefined) {
    if (hasHighS(signature)) {
      throw new Bolt11Error(
        'non-canonical-signature',
        'the signer returned a high-S signature, which readers reject when the invoice has an n field',
      );
    }
    if (!secp.verify(signature.compact, hash, n)) {
      throw new Bolt11Error(
        'invalid-signature',
        `the signature was not made by payeeNodeKey ${toHex(n)}`,
      );
    }
  } else if (secp.recoverPublicKey(signature.compact, signature.recoveryId, hash) === undefined) {
    throw new Bolt11Error(
      'invalid-signature',
      `no key can be recovered from the signature with recovery id ${signature.recoveryId}`,
    );
  }
};

/** The node key (33-byte compressed public key) of a private key: what `payeeNodeKey` must be. */
export const nodeKeyOf = (privateKey: Uint8Array | string): Uint8Array => {
  const key = bytesParam('privateKey', privateKey, 32);
  if (!isValidScalar(key)) throw new RangeError('privateKey is not a valid secp256k1 private key');
  return getPublicKey(key, true);
};

/**
 * Node keys of the private keys signing invoices with an `n` field, by the caller's own key array:
 * a server signs with one key, and deriving its node key each time would cost half a signature.
 * Weak, so nothing outlives the caller's key; the copy detects a key array changed in place.
 */
const nodeKeys = new WeakMap<Uint8Array, { key: Uint8Array; node: Uint8Array }>();

const nodeKeyOfCached = (privateKey: Uint8Array | string, key: Uint8Array): Uint8Array => {
  if (typeof privateKey === 'string') return getPublicKey(key, true);
  const known = nodeKeys.get(privateKey);
  if (known?.key.every((b, i) => b === key[i])) return known.node;
  const node = getPublicKey(key, true);
  nodeKeys.set(privateKey, { key, node });
  return node;
};

/**
 * Signs `unsigned` with a 32-byte private key (RFC 6979: the same invoice and key always give the
 * same string) and returns the invoice. With an `n` field, the key must be that node's.
 */
export const signInvoice = (
  unsigned: UnsignedInvoice,
  privateKey: Uint8Array | string,
  options?: SignOptions,
): string => {
  const { hrp, timestamp, fields } = writableInvoiceParam('unsigned', unsigned, 'createInvoice');
  const key = bytesParam('privateKey', privateKey, 32);
  if (!isValidScalar(key)) throw new RangeError('privateKey is not a valid secp256k1 private key');
  const { secp256k1, uppercase } = readOptions<SignOptions>('options', options, SIGN_OPTIONS);
  const secp = signerParam(secp256k1, fastSecp256k1);
  const signed = signedWords(timestamp, fields);
  const hash = signingHash(hrp, signed);
  // A valid key's RFC 6979 signature is low-S and recoverable; only its owner is in question.
  const n = payeeKeyOf(unsigned);
  if (n !== undefined && toHex(nodeKeyOfCached(privateKey, key)) !== toHex(n)) {
    throw new RangeError(`privateKey is not the key of payeeNodeKey ${toHex(n)}`);
  }
  const { signature: compact, recoveryId } = secp.sign(hash, key);
  return invoiceString(hrp, signed, { compact, recoveryId }, uppercase === true);
};

/**
 * Signs `unsigned` through `signer`, which receives the 32-byte hash to sign. Its answer is
 * written as given once checked: 64 bytes with R and S in range, a recovery id of 0-3 that
 * recovers a key, and, with an `n` field, a low-S signature by that key.
 */
export const signInvoiceWith = async (
  unsigned: UnsignedInvoice,
  signer: ExternalSigner,
  options?: SignOptions,
): Promise<string> => {
  if (typeof signer !== 'function')
    throw new TypeError(`signer must be a function, got ${describeValue(signer)}`);
  const { hrp, timestamp, fields } = writableInvoiceParam('unsigned', unsigned, 'createInvoice');
  const { secp256k1, uppercase } = readOptions<SignOptions>('options', options, SIGN_OPTIONS);
  const secp = verifierParam(secp256k1, fastVerifier);
  const signed = signedWords(timestamp, fields);
  const hash = signingHash(hrp, signed);
  const answer = await signer(hash.slice());
  const compact = answer?.signature;
  const recoveryId = answer?.recoveryId;
  if (!(compact instanceof Uint8Array) || compact.length !== 64) {
    throw new TypeError(
      `the signer must return a 64-byte signature (R || S), got ${describeValue(compact)}`,
    );
  }
  if (!Number.isInteger(recoveryId) || (recoveryId as number) < 0 || (recoveryId as number) > 3) {
    throw new TypeError(
      `the signer must return a recoveryId of 0-3, got ${describeValue(recoveryId)}`,
    );
  }
  if (!isValidCompact(compact)) {
    throw new Bolt11Error(
      'invalid-signature',
      'the signer returned R or S of zero or not below the curve order',
    );
  }
  const signature = { compact: compact.slice(), recoveryId: recoveryId as number };
  checkSignerAnswer(unsigned, hash, signature, secp);
  return invoiceString(hrp, signed, signature, uppercase === true);
};
