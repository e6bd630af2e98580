// Signing an invoice request or invoice: BIP 340 over the signature hash of its records, with a
// private key (deterministic: 32 zero bytes of auxiliary randomness by default, as the spec's
// vector) or an external signer (a hardware wallet, a remote node), then read back and verified.

import { sha256 } from '@lninvoice/core/hash';
import { bytesParam, checkedWhereUsed, isFunction, readOptions } from '@lninvoice/core/options';
import { describeValue, equalBytes } from '@lninvoice/core/text';
import { hashes, schnorr } from '@noble/secp256k1';
import { decodeBytes } from './decode.js';
import { encodeBolt12 } from './encode.js';
import { Bolt12Error } from './error.js';
import { readContext } from './options.js';
import { verifySchnorr } from './signature.js';
import { writeTlvStream } from './tlv.js';
import type { UnsignedBolt12 } from './unsigned.js';
import { sortedRecords } from './write.js';

/** The options of {@link signBolt12} and {@link signBolt12With}. */
export interface SignBolt12Options {
  /** BIP 340 auxiliary randomness, 32 bytes (zeros by default: deterministic signatures). */
  readonly auxRand?: Uint8Array | string;
  /** Write the string in upper case (for QR codes). */
  readonly uppercase?: boolean;
}

/** Signs a 32-byte hash with BIP 340 under the key whose x coordinate is `publicKey`'s. */
export type Bolt12Signer = (
  hash: Uint8Array,
  publicKey: Uint8Array,
) => Promise<Uint8Array> | Uint8Array;

const unsignedParam = (value: unknown): UnsignedBolt12 => {
  const u = value as UnsignedBolt12;
  if (
    typeof value !== 'object' ||
    value === null ||
    (u.kind !== 'invoice_request' && u.kind !== 'invoice') ||
    !(u.signatureHash instanceof Uint8Array) ||
    !(u.signingKey instanceof Uint8Array) ||
    !Array.isArray(u.records)
  )
    throw new TypeError(
      `unsigned must be what createInvoiceRequest or createInvoice returned, got ${describeValue(value)}`,
    );
  return u;
};

/** The message with `signature` appended, read back with its signature verified, as a string. */
const finish = (unsigned: UnsignedBolt12, signature: Uint8Array, uppercase: boolean): string => {
  if (!verifySchnorr(signature, unsigned.signatureHash, unsigned.signingKey))
    throw new RangeError(
      "the signature does not verify under the message's signing key: the signer used another key",
    );
  // In order: records of experimental types (above 1000) come after the signature.
  const records = sortedRecords([...unsigned.records, { type: 240n, value: signature }]);
  try {
    // Read back: the records were checked when built; this also checks them as a whole again.
    decodeBytes(unsigned.kind, writeTlvStream(records), readContext());
  } catch (error) {
    if (error instanceof Bolt12Error)
      throw new RangeError(`unsigned: ${error.message}`, { cause: error });
    throw error;
  }
  return encodeBolt12({ kind: unsigned.kind, records }, { uppercase });
};

const OPTIONS = { auxRand: checkedWhereUsed, uppercase: checkedWhereUsed };

/**
 * Signs a built invoice request (with the payer's private key for `invreq_payer_id`) or invoice
 * (with the node's key for `invoice_node_id`) and returns its string.
 */
export const signBolt12 = (
  unsigned: UnsignedBolt12,
  privateKey: Uint8Array | string,
  options?: SignBolt12Options,
): string => {
  const message = unsignedParam(unsigned);
  const o = readOptions<SignBolt12Options>('options', options, OPTIONS);
  const key = bytesParam('privateKey', privateKey, 32);
  hashes.sha256 ??= sha256;
  let xOnly: Uint8Array;
  try {
    xOnly = schnorr.getPublicKey(key);
  } catch {
    throw new RangeError('privateKey is not a valid secp256k1 private key');
  }
  if (!equalBytes(xOnly, message.signingKey.subarray(1)))
    throw new RangeError(
      `privateKey is not the key of the message's ${message.kind === 'invoice' ? 'invoice_node_id' : 'invreq_payer_id'}`,
    );
  const auxRand =
    o.auxRand === undefined ? new Uint8Array(32) : bytesParam('options.auxRand', o.auxRand, 32);
  return finish(message, schnorr.sign(message.signatureHash, key, auxRand), o.uppercase === true);
};

/** Signs with an external signer: it gets the hash and the signing key, and returns the 64-byte signature. */
export const signBolt12With = async (
  unsigned: UnsignedBolt12,
  signer: Bolt12Signer,
  options?: Pick<SignBolt12Options, 'uppercase'>,
): Promise<string> => {
  const message = unsignedParam(unsigned);
  isFunction(signer, 'signer');
  const o = readOptions<Pick<SignBolt12Options, 'uppercase'>>('options', options, {
    uppercase: checkedWhereUsed,
  });
  const signature = await signer(message.signatureHash.slice(), message.signingKey.slice());
  if (!(signature instanceof Uint8Array) || signature.length !== 64)
    throw new TypeError(`signer must return a 64-byte Uint8Array, got ${describeValue(signature)}`);
  return finish(message, signature, o.uppercase === true);
};
